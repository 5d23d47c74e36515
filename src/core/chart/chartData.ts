// Pure builders from aggregates to what the charts draw and what their "show as table" views and
// CSV downloads list: one builder per chart, so chart, table and download show the same numbers.
// Series are pre-aggregated points ({x, y}) for Chart.js with `parsing: false`.

import type { ChartData } from 'chart.js'
import {
  figureAt,
  type GroupColumn,
  type GroupTotals,
  type MeasureArrays,
  type TimeSeries,
} from '../view/aggregate'
import type { TimeUnit } from '../view/figureIndex'
import { dateMonth, dateYear, formatDateLabel } from '../date'
import { formatCount, formatRange, formatRangeShort, pluralize } from '../format'

/** Okabe-Ito, a palette colour-blind readers can tell apart; yellow last (weak on white). */
export const OKABE_ITO = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
  '#F0E442',
  '#000000',
] as const

// The colour of a group, by its dictionary code: the same group has the same colour on every
// chart. Black turns light grey on a dark page.
export function colorForGroup(code: number, dark = false): string {
  const color = OKABE_ITO[code % OKABE_ITO.length] ?? '#000000'
  return dark && color === '#000000' ? '#BBBBBB' : color
}

/** The same colour, see-through: the injured bars beside the solid killed bars. */
export function lighten(hex: string, alpha = 0.35): string {
  const value = Number.parseInt(hex.slice(1), 16)
  return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${alpha})`
}

/** What a chart counts. */
export type Metric = 'killed' | 'injured' | 'incidents'

/** Names of the grouping columns, for titles. */
export const GROUP_COLUMN_NAMES: Record<GroupColumn, string> = {
  target_group: 'target group',
  target_type: 'GTD target type',
}

/**
 * A range drawn on a bar: from the bar's end (`min`) to `max`, or open (`max` null) as a fading
 * arrow. `datasetIndex` null places it on the category (the top of a stack).
 */
export interface RangeMark {
  datasetIndex: number | null
  index: number
  min: number
  max: number | null
  /** Text at the end of the mark (`51+`, `236–250`). */
  label: string
}

/** A bar chart point as Chart.js parses it: the category index and the value. */
export interface BarPoint {
  x: number
  y: number
}

/** A table of exactly the plotted numbers; `columns[i].key` names the CSV column. */
export interface ChartTable {
  caption: string
  columns: { key: string; label: string }[]
  /** Cells: a label, a count, or null for "no upper bound". */
  rows: (string | number | null)[][]
}

/** Cells of a table as CSV fields: counts as plain digits, no upper bound as an empty field. */
export function tableToCsvRows(table: ChartTable): string[][] {
  return table.rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))))
}

/** Text drawn in a category's band instead of a bar. */
export interface CategoryNote {
  index: number
  text: string
  /** Where along the value axis the text starts: 0 for an empty band, a stack's top otherwise. */
  value: number
}

/** Group rows that have no quantified figure and only words ("scores"), for the note beside a chart. */
export interface UnquantifiedGroup {
  label: string
  code: number
  killedRows: number
  injuredRows: number
}

/** Everything the chart by target group shows. */
export interface GroupChartModel {
  column: GroupColumn
  /** Group labels in drawing order (largest killed first) and their dictionary codes. */
  labels: string[]
  codes: number[]
  colors: string[]
  data: ChartData<'bar', BarPoint[], string>
  marks: RangeMark[]
  /** Largest value the axis must reach, including the closed maxima. */
  valueMax: number
  unquantified: UnquantifiedGroup[]
  /** Words written on the chart where a group has no bar at all (`not quantified`). */
  notes: CategoryNote[]
  table: ChartTable
  summary: string
}

function maxOrNull(arrays: MeasureArrays, index: number): number | null {
  return (arrays.openRows[index] ?? 0) > 0 ? null : (arrays.max[index] ?? 0)
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
      const max = maxOrNull(arrays, code)
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
    arrays.min[code] ?? 0,
    maxOrNull(arrays, code),
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
    caption: `Killed and injured by ${name}: sums of the rows' minimum and maximum figures. An empty maximum means at least one row gives no upper bound.`,
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

/** Everything the chart over time shows. */
export interface TimeChartModel {
  unit: TimeUnit
  metric: Metric
  labels: string[]
  /** Date codes of the periods (for a click that filters by a month or year). */
  periods: number[]
  /** Dictionary codes of the stacked groups, in dataset order. */
  codes: number[]
  data: ChartData<'bar', BarPoint[], string>
  marks: RangeMark[]
  valueMax: number
  /** Rows the monthly axis leaves out because they are dated only to a year. */
  yearOnlyRows: number
  /** Rows in the view whose figure of the metric is words without a number. */
  unquantifiedRows: number
  /** A `?` over each period with such rows: its bar leaves them out, it is not their zero. */
  notes: CategoryNote[]
  table: ChartTable
  summary: string
}

