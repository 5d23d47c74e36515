import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  filterRows,
  emptyFilters,
  sortRows,
  SORT_KEYS,
  type SortDirection,
} from '../../src/core/filter'
import { loadCsv } from '../../src/core/load'
import { emptyRecord, type CasualtyRecord } from '../../src/core/schema'
import { runSteps, sortRowsInSteps } from '../../src/core/sort'
import { concatStores, storeFromRecords, type CasualtyStore } from '../../src/core/store'
import { readFileSync } from 'node:fs'

const shipped = loadCsv(readFileSync('data/attacks.csv', 'utf8')).store as CasualtyStore
// Every row twice: ties on every key, across the two copies.
const doubled = concatStores(shipped, shipped)

const DIRECTIONS: SortDirection[] = ['asc', 'desc']
const cases = SORT_KEYS.flatMap((key) => DIRECTIONS.map((direction) => [key, direction] as const))

describe('sortRowsInSteps', () => {
  it.each(cases)(
    'orders the shipped rows (twice over) by %s %s exactly as sortRows',
    (key, direction) => {
      for (const store of [shipped, doubled]) {
        const all = filterRows(store, emptyFilters())
        const some = filterRows(store, { ...emptyFilters(), dateFrom: '2022' })
        for (const rows of [all, some, new Uint32Array(0)]) {
          const got = runSteps(sortRowsInSteps(store, rows, key, direction))
          expect(Array.from(got)).toEqual(Array.from(sortRows(store, rows, key, direction)))
        }
      }
    },
  )

  it('pauses between its passes', () => {
    // A new store: the order of `doubled` is remembered from the tests above.
    const fresh = concatStores(shipped, shipped)
    const steps = sortRowsInSteps(fresh, filterRows(fresh, emptyFilters()), 'place', 'asc')
    let pauses = 0
    while (!steps.next().done) pauses++
    // Keys and radix passes for date, location and group: at least one pause each.
    expect(pauses).toBeGreaterThanOrEqual(6)
  })

  const record = (overrides: Partial<CasualtyRecord>): CasualtyRecord => ({
    ...emptyRecord(),
    incident_id: 'X',
    target_group: 'civilians',
    ...overrides,
  })
  const arbitraryRecord = fc.record({
    date: fc.constantFrom('1900', '2021', '2021-08', '2021-10-08', '2022-04', '2024', '9999-12-31'),
    admin1: fc.constantFrom('', 'Kabul', 'kabul', 'Kunduz', 'Ünye'),
    location: fc.constantFrom('', 'airport', 'mosque', 'school'),
    target_group: fc.constantFrom('civilians', 'students', 'police', 'Police'),
    killed_min: fc.option(fc.nat(2_147_483_646), { nil: null }),
    injured_min: fc.option(fc.nat(70_000), { nil: null }),
  })
  it('always gives the order of sortRows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(arbitraryRecord, fc.boolean()), { maxLength: 60 }),
        fc.constantFrom(...SORT_KEYS),
        fc.constantFrom(...DIRECTIONS),
        (pairs, key, direction) => {
          const data = storeFromRecords(pairs.map(([p]) => record(p)))
          const rows = Uint32Array.from([...pairs.keys()].filter((i) => pairs[i]?.[1]))
          const got = runSteps(sortRowsInSteps(data, rows, key, direction))
          expect(Array.from(got)).toEqual(Array.from(sortRows(data, rows, key, direction)))
        },
      ),
    )
  })
})
