// The in-memory dataset: columnar, not an array of row objects. Counts and dates are typed arrays,
// repeated labels are dictionary-coded, long text is UTF-8 bytes with offsets decoded on demand.
// Row objects take ~2.7x a file's size and seconds to cross from a worker; these columns take a
// fraction of it and transfer in milliseconds (PERFORMANCE-NOTES). The rest of the app asks the
// store for what it needs (a count, a label, one row for the table) instead of holding rows.

import { copyUnescaped } from '../csv/bytes'
import {
  labelAt,
  labelCount,
  labelsInRange,
  packStrings,
  packedCount,
  type PackedStrings,
} from './packedStrings'
import { STEP_ROWS, runSteps, type Steps } from '../steps'
import { formatIsoDate, parseIsoDate } from '../date'
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

export { labelAt, labelCount, labelsInRange }

/**
 * A dictionary-coded column: label `codes[i]` is row i's label. The labels are `values`, or, when
 * `packed` is given, its UTF-8 (`values` is then empty): a dictionary with about one label per row
 * (incident_id) stays packed on the page (core/packedStrings). Read labels with labelCount and
 * labelAt, never `values` directly, wherever a packed dictionary can come.
 */
export interface CategoryData {
  codes: Uint32Array
  values: string[]
  packed?: PackedStrings
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

/**
 * The ArrayBuffers behind a store's typed arrays, to list as transferables in postMessage (a
 * dictionary's labels are strings here; core/transfer packs them into buffers too).
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
    add(data.bytes)
    add(data.offsets)
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

const INT_BLOCK = 1 << 16

/**
 * A growable Int32/Uint32 column, in blocks joined once at the end: growing never copies, and the
 * join holds one column twice for a moment, never the whole store.
 */
class GrowableInts<T extends Int32Array | Uint32Array> {
  private blocks: T[] = []
  private block: T
  private used = 0
  length = 0
  constructor(private readonly make: (size: number) => T) {
    this.block = make(1024)
  }
  push(value: number): void {
    if (this.used === this.block.length) {
      this.blocks.push(this.block)
      this.block = this.make(Math.min(INT_BLOCK, this.block.length * 2))
      this.used = 0
    }
    this.block[this.used++] = value
    this.length++
  }
  finish(): T {
    const out = this.make(this.length)
    let at = 0
    for (const block of this.blocks) {
      out.set(block, at)
      at += block.length
    }
    out.set(this.block.subarray(0, this.used), at)
    this.blocks = []
    return out
  }
}

const STAGE_BYTES = 1 << 20

// Can TextDecoder read a view of a resizable ArrayBuffer here? Node's can; browsers' cannot.
const RESIZABLE_VIEWS_DECODE = ((): boolean => {
  try {
    const Resizable = ArrayBuffer as unknown as new (
      size: number,
      options: { maxByteLength: number },
    ) => ArrayBuffer
    new TextDecoder().decode(new Uint8Array(new Resizable(1, { maxByteLength: 2 })))
    return true
  } catch {
    return false
  }
})()

function fixedLength(buffer: ArrayBuffer, size: number): ArrayBuffer {
  const transfer = (
    buffer as ArrayBuffer & { transferToFixedLength?: (size: number) => ArrayBuffer }
  ).transferToFixedLength
  return transfer ? transfer.call(buffer, size) : buffer.slice(0, size)
}
const MAX_TEXT_BYTES = 2 ** 32 - 1

// A byte buffer that grows in place when the platform has resizable ArrayBuffers (Node 20,
// Chromium 111+): pages are committed as it grows, and it is cut to size at the end without a
// copy, so a column of text never exists twice. Elsewhere it grows by copying.
function growableBuffer(): { buffer: ArrayBuffer; resizable: boolean } {
  try {
    const Resizable = ArrayBuffer as unknown as new (
      size: number,
      options: { maxByteLength: number },
    ) => ArrayBuffer & { resizable: boolean }
    const buffer = new Resizable(0, { maxByteLength: MAX_TEXT_BYTES })
    if (buffer.resizable) return { buffer, resizable: true }
  } catch {
    // no resizable buffers here
  }
  return { buffer: new ArrayBuffer(0), resizable: false }
}

/**
 * A growable text column. Values are written into a small plain block (fast to write byte by
 * byte; element access to resizable buffers is slower), which is appended to the column's
 * growable buffer whenever it fills.
 */
class TextBuilder {
  private stage = new Uint8Array(4096)
  private used = 0
  private store = growableBuffer()
  private stored = 0
  offsets = new GrowableInts((n) => new Uint32Array(n))
  constructor() {
    this.offsets.push(0)
  }
  private flush(): void {
    if (this.used === 0) return
    const need = this.stored + this.used
    let { buffer } = this.store
    if (need > buffer.byteLength) {
      const size = Math.min(MAX_TEXT_BYTES, Math.max(need, Math.ceil(buffer.byteLength * 1.5)))
      if (this.store.resizable) {
        ;(buffer as ArrayBuffer & { resize(size: number): void }).resize(size)
      } else {
        const bigger = new ArrayBuffer(size)
        new Uint8Array(bigger).set(new Uint8Array(buffer, 0, this.stored))
        buffer = bigger
        this.store = { buffer, resizable: false }
      }
    }
    new Uint8Array(buffer, this.stored, this.used).set(this.stage.subarray(0, this.used))
    this.stored += this.used
    this.used = 0
  }
  private reserve(size: number): void {
    if (this.used + size <= this.stage.length) return
    this.flush()
    if (size > this.stage.length) {
      this.stage = new Uint8Array(Math.max(size, Math.min(STAGE_BYTES, this.stage.length * 2)))
    } else if (this.stage.length < STAGE_BYTES) {
      this.stage = new Uint8Array(Math.min(STAGE_BYTES, this.stage.length * 4))
    }
  }
  push(value: string): void {
    if (value !== '') {
      // A UTF-16 unit becomes at most 3 UTF-8 bytes.
      this.reserve(value.length * 3)
      this.used += encoder.encodeInto(value, this.stage.subarray(this.used)).written
    }
    this.offsets.push(this.stored + this.used)
  }
  /** Appends UTF-8 bytes as they are, or with CSV's `""` pairs undone. */
  pushBytes(source: Uint8Array, start: number, end: number, escaped: boolean): void {
    if (end > start) {
      this.reserve(end - start)
      const stage = this.stage
      if (escaped) {
        this.used = copyUnescaped(source, start, end, stage, this.used)
      } else if (end - start < 64) {
        let at = this.used
        for (let i = start; i < end; i++) stage[at++] = source[i] as number
        this.used = at
      } else {
        stage.set(source.subarray(start, end), this.used)
        this.used += end - start
      }
    }
    this.offsets.push(this.stored + this.used)
  }
  finish(): TextData {
    this.flush()
    let { buffer } = this.store
    if (this.store.resizable) {
      ;(buffer as ArrayBuffer & { resize(size: number): void }).resize(this.stored)
      // Browsers' TextDecoder refuses views of resizable buffers (Node's accepts them): there,
      // make it a plain buffer (Chromium copies it: one column held twice for a moment).
      if (!RESIZABLE_VIEWS_DECODE) buffer = fixedLength(buffer, this.stored)
    } else if (buffer.byteLength !== this.stored) {
      buffer = buffer.slice(0, this.stored)
    }
    this.store = { buffer: new ArrayBuffer(0), resizable: false }
    this.stage = new Uint8Array(0)
    return { bytes: new Uint8Array(buffer, 0, this.stored), offsets: this.offsets.finish() }
  }
}

/**
 * An open-addressing hash set of byte strings, numbered in order of first appearance. Labels are
 * looked up by their UTF-8 bytes, so a label seen before costs no string at all.
 */
export class ByteKeys {
  private arena = new Uint8Array(4096)
  private used = 0
  private starts = new Int32Array(256)
  private hashes = new Int32Array(256)
  private table = new Int32Array(512)
  size = 0

