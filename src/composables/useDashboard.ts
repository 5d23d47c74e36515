// What the dashboard shows for the current view, computed once and shared: headline totals and
// the models of both charts. Each is a pass over the selected rows' typed columns (core/aggregate)
// followed by a pure builder (core/chartData); components only render them.

import { computed } from 'vue'
import { sumByGroup, sumOverTime, sumTotals } from '../core/aggregate'
import { buildGroupChart, buildTimeChart } from '../core/chartData'
import { formatDateLabel } from '../core/date'
import { useDataset } from './useDataset'
import { useFilters } from './useFilters'
import { useTheme } from './useTheme'
import { useViewState } from './useViewState'

function createDashboard() {
  const { store } = useDataset()
  const { selection } = useFilters()
  const { grouping, metric, timeUnit } = useViewState()
  const { dark } = useTheme()

  const totals = computed(() => (store.value ? sumTotals(store.value, selection.value) : null))
  const groupChart = computed(() =>
    store.value
      ? buildGroupChart(sumByGroup(store.value, selection.value, grouping.value), dark.value)
      : null,
  )
  const timeChart = computed(() =>
    store.value
      ? buildTimeChart(
          sumOverTime(store.value, selection.value, grouping.value, timeUnit.value),
          metric.value,
          dark.value,
        )
      : null,
  )
  /** The first and last date of the whole dataset, as people read them (`Aug 2021`, `2024`). */
  const dateSpan = computed(() => {
    const dates = store.value?.columns.date
    if (!dates || dates.length === 0) return null
    let first = Infinity
    let last = -Infinity
    for (const code of dates) {
      if (code < first) first = code
      if (code > last) last = code
    }
    return { first: formatDateLabel(first), last: formatDateLabel(last) }
  })
  return { totals, groupChart, timeChart, dateSpan }
}

let shared: ReturnType<typeof createDashboard> | null = null

export function useDashboard() {
  shared ??= createDashboard()
  return shared
}

export function resetDashboardForTests(): void {
  shared = null
}
