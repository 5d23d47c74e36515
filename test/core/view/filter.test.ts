import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  dateCodeEnd,
  dateSpanWithin,
  emptyFilters,
  filterRows,
  hasActiveFilters,
  rowTest,
  type Filters,
} from '../../../src/core/view/filter'
import { sortRows } from '../../../src/core/view/sort'
import { storeFromRecords } from '../../../src/core/store/builder'
import { recordWith } from '../../helpers/record'

const record = recordWith({ incident_id: 'X', target_group: 'civilians' })

const store = storeFromRecords([
  record({
    incident_id: 'A',
    date: '2021-08',
    admin1: 'Kabul',
    location: 'Kabul airport',
    target_group: 'civilians',
    target_type: 'Private Citizens & Property',
    perpetrator: 'IS-KP',
    killed_min: 170,
    killed_max: 170,
  }),
  record({
    incident_id: 'A',
    date: '2021-08',
    admin1: 'Kabul',
    location: 'Kabul airport',
    target_group: 'us service members',
    target_type: 'Military',
    perpetrator: 'IS-KP',
    killed_min: 13,
    killed_max: 13,
  }),
  record({
    incident_id: 'B',
    date: '2021-10-08',
    admin1: 'Kunduz',
    location: 'Shia mosque',
    target_group: 'shia worshippers',
    target_type: 'Religious Figures/Institutions',
    perpetrator: 'IS-KP',
    killed_min: 51,
    injured_text: 'scores',
    source_quote: 'killing over 50 worshippers',
  }),
  record({
    incident_id: 'C',
    date: '2024',
    admin1: 'Nangarhar',
    location: 'IS-KP base',
    target_group: 'is-kp members',
    target_type: 'Terrorists/Non-State Militia',
    perpetrator: 'Taliban (Special Forces)',
    killed_min: 1,
    notes: 'Achin cell chief',
  }),
  record({
    incident_id: 'D',
    date: '2022-04',
    admin1: 'Kabul',
    location: 'boys’ school',
    target_group: 'students',
    target_type: 'Educational Institution',
    perpetrator: 'IS-KP',
    killed_text: 'at least six',
    killed_min: 6,
  }),
])

const filters = (overrides: Partial<Filters>): Filters => ({ ...emptyFilters(), ...overrides })

describe('filterRows', () => {
  it.each<[string, Partial<Filters>, number[]]>([
    ['no filter', {}, [0, 1, 2, 3, 4]],
    ['one target group', { targetGroups: ['civilians'] }, [0]],
    ['two target groups', { targetGroups: ['civilians', 'students'] }, [0, 4]],
    ['a group the data lacks', { targetGroups: ['nobody'] }, []],
    ['a GTD target type', { targetTypes: ['Military'] }, [1]],
    ['a perpetrator', { perpetrators: ['Taliban (Special Forces)'] }, [3]],
    ['a place', { admin1: ['Kabul'] }, [0, 1, 4]],
    ['place and group together', { admin1: ['Kabul'], targetGroups: ['students'] }, [4]],
    ['from a month', { dateFrom: '2021-10' }, [2, 3, 4]],
    ['up to a month, inclusive of its days', { dateTo: '2021-10' }, [0, 1, 2]],
    ['one month: a day in it counts', { dateFrom: '2021-10', dateTo: '2021-10' }, [2]],
    ['a year: its months and the year-only row', { dateFrom: '2024', dateTo: '2024' }, [3]],
    ['part of a year leaves the year-only row out', { dateFrom: '2024-01', dateTo: '2024-06' }, []],
    ['a year range', { dateFrom: '2021', dateTo: '2022' }, [0, 1, 2, 4]],
    ['text in location, any case', { text: 'AIRPORT' }, [0, 1]],
    ['text in a quote', { text: 'worshippers' }, [2]],
    ['text in notes', { text: 'achin' }, [3]],
    ['text in killed_text', { text: 'at least six' }, [4]],
    ['text with spaces only', { text: '   ' }, [0, 1, 2, 3, 4]],
    ['text nowhere', { text: 'zzz' }, []],
  ])('%s', (_name, overrides, expected) => {
    expect(Array.from(filterRows(store, filters(overrides)))).toEqual(expected)
    // rowTest, the same filters one row at a time (the table reads pages with it), agrees.
    const test = rowTest(store, filters(overrides))
    const tested = [...Array(store.length).keys()].filter((row) => (test ? test(row) : true))
    expect(tested).toEqual(expected)
  })

  it('is the rows that pass each filter alone (filters combine by AND)', () => {
    const groups = ['civilians', 'students', 'is-kp members', 'shia worshippers']
    const places = ['Kabul', 'Kunduz', 'Nangarhar']
    fc.assert(
      fc.property(fc.subarray(groups), fc.subarray(places), (targetGroups, admin1) => {
        const both = Array.from(filterRows(store, filters({ targetGroups, admin1 })))
        const a = new Set(filterRows(store, filters({ targetGroups })))
        const b = new Set(filterRows(store, filters({ admin1 })))
        expect(both).toEqual([...a].filter((row) => b.has(row)))
      }),
    )
  })
})

