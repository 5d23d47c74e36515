// The store builder at sizes where its growth matters: integer columns cross block boundaries,
// text columns outgrow their staging block, dictionaries rehash (ByteKeys: byteKeys.test.ts). What comes out must be what went
// in, as plain, cloneable columns.

import { describe, expect, it } from 'vitest'
import { CsvLoader } from '../../../src/core/load/loader'
import {
  CATEGORY_COLUMNS,
  COUNT_COLUMNS,
  emptyRecord,
  SCHEMA_COLUMNS,
  TEXT_COLUMNS,
} from '../../../src/core/schema'
import { appendedText, StoreBuilder, type PartColumns } from '../../../src/core/store/builder'
import { appendPart } from '../../../src/core/store/appendPart'
import { NO_COUNT } from '../../../src/core/store/store'
import { labelCount, packStrings } from '../../../src/core/store/packedStrings'
import { transferablesOf } from '../../../src/core/store/store'

describe('StoreBuilder at scale', () => {
  const rows = 70_000
  const header = `${SCHEMA_COLUMNS.join(',')},extra\n`
  const lines: string[] = [header]
  for (let i = 0; i < rows; i++) {
    const quote = `"quote ${i} ""said"" ${'é'.repeat(i % 7)}${'x'.repeat(i % 50)}"`
    lines.push(
      `ID-${i},2021-0${(i % 9) + 1},C${i % 3},,,L${i % 1000},G${i % 8},,,,${i % 100},,,,,,s,${quote},,e${i}\n`,
    )
  }
  const bytes = new TextEncoder().encode(lines.join(''))
  const loader = new CsvLoader()
  for (let at = 0; at < bytes.length; at += 1 << 20) loader.push(bytes.subarray(at, at + (1 << 20)))
  const result = loader.finish()
  const store = result.store

  it('keeps every row, in order, across block boundaries', () => {
    expect(result.rowIssues).toEqual([])
    expect(store?.length).toBe(rows)
    for (const row of [0, 1, 65_535, 65_536, 65_537, rows - 1]) {
      const record = store?.record(row)
      expect(record?.incident_id).toBe(`ID-${row}`)
      expect(record?.killed_min).toBe(row % 100)
      expect(record?.location).toBe(`L${row % 1000}`)
      expect(record?.source_quote).toBe(
        `quote ${row} "said" ${'é'.repeat(row % 7)}${'x'.repeat(row % 50)}`.trim(),
      )
      expect(record?.extra).toEqual({ extra: `e${row}` })
      expect(store?.line(row)).toBe(row + 2)
    }
  })

  it('sizes every column exactly and stays structured-cloneable', () => {
    const columns = store?.columns
    if (!columns) throw new Error('no store')
    const quotes = columns.texts.source_quote
    expect(quotes.offsets.length).toBe(rows + 1)
    expect(quotes.bytes.length).toBe(quotes.offsets[rows])
    expect(quotes.bytes.buffer.byteLength).toBe(quotes.bytes.length)
    expect(columns.categories.incident_id.values).toHaveLength(rows)
    expect(columns.categories.target_group.values).toHaveLength(8)
    expect(columns.date.length).toBe(rows)
    expect(transferablesOf(columns)).toContain(quotes.bytes.buffer)
    const clone = structuredClone(columns)
    const same = Buffer.compare(clone.texts.source_quote.bytes, quotes.bytes) === 0
    expect(same).toBe(true)
    expect(clone.categories.incident_id.values[rows - 1]).toBe(`ID-${rows - 1}`)
  })
})

// A column read from the same bytes as the column before it (a GTD file's targtype1_txt is both
// target_group and target_type) takes its code through that column's: the labels must still be each
// row's own, also after rows pushed as records gave the two dictionaries different orders.
describe('StoreBuilder: a column read from the same field as the one before it', () => {
  const group = CATEGORY_COLUMNS.indexOf('target_group')
  const width = CATEGORY_COLUMNS.length + TEXT_COLUMNS.length
  const bytes = new TextEncoder().encode('Police,Military,Civilians,x')
  const at: Record<string, [number, number]> = {
    Police: [0, 6],
    Military: [7, 15],
    Civilians: [16, 25],
  }
  function pushSame(builder: StoreBuilder, label: string, id: string): void {
    const starts = new Int32Array(width)
    const ends = new Int32Array(width)
    // incident_id: its own bytes (the row's id is written after the labels).
    const idBytes = new TextEncoder().encode(id)
    const row = new Uint8Array(bytes.length + idBytes.length)
    row.set(bytes)
    row.set(idBytes, bytes.length)
    starts[0] = bytes.length
    ends[0] = row.length
    const [start, end] = at[label]!
    starts[group] = starts[group + 1] = start
    ends[group] = ends[group + 1] = end
    builder.pushRanges({
      bytes: row,
      line: 0,
      date: 0,
      counts: new Int32Array(COUNT_COLUMNS.length).fill(NO_COUNT),
      starts,
      ends,
      escaped: new Uint8Array(width),
    })
  }

  it('keeps each row its own label in both columns', () => {
    const builder = new StoreBuilder()
    // A row pushed as a record, its two labels apart.
    const pushApart = (id: string, group: string, type: string) =>
      builder.push({
        ...emptyRecord(),
        incident_id: id,
        date: '2020',
        target_group: group,
        target_type: type,
      })
    pushApart('r0', 'Civilians', 'Police')
    pushSame(builder, 'Police', 'r1')
    pushSame(builder, 'Civilians', 'r2')
    pushSame(builder, 'Police', 'r3')
    pushApart('r4', 'Military', 'Civilians')
    pushSame(builder, 'Military', 'r5')
    pushSame(builder, 'Civilians', 'r6')
    const store = builder.finish()
    const pairs = Array.from({ length: store.length }, (_, row) => {
      const record = store.record(row)
      return [record.incident_id, record.target_group, record.target_type]
    })
    expect(pairs).toEqual([
      ['r0', 'Civilians', 'Police'],
      ['r1', 'Police', 'Police'],
      ['r2', 'Civilians', 'Civilians'],
      ['r3', 'Police', 'Police'],
      ['r4', 'Military', 'Civilians'],
      ['r5', 'Military', 'Military'],
      ['r6', 'Civilians', 'Civilians'],
    ])
  })
})

