// Which rows the current view shows. A filter pass is one loop over typed-array columns that
// returns the matching row indices; everything downstream (headline figures, charts, table page,
// export) reads only those rows.

import { parseIsoDate } from '../date'
import type { CategoryColumn } from '../schema'
import { STEP_ROWS, runSteps, type Steps } from '../steps'
import type { CasualtyStore, CategoryData, TextData } from '../store/store'
import { labelAt, labelCount, labelsInRange } from '../store/packedStrings'

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
  /**
   * Grades of the reports to include (labels of the grade scale, lower case, and UNGRADED_LABEL
   * for reports whose source has no grade); empty for every report.
   */
  grades: string[]
}

/** The grade filter's name for reports without a grade. */
export const UNGRADED_LABEL = 'ungraded'

/** What the filters need to know beyond the store: each source's grade (core/grades). */
export interface FilterContext {
  gradeOf(sourceId: string): string
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
    grades: [],
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
    filters.text.trim() !== '' ||
    filters.grades.length > 0
  )
}

const everyRow = new WeakMap<CasualtyStore, Uint32Array>()

function fillIndices(rows: Uint32Array, start: number, end: number): void {
  for (let i = start; i < end; i++) rows[i] = i
}

/** allRows in steps (a page makes it before it shows a big store). */
export function* allRowsInSteps(store: CasualtyStore): Steps<Uint32Array> {
  let rows = everyRow.get(store)
  if (!rows) {
    rows = new Uint32Array(store.length)
    for (let start = 0; start < rows.length; start += STEP_ROWS) {
      if (start > 0) yield
      fillIndices(rows, start, Math.min(rows.length, start + STEP_ROWS))
    }
    everyRow.set(store, rows)
  }
  return rows
}

/**
 * The indices of every row: the selection with no filter. Made once per store and shared by every
 * caller (a million-row store would otherwise allocate 4 MB on each "no filter"), so never written.
 */
export function allRows(store: CasualtyStore): Uint32Array {
  return runSteps(allRowsInSteps(store))
}

/** The last date code a date at any precision covers: `2021` -> 20211299, `2021-10` -> 20211099. */
export function dateCodeEnd(code: number): number {
  if (code % 10000 === 0) return code + 1299
  if (code % 100 === 0) return code + 99
  return code
}

/**
 * The dates a view can cover: the data's span (`first` and `last` date codes) within the filters'
 * From and To; null when they leave no date. Known before any pass over the rows.
 */
export function dateSpanWithin(
  span: { first: number; last: number } | null,
  filters: Pick<Filters, 'dateFrom' | 'dateTo'>,
): { first: number; last: number } | null {
  if (!span) return null
  const from = filters.dateFrom === '' ? null : parseIsoDate(filters.dateFrom)
  const to = filters.dateTo === '' ? null : parseIsoDate(filters.dateTo)
  const first = from?.ok ? Math.max(span.first, from.code) : span.first
  const last = to?.ok ? Math.min(span.last, dateCodeEnd(to.code)) : span.last
  return first <= last ? { first, last } : null
}

// Which dictionary codes are wanted: a byte per code, 1 when its label is in `labels`. Labels the
// data does not have select nothing. Null when `labels` is empty (no restriction).
function wantedCodes(data: CategoryData, labels: readonly string[]): Uint8Array | null {
  if (labels.length === 0) return null
  const count = labelCount(data)
  const wanted = new Uint8Array(count)
  const set = new Set(labels)
  for (let code = 0; code < count; code++) if (set.has(labelAt(data, code))) wanted[code] = 1
  return wanted
}

const decoder = new TextDecoder()

function textIncludes(data: TextData, row: number, needle: string): boolean {
  const start = data.offsets[row] ?? 0
  const end = data.offsets[row + 1] ?? start
  if (start === end) return false
  return decoder.decode(data.bytes.subarray(start, end)).toLowerCase().includes(needle)
}

// Keeps the rows (all of the store's when `rows` is null) whose `codes` entry is wanted. The loop
// has no branch: every row is written, and the count moves on only for a wanted one.
function keepCodes(
  rows: Uint32Array | null,
  length: number,
  codes: Uint32Array,
  wanted: Uint8Array,
): Uint32Array {
  const count = rows ? rows.length : length
  const out = new Uint32Array(count)
  let kept = 0
  if (rows) {
    for (let i = 0; i < count; i++) {
      const row = rows[i]!
      out[kept] = row
      kept += wanted[codes[row]!]!
    }
  } else {
    for (let row = 0; row < count; row++) {
      out[kept] = row
      kept += wanted[codes[row]!]!
    }
  }
  return out.subarray(0, kept)
}

// Keeps the rows (all when `rows` is null) for which `keep(row)` is true.
function keepWhere(
  rows: Uint32Array | null,
  length: number,
  keep: (row: number) => boolean,
): Uint32Array {
  const count = rows ? rows.length : length
  const out = new Uint32Array(count)
  let kept = 0
  for (let i = 0; i < count; i++) {
    const row = rows ? rows[i]! : i
    if (keep(row)) out[kept++] = row
  }
  return out.subarray(0, kept)
}

