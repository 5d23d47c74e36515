// The view's filters and the rows they select. Shared by every component, like useDataset.

import { computed, ref, type ComputedRef } from 'vue'
import { allRows, emptyFilters, type Filters } from '../core/filter'
import { useDataset } from './useDataset'

function createFilterState() {
  const { store } = useDataset()
  const filters = ref<Filters>(emptyFilters())
  /** Indices of the rows the filters select, in store order. */
  const selection: ComputedRef<Uint32Array> = computed(() =>
    store.value ? allRows(store.value) : new Uint32Array(0),
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