  private hash(bytes: Uint8Array, start: number, end: number): number {
    let h = 0x811c9dc5 | 0
    for (let i = start; i < end; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193)
    return h
  }

  /** Is key number `key` the bytes `bytes[start..end]`? */
  equals(key: number, bytes: Uint8Array, start: number, end: number): boolean {
    const from = this.starts[key] as number
    const to = key + 1 < this.size ? (this.starts[key + 1] as number) : this.used
    if (to - from !== end - start) return false
    for (let i = 0; i < to - from; i++) if (this.arena[from + i] !== bytes[start + i]) return false
    return true
  }

  /** The number of the key `bytes[start..end]`, adding it when new; `added` says which. */
  find(bytes: Uint8Array, start: number, end: number): number {
    const h = this.hash(bytes, start, end)
    const mask = this.table.length - 1
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot] as number
      if (entry === 0) break
      if (this.hashes[entry - 1] === h && this.equals(entry - 1, bytes, start, end)) {
        this.added = false
        return entry - 1
      }
    }
    return this.add(bytes, start, end, h)
  }

  added = false
  /** Has any key a byte outside ASCII? */
  private nonAscii = false

  /** Every key as a string, in number order. */
  strings(): string[] {
    const out: string[] = new Array<string>(this.size)
    if (!this.nonAscii) {
      // One decode for all keys, then a substring each: keys are the whole arena, so the
      // substrings share it without keeping anything else alive.
      const all = stringOfBytes(this.arena, 0, this.used)
      for (let key = 0; key < this.size; key++) {
        const start = this.starts[key] as number
        const end = key + 1 < this.size ? (this.starts[key + 1] as number) : this.used
        out[key] = all.substring(start, end)
      }
      return out
    }
    for (let key = 0; key < this.size; key++) {
      const start = this.starts[key] as number
      const end = key + 1 < this.size ? (this.starts[key + 1] as number) : this.used
      out[key] = stringOfBytes(this.arena, start, end)
    }
    return out
  }

  private add(bytes: Uint8Array, start: number, end: number, h: number): number {
    const key = this.size++
    if (key === this.starts.length) {
      const starts = new Int32Array(key * 2)
      const hashes = new Int32Array(key * 2)
      starts.set(this.starts)
      hashes.set(this.hashes)
      this.starts = starts
      this.hashes = hashes
    }
    if (this.used + end - start > this.arena.length) {
      const arena = new Uint8Array(Math.max(this.arena.length * 2, this.used + end - start))
      arena.set(this.arena.subarray(0, this.used))
      this.arena = arena
    }
    const arena = this.arena
    let at = this.used
    for (let i = start; i < end; i++) {
      const b = bytes[i] as number
      if (b >= 0x80) this.nonAscii = true
      arena[at++] = b
    }
    this.starts[key] = this.used
    this.hashes[key] = h
    this.used += end - start
    if (this.size * 2 > this.table.length) this.rehash()
    else this.place(key)
    this.added = true
    return key
  }

  private place(key: number): void {
    const mask = this.table.length - 1
    let slot = (this.hashes[key] as number) & mask
    while (this.table[slot] !== 0) slot = (slot + 1) & mask
    this.table[slot] = key + 1
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2)
    for (let key = 0; key < this.size; key++) this.place(key)
  }
}

