// The dashboard's figures on big data: computed in steps after a change, shown together when the
// last step is done, and always the same as the one-pass computation over the same view.
import { loadCsv } from '../../src/core/load/loader'
import { mount } from '@vue/test-utils'
import { Chart } from 'chart.js'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick, watch } from 'vue'
import ChartOverTime from '../../src/components/ChartOverTime.vue'
import HeadlineFigures from '../../src/components/HeadlineFigures.vue'
import { sumByGroup, sumOverTime, sumTotals } from '../../src/core/view/aggregate'
import { buildGroupChart } from '../../src/core/chart/groupChart'
import { buildTimeChart } from '../../src/core/chart/timeChart'
import { filterRows } from '../../src/core/view/filter'
import { sortRows } from '../../src/core/view/sort'
import type { CasualtyStore } from '../../src/core/store/store'
import { concatStores } from '../../src/core/store/concat'
import { useDashboard } from '../../src/composables/useDashboard'
import { useDataset } from '../../src/composables/useDataset'
import { ASYNC_ROWS, useFilters } from '../../src/composables/useFilters'
import { resetViewStateForTests } from '../../src/composables/useViewState'
import { startDashboard } from '../components/dashboardState'

afterEach(() => {
  resetViewStateForTests()
  vi.restoreAllMocks()
})

let big: CasualtyStore | null = null

// The shipped rows repeated until the store reaches `rows` rows or more (built once).
function repeatShipped(rows: number): CasualtyStore {
  if (big && big.length >= rows) return big
  let store = useDataset().store.value as CasualtyStore
  while (store.length < rows) store = concatStores(store, store)
  big = store
  return store
}

