import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  copyUnescaped,
  trimRange,
  trimmed,
  utf8SequenceLength,
  whitespaceLength,
  whitespaceLengthBefore,
} from '../../../src/core/csv/bytes'

const encode = (text: string) => new TextEncoder().encode(text)
const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)

describe('utf8SequenceLength and trimRange', () => {
  it('judges UTF-8 sequences as a fatal TextDecoder does', () => {
    const strict = new TextDecoder('utf-8', { fatal: true })
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 4 }), (bytes) => {
        fc.pre((bytes[0] ?? 0) >= 0x80)
        const length = utf8SequenceLength(bytes, 0, bytes.length)
        let valid: boolean
        try {
          strict.decode(bytes)
          valid = true
        } catch {
          valid = false
        }
        if (length > 0 && length === bytes.length) expect(valid).toBe(true)
        if (length === 0 || length === -1) expect(valid).toBe(false)
      }),
      { numRuns: 2000 },
    )
  })

  it('trims what String.prototype.trim trims', () => {
    const unit = fc.constantFrom(
      'a',
      ' ',
      '\t',
      '\u00a0',
      '\u2003',
      '\u3000',
      '\ufeff',
      'é',
      '\u2028',
      '\v',
    )
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 8 }), (value) => {
        const bytes = new TextEncoder().encode(value)
        trimRange(bytes, 0, bytes.length)
        const kept = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
          bytes.subarray(trimmed.start, trimmed.end),
        )
        expect(kept).toBe(value.trim())
      }),
    )
  })
})

describe('whitespaceLength and whitespaceLengthBefore', () => {
  it.each([
    [' x', 1, 0],
    ['\tx', 1, 0],
    ['\u00a0x\u00a0', 2, 2],
    ['\u3000x\u2003', 3, 3],
    ['\ufeffx', 3, 0],
    ['x', 0, 0],
    ['é', 0, 0],
    // Line breaks end rows: they are no white space here.
    ['\nx\r', 0, 0],
  ])('%j: %d bytes of white space first, %d last', (text, first, last) => {
    const bytes = encode(text)
    expect(whitespaceLength(bytes, 0, bytes.length)).toBe(first)
    expect(whitespaceLengthBefore(bytes, 0, bytes.length)).toBe(last)
  })
})

describe('copyUnescaped', () => {
  it.each([
    ['plain', 'plain'],
    ['say ""hi""', 'say "hi"'],
    ['""""', '""'],
    ['a""', 'a"'],
    // A lone quote (malformed input) stays, as PapaParse keeps it.
    ['a"b', 'a"b'],
    ['Kābul ""mosque""', 'Kābul "mosque"'],
    // Past the short-field length (256 bytes), runs between quotes are copied natively.
    [`${'x'.repeat(300)} ""hi"" a"b`, `${'x'.repeat(300)} "hi" a"b`],
    [`""${'é'.repeat(140)}""""`, `"${'é'.repeat(140)}""`],
  ])('%j -> %j', (field, value) => {
    const bytes = encode(`,${field},`)
    const out = new Uint8Array(bytes.length + 4).fill(120)
    const end = copyUnescaped(bytes, 1, bytes.length - 1, out, 2)
    expect(decode(out.subarray(2, end))).toBe(value)
    // Nothing before the start it was given is touched.
    expect(out[0]).toBe(120)
    expect(out[1]).toBe(120)
  })

  // What the bytes say: a quote followed by a quote is one quote; any other quote stays.
  const reference = (field: string): string => {
    let out = ''
    for (let i = 0; i < field.length; i++) {
      out += field[i]
      if (field[i] === '"' && field[i + 1] === '"') i++
    }
    return out
  }
  it('reads any field, short or long, as one pass over its characters would', () => {
    const field = fc
      .array(fc.constantFrom('a', '"', '""', 'é', ' ', 'xyz'), { maxLength: 200 })
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(field, (value) => {
        const bytes = encode(`,${value},`)
        const out = new Uint8Array(bytes.length)
        const end = copyUnescaped(bytes, 1, bytes.length - 1, out, 0)
        expect(decode(out.subarray(0, end))).toBe(reference(value))
      }),
    )
  })
})
