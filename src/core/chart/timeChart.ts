// The chart over time: the pure builder from a time series to what the chart draws, its "show as
// table" view and its CSV download, so all three show the same numbers; and the unit (month or
// year) a view can be drawn in.

import { figureAt, type TimeSeries } from '../view/aggregate'
import type { TimeUnit } from '../view/figureIndex'
import { dateMonth, dateYear, formatDateLabel } from '../date'
import { formatCount, formatRangeShort, pluralize } from '../format'
import { GROUP_COLUMN_NAMES, knownMax, knownMin } from './chartModel'
import type { BarPoint, CategoryNote, ChartModel, ChartTable, RangeMark } from './chartModel'
import type { Metric } from '../view/aggregate'
import { colorForGroup } from './palette'

/** Everything the chart over time shows; its labels are the periods. */
export interface TimeChartModel extends ChartModel {
  unit: TimeUnit
  metric: Metric
  /** Date codes of the periods (for a click that filters by a month or year). */
  periods: number[]
  /** Dictionary codes of the stacked groups, in dataset order. */
  codes: number[]
  /** Rows the monthly axis leaves out because they are dated only to a year. */
  yearOnlyRows: number
  /** Rows in the view whose figure of the metric is words without a number. */
  unquantifiedRows: number
  /** A `?` over each period with such rows: its bar leaves them out, it is not their zero. */
  notes: CategoryNote[]
  /** The groups with a bar above zero somewhere: the legend lists these, and only these. */
  drawnCodes: number[]
  /** Rows in the view that give the metric as a number (for incidents: the incidents counted). */
  numberRows: number
  /** Periods with nothing to draw or mark: no bar above zero and no "?". */
  emptyPeriods: number
}

/** A monthly axis at least this long, mostly empty, is better read per year. */
export const SPARSE_MIN_MONTHS = 24

/**
 * Whether a monthly chart is a long span of mostly empty months (one row in 2024 beside rows in
 * 2021 makes 32 months, 28 of them empty): its bars are slivers a reader cannot see, and the year
 * view says the same more plainly. At least SPARSE_MIN_MONTHS months, at least two thirds empty.
 */
export function isSparseMonths(model: TimeChartModel): boolean {
  const periods = model.periods.length
  return (
    model.unit === 'month' && periods >= SPARSE_MIN_MONTHS && model.emptyPeriods * 3 >= periods * 2
  )
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
 * laptop and slow to redraw at every filter change; per year it is 400.
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
  // axis (ten years of months in eight groups is ~1,000 bars) it is left off, which spares that
  // work; side by side, thin bars look the same without it.
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
  let numberRows = 0
  let emptyPeriods = 0
  const drawn = new Uint8Array(groupCount)
  for (let p = 0; p < periodCount; p++) {
    let anything = false
    for (const g of codes) {
      if (valueAt(p * groupCount + g) > 0) {
        drawn[g] = 1
        anything = true
      }
    }
    if (measure) {
      const total = figureAt(series.totals[metric as 'killed' | 'injured'], p)
      numberRows += total.quantifiedRows
      if (total.unquantifiedRows > 0) anything = true
    } else {
      numberRows += series.totals.incidents[p] ?? 0
    }
    if (!anything) emptyPeriods++
  }
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
    drawnCodes: codes.filter((g) => drawn[g] === 1),
    numberRows,
    emptyPeriods,
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
    if ((series.totals.rows[p] ?? 0) === 0) return `${label} no rows`
    if (metric === 'incidents') return `${label} ${formatCount(series.totals.incidents[p] ?? 0)}`
    const figure = figureAt(series.totals[metric], p)
    const words =
      figure.unquantifiedRows > 0
        ? `not quantified in ${pluralize(figure.unquantifiedRows, 'row')}`
        : ''
    if (figure.quantifiedRows === 0) return `${label} ${words || 'no figure given'}`
    const known = formatRangeShort({ ...figure, unquantifiedRows: 0 })
    return `${label} ${known}${words ? ` (${words})` : ''}`
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
    columns.push(
      { key: 'incidents_total', label: 'Incidents, total (each counted once)' },
      { key: 'rows', label: 'Rows' },
    )
    series.periods.forEach((code, p) => {
      rows.push([
        formatDateLabel(code),
        ...codes.map((g) => series.incidents[p * groupCount + g] ?? 0),
        series.totals.incidents[p] ?? 0,
        series.totals.rows[p] ?? 0,
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
      { key: 'rows', label: 'Rows' },
    )
    series.periods.forEach((code, p) => {
      const total = series.totals[metric]
      const periodRows = series.totals.rows[p] ?? 0
      // A period without rows reads 0 beside its row count of 0; a period with rows but no
      // figure for a cell leaves the cell empty.
      const sum = (figure: number | null) => (periodRows === 0 ? 0 : figure)
      rows.push([
        formatDateLabel(code),
        ...codes.map((g) => sum(knownMin(measure, p * groupCount + g))),
        sum(knownMin(total, p)),
        sum(knownMax(total, p)),
        total.openRows[p] ?? 0,
        total.unquantifiedRows[p] ?? 0,
        periodRows,
      ])
    })
  }
  const per = series.unit === 'month' ? 'month' : 'year'
  const caption =
    metric === 'incidents'
      ? `Incidents per ${per} by ${GROUP_COLUMN_NAMES[series.column]}. An incident that hit several groups counts once in each group and once in the total.`
      : `${METRIC_NAMES[metric][0]!.toUpperCase()}${METRIC_NAMES[metric].slice(1)} per ${per} by ${GROUP_COLUMN_NAMES[series.column]}: sums of the rows' minimum figures, and the period's total range, with the rows left out of them counted. An empty cell means no row there gives that figure (for a maximum: or at least one row gives no upper bound); 0 stands only where the sources say 0 or the period has no rows.`
  return { caption, columns, rows }
}