const keyScratch = { bytes: new Uint8Array(1024) }

/** `value` as UTF-8 in a shared scratch buffer; returns the byte length. */
function encodeScratch(value: string): number {
  if (keyScratch.bytes.length < value.length * 3)
    keyScratch.bytes = new Uint8Array(value.length * 3)
  return encoder.encodeInto(value, keyScratch.bytes).written
}

// A fresh string for bytes (never a slice of a bigger string: V8 slices keep their parent alive,
// and a label must not keep a whole file chunk).
function stringOfBytes(bytes: Uint8Array, start: number, end: number): string {
  return decoder.decode(bytes.subarray(start, end))
}

/** A growable dictionary-coded column. */
class CategoryBuilder {
  codes = new GrowableInts((n) => new Uint32Array(n))
  private readonly keys = new ByteKeys()
  private last = -1
  push(value: string): void {
    const length = encodeScratch(value)
    this.pushBytes(keyScratch.bytes, 0, length)
  }
  pushBytes(source: Uint8Array, start: number, end: number, escaped = false): void {
    let bytes = source
    if (escaped) {
      if (keyScratch.bytes.length < end - start) keyScratch.bytes = new Uint8Array(end - start)
      bytes = keyScratch.bytes
      end = copyUnescaped(source, start, end, bytes, 0)
      start = 0
    }
    // Neighbouring rows often share a label (an incident's rows, a sorted file): check it first.
    let code = this.last
    if (code === -1 || !this.keys.equals(code, bytes, start, end)) {
      code = this.keys.find(bytes, start, end)
      this.last = code
    }
    this.codes.push(code)
  }
  finish(): CategoryData {
    // The labels become strings once, at the end: a million distinct incident ids cost one
    // decode, not a million.
    return { codes: this.codes.finish(), values: this.keys.strings() }
  }
}

