// The export in pieces (storeCsvParts, what the page writes a big selection with) must give exactly
// the bytes of the one-shot writer (storeToCsv): same text, same UTF-8 once each piece is encoded
// on its own, whatever the store holds, the rows chosen, the dialect and the piece size.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CSV_PART_ROWS,
  decodeUtf8,
  exportColumns,
  rowFields,
  storeCsvParts,
  storeToCsv,
  type CsvPart,
  type StoreExportOptions,
} from '../../../src/core/export/exportCsv'
import { EXCEL_FRIENDLY, PLAIN_RFC4180, toCsv } from '../../../src/core/csv/write'
import {
  CATEGORY_COLUMNS,
  TEXT_COLUMNS,
  emptyRecord,
  isSchemaColumn,
  type CasualtyRecord,
} from '../../../src/core/schema'
import { storeFromRecords } from '../../../src/core/store/builder'
import type { CasualtyStore } from '../../../src/core/store/store'
import { count, dateText, setExtras } from '../../helpers/arbitraries'

/** Text that stresses a CSV writer: quotes, separators, line breaks, formulas, any code point. */
const tricky = fc.oneof(
  fc.constantFrom(',', '"', "'", '\n', '\r', '\r\n', ' ', '=', '+', '-', '@', '\t', '#'),
  fc.constantFrom('\uFF1D', '\uFEFF', '\u0000', 'é', '😀', '\uD800', '\uDC00'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
)
const text = fc.string({ unit: tricky, maxLength: 10 })
const extraNames = fc.uniqueArray(
  fc.oneof(
    fc.constantFrom('toString', '__proto__', 'lat'),
    text.filter((s) => s !== '' && !isSchemaColumn(s)),
  ),
  { maxLength: 3 },
)

const recordWith = (extras: readonly string[]) =>
  fc
    .record({
      date: dateText,
      counts: fc.array(count, { minLength: 4, maxLength: 4 }),
      // Few distinct labels, so dictionary codes repeat as in real data.
      labels: fc.array(fc.oneof(text, fc.constantFrom('civilians', '=cmd')), {
        minLength: CATEGORY_COLUMNS.length,
        maxLength: CATEGORY_COLUMNS.length,
      }),
      texts: fc.array(text, { minLength: TEXT_COLUMNS.length, maxLength: TEXT_COLUMNS.length }),
      extra: fc.array(text, { minLength: extras.length, maxLength: extras.length }),
    })
    .map((r): CasualtyRecord => {
      const record = emptyRecord()
      CATEGORY_COLUMNS.forEach((column, i) => (record[column] = r.labels[i] ?? ''))
      TEXT_COLUMNS.forEach((column, i) => (record[column] = r.texts[i] ?? ''))
      record.date = r.date
      ;[record.killed_min, record.killed_max, record.injured_min, record.injured_max] =
        r.counts as [number | null, number | null, number | null, number | null]
      return setExtras(record, extras, r.extra)
    })

/** A store, and rows of it to export: any order, repeats allowed, none at all allowed. */
const selectionOfStore = extraNames
  .chain((names) =>
    fc.tuple(fc.constant(names), fc.array(recordWith(names), { minLength: 1, maxLength: 12 })),
  )
  .chain(([names, records]) =>
    fc.tuple(
      fc.constant(storeFromRecords(records, names)),
      fc.array(fc.nat({ max: records.length - 1 }), { maxLength: 30 }),
    ),
  )

const writeOptions: fc.Arbitrary<StoreExportOptions> = fc
  .tuple(
    fc.constantFrom(EXCEL_FRIENDLY, PLAIN_RFC4180, { bom: false, newline: '\n' as const }),
    fc.boolean(),
  )
  .map(([format, hxl]) => ({ ...format, hxl }))

/** Checks `check` on random stores, selections of their rows, write options and part sizes. */
function forAnyParts(
  check: (
    selection: [CasualtyStore, number[]],
    options: StoreExportOptions,
    partRows: number,
  ) => void,
  numRuns?: number,
): void {
  fc.assert(
    fc.property(selectionOfStore, writeOptions, fc.integer({ min: 1, max: 7 }), check),
    numRuns === undefined ? {} : { numRuns },
  )
}

function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const all = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0))
  let at = 0
  for (const chunk of chunks) {
    all.set(chunk, at)
    at += chunk.length
  }
  return all
}

