// The incident table's order: by the column, ties by date then store order, rows without a figure
// last in both directions. Written as a generator that pauses every STEP_ROWS rows, so a caller on
// the page can let the browser paint between steps (sorting a million rows in one go blocks the
// page for about half a second); sortRows runs the same steps without pausing.
//
// Each sort is a chain of stable least-significant-digit radix passes (16 bits a pass) over a
// 32-bit key per row; the least significant column is sorted first, as in sortRows.

import type { CategoryColumn } from '../schema'
import { dateYear } from '../date'
import { dateSpanOf } from './figureIndex'
import { STEP_ROWS, runSteps, type Steps } from '../steps'
import { NO_COUNT, type CasualtyStore, type CategoryData } from '../store/store'
import { labelCount, labelsInRange } from '../store/packedStrings'

/** Columns the incident table sorts by. */
export type SortKey = 'date' | 'place' | 'target' | 'killed' | 'injured'
export const SORT_KEYS: readonly SortKey[] = ['date', 'place', 'target', 'killed', 'injured']
export type SortDirection = 'asc' | 'desc'

// Ranks of a dictionary's labels in alphabetical order (the comparison sortRows uses), so rows
// compare by integer.
function labelRanks(data: CategoryData): Uint32Array {
  const labels = labelsInRange(data, 0, labelCount(data))
  const order = labels.map((_, code) => code)
  order.sort((a, b) => (labels[a] ?? '').localeCompare(labels[b] ?? '', 'en'))
  const ranks = new Uint32Array(labels.length)
  order.forEach((code, rank) => (ranks[code] = rank))
  return ranks
}

const DIGIT_BITS = 16
const DIGITS = 1 << DIGIT_BITS

// The loops of the steps below live in plain functions: V8 optimizes a hot loop inside a
// generator poorly (no on-stack replacement), and each step runs only once.

function countDigits(
  from: Uint32Array,
  keys: Uint32Array,
  shift: number,
  counts: Uint32Array,
  start: number,
  end: number,
): void {
  for (let i = start; i < end; i++) counts[(keys[from[i]!]! >>> shift) & (DIGITS - 1)]!++
}

function scatter(
  from: Uint32Array,
  keys: Uint32Array,
  shift: number,
  next: Uint32Array,
  to: Uint32Array,
  start: number,
  end: number,
): void {
  for (let i = start; i < end; i++) {
    const row = from[i]!
    to[next[(keys[row]! >>> shift) & (DIGITS - 1)]!++] = row
  }
}

// Fills keys[start..end) and returns the largest of them (at least `max`).
function fillKeys(
  keys: Uint32Array,
  keyOf: (row: number) => number,
  start: number,
  end: number,
  max: number,
): number {
  for (let row = start; row < end; row++) {
    const key = keyOf(row)
    keys[row] = key
    if (key > max) max = key
  }
  return max
}

/** A row's sort key, and the largest key any row has. */
interface Keys {
  keys: Uint32Array
  max: number
}

// Reorders `order` stably by `keys[row]` (unsigned 32-bit), 16-bit passes: none for a digit above
// the largest key's (a date or a count key often fits one pass), and a pass whose digit is the
// same for every row is skipped.
function* sortByKeys(order: Uint32Array, { keys, max }: Keys): Steps<Uint32Array> {
  let from = order
  for (let shift = 0; shift < 32 && (shift === 0 || max >>> shift !== 0); shift += DIGIT_BITS) {
    const counts = new Uint32Array(DIGITS)
    for (let start = 0; start < from.length; start += STEP_ROWS) {
      countDigits(from, keys, shift, counts, start, Math.min(from.length, start + STEP_ROWS))
      yield
    }
    if (counts.some((count) => count === from.length)) continue
    let sum = 0
    for (let digit = 0; digit < DIGITS; digit++) {
      const count = counts[digit]!
      counts[digit] = sum
      sum += count
    }
    const to = new Uint32Array(from.length)
    for (let start = 0; start < from.length; start += STEP_ROWS) {
      scatter(from, keys, shift, counts, to, start, Math.min(from.length, start + STEP_ROWS))
      yield
    }
    from = to
  }
  return from
}

