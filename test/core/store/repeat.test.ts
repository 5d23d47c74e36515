// A mapped file's own columns that one of ours is read from as it is are kept as that column of
// ours plus the rows where the file's text differs (RepeatData), not stored twice. Read back by
// row, written out whole, exported, saved, cut and joined, they must give the file's text.
// Fixtures: real exports from public repositories (test/fixtures/real/README.md says where from).

import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseCsvText } from '../../../src/core/csv/papaParse'
import { storeToCsv } from '../../../src/core/export/exportCsv'
import { KNOWN_COLUMN_NAMES } from '../../../src/core/load/formats'
import { loadCsv } from '../../../src/core/load/loader'
import { proposeMapping, readerFromMapping } from '../../../src/core/load/mapping'
import { runSteps } from '../../../src/core/steps'
import { concatStores } from '../../../src/core/store/concat'
import { sliceStore } from '../../../src/core/store/edit'
import {
  checkColumns,
  columnsFromParts,
  planStored,
  readManifest,
  storeFromStoredInSteps,
} from '../../../src/core/store/persist'
import { extraText, extraTexts } from '../../../src/core/store/repeat'
import { CasualtyStore, extraValue, isRepeat, type RepeatData } from '../../../src/core/store/store'
import { packColumns } from '../../../src/core/store/transfer'
import { fixtureBytes } from '../../helpers/fixtures'

// Every real export that gives rows (a workbook saved as .csv gives none).
const REAL = readdirSync(new URL('../../fixtures/real/', import.meta.url)).filter(
  (name) => name.endsWith('.csv') && name !== 'workbook-saved-as.csv',
)

function loadMapped(name: string): CasualtyStore {
  const bytes = fixtureBytes(`real/${name}`)
  const header = parseCsvText(new TextDecoder().decode(bytes), {
    knownNames: KNOWN_COLUMN_NAMES,
  }).header
  const mapping = proposeMapping(header)
  const store = loadCsv(bytes, { readerFor: (h) => readerFromMapping(mapping, h) }).store
  if (!store) throw new Error(`${name} gave no store`)
  return store
}

/** The same store with every extra column written out as text: what the import kept before. */
const writtenOut = (store: CasualtyStore) =>
  new CasualtyStore({ ...store.columns, extras: extraTexts(store.columns) })

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

function textsOf(store: CasualtyStore, index: number): string[] {
  const text = extraText(store.columns, index)
  return Array.from({ length: store.length }, (_, row) =>
    decode(text.bytes.subarray(text.offsets[row], text.offsets[row + 1])),
  )
}

