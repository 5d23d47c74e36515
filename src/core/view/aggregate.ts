// Sums for the view: headline totals, totals per target group, series per month or year, all
// from one pass over the selected rows' typed columns and the store's figure index (never
// store.record() per row), so a filter change costs a small multiple of one plain pass over the
// rows (bench/README.md).
//
// How a figure is summed (data/README.md, "Coding casualty figures"):
// - a row with a minimum adds it to `min`, and its maximum to `max`; without a maximum the row
//   counts in `openRows` and adds its minimum to `max` (the known part of an open total);
// - a row with only a maximum ("up to 20") adds 0 to `min` and its maximum to `max`;
// - a row with words but no number ("scores") counts in `unquantifiedRows` and adds nothing;
// - a row with neither words nor number did not mention that measure and adds nothing.
//
// Rows that are reports of one figure (one incident x one target group with several rows) are
// never added: each such figure adds once, its reports reconciled by the view's rule
// (core/view/reportIndex, core/reports), in the cell of its latest selected report.

import {
  FigureState,
  STATES,
  figureIndexInSteps,
  KIND_BITS,
  YEAR_ONLY,
  injuredState,
  killedState,
  packedCellsInSteps,
  periodSlotsInSteps,
  storeCellsInSteps,
  type FigureIndex,
  type PeriodSlots,
  type TimeUnit,
} from './figureIndex'
import type { RangeFigure } from '../format'
import type { CategoryColumn } from '../schema'
import { STEP_ROWS, runSteps, type Steps } from '../steps'
import { NO_COUNT, type CasualtyStore } from '../store/store'
import { DistinctPairs } from './distinctPairs'
import {
  KIND_STATES,
  createMeasureArrays,
  keyedPass,
  keyedSumsOf,
  type KeyedPass,
  type KeyedSums,
  type MeasureArrays,
} from './keyedSums'
import { DEFAULT_RULE, type ReconcileRule } from '../reports'
import {
  SelectedReports,
  noOrder,
  reportIndexInSteps,
  wholeFiguresInSteps,
  type ReportIndex,
  type ReportOrder,
} from './reportIndex'

export { createMeasureArrays, type MeasureArrays }

/** How the pass reconciles several reports of one figure: the rule, and the reports' order. */
export interface Reconciling {
  rule: ReconcileRule
  /** Publication dates and grades per source (reportOrder); by default, none known. */
  order?: ReportOrder
}

/** A summed figure with the rows that gave a number, and those that gave only a maximum. */
export type SummedFigure = RangeFigure & { quantifiedRows: number; maxOnlyRows: number }

/** The figure of one cell of `arrays`. */
export function figureAt(arrays: MeasureArrays, index: number): SummedFigure {
  return {
    min: arrays.min[index] ?? 0,
    max: arrays.max[index] ?? 0,
    openRows: arrays.openRows[index] ?? 0,
    unquantifiedRows: arrays.unquantifiedRows[index] ?? 0,
    quantifiedRows: arrays.quantifiedRows[index] ?? 0,
    maxOnlyRows: arrays.maxOnlyRows[index] ?? 0,
  }
}

/** Headline figures of a selection. */
export interface ViewTotals {
  rows: number
  /** Distinct incident ids among the rows. */
  incidents: number
  killed: SummedFigure
  injured: SummedFigure
  /** Distinct incidents with at least one unquantified figure of that measure. */
  unquantifiedIncidents: { killed: number; injured: number; either: number }
}

/** What the time chart counts: one of the sums of a period. */
export type Metric = 'killed' | 'injured' | 'incidents'

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
  /** Selected rows per cell. */
  rows: Uint32Array
  /** Per period, over all groups. */
  totals: {
    killed: MeasureArrays
    injured: MeasureArrays
    incidents: Uint32Array
    rows: Uint32Array
  }
  /** Rows whose date gives only the year: left off a monthly axis, included in a yearly one. */
  yearOnlyRows: number
}

/** Everything the dashboard's figures show for one selection: one pass over its rows. */
export interface ViewSums {
  totals: ViewTotals
  groups: GroupTotals
  series: TimeSeries
  /** Figures per place (the map's provinces), when the pass was given the rows' places. */
  places: KeyedSums | null
}

