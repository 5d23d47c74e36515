import { describe, expect, it } from 'vitest'
import { emptyFilters, type Filters } from '../../../src/core/view/filter'
import { defaultViewState, type ViewState } from '../../../src/core/view/viewState'
import {
  describeDates,
  describeFilters,
  viewHeading,
  viewTitle,
} from '../../../src/core/view/viewTitle'

const view = (filters: Partial<Filters>, rest: Partial<ViewState> = {}): ViewState => ({
  ...defaultViewState(),
  ...rest,
  filters: { ...emptyFilters(), ...filters },
})

describe('describeDates', () => {
  it.each([
    ['', '', ''],
    ['2021', '2021', '2021'],
    ['2021-08', '2021-08', 'Aug 2021'],
    ['2021-08', '2022', 'Aug 2021 to 2022'],
    ['2021', '', 'from 2021'],
    ['', '2021-10', 'to Oct 2021'],
  ])('%s to %s: %s', (dateFrom, dateTo, expected) => {
    expect(describeDates({ dateFrom, dateTo })).toBe(expected)
  })
})

describe('viewTitle', () => {
  it.each<[string, ViewState, string, string]>([
    [
      'the issue’s example',
      view({ admin1: ['Kabul'], dateFrom: '2021', dateTo: '2021' }),
      'Data',
      'Killed by target group, Kabul, 2021 — Data',
    ],
    ['no filter, no dataset title', view({}), '', 'Killed by target group'],
    [
      'metric, grouping, several groups and a search',
      view(
        { targetGroups: ['civilians', 'police'], text: ' mosque ' },
        { metric: 'incidents', grouping: 'target_type' },
      ),
      'D',
      'Incidents by GTD target type, civilians or police, “mosque” — D',
    ],
    ['the From text tab', view({}, { tab: 'text' }), 'D', 'From text — D'],
  ])('%s', (_name, state, title, expected) => {
    expect(viewTitle(state, title)).toBe(expected)
  })

  it('heads the view without the dataset', () => {
    expect(viewHeading(view({ perpetrators: ['IS-KP'] }))).toBe('Killed by target group, IS-KP')
  })
})

describe('describeFilters', () => {
  it.each<[Partial<Filters>, string]>([
    [{}, 'All rows, no filter.'],
    [{ admin1: ['Kunduz'] }, 'Only province Kunduz.'],
    [
      { targetGroups: ['civilians'], dateFrom: '2021-08', perpetrators: ['IS-KP'] },
      'Only target group civilians; perpetrator IS-KP; dates from Aug 2021.',
    ],
    [{ targetTypes: ['Military'], text: 'bus' }, 'Only GTD target type Military; text “bus”.'],
  ])('%j', (filters, expected) => {
    expect(describeFilters({ ...emptyFilters(), ...filters })).toBe(expected)
  })
})
