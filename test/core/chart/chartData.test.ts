import { describe, expect, it } from 'vitest'
import { sumByGroup, sumOverTime } from '../../../src/core/view/aggregate'
import {
  OKABE_ITO,
  buildGroupChart,
  buildTimeChart,
  colorForGroup,
  lighten,
  tableToCsvRows,
  OUTLINED_BARS_MAX,
  MAX_MONTHLY_BARS,
  fitTimeUnit,
} from '../../../src/core/chart/chartData'
import { allRows } from '../../../src/core/view/filter'
import { record } from '../../helpers/record'
import { storeFromRecords } from '../../../src/core/store/builder'

const store = storeFromRecords([
  record({
    incident_id: 'A',
    target_group: 'civilians',
    target_type: 'Private',
    killed_min: 170,
    killed_max: 170,
  }),
  record({
    incident_id: 'A',
    target_group: 'soldiers',
    target_type: 'Military',
    killed_min: 13,
    killed_max: 13,
  }),
  record({
    incident_id: 'B',
    date: '2021-10',
    target_group: 'worshippers',
    target_type: 'Religious',
    killed_min: 51,
    injured_text: 'scores',
  }),
  record({
    incident_id: 'C',
    date: '2021-11',
    target_group: 'police',
    target_type: 'Military',
    killed_text: 'multiple',
    injured_text: 'multiple',
  }),
  record({
    incident_id: 'D',
    date: '2021-11',
    target_group: 'soldiers',
    target_type: 'Military',
    killed_min: 10,
    killed_max: 20,
    injured_min: 3,
    injured_max: 3,
  }),
  record({
    incident_id: 'E',
    date: '2024',
    target_group: 'civilians',
    target_type: 'Private',
    killed_min: 1,
  }),
])
const rows = allRows(store)

describe('buildGroupChart', () => {
  const model = buildGroupChart(sumByGroup(store, rows, 'target_group'))

  it('orders groups by killed, keeps one colour per group code', () => {
    expect(model.labels).toEqual(['civilians', 'worshippers', 'soldiers', 'police'])
    expect(model.codes).toEqual([0, 2, 1, 3])
    expect(model.colors).toEqual([OKABE_ITO[0], OKABE_ITO[2], OKABE_ITO[1], OKABE_ITO[3]])
  })

  it('draws the minimum as the bar, never a zero bar for an unquantified group', () => {
    const [killed, injured] = model.data.datasets
    expect(killed?.data).toEqual([
      { x: 171, y: 0 },
      { x: 51, y: 1 },
      { x: 23, y: 2 },
    ])
    expect(injured?.data).toEqual([{ x: 3, y: 2 }])
  })

  it.each([
    ['an open bound', 0, 0, { min: 171, max: null, label: '171+' }],
    ['a range', 0, 2, { min: 23, max: 33, label: '23–33' }],
    ['an exact figure', 1, 2, { min: 3, max: 3, label: '3' }],
    ['over 50', 0, 1, { min: 51, max: null, label: '51+' }],
  ])('marks %s', (_name, datasetIndex, index, expected) => {
    expect(model.marks.find((m) => m.datasetIndex === datasetIndex && m.index === index)).toEqual({
      datasetIndex,
      index,
      ...expected,
    })
  })

  it('lists unquantified rows beside the chart', () => {
    expect(model.unquantified).toEqual([
      { label: 'worshippers', code: 2, killedRows: 0, injuredRows: 1 },
      { label: 'police', code: 3, killedRows: 1, injuredRows: 1 },
    ])
    expect(model.summary).toContain('police: killed not quantified in 1 row')
    expect(model.summary).toContain('civilians: killed at least 171')
    expect(model.valueMax).toBe(171)
  })

  it('writes “not quantified” where a group has no bar at all', () => {
    expect(model.notes).toEqual([{ index: 3, value: 0, text: 'not quantified' }])
  })

  it('has a table of exactly the plotted numbers, with an empty maximum when open', () => {
    expect(model.table.columns.map((c) => c.key)).toEqual([
      'target_group',
      'killed_min',
      'killed_max',
      'killed_open_max_rows',
      'killed_unquantified_rows',
      'injured_min',
      'injured_max',
      'injured_open_max_rows',
      'injured_unquantified_rows',
      'rows',
    ])
    expect(tableToCsvRows(model.table)).toEqual([
      ['civilians', '171', '', '1', '0', '0', '0', '0', '0', '2'],
      ['worshippers', '51', '', '1', '0', '0', '0', '0', '1', '1'],
      ['soldiers', '23', '33', '0', '0', '3', '3', '0', '0', '2'],
      ['police', '0', '0', '0', '1', '0', '0', '0', '1', '1'],
    ])
  })

  it('groups by GTD target type with the same builder', () => {
    const gtd = buildGroupChart(sumByGroup(store, rows, 'target_type'))
    expect(gtd.labels).toEqual(['Private', 'Religious', 'Military'])
    expect(gtd.table.columns[0]?.key).toBe('target_type')
  })

  it('says when no row is in the view', () => {
    const empty = buildGroupChart(sumByGroup(store, new Uint32Array(0), 'target_group'))
    expect(empty.labels).toEqual([])
    expect(empty.summary).toContain('no rows')
  })
})

