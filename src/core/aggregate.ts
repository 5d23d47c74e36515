// Sums for the view: headline totals, totals per target group, series per month or year. Each is
// one pass over typed-array columns of the selected rows (never store.record() per row), so a
// million rows re-aggregate within a frame (PERFORMANCE-NOTES: typed columns take ~12 ms).
//
// How a figure is summed (data/README.md, "Coding casualty figures"):
// - a row with a minimum adds it to `min`, and its maximum to `max`; without a maximum the row
//   counts in `openRows` and adds its minimum to `max` (the known part of an open total);
// - a row with only a maximum ("up to 20") adds 0 to `min` and its maximum to `max`;
// - a row with words but no number ("scores") counts in `unquantifiedRows` and adds nothing;
// - a row with neither words nor number did not mention that measure and adds nothing.

import type { RangeFigure } from './format'
import type { CategoryColumn, Measure } from './schema'
import { NO_COUNT, type CasualtyStore, type TextData } from './store'

/** Summed figures of one measure over many cells (groups, periods), one array slot per cell. */
export interface MeasureArrays {
  min: Float64Array
  /** Sum of maxima, with open rows counted at their minimum. */
  max: Float64Array
  openRows: Uint32Array
  unquantifiedRows: Uint32Array
  /** Rows with a number (a minimum, a maximum or both). */
  quantifiedRows: Uint32Array
}

function createMeasureArrays(size: number): MeasureArrays {
  return {
    min: new Float64Array(size),
    max: new Float64Array(size),
    openRows: new Uint32Array(size),
    unquantifiedRows: new Uint32Array(size),
    quantifiedRows: new Uint32Array(size),
  }
}

/** The figure of one cell of `arrays`. */
export function figureAt(
  arrays: MeasureArrays,
  index: number,
): RangeFigure & { quantifiedRows: number } {
  return {
    min: arrays.min[index] ?? 0,
    max: arrays.max[index] ?? 0,
    openRows: arrays.openRows[index] ?? 0,
    unquantifiedRows: arrays.unquantifiedRows[index] ?? 0,
    quantifiedRows: arrays.quantifiedRows[index] ?? 0,
  }
}

/** Typed columns of one measure, read once per pass. */
interface MeasureColumns {
  min: Int32Array
  max: Int32Array
  text: TextData
}

function measureColumns(store: CasualtyStore, measure: Measure): MeasureColumns {
  const { counts, texts } = store.columns
  return measure === 'killed'
    ? { min: counts.killed_min, max: counts.killed_max, text: texts.killed_text }
    : { min: counts.injured_min, max: counts.injured_max, text: texts.injured_text }
}

/** What a row says about a measure. */
const enum RowFigure {
  None = 0,
  Quantified = 1,
  Unquantified = 2,
}

// Adds row `row`'s figure of one measure into cell `cell` of `into`; says what kind of figure it was.
function addFigure(
  columns: MeasureColumns,
  row: number,
  into: MeasureArrays,
  cell: number,
): RowFigure {
  const min = columns.min[row] ?? NO_COUNT
  const max = columns.max[row] ?? NO_COUNT
  if (min === NO_COUNT && max === NO_COUNT) {
    const { offsets } = columns.text
    if ((offsets[row + 1] ?? 0) > (offsets[row] ?? 0)) {
      into.unquantifiedRows[cell]!++
      return RowFigure.Unquantified
    }
    return RowFigure.None
  }
  into.quantifiedRows[cell]!++
  if (min !== NO_COUNT) into.min[cell]! += min
  if (max !== NO_COUNT) into.max[cell]! += max
  else {
    into.max[cell]! += min
    into.openRows[cell]!++
  }
  return RowFigure.Quantified
}

/** Headline figures of a selection. */
export interface ViewTotals {
  rows: number
  /** Distinct incident ids among the rows. */
  incidents: number
  killed: RangeFigure & { quantifiedRows: number }
  injured: RangeFigure & { quantifiedRows: number }
  /** Distinct incidents with at least one unquantified figure of that measure. */
  unquantifiedIncidents: { killed: number; injured: number; either: number }
}

