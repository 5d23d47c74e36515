// What the two chart models share: the marks and notes drawn on bars, the table of exactly the
// plotted numbers that the "show as table" view and the CSV download list, and the names of the
// grouping columns. Series are pre-aggregated points ({x, y}) for Chart.js with `parsing: false`.

import type { ChartData } from 'chart.js'
import type { GroupColumn, MeasureArrays } from '../view/aggregate'

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
  /** Cells: a label, a count, or null for a figure not given (or no upper bound). */
  rows: (string | number | null)[][]
}

/** Cells of a table as CSV fields: counts as plain digits, a figure not given as an empty field. */
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

/** What every chart shows: its bars, the marks and notes on them, a table and a summary. */
export interface ChartModel {
  /** Category labels in drawing order. */
  labels: string[]
  data: ChartData<'bar', BarPoint[], string>
  marks: RangeMark[]
  /** Largest value the axis must reach, including the closed maxima. */
  valueMax: number
  notes: CategoryNote[]
  table: ChartTable
  /** The chart in words, for screen readers. */
  summary: string
}

/** The sum of the maxima at `index`, or null when a row there gives no upper bound. */
export function readMax(arrays: MeasureArrays, index: number): number | null {
  return (arrays.openRows[index] ?? 0) > 0 ? null : (arrays.max[index] ?? 0)
}

/**
 * The sum of the minima at `index` as a table gives it: null when no row there gives a minimum
 * (rows in words only, "up to 20", or no figure at all), so "not given" never reads 0.
 */
export function knownMin(arrays: MeasureArrays, index: number): number | null {
  const given = (arrays.quantifiedRows[index] ?? 0) - (arrays.maxOnlyRows[index] ?? 0)
  return given > 0 ? (arrays.min[index] ?? 0) : null
}

/** The sum of the maxima at `index` as a table gives it: null when no row there gives a number, or one gives no upper bound. */
export function knownMax(arrays: MeasureArrays, index: number): number | null {
  return (arrays.quantifiedRows[index] ?? 0) > 0 ? readMax(arrays, index) : null
}
