// The view's filters and the rows they select. Shared by every component, like useDataset.
// The URL sync lives in useViewState, which writes these filters.
//
// Big data is filtered after the page has painted: a filter change on a store of ASYNC_ROWS rows
// or more marks the view `filtering` and runs the pass in a later task, so the click itself (the
// checkbox, the chip, an "Updating…" note) shows at once. Smaller stores filter synchronously. A
// new store is filtered at once whatever its size, so the selection always indexes the store on
// show (a stale selection would point at rows the new store does not have).

import { computed, onScopeDispose, ref, shallowRef, watch, type ComputedRef } from 'vue'
import { emptyFilters, selectRows, type Filters } from '../core/view/filter'
import type { CasualtyStore } from '../core/store/store'
import { createGlobalState } from './globalState'
import { useDataset } from './useDataset'
import { useSources } from './useSources'
import { ASYNC_ROWS, yieldToPage } from './yieldToPage'

export { ASYNC_ROWS, yieldToPage }

/** Selected row indices together with the store they index. */
export interface Selected {
  store: CasualtyStore
  rows: Uint32Array
  /** The same filters as a test of one row (core/view/filter selectRows); null when nothing is filtered. */
  test: ((row: number) => boolean) | null
}

const NO_ROWS = new Uint32Array(0)

function createFilterState() {
  const { store } = useDataset()
  const { filterContext } = useSources()
  const filters = ref<Filters>(emptyFilters())
  const selected = shallowRef<Selected | null>(null)
  /** True while a filter change waits for its pass over a big store. */
  const filtering = shallowRef(false)
  let generation = 0

  function filterNow(data: CasualtyStore): void {
    selected.value = { store: data, ...selectRows(data, filters.value, filterContext.value) }
    filtering.value = false
  }

  function update(storeChanged: boolean): void {
    const gen = ++generation
    const data = store.value
    if (!data) {
      selected.value = null
      filtering.value = false
      return
    }
    if (storeChanged || data.length < ASYNC_ROWS) return filterNow(data)
    filtering.value = true
    void yieldToPage().then(() => {
      // A later change (or a new store) supersedes this pass.
      if (gen === generation && store.value === data) filterNow(data)
    })
  }

  watch(store, () => update(true), { flush: 'sync', immediate: true })
  watch(filters, () => update(false), { flush: 'sync', deep: true })
  // New grades of sources change what the grade filter keeps.
  watch(filterContext, () => {
    if (filters.value.grades.length > 0) update(false)
  })
  // A pass still waiting for its task when the state is forgotten (a test's reset) does not run.
  onScopeDispose(() => generation++)

  /** Indices of the rows the filters select, in store order: one typed-array pass (core/view/filter). */
  const selection: ComputedRef<Uint32Array> = computed(() => selected.value?.rows ?? NO_ROWS)
  return { filters, selection, selected, filtering }
}

export const useFilters = createGlobalState(createFilterState)

/** Stops and forgets the shared filters (GlobalState's reset), for tests. */
export const resetFiltersForTests = useFilters.reset
