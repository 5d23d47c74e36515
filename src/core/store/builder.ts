// Builds a store row by row, as the import reads a file: typed columns that grow in blocks, text
// bytes copied as they are (a quoted field's `""` undone on the way), labels coded through a byte
// dictionary (ByteKeys) so that a label seen before costs no string.

import { copyUnescaped } from '../csv/bytes'
import { parseIsoDate } from '../date'
import {
  CATEGORY_COLUMNS,
  COUNT_COLUMNS,
  TEXT_COLUMNS,
  type CasualtyRecord,
  type CategoryColumn,
  type CountColumn,
  type TextColumn,
} from '../schema'
import { ByteKeys } from './byteKeys'
import {
  builtPackedLabels as built,
  packedCount,
  unpackRange,
  type PackedStrings,
} from './packedStrings'
import {
  CasualtyStore,
  MAX_TEXT_BYTES,
  labelCounts,
  NO_COUNT,
  type CategoryData,
  type ExtraData,
  type RepeatData,
  type TextData,
} from './store'

const encoder = new TextEncoder()

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
  /** Appends `values` (kept as a block until finish(), never copied before). */
  append(values: T): void {
    if (values.length === 0) return
    this.blocks.push(this.block.subarray(0, this.used) as T, values)
    this.length += values.length
    this.block = this.make(1024)
    this.used = 0
  }
  /** Appends `values[i] + by` for every i. */
  appendShifted(values: ArrayLike<number>, by: number): void {
    const shifted = this.make(values.length)
    for (let i = 0; i < values.length; i++) shifted[i] = (values[i] as number) + by
    this.append(shifted)
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

/**
 * How a text column takes another part's bytes (appendText, appendPart.ts): kept as they are and copied
 * with the column's own at its end, where that end copies the column anyway (browsers), else
 * copied in at once. A setting, so that tests in Node run the browsers' way too.
 */
export const appendedText = { copiedAtFinish: !RESIZABLE_VIEWS_DECODE }

function fixedLength(buffer: ArrayBuffer, size: number): ArrayBuffer {
  const transfer = (
    buffer as ArrayBuffer & { transferToFixedLength?: (size: number) => ArrayBuffer }
  ).transferToFixedLength
  return transfer ? transfer.call(buffer, size) : buffer.slice(0, size)
}

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
export class TextBuilder {
  private stage = new Uint8Array(4096)
  private used = 0
  private store = growableBuffer()
  /** Bytes of the column in `store` (appendPart.ts reads it). */
  stored = 0
  /**
   * Another part's bytes appended after ours (appendText), not copied until finish: where the
   * column must end as a plain buffer (browsers), each byte is then copied once.
   */
  appended: Uint8Array[] = []
  appendedBytes = 0
  offsets = new GrowableInts((n) => new Uint32Array(n))
  constructor() {
    this.offsets.push(0)
  }
  // Copies the appended parts' bytes after ours: before a value is pushed after them.
  private absorb(): void {
    const parts = this.appended
    this.appended = []
    this.appendedBytes = 0
    for (const bytes of parts) this.copyIn(bytes)
  }
  // The column's buffer, grown to `size` bytes when it holds fewer than `need` (in place where it
  // is resizable, else copied into a bigger one).
  private room(need: number, size = need): ArrayBuffer {
    const { buffer } = this.store
    if (need <= buffer.byteLength) return buffer
    if (this.store.resizable) {
      ;(buffer as ArrayBuffer & { resize(size: number): void }).resize(size)
      return buffer
    }
    const bigger = new ArrayBuffer(size)
    new Uint8Array(bigger).set(new Uint8Array(buffer, 0, this.stored))
    this.store = { buffer: bigger, resizable: false }
    return bigger
  }
  // Copies `bytes` after the column's stored bytes (flushed first).
  copyIn(bytes: Uint8Array): void {
    const buffer = this.room(this.stored + bytes.length)
    new Uint8Array(buffer, this.stored, bytes.length).set(bytes)
    this.stored += bytes.length
  }
  flush(): void {
    if (this.used === 0) return
    const need = this.stored + this.used
    const grown = Math.ceil(this.store.buffer.byteLength * 1.5)
    const buffer = this.room(need, Math.min(MAX_TEXT_BYTES, Math.max(need, grown)))
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
    if (this.appendedBytes !== 0) this.absorb()
    if (value !== '') {
      // A UTF-16 unit becomes at most 3 UTF-8 bytes.
      this.reserve(value.length * 3)
      this.used += encoder.encodeInto(value, this.stage.subarray(this.used)).written
    }
    this.offsets.push(this.stored + this.used)
  }
  /** Appends UTF-8 bytes as they are, or with CSV's `""` pairs undone. */
  pushBytes(source: Uint8Array, start: number, end: number, escaped: boolean): void {
    if (this.appendedBytes !== 0) this.absorb()
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
  /**
   * The column. `forPart`: it is a part that another builder appends (a file read in two), so it
   * may stay a resizable buffer, which that builder copies once, with its own bytes, at its end.
   */
  finish(forPart = false): TextData {
    return { bytes: this.finishBytes(forPart), offsets: this.finishOffsets() }
  }
  /** The column's offsets (final once the last value is pushed); once, as finishBytes. */
  finishOffsets(): Uint32Array {
    return this.offsets.finish()
  }
  /** The column's bytes (see finish). */
  finishBytes(forPart = false): Uint8Array {
    this.flush()
    let { buffer } = this.store
    const size = this.stored + this.appendedBytes
    if (this.appended.length > 0) {
      // Our bytes and the appended parts' copied once each, into the column's plain buffer.
      const whole = new Uint8Array(size)
      whole.set(new Uint8Array(buffer, 0, this.stored))
      let at = this.stored
      for (const bytes of this.appended) {
        whole.set(bytes, at)
        at += bytes.length
      }
      buffer = whole.buffer
      this.appended = []
      this.appendedBytes = 0
    } else if (this.store.resizable) {
      ;(buffer as ArrayBuffer & { resize(size: number): void }).resize(this.stored)
      // Browsers' TextDecoder refuses views of resizable buffers (Node's accepts them): there,
      // make it a plain buffer (Chromium copies it: one column held twice for a moment).
      if (!RESIZABLE_VIEWS_DECODE && !forPart) buffer = fixedLength(buffer, this.stored)
    } else if (buffer.byteLength !== this.stored) {
      buffer = buffer.slice(0, this.stored)
    }
    this.store = { buffer: new ArrayBuffer(0), resizable: false }
    this.stage = new Uint8Array(0)
    return new Uint8Array(buffer, 0, size)
  }
}

/** A built dictionary's labels as UTF-8 with offsets, made without strings; undefined for others. */
export function builtLabels(data: CategoryData): PackedStrings | undefined {
  return built.get(data)
}

const keyScratch = { bytes: new Uint8Array(1024) }

/** `value` as UTF-8 in a shared scratch buffer; returns the byte length. */
function encodeScratch(value: string): number {
  if (keyScratch.bytes.length < value.length * 3)
    keyScratch.bytes = new Uint8Array(value.length * 3)
  return encoder.encodeInto(value, keyScratch.bytes).written
}

/** See CategoryBuilder.lastChecks. */
const LAST_CHECKS = 1 << 12

/** A growable dictionary-coded column. */
export class CategoryBuilder {
  codes = new GrowableInts((n) => new Uint32Array(n))
  /**
   * Whether a row's label is first compared with the row before's: a budget that a miss spends
   * and a hit earns back eightfold. Where neighbours rarely share a label (an unsorted file),
   * the comparison stops after a few thousand rows: it was a miss for most rows, on top of the
   * lookup; where they often do, it goes on.
   */
  private lastChecks = LAST_CHECKS
  readonly keys = new ByteKeys()
  last = -1
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
    // Neighbouring rows often share a label (an incident's rows, a sorted file): check it first,
    // for as long as that finds it often enough (lastChecks counts down on a miss, up on a hit).
    let code = this.last
    if (this.lastChecks > 0 && code !== -1 && this.keys.equals(code, bytes, start, end)) {
      if (this.lastChecks < LAST_CHECKS) this.lastChecks += 8
    } else {
      if (this.lastChecks > 0) this.lastChecks--
      code = this.keys.find(bytes, start, end)
      this.last = code
    }
    this.codes.push(code)
  }
  /**
   * Our code per code of the column before ours, for rows where both read the same bytes (GTD's
   * targtype1_txt is both target_group and target_type): -1 where not known yet.
   */
  private twinCodes = new Int32Array(0)
  /**
   * Pushes the value the column `before` has just pushed for this row, read from the very same
   * bytes: its code maps to ours through twinCodes, with no dictionary lookup once known.
   */
  pushTwin(
    before: CategoryBuilder,
    source: Uint8Array,
    start: number,
    end: number,
    escaped: boolean,
  ) {
    const theirs = before.last
    if (theirs >= this.twinCodes.length) {
      const grown = new Int32Array(Math.max(64, 2 * (theirs + 1))).fill(-1)
      grown.set(this.twinCodes)
      this.twinCodes = grown
    }
    const code = this.twinCodes[theirs]!
    if (code === -1) {
      this.pushBytes(source, start, end, escaped)
      this.twinCodes[theirs] = this.last
      return
    }
    this.last = code
    this.codes.push(code)
  }
  /** The column; `forPart`: a part another builder appends, which counts the rows per label. */
  finish(forPart = false): CategoryData {
    // The labels stay the dictionary's UTF-8 bytes until `values` is first read, then become
    // strings at once (one decode, then substrings): the import worker sends the bytes as they
    // are (builtLabels), and a million distinct incident ids are never made strings there.
    const packed = this.keys.packed()
    const data = { codes: this.codes.finish() } as CategoryData
    let values: string[] | null = null
    Object.defineProperty(data, 'values', {
      enumerable: true,
      configurable: true,
      get: () => {
        if (values === null) {
          values = []
          unpackRange(packed, 0, packedCount(packed), values)
        }
        return values
      },
      set: (next: string[]) => {
        values = next
        built.delete(data)
      },
    })
    built.set(data, packed)
    // Rows per label (the filter lists show them), counted here in one tight pass (about 1 ns a
    // row) rather than on the page, or as each row comes (a few ns a row, in the reading); kept
    // with the column, and sent with it to the page.
    if (!forPart) labelCounts(data)
    return data
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

/** Columns as a builder made them, with every dictionary's labels as UTF-8 (packed). */
export interface PartColumns {
  length: number
  line: Uint32Array
  date: Int32Array
  counts: Record<CountColumn, Int32Array>
  categories: Record<CategoryColumn, { codes: Uint32Array; values: PackedStrings }>
  texts: Record<TextColumn, TextData>
  extraNames: readonly string[]
  extras: ExtraData[]
}

/**
 * An extra column that repeats a column of our schema (a mapped file's own column, kept under its
 * own name, that one of ours is read from as it is): only the rows where its value differs (the
 * field had spaces around it, a missing-value token, the checked path changed it) are kept, and
 * the store holds it as a RepeatData, never as a second copy of the column.
 */
export class EchoBuilder {
  /** Rows whose value differs from the schema column's, ascending, and their values. */
  private readonly rows = new GrowableInts((n) => new Uint32Array(n))
  private readonly values = new TextBuilder()

  constructor(
    /** The schema column's slot in a row's ranges: categories, then texts (RowRanges). */
    readonly slot: number,
  ) {}

  /** Keeps row `row`'s own value, given as bytes. */
  differsBytes(row: number, source: Uint8Array, start: number, end: number, escaped: boolean) {
    this.rows.push(row)
    this.values.pushBytes(source, start, end, escaped)
  }

  /** Keeps row `row`'s own value. */
  differs(row: number, value: string): void {
    this.rows.push(row)
    this.values.push(value)
  }

  /** The column, as the column of ours it repeats and the rows where it keeps its own text. */
  finish(forPart = false): RepeatData {
    return { repeats: this.slot, rows: this.rows.finish(), values: this.values.finish(forPart) }
  }
}

// The value a record gives the schema column at `slot` (RowRanges: categories, then texts).
function schemaValue(record: CasualtyRecord, slot: number): string {
  return slot < CATEGORY_COLUMNS.length
    ? record[CATEGORY_COLUMNS[slot]!]
    : record[TEXT_COLUMNS[slot - CATEGORY_COLUMNS.length]!]
}

/** Builds a store row by row. Extra column names are fixed up front (the file's header). */
export class StoreBuilder {
  // The columns' builders, read by appendPart.ts too (a part appended).
  readonly line = new GrowableInts((n) => new Uint32Array(n))
  readonly date = new GrowableInts((n) => new Int32Array(n))
  readonly counts = mapColumns(COUNT_COLUMNS, () => new GrowableInts((n) => new Int32Array(n)))
  readonly categories = mapColumns(CATEGORY_COLUMNS, () => new CategoryBuilder())
  readonly texts = mapColumns(TEXT_COLUMNS, () => new TextBuilder())
  readonly extras: (TextBuilder | EchoBuilder)[]
  private readonly countList = COUNT_COLUMNS.map((c) => this.counts[c])
  private readonly categoryList = CATEGORY_COLUMNS.map((c) => this.categories[c])
  private readonly textList = TEXT_COLUMNS.map((c) => this.texts[c])
  rows = 0

  constructor(
    readonly extraNames: readonly string[] = [],
    /**
     * Per extra column: the slot (RowRanges: categories, then texts) of the schema column that
     * repeats it, read from the same field as it is; -1 for none. Such a column is kept as a
     * RepeatData (EchoBuilder).
     */
    echoes: readonly number[] = [],
  ) {
    this.extras = extraNames.map((_, index) =>
      (echoes[index] ?? -1) >= 0 ? new EchoBuilder(echoes[index]!) : new TextBuilder(),
    )
    const first = CATEGORY_COLUMNS.length + TEXT_COLUMNS.length
    this.extras.forEach((builder, index) => {
      if (builder instanceof TextBuilder) this.ownExtras.push({ builder, at: first + index })
      else this.echoExtras.push({ builder, at: first + index })
    })
  }
  /** The extra columns kept as they are and those that repeat a schema column, with their slots. */
  private readonly ownExtras: { builder: TextBuilder; at: number }[] = []
  private readonly echoExtras: { builder: EchoBuilder; at: number }[] = []

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
        ? (record.extra[name] ?? '')
        : ''
      const builder = this.extras[index]!
      if (builder instanceof TextBuilder) builder.push(value)
      else if (value !== schemaValue(record, builder.slot)) builder.differs(this.rows, value)
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
      const start = starts[at] ?? 0
      const end = ends[at] ?? 0
      // A column read from the same field as the one before it takes its code through that one's.
      if (at > 0 && end > start && start === starts[at - 1] && end === ends[at - 1]) {
        builder.pushTwin(this.categoryList[at - 1]!, bytes, start, end, escaped[at] === 1)
      } else builder.pushBytes(bytes, start, end, escaped[at] === 1)
      at++
    }
    for (const builder of this.textList) {
      builder.pushBytes(bytes, starts[at] ?? 0, ends[at] ?? 0, escaped[at] === 1)
      at++
    }
    for (const { builder, at } of this.ownExtras) {
      builder.pushBytes(bytes, starts[at] ?? 0, ends[at] ?? 0, escaped[at] === 1)
    }
    for (const { builder, at } of this.echoExtras) {
      const slot = builder.slot
      // The schema column took the same field, trimmed: the same bytes unless it had spaces.
      if (starts[at] !== starts[slot] || ends[at] !== ends[slot]) {
        builder.differsBytes(this.rows, bytes, starts[at]!, ends[at]!, escaped[at] === 1)
      }
    }
    this.rows++
  }

  /**
   * The store. `forPart`: its columns are a part that another builder appends (appendPart), and its
   * text may stay in resizable buffers (TextBuilder.finish): not a store to show or decode.
   */
  finish(forPart = false): CasualtyStore {
    return this.finishWithTexts(forPart, false)
  }
  /**
   * The store with its text columns' bytes still to come: each is empty (offsets are final) until
   * `texts()` is called once, which makes them (a text column read in two is copied whole then:
   * a store can be sent on, and its indexes built, meanwhile).
   */
  finishTextsApart(): { store: CasualtyStore; texts: () => Record<TextColumn, Uint8Array> } {
    const store = this.finishWithTexts(false, true)
    return { store, texts: () => mapColumns(TEXT_COLUMNS, (c) => this.texts[c].finishBytes()) }
  }
  private finishWithTexts(forPart: boolean, bytesApart: boolean): CasualtyStore {
    const categories = mapColumns(CATEGORY_COLUMNS, (c) => this.categories[c].finish(forPart))
    const texts = mapColumns(TEXT_COLUMNS, (c) =>
      bytesApart
        ? { bytes: new Uint8Array(0), offsets: this.texts[c].finishOffsets() }
        : this.texts[c].finish(forPart),
    )
    return new CasualtyStore({
      length: this.rows,
      line: this.line.finish(),
      date: this.date.finish(),
      counts: mapColumns(COUNT_COLUMNS, (c) => this.counts[c].finish()),
      categories,
      texts,
      extraNames: [...this.extraNames],
      extras: this.extras.map((builder) => builder.finish(forPart)),
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
