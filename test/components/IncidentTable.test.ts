import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import IncidentTable from '../../src/components/IncidentTable.vue'
import { useDataset } from '../../src/composables/useDataset'
import { resetViewStateForTests } from '../../src/composables/useViewState'
import { startDashboard } from './dashboardState'

afterEach(() => resetViewStateForTests())

/** A window as narrow as a phone (matches every max-width query), or a wide one (matches none). */
function phone(matches: boolean) {
  window.matchMedia = ((query: string) => ({
    matches: matches && query.includes('max-width'),
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  })) as unknown as typeof window.matchMedia
}
beforeEach(() => phone(false))

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

describe('IncidentTable on a phone', () => {
  it('shows one card per row with the date, place, group, figures and a quote button', async () => {
    phone(true)
    startDashboard('?sort=-killed')
    const wrapper = mount(IncidentTable)
    const total = useDataset().store.value?.length ?? 0
    expect(wrapper.find('table').exists()).toBe(false)
    const cards = wrapper.findAll('li.card')
    expect(cards).toHaveLength(total)
    const first = cards[0]
    expect(first?.get('.card-date').text()).toBe('Aug 2021')
    expect(first?.text()).toContain('civilians')
    expect(first?.get('.card-figures').text()).toContain('Killed')
    expect(first?.get('.card-figures').text()).toContain('170')
    expect(first?.get('.card-figures').text()).toContain('Injured')
    await first?.get('button.quote-toggle').trigger('click')
    expect(first?.find('blockquote').exists()).toBe(true)
    // The sort menu does what the table's headers do.
    await wrapper.get('select').setValue('injured')
    expect(window.location.search).toBe('?sort=-injured')
  })
})
