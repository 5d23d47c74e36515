import { describe, expect, it } from 'vitest'
import { escapeFormula, unescapeFormula } from '../../../src/core/csv/formula'

describe('escapeFormula', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'],
    ['+1+2', "'+1+2"],
    ['-A1', "'-A1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['\n=1', "'\n=1"],
    ['\uFF1D1+2', "'\uFF1D1+2"],
    ["'=1", "''=1"],
    ['-5', '-5'],
    ['+3.5', '+3.5'],
    ['-1e5', '-1e5'],
    ['plain', 'plain'],
    ["it's", "it's"],
    ['', ''],
  ])('%j -> %j, and back', (value, escaped) => {
    expect(escapeFormula(value)).toBe(escaped)
    expect(unescapeFormula(escapeFormula(value))).toBe(value)
  })
})
