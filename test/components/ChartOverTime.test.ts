import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import ChartOverTime from '../../src/components/ChartOverTime.vue'
import { useDashboard } from '../../src/composables/useDashboard'
import { useDataset } from '../../src/composables/useDataset'
import { resetViewStateForTests } from '../../src/composables/useViewState'
import { csvOf, quietCanvas } from './chartCardTesting'
import { startDashboard } from './dashboardState'

afterEach(() => {
  resetViewStateForTests()
  vi.restoreAllMocks()
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

  it('keys by their labels only the groups it draws a bar for', () => {
    const { store, wrapper } = mountTimeChart()
    const labels = store.columns.categories.target_group.values
    const model = useDashboard().timeChart.value
    const keyed = wrapper.findAll('ul.key li').map((li) => li.text())
    expect(keyed).toEqual(model?.drawnCodes.map((code) => labels[code]))
    // The shipped data's Taliban security forces have killed only in words: no bar, no key.
    expect(keyed).not.toContain('taliban security forces')
    expect(keyed).toContain('civilians')
    wrapper.unmount()
  })

  it('says in words that a measure has no number in view, instead of an empty axis', () => {
    quietCanvas()
    startDashboard('?metric=injured')
    const wrapper = mount(ChartOverTime, { attachTo: document.body })
    const said = wrapper.get('[data-testid="nothing-drawn"]').text()
    expect(said).toMatch(/^No injured figure in this view is a number: \d+ rows give injured only/)
    expect(wrapper.find('canvas').exists()).toBe(false)
    expect(wrapper.findAll('ul.key li')).toHaveLength(0)
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
