import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import ChartByTargetGroup from '../../src/components/ChartByTargetGroup.vue'
import { useDashboard } from '../../src/composables/useDashboard'
import { useDataset } from '../../src/composables/useDataset'
import { resetViewStateForTests } from '../../src/composables/useViewState'
import { csvOf, quietCanvas } from './chartCardTesting'
import { startDashboard } from './dashboardState'

afterEach(() => {
  resetViewStateForTests()
  vi.restoreAllMocks()
})

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
