// The in-memory dataset: columnar, not an array of row objects. Counts and dates are typed arrays,
// repeated labels are dictionary-coded, long text is UTF-8 bytes with offsets decoded on demand.
// Row objects take ~2.7x a file's size and seconds to cross from a worker; these columns take a
// fraction of it and transfer in milliseconds (PERFORMANCE-NOTES). The rest of the app asks the
// store for what it needs (a count, a label, one row for the table) instead of holding rows.

import { formatIsoDate, parseIsoDate } from './date'
import {
  CATEGORY_COLUMNS,
  COUNT_COLUMNS,
  TEXT_COLUMNS,
  emptyRecord,
  type CasualtyRecord,
  type CategoryColumn,
  type CountColumn,
  type TextColumn,
} from './schema'

/** Marks an empty count in an Int32Array column: "not given", never zero. */
export const NO_COUNT = -1

/** A dictionary-coded column: `values[codes[i]]` is row i's label. */
export interface CategoryData {
  codes: Uint32Array
  values: string[]
}

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
  extras: TextData[]
}

// ignoreBOM: a value that starts with U+FEFF keeps it (the default decoder would drop it).
const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
const encoder = new TextEncoder()

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
    return data.values[data.codes[row] ?? 0] ?? ''
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
      const data = this.columns.extras[index]
      Object.defineProperty(record.extra, name, {
        value: data ? decodeText(data, row) : '',
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

/** The ArrayBuffers behind a store's columns, to list as transferables in postMessage. */
export function transferablesOf(columns: StoreColumns): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>()
  const add = (array: ArrayBufferView) => buffers.add(array.buffer as ArrayBuffer)
  add(columns.line)
  add(columns.date)
  for (const column of COUNT_COLUMNS) add(columns.counts[column])
  for (const column of CATEGORY_COLUMNS) add(columns.categories[column].codes)
  for (const data of [...TEXT_COLUMNS.map((c) => columns.texts[c]), ...columns.extras]) {
    add(data.bytes)
    add(data.offsets)
  }
  return [...buffers]
}

/** A growable Int32/Uint32 column. */
class GrowableInts<T extends Int32Array | Uint32Array> {
  array: T
  length = 0
  constructor(private readonly make: (size: number) => T) {
    this.array = make(1024)
  }
  push(value: number): void {
    if (this.length === this.array.length) {
      const bigger = this.make(this.array.length * 2)
      bigger.set(this.array)
      this.array = bigger
    }
    this.array[this.length++] = value
  }
  finish(): T {
    return this.array.slice(0, this.length) as T
  }
}

/** A growable text column. */
class TextBuilder {
  bytes = new Uint8Array(4096)
  used = 0
  offsets = new GrowableInts((n) => new Uint32Array(n))
  constructor() {
    this.offsets.push(0)
  }
  push(value: string): void {
    if (value !== '') {
      // A UTF-16 unit becomes at most 3 UTF-8 bytes.
      const need = this.used + value.length * 3
      if (need > this.bytes.length) {
        const bigger = new Uint8Array(Math.max(need, this.bytes.length * 2))
        bigger.set(this.bytes.subarray(0, this.used))
        this.bytes = bigger
      }
      this.used += encoder.encodeInto(value, this.bytes.subarray(this.used)).written
    }
    this.offsets.push(this.used)
  }
  finish(): TextData {
    return { bytes: this.bytes.slice(0, this.used), offsets: this.offsets.finish() }
  }
}

/** A growable dictionary-coded column. */
class CategoryBuilder {
  codes = new GrowableInts((n) => new Uint32Array(n))
  values: string[] = []
  index = new Map<string, number>()
  push(value: string): void {
    let code = this.index.get(value)
    if (code === undefined) {
      code = this.values.length
      this.values.push(value)
      this.index.set(value, code)
    }
    this.codes.push(code)
  }
  finish(): CategoryData {
    return { codes: this.codes.finish(), values: this.values }
  }
}

function mapColumns<K extends string, V>(keys: readonly K[], make: (key: K) => V): Record<K, V> {
  return Object.fromEntries(keys.map((key) => [key, make(key)])) as Record<K, V>
}

/** Builds a store row by row. Extra column names are fixed up front (the file's header). */
export class StoreBuilder {
  private readonly line = new GrowableInts((n) => new Uint32Array(n))
  private readonly date = new GrowableInts((n) => new Int32Array(n))
  private readonly counts = mapColumns(
    COUNT_COLUMNS,
    () => new GrowableInts((n) => new Int32Array(n)),
  )
  private readonly categories = mapColumns(CATEGORY_COLUMNS, () => new CategoryBuilder())
  private readonly texts = mapColumns(TEXT_COLUMNS, () => new TextBuilder())
  private readonly extras: TextBuilder[]
  private rows = 0

  constructor(private readonly extraNames: readonly string[] = []) {
    this.extras = extraNames.map(() => new TextBuilder())
  }

  get length(): number {
    return this.rows
  }

  /** Appends a valid record. Its date must be a valid ISO date (validateRow ensures it). */
  push(record: CasualtyRecord, line = 0): void {
    this.line.push(line)
    const date = parseIsoDate(record.date)
    this.date.push(date.ok ? date.code : 0)
    for (const column of COUNT_COLUMNS) this.counts[column].push(record[column] ?? NO_COUNT)
    for (const column of CATEGORY_COLUMNS) this.categories[column].push(record[column])
    for (const column of TEXT_COLUMNS) this.texts[column].push(record[column])
    this.extraNames.forEach((name, index) => {
      const value = Object.prototype.hasOwnProperty.call(record.extra, name)
        ? record.extra[name]
        : ''
      this.extras[index]?.push(value ?? '')
    })
    this.rows++
  }

  finish(): CasualtyStore {
    return new CasualtyStore({
      length: this.rows,
      line: this.line.finish(),
      date: this.date.finish(),
      counts: mapColumns(COUNT_COLUMNS, (c) => this.counts[c].finish()),
      categories: mapColumns(CATEGORY_COLUMNS, (c) => this.categories[c].finish()),
      texts: mapColumns(TEXT_COLUMNS, (c) => this.texts[c].finish()),
      extraNames: [...this.extraNames],
      extras: this.extras.map((builder) => builder.finish()),
    })
  }
}

/** A store from records (tests, the extraction view's accepted rows). */
export function storeFromRecords(
  records: readonly CasualtyRecord[],
  extraNames?: readonly string[],
): CasualtyStore {
  const names = extraNames ?? [...new Set(records.flatMap((record) => Object.keys(record.extra)))]
  const builder = new StoreBuilder(names)
  for (const record of records) builder.push(record)
  return builder.finish()
}

/** Rows of `a` then rows of `b`; extra columns are the union, in order of first appearance. */
export function concatStores(a: CasualtyStore, b: CasualtyStore): CasualtyStore {
  const names = [...new Set([...a.extraNames, ...b.extraNames])]
  const builder = new StoreBuilder(names)
  for (const store of [a, b]) {
    for (let row = 0; row < store.length; row++) builder.push(store.record(row), store.line(row))
  }
  return builder.finish()
}
