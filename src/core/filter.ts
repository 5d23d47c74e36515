// Which rows the current view shows. A filter pass is one loop over typed-array columns that
// returns the matching row indices; everything downstream (headline figures, charts, table page,
// export) reads only those rows.

import { parseIsoDate } from './date'
import type { CategoryColumn } from './schema'
import type { CasualtyStore, CategoryData, TextData } from './store'

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

// The table's order lives in core/sort; re-exported here, beside the selection it orders.
export { SORT_KEYS, sortRows, type SortDirection, type SortKey } from './sort'
