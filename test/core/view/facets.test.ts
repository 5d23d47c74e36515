import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { facetCounts, type ListField } from '../../../src/core/view/facets'
import { emptyFilters, filterRows, type Filters } from '../../../src/core/view/filter'
import type { CategoryColumn } from '../../../src/core/schema'
import { storeFromRecords } from '../../../src/core/store/builder'
import { record } from '../../helpers/record'

const store = storeFromRecords([
  record({ incident_id: 'A', date: '2021-08', target_group: 'civilians', admin1: 'Kabul' }),
  record({ incident_id: 'B', date: '2021-08', target_group: 'military', admin1: 'Kabul' }),
  record({ incident_id: 'C', date: '2021-10', target_group: 'civilians', admin1: 'Kunduz' }),
  record({ incident_id: 'D', date: '2022-04', target_group: 'students', admin1: 'Kabul' }),
])

/** Counts by label (not code), leaving out labels with no row. */
function byLabel(counts: Uint32Array, column: CategoryColumn): Record<string, number> {
  const labels = store.columns.categories[column].values
  return Object.fromEntries(
    [...counts].flatMap((n, code) => (n > 0 && labels[code] ? [[labels[code], n]] : [])),
  )
}

describe('facetCounts', () => {
  it.each<[string, Partial<Filters>, ListField, CategoryColumn, Record<string, number>]>([
    [
      'no filter: the dataset’s counts',
      {},
      'targetGroups',
      'target_group',
      { civilians: 2, military: 1, students: 1 },
    ],
    [
      'a place filter narrows the group counts',
      { admin1: ['Kunduz'] },
      'targetGroups',
      'target_group',
      { civilians: 1 },
    ],
    [
      'a list’s own choice does not narrow its counts',
      { targetGroups: ['students'] },
      'targetGroups',
      'target_group',
      { civilians: 2, military: 1, students: 1 },
    ],
    [
      'but narrows the other lists',
      { targetGroups: ['civilians'] },
      'admin1',
      'admin1',
      { Kabul: 1, Kunduz: 1 },
    ],
    ['dates apply', { dateFrom: '2021-09' }, 'admin1', 'admin1', { Kabul: 1, Kunduz: 1 }],
  ])('%s', (_name, filters, field, column, expected) => {
    expect(
      byLabel(facetCounts(store, { ...emptyFilters(), ...filters }, field, column), column),
    ).toEqual(expected)
  })

  it('gives each choice the rows ticking it alone would select', () => {
    const groups = ['civilians', 'military', 'students']
    const places = ['Kabul', 'Kunduz']
    fc.assert(
      fc.property(
        fc.subarray(groups),
        fc.subarray(places),
        fc.constantFrom('', '2021-09', '2022'),
        (targetGroups, admin1, dateFrom) => {
          const filters = { ...emptyFilters(), targetGroups, admin1, dateFrom }
          const counts = facetCounts(store, filters, 'admin1', 'admin1')
          const labels = store.columns.categories.admin1.values
          for (const place of places) {
            const code = labels.indexOf(place)
            const alone = filterRows(store, { ...filters, admin1: [place] }).length
            expect(counts[code]).toBe(alone)
          }
        },
      ),
    )
  })
})
