// The store builder at sizes where its growth matters: integer columns cross block boundaries,
// text columns outgrow their staging block, dictionaries rehash (ByteKeys: byteKeys.test.ts). What comes out must be what went
// in, as plain, cloneable columns.

import { describe, expect, it } from 'vitest'
import { CsvLoader } from '../../../src/core/load/loader'
import { SCHEMA_COLUMNS } from '../../../src/core/schema'
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