/** Each row's place (a number below `count`), for figures per place in the same pass. */
export interface RowPlaces {
  placeOfRow: Uint32Array
  count: number
}

// Adds cells [from, from + count) of `cells` into cell `to` of `into`.
function addCells(
  cells: MeasureArrays,
  from: number,
  count: number,
  into: MeasureArrays,
  to: number,
) {
  for (let cell = from; cell < from + count; cell++) {
    into.min[to]! += cells.min[cell]!
    into.max[to]! += cells.max[cell]!
    into.openRows[to]! += cells.openRows[cell]!
    into.unquantifiedRows[to]! += cells.unquantifiedRows[cell]!
    into.quantifiedRows[to]! += cells.quantifiedRows[cell]!
    into.maxOnlyRows[to]! += cells.maxOnlyRows[cell]!
  }
}

// Cells [from, to) of every array of `cells`, copied.
function sliceCells(cells: MeasureArrays, from: number, to: number): MeasureArrays {
  return {
    min: cells.min.slice(from, to),
    max: cells.max.slice(from, to),
    openRows: cells.openRows.slice(from, to),
    unquantifiedRows: cells.unquantifiedRows.slice(from, to),
    quantifiedRows: cells.quantifiedRows.slice(from, to),
    maxOnlyRows: cells.maxOnlyRows.slice(from, to),
  }
}

// Cells of the grid beyond which it spans the selection's periods rather than the whole store's.
const MAX_GRID_CELLS = 1 << 15

/** Kinds without the year-only part: killed state + STATES * injured state. */
const KINDS = STATES * STATES
/** Histogram rows per cell: every kind (the states, and the same plus YEAR_ONLY). */
const KIND_COUNT = 2 * KINDS
/** The kind in a row's byte of the packed cells; above it, two flags. */
const KIND_MASK = 63
/** The row is a report of a figure with several (core/view/reportIndex). */
const REPORT_FLAG = 64
/** The row's incident has other rows. */
const SHARED_FLAG = 128

// Per row: its kind and flags, the byte packed below its cell; so the pass reads a row's figure
// number and shared incident only for the rows that have them. Rows [start, end) into `flagged`.
function flagKinds(
  figures: FigureIndex,
  reports: ReportIndex,
  flagged: Uint8Array,
  start: number,
  end: number,
): void {
  const { kinds, sharedOfRow } = figures
  const { figureOfRow } = reports
  for (let row = start; row < end; row++) {
    flagged[row] =
      kinds[row]! |
      (figureOfRow[row]! >= 0 ? REPORT_FLAG : 0) |
      (sharedOfRow[row]! >= 0 ? SHARED_FLAG : 0)
  }
}

function* flaggedKindsInSteps(store: CasualtyStore): Steps<Uint8Array> {
  let flagged = flaggedOf.get(store)
  if (flagged) return flagged
  const figures = yield* figureIndexInSteps(store)
  const reports = yield* reportIndexInSteps(store)
  flagged = new Uint8Array(store.length)
  for (let start = 0; start < store.length; start += STEP_ROWS) {
    flagKinds(figures, reports, flagged, start, Math.min(store.length, start + STEP_ROWS))
    yield
  }
  flaggedOf.set(store, flagged)
  return flagged
}
const flaggedOf = new WeakMap<CasualtyStore, Uint8Array>()

// Per kind without the year-only part: the flags of the distinct-incident counting, bit 2 for a
// killed figure in words only, bit 4 for injured.
const WORDS_ONLY = Uint8Array.from({ length: KINDS }, (_, kind) => {
  const killed = killedState(kind) === FigureState.Unquantified ? 2 : 0
  return killed | (injuredState(kind) === FigureState.Unquantified ? 4 : 0)
})

// Adds `count` rows of state `state` into cell `cell` of `into` (their sums are added apart).
function addRows(into: MeasureArrays, cell: number, state: FigureState, count: number) {
  if (state === FigureState.Unquantified) into.unquantifiedRows[cell]! += count
  else if (state !== FigureState.None) {
    into.quantifiedRows[cell]! += count
    if (state === FigureState.Open) into.openRows[cell]! += count
    else if (state === FigureState.MaxOnly) into.maxOnlyRows[cell]! += count
  }
}

