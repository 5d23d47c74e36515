// Adding one store's rows to another's, column by column and in steps: whatever the two stores
// hold, the result must hold the records of the first and then those of the second, with one
// label per dictionary entry and the union of their extra columns.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CATEGORY_COLUMNS, type CasualtyRecord } from '../../../src/core/schema'
import { runSteps } from '../../../src/core/steps'
import type { CasualtyStore } from '../../../src/core/store/store'
import { storeFromRecords } from '../../../src/core/store/builder'
import { concatStores, concatStoresInSteps } from '../../../src/core/store/concat'
import { recordWith } from '../../helpers/record'

const record = recordWith({})

// What concatenating must give: the records one after the other, each with every extra column.
function expectedRecords(a: CasualtyStore, b: CasualtyStore): CasualtyRecord[] {
  const names = [...new Set([...a.extraNames, ...b.extraNames])]
  return [...a.records(), ...b.records()].map((r) => ({
    ...r,
    extra: Object.fromEntries(names.map((name) => [name, r.extra[name] ?? ''])),
  }))
}

const label = fc.constantFrom('', 'civilians', 'police', 'Kābul', '😀', 'a,b', 'x'.repeat(30))
const arbitraryRecord = fc.record({
  incident_id: fc.string({ unit: 'grapheme', maxLength: 6 }),
  date: fc.constantFrom('2021', '2021-08', '2021-10-08', '2024'),
  target_group: label,
  admin1: label,
  location: label,
  killed_min: fc.option(fc.nat(1000), { nil: null }),
  injured_max: fc.option(fc.nat(1000), { nil: null }),
  source_quote: fc.string({ unit: 'grapheme', maxLength: 20 }),
  notes: fc.string({ maxLength: 5 }),
  extra: fc.dictionary(fc.constantFrom('x', 'y', 'z'), fc.string({ maxLength: 4 })),
})
const arbitraryStore = fc
  .array(arbitraryRecord, { maxLength: 25 })
  .map((records) => storeFromRecords(records.map(record)))

describe('concatStores', () => {
  it.each([
    ['two empty stores', [], []],
    ['an empty store first', [], [record({ incident_id: 'A', target_group: 'g' })]],
    ['an empty store second', [record({ incident_id: 'A', target_group: 'g' })], []],
    [
      'labels in another order, some new',
      [record({ target_group: 'a' }), record({ target_group: 'b' })],
      [record({ target_group: 'c' }), record({ target_group: 'b' }), record({ target_group: 'a' })],
    ],
    [
      'extra columns on one side only',
      [record({ extra: { x: '1' } })],
      [record({ extra: { y: '2' } }), record({ extra: { x: '3', y: '' } })],
    ],
  ])('keeps every record in order: %s', (_, first, second) => {
    const a = storeFromRecords(first)
    const b = storeFromRecords(second)
    expect(concatStores(a, b).records()).toEqual(expectedRecords(a, b))
  })

  it("adds only b's new labels, after a's, in b's order", () => {
    const a = storeFromRecords([record({ target_group: 'a' }), record({ target_group: 'b' })])
    const b = storeFromRecords([record({ target_group: 'c' }), record({ target_group: 'a' })])
    const both = concatStores(a, b)
    expect(both.columns.categories.target_group.values).toEqual(['a', 'b', 'c'])
    expect([...both.columns.categories.target_group.codes]).toEqual([0, 1, 2, 0])
  })

  it('keeps source lines', () => {
    const a = storeFromRecords([record({})])
    a.columns.line[0] = 7
    const both = concatStores(a, a)
    expect([both.line(0), both.line(1)]).toEqual([7, 7])
  })

  it('gives the records of both stores, whatever they hold', () => {
    fc.assert(
      fc.property(arbitraryStore, arbitraryStore, (a, b) => {
        const both = concatStores(a, b)
        expect(both.length).toBe(a.length + b.length)
        expect(both.records()).toEqual(expectedRecords(a, b))
        for (const column of CATEGORY_COLUMNS) {
          const { values } = both.columns.categories[column]
          expect(new Set(values).size).toBe(values.length)
        }
      }),
      { numRuns: 200 },
    )
  })

  it('works in steps, and the same store comes out', () => {
    const a = storeFromRecords(
      Array.from({ length: 40_000 }, (_, i) =>
        record({ incident_id: `A${i}`, target_group: `g${i % 3}`, notes: `n${i}` }),
      ),
    )
    const b = storeFromRecords([record({ incident_id: 'A5', target_group: 'new', notes: 'é' })])
    const steps = concatStoresInSteps(a, b)
    let pauses = 0
    let next = steps.next()
    while (!next.done) {
      pauses++
      next = steps.next()
    }
    expect(pauses).toBeGreaterThan(1)
    const both = next.value
    expect(both.length).toBe(40_001)
    expect(both.record(40_000)).toEqual(b.record(0))
    expect(both.record(39_999)).toEqual(a.record(39_999))
    expect(both.columns.categories.incident_id.values).toHaveLength(40_000)
    expect(both.columns.categories.incident_id.codes[40_000]).toBe(5)
    const other = runSteps(concatStoresInSteps(b, a))
    expect([0, 1, 6, 40_000].map((row) => other.record(row))).toEqual([
      b.record(0),
      a.record(0),
      a.record(5),
      a.record(39_999),
    ])
    expect(other.columns.categories.incident_id.codes[6]).toBe(0)
  })
})
