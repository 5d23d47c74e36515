import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import IncidentTable from '../../src/components/IncidentTable.vue'
import { useDataset } from '../../src/composables/useDataset'
import { resetViewStateForTests } from '../../src/composables/useViewState'
import { startDashboard } from './dashboardState'

afterEach(() => resetViewStateForTests())

describe('IncidentTable', () => {
  it('lists every row with the source words, and says which rows it shows', () => {
    startDashboard()
    const wrapper = mount(IncidentTable)
    const total = useDataset().store.value?.length ?? 0
    expect(wrapper.findAll('tbody tr')).toHaveLength(total)
    expect(wrapper.get('[data-testid="table-range"]').text()).toBe(`Rows 1-${total} of ${total}`)
    expect(wrapper.findAll('q').map((q) => q.text())).toContain('over 50 worshippers')
    expect(wrapper.text()).toContain('51+')
  })

  it('sorts by a column, with aria-sort on its header, and keeps the order in the URL', async () => {
    startDashboard()
    const wrapper = mount(IncidentTable)
    const killed = () => wrapper.findAll('th').find((th) => th.text().startsWith('Killed'))
    expect(killed()?.attributes('aria-sort')).toBe('none')
    await killed()?.get('button').trigger('click')
    expect(killed()?.attributes('aria-sort')).toBe('descending')
    expect(window.location.search).toBe('?sort=-killed')
    expect(wrapper.findAll('tbody tr')[0]?.text()).toContain('170')
    await killed()?.get('button').trigger('click')
    expect(killed()?.attributes('aria-sort')).toBe('ascending')
  })

  it('opens the source quote with the figure’s words highlighted', async () => {
    startDashboard('?group=shia+worshippers&sort=-killed')
    const wrapper = mount(IncidentTable)
    const button = wrapper.get('button.quote-toggle')
    expect(button.attributes('aria-expanded')).toBe('false')
    await button.trigger('click')
    expect(button.attributes('aria-expanded')).toBe('true')
    expect(wrapper.findAll('mark').map((m) => m.text())).toEqual(['over 50 worshippers', 'scores'])
    expect(wrapper.text()).toContain('src-000')
  })
})