describe('storeCsvParts', () => {
  it('joins to exactly the one-shot text and bytes, pieces encoded one by one', () => {
    const encoder = new TextEncoder()
    forAnyParts(([store, rows], options, partRows) => {
      const selection = Uint32Array.from(rows)
      const oneShot = storeToCsv(store, selection, options)
      const parts = [...storeCsvParts(store, selection, options, partRows)]
      expect(parts.map((part) => part.text).join('')).toBe(oneShot)
      expect(concatBytes(parts.map((part) => encoder.encode(part.text)))).toEqual(
        encoder.encode(oneShot),
      )
    }, 200)
  })

  it('is, like storeToCsv, what toCsv writes from the rows read as records', () => {
    // store.record() is a path of its own through the store: the column writers both writers
    // share are held to it, so the equality above is not one bug agreeing with itself.
    fc.assert(
      fc.property(selectionOfStore, writeOptions, ([store, rows], withHxl) => {
        // toCsv writes no HXL row; storeToCsv's is checked on its own in exportCsv.test.ts.
        const options = { ...withHxl, hxl: false }
        const fromRecords = toCsv(
          exportColumns(store),
          rows.map((row) => rowFields(store, row)),
          options,
        )
        const parts = [...storeCsvParts(store, rows, options, 3)]
        expect(parts.map((part) => part.text).join('')).toBe(fromRecords)
      }),
      { numRuns: 200 },
    )
  })

  it('counts the rows written, at most partRows a piece, every piece a whole line', () => {
    forAnyParts(([store, rows], options, partRows) => {
      const parts: CsvPart[] = [...storeCsvParts(store, rows, options, partRows)]
      expect(parts.length).toBe(Math.max(1, Math.ceil(rows.length / partRows)))
      parts.forEach((part, i) => {
        expect(part.rowsWritten).toBe(Math.min(rows.length, (i + 1) * partRows))
        expect(part.text.endsWith(options.newline)).toBe(true)
      })
    })
  })

  it.each([
    [0, 1],
    [1, 1],
    [CSV_PART_ROWS, 1],
    [CSV_PART_ROWS + 1, 2],
    [3 * CSV_PART_ROWS, 3],
  ])('writes %i rows in %i pieces by default, header in the first', (rowCount, pieces) => {
    const record = { ...emptyRecord(), incident_id: 'A', date: '2021', target_group: '=g' }
    const store = storeFromRecords([record])
    const rows = new Uint32Array(rowCount)
    const parts = [...storeCsvParts(store, rows, EXCEL_FRIENDLY)]
    expect(parts).toHaveLength(pieces)
    expect(parts[0]?.text.startsWith('\uFEFF"incident_id"')).toBe(true)
    expect(parts.slice(1).every((part) => part.text.startsWith('"A","2021"'))).toBe(true)
    expect(parts.map((part) => part.text).join('')).toBe(storeToCsv(store, rows, EXCEL_FRIENDLY))
  })

  it('writes a column of more labels than it caches (one id per row) as the records say', () => {
    const records = Array.from({ length: 70_000 }, (_, i) => ({
      ...emptyRecord(),
      incident_id: i % 3 ? `id-${i}` : `=id"${i}`,
      date: '2021',
      target_group: i % 2 ? 'civilians' : '+g',
    }))
    const store = storeFromRecords(records)
    const rows = Uint32Array.from({ length: 70_000 }, (_, i) => 69_999 - i)
    const fromRecords = toCsv(
      exportColumns(store),
      Array.from(rows, (row) => rowFields(store, row)),
    )
    const parts = [...storeCsvParts(store, rows, EXCEL_FRIENDLY)]
    expect(parts.map((part) => part.text).join('') === fromRecords).toBe(true)
    expect(storeToCsv(store, rows) === fromRecords).toBe(true)
  })
})

describe('decodeUtf8', () => {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
  const encoder = new TextEncoder()
  /** Bytes that are mostly UTF-8, with stray, cut and overlong sequences mixed in. */
  const someBytes = fc.oneof(
    fc.uint8Array({ maxLength: 40 }),
    fc
      .array(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 8 }).map((s) => [...encoder.encode(s)]),
          fc.constantFrom(
            [0xc0, 0x80],
            [0xe0, 0x80, 0x80],
            [0xed, 0xa0, 0x80],
            [0xf4, 0x90, 0x80, 0x80],
            [0xf0, 0x9f],
            [0xef, 0xbb, 0xbf],
            [0x80],
            [0xff],
          ),
        ),
        { maxLength: 8 },
      )
      .map((chunks) => Uint8Array.from(chunks.flat())),
  )

  it('reads any bytes, any slice of them, exactly as TextDecoder does', () => {
    fc.assert(
      fc.property(someBytes, fc.nat(), fc.nat(), (bytes, a, b) => {
        const start = bytes.length ? a % bytes.length : 0
        const end = start + (bytes.length - start ? b % (bytes.length - start + 1) : 0)
        expect(decodeUtf8(bytes, start, end)).toBe(decoder.decode(bytes.subarray(start, end)))
      }),
      { numRuns: 2000 },
    )
  })

  it.each([
    ['ASCII', 'plain'],
    ['Latin, quotes and dashes', 'é ‘quoted’ – “x”'],
    ['astral', '😀 𝒜'],
    ['a byte-order mark kept', '\uFEFFx'],
    ['longer than the short path', `${'é'.repeat(3000)}😀`],
  ])('decodes %s', (_name, text) => {
    const bytes = encoder.encode(`ab${text}cd`)
    expect(decodeUtf8(bytes, 2, bytes.length - 2)).toBe(text)
  })
})
