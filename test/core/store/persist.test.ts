// A store kept in the browser's database and read back: whatever it holds, the same records come
// back, stored as typed arrays (never row objects); a damaged record is refused with a message.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runSteps } from '../../../src/core/steps'
import { storeFromRecords } from '../../../src/core/store/builder'
import { concatStores } from '../../../src/core/store/concat'
import {
  STORED_COLUMNS_VERSION,
  readStored,
  storeFromStoredInSteps,
  storeToStored,
  type StoredColumns,
} from '../../../src/core/store/persist'
import { KEPT_PACKED } from '../../../src/core/store/transfer'
import type { CasualtyStore } from '../../../src/core/store/store'
import { recordWith } from '../../helpers/record'

const record = recordWith({ incident_id: 'X', date: '2021-08', target_group: 'civilians' })

// What IndexedDB does to a value: a structured clone.
function roundTrip(store: CasualtyStore): CasualtyStore {
  const read = readStored(structuredClone(storeToStored(store)))
  if (!read.ok) throw new Error(read.message)
  return runSteps(storeFromStoredInSteps(read.columns))
}

const label = fc.constantFrom('', 'civilians', 'police', 'Kābul', '😀', 'a,b')
const arbitraryRecord = fc
  .record({
    incident_id: fc.string({ unit: 'grapheme', maxLength: 6 }),
    date: fc.constantFrom('2021', '2021-08', '2021-10-08'),
    target_group: label,
    admin1: label,
    killed_min: fc.option(fc.nat(1000), { nil: null }),
    injured_max: fc.option(fc.nat(1000), { nil: null }),
    source_quote: fc.string({ unit: 'grapheme', maxLength: 20 }),
    extra: fc.dictionary(fc.constantFrom('x', 'y'), fc.string({ maxLength: 4 })),
  })
  .map(record)

describe('storeToStored / readStored', () => {
  it.each([
    ['no rows', []],
    [
      'one row with every kind of column',
      [record({ killed_min: 3, notes: 'n', extra: { a: 'b' } })],
    ],
    ['empty counts stay empty', [record({ killed_min: null, injured_max: 0 })]],
  ])('gives back the same records: %s', (_, records) => {
    const store = storeFromRecords(records)
    expect(roundTrip(store).records()).toEqual(store.records())
  })

  it('gives back the same records, whatever they hold', () => {
    fc.assert(
      fc.property(fc.array(arbitraryRecord, { maxLength: 20 }), (records) => {
        const store = storeFromRecords(records)
        expect(roundTrip(store).records()).toEqual(store.records())
      }),
    )
  })

  it('keeps columns, not rows: typed arrays that fit their rows, labels as packed UTF-8', () => {
    const store = concatStores(storeFromRecords([record({})]), storeFromRecords([record({})]))
    const { columns } = storeToStored(store)
    expect(columns.date).toBeInstanceOf(Int32Array)
    expect(columns.date.buffer.byteLength).toBe(2 * 4)
    expect(columns.categories.target_group.values.bytes).toBeInstanceOf(Uint8Array)
    // The page keeps incident ids packed after reading them back, as after an import.
    const back = roundTrip(store)
    for (const column of KEPT_PACKED) expect(back.columns.categories[column].packed).toBeDefined()
  })

  // Damage done to a good record, and the part of the message that names it.
  const damages: [string, (stored: StoredColumns) => unknown, string][] = [
    ['not an object', () => 'text', 'no columns'],
    ['another layout', (s) => ({ ...s, version: 99 }), 'unknown layout'],
    ['a column cut short', (s) => ((s.columns.date = new Int32Array(0)), s), 'date'],
    [
      'a code outside its dictionary',
      (s) => ((s.columns.categories.target_group.codes[0] = 999), s),
      'target_group',
    ],
    ['offsets past the bytes', (s) => ((s.columns.texts.notes.offsets[1] = 1_000), s), 'notes'],
    ['extra columns without names', (s) => ((s.columns.extraNames = []), s), 'extra columns'],
    ['a negative row count', (s) => ((s.columns.length = -1), s), 'row count'],
  ]
  it.each(damages)('refuses a damaged record: %s', (_, damage, named) => {
    const stored = structuredClone(
      storeToStored(storeFromRecords([record({ notes: 'n', extra: { a: 'b' } })])),
    )
    const read = readStored(damage(stored))
    expect(read.ok).toBe(false)
    if (!read.ok) expect(read.message).toContain(named)
  })

  it('names its layout', () => {
    expect(storeToStored(storeFromRecords([])).version).toBe(STORED_COLUMNS_VERSION)
  })
})