// Element by element; toEqual on arrays of a hundred thousand numbers takes seconds.
function sameRows(a: Uint32Array | undefined, b: Uint32Array): boolean {
  if (!a || a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

// What the dashboard must show for the current view, computed in one go.
function expected(store: CasualtyStore) {
  const view = startedView
  const rows = filterRows(store, useFilters().filters.value)
  return {
    rows,
    totals: sumTotals(store, rows),
    groupChart: buildGroupChart(sumByGroup(store, rows, view.grouping.value)),
    timeChart: buildTimeChart(
      sumOverTime(store, rows, view.grouping.value, view.timeUnit.value),
      view.metric.value,
    ),
    table: sortRows(store, rows, view.sort.value, view.sortDirection.value),
  }
}

let startedView: ReturnType<typeof startDashboard>

async function settled(): Promise<void> {
  const { updating } = useDashboard()
  for (let i = 0; i < 2000 && updating.value; i++) await new Promise((done) => setTimeout(done, 5))
  expect(updating.value).toBe(false)
}

/** A fresh dashboard showing the big store, its figures done. */
async function showBig(): Promise<CasualtyStore> {
  startedView = startDashboard()
  const big = repeatShipped(ASYNC_ROWS)
  useDataset().replaceStore(big, 'big.csv')
  await settled()
  return big
}

function expectShown(store: CasualtyStore): void {
  const want = expected(store)
  const { totals, groupChart, timeChart, table } = useDashboard()
  expect(sameRows(useFilters().selection.value, want.rows)).toBe(true)
  expect(totals.value).toEqual(want.totals)
  expect(groupChart.value).toEqual(want.groupChart)
  expect(timeChart.value).toEqual(want.timeChart)
  expect(table.value?.store).toBe(store)
  expect(sameRows(table.value?.rows.slice(), want.table)).toBe(true)
}

describe('useDashboard on big data', () => {
  it('takes in a new big store in steps, then shows the figures of every row', async () => {
    startedView = startDashboard()
    const { updating, totals } = useDashboard()
    const small = totals.value
    const big = repeatShipped(ASYNC_ROWS)
    useDataset().replaceStore(big, 'big.csv')
    // The big store is shown in a task of its own, the figures after it; the page says so.
    expect(useDataset().store.value).not.toBe(big)
    expect(updating.value).toBe(true)
    await Promise.resolve()
    expect(totals.value).toBe(small)
    for (let i = 0; i < 100 && useDataset().store.value !== big; i++) {
      await new Promise((done) => setTimeout(done, 1))
    }
    // The selection indexes the new store as soon as it is shown.
    expect(useDataset().store.value).toBe(big)
    expect(useFilters().selection.value.length).toBe(big.length)
    await settled()
    expectShown(big)
    expect(totals.value?.rows).toBe(big.length)
  })

  it('keeps the last figures while a filter change is on its way, then shows the new ones', async () => {
    const big = await showBig()
    expect(useDataset().store.value).toBe(big)
    const { updating, totals } = useDashboard()
    const before = totals.value
    startedView.toggleFilterValue('targetGroups', 'shia worshippers')
    expect(updating.value).toBe(true)
    expect(totals.value).toBe(before)
    await settled()
    expectShown(big)
    expect(totals.value?.rows).toBeLessThan(big.length)
  })

  it('finds the figures of a view seen a moment ago instead of summing the rows again', async () => {
    const big = await showBig()
    const { totals, timeChart } = useDashboard()
    const everyRow = { totals: totals.value, timeChart: timeChart.value }
    startedView.toggleFilterValue('targetGroups', 'shia worshippers')
    await settled()
    expect(totals.value).not.toBe(everyRow.totals)
    startedView.toggleFilterValue('targetGroups', 'shia worshippers')
    await settled()
    expect(totals.value).toBe(everyRow.totals)
    expect(timeChart.value).toBe(everyRow.timeChart)
    expectShown(big)
  })

  it('shows the last of several quick changes, never a superseded one', async () => {
    const big = await showBig()
    expect(useDataset().store.value).toBe(big)
    startedView.toggleFilterValue('targetGroups', 'shia worshippers')
    startedView.commit({ metric: 'incidents', sort: 'killed', sortDirection: 'desc' })
    startedView.toggleFilterValue('targetGroups', 'shia worshippers')
    startedView.commitFilters({ dateFrom: '2022' })
    await settled()
    expectShown(big)
  })

  it('appends to a big store that is still waiting to be shown', async () => {
    startedView = startDashboard()
    const shipped = useDataset().store.value as CasualtyStore
    const big = repeatShipped(ASYNC_ROWS)
    useDataset().replaceStore(big, 'big.csv')
    useDataset().appendStore(shipped, 'more.csv')
    await settled()
    expect(useDataset().store.value?.length).toBe(big.length + shipped.length)
    expect(useDataset().sourceName.value).toBe('big.csv + more.csv')
  })

  it('marks the headline figures busy while they belong to the last view', async () => {
    startedView = startDashboard()
    const { totals, updating } = useDashboard()
    // As App.vue gives them: the totals on show and whether they belong to the last view.
    const Host = defineComponent(
      () => () =>
        totals.value && h(HeadlineFigures, { totals: totals.value, updating: updating.value }),
    )
    const wrapper = mount(Host)
    expect(wrapper.get('section').attributes('aria-busy')).toBe('false')
    useDataset().replaceStore(repeatShipped(ASYNC_ROWS), 'big.csv')
    await nextTick()
    expect(wrapper.get('section').attributes('aria-busy')).toBe('true')
    expect(wrapper.get('section').classes()).toContain('stale')
    await settled()
    await nextTick()
    expect(wrapper.get('section').attributes('aria-busy')).toBe('false')
  })

  it('updates at once on small data', () => {
    startedView = startDashboard()
    const store = useDataset().store.value as CasualtyStore
    expect(store.length).toBeLessThan(ASYNC_ROWS)
    startedView.commitFilters({ dateFrom: '2022' })
    expect(useDashboard().updating.value).toBe(false)
    expectShown(store)
  })

  it('draws the charts of a new big store in a task after its figures, never the old chart beside them', async () => {
    startedView = startDashboard()
    // happy-dom has no 2D canvas: Chart.js says so on the console, draws nothing and cannot
    // update (drawing is tested in Chromium, e2e).
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const redraws = vi.spyOn(Chart.prototype, 'update').mockImplementation(() => {})
    const { timeChart, table } = useDashboard()
    const Host = defineComponent(
      () => () =>
        timeChart.value &&
        h(ChartOverTime, { model: timeChart.value, groupLabels: [], sourceLine: '' }),
    )
    const wrapper = mount(Host, { attachTo: document.body })
    // Small data: the chart is there with its figures.
    expect(wrapper.find('canvas').exists()).toBe(true)
    const big = repeatShipped(ASYNC_ROWS)
    redraws.mockClear()
    // Whether a canvas is in the page once the big store's first view is rendered, and how often
    // the old chart was redrawn before it (never: its figures did not change).
    const firstView = new Promise<{ canvas: boolean; redraws: number }>((done) => {
      const redrawsBefore = redraws.mock.calls.length
      watch(
        () => table.value?.store,
        async (store) => {
          if (store !== big) return
          const before = redraws.mock.calls.length - redrawsBefore
          await nextTick()
          done({ canvas: wrapper.find('canvas').exists(), redraws: before })
        },
        { flush: 'sync' },
      )
    })
    useDataset().replaceStore(big, 'big.csv')
    expect(await firstView).toEqual({ canvas: false, redraws: 0 })
    await settled()
    for (let i = 0; i < 100 && !wrapper.find('canvas').exists(); i++) {
      await new Promise((done) => setTimeout(done, 1))
    }
    expect(wrapper.find('canvas').exists()).toBe(true)
    expect(wrapper.find('canvas').attributes('aria-label')).toBe(timeChart.value?.summary)
    wrapper.unmount()
  })
})

describe('useDashboard time unit', () => {
  const TYPO = `incident_id,date,target_group,killed_min,killed_max,injured_min,injured_max
A,1024-05,civilians,3,3,,
B,2024-06-01,police,5,,2,2
C,2023-02,military,1,1,,
`

  it('shows per year a view of too many months to draw, and months once the dates are narrowed', async () => {
    startedView = startDashboard()
    vi.spyOn(console, 'error').mockImplementation(() => {})
    vi.spyOn(Chart.prototype, 'update').mockImplementation(() => {})
    useDataset().replaceStore(loadCsv(TYPO).store!, 'typo.csv')
    const { timeChart, timeFit } = useDashboard()
    // A typo of a thousand years: 12,002 months in 3 groups, where 500 can be drawn.
    expect(startedView.timeUnit.value).toBe('month')
    expect(timeFit.value).toEqual({ unit: 'year', months: 12_002, maxMonths: 500 })
    expect(timeChart.value?.unit).toBe('year')
    expect(timeChart.value?.labels.at(0)).toBe('1024')
    const Host = defineComponent(
      () => () =>
        timeChart.value &&
        h(ChartOverTime, { model: timeChart.value, groupLabels: [], sourceLine: '' }),
    )
    const wrapper = mount(Host, { attachTo: document.body })
    expect(wrapper.get('h2').text()).toContain('per year')
    expect(wrapper.get('[data-testid=months-as-years]').text()).toContain(
      'this view spans 12,002 months',
    )
    startedView.commitFilters({ dateFrom: '2020' })
    await nextTick()
    expect(timeFit.value).toEqual({ unit: 'month', months: null, maxMonths: 500 })
    expect(timeChart.value?.labels.at(0)).toBe('Feb 2023')
    expect(wrapper.get('h2').text()).toContain('per month')
    expect(wrapper.find('[data-testid=months-as-years]').exists()).toBe(false)
    wrapper.unmount()
  })

  // Below the fold the map's figures are summed apart, after the charts' are shown; once the map
  // has been in view they come in the charts' pass. Either way they are the same figures.
  it('sums the map after the charts while the map is out of view, the same as in one pass', async () => {
    const big = await showBig()
    const { places, placesUpdating, totals, wantMapFigures } = useDashboard()
    startedView.toggleFilterValue('targetGroups', 'shia worshippers')
    await settled()
    // The charts' figures are on show; the map's come in a pass of their own.
    expect(totals.value?.rows).toBeLessThan(big.length)
    for (let i = 0; i < 2000 && placesUpdating.value; i++) {
      await new Promise((done) => setTimeout(done, 5))
    }
    expect(placesUpdating.value).toBe(false)
    const apart = places.value
    expect(apart).not.toBeNull()
    // The map comes into view: the same view summed with the map in one pass.
    wantMapFigures()
    await settled()
    expect(placesUpdating.value).toBe(false)
    expect(places.value).not.toBe(apart)
    expect(places.value).toEqual(apart)
    // From now on a filter change brings the map's figures with the charts'.
    startedView.toggleFilterValue('targetGroups', 'shia worshippers')
    expect(placesUpdating.value).toBe(false)
    await settled()
    expect(places.value?.places.rows).not.toEqual(apart?.places.rows)
  })
})