// The headline totals, the figures per group of `column` and the series per `unit` and group of
// `rows`, in one pass (after the store's figure index and period slots, built once per store).
//
// Every row falls into one cell of a grid of period slots x groups (slot 0 holds the rows a
// monthly axis leaves out: year-only dates). Per cell the pass counts rows per kind (a histogram,
// from which the quantified, open and unquantified counts follow; laid out kind by kind, so the
// few kinds most rows have stay in cache) and sums the minima and maxima
// without branches: a count is NO_COUNT (-1) or not negative, so `v + (v >>> 31)` is v or 0, and
// a missing maximum becomes the minimum. Groups and totals are then sums of cells. Incidents are
// counted distinctly: a row whose incident has no other row is a new incident wherever it falls;
// the rows of incidents with several rows are tracked per incident (a byte of flags for the
// headline, DistinctPairs per cell and per period), so an incident with two target-group rows
// counts once in the headline and in its period.
export function* summarizeRowsInSteps(
  store: CasualtyStore,
  rows: ArrayLike<number>,
  column: GroupColumn,
  unit: TimeUnit,
  /** Rows added between two pauses. */
  step = STEP_ROWS,
  reconciling: Reconciling = { rule: DEFAULT_RULE },
  /** The rows' places: figures per place too (the map's), reconciled alike. */
  places: RowPlaces | null = null,
): Steps<ViewSums> {
  const figures = yield* figureIndexInSteps(store)
  const reports = yield* reportIndexInSteps(store)
  const axis = yield* periodSlotsInSteps(store, unit)
  const groups = store.columns.categories[column]
  const groupCount = groups.values.length
  // The grid's slots: the store's, or those of the selection when the store's are too many.
  let grid = { shift: 0, slotCount: axis.length + 1 }
  let cells: Uint32Array
  const flagged = yield* flaggedKindsInSteps(store)
  if (grid.slotCount * groupCount <= MAX_GRID_CELLS) {
    cells = yield* storeCellsInSteps(store, unit, column, flagged)
  } else {
    grid = selectionSlots(axis.slots, rows)
    const shifted = shiftSlots(axis.slots, grid.shift)
    yield
    cells = yield* packedCellsInSteps(shifted, groups.codes, groupCount, flagged)
  }
  let reconciler: SelectedReports | null = null
  if (reports.figureCount > 0) {
    const order = reconciling.order ?? noOrder(store)
    const whole = yield* wholeFiguresInSteps(store, order, reconciling.rule)
    reconciler = new SelectedReports(store, reports, whole, order, reconciling.rule, figures.kinds)
  }
  const pass = new SummaryPass(store, rows, column, figures, axis, cells, grid, reports, reconciler)
  if (places) pass.sumPlaces(places, figures.sharedCount)
  for (let start = 0; start < rows.length; start += step) {
    pass.add(start, Math.min(rows.length, start + step))
    if (start + step < rows.length) yield
  }
  return pass.finish(unit)
}

/** The order of reports when the view knows none: every source alike, none graded. */
export const unknownOrder = noOrder

// The slots from the first to the last of the selection's, as a shift of the store's slots.
function selectionSlots(
  slots: Uint32Array,
  rows: ArrayLike<number>,
): { shift: number; slotCount: number } {
  let low = 2 ** 32 - 1
  let high = 0
  for (let i = 0; i < rows.length; i++) {
    const slot = slots[rows[i]!]!
    if (slot === 0) continue
    if (slot < low) low = slot
    if (slot > high) high = slot
  }
  return high >= low ? { shift: low - 1, slotCount: high - low + 2 } : { shift: 0, slotCount: 1 }
}

// The store's slots moved down by `shift` (slot 0 stays; rows below the shift are never read).
function shiftSlots(slots: Uint32Array, shift: number): Uint32Array {
  const shifted = new Uint32Array(slots.length)
  for (let row = 0; row < slots.length; row++) {
    const slot = slots[row]!
    shifted[row] = slot === 0 ? 0 : slot - shift
  }
  return shifted
}

