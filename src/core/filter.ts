// Which rows the current view shows. A filter pass is one loop over typed-array columns that
// returns the matching row indices; everything downstream (headline figures, charts, table page,
// export) reads only those rows.

import { parseIsoDate } from './date'
import { NO_COUNT, type CasualtyStore, type CategoryData, type TextData } from './store'
import type { CategoryColumn } from './schema'

/** The filters of the view. Empty arrays and empty strings mean "no restriction". */
export interface Filters {
  /** Inclusive date bounds as ISO text at any precision (`2021`, `2021-10`, `2021-10-08`). */
  dateFrom: string
  dateTo: string
  targetGroups: string[]
  /** GTD target types (`target_type`): what a click on a bar selects when grouped by GTD type. */
  targetTypes: string[]
  perpetrators: string[]
  admin1: string[]
  /** Case-insensitive search over location, notes and quotes. */
  text: string
}

export function emptyFilters(): Filters {
  return {
    dateFrom: '',
    dateTo: '',
    targetGroups: [],
    targetTypes: [],
    perpetrators: [],
    admin1: [],
    text: '',
  }
}

/** Does `filters` restrict anything? */
export function hasActiveFilters(filters: Filters): boolean {
  return (
    filters.dateFrom !== '' ||
    filters.dateTo !== '' ||
    filters.targetGroups.length > 0 ||
    filters.targetTypes.length > 0 ||
    filters.perpetrators.length > 0 ||
    filters.admin1.length > 0 ||
    filters.text.trim() !== ''
  )
}

/** The indices of every row: the selection with no filter. */
export function allRows(store: CasualtyStore): Uint32Array {
  const rows = new Uint32Array(store.length)
  for (let i = 0; i < rows.length; i++) rows[i] = i
  return rows
}

/** The last date code a date at any precision covers: `2021` -> 20211299, `2021-10` -> 20211099. */
export function dateCodeEnd(code: number): number {
  if (code % 10000 === 0) return code + 1299
  if (code % 100 === 0) return code + 99
  return code
}

// Which dictionary codes are wanted: a byte per code, 1 when its label is in `labels`. Labels the
// data does not have select nothing. Null when `labels` is empty (no restriction).
function wantedCodes(data: CategoryData, labels: readonly string[]): Uint8Array | null {
  if (labels.length === 0) return null
  const wanted = new Uint8Array(data.values.length)
  const set = new Set(labels)
  data.values.forEach((value, code) => {
    if (set.has(value)) wanted[code] = 1
  })
  return wanted
}

const decoder = new TextDecoder()

function textIncludes(data: TextData, row: number, needle: string): boolean {
  const start = data.offsets[row] ?? 0
  const end = data.offsets[row + 1] ?? start
  if (start === end) return false
  return decoder.decode(data.bytes.subarray(start, end)).toLowerCase().includes(needle)
}

// The rows that pass every filter, in store order. A row passes the date filter when the whole
// period of its date lies inside the range: a row dated `2024` is not inside `2024-03..2024-06`,
// because the source does not say it happened then.
export function filterRows(store: CasualtyStore, filters: Filters): Uint32Array {
  if (!hasActiveFilters(filters)) return allRows(store)
  const { columns } = store
  const { categories, texts } = columns
  const dates = columns.date
  const from = filters.dateFrom === '' ? null : parseIsoDate(filters.dateFrom)
  const to = filters.dateTo === '' ? null : parseIsoDate(filters.dateTo)
  const lo = from?.ok ? from.code : -Infinity
  const hi = to?.ok ? dateCodeEnd(to.code) : Infinity
  const checks: { codes: Uint32Array; wanted: Uint8Array }[] = []
  const addCheck = (column: CategoryColumn, labels: readonly string[]) => {
    const wanted = wantedCodes(categories[column], labels)
    if (wanted) checks.push({ codes: categories[column].codes, wanted })
  }
  addCheck('target_group', filters.targetGroups)
  addCheck('target_type', filters.targetTypes)
  addCheck('perpetrator', filters.perpetrators)
  addCheck('admin1', filters.admin1)
  const needle = filters.text.trim().toLowerCase()
  // Location is dictionary-coded: test each distinct label once, then compare codes per row.
  const locationHit =
    needle === ''
      ? null
      : Uint8Array.from(categories.location.values, (v) => Number(v.toLowerCase().includes(needle)))
  const locationCodes = categories.location.codes
  const searched = [texts.notes, texts.source_quote, texts.killed_text, texts.injured_text]

  const out = new Uint32Array(store.length)
  let count = 0
  rows: for (let row = 0; row < store.length; row++) {
    const code = dates[row] ?? 0
    if (code < lo || dateCodeEnd(code) > hi) continue
    for (const check of checks) {
      if (check.wanted[check.codes[row] ?? 0] !== 1) continue rows
    }
    if (locationHit) {
      if (
        locationHit[locationCodes[row] ?? 0] !== 1 &&
        !searched.some((t) => textIncludes(t, row, needle))
      )
        continue
    }
    out[count++] = row
  }
  return out.slice(0, count)
}

