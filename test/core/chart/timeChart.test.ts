import { describe, expect, it } from 'vitest'
import { sumOverTime } from '../../../src/core/view/aggregate'
import {
  MAX_MONTHLY_BARS,
  OUTLINED_BARS_MAX,
  buildTimeChart,
  fitTimeUnit,
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
