// How a chart is drawn for the view on show. On a big dataset (ASYNC_ROWS rows or more) it does
// not animate (each animation frame would redraw it), and for a new big dataset it is drawn in a
// task of its own, after the page around it: showing a million-row import's first view and
// redrawing ten years of months in the same task makes one long task, which holds back input and
// paint. Until then the chart's box stays empty (an old chart beside the new figures would
// mix two datasets); each chart gets its own task. Both follow the store of the view on show, not
// the store just loaded: a chart must not redraw its old figures because a new store arrived.

import { computed, shallowRef, watch, type Ref } from 'vue'
import { useDashboard } from './useDashboard'
import { useTheme } from './useTheme'
import { ASYNC_ROWS, yieldToPage } from './yieldToPage'

export function useChartDrawing(): {
  drawable: Readonly<Ref<boolean>>
  animate: Readonly<Ref<boolean>>
} {
  const { table } = useDashboard()
  const { reducedMotion } = useTheme()
  const shownRows = computed(() => table.value?.store.length ?? 0)
  const drawable = shallowRef(true)
  let turn = 0
  watch(
    () => table.value?.store ?? null,
    () => {
      const mine = ++turn
      drawable.value = shownRows.value < ASYNC_ROWS
      if (drawable.value) return
      void yieldToPage().then(() => {
        if (mine === turn) drawable.value = true
      })
    },
    { immediate: true, flush: 'sync' },
  )
  const animate = computed(() => !reducedMotion.value && shownRows.value < ASYNC_ROWS)
  return { drawable, animate }
}