const METRIC_NAMES: Record<Metric, string> = {
  killed: 'killed',
  injured: 'injured',
  incidents: 'incidents',
}

function columnKey(label: string): string {
  return (
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '') || 'group'
  )
}

/**
 * The most bars a monthly time chart draws (months x groups). Past it a view is shown per year:
 * fifty years of months in eight groups (GTD's span) is 4,800 bars, thinner than a pixel each on a
 * laptop and 60-70 ms of Chart.js per filter change; per year it is 400.
 */
export const MAX_MONTHLY_BARS = 1_500

/** The unit the time chart shows, and, when months were asked for and years are shown, why. */
export interface TimeFit {
  unit: TimeUnit
  /** Months the view spans when they are too many to draw (shown per year); else null. */
  months: number | null
  /** The most months the view could span and still be drawn per month. */
  maxMonths: number
}

/**
 * The unit the time chart can show for a view whose dates span `span` (date codes; a year-only
 * date counts from January or to December) in `groups` groups: months when they make at most
 * MAX_MONTHLY_BARS bars, else years.
 */
export function fitTimeUnit(
  requested: TimeUnit,
  span: { first: number; last: number } | null,
  groups: number,
): TimeFit {
  const maxMonths = Math.floor(MAX_MONTHLY_BARS / Math.max(groups, 1))
  if (requested === 'year' || !span) return { unit: requested, months: null, maxMonths }
  const first = dateYear(span.first) * 12 + Math.max(dateMonth(span.first), 1)
  const last = dateYear(span.last) * 12 + (dateMonth(span.last) || 12)
  const months = last - first + 1
  return months > maxMonths
    ? { unit: 'year', months, maxMonths }
    : { unit: 'month', months: null, maxMonths }
}

/** Bars of the time chart up to which each is outlined. */
export const OUTLINED_BARS_MAX = 300

// The chart over time: one stacked bar per period (zero-filled, continuous), one dataset per
// group present in the series. Killed and injured stacks carry a range mark for the period's
// total when the total is a range or open.
export function buildTimeChart(series: TimeSeries, metric: Metric, dark = false): TimeChartModel {
  const groupCount = series.groupLabels.length
  const periodCount = series.periods.length
  const measure = metric === 'incidents' ? null : series[metric]
  const valueAt = (cell: number) =>
    measure ? (measure.min[cell] ?? 0) : (series.incidents[cell] ?? 0)
  const present = new Uint8Array(groupCount)
  for (let p = 0; p < periodCount; p++) {
    for (let g = 0; g < groupCount; g++) {
      const cell = p * groupCount + g
      const has = measure
        ? (measure.quantifiedRows[cell] ?? 0) + (measure.unquantifiedRows[cell] ?? 0) > 0
        : (series.incidents[cell] ?? 0) > 0
      if (has) present[g] = 1
    }
  }
  const codes = [...present.keys()].filter((g) => present[g] === 1)
  const labels = Array.from(series.periods, (code) => formatDateLabel(code))
  // A bar's outline (in its own colour) costs Chart.js a clip and a second fill per bar: on a long
  // axis (ten years of months in eight groups is ~1,000 bars) it is left off, and the drawing takes
  // about half the time; side by side, thin bars look the same without it.
  const outline = periodCount * codes.length <= OUTLINED_BARS_MAX ? 1 : 0
  const datasets = codes.map((g) => {
    const color = colorForGroup(g, dark)
    const points: BarPoint[] = []
    for (let p = 0; p < periodCount; p++) points.push({ x: p, y: valueAt(p * groupCount + g) })
    return {
      label: series.groupLabels[g] ?? '',
      data: points,
      backgroundColor: color,
      borderColor: color,
      borderWidth: outline,
      stack: 'groups',
      // One month in view must not become one bar as wide as the chart.
      maxBarThickness: 56,
    }
  })
  const marks: RangeMark[] = []
  const notes: CategoryNote[] = []
  let valueMax = 0
  let unquantifiedRows = 0
  for (let p = 0; p < periodCount; p++) {
    if (!measure) {
      let stacked = 0
      for (const g of codes) stacked += series.incidents[p * groupCount + g] ?? 0
      valueMax = Math.max(valueMax, stacked)
      continue
    }
    const total = figureAt(series.totals[metric as 'killed' | 'injured'], p)
    unquantifiedRows += total.unquantifiedRows
    if (total.unquantifiedRows > 0) notes.push({ index: p, value: total.min, text: '?' })
    const max = total.openRows > 0 ? null : total.max
    valueMax = Math.max(valueMax, max ?? total.min)
    if (total.quantifiedRows > 0 && (max === null || max > total.min)) {
      marks.push({
        datasetIndex: null,
        index: p,
        min: total.min,
        max,
        label: formatRangeShort({ ...total, unquantifiedRows: 0 }),
      })
    }
  }
  const model: TimeChartModel = {
    unit: series.unit,
    metric,
    labels,
    periods: Array.from(series.periods),
    codes,
    data: { labels, datasets },
    marks,
    valueMax,
    yearOnlyRows: series.unit === 'month' ? series.yearOnlyRows : 0,
    unquantifiedRows,
    notes,
    table: buildTimeTable(series, metric, codes),
    summary: '',
  }
  model.summary = summarizeTimeChart(series, metric, model)
  return model
}

