// What the aggregation pass (core/view/aggregate) reads per row besides the store's own columns,
// built once per store and kept beside it: a kind byte that says what each row's killed and injured
// figures are and whether its date gives only the year, the number of its incident when that
// incident has other rows, and each row's period slot on a monthly and a yearly axis. With these
// the pass over a selection is branch-light arithmetic: no date decoding, no text offsets, and the
// distinct-incident bookkeeping only for incidents of several rows. Built in steps (STEP_ROWS rows
// at a time), so a page can paint between them.

import { STEP_ROWS, runSteps, type Steps } from '../steps'
import type { CategoryColumn } from '../schema'
import { NO_COUNT, type CasualtyStore } from '../store/store'
import { labelCount } from '../store/packedStrings'

/**
 * What a row says about one measure (data/README.md, "Coding casualty figures"): nothing; a
 * minimum and a maximum; a minimum only (an open bound); a maximum only ("up to 20"); words
 * without a number ("scores").
 */
export const enum FigureState {
  None = 0,
  Closed = 1,
  Open = 2,
  MaxOnly = 3,
  Unquantified = 4,
}

/** Figure states per measure; a kind is killed + STATES * injured, plus YEAR_ONLY. */
export const STATES = 5
/** The kind bit of a row dated to a year only. */
export const YEAR_ONLY = STATES * STATES

export const killedState = (kind: number): FigureState => (kind % YEAR_ONLY) % STATES
export const injuredState = (kind: number): FigureState =>
  (((kind % YEAR_ONLY) / STATES) | 0) as FigureState

export interface FigureIndex {
  /** Per row: killed state + STATES * injured state, plus YEAR_ONLY. */
  kinds: Uint8Array
  /**
   * Per row: its incident's number among the incidents of several rows, or -1 when the incident
   * has no other row. Per row rather than per incident: the pass reads it in row order.
   */
  sharedOfRow: Int32Array
  /** How many incidents have several rows. */
  sharedCount: number
}

/** Period slots of every row on one time axis. */
export interface PeriodSlots {
  /** The first period of the store (months since year 0, or the year); slot 1 holds it. */
  first: number
  /** Number of periods from the store's first to its last. */
  length: number
  /** Per row: 1 + its period - first; 0 for a year-only date on a monthly axis. */
  slots: Uint32Array
}

/** Periods of a time axis. */
export type TimeUnit = 'month' | 'year'

// Period of a date code: months since year 0 (or -1 for a year-only date) or the year.
export function periodOf(code: number, unit: TimeUnit): number {
  const year = (code / 10000) | 0
  if (unit === 'year') return year
  const month = ((code / 100) | 0) % 100
  return month === 0 ? -1 : year * 12 + month - 1
}

function stateOf(min: number, max: number, words: boolean): FigureState {
  if (min !== NO_COUNT) return max !== NO_COUNT ? FigureState.Closed : FigureState.Open
  if (max !== NO_COUNT) return FigureState.MaxOnly
  return words ? FigureState.Unquantified : FigureState.None
}

// Kinds of rows [start, end) into `kinds`, and their rows per incident into `rowsPerIncident`. A
// plain function, as are the other loops here: V8 optimizes a hot loop inside a generator poorly.
function fillKinds(
  store: CasualtyStore,
  kinds: Uint8Array,
  rowsPerIncident: Uint32Array,
  start: number,
  end: number,
): void {
  const { counts, texts, categories, date } = store.columns
  const incidentCodes = categories.incident_id.codes
  const killedWords = texts.killed_text.offsets
  const injuredWords = texts.injured_text.offsets
  for (let row = start; row < end; row++) {
    rowsPerIncident[incidentCodes[row]!]!++
    const killed = stateOf(
      counts.killed_min[row]!,
      counts.killed_max[row]!,
      killedWords[row + 1]! > killedWords[row]!,
    )
    const injured = stateOf(
      counts.injured_min[row]!,
      counts.injured_max[row]!,
      injuredWords[row + 1]! > injuredWords[row]!,
    )
    kinds[row] = killed + STATES * injured + (date[row]! % 10000 < 100 ? YEAR_ONLY : 0)
  }
}