// The headline totals of `rows`. Incidents are distinct incident ids (a Uint8Array of flags over
// the incident dictionary), so an incident with two target-group rows counts once.
export function sumTotals(store: CasualtyStore, rows: ArrayLike<number>): ViewTotals {
  const incidentCodes = store.columns.categories.incident_id.codes
  const flags = new Uint8Array(store.columns.categories.incident_id.values.length)
  const killed = createMeasureArrays(1)
  const injured = createMeasureArrays(1)
  const killedColumns = measureColumns(store, 'killed')
  const injuredColumns = measureColumns(store, 'injured')
  let incidents = 0
  const unquantified = { killed: 0, injured: 0, either: 0 }
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!
    const incident = incidentCodes[row] ?? 0
    const before = flags[incident]!
    let now = before | 1
    if (addFigure(killedColumns, row, killed, 0) === RowFigure.Unquantified) now |= 2
    if (addFigure(injuredColumns, row, injured, 0) === RowFigure.Unquantified) now |= 4
    if (now === before) continue
    if (!(before & 1)) incidents++
    if (now & 2 && !(before & 2)) unquantified.killed++
    if (now & 4 && !(before & 4)) unquantified.injured++
    if (now & 6 && !(before & 6)) unquantified.either++
    flags[incident] = now
  }
  return {
    rows: rows.length,
    incidents,
    killed: figureAt(killed, 0),
    injured: figureAt(injured, 0),
    unquantifiedIncidents: unquantified,
  }
}

/** Columns a chart can group rows by: our target groups, or the GTD target types. */
export type GroupColumn = Extract<CategoryColumn, 'target_group' | 'target_type'>

/** Figures per group; arrays are indexed by the group column's dictionary code. */
export interface GroupTotals {
  column: GroupColumn
  /** The dictionary's labels: `labels[code]`. */
  labels: readonly string[]
  /** Selected rows per group. */
  rows: Uint32Array
  killed: MeasureArrays
  injured: MeasureArrays
}

// Killed and injured of `rows` per group of `column`, in one pass.
export function sumByGroup(
  store: CasualtyStore,
  rows: ArrayLike<number>,
  column: GroupColumn,
): GroupTotals {
  const data = store.columns.categories[column]
  const size = data.values.length
  const totals: GroupTotals = {
    column,
    labels: data.values,
    rows: new Uint32Array(size),
    killed: createMeasureArrays(size),
    injured: createMeasureArrays(size),
  }
  const killedColumns = measureColumns(store, 'killed')
  const injuredColumns = measureColumns(store, 'injured')
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!
    const group = data.codes[row] ?? 0
    totals.rows[group]!++
    addFigure(killedColumns, row, totals.killed, group)
    addFigure(injuredColumns, row, totals.injured, group)
  }
  return totals
}

/** Periods of a time axis. */
export type TimeUnit = 'month' | 'year'

/**
 * Figures per period and group on a continuous axis: every month (or year) from the first to the
 * last selected one, with zeros where nothing happened. Cell `p * groupLabels.length + g`.
 */
export interface TimeSeries {
  unit: TimeUnit
  /** Date codes of the periods, in order (`20210800` for Aug 2021, `20210000` for 2021). */
  periods: Int32Array
  column: GroupColumn
  groupLabels: readonly string[]
  killed: MeasureArrays
  injured: MeasureArrays
  /** Distinct incidents per cell. */
  incidents: Uint32Array
  /** Per period, over all groups. */
  totals: { killed: MeasureArrays; injured: MeasureArrays; incidents: Uint32Array }
  /** Rows whose date gives only the year: left off a monthly axis, included in a yearly one. */
  yearOnlyRows: number
}

// Counts (incident, key) pairs once each. An incident has few keys (one period, a group or three),
// so the first INLINE_KEYS keys per incident live in a typed array and only further keys go to a
// Set: a Set entry per row would cost ~0.5 s on a million rows.
const INLINE_KEYS = 3