/** Columns the incident table sorts by. */
export type SortKey = 'date' | 'place' | 'target' | 'killed' | 'injured'
export const SORT_KEYS: readonly SortKey[] = ['date', 'place', 'target', 'killed', 'injured']
export type SortDirection = 'asc' | 'desc'

// Ranks of a dictionary's labels in alphabetical order, so rows compare by integer.
function labelRanks(data: CategoryData): Uint32Array {
  const order = data.values.map((_, code) => code)
  order.sort((a, b) => (data.values[a] ?? '').localeCompare(data.values[b] ?? '', 'en'))
  const ranks = new Uint32Array(data.values.length)
  order.forEach((code, rank) => (ranks[code] = rank))
  return ranks
}

// Reorders `order` by an integer key per row, stably: the key and the row's current position are
// packed into one float (key * 2^k + position, exact below 2^53), so a native numeric sort of a
// Float64Array does the work. A comparator sort of a million rows takes seconds; this takes ~100 ms.
function sortByKey(order: Uint32Array, key: (row: number) => number): Uint32Array {
  const n = order.length
  const scale = 2 ** Math.max(1, Math.ceil(Math.log2(n + 1)))
  const packed = new Float64Array(n)
  for (let i = 0; i < n; i++) packed[i] = key(order[i]!) * scale + i
  packed.sort()
  const out = new Uint32Array(n)
  for (let i = 0; i < n; i++) out[i] = order[(((packed[i]! % scale) + scale) % scale) as number]!
  return out
}

/** Sort key of a row without a figure: after every count (counts are at most 2e9). */
const MISSING_LAST = 2 ** 31

/** Every row of a store in table order, per sort: sorted once, reused for every selection. */
const orderCache = new WeakMap<CasualtyStore, Map<string, Uint32Array>>()

// Every row of `store` by `key`, ties by date then store order. Rows without a figure sort after
// every figure, in both directions: "not given" is not a small number.
function sortAllRows(store: CasualtyStore, key: SortKey, direction: SortDirection): Uint32Array {
  const { columns } = store
  const sign = direction === 'asc' ? 1 : -1
  const dates = columns.date
  const rows = allRows(store)
  // Least significant key first; each pass is stable.
  if (key === 'date') return sortByKey(rows, (row) => sign * (dates[row] ?? 0))
  const byDate = sortByKey(rows, (row) => dates[row] ?? 0)
  if (key === 'killed' || key === 'injured') {
    const counts = columns.counts[key === 'killed' ? 'killed_min' : 'injured_min']
    return sortByKey(byDate, (row) => {
      const value = counts[row] ?? NO_COUNT
      return value === NO_COUNT ? MISSING_LAST : sign * value
    })
  }
  const primary = categories(store, key === 'place' ? 'admin1' : 'target_group')
  const primaryRanks = labelRanks(primary)
  let order = byDate
  if (key === 'place') {
    const location = columns.categories.location
    const locationRanks = labelRanks(location)
    order = sortByKey(order, (row) => sign * (locationRanks[location.codes[row] ?? 0] ?? 0))
  }
  return sortByKey(order, (row) => sign * (primaryRanks[primary.codes[row] ?? 0] ?? 0))
}

// The rows of `rows` (a selection from filterRows) in table order: by `key`, ties by date then by
// store order, rows without a figure last. The store's rows are sorted once per key and direction;
// a new selection is then one pass over that order, so re-filtering does not re-sort.
export function sortRows(
  store: CasualtyStore,
  rows: Uint32Array,
  key: SortKey,
  direction: SortDirection,
): Uint32Array {
  let cache = orderCache.get(store)
  if (!cache) {
    cache = new Map()
    orderCache.set(store, cache)
  }
  const cacheKey = `${key} ${direction}`
  let order = cache.get(cacheKey)
  if (!order) {
    order = sortAllRows(store, key, direction)
    cache.set(cacheKey, order)
  }
  if (rows.length === store.length) return order
  const wanted = new Uint8Array(store.length)
  for (const row of rows) wanted[row] = 1
  const out = new Uint32Array(rows.length)
  let count = 0
  for (const row of order) if (wanted[row] === 1) out[count++] = row
  return out.subarray(0, count)
}

function categories(store: CasualtyStore, column: CategoryColumn): CategoryData {
  return store.columns.categories[column]
}
