// A store kept in the browser's database and read back: whatever it holds, the same records come
// back, stored as typed arrays (never row objects); a damaged record is refused with a message.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runSteps } from '../../../src/core/steps'
import { storeFromRecords } from '../../../src/core/store/builder'
import { concatStores } from '../../../src/core/store/concat'
import {
  PART_BYTES,
  STORED_COLUMNS_VERSION,
  checkColumns,
  columnsFromParts,
  planStored,
  readManifest,
  storeFromStoredInSteps,
  type StoredManifest,
} from '../../../src/core/store/persist'
import { KEPT_PACKED, packColumns, type PackedColumns } from '../../../src/core/store/transfer'
import type { CasualtyStore } from '../../../src/core/store/store'
import { recordWith } from '../../helpers/record'

const record = recordWith({ incident_id: 'X', date: '2021-08', target_group: 'civilians' })

// What the database keeps: the manifest and the parts, each as a structured clone.
function written(store: CasualtyStore): { manifest: unknown; parts: unknown[] } {
  const { manifest, parts } = planStored(store)
  return { manifest: structuredClone(manifest), parts: [...parts()].map((p) => structuredClone(p)) }
}

function readBack({ manifest, parts }: { manifest: unknown; parts: unknown[] }) {
  const read = readManifest(manifest)
  if (!read.ok) return read
  return runSteps(columnsFromParts(read.manifest, parts))
}

function roundTrip(store: CasualtyStore): CasualtyStore {
  const read = readBack(written(store))
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

describe('planStored / readManifest / columnsFromParts', () => {
  it.each([
    ['no rows', []],
    [
      'one row with every kind of column',
      [record({ killed_min: 3, notes: 'n', extra: { a: 'b' } })],
    ],
    ['empty counts stay empty', [record({ killed_min: null, injured_max: 0 })]],
    ['text over several parts', [record({ notes: 'x'.repeat(PART_BYTES * 2 + 5) }), record({})]],
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

  it('keeps columns, not rows: parts of bytes, and a manifest of typed arrays', () => {
    const store = concatStores(
      storeFromRecords([record({ notes: 'x'.repeat(PART_BYTES) })]),
      storeFromRecords([record({})]),
    )
    const { manifest, parts } = written(store)
    expect((manifest as StoredManifest).arrays[1]).toEqual({ kind: 'i32', length: 2 })
    expect(parts).toHaveLength(2)
    expect(parts.every((part) => part instanceof Uint8Array)).toBe(true)
    expect((parts[0] as Uint8Array).length).toBe(PART_BYTES)
    // The page keeps incident ids packed after reading them back, as after an import.
    const back = roundTrip(store)
    for (const column of KEPT_PACKED) expect(back.columns.categories[column].packed).toBeDefined()
  })

  // Damage done to what was written, and the part of the message that names it.
  const good = () =>
    written(storeFromRecords([record({ notes: 'n', extra: { a: 'b' } }), record({})]))
  const damages: [string, (w: ReturnType<typeof good>) => unknown, string][] = [
    ['no manifest', (w) => ({ ...w, manifest: 'text' }), 'no layout'],
    [
      'another layout',
      (w) => ({ ...w, manifest: { ...(w.manifest as object), version: 99 } }),
      'unknown layout (99)',
    ],
    [
      'an array too few',
      (w) => {
        ;(w.manifest as StoredManifest).arrays.pop()
        return w
      },
      'layout',
    ],
    [
      'a negative row count',
      (w) => ({ ...w, manifest: { ...(w.manifest as object), length: -1 } }),
      'layout',
    ],
    ['a part missing', (w) => ({ ...w, parts: [] }), 'parts missing'],
    ['a part cut short', (w) => ({ ...w, parts: [new Uint8Array(3)] }), 'part 1 of 1'],
    ['a part of another type', (w) => ({ ...w, parts: ['bytes'] }), 'part 1 of 1'],
    [
      'a row count that the columns do not have',
      (w) => ({ ...w, manifest: { ...(w.manifest as object), length: 3 } }),
      'line',
    ],
  ]
  it.each(damages)('refuses a damaged record: %s', (_, damage, named) => {
    const read = readBack(damage(good()) as ReturnType<typeof good>)
    expect(read.ok).toBe(false)
    if (!read.ok) expect(read.message).toContain(named)
  })

  const columnDamages: [string, (c: PackedColumns) => void, string][] = [
    [
      'a code outside its dictionary',
      (c) => (c.categories.target_group.codes[0] = 999),
      'target_group',
    ],
    ['offsets past the bytes', (c) => (c.texts.notes.offsets[1] = 1_000), 'notes'],
    ['offsets going down', (c) => (c.texts.source_quote.offsets[0] = 5), 'source_quote'],
    ['extra columns without values', (c) => (c.extras = []), 'extra columns'],
  ]
  it.each(columnDamages)('checkColumns refuses %s', (_, damage, named) => {
    const columns = structuredClone(
      packColumns(storeFromRecords([record({ notes: 'n', extra: { a: 'b' } })]).columns),
    )
    damage(columns)
    const read = checkColumns(columns)
    expect(read.ok).toBe(false)
    if (!read.ok) expect(read.message).toContain(named)
  })

  it('names its layout', () => {
    expect(planStored(storeFromRecords([])).manifest.version).toBe(STORED_COLUMNS_VERSION)
  })
})
