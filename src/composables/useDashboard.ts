// What the dashboard shows for the current view, computed once and shared: headline totals, the
// models of both charts and the incident table's order. Each is a pass over the selected rows'
// typed columns (core/aggregate, core/filter) followed by a pure builder (core/chartData);
// components only render them.
//
// One change recomputes only what depends on it (each step remembers its inputs: a new metric
// rebuilds the time chart, not the sums). On a big store (ASYNC_ROWS rows or more) the steps run
// in separate tasks with a paint allowed between them, and the results are shown together when the
// last is done, so the page never mixes figures of two views; `updating` says it is on the way.

import { computed, shallowRef, watch } from 'vue'
import { sumByGroup, sumOverTime, sumTotals, type ViewTotals } from '../core/aggregate'
import {
  buildGroupChart,
  buildTimeChart,
  type GroupChartModel,
  type TimeChartModel,
} from '../core/chartData'
import { formatDateLabel } from '../core/date'
import { sortRowsInSteps } from '../core/sort'
import type { CasualtyStore } from '../core/store'
import { ASYNC_ROWS, useFilters, yieldToPage, type Selected } from './useFilters'
import { useDataset } from './useDataset'
import { useTheme } from './useTheme'
import { useViewState } from './useViewState'

// Wraps `compute` so a call with the same arguments (by identity) as the last returns the last
// result instead of computing again.
function rememberLast<A extends unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | null = null
  return (...args: A): R => {
    if (last && last.args.every((arg, i) => arg === args[i])) return last.result
    const result = compute(...args)
    last = { args, result }
    return result
  }
}

/** The incident table's rows in table order, with the store they index. */
export type TableRows = Selected

interface DashboardView {
  totals: ViewTotals
  groupChart: GroupChartModel
  timeChart: TimeChartModel
  table: TableRows
}

function createDashboard() {
  const { store, publishing } = useDataset()
  const { selected, filtering } = useFilters()
  const { grouping, metric, timeUnit, sort, sortDirection } = useViewState()
  const { dark } = useTheme()

  const shown = shallowRef<DashboardView | null>(null)
  const computing = shallowRef(false)

  const totalsOf = rememberLast(sumTotals)
  const groupSumsOf = rememberLast(sumByGroup)
  const groupChartOf = rememberLast(buildGroupChart)
  const timeSeriesOf = rememberLast(sumOverTime)
  const timeChartOf = rememberLast(buildTimeChart)
  let lastTable: { args: unknown[]; rows: Uint32Array } | null = null
  // The table order of `rows`, in steps (sorting a new store's rows takes several passes).
  function* tableOf(...args: Parameters<typeof sortRowsInSteps>): Generator<void, Uint32Array> {
    if (lastTable && lastTable.args.every((arg, i) => arg === args[i])) return lastTable.rows
    const rows = yield* sortRowsInSteps(...args)
    lastTable = { args, rows }
    return rows
  }

  // The steps of one recomputation; the generator pauses where a big store lets the page paint.
  function* recompute(now: Selected): Generator<void, DashboardView, void> {
    const data = now.store
    const rows = now.rows
    const totals = totalsOf(data, rows)
    yield
    const groupChart = groupChartOf(groupSumsOf(data, rows, grouping.value), dark.value)
    yield
    const series = timeSeriesOf(data, rows, grouping.value, timeUnit.value)
    yield
    const timeChart = timeChartOf(series, metric.value, dark.value)
    yield
    const table = {
      store: data,
      rows: yield* tableOf(data, rows, sort.value, sortDirection.value),
    }
    return { totals, groupChart, timeChart, table }
  }

  let generation = 0
  function update(): void {
    const gen = ++generation
    const now = selected.value
    if (!now) {
      shown.value = null
      computing.value = false
      return
    }
    const steps = recompute(now)
    if (now.store.length < ASYNC_ROWS) {
      let step = steps.next()
      while (!step.done) step = steps.next()
      shown.value = step.value
      computing.value = false
      return
    }
    computing.value = true
    void (async () => {
      await yieldToPage()
      for (;;) {
        if (gen !== generation) return
        const step = steps.next()
        if (step.done) {
          shown.value = step.value
          computing.value = false
          return
        }
        await yieldToPage()
      }
    })()
  }
  watch([selected, grouping, metric, timeUnit, dark, sort, sortDirection], update, {
    flush: 'sync',
    immediate: true,
  })

  const totals = computed(() => shown.value?.totals ?? null)
  const groupChart = computed(() => shown.value?.groupChart ?? null)
  const timeChart = computed(() => shown.value?.timeChart ?? null)
  /** The selected rows in the table's order; empty before any data. */
  const table = computed(() => shown.value?.table ?? null)
  /** True while the figures on show belong to an earlier view (a big store is recomputing). */
  const updating = computed(() => publishing.value || filtering.value || computing.value)

  /** The first and last date of the whole dataset, as people read them (`Aug 2021`, `2024`). */
  const dateSpan = computed(() => {
    const dates = store.value?.columns.date
    if (!dates || dates.length === 0) return null
    return spanOfDates(dates)
  })
  return { totals, groupChart, timeChart, table, updating, dateSpan }
}

function spanOfDates(dates: CasualtyStore['columns']['date']): { first: string; last: string } {
  let first = Infinity
  let last = -Infinity
  // An indexed loop: for-of over a million-entry typed array is several times slower.
  for (let i = 0; i < dates.length; i++) {
    const code = dates[i]!
    if (code < first) first = code
    if (code > last) last = code
  }
  return { first: formatDateLabel(first), last: formatDateLabel(last) }
}

let shared: ReturnType<typeof createDashboard> | null = null

export function useDashboard() {
  shared ??= createDashboard()
  return shared
}

export function resetDashboardForTests(): void {
  shared = null
}
