import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  defaultViewState,
  dropUnknownLabels,
  parseViewQuery,
  toLinkQuery,
  toViewQuery,
  type ViewState,
} from '../../../src/core/view/viewState'

describe('parseViewQuery', () => {
  it.each<[string, Partial<ViewState> | null, Partial<ViewState['filters']>, number]>([
    ['', null, {}, 0],
    ['?from=2021-10&to=2022', null, { dateFrom: '2021-10', dateTo: '2022' }, 0],
    ['?from=2021-13', null, {}, 1],
    ['?to=2021-02-30', null, {}, 1],
    ['?from=2022&to=2021', null, {}, 1],
    [
      '?group=civilians&group=students&group=civilians',
      null,
      { targetGroups: ['civilians', 'students'] },
      0,
    ],
    [
      '?type=Military&perp=IS-KP&place=Kabul&q=mosque',
      null,
      { targetTypes: ['Military'], perpetrators: ['IS-KP'], admin1: ['Kabul'], text: 'mosque' },
      0,
    ],
    [
      '?metric=injured&by=gtd&time=year&tab=text',
      { metric: 'injured', grouping: 'target_type', timeUnit: 'year', tab: 'text' },
      {},
      0,
    ],
    ['?tab=extract', { tab: 'text' }, {}, 0],
    ['?metric=wounded&by=x&time=week&tab=__proto__', null, {}, 4],
    ['?sort=-killed&page=3', { sort: 'killed', sortDirection: 'desc', page: 3 }, {}, 0],
    ['?sort=colour&page=0', null, {}, 2],
    ['?page=abc&utm_source=x', null, {}, 1],
  ])('%s', (query, view, filters, noticeCount) => {
    const parsed = parseViewQuery(query)
    const expected = defaultViewState()
    Object.assign(expected, view ?? {})
    Object.assign(expected.filters, filters)
    expect(parsed.view).toEqual(expected)
    expect(parsed.notices).toHaveLength(noticeCount)
  })

  it('says which value it ignored and why', () => {
    expect(parseViewQuery('?from=2021-13').notices[0]).toBe(
      'Ignored “from=2021-13” in the link: “2021-13” has no month 13.',
    )
  })
})

describe('toViewQuery', () => {
  it('writes nothing for the default view', () => expect(toViewQuery(defaultViewState())).toBe(''))
  it('writes only what differs', () => {
    const view = defaultViewState()
    view.filters.targetGroups = ['shia worshippers']
    view.timeUnit = 'year'
    expect(toViewQuery(view)).toBe('group=shia+worshippers&time=year')
  })
  it('keeps the rule and the grades in the link', () => {
    const view = defaultViewState()
    view.rule = 'latest'
    view.filters.grades = ['confirmed', 'fair']
    expect(toViewQuery(view)).toBe('grade=confirmed&grade=fair&rule=latest')
    expect(parseViewQuery('?rule=latest').view.rule).toBe('latest')
    expect(parseViewQuery('?rule=sum').notices).toEqual([
      'Ignored “rule=sum” in the link: use range, latest, graded.',
    ])
  })

  const label = fc.string({ minLength: 1, maxLength: 12 })
  const arbitraryView = fc.record({
    filters: fc.record({
      dateFrom: fc.constantFrom('', '2021', '2021-08'),
      dateTo: fc.constantFrom('', '2024', '2024-12-31'),
      targetGroups: fc.uniqueArray(label, { maxLength: 3 }),
      targetTypes: fc.uniqueArray(label, { maxLength: 2 }),
      perpetrators: fc.uniqueArray(label, { maxLength: 2 }),
      admin1: fc.uniqueArray(label, { maxLength: 2 }),
      text: fc.string({ maxLength: 10 }),
      grades: fc.uniqueArray(fc.constantFrom('confirmed', 'fair', 'weak', 'ungraded'), {
        maxLength: 3,
      }),
    }),
    metric: fc.constantFrom('killed', 'injured', 'incidents'),
    grouping: fc.constantFrom('target_group', 'target_type'),
    timeUnit: fc.constantFrom('month', 'year'),
    tab: fc.constantFrom('dashboard', 'text'),
    sort: fc.constantFrom('date', 'place', 'target', 'killed', 'injured'),
    sortDirection: fc.constantFrom('asc', 'desc'),
    page: fc.integer({ min: 1, max: 1000 }),
    rule: fc.constantFrom('range', 'latest', 'graded'),
  }) as fc.Arbitrary<ViewState>

  it('reads back every view it writes, with no notice', () => {
    fc.assert(
      fc.property(arbitraryView, (view) => {
        const parsed = parseViewQuery(`?${toViewQuery(view)}`)
        expect(parsed.notices).toEqual([])
        expect(parsed.view).toEqual(view)
      }),
    )
  })
})

describe('dropUnknownLabels', () => {
  it('keeps known labels and names each unknown one', () => {
    const { view } = parseViewQuery('?group=civilians&group=martians&place=Kabul&place=Atlantis')
    const checked = dropUnknownLabels(view, {
      targetGroups: ['civilians'],
      targetTypes: [],
      perpetrators: [],
      admin1: ['Kabul'],
    })
    expect(checked.view.filters.targetGroups).toEqual(['civilians'])
    expect(checked.view.filters.admin1).toEqual(['Kabul'])
    expect(checked.notices).toEqual([
      'Ignored “group=martians” in the link: no such target group in this data.',
      'Ignored “place=Atlantis” in the link: no such place in this data.',
    ])
  })
})

describe('toLinkQuery', () => {
  it.each([
    ['', '', ''],
    ['?group=x', 'group=civilians', 'group=civilians'],
    ['?data=https%3A%2F%2Fx.org%2Fa.csv&group=x', '', 'data=https%3A%2F%2Fx.org%2Fa.csv'],
    [
      '?embed=by-group&data=https%3A%2F%2Fx.org%2Fa.csv&utm=1',
      'place=Kabul',
      'data=https%3A%2F%2Fx.org%2Fa.csv&embed=by-group&place=Kabul',
    ],
  ])('keeps the data and embed keys of %j', (search, viewQuery, expected) => {
    const view = parseViewQuery(viewQuery).view
    expect(toLinkQuery(view, search)).toBe(expected)
  })
})
