// What the dashboard shows for the current view, computed once and shared: headline totals, the
// models of both charts and the incident table's order. The figures are one pass over the selected
// rows' typed columns (core/view/aggregate's summarizeRows) followed by pure builders (core/chart);
// the table reads its page from the store's sorted order (core/view/sort's TableOrder); components
// only render them.
//
// One change recomputes only what depends on it (each step remembers its recent inputs: a new
// metric rebuilds the time chart, not the sums; a filter turned off again finds its figures). On a
// big store (ASYNC_ROWS rows or more) the work runs after the page has painted, and in tasks of at
// most STEP_BUDGET_MS when it can pause (building a new store's figure index, sorting it; a new
// selection of a store already shown may take FIGURES_BUDGET_MS); the results are shown together
// when all is done, so the page never mixes figures of two views; `updating` says it is on the way.
// The map's figures come in the same pass once the map has been in view; before that, a big
// store's follow the charts' in a pass of their own (`placesUpdating` meanwhile), so a filter
// change paints the figures on screen first.

import { computed, onScopeDispose, shallowRef, watch } from 'vue'
import { summarizeRowsInSteps, type Reconciling, type ViewTotals } from '../core/view/aggregate'
import { buildGroupChart, type GroupChartModel } from '../core/chart/groupChart'
import {
  buildTimeChart,
  fitTimeUnit,
  type TimeChartModel,
  type TimeFit,
} from '../core/chart/timeChart'
import { dateSpanOf } from '../core/view/figureIndex'
import { dateSpanWithin } from '../core/view/filter'
import { labelCount } from '../core/store/packedStrings'
import { tableOrderInSteps, type TableOrder } from '../core/view/sort'
import { runSteps, type Steps } from '../core/steps'
import type { CasualtyStore } from '../core/store/store'
import { createGlobalState } from './globalState'
import { ASYNC_ROWS, useFilters, type Selected } from './useFilters'
import { runInSteps, STEP_BUDGET_MS, whenIdle, yieldToPage } from './yieldToPage'
import { useDataset } from './useDataset'
import { useTheme } from './useTheme'
import { useViewState } from './useViewState'
import { useSources } from './useSources'
import { reportOrder } from '../core/view/reportIndex'
import {
  mapSumsInSteps,
  storePlacesInSteps,
  summarizePlacesInSteps,
  type PlaceSums,
} from '../core/view/placeSums'
import { STEP_ROWS } from '../core/steps'

/**
 * How long the figures of a new selection may take in one task before it lets the page paint:
 * enough for a million rows' figures (the charts' and the map's, one pass) in one go, leaving room
 * in the task for the charts, map and table drawn after them. A pause costs a frame (about 16 ms)
 * before the figures show.
 */
const FIGURES_BUDGET_MS = 40

/**
 * How many recent results each step of the view keeps. Going back to a view seen a moment ago (a
 * filter off again, "Reset filters": the every-row selection is one array per store) then costs
 * nothing: on a million rows the figures' pass is most of a filter change's work. What is kept
 * holds its selection (4 bytes a selected row) and its sums (a few hundred bytes a chart cell).
 */
const REMEMBERED = 3

interface Remembered<A, R> {
  find(args: A): { result: R } | undefined
  keep(args: A, result: R): R
}

// The last REMEMBERED results of a computation by its arguments (compared by identity).
function rememberRecent<A extends unknown[], R>(): Remembered<A, R> {
  const recent: { args: A; result: R }[] = []
  return {
    find: (args) => {
      const at = recent.findIndex((entry) => entry.args.every((arg, i) => arg === args[i]))
      if (at < 0) return undefined
      const [entry] = recent.splice(at, 1)
      recent.unshift(entry as { args: A; result: R })
      return entry
    },
    keep: (args, result) => {
      recent.unshift({ args, result })
      recent.length = Math.min(recent.length, REMEMBERED)
      return result
    },
  }
}

// Wraps `compute` so a call with the same arguments (by identity) as a recent one returns its
// result instead of computing again.
function remembering<A extends unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  const memory = rememberRecent<A, R>()
  return (...args: A): R => memory.find(args)?.result ?? memory.keep(args, compute(...args))
}

