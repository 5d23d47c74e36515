// Faceted counts for the filter lists: beside each choice, the rows it would give with the other
// filters on. A list's own filter is left out of its counts (its choices are alternatives: ticking
// one more adds its rows), every other filter applies.

import type { CasualtyStore } from '../store/store'
import { labelCounts } from '../store/store'
import { labelCount } from '../store/packedStrings'
import type { CategoryColumn } from '../schema'
import { filterRows, hasActiveFilters, type Filters } from './filter'

/** The list filters and the column each one tests. */
export type ListField = 'targetGroups' | 'targetTypes' | 'perpetrators' | 'admin1'

/**
 * For each label code of `column`, the rows that pass every filter but `field` (the list that
 * filters `column`) and carry that label. With no other filter on, the dataset's own counts.
 */
export function facetCounts(
  store: CasualtyStore,
  filters: Filters,
  field: ListField,
  column: CategoryColumn,
): Uint32Array {
  const data = store.columns.categories[column]
  const others: Filters = { ...filters, [field]: [] }
  if (!hasActiveFilters(others)) return labelCounts(data)
  const counts = new Uint32Array(labelCount(data))
  const codes = data.codes
  for (const row of filterRows(store, others)) counts[codes[row]!]!++
  return counts
}
