import { flushPromises, mount } from '@vue/test-utils'
import { Chart } from 'chart.js'
import { afterEach, describe, expect, it, vi } from 'vitest'
import ChartByTargetGroup from '../../src/components/ChartByTargetGroup.vue'
import ChartOverTime from '../../src/components/ChartOverTime.vue'
import { useDashboard } from '../../src/composables/useDashboard'
import { useDataset } from '../../src/composables/useDataset'
import { resetViewStateForTests } from '../../src/composables/useViewState'
import { startDashboard } from './dashboardState'

afterEach(() => {
  resetViewStateForTests()
  vi.restoreAllMocks()
})

// happy-dom has no 2D canvas: Chart.js says so on the console, draws nothing, and its update for a
// new view (the components follow the view, as on the page) would fail without a context. These
// tests cover what the components render around the chart; drawing is tested in Chromium (e2e).
function quietCanvas() {
  vi.spyOn(console, 'error').mockImplementation(() => {})
  vi.spyOn(Chart.prototype, 'update').mockImplementation(() => {})
}

async function csvOf(click: () => Promise<void>): Promise<string> {
  let blob: Blob | null = null
  vi.spyOn(URL, 'createObjectURL').mockImplementation((value) => {
    blob = value as Blob
    return 'blob:test'
  })
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
  // happy-dom would follow the download link and leave the test page.
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
  await click()
  if (!blob) throw new Error('nothing was downloaded')
  return (await (blob as Blob).text()).replace(/^\uFEFF/, '')
}

describe('ChartByTargetGroup', () => {
  it('labels the chart with its summary, lists unquantified groups, downloads its table', async () => {
    quietCanvas()
    startDashboard()
    const model = useDashboard().groupChart.value
    if (!model) throw new Error('no model')
    const wrapper = mount(ChartByTargetGroup, { attachTo: document.body })
    await flushPromises()
    // It reads its model and its source line from the shared state, as on the page.
    expect(wrapper.get('.source-line').text()).toBe(useDataset().sourceLine.value)
    expect(wrapper.get('.source-line').text()).toContain('src-000')
    expect(wrapper.get('canvas').attributes('aria-label')).toBe(model.summary)
    expect(wrapper.get('canvas').attributes('role')).toBe('img')
    expect(wrapper.get('[data-testid="unquantified-groups"]').text()).toContain(
      'taliban security forces: killed in 1 row, injured in 1 row',
    )
    const csv = await csvOf(() =>
      wrapper.get('button[aria-label="Download table CSV (by target group)"]').trigger('click'),
    )
    const [header, ...lines] = csv.trim().split('\r\n')
    expect(header).toBe(model.table.columns.map((c) => `"${c.key}"`).join(','))
    expect(lines).toHaveLength(model.labels.length)
    expect(wrapper.find('button[aria-label="Download chart PNG (by target group)"]').exists()).toBe(
      true,
    )
    wrapper.unmount()
  })

  it('shows its table of the plotted numbers on request, and switches to GTD target types', async () => {
    quietCanvas()
    const view = startDashboard()
    const model = useDashboard().groupChart.value
    if (!model) throw new Error('no model')
    const wrapper = mount(ChartByTargetGroup, { attachTo: document.body })
    const toggle = wrapper.findAll('button').find((b) => b.text().startsWith('Show as table'))
    await toggle?.trigger('click')
    expect(toggle?.attributes('aria-pressed')).toBe('true')
    expect(wrapper.findAll('tbody tr')).toHaveLength(model.labels.length)
    await wrapper.get('input[value="target_type"]').trigger('change')
    expect(view.grouping.value).toBe('target_type')
    expect(window.location.search).toBe('?by=gtd')
    wrapper.unmount()
  })
})

describe('ChartOverTime', () => {
  // The shipped dataset's chart per month, mounted on its own.
  function mountTimeChart() {
    quietCanvas()
    const view = startDashboard()
    const model = useDashboard().timeChart.value
    const store = useDataset().store.value
    if (!model || !store) throw new Error('no model')
    const wrapper = mount(ChartOverTime, { attachTo: document.body })
    return { view, store, wrapper }
  }

  it('says how many year-only rows the monthly view leaves out, and switches to years', async () => {
    const { view, store, wrapper } = mountTimeChart()
    const yearOnly = store.records().filter((r) => /^\d{4}$/.test(r.date)).length
    expect(wrapper.get('[data-testid="year-only-note"]').text()).toContain(
      `${yearOnly} row dated only to a year is left out of the monthly view`,
    )
    await wrapper.get('button.link').trigger('click')
    expect(view.timeUnit.value).toBe('year')
    expect(window.location.search).toBe('?time=year')
    const csv = await csvOf(() =>
      wrapper.get('button[aria-label="Download table CSV (over time)"]').trigger('click'),
    )
    expect(csv.split('\r\n')[0]).toContain('"period","killed_min_civilians"')
    wrapper.unmount()
  })

  it('keys its groups by their labels', () => {
    const { store, wrapper } = mountTimeChart()
    const labels = store.columns.categories.target_group.values
    expect(wrapper.findAll('ul.key li').map((li) => li.text())).toEqual(
      useDashboard().timeChart.value?.codes.map((code) => labels[code]),
    )
    wrapper.unmount()
  })

  it('switches what it counts and per what from its own controls, and filters from its table', async () => {
    const { view, wrapper } = mountTimeChart()
    expect(wrapper.findAll('legend').map((legend) => legend.text())).toEqual(['Show', 'Per'])
    expect(wrapper.get('.hint').text()).toBe(
      'Click a bar (or use the table view) to show only that month.',
    )
    await wrapper.get('input[name="metric"][value="incidents"]').trigger('change')
    await wrapper.get('input[name="time-unit"][value="year"]').trigger('change')
    expect([view.metric.value, view.timeUnit.value]).toEqual(['incidents', 'year'])
    expect(window.location.search).toBe('?metric=incidents&time=year')
    // It follows the view: its title and table are the new chart's.
    expect(wrapper.get('h2').text()).toBe('Incidents per year, by target group')
    await wrapper
      .findAll('button')
      .find((b) => b.text().startsWith('Show as table'))
      ?.trigger('click')
    await wrapper.get('tbody button.select').trigger('click')
    // The chart follows the view: per year now, its table's first row is the year.
    expect(view.view.value.filters.dateFrom).toBe('2021')
    wrapper.unmount()
  })
})
