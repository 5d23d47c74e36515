// The in-memory dataset: columnar, not an array of row objects. Counts and dates are typed arrays,
// repeated labels are dictionary-coded, long text is UTF-8 bytes with offsets decoded on demand.
// Row objects take several times a file's size and long to cross from a worker; these columns take
// a fraction of it and transfer without a copy. The rest of the app asks the store for what it
// needs (a count, a label, one row for the table) instead of holding rows. Stores are made by
// store/builder (row by row, from a file) and store/concat (two stores made one).

import { labelAt, labelCount, type PackedStrings } from './packedStrings'
import { runSteps, type Steps } from '../steps'
import { formatIsoDate } from '../date'
import {
  CATEGORY_COLUMNS,
  COUNT_COLUMNS,
  TEXT_COLUMNS,
  emptyRecord,
  type CasualtyRecord,
  type CategoryColumn,
  type CountColumn,
  type TextColumn,
} from '../schema'

/** Marks an empty count in an Int32Array column: "not given", never zero. */
export const NO_COUNT = -1

/**
 * A dictionary-coded column: label `codes[i]` is row i's label. The labels are `values`, or, when
 * `packed` is given, its UTF-8 (`values` is then empty): a dictionary with about one label per row
 * (incident_id) stays packed on the page (core/store/packedStrings). Read labels with labelCount
 * and labelAt, never `values` directly, wherever a packed dictionary can come.
 */
export interface CategoryData {
  codes: Uint32Array
  values: string[]
  packed?: PackedStrings
}

/** The most bytes a text column holds: its offsets are Uint32. */
export const MAX_TEXT_BYTES = 2 ** 32 - 1

/** A text column: row i's value is the UTF-8 of `bytes[offsets[i] .. offsets[i + 1]]`. */
export interface TextData {
  bytes: Uint8Array
  offsets: Uint32Array
}

/**
 * Everything the store holds, as plain data: structured-cloneable, and its typed arrays can be
 * transferred from a worker without copying.
 */
export interface StoreColumns {
  length: number
  /** Physical line of the source file each row started on (0 for rows not from a file). */
  line: Uint32Array
  /** Date codes (see core/date.ts). */
  date: Int32Array
  counts: Record<CountColumn, Int32Array>
  categories: Record<CategoryColumn, CategoryData>
  texts: Record<TextColumn, TextData>
  /** Names of the file's columns outside our schema, in file order, and their values. */
  extraNames: string[]
  extras: ExtraData[]
}

/**
 * A file's own column that one of ours is read from as it is (a column mapping keeps every column
 * of the file under its own name): held as that column of ours plus the rows where the file's
 * text differs (spaces around it, a missing-value token, a formula escape), so that a mapped
 * file's columns are not stored twice. Read it with extraValue, or whole with extraText
 * (core/store/repeat).
 */
export interface RepeatData {
  /** The column of ours it repeats: an index into [...CATEGORY_COLUMNS, ...TEXT_COLUMNS]. */
  repeats: number
  /** Rows whose own text differs from that column's, ascending, and their texts in that order. */
  rows: Uint32Array
  values: TextData
}

/** An extra column: its own text per row, or a column of ours it repeats. */
export type ExtraData = TextData | RepeatData

export function isRepeat(data: ExtraData): data is RepeatData {
  return 'repeats' in data
}

/** Where `row` is in ascending `rows`, or -1. */
export function indexOfRow(rows: Uint32Array, row: number): number {
  let low = 0
  let high = rows.length - 1
  while (low <= high) {
    const middle = (low + high) >>> 1
    const at = rows[middle] as number
    if (at === row) return middle
    if (at < row) low = middle + 1
    else high = middle - 1
  }
  return -1
}

/** The column of ours a repeat stands for. */
export function repeatedColumn(data: RepeatData): CategoryColumn | TextColumn {
  const slot = data.repeats
  const column =
    slot < CATEGORY_COLUMNS.length
      ? CATEGORY_COLUMNS[slot]
      : TEXT_COLUMNS[slot - CATEGORY_COLUMNS.length]
  if (column === undefined) throw new RangeError(`No column of ours at ${slot}`)
  return column
}

/** Row `row`'s text in extra column `index` ('' when the column has no such row). */
export function extraValue(columns: StoreColumns, index: number, row: number): string {
  const data = columns.extras[index]
  if (!data) return ''
  if (!isRepeat(data)) return decodeText(data, row)
  const own = indexOfRow(data.rows, row)
  if (own !== -1) return decodeText(data.values, own)
  const column = repeatedColumn(data)
  if (isCategoryColumn(column)) {
    const category = columns.categories[column]
    return labelAt(category, category.codes[row] ?? 0)
  }
  return decodeText(columns.texts[column], row)
}

export const isCategoryColumn = (column: string): column is CategoryColumn =>
  (CATEGORY_COLUMNS as readonly string[]).includes(column)