describe('buildTimeChart', () => {
  it('stacks groups per month on a continuous, zero-filled axis', () => {
    const model = buildTimeChart(sumOverTime(store, rows, 'target_group', 'month'), 'killed')
    expect(model.labels).toEqual(['Aug 2021', 'Sep 2021', 'Oct 2021', 'Nov 2021'])
    expect(model.data.datasets.map((d) => d.label)).toEqual([
      'civilians',
      'soldiers',
      'worshippers',
      'police',
    ])
    expect(model.data.datasets[1]?.data).toEqual([
      { x: 0, y: 13 },
      { x: 1, y: 0 },
      { x: 2, y: 0 },
      { x: 3, y: 10 },
    ])
    expect(model.yearOnlyRows).toBe(1)
    expect(model.unquantifiedRows).toBe(1)
    // Nov 2021: police "multiple" (words only) beside soldiers 10-20.
    expect(model.notes).toEqual([{ index: 3, value: 10, text: '?' }])
    expect(model.summary).toContain('1 row dated only to a year is left out of the monthly view')
    expect(model.marks).toEqual([
      { datasetIndex: null, index: 2, min: 51, max: null, label: '51+' },
      { datasetIndex: null, index: 3, min: 10, max: 20, label: '10–20' },
    ])
  })

  it('outlines the bars of a short axis, not those of a long one', () => {
    const short = buildTimeChart(sumOverTime(store, rows, 'target_group', 'month'), 'killed')
    expect(short.data.datasets.every((d) => d.borderWidth === 1)).toBe(true)
    // 20 years of months in two groups: 480 bars.
    const long = storeFromRecords(
      Array.from({ length: 240 }, (_, i) =>
        record({
          incident_id: `L${i}`,
          date: `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
          target_group: i % 2 ? 'police' : 'civilians',
          killed_min: 1,
          killed_max: 1,
        }),
      ),
    )
    const model = buildTimeChart(
      sumOverTime(long, allRows(long), 'target_group', 'month'),
      'killed',
    )
    expect(model.labels.length * model.data.datasets.length).toBeGreaterThan(OUTLINED_BARS_MAX)
    expect(model.data.datasets.every((d) => d.borderWidth === 0)).toBe(true)
  })

  it('includes year-only rows per year', () => {
    const model = buildTimeChart(sumOverTime(store, rows, 'target_group', 'year'), 'killed')
    expect(model.labels).toEqual(['2021', '2022', '2023', '2024'])
    expect(model.yearOnlyRows).toBe(0)
    expect(tableToCsvRows(model.table)[3]).toEqual(['2024', '1', '0', '0', '0', '1', '', '1', '0'])
  })

  it('counts incidents, once per group and once in the total', () => {
    const model = buildTimeChart(sumOverTime(store, rows, 'target_group', 'month'), 'incidents')
    expect(model.table.columns.map((c) => c.key)).toEqual([
      'period',
      'incidents_civilians',
      'incidents_soldiers',
      'incidents_worshippers',
      'incidents_police',
      'incidents_total',
    ])
    expect(tableToCsvRows(model.table)[0]).toEqual(['Aug 2021', '1', '1', '0', '0', '1'])
    expect(model.marks).toEqual([])
    expect(model.valueMax).toBe(2)
  })

  it('names the killed table columns plainly', () => {
    const model = buildTimeChart(sumOverTime(store, rows, 'target_group', 'month'), 'killed')
    expect(model.table.columns.map((c) => c.key)).toEqual([
      'period',
      'killed_min_civilians',
      'killed_min_soldiers',
      'killed_min_worshippers',
      'killed_min_police',
      'killed_min_total',
      'killed_max_total',
      'killed_open_max_rows',
      'killed_unquantified_rows',
    ])
  })
})

describe('colours', () => {
  it.each([
    [0, false, '#E69F00'],
    [8, false, '#E69F00'],
    [7, false, '#000000'],
    [7, true, '#BBBBBB'],
  ])('group %d (dark %s) is %s', (code, dark, color) =>
    expect(colorForGroup(code, dark)).toBe(color),
  )
  it('lightens to a see-through shade', () =>
    expect(lighten('#0072B2', 0.5)).toBe('rgba(0, 114, 178, 0.5)'))
})

describe('fitTimeUnit', () => {
  // MAX_MONTHLY_BARS is 1,500: 187 months in 8 groups, 68 in 22, 1,500 in one.
  it.each([
    ['ten years of months in 8 groups', 'month', 20100100, 20191231, 8, 'month', null, 187],
    [
      'two years, year-only dates count whole years',
      'month',
      20210000,
      20220000,
      8,
      'month',
      null,
      187,
    ],
    ['50 years (GTD) in 8 groups: per year', 'month', 19700100, 20191200, 8, 'year', 600, 187],
    ['50 years in one group still fits', 'month', 19700100, 20191200, 1, 'month', null, 1500],
    ['no group counts as one', 'month', 19700100, 20191200, 0, 'month', null, 1500],
    ['exactly the limit', 'month', 20000100, 20150700, 8, 'month', null, 187],
    ['one month over it', 'month', 20000100, 20150800, 8, 'year', 188, 187],
    ['a typo of a thousand years', 'month', 10240500, 20240601, 3, 'year', 12002, 500],
    ['years asked for stay years', 'year', 10240500, 20240601, 3, 'year', null, 500],
  ] as const)('%s', (_, requested, first, last, groups, unit, months, maxMonths) => {
    expect(fitTimeUnit(requested, { first, last }, groups)).toEqual({ unit, months, maxMonths })
    expect(maxMonths).toBe(Math.floor(MAX_MONTHLY_BARS / Math.max(groups, 1)))
  })

  it('keeps the unit asked for when the view has no dates', () => {
    expect(fitTimeUnit('month', null, 8)).toEqual({ unit: 'month', months: null, maxMonths: 187 })
  })
})
