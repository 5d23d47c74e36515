import { describe, expect, it } from 'vitest'
import { sumOverTime } from '../../../src/core/view/aggregate'
import {
  MAX_MONTHLY_BARS,
  OUTLINED_BARS_MAX,
  buildTimeChart,
  fitTimeUnit,
  isSparseMonths,
} from '../../../src/core/chart/timeChart'
import { tableToCsvRows } from '../../../src/core/chart/chartModel'
import { allRows } from '../../../src/core/view/filter'
import { record } from '../../helpers/record'
import { storeFromRecords } from '../../../src/core/store/builder'
import { rows, store } from './sampleStore'

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
    // Only civilians have a row in 2024: the other groups' cells are empty, not 0.
    expect(tableToCsvRows(model.table)[3]).toEqual([
      '2024',
      '1',
      '',
      '',
      '',
      '1',
      '',
      '1',
      '0',
      '1',
    ])
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
      'rows',
    ])
    expect(tableToCsvRows(model.table)[0]).toEqual(['Aug 2021', '1', '1', '0', '0', '1', '2'])
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
      'rows',
    ])
  })
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

describe('a time chart at its edges', () => {
  function chartOf(
    dates: string[],
    metric: 'killed' | 'injured' | 'incidents',
    extra: Partial<Parameters<typeof record>[0]> = {},
  ) {
    const data = storeFromRecords(
      dates.map((date, i) =>
        record({
          incident_id: `E${i}`,
          date,
          target_group: i % 2 ? 'police' : 'civilians',
          killed_min: 3,
          killed_max: 3,
          ...extra,
        }),
      ),
    )
    return buildTimeChart(sumOverTime(data, allRows(data), 'target_group', 'month'), metric)
  }

  it.each([
    // One 2024 row beside three 2021 rows: 32 months, 28 empty.
    [['2021-08', '2021-10', '2021-11', '2024-03'], 32, 28, true],
    // A full two years, every month with a row.
    [
      Array.from({ length: 24 }, (_, i) => `${2021 + Math.floor(i / 12)}-${(i % 12) + 1}`),
      24,
      0,
      false,
    ],
    // Short spans are drawn as months however empty.
    [['2021-01', '2021-12'], 12, 10, false],
  ])('%j: %i months, %i empty, sparse %s', (dates, months, empty, sparse) => {
    const model = chartOf(
      dates.map((d) => d.replace(/-(\d)$/, '-0$1')),
      'killed',
    )
    expect(model.periods).toHaveLength(months)
    expect(model.emptyPeriods).toBe(empty)
    expect(isSparseMonths(model)).toBe(sparse)
  })

  it('says when the measure has no number in view, and draws no legend entry for it', () => {
    const model = chartOf(['2021-08', '2021-09'], 'injured', { injured_text: 'many' })
    expect(model.numberRows).toBe(0)
    expect(model.unquantifiedRows).toBe(2)
    expect(model.drawnCodes).toEqual([])
    const killed = chartOf(['2021-08', '2021-09'], 'killed', { injured_text: 'many' })
    expect(killed.numberRows).toBe(2)
    expect(killed.drawnCodes).toHaveLength(2)
  })

  it('lists in the legend only the groups with a bar above zero', () => {
    const data = storeFromRecords([
      record({ incident_id: 'A', date: '2021-08', target_group: 'civilians', killed_min: 5 }),
      record({ incident_id: 'B', date: '2021-08', target_group: 'police', killed_text: 'some' }),
    ])
    const model = buildTimeChart(
      sumOverTime(data, allRows(data), 'target_group', 'month'),
      'killed',
    )
    expect(model.codes).toHaveLength(2)
    expect(
      model.drawnCodes.map((code) => data.columns.categories.target_group.values[code]),
    ).toEqual(['civilians'])
  })
})
