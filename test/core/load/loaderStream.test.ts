// The streamed import (CsvLoader: byte scanner, fast path straight into the columns) against the
// reference pipeline it replaced: decode the whole text, parseCsvText (PapaParse), validateRow per
// row, StoreBuilder.push per record. Same records, issues, rejected rows and counts, whatever the
// values and wherever the chunks split the bytes.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeBytes } from '../../../src/core/csv/decode'
import { CsvLoader, loadCsv, type LoadResult } from '../../../src/core/load/loader'
import { SCHEMA_COLUMNS } from '../../../src/core/schema'
import { readerFromHeader } from '../../../src/core/load/validate'
import { fixtureBytes } from '../../helpers/fixtures'
import { referenceLoad } from '../../helpers/referenceLoad'

function loadInChunks(bytes: Uint8Array, chunk: number): LoadResult {
  const loader = new CsvLoader()
  for (let at = 0; at < bytes.length; at += chunk) loader.push(bytes.subarray(at, at + chunk))
  return loader.finish()
}

const quote = (value: string) => `"${value.replace(/"/g, '""')}"`

const label = fc.oneof(
  fc.constantFrom('civilians', 'police', ' padded ', 'São Tomé', '', "'=1+2", '=SUM(A1)', "'plain"),
  fc.string({
    unit: fc.constantFrom('a', ' ', ',', '"', '\n', '\r', 'é', '\u00a0', "'", '='),
    maxLength: 6,
  }),
)
const count = fc.constantFrom(
  '',
  '0',
  '7',
  ' 12 ',
  '003',
  '-1',
  '1.5',
  '2000000001',
  '999999999',
  '1e3',
  'x',
  '"5"',
)
const date = fc.constantFrom(
  '2021',
  '2021-02',
  '2021-02-28',
  '2021-02-30',
  ' 2020-01-01 ',
  "'2021",
  'abc',
  '',
  '0999',
  '"2021-13"',
)

