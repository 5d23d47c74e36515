import { afterEach, describe, expect, it } from 'vitest'
import { useFilters } from '../../src/composables/useFilters'
import { resetViewStateForTests, useViewState } from '../../src/composables/useViewState'
import { startDashboard } from '../components/dashboardState'

afterEach(() => resetViewStateForTests())

describe('useViewState', () => {
  it('restores the whole view from the link', () => {
    const view = startDashboard(
      '?group=students&metric=incidents&by=gtd&time=year&tab=text&sort=-killed',
    )
    expect(view.view.value).toMatchObject({
      metric: 'incidents',
      grouping: 'target_type',
      timeUnit: 'year',
      tab: 'text',
      sort: 'killed',
      sortDirection: 'desc',
    })
    expect(view.view.value.filters.targetGroups).toEqual(['students'])
    expect(useFilters().selection.value.length).toBe(1)
    expect(view.notices.value).toEqual([])
  })

  it('drops what the data does not have, says so, and cleans the link', () => {
    const view = startDashboard('?group=martians&group=students&to=2021-13')
    expect(view.view.value.filters.targetGroups).toEqual(['students'])
    expect(view.notices.value).toEqual([
      'Ignored “to=2021-13” in the link: “2021-13” has no month 13.',
      'Ignored “group=martians” in the link: no such target group in this data.',
    ])
    expect(window.location.search).toBe('?group=students')
  })

  it('follows the back button (popstate) without adding history', () => {
    const view = startDashboard()
    view.commitFilters({ targetGroups: ['students'] })
    view.commit({ timeUnit: 'year' })
    const length = window.history.length
    window.history.replaceState(null, '', '/?group=civilians')
    window.dispatchEvent(new PopStateEvent('popstate'))
    expect(view.view.value.filters.targetGroups).toEqual(['civilians'])
    expect(view.timeUnit.value).toBe('month')
    expect(window.history.length).toBe(length)
  })

  it('goes back to the first page when the filters change', () => {
    const view = startDashboard('?page=3')
    expect(view.page.value).toBe(3)
    view.toggleFilterValue('admin1', 'Kabul')
    expect(view.page.value).toBe(1)
    expect(window.location.search).toBe('?place=Kabul')
    view.toggleFilterValue('admin1', 'Kabul')
    expect(window.location.search).toBe('')
  })
})

describe('useViewState reset', () => {
  it('stops listening for back/forward and gives a fresh view', () => {
    const old = startDashboard('?time=year')
    resetViewStateForTests()
    window.history.replaceState(null, '', '/?group=civilians')
    window.dispatchEvent(new PopStateEvent('popstate'))
    expect(old.view.value.filters.targetGroups).toEqual([])
    expect(old.timeUnit.value).toBe('year')
    const fresh = useViewState()
    expect(fresh).not.toBe(old)
    expect(fresh.view.value.filters.targetGroups).toEqual(['civilians'])
    expect(fresh.timeUnit.value).toBe('month')
  })
})
