// A chart is drawn for a new big dataset in a task of its own, after the page around it: showing a
// million-row import's first view and redrawing ten years of months in the same task took 50-66 ms
// here, over the 50 ms a task may hold the page. Until then the chart's box stays empty (an old
// chart beside the new figures would mix two datasets); each chart that asks gets its own task.

import { shallowRef, watch, type Ref } from 'vue'
import { useDashboard } from './useDashboard'
import { ASYNC_ROWS, yieldToPage } from './yieldToPage'

/** True while the calling component may show its chart: always on small data. */
export function useDeferredDraw(): Readonly<Ref<boolean>> {
  const { table } = useDashboard()
  const ready = shallowRef(true)
  let turn = 0
  watch(
    () => table.value?.store ?? null,
    (store) => {
      const mine = ++turn
      ready.value = (store?.length ?? 0) < ASYNC_ROWS
      if (ready.value) return
      void yieldToPage().then(() => {
        if (mine === turn) ready.value = true
      })
    },
    { immediate: true, flush: 'sync' },
  )
  return ready
}