describe('a built dictionary', () => {
  it('is counted from its bytes, with no label made a string', () => {
    const builder = new StoreBuilder()
    for (const id of ['a', 'b', 'a', 'c'])
      builder.push({ ...emptyRecord(), incident_id: id, date: '2020' })
    const data = builder.finish().columns.categories.incident_id
    const getter = Object.getOwnPropertyDescriptor(data, 'values')!.get!
    let reads = 0
    Object.defineProperty(data, 'values', {
      get: () => {
        reads++
        return getter()
      },
    })
    expect(labelCount(data)).toBe(3)
    expect(reads).toBe(0)
    expect(data.values).toEqual(['a', 'b', 'c'])
  })
})

describe('StoreBuilder.append', () => {
  // A part as the second worker sends it: its dictionaries as UTF-8, its text maybe resizable.
  function partOf(records: ReturnType<typeof emptyRecord>[]): PartColumns {
    const builder = new StoreBuilder(['extra'])
    for (const record of records) builder.push(record)
    const { columns } = builder.finish(true)
    const categories = {} as PartColumns['categories']
    for (const column of CATEGORY_COLUMNS) {
      const data = columns.categories[column]
      categories[column] = { codes: data.codes, values: packStrings(data.values) }
    }
    return { ...columns, categories }
  }
  const record = (i: number) => ({
    ...emptyRecord(),
    incident_id: `I${i}`,
    date: '2021-03',
    target_group: `g${i % 3}`,
    notes: i % 2 ? `note ${i} é` : '',
    source_quote: `"quote" ${i}`,
    extra: { extra: `e${i}` },
  })

  it('gives the store of every row pushed, whether the text is copied in or at the end, rows pushed after it too', () => {
    const records = Array.from({ length: 12 }, (_, i) => record(i))
    const one = new StoreBuilder(['extra'])
    for (const r of records) one.push(r)
    const expected = one.finish()
    const before = appendedText.copiedAtFinish
    try {
      for (const copiedAtFinish of [false, true]) {
        appendedText.copiedAtFinish = copiedAtFinish
        const built = new StoreBuilder(['extra'])
        for (const r of records.slice(0, 4)) built.push(r)
        appendPart(built, partOf(records.slice(4, 9)), 0)
        // Rows pushed after a part: its text is taken in first.
        for (const r of records.slice(9)) built.push(r)
        const store = built.finish()
        expect(store.length).toBe(12)
        for (let row = 0; row < 12; row++) {
          // Lines aside: the part's are its own.
          expect({ ...store.record(row), line: 0 }).toEqual({ ...expected.record(row), line: 0 })
        }
        for (const column of TEXT_COLUMNS) {
          const text = store.columns.texts[column]
          expect(Array.from(text.bytes)).toEqual(Array.from(expected.columns.texts[column].bytes))
        }
      }
      // A part appended last is copied once, with the column's own bytes, into a plain buffer.
      appendedText.copiedAtFinish = true
      const built = new StoreBuilder(['extra'])
      for (const r of records.slice(0, 4)) built.push(r)
      appendPart(built, partOf(records.slice(4)), 0)
      const quotes = built.finish().columns.texts.source_quote
      const resizable = (quotes.bytes.buffer as ArrayBuffer & { resizable?: boolean }).resizable
      expect(resizable).toBe(false)
      expect(Array.from(quotes.bytes)).toEqual(
        Array.from(expected.columns.texts.source_quote.bytes),
      )
    } finally {
      appendedText.copiedAtFinish = before
    }
  })
})

describe('StoreBuilder: labels of neighbouring rows', () => {
  // The builder stops comparing a row's label with the row before's where that rarely finds it;
  // the labels it reads are the same whether it compares or not.
  it('codes every label the same through runs of different and of equal neighbours', () => {
    const groups = [
      ...Array.from({ length: 20_000 }, (_, i) => `g${i % 3}`),
      ...Array.from({ length: 5_000 }, () => 'g1'),
      ...Array.from({ length: 5_000 }, (_, i) => `h${i % 2}`),
    ]
    const builder = new StoreBuilder([])
    for (const group of groups)
      builder.push({ ...emptyRecord(), incident_id: 'I', target_group: group })
    const store = builder.finish()
    const data = store.columns.categories.target_group
    expect(data.values).toEqual(['g0', 'g1', 'g2', 'h0', 'h1'])
    expect(Array.from(data.codes, (code) => data.values[code])).toEqual(groups)
  })
})
