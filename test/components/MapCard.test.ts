import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import MapCard from '../../src/components/MapCard.vue'
import { resetMapForTests } from '../../src/composables/useMap'
import { useFilters } from '../../src/composables/useFilters'
import { resetViewStateForTests } from '../../src/composables/useViewState'
import { csvOf } from './chartCardTesting'
import { startDashboard } from './dashboardState'

afterEach(() => {
  resetMapForTests()
  resetViewStateForTests()
  vi.restoreAllMocks()
})

// The canvas is drawn in Chromium (test/e2e/map.spec.ts); here what the card shows around it.
const stubs = { MapCanvas: { template: '<canvas data-testid="map-canvas"></canvas>' } }

async function mountCard() {
  startDashboard()
  resetMapForTests()
  const wrapper = mount(MapCard, { attachTo: document.body, global: { stubs } })
  await flushPromises()
  // A country's region names load on demand: the table shows once they have come.
  await vi.waitFor(() => expect(wrapper.find('[data-testid="map-table"]').exists()).toBe(true))
  return wrapper
}

describe('MapCard', () => {
  it('tables the shipped provinces, with the legend, the attribution and the CSV', async () => {
    const wrapper = await mountCard()
    const table = wrapper.get('[data-testid="map-table"]')
    const names = table.findAll('tbody th').map((th) => th.text())
    expect(names).toEqual(['Kabul', 'Kunduz', 'Kandahar', 'Nangarhar'])
    expect(table.find('tbody tr').text()).toContain('none given')
    expect(wrapper.get('[data-testid="map-legend"]').text()).toContain('No data')
    expect(wrapper.get('[data-testid="map-legend"]').text()).toContain('Rows but no figure')
    expect(wrapper.get('[data-testid="map-attribution"]').text()).toContain('geoBoundaries')
    expect(wrapper.find('[data-testid="map-unmatched"]').exists()).toBe(false)
    const csv = await csvOf(() =>
      wrapper.get('button[aria-label="Download table CSV (map by province)"]').trigger('click'),
    )
    const [header, ...lines] = csv.trim().split('\r\n')
    expect(header).toContain('"admin1","incidents","killed_min","killed_max"')
    expect(lines).toHaveLength(4)
    expect(lines[0]).toMatch(/^"Kabul","3","189","",/)
    wrapper.unmount()
  })

  it('filters to a province from its table row, as a click on the map does', async () => {
    const wrapper = await mountCard()
    await wrapper.get('button[aria-pressed="false"]').trigger('click')
    const button = wrapper
      .findAll('[data-testid="map-table"] button')
      .find((b) => b.text() === 'Show only Kunduz')
    if (!button) throw new Error('no Kunduz button')
    await button.trigger('click')
    expect(useFilters().filters.value.admin1).toEqual(['Kunduz'])
    expect(window.location.search).toContain('place=Kunduz')
    wrapper.unmount()
  })
})