// Numbers the incidents with several rows (-1 for the others).
function numberShared(rowsPerIncident: Uint32Array): {
  sharedIncident: Int32Array
  sharedCount: number
} {
  const sharedIncident = new Int32Array(rowsPerIncident.length).fill(-1)
  let sharedCount = 0
  for (let code = 0; code < rowsPerIncident.length; code++) {
    if (rowsPerIncident[code]! > 1) sharedIncident[code] = sharedCount++
  }
  return { sharedIncident, sharedCount }
}

// The shared number of the incident of each row in [start, end).
function fillShared(
  incidentCodes: Uint32Array,
  sharedIncident: Int32Array,
  sharedOfRow: Int32Array,
  start: number,
  end: number,
): void {
  for (let row = start; row < end; row++) sharedOfRow[row] = sharedIncident[incidentCodes[row]!]!
}

function* buildFigureIndex(store: CasualtyStore): Steps<FigureIndex> {
  const incidents = store.columns.categories.incident_id
  const rowsPerIncident = new Uint32Array(labelCount(incidents))
  const kinds = new Uint8Array(store.length)
  for (let start = 0; start < store.length; start += STEP_ROWS) {
    fillKinds(store, kinds, rowsPerIncident, start, Math.min(store.length, start + STEP_ROWS))
    yield
  }
  const { sharedIncident, sharedCount } = numberShared(rowsPerIncident)
  const sharedOfRow = new Int32Array(store.length)
  for (let start = 0; start < store.length; start += STEP_ROWS) {
    yield
    const end = Math.min(store.length, start + STEP_ROWS)
    fillShared(incidents.codes, sharedIncident, sharedOfRow, start, end)
  }
  return { kinds, sharedOfRow, sharedCount }
}

// The first and last period of the store's dates on a `unit` axis.
function periodRange(dates: Int32Array, unit: TimeUnit): { first: number; last: number } {
  let first = 2 ** 31 - 1
  let last = -1
  for (let row = 0; row < dates.length; row++) {
    const period = periodOf(dates[row]!, unit)
    if (period < 0) continue
    if (period < first) first = period
    if (period > last) last = period
  }
  return { first, last }
}

function fillSlots(
  dates: Int32Array,
  unit: TimeUnit,
  first: number,
  slots: Uint32Array,
  start: number,
  end: number,
): void {
  for (let row = start; row < end; row++) {
    const period = periodOf(dates[row]!, unit)
    slots[row] = period < 0 ? 0 : period - first + 1
  }
}

function* buildPeriodSlots(store: CasualtyStore, unit: TimeUnit): Steps<PeriodSlots> {
  const dates = store.columns.date
  const { first, last } = periodRange(dates, unit)
  yield
  const slots = new Uint32Array(store.length)
  for (let start = 0; start < store.length; start += STEP_ROWS) {
    fillSlots(dates, unit, first, slots, start, Math.min(store.length, start + STEP_ROWS))
    yield
  }
  return last >= first ? { first, length: last - first + 1, slots } : { first: 0, length: 0, slots }
}

/**
 * Bits of a packed cell below the cell number: a byte per row given by the caller, the row's kind
 * (its states and YEAR_ONLY, below 64) and flags of its own above.
 */
export const KIND_BITS = 8

// Packs cell and kind of rows [start, end): the cell of a row is its slot x `groupCount` + group.
function fillCells(
  slots: Uint32Array,
  groupCodes: Uint32Array,
  groupCount: number,
  kinds: Uint8Array,
  cells: Uint32Array,
  start: number,
  end: number,
): void {
  for (let row = start; row < end; row++) {
    cells[row] = ((slots[row]! * groupCount + groupCodes[row]!) << KIND_BITS) | kinds[row]!
  }
}