/** The filters compiled against one store: what filterRows and rowTest check. */
interface CompiledFilters {
  /** Category filters: a row passes when `wanted[codes[row]]` is 1 for each. */
  checks: { codes: Uint32Array; wanted: Uint8Array }[]
  /** Inclusive date-code bounds, or null for none. */
  dates: { codes: Int32Array; lo: number; hi: number } | null
  /** The text search, or null for none. */
  text: ((row: number) => boolean) | null
}

// Which source codes have a grade in `grades`: a byte per code. Null when `grades` is empty.
function wantedGrades(
  sources: CategoryData,
  grades: readonly string[],
  context: FilterContext | undefined,
): Uint8Array | null {
  if (grades.length === 0) return null
  const set = new Set(grades.map((grade) => grade.trim().toLowerCase()))
  return Uint8Array.from(sources.values, (id) => {
    const grade = (context?.gradeOf(id) ?? '').trim().toLowerCase()
    return set.has(grade === '' ? UNGRADED_LABEL : grade) ? 1 : 0
  })
}

function compile(store: CasualtyStore, filters: Filters, context?: FilterContext): CompiledFilters {
  const { categories, texts } = store.columns
  const checks: CompiledFilters['checks'] = []
  const grades = wantedGrades(categories.source, filters.grades, context)
  if (grades) checks.push({ codes: categories.source.codes, wanted: grades })
  const addCheck = (column: CategoryColumn, labels: readonly string[]) => {
    const wanted = wantedCodes(categories[column], labels)
    if (wanted) checks.push({ codes: categories[column].codes, wanted })
  }
  addCheck('target_group', filters.targetGroups)
  addCheck('target_type', filters.targetTypes)
  addCheck('perpetrator', filters.perpetrators)
  addCheck('admin1', filters.admin1)

  const from = filters.dateFrom === '' ? null : parseIsoDate(filters.dateFrom)
  const to = filters.dateTo === '' ? null : parseIsoDate(filters.dateTo)
  const lo = from?.ok ? from.code : -Infinity
  const hi = to?.ok ? dateCodeEnd(to.code) : Infinity
  const dates = lo !== -Infinity || hi !== Infinity ? { codes: store.columns.date, lo, hi } : null

  const needle = filters.text.trim().toLowerCase()
  let text: CompiledFilters['text'] = null
  if (needle !== '') {
    // Location is dictionary-coded: test each distinct label once, then compare codes per row.
    const locationHit = Uint8Array.from(
      labelsInRange(categories.location, 0, labelCount(categories.location)),
      (v) => Number(v.toLowerCase().includes(needle)),
    )
    const locationCodes = categories.location.codes
    const searched = [texts.notes, texts.source_quote, texts.killed_text, texts.injured_text]
    text = (row) =>
      locationHit[locationCodes[row]!] === 1 || searched.some((t) => textIncludes(t, row, needle))
  }
  return { checks, dates, text }
}

const passesDates = (dates: NonNullable<CompiledFilters['dates']>, row: number): boolean => {
  const code = dates.codes[row]!
  return code >= dates.lo && dateCodeEnd(code) <= dates.hi
}

/** The rows the filters select, and the same filters as a test of one row. */
export interface Selection {
  /** In store order. */
  rows: Uint32Array
  /** True for a row in `rows`; null when nothing is filtered. */
  test: ((row: number) => boolean) | null
}

// The selection of `filters`, compiled once for both. A row passes the date filter when the
// whole period of its date lies inside the range: a row dated `2024` is not inside
// `2024-03..2024-06`, because the source does not say it happened then.
//
// The rows: one filter at a time, each a tight loop over the rows the previous ones kept: the
// category filters first (a byte lookup per row), then dates, then the text search, the
// costliest, over what is left. The test: the same checks for one row, for reading a few rows of
// the selection without walking it (the table walks the store's sorted order with it).
export function selectRows(
  store: CasualtyStore,
  filters: Filters,
  context?: FilterContext,
): Selection {
  if (!hasActiveFilters(filters)) return { rows: allRows(store), test: null }
  const compiled = compile(store, filters, context)
  const { checks, dates, text } = compiled
  let rows: Uint32Array | null = null
  for (const check of checks) rows = keepCodes(rows, store.length, check.codes, check.wanted)
  if (dates) rows = keepWhere(rows, store.length, (row) => passesDates(dates, row))
  if (text) rows = keepWhere(rows, store.length, text)
  return { rows: rows ?? allRows(store), test: testOf(compiled) }
}

function testOf({ checks, dates, text }: CompiledFilters): (row: number) => boolean {
  return (row) =>
    checks.every((check) => check.wanted[check.codes[row]!] === 1) &&
    (!dates || passesDates(dates, row)) &&
    (!text || text(row))
}

/** The rows that pass every filter, in store order (selectRows' rows). */
export function filterRows(
  store: CasualtyStore,
  filters: Filters,
  context?: FilterContext,
): Uint32Array {
  return selectRows(store, filters, context).rows
}

/** The filters as a test of one row (selectRows' test): true when filterRows would keep it. */
export function rowTest(
  store: CasualtyStore,
  filters: Filters,
  context?: FilterContext,
): ((row: number) => boolean) | null {
  return hasActiveFilters(filters) ? testOf(compile(store, filters, context)) : null
}

// The table's order lives in core/view/sort; re-exported here, beside the selection it orders.