// The pass, added up a range of rows at a time. A class rather than loops in the generator: V8
// optimizes a hot loop inside a generator poorly (no on-stack replacement).
class SummaryPass {
  readonly groupCount: number
  readonly groupLabels: readonly string[]
  /** The grid's slot 1 is the axis' slot `1 + shift`. */
  readonly shift: number
  readonly slotCount: number
  readonly cellCount: number
  readonly histogram: Uint32Array
  /** Per cell: killed min, killed max, injured min, injured max. */
  readonly sums: Float64Array
  // Rows and kinds of incidents with several rows; the others are what is left of the histogram.
  readonly sharedRows: Uint32Array
  readonly sharedKinds = new Uint32Array(KINDS)
  readonly sharedFlags: Uint8Array
  readonly sharedPerCell: DistinctPairs
  readonly sharedPerSlot: DistinctPairs
  readonly sharedCellIncidents: Uint32Array
  readonly sharedSlotIncidents: Uint32Array
  sharedIncidents = 0
  readonly sharedWordsOnly = { killed: 0, injured: 0, either: 0 }
  // Figures per place, when asked for: each row's place, the sums, distinct incidents per place.
  placeOfRow: Uint32Array | null = null
  placePass: KeyedPass = keyedPass(0)
  placePairs: DistinctPairs | null = null

  constructor(
    readonly store: CasualtyStore,
    readonly rows: ArrayLike<number>,
    readonly column: GroupColumn,
    readonly figures: FigureIndex,
    readonly axis: PeriodSlots,
    /** Per row: its cell on this pass' grid and its kind (figureIndex's packedCellsInSteps). */
    readonly cells: Uint32Array,
    grid: { shift: number; slotCount: number },
    readonly reports: ReportIndex,
    /** Gathers the reports of figures of several reports; null when the store has none. */
    readonly reconciler: SelectedReports | null,
  ) {
    const groupData = store.columns.categories[column]
    this.groupCount = groupData.values.length
    this.groupLabels = groupData.values
    this.shift = grid.shift
    this.slotCount = grid.slotCount
    const cellCount = (this.cellCount = grid.slotCount * this.groupCount)
    this.histogram = new Uint32Array(cellCount * KIND_COUNT)
    this.sums = new Float64Array(cellCount * 4)
    this.sharedRows = new Uint32Array(cellCount)
    this.sharedFlags = new Uint8Array(figures.sharedCount)
    this.sharedPerCell = new DistinctPairs(figures.sharedCount, cellCount)
    this.sharedPerSlot = new DistinctPairs(figures.sharedCount, grid.slotCount)
    this.sharedCellIncidents = new Uint32Array(cellCount)
    this.sharedSlotIncidents = new Uint32Array(grid.slotCount)
  }

  /** Sums figures per place too (call before adding rows). */
  sumPlaces(places: RowPlaces, sharedCount: number): void {
    this.placeOfRow = places.placeOfRow
    this.placePass = keyedPass(places.count)
    this.placePairs = new DistinctPairs(sharedCount, places.count)
  }

  /** Adds rows[start..end). */
  add(start: number, end: number): void {
    if (this.placeOfRow) return this.addWithPlaces(start, end)
    const { rows, cells, cellCount, histogram, sums } = this
    const { sharedOfRow } = this.figures
    const { figureOfRow } = this.reports
    const { reconciler } = this
    const { columns } = this.store
    const { killed_min: killedMin, killed_max: killedMax } = columns.counts
    const { injured_min: injuredMin, injured_max: injuredMax } = columns.counts
    for (let i = start; i < end; i++) {
      const row = rows[i]!
      const packed = cells[row]!
      if (packed & REPORT_FLAG) {
        // A report of a figure with several: added once per figure, in finish.
        reconciler!.add(row, figureOfRow[row]!)
        continue
      }
      const cell = packed >>> KIND_BITS
      histogram[(packed & KIND_MASK) * cellCount + cell]!++
      const at = cell * 4
      let min = killedMin[row]!
      let max = killedMax[row]!
      let low = min + (min >>> 31)
      sums[at]! += low
      sums[at + 1]! += max + (max >>> 31) * (low + 1)
      min = injuredMin[row]!
      max = injuredMax[row]!
      low = min + (min >>> 31)
      sums[at + 2]! += low
      sums[at + 3]! += max + (max >>> 31) * (low + 1)
      if (packed & SHARED_FLAG)
        this.countShared(sharedOfRow[row]!, (packed & KIND_MASK) % KINDS, cell)
    }
  }

