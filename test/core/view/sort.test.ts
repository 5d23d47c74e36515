import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { filterRows, emptyFilters } from '../../../src/core/view/filter'
import { sortRows, SORT_KEYS, type SortDirection } from '../../../src/core/view/sort'
import { loadCsv } from '../../../src/core/load/loader'
import { sortRowsInSteps, tableOrderInSteps } from '../../../src/core/view/sort'
import { runSteps } from '../../../src/core/steps'
import type { CasualtyStore } from '../../../src/core/store/store'
import { storeFromRecords } from '../../../src/core/store/builder'
import { concatStores } from '../../../src/core/store/concat'
import { readFileSync } from 'node:fs'
import { recordWith } from '../../helpers/record'

const shipped = loadCsv(readFileSync('data/attacks.csv', 'utf8')).store as CasualtyStore
// Every row twice: ties on every key, across the two copies.
const doubled = concatStores(shipped, shipped)

const DIRECTIONS: SortDirection[] = ['asc', 'desc']
const cases = SORT_KEYS.flatMap((key) => DIRECTIONS.map((direction) => [key, direction] as const))

const record = recordWith({ incident_id: 'X', target_group: 'civilians' })

// sortRows itself is held to a plain comparator sort in filter.test.ts; here, the table's pages.
describe('TableOrder', () => {
  it.each(cases)(
    'gives every page of the shipped rows (twice over) by %s %s as sortRows orders them',
    (key, direction) => {
      for (const store of [shipped, doubled]) {
        const all = filterRows(store, emptyFilters())
        const some = filterRows(store, { ...emptyFilters(), dateFrom: '2022' })
        for (const rows of [all, some, new Uint32Array(0)]) {
          const order = runSteps(tableOrderInSteps(store, rows, key, direction))
          const want = Array.from(sortRows(store, rows, key, direction))
          expect(order.length).toBe(want.length)
          for (let start = 0; start <= want.length; start += 3) {
            expect(Array.from(order.slice(start, start + 3))).toEqual(want.slice(start, start + 3))
          }
        }
      }
    },
  )

  it('reads any slices, in any order and past the ends, as the whole sorted selection has them', () => {
    // Past CHECKPOINT_ROWS (1024) selected rows, so remembered places are used and skipped.
    const big = storeFromRecords(
      Array.from({ length: 3000 }, (_, i) =>
        record({
          incident_id: `I${i}`,
          date: `20${10 + (i % 13)}-0${1 + (i % 9)}`,
          killed_min: (i * 7919) % 101,
        }),
      ),
    )
    fc.assert(
      fc.property(
        fc.func(fc.boolean()),
        fc.array(fc.tuple(fc.integer({ min: -5, max: 3100 }), fc.integer({ min: -5, max: 3100 })), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.constantFrom(...SORT_KEYS),
        (keep, reads, key) => {
          const rows = Uint32Array.from([...Array(big.length).keys()].filter((row) => keep(row)))
          const order = runSteps(tableOrderInSteps(big, rows, key, 'desc'))
          const want = Array.from(sortRows(big, rows, key, 'desc'))
          for (const [start, end] of reads) {
            const from = Math.max(0, Math.min(start, want.length))
            const to = Math.max(from, Math.min(end, want.length))
            expect(Array.from(order.slice(start, end))).toEqual(want.slice(from, to))
          }
        },
      ),
      { numRuns: 40 },
    )
  })

  it('pauses between its passes', () => {
    // A new store: the order of `doubled` is remembered from the tests above.
    const fresh = concatStores(shipped, shipped)
    const steps = sortRowsInSteps(fresh, filterRows(fresh, emptyFilters()), 'place', 'asc')
    let pauses = 0
    while (!steps.next().done) pauses++
    // Keys and radix passes for date, location and group: at least one pause each.
    expect(pauses).toBeGreaterThanOrEqual(6)
  })
})
