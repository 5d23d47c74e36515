// The view's filters and the rows they select. Shared by every component, like useDataset.
// The URL sync lives in useViewState, which writes these filters.

import { computed, ref, type ComputedRef } from 'vue'
import { emptyFilters, filterRows, type Filters } from '../core/filter'
import { useDataset } from './useDataset'

function createFilterState() {
  const { store } = useDataset()
  const filters = ref<Filters>(emptyFilters())
  /** Indices of the rows the filters select, in store order: one typed-array pass (core/filter). */
  const selection: ComputedRef<Uint32Array> = computed(() =>
    store.value ? filterRows(store.value, filters.value) : new Uint32Array(0),
  )
  return { filters, selection }
}

let shared: ReturnType<typeof createFilterState> | null = null

export function useFilters() {
  shared ??= createFilterState()
  return shared
}

export function resetFiltersForTests(): void {
  shared = null
}
