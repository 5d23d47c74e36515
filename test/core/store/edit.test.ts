// A row edited or deleted by hand: the new store holds the same records as editing the list of
// records would give, whatever the store holds; the store before stays as it was (for Undo).

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { storeFromRecords } from '../../../src/core/store/builder'
import { replaceRow, sliceStore } from '../../../src/core/store/edit'
import type { CasualtyRecord } from '../../../src/core/schema'
import { recordWith } from '../../helpers/record'

const record = recordWith({ incident_id: 'X', date: '2021-08', target_group: 'civilians' })

const withExtras = (records: CasualtyRecord[], names: string[]) =>
  records.map((r) => ({ ...r, extra: Object.fromEntries(names.map((n) => [n, r.extra[n] ?? ''])) }))

const arbitraryRecord = fc
  .record({
    incident_id: fc.constantFrom('A', 'B', 'Kābul-1', '😀'),
    target_group: fc.constantFrom('civilians', 'police', ''),
    killed_min: fc.option(fc.nat(100), { nil: null }),
    notes: fc.string({ maxLength: 6 }),
    extra: fc.dictionary(fc.constantFrom('x', 'y'), fc.string({ maxLength: 3 })),
  })
  .map(record)

describe('sliceStore', () => {
  it.each([
    [0, 0],
    [0, 3],
    [1, 2],
    [2, 3],
  ])('rows %i to %i', (from, to) => {
    const records = [record({ notes: 'a' }), record({ notes: 'bb' }), record({ notes: 'ccc' })]
    expect(sliceStore(storeFromRecords(records), from, to).records()).toEqual(
      records.slice(from, to),
    )
  })
})

describe('replaceRow', () => {
  it.each([
    ['edits the first row', 0, [record({ incident_id: 'NEW', killed_min: 4 })]],
    ['edits the last row', 2, [record({ target_group: 'police' })]],
    ['deletes a middle row', 1, []],
  ])('%s', (_, row, replacement) => {
    const records = [record({ incident_id: 'A' }), record({ incident_id: 'B' }), record({})]
    const store = storeFromRecords(records)
    const next = replaceRow(store, row, replacement)
    expect(next.records()).toEqual(records.toSpliced(row, 1, ...replacement))
    expect(store.records()).toEqual(records)
  })

  it('adds an extra column that the new row names', () => {
    const store = storeFromRecords([record({})])
    const next = replaceRow(store, 0, [record({ extra: { checked: 'yes' } })])
    expect(next.extraNames).toEqual(['checked'])
    expect(next.record(0).extra).toEqual({ checked: 'yes' })
  })

  it('refuses a row that is not there', () => {
    expect(() => replaceRow(storeFromRecords([]), 0, [])).toThrow(RangeError)
  })

  it('gives what splicing the records gives, whatever the store holds', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryRecord, { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.array(arbitraryRecord, { maxLength: 1 }),
        (records, at, replacement) => {
          const store = storeFromRecords(records)
          const row = at % records.length
          const next = replaceRow(store, row, replacement)
          const names = next.extraNames as string[]
          const expected = withExtras(store.records(), names).toSpliced(
            row,
            1,
            ...withExtras(replacement, names),
          )
          expect(next.records()).toEqual(expected)
        },
      ),
    )
  })
})
