// The time chart animates a change only while it has few bars: above that every animation frame
// would redraw every bar.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { timeChartOptions } from '../../src/charts/options'
import { chartColors } from '../../src/charts/theme'
import { sumOverTime } from '../../src/core/view/aggregate'
import { buildTimeChart, type TimeChartModel } from '../../src/core/chart/timeChart'
import { loadCsv } from '../../src/core/load/loader'
import { allRows } from '../../src/core/view/filter'

/** The shipped dataset's chart per month, killed by target group. */
function shippedModel(): TimeChartModel {
  const store = loadCsv(
    readFileSync(new URL('../../data/attacks.csv', import.meta.url), 'utf8'),
  ).store
  if (!store) throw new Error('the shipped dataset did not load')
  return buildTimeChart(sumOverTime(store, allRows(store), 'target_group', 'month'), 'killed')
}

// The same chart with `periods` bars in every dataset.
function withPeriods(model: TimeChartModel, periods: number): TimeChartModel {
  const datasets = model.data.datasets.map((dataset) => ({
    ...dataset,
    data: Array.from({ length: periods }, (_, x) => ({ x, y: 1 })),
  }))
  return { ...model, data: { ...model.data, datasets } }
}

const settings = (animate: boolean) => ({
  colors: chartColors(false),
  animate,
  narrow: false,
  onSelect: () => {},
})

describe('timeChartOptions animation', () => {
  it.each([
    ['the shipped data', 0, true, true],
    ['the shipped data under reduced motion', 0, false, false],
    ['ten years of months in every group', 120, true, false],
  ])('%s', (_name, periods, animate, animated) => {
    const base = shippedModel()
    const model = periods === 0 ? base : withPeriods(base, periods)
    expect(timeChartOptions(model, settings(animate)).animation !== false).toBe(animated)
  })
})