function mapColumns<K extends string, V>(keys: readonly K[], make: (key: K) => V): Record<K, V> {
  return Object.fromEntries(keys.map((key) => [key, make(key)])) as Record<K, V>
}

/**
 * One valid row as byte ranges into `bytes`: the category columns (CATEGORY_COLUMNS order), then
 * the text columns (TEXT_COLUMNS order), then the extra columns, each already trimmed as
 * validation trims; `escaped[i]` is 1 when the range still holds CSV's `""` pairs.
 */
export interface RowRanges {
  bytes: Uint8Array
  line: number
  date: number
  /** In COUNT_COLUMNS order, NO_COUNT for empty. */
  counts: Int32Array
  starts: Int32Array
  ends: Int32Array
  escaped: Uint8Array
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
  private readonly countList = COUNT_COLUMNS.map((c) => this.counts[c])
  private readonly categoryList = CATEGORY_COLUMNS.map((c) => this.categories[c])
  private readonly textList = TEXT_COLUMNS.map((c) => this.texts[c])
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

  /** Appends a valid row given as byte ranges of its fields (the import's fast path). */
  pushRanges(row: RowRanges): void {
    const { bytes, starts, ends, escaped } = row
    this.line.push(row.line)
    this.date.push(row.date)
    for (let i = 0; i < COUNT_COLUMNS.length; i++) {
      this.countList[i]?.push(row.counts[i] ?? NO_COUNT)
    }
    let at = 0
    for (const builder of this.categoryList) {
      builder.pushBytes(bytes, starts[at] ?? 0, ends[at] ?? 0, escaped[at] === 1)
      at++
    }
    for (const builder of this.textList) {
      builder.pushBytes(bytes, starts[at] ?? 0, ends[at] ?? 0, escaped[at] === 1)
      at++
    }
    for (const builder of this.extras) {
      builder.pushBytes(bytes, starts[at] ?? 0, ends[at] ?? 0, escaped[at] === 1)
      at++
    }
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
  return runSteps(concatStoresInSteps(a, b))
}

/** Values looked up or copied per step of concatStoresInSteps; rows go STEP_ROWS at a time. */
const CONCAT_VALUES = 1 << 15
/** Bytes copied per step. */
const CONCAT_BYTES = 1 << 24
const NO_CODE = 0xffffffff

/**
 * concatStores column by column, in steps (core/steps): typed arrays are copied, `b`'s labels
 * coded into `a`'s dictionaries (new labels after `a`'s, in `b`'s order), text bytes appended.
 * Its records are `a`'s then `b`'s, as adding them one by one would give.
 */
export function* concatStoresInSteps(a: CasualtyStore, b: CasualtyStore): Steps<CasualtyStore> {
  const x = a.columns
  const y = b.columns
  const length = x.length + y.length
  const join = <T extends Int32Array | Uint32Array>(first: T, second: T, out: T): T => {
    out.set(first.subarray(0, x.length))
    out.set(second.subarray(0, y.length), x.length)
    return out
  }
  const line = join(x.line, y.line, new Uint32Array(length))
  const date = join(x.date, y.date, new Int32Array(length))
  const counts = {} as Record<CountColumn, Int32Array>
  for (const column of COUNT_COLUMNS) {
    counts[column] = join(x.counts[column], y.counts[column], new Int32Array(length))
  }
  yield
  const categories = {} as Record<CategoryColumn, CategoryData>
  for (const column of CATEGORY_COLUMNS) {
    categories[column] = yield* concatCategory(
      x.categories[column],
      x.length,
      y.categories[column],
      y.length,
    )
  }
  const texts = {} as Record<TextColumn, TextData>
  for (const column of TEXT_COLUMNS) {
    texts[column] = yield* concatText(x.texts[column], x.length, y.texts[column], y.length)
  }
  const extraNames = [...new Set([...x.extraNames, ...y.extraNames])]
  const extras: TextData[] = []
  for (const name of extraNames) {
    const first = x.extras[x.extraNames.indexOf(name)]
    const second = y.extras[y.extraNames.indexOf(name)]
    extras.push(yield* concatText(first, x.length, second, y.length))
  }
  return new CasualtyStore({ length, line, date, counts, categories, texts, extraNames, extras })
}

/** Calls `each` for every label of a dictionary, CONCAT_VALUES of them per step. */
function* eachInSteps(
  data: CategoryData,
  each: (value: string, code: number) => void,
): Steps<void> {
  const count = labelCount(data)
  for (let from = 0; from < count; from += CONCAT_VALUES) {
    const to = Math.min(count, from + CONCAT_VALUES)
    // A packed dictionary's labels are decoded a step at a time and dropped after it.
    if (data.packed) eachInRange(labelsInRange(data, from, to), from, from, to, each)
    else eachInRange(data.values, 0, from, to, each)
    yield
  }
}

// One dictionary-coded column of both stores. The Map indexes the smaller dictionary: adding one
// row to a million-row store looks up the million labels once, never builds a million-entry Map.
// When either dictionary is packed, so is the result (a's bytes, then b's new labels' bytes).
function* concatCategory(
  a: CategoryData,
  aRows: number,
  b: CategoryData,
  bRows: number,
): Steps<CategoryData> {
  const codes = new Uint32Array(aRows + bRows)
  codes.set(a.codes.subarray(0, aRows))
  if ((a.packed ?? a.values) === (b.packed ?? b.values)) {
    codes.set(b.codes.subarray(0, bRows), aRows)
    return a.packed ? { codes, values: [], packed: a.packed } : { codes, values: a.values }
  }
  const aCount = labelCount(a)
  const bCount = labelCount(b)
  // remap[code in b] = code in the result, whose labels are a's, then fromB's (codes in b)
  const remap = new Uint32Array(bCount).fill(NO_CODE)
  const fromB: number[] = []
  let count = aCount
  if (bCount <= aCount) {
    // b's labels, each with its first code in b
    const inB = new Map<string, number>()
    yield* eachInSteps(b, (value, code) => {
      if (!inB.has(value)) inB.set(value, code)
    })
    yield* eachInSteps(a, (value, code) => {
      const at = inB.get(value)
      if (at !== undefined && remap[at] === NO_CODE) remap[at] = code
    })
    yield* eachInSteps(b, (value, code) => {
      if (remap[code] !== NO_CODE) return
      const first = inB.get(value) as number
      // A label b holds twice (never from StoreBuilder) takes the code of its first copy.
      if (first !== code) {
        remap[code] = remap[first] as number
      } else {
        remap[code] = count++
        fromB.push(code)
      }
    })
  } else {
    // a's labels, each with its first code in a
    const inA = new Map<string, number>()
    yield* eachInSteps(a, (value, code) => {
      if (!inA.has(value)) inA.set(value, code)
    })
    yield* eachInSteps(b, (value, code) => {
      let at = inA.get(value)
      if (at === undefined) {
        at = count++
        fromB.push(code)
        inA.set(value, at)
      }
      remap[code] = at
    })
  }
  for (let from = 0; from < bRows; from += STEP_ROWS) {
    remapCodes(b.codes, remap, from, Math.min(bRows, from + STEP_ROWS), codes, aRows)
    yield
  }
  if (!a.packed && !b.packed) {
    return { codes, values: a.values.concat(fromB.map((code) => b.values[code] ?? '')) }
  }
  const packed = yield* joinPacked(
    a.packed ?? packStrings(a.values),
    b.packed ?? packStrings(b.values),
    fromB,
  )
  return { codes, values: [], packed }
}

// The labels of `a`, then labels `fromB` (codes) of `b`, packed; bytes copied in steps.
function* joinPacked(
  a: PackedStrings,
  b: PackedStrings,
  fromB: readonly number[],
): Steps<PackedStrings> {
  const aCount = packedCount(a)
  const aBytes = a.offsets[aCount] ?? 0
  let size = aBytes
  for (const code of fromB) size += (b.offsets[code + 1] as number) - (b.offsets[code] as number)
  if (size > MAX_TEXT_BYTES) {
    throw new RangeError('A column would exceed 4 GB: the files are too large to add up.')
  }
  const bytes = new Uint8Array(size)
  bytes.set(a.bytes.subarray(0, aBytes))
  const offsets = new Uint32Array(aCount + fromB.length + 1)
  offsets.set(a.offsets.subarray(0, aCount + 1))
  for (let from = 0; from < fromB.length; from += CONCAT_VALUES) {
    copyLabels(b, fromB, from, Math.min(fromB.length, from + CONCAT_VALUES), bytes, offsets, aCount)
    yield
  }
  return { bytes, offsets }
}

// The loops of a step in plain functions: V8 optimizes a loop here, not one inside a generator.
function remapCodes(
  codes: Uint32Array,
  remap: Uint32Array,
  from: number,
  to: number,
  out: Uint32Array,
  at: number,
): void {
  for (let row = from; row < to; row++) out[at + row] = remap[codes[row] as number] as number
}

function shiftOffsets(
  offsets: Uint32Array | undefined,
  by: number,
  from: number,
  to: number,
  out: Uint32Array,
  at: number,
): void {
  for (let row = from; row <= to; row++)
    out[at + row] = by + (offsets ? (offsets[row] as number) : 0)
}

// Calls `each` for codes from..to, whose labels are `values[code - first]`.
function eachInRange(
  values: readonly string[],
  first: number,
  from: number,
  to: number,
  each: (value: string, code: number) => void,
): void {
  for (let code = from; code < to; code++) each(values[code - first] as string, code)
}

// Appends labels fromB[from..to] of `b` after label `before` of `out`; each label's end offset
// goes to `offsets`, the offset of label `before` + i having been set.
function copyLabels(
  b: PackedStrings,
  fromB: readonly number[],
  from: number,
  to: number,
  bytes: Uint8Array,
  offsets: Uint32Array,
  before: number,
): void {
  let at = offsets[before + from] as number
  for (let i = from; i < to; i++) {
    const code = fromB[i] as number
    const end = b.offsets[code + 1] as number
    for (let byte = b.offsets[code] as number; byte < end; byte++)
      bytes[at++] = b.bytes[byte] as number
    offsets[before + i + 1] = at
  }
}

// One text column of both stores; a column one store lacks (an extra column) is empty there.
function* concatText(
  a: TextData | undefined,
  aRows: number,
  b: TextData | undefined,
  bRows: number,
): Steps<TextData> {
  const aBytes = a ? (a.offsets[aRows] ?? 0) : 0
  const bBytes = b ? (b.offsets[bRows] ?? 0) : 0
  if (aBytes + bBytes > MAX_TEXT_BYTES) {
    throw new RangeError('A text column would exceed 4 GB: the files are too large to add up.')
  }
  const bytes = new Uint8Array(aBytes + bBytes)
  for (const [source, size, at] of [
    [a, aBytes, 0],
    [b, bBytes, aBytes],
  ] as const) {
    for (let from = 0; source && from < size; from += CONCAT_BYTES) {
      bytes.set(source.bytes.subarray(from, Math.min(size, from + CONCAT_BYTES)), at + from)
      yield
    }
  }
  const offsets = new Uint32Array(aRows + bRows + 1)
  if (a) offsets.set(a.offsets.subarray(0, aRows + 1))
  for (let from = 1; from <= bRows; from += STEP_ROWS) {
    shiftOffsets(b?.offsets, aBytes, from, Math.min(bRows, from + STEP_ROWS - 1), offsets, aRows)
    yield
  }
  return { bytes, offsets }
}