// `remembering` for computations in steps.
function rememberingSteps<A extends unknown[], R>(
  compute: (...args: A) => Steps<R>,
): (...args: A) => Steps<R> {
  const memory = rememberRecent<A, R>()
  return function* (...args: A): Steps<R> {
    const found = memory.find(args)
    if (found) return found.result
    return memory.keep(args, yield* compute(...args))
  }
}

/** The incident table's rows in table order, with the store they index. */
export interface TableRows {
  store: CasualtyStore
  rows: TableOrder
}

interface DashboardView {
  totals: ViewTotals
  groupChart: GroupChartModel
  timeChart: TimeChartModel
  /** The time chart's unit: years when the view has too many months to draw. */
  timeFit: TimeFit
  table: TableRows
  /**
   * The map's figures, summed in the same pass as the charts'; null when a big store's map is out
   * of view: they are then summed in a pass of their own once the charts' figures are shown.
   */
  places: PlaceSums | null
  /** The rule and order of reports the figures were reconciled with. */
  reconciling: Reconciling
}

function createDashboard() {
  const { publishing, store } = useDataset()
  const { selected, filtering, filters } = useFilters()
  const { grouping, metric, timeUnit, sort, sortDirection, rule } = useViewState()
  const { registry, scale } = useSources()
  const { dark } = useTheme()

  const shown = shallowRef<DashboardView | null>(null)
  const computing = shallowRef(false)
  /**
   * True once the map has come into view: from then on each view sums the map's figures in the
   * charts' pass. Before, a big store's map figures follow the charts' in a pass of their own
   * (the map's table stands in for it, below the fold too).
   */
  const mapWanted = shallowRef(false)
  /** The map's figures last summed apart from the charts', and whether newer ones are on the way. */
  const placesApart = shallowRef<PlaceSums | null>(null)
  const placesPending = shallowRef(false)
  const placesOf = rememberingSteps(summarizePlacesInSteps)

  const sumsOf = rememberingSteps(summarizeRowsInSteps)
  const groupChartOf = remembering(buildGroupChart)
  const timeChartOf = remembering(buildTimeChart)
  const tableOf = rememberingSteps(tableOrderInSteps)
  const mapOf = rememberingSteps(mapSumsInSteps)
  const orderOf = remembering(reportOrder)
  // The same rule and order give the same object: the remembered sums are found by identity.
  const reconcilingOf = remembering(
    (r: typeof rule.value, order: ReturnType<typeof reportOrder>) => ({
      rule: r,
      order,
    }),
  )

  // The steps of one recomputation; the generator pauses where a big store lets the page paint.
  function* recompute(now: Selected, withPlaces: boolean): Steps<DashboardView> {
    const data = now.store
    const rows = now.rows
    // Known before the pass: the dates the view can span and the groups it can have.
    const timeFit = fitTimeUnit(
      timeUnit.value,
      dateSpanWithin(dateSpanOf(data), filters.value),
      labelCount(data.columns.categories[grouping.value]),
    )
    const reconciling = reconcilingOf(rule.value, orderOf(data, registry.value, scale.value))
    // The rows' provinces (numbered once per store): the map's figures come with the charts'.
    const rowPlaces = withPlaces ? yield* storePlacesInSteps(data) : null
    const sums = yield* sumsOf(
      data,
      rows,
      grouping.value,
      timeFit.unit,
      STEP_ROWS,
      reconciling,
      rowPlaces,
    )
    const places = rowPlaces ? yield* mapOf(data, rows, sums.places!, reconciling) : null
    const groupChart = groupChartOf(sums.groups, dark.value)
    const timeChart = timeChartOf(sums.series, metric.value, dark.value)
    const table = {
      store: data,
      rows: yield* tableOf(data, rows, sort.value, sortDirection.value, now.test),
    }
    return { totals: sums.totals, groupChart, timeChart, timeFit, table, places, reconciling }
  }

  // The map's figures of a view shown without them, in steps once the page is idle: after the
  // charts' figures have been painted.
  async function sumPlacesLater(gen: number, now: Selected, view: DashboardView): Promise<void> {
    placesPending.value = true
    await whenIdle()
    if (gen !== generation) return
    const steps = placesOf(now.store, now.rows, view.reconciling)
    const places = await runInSteps(steps, () => gen === generation)
    if (places === null || gen !== generation) return
    placesApart.value = places
    placesPending.value = false
  }

  let generation = 0
  /** The store whose figures are on show: a view of another store is shown in a task of its own. */
  let shownStore: CasualtyStore | null = null
  // `afterPaint`: the change already runs in a task of its own, after the frame that showed the
  // click, so the figures may follow at once.
  function update(afterPaint = false): void {
    const gen = ++generation
    const now = selected.value
    if (!now) {
      shown.value = null
      shownStore = null
      computing.value = false
      return
    }
    // The map never shows another store's figures, even while its own are on the way.
    if (now.store !== shownStore) placesApart.value = null
    const small = now.store.length < ASYNC_ROWS
    const steps = recompute(now, small || mapWanted.value)
    if (small) {
      shown.value = runSteps(steps)
      shownStore = now.store
      computing.value = false
      placesPending.value = false
      return
    }
    computing.value = true
    void (async () => {
      if (!afterPaint) await yieldToPage()
      if (gen !== generation) return
      // A new selection of the store on show is summed in one task where it can (the figure index
      // and sort orders exist; a pause would cost a frame before the figures); a new store is built
      // up in short steps, and its first view, which mounts the dashboard, gets a task of its own.
      const newStore = now.store !== shownStore
      const budget = newStore ? STEP_BUDGET_MS : FIGURES_BUDGET_MS
      const view = await runInSteps(steps, () => gen === generation, budget)
      if (view !== null && newStore) await yieldToPage()
      if (view === null || gen !== generation) return
      shown.value = view
      shownStore = now.store
      computing.value = false
      if (view.places) placesPending.value = false
      else void sumPlacesLater(gen, now, view)
    })()
  }
  watch(
    [
      selected,
      grouping,
      metric,
      timeUnit,
      dark,
      sort,
      sortDirection,
      rule,
      registry,
      scale,
      mapWanted,
    ],
    (now, before) => {
      // A new selection of the same big store alone: useFilters made it in a task of its own.
      const filteredOnly =
        before !== undefined &&
        now[0] !== before[0] &&
        now[0]?.store === before[0]?.store &&
        now.every((value, i) => i === 0 || value === before[i])
      update(filteredOnly)
    },
    { flush: 'sync', immediate: true },
  )
  // A recomputation still running in steps when the state is forgotten (a test's reset) stops.
  onScopeDispose(() => generation++)

  const totals = computed(() => shown.value?.totals ?? null)
  const groupChart = computed(() => shown.value?.groupChart ?? null)
  const timeChart = computed(() => shown.value?.timeChart ?? null)
  /** The time chart's unit, and why it is years when months were asked for. */
  const timeFit = computed(() => shown.value?.timeFit ?? null)
  /** Labels of the column the charts on show group by, by dictionary code (the time chart's key). */
  const groupLabels = computed<readonly string[]>(
    () => store.value?.columns.categories[groupChart.value?.column ?? 'target_group'].values ?? [],
  )
  /** The selected rows in the table's order; empty before any data. */
  const table = computed(() => shown.value?.table ?? null)
  /** The map's figures of the view on show. */
  /** The map's figures: of the view on show, or the last summed apart while newer ones come. */
  const places = computed(() => shown.value?.places ?? placesApart.value)
  /** True while the map shows figures of an earlier view (or none yet). */
  const placesUpdating = computed(() => placesPending.value)
  /** True while the figures on show belong to an earlier view (a big store is recomputing). */
  const updating = computed(() => publishing.value || filtering.value || computing.value)
  /** The map has come into view: its figures are summed with the charts' from the next view on. */
  function wantMapFigures(): void {
    mapWanted.value = true
  }
  return {
    totals,
    groupChart,
    timeChart,
    timeFit,
    groupLabels,
    table,
    places,
    updating,
    placesUpdating,
    wantMapFigures,
  }
}

export const useDashboard = createGlobalState(createDashboard)

/** Stops and forgets the shared figures (GlobalState's reset), for tests. */
export const resetDashboardForTests = useDashboard.reset