/** The typed arrays an extra column is held in (its text's, or a repeat's rows and texts). */
export function arraysOfExtra(data: ExtraData): (Uint8Array | Uint32Array)[] {
  return isRepeat(data)
    ? [data.rows, data.values.bytes, data.values.offsets]
    : [data.bytes, data.offsets]
}

// ignoreBOM: a value that starts with U+FEFF keeps it (the default decoder would drop it).
const decoder = new TextDecoder('utf-8', { ignoreBOM: true })

function decodeText(data: TextData, row: number): string {
  const start = data.offsets[row] ?? 0
  const end = data.offsets[row + 1] ?? start
  return start === end ? '' : decoder.decode(data.bytes.subarray(start, end))
}

/** Read access to the dataset. Cheap to create: it only wraps its columns. */
export class CasualtyStore {
  readonly columns: StoreColumns

  constructor(columns: StoreColumns) {
    this.columns = columns
  }

  get length(): number {
    return this.columns.length
  }

  get extraNames(): readonly string[] {
    return this.columns.extraNames
  }

  /** A count, or null when the source gives none. */
  count(column: CountColumn, row: number): number | null {
    const value = this.columns.counts[column][row] ?? NO_COUNT
    return value === NO_COUNT ? null : value
  }

  category(column: CategoryColumn, row: number): string {
    const data = this.columns.categories[column]
    return labelAt(data, data.codes[row] ?? 0)
  }

  text(column: TextColumn, row: number): string {
    return decodeText(this.columns.texts[column], row)
  }

  dateCode(row: number): number {
    return this.columns.date[row] ?? 0
  }

  line(row: number): number {
    return this.columns.line[row] ?? 0
  }

  /** One row as a record: for the table page, an export, a test. Not for loops over all rows. */
  record(row: number): CasualtyRecord {
    const record = emptyRecord()
    for (const column of CATEGORY_COLUMNS) record[column] = this.category(column, row)
    for (const column of TEXT_COLUMNS) record[column] = this.text(column, row)
    for (const column of COUNT_COLUMNS) record[column] = this.count(column, row)
    record.date = formatIsoDate(this.dateCode(row))
    this.columns.extraNames.forEach((name, index) => {
      Object.defineProperty(record.extra, name, {
        value: extraValue(this.columns, index, row),
        enumerable: true,
        writable: true,
        configurable: true,
      })
    })
    return record
  }

  /** All records, in order. Meant for small data and tests. */
  records(): CasualtyRecord[] {
    return Array.from({ length: this.length }, (_, row) => this.record(row))
  }
}

/**
 * The ArrayBuffers behind a store's typed arrays, to list as transferables in postMessage (a
 * dictionary's labels are strings here; core/store/transfer packs them into buffers too).
 */
export function transferablesOf(
  columns: Omit<StoreColumns, 'categories'> & {
    categories: Record<CategoryColumn, { codes: Uint32Array }>
  },
): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>()
  const add = (array: ArrayBufferView) => buffers.add(array.buffer as ArrayBuffer)
  add(columns.line)
  add(columns.date)
  for (const column of COUNT_COLUMNS) add(columns.counts[column])
  for (const column of CATEGORY_COLUMNS) add(columns.categories[column].codes)
  for (const data of [...TEXT_COLUMNS.map((c) => columns.texts[c]), ...columns.extras]) {
    for (const array of arraysOfExtra(data)) add(array)
  }
  return [...buffers]
}

// Rows per label of each dictionary-coded column, counted once: columns never change.
const labelCountCache = new WeakMap<CategoryData, Uint32Array>()

/**
 * How many rows carry each label of a dictionary-coded column (index: code), counted once per
 * column and shared: do not modify the result.
 */
export function labelCounts(data: CategoryData): Uint32Array {
  return runSteps(labelCountsInSteps(data))
}

/**
 * Keeps `counts` as the rows per label of `data` (the import counts them when it finishes a
 * dictionary), where there is one count per label.
 */
export function knowLabelCounts(data: CategoryData, counts: Uint32Array): void {
  if (counts.length === labelCount(data)) labelCountCache.set(data, counts)
}

/** The rows per label of `data` where they are known already; else undefined. */
export function knownLabelCounts(data: CategoryData): Uint32Array | undefined {
  return labelCountCache.get(data)
}

/** Rows counted per step of labelCountsInSteps. */
const COUNT_STEP = 1 << 16

/** labelCounts in steps, for the page to count a big store's labels early. */
export function* labelCountsInSteps(data: CategoryData): Steps<Uint32Array> {
  const cached = labelCountCache.get(data)
  if (cached) return cached
  const counts = new Uint32Array(labelCount(data))
  for (let from = 0; from < data.codes.length; from += COUNT_STEP) {
    countCodes(data.codes, from, Math.min(data.codes.length, from + COUNT_STEP), counts)
    if (from + COUNT_STEP < data.codes.length) yield
  }
  labelCountCache.set(data, counts)
  return counts
}

// A plain function: V8 optimizes its loop, not one inside a generator.
function countCodes(codes: Uint32Array, from: number, to: number, counts: Uint32Array): void {
  for (let i = from; i < to; i++) counts[codes[i] as number]!++
}
