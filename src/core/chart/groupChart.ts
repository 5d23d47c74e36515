// The chart by target group (or GTD target type): the pure builder from the group totals to what
// the chart draws, its "show as table" view and its CSV download, so all three show the same
// numbers.

import type { ChartData } from 'chart.js'
import { figureAt, type GroupColumn, type GroupTotals, type MeasureArrays } from '../view/aggregate'
import { formatRange, formatRangeShort, pluralize } from '../format'
import { GROUP_COLUMN_NAMES, knownMax, knownMin, readMax } from './chartModel'
import type { BarPoint, CategoryNote, ChartModel, ChartTable, RangeMark } from './chartModel'
import { colorForGroup, lighten } from './palette'

/** Group rows that have no quantified figure and only words ("scores"), for the note beside a chart. */
export interface UnquantifiedGroup {
  label: string
  code: number
  killedRows: number
  injuredRows: number
}

/** Everything the chart by target group shows; its labels are the groups, largest killed first. */
export interface GroupChartModel extends ChartModel {
  column: GroupColumn
  /** Dictionary codes and colours of the groups, in the order of `labels`. */
  codes: number[]
  colors: string[]
  unquantified: UnquantifiedGroup[]
  /** Words written on the chart where a group has no bar at all (`not quantified`). */
  notes: CategoryNote[]
}

function describeMeasure(arrays: MeasureArrays, index: number, name: string): string {
  const figure = figureAt(arrays, index)
  const parts: string[] = []
  if (figure.quantifiedRows > 0) {
    parts.push(`${name} ${formatRange({ ...figure, unquantifiedRows: 0 })}`)
  }
  if (figure.unquantifiedRows > 0) {
    parts.push(`${name} not quantified in ${pluralize(figure.unquantifiedRows, 'row')}`)
  }
  return parts.join(', ')
}

// The chart by group: a solid bar for the minimum killed and a light bar for the minimum injured
// per group, a range mark to the maximum (open when a row has no maximum). Groups whose rows give
// no number have no bar: they are listed in `unquantified`, never drawn as zero.
export function buildGroupChart(totals: GroupTotals, dark = false): GroupChartModel {
  const codes = totals.labels.map((_, code) => code).filter((code) => (totals.rows[code] ?? 0) > 0)
  codes.sort(
    (a, b) =>
      (totals.killed.min[b] ?? 0) - (totals.killed.min[a] ?? 0) ||
      (totals.injured.min[b] ?? 0) - (totals.injured.min[a] ?? 0) ||
      (totals.labels[a] ?? '').localeCompare(totals.labels[b] ?? '', 'en'),
  )
  const labels = codes.map((code) => totals.labels[code] ?? '')
  const colors = codes.map((code) => colorForGroup(code, dark))
  const killed: BarPoint[] = []
  const injured: BarPoint[] = []
  const marks: RangeMark[] = []
  let valueMax = 0
  codes.forEach((code, index) => {
    const measures = [totals.killed, totals.injured] as const
    measures.forEach((arrays, datasetIndex) => {
      if ((arrays.quantifiedRows[code] ?? 0) === 0) return
      const min = arrays.min[code] ?? 0
      const max = readMax(arrays, code)
      ;(datasetIndex === 0 ? killed : injured).push({ x: min, y: index })
      valueMax = Math.max(valueMax, max ?? min)
      const figure = figureAt(arrays, code)
      marks.push({
        datasetIndex,
        index,
        min,
        max,
        label: formatRangeShort({ ...figure, unquantifiedRows: 0 }),
      })
    })
  })
  const unquantified = codes
    .map((code, index) => ({
      label: labels[index] ?? '',
      code,
      killedRows: totals.killed.unquantifiedRows[code] ?? 0,
      injuredRows: totals.injured.unquantifiedRows[code] ?? 0,
    }))
    .filter((group) => group.killedRows + group.injuredRows > 0)
  const notes = codes
    .map((code, index) => ({ code, index }))
    .filter(
      ({ code }) => !totals.killed.quantifiedRows[code] && !totals.injured.quantifiedRows[code],
    )
    .map(({ code, index }) => ({
      index,
      value: 0,
      text:
        (totals.killed.unquantifiedRows[code] ?? 0) + (totals.injured.unquantifiedRows[code] ?? 0) >
        0
          ? 'not quantified'
          : 'no figure given',
    }))
  const name = GROUP_COLUMN_NAMES[totals.column]
  const data: ChartData<'bar', BarPoint[], string> = {
    labels,
    datasets: [
      {
        label: 'Killed (minimum)',
        data: killed,
        backgroundColor: killed.map((point) => colors[point.y] ?? '#000000'),
        borderColor: killed.map((point) => colors[point.y] ?? '#000000'),
        borderWidth: 1,
        maxBarThickness: 28,
      },
      {
        label: 'Injured (minimum)',
        data: injured,
        backgroundColor: injured.map((point) => lighten(colors[point.y] ?? '#000000')),
        borderColor: injured.map((point) => colors[point.y] ?? '#000000'),
        borderWidth: 2,
        maxBarThickness: 28,
      },
    ],
  }
  const summaryParts = codes.map((code, index) => {
    const words = [
      describeMeasure(totals.killed, code, 'killed'),
      describeMeasure(totals.injured, code, 'injured'),
    ].filter(Boolean)
    return `${labels[index]}: ${words.length > 0 ? words.join('; ') : 'no casualty figure'}`
  })
  const summary =
    codes.length === 0
      ? `Killed and injured by ${name}: no rows in this view.`
      : `Bar chart of killed and injured by ${name}, minimum figures with ranges. ${summaryParts.join('. ')}.`
  return {
    column: totals.column,
    labels,
    codes,
    colors,
    data,
    marks,
    valueMax,
    unquantified,
    notes,
    table: buildGroupTable(totals, codes),
    summary,
  }
}

function measureCells(arrays: MeasureArrays, code: number): (number | null)[] {
  return [
    knownMin(arrays, code),
    knownMax(arrays, code),
    arrays.openRows[code] ?? 0,
    arrays.unquantifiedRows[code] ?? 0,
  ]
}

function measureColumns(prefix: string, name: string) {
  return [
    { key: `${prefix}_min`, label: `${name}, minimum` },
    { key: `${prefix}_max`, label: `${name}, maximum` },
    { key: `${prefix}_open_max_rows`, label: `${name}: rows with no upper bound` },
    { key: `${prefix}_unquantified_rows`, label: `${name}: rows not quantified` },
  ]
}

/** The "show as table" view of the chart by group: minimum, maximum (empty when open), counts. */
export function buildGroupTable(totals: GroupTotals, codes: readonly number[]): ChartTable {
  const name = GROUP_COLUMN_NAMES[totals.column]
  return {
    caption: `Killed and injured by ${name}: sums of the rows' minimum and maximum figures, with the rows left out of them counted. An empty minimum means no row gives one; an empty maximum, that no row gives a number or at least one gives no upper bound.`,
    columns: [
      { key: totals.column, label: name[0]!.toUpperCase() + name.slice(1) },
      ...measureColumns('killed', 'Killed'),
      ...measureColumns('injured', 'Injured'),
      { key: 'rows', label: 'Rows' },
    ],
    rows: codes.map((code) => [
      totals.labels[code] ?? '',
      ...measureCells(totals.killed, code),
      ...measureCells(totals.injured, code),
      totals.rows[code] ?? 0,
    ]),
  }
}