describe('the grade filter', () => {
  it.each([
    [['weak'], true],
    [['Weak', 'confirmed'], true],
    [['confirmed'], false],
    [['ungraded'], false],
    [[], true],
  ])('%j keeps every row (%s) when every source is graded weak', (grades, all) => {
    const context = { gradeOf: () => 'Weak' }
    expect(filterRows(store, filters({ grades }), context).length).toBe(all ? store.length : 0)
  })
  it('without grades every report is ungraded', () => {
    expect(filterRows(store, filters({ grades: ['ungraded'] })).length).toBe(store.length)
  })
})

describe('rowTest', () => {
  it('keeps exactly the rows filterRows keeps, for any mix of filters', () => {
    fc.assert(
      fc.property(
        fc.record({
          targetGroups: fc.subarray(['civilians', 'students', 'is-kp members', 'nobody']),
          targetTypes: fc.subarray(['Military', 'Educational Institution']),
          perpetrators: fc.subarray(['IS-KP', 'Taliban (Special Forces)']),
          admin1: fc.subarray(['Kabul', 'Kunduz', 'Nangarhar']),
          dateFrom: fc.constantFrom('', '2021', '2021-10', '2022-04-30', 'nonsense'),
          dateTo: fc.constantFrom('', '2021-08', '2022', '2024'),
          text: fc.constantFrom('', 'kabul', 'least', 'zzz', ' IS-KP '),
          grades: fc.subarray(['confirmed', 'weak', 'ungraded']),
        }),
        (chosen) => {
          const context = { gradeOf: (id: string) => (id === 'src-000' ? 'weak' : '') }
          const test = rowTest(store, chosen, context)
          const tested = [...Array(store.length).keys()].filter((row) => (test ? test(row) : true))
          expect(tested).toEqual(Array.from(filterRows(store, chosen, context)))
        },
      ),
    )
  })
})

describe('dateCodeEnd and hasActiveFilters', () => {
  it.each([
    [20240000, 20241299],
    [20211000, 20211099],
    [20211008, 20211008],
  ])('%d ends at %d', (code, end) => expect(dateCodeEnd(code)).toBe(end))
  it('sees any filter', () => {
    expect(hasActiveFilters(emptyFilters())).toBe(false)
    expect(hasActiveFilters(filters({ text: ' ' }))).toBe(false)
    expect(hasActiveFilters(filters({ admin1: ['Kabul'] }))).toBe(true)
  })
})

describe('sortRows', () => {
  const rows = Uint32Array.from([0, 1, 2, 3, 4])
  it.each<[Parameters<typeof sortRows>[2], Parameters<typeof sortRows>[3], number[]]>([
    ['date', 'asc', [0, 1, 2, 4, 3]],
    ['date', 'desc', [3, 4, 2, 0, 1]],
    ['killed', 'desc', [0, 2, 1, 4, 3]],
    ['killed', 'asc', [3, 4, 1, 2, 0]],
    ['target', 'asc', [0, 3, 2, 4, 1]],
    ['place', 'asc', [4, 0, 1, 2, 3]],
    // No row has an injured count: all "not given", kept in date order.
    ['injured', 'desc', [0, 1, 2, 4, 3]],
  ])('by %s %s', (key, direction, expected) => {
    expect(Array.from(sortRows(store, rows, key, direction))).toEqual(expected)
  })

  it('puts rows without a figure last in both directions', () => {
    const mixed = storeFromRecords([
      record({ date: '2021', killed_min: null }),
      record({ date: '2021', killed_min: 5 }),
      record({ date: '2021', killed_min: 9 }),
    ])
    const all = Uint32Array.from([0, 1, 2])
    expect(Array.from(sortRows(mixed, all, 'killed', 'asc'))).toEqual([1, 2, 0])
    expect(Array.from(sortRows(mixed, all, 'killed', 'desc'))).toEqual([2, 1, 0])
  })
})

