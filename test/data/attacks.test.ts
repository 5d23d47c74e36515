// The shipped dataset: valid, and honest to the codebook's rules.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadCsv } from '../../src/core/load/loader'
import { SCHEMA_COLUMNS } from '../../src/core/schema'

const bytes = readFileSync('data/attacks.csv')
const result = loadCsv(bytes)
const records = result.store?.records() ?? []

describe('data/attacks.csv', () => {
  it('is valid: every row loads, no issue', () => {
    expect(result.fileIssues).toEqual([])
    expect(result.rowIssues).toEqual([])
    expect(result.summary.rowsWithIssues).toBe(0)
    expect(records.length).toBeGreaterThanOrEqual(6)
  })

  it('has exactly the schema columns, in order', () => {
    expect(result.header).toEqual([...SCHEMA_COLUMNS])
  })

  it('carries the source words of every figure', () => {
    for (const r of records) {
      if (r.killed_min !== null || r.killed_max !== null) expect(r.killed_text, r.incident_id).not.toBe('')
      if (r.injured_min !== null || r.injured_max !== null) expect(r.injured_text, r.incident_id).not.toBe('')
      if (r.killed_text) expect(r.source_quote, r.incident_id).toContain(r.killed_text)
      if (r.injured_text) expect(r.source_quote, r.incident_id).toContain(r.injured_text)
      expect(r.source_quote.length, r.incident_id).toBeLessThanOrEqual(220)
      expect(r.source, r.incident_id).not.toBe('')
    }
  })

  it('codes the qualifiers of the text as the codebook says', () => {
    const byText = (text: string) => records.find((r) => r.killed_text.includes(text))
    expect(byText('over 50')).toMatchObject({ killed_min: 51, killed_max: null, injured_min: null, injured_max: null, injured_text: 'scores' })
    expect(byText('at least 47')).toMatchObject({ killed_min: 47, killed_max: null })
    expect(byText('170 Afghans')).toMatchObject({ killed_min: 170, killed_max: 170 })
    expect(byText('13 American service members')).toMatchObject({ killed_min: 13, killed_max: 13 })
    expect(byText('at least six')).toMatchObject({ killed_min: 6, killed_max: null, injured_min: null })
    expect(byText('multiple casualties')).toMatchObject({ killed_min: null, killed_max: null })
  })

  it('never gives a day the text does not give', () => {
    for (const r of records) expect(r.date, r.incident_id).toMatch(/^\d{4}(-\d{2})?$/)
  })

  it('keeps the rows of one incident together under one id', () => {
    const airport = records.filter((r) => r.killed_text.includes('170') || r.killed_text.includes('13 American'))
    expect(new Set(airport.map((r) => r.incident_id)).size).toBe(1)
  })
})