// One unsigned key per row, filled in steps: `keyOf(row)` must return an integer in [0, 2^32).
function* keysOf(length: number, keyOf: (row: number) => number): Steps<Keys> {
  const keys = new Uint32Array(length)
  let max = 0
  for (let start = 0; start < length; start += STEP_ROWS) {
    max = fillKeys(keys, keyOf, start, Math.min(length, start + STEP_ROWS), max)
    yield
  }
  return { keys, max }
}

const MAX_KEY = 0xffffffff

/** Keys a date takes within a year in shortDateKey: month * 32 + day, below 13 * 32. */
const YEAR_KEYS = 13 * 32
const SHORT_MAX = 0xffff

/**
 * A row's date as an unsigned key in date order: (year - the store's first year) * YEAR_KEYS +
 * month * 32 + day, below 2^16 (one sorting pass) where the store's dates span at most 157 years;
 * else the code (signed) moved up by 2^31. `max`: the largest such key.
 */
function dateKeys(store: CasualtyStore): { keyOf: (row: number) => number; max: number } {
  const dates = store.columns.date
  const span = dateSpanOf(store)
  const firstYear = span ? dateYear(span.first) : 0
  if (span && span.first >= 0 && (dateYear(span.last) - firstYear + 1) * YEAR_KEYS <= SHORT_MAX) {
    const keyOf = (row: number) => {
      const code = dates[row]!
      const year = (code / 10000) | 0
      const monthDay = code - year * 10000
      return (year - firstYear) * YEAR_KEYS + ((monthDay / 100) | 0) * 32 + (monthDay % 100)
    }
    return { keyOf, max: SHORT_MAX }
  }
  // Date codes are signed; shifted by 2^31 they order the same as unsigned keys.
  return { keyOf: (row) => ((dates[row] ?? 0) + 0x80000000) >>> 0, max: MAX_KEY }
}

function* sortAllRowsInSteps(
  store: CasualtyStore,
  key: SortKey,
  direction: SortDirection,
): Steps<Uint32Array> {
  const { columns } = store
  const descending = direction === 'desc'
  const rows = new Uint32Array(store.length)
  for (let i = 0; i < rows.length; i++) rows[i] = i
  const { keyOf: dateKey, max: dateMax } = dateKeys(store)
  if (key === 'date') {
    const keys = yield* keysOf(store.length, (row) =>
      descending ? dateMax - dateKey(row) : dateKey(row),
    )
    return yield* sortByKeys(rows, keys)
  }
  const byDate = yield* sortByKeys(rows, yield* keysOf(store.length, dateKey))
  if (key === 'killed' || key === 'injured') {
    const counts = columns.counts[key === 'killed' ? 'killed_min' : 'injured_min']
    // Counts are 0..2^31-1; a row without one gets the largest key in both directions.
    const keys = yield* keysOf(store.length, (row) => {
      const value = counts[row] ?? NO_COUNT
      if (value === NO_COUNT) return MAX_KEY
      return descending ? 0x7fffffff - value : value
    })
    return yield* sortByKeys(byDate, keys)
  }
  const rankKeys = (column: CategoryColumn) => {
    const data = columns.categories[column]
    const ranks = labelRanks(data)
    const last = labelCount(data) - 1
    return keysOf(store.length, (row) => {
      const rank = ranks[data.codes[row] ?? 0] ?? 0
      return descending ? last - rank : rank
    })
  }
  let order = byDate
  if (key === 'place') order = yield* sortByKeys(order, yield* rankKeys('location'))
  return yield* sortByKeys(order, yield* rankKeys(key === 'place' ? 'admin1' : 'target_group'))
}

/** Every row of a store in table order, per sort: sorted once, reused for every selection. */
const orderCache = new WeakMap<CasualtyStore, Map<string, Uint32Array>>()