  // `add` with the figures per place summed in the same loop (one read of each column for both;
  // two loops would cost a third more).
  private addWithPlaces(start: number, end: number): void {
    const { rows, cells, cellCount, histogram, sums } = this
    const { sharedOfRow } = this.figures
    const { figureOfRow } = this.reports
    const { reconciler } = this
    const { columns } = this.store
    const { killed_min: killedMin, killed_max: killedMax } = columns.counts
    const { injured_min: injuredMin, injured_max: injuredMax } = columns.counts
    const placeOfRow = this.placeOfRow!
    const pairs = this.placePairs!
    const { keyCount: placeCount, histogram: placeHistogram, sums: placeSums } = this.placePass
    const placeRows = this.placePass.rows
    const { sharedRows: placeSharedRows, sharedIncidents: placeSharedIncidents } = this.placePass
    for (let i = start; i < end; i++) {
      const row = rows[i]!
      const packed = cells[row]!
      const place = placeOfRow[row]!
      placeRows[place]!++
      const incident = packed & SHARED_FLAG ? sharedOfRow[row]! : -1
      if (incident >= 0) {
        placeSharedRows[place]!++
        if (pairs.add(incident, place)) placeSharedIncidents[place]!++
      }
      if (packed & REPORT_FLAG) {
        reconciler!.add(row, figureOfRow[row]!)
        continue
      }
      const cell = packed >>> KIND_BITS
      const kind = packed & KIND_MASK
      histogram[kind * cellCount + cell]!++
      placeHistogram[KIND_STATES[kind]! * placeCount + place]!++
      const at = cell * 4
      const atPlace = place * 4
      let min = killedMin[row]!
      let max = killedMax[row]!
      let low = min + (min >>> 31)
      let high = max + (max >>> 31) * (low + 1)
      sums[at]! += low
      sums[at + 1]! += high
      placeSums[atPlace]! += low
      placeSums[atPlace + 1]! += high
      min = injuredMin[row]!
      max = injuredMax[row]!
      low = min + (min >>> 31)
      high = max + (max >>> 31) * (low + 1)
      sums[at + 2]! += low
      sums[at + 3]! += high
      placeSums[atPlace + 2]! += low
      placeSums[atPlace + 3]! += high
      if (incident >= 0) this.countShared(incident, kind % KINDS, cell)
    }
  }

  // Counts a row (or a reconciled figure) of an incident with several rows, whose kind without
  // the year-only part is `state`, in cell `cell`: the incident once in the headline, once per
  // cell and once per period.
  private countShared(incident: number, state: number, cell: number): void {
    this.sharedRows[cell]!++
    this.sharedKinds[state]!++
    const { sharedFlags, sharedWordsOnly } = this
    const before = sharedFlags[incident]!
    const now = before | 1 | WORDS_ONLY[state]!
    if (now !== before) {
      sharedFlags[incident] = now
      if (!(before & 1)) this.sharedIncidents++
      if (now & 2 && !(before & 2)) sharedWordsOnly.killed++
      if (now & 4 && !(before & 4)) sharedWordsOnly.injured++
      if (now & 6 && !(before & 6)) sharedWordsOnly.either++
    }
    const slot = (cell / this.groupCount) | 0
    if (slot !== 0) {
      if (this.sharedPerCell.add(incident, cell)) this.sharedCellIncidents[cell]!++
      if (this.sharedPerSlot.add(incident, slot)) this.sharedSlotIncidents[slot]!++
    }
  }

