import { describe, expect, it } from 'vitest'
import { HXL_TAGS, exportColumns, rowFields, storeToCsv } from '../../../src/core/export/exportCsv'
import { EXCEL_FRIENDLY, PLAIN_RFC4180, toCsv } from '../../../src/core/csv/write'
import { loadCsv } from '../../../src/core/load/loader'
import { SCHEMA_COLUMNS, emptyRecord } from '../../../src/core/schema'
import { storeFromRecords } from '../../../src/core/store/builder'

function sampleStore() {
  const record = {
    ...emptyRecord(),
    incident_id: 'A1',
    date: '2021-10',
    target_group: 'shia worshippers',
    killed_min: 47,
    notes: '<img src=x onerror=alert(1)>',
    extra: { lat: '=1+1' },
  }
  return storeFromRecords([record, { ...record, incident_id: 'A2', extra: { lat: '' } }])
}

describe('storeToCsv', () => {
  it('writes Excel-friendly CSV: BOM, CRLF, schema columns then extras, escaped formulas', () => {
    const csv = storeToCsv(sampleStore(), [1, 0], EXCEL_FRIENDLY)
    expect(csv.startsWith('\uFEFF"incident_id","date",')).toBe(true)
    const lines = csv.slice(1).split('\r\n')
    expect(lines).toHaveLength(4)
    expect(lines[0]).toBe([...SCHEMA_COLUMNS, 'lat'].map((c) => `"${c}"`).join(','))
    expect(lines[1]?.startsWith('"A2","2021-10"')).toBe(true)
    expect(lines[2]?.endsWith('"<img src=x onerror=alert(1)>","\'=1+1"')).toBe(true)
  })

  it('writes what toCsv writes from the rows as records (the fast column path agrees)', () => {
    const store = sampleStore()
    expect(storeToCsv(store, [1, 0])).toBe(
      toCsv(exportColumns(store), [rowFields(store, 1), rowFields(store, 0)]),
    )
  })

  it('writes plain RFC 4180 without a BOM', () => {
    const csv = storeToCsv(sampleStore(), [0], PLAIN_RFC4180)
    expect(csv.startsWith('"incident_id"')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
  })

  it('adds an HXL row on request, which the importer skips', () => {
    const csv = storeToCsv(sampleStore(), [0, 1], { ...PLAIN_RFC4180, hxl: true })
    const hxlLine = csv.split('\r\n')[1]
    expect(hxlLine).toBe(
      [...SCHEMA_COLUMNS.map((c) => HXL_TAGS[c]), ''].map((t) => `"${t}"`).join(','),
    )
    expect(HXL_TAGS.date).toBe('#date+occurred')
    expect(HXL_TAGS.killed_min).toBe('#affected+killed+min')
    const result = loadCsv(csv)
    expect(result.summary).toMatchObject({ rowsLoaded: 2, rowsWithIssues: 0, skippedLines: 1 })
    expect(result.store?.records()).toEqual(sampleStore().records())
  })
  it('gives an extra column named like an Object method no hashtag', () => {
    const record = { ...emptyRecord(), incident_id: 'A', date: '2021', target_group: 'g' }
    const store = storeFromRecords([{ ...record, extra: { toString: 'x', __proto__x: 'y' } }])
    const csv = storeToCsv(store, [0], { ...PLAIN_RFC4180, hxl: true })
    expect(csv.split('\r\n')[1]?.endsWith('"#description+notes","",""')).toBe(true)
  })
})