function createDistinctCounter(incidentCount: number, keyCount: number) {
  const keys = new Int32Array(incidentCount * INLINE_KEYS).fill(-1)
  const more = new Set<number>()
  return (incident: number, key: number): boolean => {
    const base = incident * INLINE_KEYS
    for (let k = base; k < base + INLINE_KEYS; k++) {
      const seen = keys[k]!
      if (seen === key) return false
      if (seen === -1) {
        keys[k] = key
        return true
      }
    }
    const pair = incident * keyCount + key
    if (more.has(pair)) return false
    more.add(pair)
    return true
  }
}

// Killed, injured and incidents of `rows` per period and group. Year-only rows are left off a
// monthly axis (and counted in `yearOnlyRows`); a yearly axis includes every row.
export function sumOverTime(
  store: CasualtyStore,
  rows: ArrayLike<number>,
  column: GroupColumn,
  unit: TimeUnit,
): TimeSeries {
  const dates = store.columns.date
  const data = store.columns.categories[column]
  const groupCount = data.values.length
  const monthly = unit === 'month'
  // Integer arithmetic (`| 0`) keeps periods and cells small integers: typed-array indices that
  // are doubles make this loop several times slower.
  const periodOf = (code: number) => {
    const year = (code / 10000) | 0
    return monthly ? year * 12 + ((((code / 100) | 0) % 100) - 1) : year
  }
  let first = 2 ** 31 - 1
  let last = -1
  let yearOnlyRows = 0
  for (let i = 0; i < rows.length; i++) {
    const code = dates[rows[i]!] ?? 0
    if (code % 10000 < 100) {
      yearOnlyRows++
      if (monthly) continue
    }
    const period = periodOf(code)
    if (period < first) first = period
    if (period > last) last = period
  }
  const length = last >= first ? last - first + 1 : 0
  const periods = new Int32Array(length)
  for (let p = 0; p < length; p++) {
    const index = first + p
    periods[p] = monthly ? Math.floor(index / 12) * 10000 + ((index % 12) + 1) * 100 : index * 10000
  }
  const cells = length * groupCount
  const series: TimeSeries = {
    unit,
    periods,
    column,
    groupLabels: data.values,
    killed: createMeasureArrays(cells),
    injured: createMeasureArrays(cells),
    incidents: new Uint32Array(cells),
    totals: {
      killed: createMeasureArrays(length),
      injured: createMeasureArrays(length),
      incidents: new Uint32Array(length),
    },
    yearOnlyRows,
  }
  if (length === 0) return series
  const killedColumns = measureColumns(store, 'killed')
  const injuredColumns = measureColumns(store, 'injured')
  const incidentCodes = store.columns.categories.incident_id.codes
  const incidentCount = store.columns.categories.incident_id.values.length
  const perCell = createDistinctCounter(incidentCount, cells)
  const perPeriod = createDistinctCounter(incidentCount, length)
  const groupCodes = data.codes
  const killedCells = series.killed
  const injuredCells = series.injured
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!
    const code = dates[row] ?? 0
    if (monthly && code % 10000 < 100) continue
    const p = (periodOf(code) - first) | 0
    const cell = p * groupCount + (groupCodes[row] ?? 0)
    addFigure(killedColumns, row, killedCells, cell)
    addFigure(injuredColumns, row, injuredCells, cell)
    const incident = incidentCodes[row] ?? 0
    if (perCell(incident, cell)) series.incidents[cell]!++
    if (perPeriod(incident, p)) series.totals.incidents[p]!++
  }
  // Period totals of the sums are the sums of the period's cells (incidents are not: an incident
  // in two groups counts once in the period, so it is counted above).
  for (const measure of ['killed', 'injured'] as const) {
    const cells = series[measure]
    const totals = series.totals[measure]
    for (let p = 0; p < length; p++) {
      for (let cell = p * groupCount; cell < (p + 1) * groupCount; cell++) {
        totals.min[p]! += cells.min[cell]!
        totals.max[p]! += cells.max[cell]!
        totals.openRows[p]! += cells.openRows[cell]!
        totals.unquantifiedRows[p]! += cells.unquantifiedRows[cell]!
        totals.quantifiedRows[p]! += cells.quantifiedRows[cell]!
      }
    }
  }
  return series
}