  // Adds each figure of several reports once: its reconciled figure, in its lead report's cell,
  // and its incident as the pass counts the rows of incidents with several rows.
  private addReconciled(): void {
    const { reconciler, cells, cellCount, histogram, sums } = this
    if (!reconciler) return
    reconciler.resolve()
    const { sharedOfRow } = this.figures
    const { placeOfRow, placePass } = this
    for (let i = 0; i < reconciler.metCount; i++) {
      const figure = reconciler.met[i]!
      const lead = reconciler.leadOf(figure)
      const packed = cells[lead]!
      const cell = packed >>> KIND_BITS
      const at = cell * 4
      const killed = reconciler.reconcile(figure, 0)
      const killedLow = reconciler.min === NO_COUNT ? 0 : reconciler.min
      const killedHigh = reconciler.max === NO_COUNT ? killedLow : reconciler.max
      sums[at]! += killedLow
      sums[at + 1]! += killedHigh
      const injured = reconciler.reconcile(figure, 1)
      const injuredLow = reconciler.min === NO_COUNT ? 0 : reconciler.min
      const injuredHigh = reconciler.max === NO_COUNT ? injuredLow : reconciler.max
      sums[at + 2]! += injuredLow
      sums[at + 3]! += injuredHigh
      const kind = killed + STATES * injured + ((packed & KIND_MASK) >= YEAR_ONLY ? YEAR_ONLY : 0)
      histogram[kind * cellCount + cell]!++
      if (placeOfRow) {
        const place = placeOfRow[lead]!
        const state = killed + STATES * injured
        placePass.histogram[state * placePass.keyCount + place]!++
        const placeSums = placePass.sums
        placeSums[place * 4]! += killedLow
        placeSums[place * 4 + 1]! += killedHigh
        placeSums[place * 4 + 2]! += injuredLow
        placeSums[place * 4 + 3]! += injuredHigh
      }
      // The incident has several rows (this figure's reports at least).
      this.countShared(sharedOfRow[lead]!, kind % KINDS, cell)
    }
  }