describe('extra columns that repeat one of ours', () => {
  it('are kept as repeats, not copies, in the real mapped files', () => {
    const repeated = REAL.map((name) => loadMapped(name).columns.extras.filter(isRepeat).length)
    expect(repeated.filter((count) => count > 0).length).toBeGreaterThan(REAL.length / 2)
  })

  it.each(REAL)('read back the same text by row and whole: %s', (name) => {
    const store = loadMapped(name)
    store.columns.extras.forEach((_, index) => {
      const whole = textsOf(store, index)
      const byRow = whole.map((__, row) => extraValue(store.columns, index, row))
      expect(byRow).toEqual(whole)
    })
    expect(writtenOut(store).records()).toEqual(store.records())
  })

  it.each(REAL)('export the same bytes as the written-out columns: %s', (name) => {
    const store = loadMapped(name)
    const rows = Array.from({ length: store.length }, (_, row) => store.length - 1 - row)
    expect(storeToCsv(store, rows)).toBe(storeToCsv(writtenOut(store), rows))
  })

  it('keep the file text where it differs from ours (spaces after it in a pandas export)', () => {
    const store = loadMapped('acled-pandas-export.csv')
    const notes = store.extraNames.indexOf('notes')
    const data = store.columns.extras[notes]!
    expect(isRepeat(data)).toBe(true)
    if (!isRepeat(data)) return
    expect(data.rows.length).toBeGreaterThan(0)
    const row = data.rows[0]!
    const own = extraValue(store.columns, notes, row)
    expect(own).toMatch(/ $/)
    expect(store.text('notes', row)).toBe(own.trim())
    expect(store.record(row).extra.notes).toBe(own)
  })

  it('keep a missing-value token as the file wrote it, while ours has no value', () => {
    const text = [
      'event_id_cnty,event_date,event_type,country,admin1,actor1,fatalities',
      'SOM1,2020-05-09,Battles,Somalia,Bay,Al Shabaab,2',
      'SOM2,2020-05-10,Battles,Somalia,NA,Al Shabaab,1',
      'SOM3,2020-05-11,Battles,Somalia, Bay ,NA,0',
    ].join('\n')
    const header = text.split('\n')[0]!.split(',')
    const mapping = proposeMapping(header)
    const store = loadCsv(text, { readerFor: (h) => readerFromMapping(mapping, h) }).store!
    expect(store.length).toBe(3)
    const admin1 = store.extraNames.indexOf('admin1')
    const actor1 = store.extraNames.indexOf('actor1')
    expect(isRepeat(store.columns.extras[admin1]!)).toBe(true)
    expect([0, 1, 2].map((row) => store.category('admin1', row))).toEqual(['Bay', '', 'Bay'])
    expect([0, 1, 2].map((row) => extraValue(store.columns, admin1, row))).toEqual([
      'Bay',
      'NA',
      ' Bay ',
    ])
    expect(extraValue(store.columns, actor1, 2)).toBe('NA')
    expect(store.category('perpetrator', 2)).toBe('')
    expect(storeToCsv(store, [0, 1, 2])).toBe(storeToCsv(writtenOut(store), [0, 1, 2]))
  })

  it.each(REAL)('are saved and read back as repeats: %s', (name) => {
    const store = loadMapped(name)
    const { manifest, parts } = planStored(store)
    const read = readManifest(JSON.parse(JSON.stringify(manifest)))
    expect(read.ok).toBe(true)
    if (!read.ok) return
    const columns = runSteps(columnsFromParts(read.manifest, [...parts()]))
    expect(columns.ok).toBe(true)
    if (!columns.ok) return
    const back = runSteps(storeFromStoredInSteps(columns.columns))
    expect(back.columns.extras.map(isRepeat)).toEqual(store.columns.extras.map(isRepeat))
    expect(back.records()).toEqual(store.records())
  })

  it('refuses a saved repeat whose rows are out of order or past the end', () => {
    const store = loadMapped('acled-pandas-export.csv')
    const packed = packColumns(store.columns)
    const index = packed.extras.findIndex((data) => isRepeat(data) && data.rows.length > 0)
    expect(index).not.toBe(-1)
    const data = packed.extras[index] as RepeatData
    const damaged = (rows: Uint32Array) => ({
      ...packed,
      extras: packed.extras.map((extra, at) => (at === index ? { ...data, rows } : extra)),
    })
    expect(checkColumns(damaged(new Uint32Array([store.length]))).ok).toBe(false)
    if (data.rows.length > 1) {
      expect(checkColumns(damaged(data.rows.slice().reverse())).ok).toBe(false)
    }
    const wrongColumn = { ...packed, extras: packed.extras.map((e) => ({ ...e, repeats: 99 })) }
    expect(checkColumns(wrongColumn).ok).toBe(false)
    expect(checkColumns(packed).ok).toBe(true)
  })

  it('are cut and joined as text, row for row', () => {
    const store = loadMapped('acled-pandas-export.csv')
    const cut = Math.floor(store.length / 3)
    const head = sliceStore(store, 0, cut)
    const tail = sliceStore(store, cut, store.length)
    expect(head.records()).toEqual(store.records().slice(0, cut))
    const joined = concatStores(head, tail)
    expect(joined.records()).toEqual(store.records())
    expect(joined.columns.extras.some(isRepeat)).toBe(false)
  })
})