/**
 * Per row: its cell on a grid of the store's period slots x the groups of `groupCodes` (slot 0
 * for a year-only date on a monthly axis), shifted up by KIND_BITS, with its byte of `kinds`
 * below. The grid must have fewer than 2^24 cells.
 */
export function* packedCellsInSteps(
  slots: Uint32Array,
  groupCodes: Uint32Array,
  groupCount: number,
  kinds: Uint8Array,
): Steps<Uint32Array> {
  const cells = new Uint32Array(slots.length)
  for (let start = 0; start < slots.length; start += STEP_ROWS) {
    if (start > 0) yield
    const end = Math.min(slots.length, start + STEP_ROWS)
    fillCells(slots, groupCodes, groupCount, kinds, cells, start, end)
  }
  return cells
}

/** The first and last date code of a store. */
export interface DateSpan {
  first: number
  last: number
}

function spanOf(dates: Int32Array): DateSpan | null {
  if (dates.length === 0) return null
  let first = 2 ** 31 - 1
  let last = -(2 ** 31)
  for (let row = 0; row < dates.length; row++) {
    const code = dates[row]!
    if (code < first) first = code
    if (code > last) last = code
  }
  return { first, last }
}

interface Known {
  span?: DateSpan | null
  figures?: FigureIndex
  month?: PeriodSlots
  year?: PeriodSlots
  /** Packed cells per axis and group column (`month target_group`). */
  cells?: Map<string, Uint32Array>
}

// Stores never change once built (new data makes a new store), so what is built for one is kept
// for as long as the store lives.
const known = new WeakMap<CasualtyStore, Known>()

function knownOf(store: CasualtyStore): Known {
  let entry = known.get(store)
  if (!entry) known.set(store, (entry = {}))
  return entry
}

/** The store's figure index, built in steps the first time. */
export function* figureIndexInSteps(store: CasualtyStore): Steps<FigureIndex> {
  const entry = knownOf(store)
  return (entry.figures ??= yield* buildFigureIndex(store))
}

/** The store's period slots on a `unit` axis, built in steps the first time. */
export function* periodSlotsInSteps(store: CasualtyStore, unit: TimeUnit): Steps<PeriodSlots> {
  const entry = knownOf(store)
  return (entry[unit] ??= yield* buildPeriodSlots(store, unit))
}

/**
 * The store's packed cells on a `unit` axis by `column` (see packedCellsInSteps), kept: built the
 * first time from `kinds`, which must be the same bytes at every call for one store.
 */
export function* storeCellsInSteps(
  store: CasualtyStore,
  unit: TimeUnit,
  column: CategoryColumn,
  kinds: Uint8Array,
): Steps<Uint32Array> {
  const entry = knownOf(store)
  entry.cells ??= new Map()
  const key = `${unit} ${column}`
  let cells = entry.cells.get(key)
  if (!cells) {
    const { slots } = yield* periodSlotsInSteps(store, unit)
    const groups = store.columns.categories[column]
    cells = yield* packedCellsInSteps(slots, groups.codes, labelCount(groups), kinds)
    entry.cells.set(key, cells)
  }
  return cells
}

/** The store's first and last date code (null when it has no rows), found once per store. */
export const dateSpanOf = (store: CasualtyStore): DateSpan | null =>
  runSteps(dateSpanInSteps(store))

/** dateSpanOf, STEP_ROWS rows at a time (a big store's, before it is shown). */
export function* dateSpanInSteps(store: CasualtyStore): Steps<DateSpan | null> {
  const entry = knownOf(store)
  if (entry.span === undefined) {
    const dates = store.columns.date
    let span: DateSpan | null = null
    for (let start = 0; start < dates.length; start += STEP_ROWS) {
      if (start > 0) yield
      const part = spanOf(dates.subarray(start, start + STEP_ROWS))
      if (part) {
        span = span
          ? { first: Math.min(span.first, part.first), last: Math.max(span.last, part.last) }
          : part
      }
    }
    entry.span = span
  }
  return entry.span
}

export const figureIndex = (store: CasualtyStore): FigureIndex =>
  runSteps(figureIndexInSteps(store))