  /** The sums of every row added. */
  finish(unit: TimeUnit): ViewSums {
    this.addReconciled()
    const { rows, column, groupCount, cellCount, slotCount, shift, axis, histogram, sums } = this
    const { sharedRows, sharedKinds, sharedWordsOnly, sharedIncidents } = this
    let yearOnlyRows = 0
    const { sharedCellIncidents, sharedSlotIncidents } = this
    const monthly = unit === 'month'
    // The grid's cells as measure arrays.
    const killed = createMeasureArrays(cellCount)
    const injured = createMeasureArrays(cellCount)
    const cellRows = new Uint32Array(cellCount)
    const kindRows = new Uint32Array(KINDS)
    for (let cell = 0; cell < cellCount; cell++) {
      killed.min[cell] = sums[cell * 4]!
      killed.max[cell] = sums[cell * 4 + 1]!
      injured.min[cell] = sums[cell * 4 + 2]!
      injured.max[cell] = sums[cell * 4 + 3]!
      for (let kind = 0; kind < KIND_COUNT; kind++) {
        const count = histogram[kind * cellCount + cell]!
        if (count === 0) continue
        const state = kind % KINDS
        cellRows[cell]! += count
        kindRows[state]! += count
        if (kind >= YEAR_ONLY) yearOnlyRows += count
        addRows(killed, cell, killedState(state), count)
        addRows(injured, cell, injuredState(state), count)
      }
    }

    // Per group: every slot, the left-out one included. Headline sums: every group.
    const groups: GroupTotals = {
      column,
      labels: this.groupLabels,
      rows: new Uint32Array(groupCount),
      killed: createMeasureArrays(groupCount),
      injured: createMeasureArrays(groupCount),
    }
    for (let cell = 0; cell < cellCount; cell++) {
      const group = cell % groupCount
      groups.rows[group]! += cellRows[cell]!
      addCells(killed, cell, 1, groups.killed, group)
      addCells(injured, cell, 1, groups.injured, group)
    }
    const killedTotal = createMeasureArrays(1)
    const injuredTotal = createMeasureArrays(1)
    addCells(groups.killed, 0, groupCount, killedTotal, 0)
    addCells(groups.injured, 0, groupCount, injuredTotal, 0)
    const single = { rows: 0, killed: 0, injured: 0, either: 0 }
    for (let kind = 0; kind < KINDS; kind++) {
      const count = kindRows[kind]! - sharedKinds[kind]!
      single.rows += count
      const words = WORDS_ONLY[kind]!
      if (words & 2) single.killed += count
      if (words & 4) single.injured += count
      if (words) single.either += count
    }
    const totals: ViewTotals = {
      rows: rows.length,
      incidents: single.rows + sharedIncidents,
      killed: figureAt(killedTotal, 0),
      injured: figureAt(injuredTotal, 0),
      unquantifiedIncidents: {
        killed: single.killed + sharedWordsOnly.killed,
        injured: single.injured + sharedWordsOnly.injured,
        either: single.either + sharedWordsOnly.either,
      },
    }

    // The series: the slots from the first to the last one with a selected row. A single-row
    // incident counts in its cell and period; the others were counted distinctly above.
    let firstSlot = slotCount
    let lastSlot = 0
    const slotIncidents = new Uint32Array(slotCount)
    for (let slot = 1; slot < slotCount; slot++) {
      let any = false
      slotIncidents[slot] = sharedSlotIncidents[slot]!
      for (let cell = slot * groupCount; cell < (slot + 1) * groupCount; cell++) {
        if (cellRows[cell]! > 0) any = true
        slotIncidents[slot]! += cellRows[cell]! - sharedRows[cell]!
      }
      if (!any) continue
      if (slot < firstSlot) firstSlot = slot
      lastSlot = slot
    }
    const length = lastSlot >= firstSlot ? lastSlot - firstSlot + 1 : 0
    const periods = new Int32Array(length)
    for (let p = 0; p < length; p++) {
      const index = axis.first + shift + firstSlot - 1 + p
      periods[p] = monthly
        ? Math.floor(index / 12) * 10000 + ((index % 12) + 1) * 100
        : index * 10000
    }
    const from = firstSlot * groupCount
    const to = from + length * groupCount
    const cellIncidents = new Uint32Array(to - from)
    const periodRows = new Uint32Array(length)
    for (let cell = from; cell < to; cell++) {
      cellIncidents[cell - from] = cellRows[cell]! - sharedRows[cell]! + sharedCellIncidents[cell]!
      periodRows[((cell - from) / groupCount) | 0]! += cellRows[cell]!
    }
    const series: TimeSeries = {
      unit,
      periods,
      column,
      groupLabels: this.groupLabels,
      killed: sliceCells(killed, from, to),
      injured: sliceCells(injured, from, to),
      incidents: cellIncidents,
      rows: cellRows.slice(from, to),
      totals: {
        killed: createMeasureArrays(length),
        injured: createMeasureArrays(length),
        // Not a sum of cells: an incident in two groups counts once in its period.
        incidents: slotIncidents.slice(firstSlot, firstSlot + length),
        rows: periodRows,
      },
      yearOnlyRows,
    }
    for (let p = 0; p < length; p++) {
      addCells(series.killed, p * groupCount, groupCount, series.totals.killed, p)
      addCells(series.injured, p * groupCount, groupCount, series.totals.injured, p)
    }
    const places = this.placeOfRow ? keyedSumsOf(this.placePass) : null
    return { totals, groups, series, places }
  }
}

/** summarizeRowsInSteps without pausing. */
export function summarizeRows(
  store: CasualtyStore,
  rows: ArrayLike<number>,
  column: GroupColumn,
  unit: TimeUnit,
): ViewSums {
  return runSteps(summarizeRowsInSteps(store, rows, column, unit))
}

/** The headline totals of `rows` (summarizeRows' first part). */
export function sumTotals(store: CasualtyStore, rows: ArrayLike<number>): ViewTotals {
  return summarizeRows(store, rows, 'target_group', 'year').totals
}

/** Killed and injured of `rows` per group of `column`. */
export function sumByGroup(
  store: CasualtyStore,
  rows: ArrayLike<number>,
  column: GroupColumn,
): GroupTotals {
  return summarizeRows(store, rows, column, 'year').groups
}

/**
 * Killed, injured and incidents of `rows` per period and group. Year-only rows are left off a
 * monthly axis (and counted in `yearOnlyRows`); a yearly axis includes every row.
 */
export function sumOverTime(
  store: CasualtyStore,
  rows: ArrayLike<number>,
  column: GroupColumn,
  unit: TimeUnit,
): TimeSeries {
  return summarizeRows(store, rows, column, unit).series
}
