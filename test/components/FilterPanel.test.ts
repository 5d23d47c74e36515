import { loadCsv } from '../../src/core/load/loader'
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import FilterChips from '../../src/components/FilterChips.vue'
import FilterPanel from '../../src/components/FilterPanel.vue'
import { useDataset } from '../../src/composables/useDataset'
import { useFilters } from '../../src/composables/useFilters'
import { resetViewStateForTests } from '../../src/composables/useViewState'
import { startDashboard } from './dashboardState'

afterEach(() => resetViewStateForTests())

function labelsOf(values: readonly string[]) {
  return [...values].filter((v) => v !== '').sort((a, b) => a.localeCompare(b, 'en'))
}

describe('FilterPanel', () => {
  it('names each target-group checkbox by its group label', () => {
    startDashboard()
    const wrapper = mount(FilterPanel, { props: { dateSpan: { first: 'Aug 2021', last: '2024' } } })
    const fieldset = wrapper
      .findAll('fieldset')
      .find((f) => f.get('legend').text() === 'Target group')
    const names = fieldset?.findAll('label').map((label) => {
      // The accessible name: the label's text without aria-hidden parts.
      const clone = label.element.cloneNode(true) as HTMLElement
      clone.querySelectorAll('[aria-hidden="true"]').forEach((el) => el.remove())
      return clone.textContent?.trim()
    })
    const store = useDataset().store.value
    expect(names).toEqual(labelsOf(store?.columns.categories.target_group.values ?? []))
  })

  it('ticking a group filters the rows and pushes the view into the URL', async () => {
    const view = startDashboard()
    const wrapper = mount(FilterPanel, { props: { dateSpan: null } })
    const before = window.history.length
    const box = wrapper
      .findAll('label')
      .find((l) => l.text().startsWith('students'))
      ?.get('input')
    await box?.setValue(true)
    expect(view.view.value.filters.targetGroups).toEqual(['students'])
    expect(window.location.search).toBe('?group=students')
    expect(window.history.length).toBe(before + 1)
    expect(useFilters().selection.value.length).toBe(1)
  })

  it('refuses an impossible date and says why', async () => {
    const view = startDashboard()
    const wrapper = mount(FilterPanel, { props: { dateSpan: null } })
    const from = wrapper.get('input[placeholder="Aug 2021"]')
    await from.setValue('2021-13')
    await from.trigger('change')
    expect(wrapper.text()).toContain('“2021-13” has no month 13. Nothing changed.')
    expect(view.view.value.filters.dateFrom).toBe('')
    await from.setValue('2021-10')
    await from.trigger('change')
    expect(view.view.value.filters.dateFrom).toBe('2021-10')
  })

  it.each([
    ['Oct 2021', '2021-10'],
    ['2021-10', '2021-10'],
    ['8 Oct 2021', '2021-10-08'],
    ['October 8, 2021', '2021-10-08'],
  ])('takes “%s” as a date, as the page writes dates', async (typed, iso) => {
    const view = startDashboard()
    const wrapper = mount(FilterPanel, { props: { dateSpan: null } })
    const from = wrapper.get<HTMLInputElement>('input[placeholder="Aug 2021"]')
    await from.setValue(typed)
    await from.trigger('change')
    expect(view.view.value.filters.dateFrom).toBe(iso)
    expect(window.location.search).toBe(`?from=${iso}`)
    await wrapper.vm.$nextTick()
    // The box shows the date the way the page writes it.
    expect(from.element.value).toBe(iso.length === 7 ? 'Oct 2021' : '8 Oct 2021')
  })

  it('counts beside each choice the rows it gives with the other filters on', async () => {
    startDashboard()
    const wrapper = mount(FilterPanel, { props: { dateSpan: null } })
    const countBeside = (legend: string, label: string) =>
      wrapper
        .findAll('fieldset')
        .find((f) => f.get('legend').text() === legend)
        ?.findAll('label')
        .find((l) => l.text().startsWith(label))
        ?.get('.count')
        .text()
    expect(countBeside('Perpetrator', 'IS-KP')).toBe('6')
    const kunduz = wrapper
      .findAll('label')
      .find((l) => l.text().startsWith('Kunduz'))
      ?.get('input')
    await kunduz?.setValue(true)
    // With the place Kunduz on: one row, by IS-KP; the Taliban's raid is not in Kunduz.
    expect(countBeside('Perpetrator', 'IS-KP')).toBe('1')
    expect(countBeside('Perpetrator', 'Taliban')).toBe('0')
    // The place list's own counts stay those of the whole data: each is an alternative.
    expect(countBeside('Place (province)', 'Kabul')).toBe('4')
  })

  it('replaces the history entry while the user types a search', async () => {
    startDashboard()
    const wrapper = mount(FilterPanel, { props: { dateSpan: null } })
    const before = window.history.length
    const search = wrapper.get('input[type="search"]')
    for (const text of ['m', 'mo', 'mosque']) await search.setValue(text)
    expect(window.location.search).toBe('?q=mosque')
    expect(window.history.length).toBe(before + 1)
    expect(useFilters().selection.value.length).toBe(2)
  })
})