// Every row of `store` in table order, sorted in steps the first time per key and direction.
function* storeOrderInSteps(
  store: CasualtyStore,
  key: SortKey,
  direction: SortDirection,
): Steps<Uint32Array> {
  let cache = orderCache.get(store)
  if (!cache) orderCache.set(store, (cache = new Map()))
  const cacheKey = `${key} ${direction}`
  let order = cache.get(cacheKey)
  if (!order) {
    order = yield* sortAllRowsInSteps(store, key, direction)
    cache.set(cacheKey, order)
  }
  return order
}

/** Selected rows between two remembered places in the store's order. */
const CHECKPOINT_ROWS = 1024

/**
 * A selection in table order, read a slice at a time: the store's order (sorted once per sort)
 * walked past the rows the selection does not have. Reading the first page of a new selection
 * touches only as much of the order as that page needs; the place of every CHECKPOINT_ROWS-th
 * selected row is remembered, so a later page starts close to where it is.
 */
export class TableOrder {
  /** Where in `order` the selection's row k * CHECKPOINT_ROWS is (as far as read). */
  private readonly checkpoints = [0]

  constructor(
    private readonly order: Uint32Array,
    /** Whether a store row is selected; null when every row is. */
    private readonly selected: ((row: number) => boolean) | null,
    /** Number of selected rows. */
    readonly length: number,
  ) {}

  /** The selected rows at table positions [start, end), like Uint32Array.prototype.slice. */
  slice(start = 0, end = this.length): Uint32Array {
    start = Math.max(0, Math.min(start, this.length))
    end = Math.max(start, Math.min(end, this.length))
    const { order, selected, checkpoints } = this
    if (!selected) return order.slice(start, end)
    const out = new Uint32Array(end - start)
    const known = Math.min(Math.floor(start / CHECKPOINT_ROWS), checkpoints.length - 1)
    let position = checkpoints[known]!
    let index = known * CHECKPOINT_ROWS
    while (index < end) {
      const row = order[position++]!
      if (!selected(row)) continue
      if (index >= start) out[index - start] = row
      index++
      if (index % CHECKPOINT_ROWS === 0 && index / CHECKPOINT_ROWS === checkpoints.length) {
        checkpoints.push(position)
      }
    }
    return out
  }
}

// A byte per row of a store of `length` rows, 1 for the rows of `rows`.
function markRows(rows: Uint32Array, length: number): Uint8Array {
  const marks = new Uint8Array(length)
  for (let i = 0; i < rows.length; i++) marks[rows[i]!] = 1
  return marks
}

// The rows of `rows` (a selection from filterRows, in store order) in table order, in steps: the
// store's rows are sorted once per key and direction. Which rows are selected is told by `test`
// when given (core/view/filter's rowTest for the filters that made `rows`: nothing to make per
// selection), else by a byte per row marked from `rows`.
export function* tableOrderInSteps(
  store: CasualtyStore,
  rows: Uint32Array,
  key: SortKey,
  direction: SortDirection,
  test?: ((row: number) => boolean) | null,
): Steps<TableOrder> {
  const order = yield* storeOrderInSteps(store, key, direction)
  if (rows.length === store.length) return new TableOrder(order, null, rows.length)
  if (test) return new TableOrder(order, test, rows.length)
  const marks = markRows(rows, store.length)
  return new TableOrder(order, (row) => marks[row] === 1, rows.length)
}

/** Every row of `rows` in table order, in steps (tableOrderInSteps read to the end). */
export function* sortRowsInSteps(
  store: CasualtyStore,
  rows: Uint32Array,
  key: SortKey,
  direction: SortDirection,
): Steps<Uint32Array> {
  return (yield* tableOrderInSteps(store, rows, key, direction)).slice()
}

/** The rows of `rows` (a selection from filterRows) in table order, without pausing. */
export function sortRows(
  store: CasualtyStore,
  rows: Uint32Array,
  key: SortKey,
  direction: SortDirection,
): Uint32Array {
  return runSteps(sortRowsInSteps(store, rows, key, direction))
}
