// What must always hold between our CSV writer and our importer: importing an export
// gives back the same records and columns, whatever the strings hold; and no input row is ever
// lost without being loaded, reported or counted.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { storeToCsv } from '../../../src/core/export/exportCsv'
import { EXCEL_FRIENDLY, PLAIN_RFC4180, toCsv } from '../../../src/core/csv/write'
import { loadCsv } from '../../../src/core/load/loader'
import type { CasualtyRecord } from '../../../src/core/schema'
import {
  CATEGORY_COLUMNS,
  REQUIRED_COLUMNS,
  TEXT_COLUMNS,
  emptyRecord,
  isSchemaColumn,
} from '../../../src/core/schema'
import { allRows } from '../../../src/core/view/filter'
import { storeFromRecords } from '../../../src/core/store/builder'
import { count, dateText, setExtras } from '../../helpers/arbitraries'

/** Characters that break naive CSV and spreadsheets, mixed with any Unicode code point. */
const tricky = fc.oneof(
  fc.constantFrom(',', ';', '\t', '"', "'", '\n', '\r', '\r\n', ' ', '=', '+', '-', '@', '#'),
  fc.constantFrom('\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', '\u0000', '\uFEFF', 'é', '😀', '٣'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
)
const anyText = fc.string({ unit: tricky, maxLength: 12 })
/** Formula-like text as a spreadsheet user might type it. */
const formulaText = fc.oneof(
  fc.constant('=HYPERLINK("http://x","y")'),
  fc.constant('-5'),
  fc.constant("'=1+2"),
  fc.constant('@SUM(A1)'),
  fc.constant('\n=1'),
  anyText.map((s) => `=${s}`),
  anyText.map((s) => `'${s}`),
)
const cellText = fc.oneof(anyText, formulaText)
// The importer trims schema values (a cell's surrounding spaces are not data), so records coming
// out of an import hold trimmed values; those are what the property ranges over.
const trimmed = cellText.map((s) => s.trim())
const nonEmpty = trimmed.filter((s) => s !== '')

const range = fc
  .tuple(count, count)
  .map(([a, b]): [number | null, number | null] =>
    a !== null && b !== null && a > b ? [b, a] : [a, b],
  )

// Names that collide with Object's own properties are where a plain object lookup goes wrong.
const extraNames = fc.uniqueArray(
  fc.oneof(
    fc.constantFrom('__proto__', 'toString', 'constructor', 'hasOwnProperty', 'line'),
    cellText.map((s) => s.trim()).filter((s) => s !== '' && !isSchemaColumn(s.toLowerCase())),
  ),
  { maxLength: 3, selector: (s) => s },
)

const recordWith = (extras: readonly string[]) =>
  fc
    .record({
      incident_id: nonEmpty,
      date: dateText,
      target_group: nonEmpty,
      killed: range,
      injured: range,
      texts: fc.array(trimmed, { minLength: 20, maxLength: 20 }),
      extra: fc.array(cellText, { minLength: extras.length, maxLength: extras.length }),
    })
    .map((r): CasualtyRecord => {
      const record = emptyRecord()
      const others = [...CATEGORY_COLUMNS, ...TEXT_COLUMNS].filter(
        (c) => c !== 'incident_id' && c !== 'target_group',
      )
      others.forEach((column, i) => (record[column] = r.texts[i] ?? ''))
      record.incident_id = r.incident_id
      record.target_group = r.target_group
      record.date = r.date
      ;[record.killed_min, record.killed_max] = r.killed
      ;[record.injured_min, record.injured_max] = r.injured
      return setExtras(record, extras, r.extra)
    })

const dataset = extraNames.chain((names) =>
  fc.tuple(fc.constant(names), fc.array(recordWith(names), { minLength: 1, maxLength: 8 })),
)

describe('import(export(records))', () => {
  it.each([
    ['Excel-friendly', EXCEL_FRIENDLY],
    ['plain RFC 4180', PLAIN_RFC4180],
  ])('gives back the same records and columns (%s)', (_name, format) => {
    fc.assert(
      fc.property(dataset, fc.boolean(), ([names, records], hxl) => {
        const store = storeFromRecords(records, names)
        const csv = storeToCsv(store, allRows(store), { ...format, hxl })
        const result = loadCsv(new TextEncoder().encode(csv))
        expect(result.rowIssues).toEqual([])
        expect(result.store?.extraNames).toEqual(names)
        expect(result.store?.records()).toEqual(records)
        expect(result.summary.skippedLines).toBe(hxl ? 1 : 0)
      }),
      { numRuns: 300 },
    )
  })

  it('keeps a CR inside a value (line breaks are normalised only between rows)', () => {
    const record = { ...emptyRecord(), incident_id: 'a', date: '2021', target_group: 'g' }
    record.notes = 'one\rtwo\r\nthree\nfour'
    const store = storeFromRecords([record])
    const result = loadCsv(storeToCsv(store, allRows(store)))
    expect(result.store?.record(0).notes).toBe('one\rtwo\r\nthree\nfour')
  })
})

describe('a header that repeats a column name', () => {
  it('keeps every column: the later copies of an extra column are renamed, with their values', () => {
    const header =
      'incident_id,date,target_group,killed_min,killed_max,injured_min,injured_max,x,x,x'
    const result = loadCsv(`${header}\nA,2021,g,,,,,1,2,3\n`)
    expect(result.store?.extraNames).toEqual(['x', 'x (2)', 'x (3)'])
    expect(result.store?.record(0).extra).toEqual({ x: '1', 'x (2)': '2', 'x (3)': '3' })
  })
})

describe('every input row', () => {
  const plain = fc.stringMatching(/^[a-z0-9 =@+-]{0,6}$/)
  const quoted = anyText.map((s) => `"${s.replace(/"/g, '""')}"`)
  const field = fc.oneof(plain, quoted, fc.constantFrom('', '2021-10', '5', 'x'))
  const row = fc.array(field, { minLength: 1, maxLength: 9 })
  const newline = fc.constantFrom('\n', '\r\n', '\r')

  it('is loaded, reported or counted as blank', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), newline, fc.boolean(), (rows, nl, last) => {
        const header = REQUIRED_COLUMNS.join(',')
        const text = [header, ...rows.map((fields) => fields.join(','))].join(nl) + (last ? nl : '')
        const result = loadCsv(text)
        const { rowsLoaded, rowsWithIssues, blankLines, skippedLines } = result.summary
        // Without a final newline, a last empty line is no line: the file ends with a newline.
        const lastIsEmpty = rows.length > 0 && rows[rows.length - 1]?.join(',') === ''
        const lines = rows.length - (lastIsEmpty && !last ? 1 : 0)
        expect(rowsLoaded + rowsWithIssues + blankLines + skippedLines).toBe(lines)
        expect(result.rejected.length).toBe(rowsWithIssues)
      }),
      { numRuns: 500 },
    )
  })

  it('holds for every row written by toCsv, including empty ones', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cellText, { minLength: 7, maxLength: 7 }), { maxLength: 10 }),
        (rows) => {
          const result = loadCsv(toCsv(REQUIRED_COLUMNS, rows))
          const { rowsLoaded, rowsWithIssues, blankLines, skippedLines } = result.summary
          expect(rowsLoaded + rowsWithIssues + blankLines + skippedLines).toBe(rows.length)
        },
      ),
      { numRuns: 300 },
    )
  })
})