describe('sortRows against a plain comparator sort', () => {
  const arbitraryRecord = fc.record({
    // Spans of up to 157 years sort on a short key (one pass), longer ones on the whole code.
    date: fc.constantFrom(
      '1900',
      '2021',
      '2021-01',
      '2021-08',
      '2021-10-08',
      '2021-12-31',
      '2022',
      '2022-01-01',
      '2022-04',
      '2024',
      '2057-12-31',
      '9999-12-31',
    ),
    admin1: fc.constantFrom('', 'Kabul', 'kabul', 'Kunduz', 'Nangarhar', 'Ünye'),
    location: fc.constantFrom('', 'airport', 'mosque', 'school'),
    target_group: fc.constantFrom('civilians', 'students', 'police', 'Police'),
    killed_min: fc.option(fc.nat(2_147_483_646), { nil: null }),
    injured_min: fc.option(fc.nat(30), { nil: null }),
  })
  it('orders by key, then date, then position; missing figures last', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(arbitraryRecord, fc.boolean()), { maxLength: 40 }),
        fc.constantFrom('date', 'place', 'target', 'killed', 'injured'),
        fc.constantFrom('asc', 'desc'),
        (pairs, key, direction) => {
          const records = pairs.map(([p]) => record(p))
          const data = storeFromRecords(records)
          // A selection: some rows, in store order, as filterRows gives them.
          const rows = Uint32Array.from([...records.keys()].filter((i) => pairs[i]?.[1]))
          const sign = direction === 'asc' ? 1 : -1
          const dateOf = (i: number) => data.dateCode(i)
          const compareText = (a: string, b: string) => a.localeCompare(b, 'en')
          const expected = [...rows].sort((a, b) => {
            const ra = records[a]!
            const rb = records[b]!
            if (key === 'killed' || key === 'injured') {
              const va = ra[`${key}_min`]
              const vb = rb[`${key}_min`]
              if ((va === null) !== (vb === null)) return va === null ? 1 : -1
              if (va !== null && vb !== null && va !== vb) return (va - vb) * sign
            } else if (key === 'date') {
              if (dateOf(a) !== dateOf(b)) return (dateOf(a) - dateOf(b)) * sign
              return a - b
            } else if (key === 'target') {
              const c = compareText(ra.target_group, rb.target_group)
              if (c !== 0) return c * sign
            } else {
              const c = compareText(ra.admin1, rb.admin1) || compareText(ra.location, rb.location)
              if (c !== 0) return c * sign
            }
            return dateOf(a) - dateOf(b) || a - b
          })
          expect(Array.from(sortRows(data, rows, key, direction))).toEqual(expected)
        },
      ),
    )
  })
})

describe('sortRows by date on a short key', () => {
  // Dates within 157 years sort on (year - first year) * 416 + month * 32 + day, in one pass:
  // a year-only date before its January, December's last day before the next year.
  const dates = ['2020', '2020-01', '2020-01-01', '2020-12', '2020-12-31', '2021', '2021-01-01']
  it.each(['asc', 'desc'] as const)(
    'orders %s as the date codes do, ties by position',
    (direction) => {
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom(...dates), { minLength: 1, maxLength: 60 }),
          (days) => {
            const data = storeFromRecords(days.map((date) => record({ date })))
            const rows = Uint32Array.from(days.keys())
            const sign = direction === 'asc' ? 1 : -1
            const expected = [...rows].sort(
              (a, b) => (data.dateCode(a) - data.dateCode(b)) * sign || a - b,
            )
            expect(Array.from(sortRows(data, rows, 'date', direction))).toEqual(expected)
          },
        ),
      )
    },
  )
})

describe('dateSpanWithin', () => {
  const span = { first: 20210800, last: 20240000 }
  it.each([
    ['no date filter', '', '', span],
    ['From inside the span', '2022-03', '', { first: 20220300, last: 20240000 }],
    ['To inside the span, to its last day', '', '2022', { first: 20210800, last: 20221299 }],
    ['both outside it', '2000', '2099', span],
    ['a From after the data', '2030', '', null],
    ['From after To', '2023', '2022', null],
    [
      'a date the filter cannot read is ignored',
      'soon',
      '2021-12',
      { first: 20210800, last: 20211299 },
    ],
  ])('%s', (_, dateFrom, dateTo, expected) => {
    expect(dateSpanWithin(span, { dateFrom, dateTo })).toEqual(expected)
  })

  it('gives null for data without dates', () => {
    expect(dateSpanWithin(null, { dateFrom: '', dateTo: '' })).toBeNull()
  })
})