function summarizeTimeChart(series: TimeSeries, metric: Metric, model: TimeChartModel): string {
  const name = METRIC_NAMES[metric]
  const per = series.unit === 'month' ? 'month' : 'year'
  const left =
    model.yearOnlyRows > 0
      ? ` ${pluralize(model.yearOnlyRows, 'row')} dated only to a year ${model.yearOnlyRows === 1 ? 'is' : 'are'} left out of the monthly view.`
      : ''
  if (model.labels.length === 0) return `${name} per ${per}: no dated rows in this view.${left}`
  const totals = model.labels.map((label, p) => {
    if (metric === 'incidents') return `${label} ${formatCount(series.totals.incidents[p] ?? 0)}`
    const figure = figureAt(series.totals[metric], p)
    return `${label} ${formatRangeShort({ ...figure, unquantifiedRows: 0 })}`
  })
  const groups = model.codes.map((g) => series.groupLabels[g]).join(', ')
  const minimum = metric === 'incidents' ? '' : ' (minimum figures)'
  return `Stacked bar chart of ${name}${minimum} per ${per} by ${GROUP_COLUMN_NAMES[series.column]} (${groups}), ${model.labels[0]} to ${model.labels[model.labels.length - 1]}. ${totals.join('; ')}.${left}`
}

/** The "show as table" view of the chart over time: one row per period, one column per group. */
export function buildTimeTable(
  series: TimeSeries,
  metric: Metric,
  codes: readonly number[],
): ChartTable {
  const groupCount = series.groupLabels.length
  const columns: ChartTable['columns'] = [
    { key: 'period', label: series.unit === 'month' ? 'Month' : 'Year' },
  ]
  const rows: ChartTable['rows'] = []
  if (metric === 'incidents') {
    for (const g of codes) {
      const label = series.groupLabels[g] ?? ''
      columns.push({ key: `incidents_${columnKey(label)}`, label: `Incidents: ${label}` })
    }
    columns.push({ key: 'incidents_total', label: 'Incidents, total (each counted once)' })
    series.periods.forEach((code, p) => {
      rows.push([
        formatDateLabel(code),
        ...codes.map((g) => series.incidents[p * groupCount + g] ?? 0),
        series.totals.incidents[p] ?? 0,
      ])
    })
  } else {
    const measure = series[metric]
    const name = METRIC_NAMES[metric]
    const title = name[0]!.toUpperCase() + name.slice(1)
    for (const g of codes) {
      const label = series.groupLabels[g] ?? ''
      columns.push({ key: `${name}_min_${columnKey(label)}`, label: `${title}, minimum: ${label}` })
    }
    columns.push(
      { key: `${name}_min_total`, label: `${title}, minimum: total` },
      { key: `${name}_max_total`, label: `${title}, maximum: total` },
      { key: `${name}_open_max_rows`, label: `${title}: rows with no upper bound` },
      { key: `${name}_unquantified_rows`, label: `${title}: rows not quantified` },
    )
    series.periods.forEach((code, p) => {
      const total = series.totals[metric]
      rows.push([
        formatDateLabel(code),
        ...codes.map((g) => measure.min[p * groupCount + g] ?? 0),
        total.min[p] ?? 0,
        maxOrNull(total, p),
        total.openRows[p] ?? 0,
        total.unquantifiedRows[p] ?? 0,
      ])
    })
  }
  const per = series.unit === 'month' ? 'month' : 'year'
  const caption =
    metric === 'incidents'
      ? `Incidents per ${per} by ${GROUP_COLUMN_NAMES[series.column]}. An incident that hit several groups counts once in each group and once in the total.`
      : `${METRIC_NAMES[metric][0]!.toUpperCase()}${METRIC_NAMES[metric].slice(1)} per ${per} by ${GROUP_COLUMN_NAMES[series.column]}: sums of the rows' minimum figures, and the period's total range. An empty maximum means at least one row gives no upper bound.`
  return { caption, columns, rows }
}