// One row of our schema, as CSV text: values that are valid, and values that each rule refuses.
const row = fc
  .tuple(
    fc.array(label, { minLength: SCHEMA_COLUMNS.length, maxLength: SCHEMA_COLUMNS.length }),
    fc.array(count, { minLength: 4, maxLength: 4 }),
    date,
    label,
    fc.integer({ min: -1, max: 1 }),
  )
  .map(([labels, counts, day, extra, widthChange]) => {
    const cells = SCHEMA_COLUMNS.map((column, i) => {
      if (column === 'date') return day.startsWith('"') ? day : quote(day)
      const at = ['killed_min', 'killed_max', 'injured_min', 'injured_max'].indexOf(column)
      if (at !== -1) return counts[at] as string
      const value = labels[i] as string
      return /[",\n\r]/.test(value) || i % 3 === 0 ? quote(value) : value
    })
    cells.push(quote(extra))
    if (widthChange === 1) cells.push('spare')
    if (widthChange === -1) cells.pop()
    return cells.join(',')
  })

const file = fc
  .tuple(
    fc.array(fc.oneof({ weight: 6, arbitrary: row }, { weight: 1, arbitrary: fc.constant('') }), {
      maxLength: 8,
    }),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([rows, newline]) => [[...SCHEMA_COLUMNS, 'x'].join(','), ...rows].join(newline) + newline)

describe('CsvLoader gives what the reference pipeline gives', () => {
  it('on rows that pass and rows that break every rule, in any chunks', () => {
    fc.assert(
      fc.property(file, fc.integer({ min: 1, max: 64 }), (text, chunk) => {
        const reference = referenceLoad(text, readerFromHeader)
        const result = loadInChunks(new TextEncoder().encode(text), chunk)
        expect(result.ok).toBe(true)
        expect(result.store?.records()).toEqual(reference.records)
        expect(result.store ? Array.from(result.store.columns.line) : []).toEqual(reference.lines)
        expect(result.rowIssues).toEqual(reference.rowIssues)
        expect(result.rejected).toEqual(reference.rejected)
        expect(result.summary.blankLines).toBe(reference.blankLines)
        expect(result.fileIssues).toEqual(reference.fileIssues)
      }),
      { numRuns: 300 },
    )
  })

  it('reads a file as Windows-1252 when a byte far into it is not UTF-8', () => {
    const head =
      'incident_id,date,target_group,killed_min,killed_max,injured_min,injured_max,notes\n'
    const rows = Array.from({ length: 400 }, (_, i) => `A${i},2021,civilians,1,2,,,plain ${i}\n`)
    const ascii = new TextEncoder().encode(head + rows.join(''))
    const tail = Uint8Array.of(
      ...new TextEncoder().encode('Z,2021,caf'),
      0xe9,
      ...new TextEncoder().encode(',3,3,,,na'),
      0xef,
      0x76,
      0x65,
      0x0a,
    )
    const bytes = new Uint8Array(ascii.length + tail.length)
    bytes.set(ascii)
    bytes.set(tail, ascii.length)
    const whole = decodeBytes(bytes)
    expect(whole.ok && whole.encoding).toBe('windows-1252')
    for (const chunk of [7, 4096, bytes.length]) {
      const result = loadInChunks(bytes, chunk)
      expect(result.encoding).toBe('windows-1252')
      expect(result.warnings).toHaveLength(1)
      expect(result.summary.rowsLoaded).toBe(401)
      const last = result.store?.record(400)
      expect(last?.target_group).toBe('café')
      expect(last?.notes).toBe('naïve')
    }
  })

  it('refuses a UTF-8 file with a BOM that is not UTF-8 further on, as decodeBytes does', () => {
    const bytes = Uint8Array.of(
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode('incident_id\nA'),
      0xff,
      0x0a,
    )
    const expected = decodeBytes(bytes)
    const result = loadInChunks(bytes, 3)
    expect(result.ok).toBe(false)
    expect(expected.ok).toBe(false)
    expect(result.fileIssues[0]?.message).toBe(expected.ok ? '' : expected.message)
  })

  it.each([
    ['utf16le-bom-tab.txt'],
    ['utf16be-bom-tab.txt'],
    ['windows-1252.csv'],
    ['utf8-bom-crlf.csv'],
    ['bad-rows.csv'],
    ['gtd-export.csv'],
  ])('loads %s the same in chunks of 1, 3 and 5 bytes as whole', (name) => {
    const bytes = fixtureBytes(name)
    const whole = loadCsv(bytes)
    for (const chunk of [1, 3, 5]) {
      const chunked = loadInChunks(bytes, chunk)
      expect(chunked.ok).toBe(whole.ok)
      expect(chunked.encoding).toBe(whole.encoding)
      expect(chunked.store?.records()).toEqual(whole.store?.records())
      expect(chunked.rowIssues).toEqual(whole.rowIssues)
      expect(chunked.fileIssues).toEqual(whole.fileIssues)
    }
  })

  it('carries a long quoted value across many small chunks and never holds the file as text', () => {
    const quoteText = 'word, "quoted"\nnext line '.repeat(4000)
    const text = `incident_id,date,target_group,killed_min,killed_max,injured_min,injured_max,source_quote\nA,2021,g,1,,,,${quote(quoteText)}\nB,2022,g,,,,,short\n`
    const result = loadInChunks(new TextEncoder().encode(text), 4096)
    expect(result.store?.record(0).source_quote).toBe(quoteText.trim())
    expect(result.store?.line(1)).toBe(4003)
  })
})

describe('a file that mixes encodings', () => {
  it('keeps its UTF-8 rows, reads the rest as Windows-1252, and says from which line', () => {
    const encode = (text: string) => new TextEncoder().encode(text)
    const bytes = Uint8Array.of(
      ...encode('incident_id,date,target_group,killed_min,killed_max,injured_min,injured_max\n'),
      ...encode('A,2021,gruppé,1,,,\n'),
      ...encode('B,2021,caf'),
      0xe9,
      ...encode(',2,,,\n'),
    )
    const result = loadInChunks(bytes, 5)
    expect(result.encoding).toBe('windows-1252')
    expect(result.store?.records().map((r) => r.target_group)).toEqual(['gruppé', 'café'])
    expect(result.warnings[1]).toMatch(/before line 3 are valid UTF-8/)
  })
})