describe('FilterPanel on a long list', () => {
  // 250 places: P000-P199 in two rows each, P200-P249 in one.
  function manyPlaces(): string {
    const lines = [
      'incident_id,date,target_group,admin1,killed_min,killed_max,injured_min,injured_max',
    ]
    for (let i = 0; i < 250; i++) {
      const place = `P${String(i).padStart(3, '0')}`
      for (let r = 0; r < (i < 200 ? 2 : 1); r++)
        lines.push(`I${i}-${r},2021,civilians,${place},1,1,,`)
    }
    return `${lines.join('\n')}\n`
  }
  const placesIn = (wrapper: ReturnType<typeof mount>) =>
    wrapper
      .findAll('fieldset')
      .find((f) => f.get('legend').text() === 'Place (province)')
      ?.findAll('li')
      .map((li) => li.text().split(' ')[0]) ?? []

  it('shows the places with the most rows, finds the others by name, and keeps ticked ones', async () => {
    startDashboard()
    useDataset().replaceStore(loadCsv(manyPlaces()).store!, 'places.csv')
    const wrapper = mount(FilterPanel, { props: { dateSpan: null } })
    expect(placesIn(wrapper)).toHaveLength(200)
    expect(placesIn(wrapper)).not.toContain('P249')
    expect(wrapper.get('[data-testid=list-shown-admin1]').text()).toContain('200 of 250 shown')
    const place = wrapper
      .findAll('fieldset')
      .find((f) => f.get('legend').text() === 'Place (province)')
    await place?.findAll('li')[0]?.get('input').setValue(true)
    expect(useFilters().filters.value.admin1).toEqual(['P000'])
    await place?.get('input[type="search"]').setValue('p24')
    // The matches, and the ticked place.
    expect(placesIn(wrapper)).toEqual(['P000', ...Array.from({ length: 10 }, (_, i) => `P24${i}`)])
    expect(wrapper.get('[data-testid=list-shown-admin1]').text()).toContain('those that match')
  })

  it('shows every label of a list of 200 or fewer, without a Find box', () => {
    startDashboard()
    const wrapper = mount(FilterPanel, { props: { dateSpan: null } })
    expect(wrapper.find('[data-testid=list-shown-admin1]').exists()).toBe(false)
    expect(placesIn(wrapper)).toEqual(['Kabul', 'Kandahar', 'Kunduz', 'Nangarhar'])
  })
})

describe('FilterChips', () => {
  it('shows each active filter as a chip that removes it, and Reset filters', async () => {
    const view = startDashboard('?group=civilians&place=Kabul&from=2021')
    const wrapper = mount(FilterChips)
    const chips = wrapper.findAll('button.chip')
    expect(chips.map((chip) => chip.attributes('aria-label'))).toEqual([
      'Remove filter From: 2021',
      'Remove filter Target group: civilians',
      'Remove filter Place: Kabul',
    ])
    await chips[1]?.trigger('click')
    expect(view.view.value.filters.targetGroups).toEqual([])
    expect(window.location.search).toBe('?from=2021&place=Kabul')
    expect(wrapper.get('button.reset').text()).toBe('Reset filters')
    expect(wrapper.find('[data-testid=no-filters]').exists()).toBe(false)
    await wrapper.get('button.reset').trigger('click')
    expect(window.location.search).toBe('')
    expect(wrapper.find('button.chip').exists()).toBe(false)
    // In the chips' place, a line that says every row is shown.
    expect(wrapper.get('[data-testid=no-filters]').text()).toContain('Showing every row')
  })
})

describe('FilterChips focus', () => {
  it('moves focus to the next chip when one is removed, then to the figures', async () => {
    startDashboard('?group=civilians&group=students')
    const main = document.createElement('main')
    main.id = 'main-content'
    main.tabIndex = -1
    document.body.append(main)
    const wrapper = mount(FilterChips, { attachTo: document.body })
    await wrapper.findAll('button.chip')[0]?.trigger('click')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(document.activeElement?.getAttribute('aria-label')).toBe(
      'Remove filter Target group: students',
    )
    await wrapper.get('button.chip').trigger('click')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(document.activeElement).toBe(main)
    wrapper.unmount()
    main.remove()
  })
})
