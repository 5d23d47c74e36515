// Rows into the store, each checked against the schema: the rows of one file, as the scanner hands
// them over as byte ranges. A plainly valid row goes from its bytes straight into the store; any
// other row goes through validateRow, which words its issues, and is kept aside as read.

import { copyUnescaped, trimRange, trimmed } from '../csv/bytes'
import { unescapeFormula } from '../csv/formula'
import { FIELD_ESCAPED, FIELD_RAW, type RowView } from '../csv/scanner'
import { parseIsoDate } from '../date'
import { CATEGORY_COLUMNS, COUNT_COLUMNS, TEXT_COLUMNS, type SchemaColumn } from '../schema'
import { StoreBuilder, builtLabels, type PartColumns, type RowRanges } from '../store/builder'
import { appendPart } from '../store/appendPart'
import { packStrings } from '../store/packedStrings'
import type { StoreColumns } from '../store/store'
import { ByteKeys } from '../store/byteKeys'
import { NO_COUNT } from '../store/store'
import { validateRow, type RowIssue, type RowReader } from './validate'

/** The rows of a part of a file, as a RowLoader took them (lines counted in the part). */
export interface RowsPart {
  columns: PartColumns
  rowIssues: RowIssue[]
  rowWarnings: RowIssue[]
  rejected: RejectedRow[]
  /** Counts read with a zero fraction (a column mapping's notes). */
  decimalCounts: number
}

// A built store's columns with each dictionary as its UTF-8 bytes (never made strings).
function packedColumnsOf(columns: StoreColumns): PartColumns {
  const categories = {} as PartColumns['categories']
  for (const column of CATEGORY_COLUMNS) {
    const data = columns.categories[column]
    categories[column] = {
      codes: data.codes,
      values: builtLabels(data) ?? packStrings(data.values),
    }
  }
  return { ...columns, categories }
}

/** A row kept out of the store, as read, so the user can fix and reload it. */
export interface RejectedRow {
  line: number
  fields: string[]
}

const APOSTROPHE = 39

/**
 * Where the fast path reads a label or text column: a field (-1: none), or the first of several
 * that is not blank; null when only the checked path can read it.
 */
type FieldPick = number | readonly number[] | null

function pickOf(reader: RowReader, column: SchemaColumn): FieldPick {
  const source = reader.sources[column]
  if (source === undefined) return -1
  if (typeof source === 'number') return source
  const fast = reader.fast?.[column]
  return fast?.kind === 'firstOf' ? fast.indices : null
}

/** Where the fast path reads a count, and whether a zero fraction (`2.0`) may follow its digits. */
interface CountPick {
  index: number
  fraction: boolean
}

function countOf(reader: RowReader, column: SchemaColumn): CountPick | null {
  const source = reader.sources[column]
  if (source === undefined) return { index: -1, fraction: false }
  if (typeof source === 'number') return { index: source, fraction: false }
  const fast = reader.fast?.[column]
  return fast?.kind === 'count' ? { index: fast.index, fraction: true } : null
}

/** Where the fast path reads the date: a field, or several fields made into a date by `read`. */
type DatePick = number | { indices: readonly number[]; read: (values: readonly string[]) => string }

function dateOf(reader: RowReader): DatePick | null {
  const source = reader.sources.date
  if (source === undefined) return -1
  if (typeof source === 'number') return source
  const fast = reader.fast?.date
  return fast?.kind === 'date' ? fast : null
}

const DOT = 46
const ZERO = 48
const NINE = 57
/** How many strings of up to four digits there are, the empty one included: 1 + 10 + ... + 10^4. */
const DIGIT_STRINGS = 11111
/** Where the strings of each length start among them: '' is 0, '0'-'9' 1-10, '00'-'99' 11-110... */
const DIGIT_STRING_START = [0, 1, 11, 111, 1111]

// One number for the fields' texts when each is empty or one to four ASCII digits (a year, a
// month, a day: '7' and '07' stay apart), else -1. Exact: -1 where it would pass 2^53.
function digitsKey(view: RowView, indices: readonly number[]): number {
  const bytes = view.bytes
  let key = 0
  for (let i = indices.length - 1; i >= 0; i--) {
    const index = indices[i] as number
    let code = 0
    if (index !== -1) {
      const start = view.starts[index] ?? 0
      const length = (view.ends[index] ?? 0) - start
      if (length > 4) return -1
      let value = 0
      for (let at = start; at < start + length; at++) {
        const digit = (bytes[at] as number) - ZERO
        if (digit < 0 || digit > 9) return -1
        value = value * 10 + digit
      }
      code = (DIGIT_STRING_START[length] as number) + value
    }
    key = key * DIGIT_STRINGS + code
  }
  return key <= Number.MAX_SAFE_INTEGER ? key : -1
}

// Validates rows and stores them. A row goes the fast way, straight from its bytes into the store,
// only when it is plainly valid: every count all digits (at most 9), a date the date cache (filled
// by parseIsoDate) accepts, the required labels present, no value starting with an apostrophe (the
// export's formula escape), min <= max. Anything else goes through validateRow, which holds the
// rules and words every issue; the fast way only recognises rows it would accept unchanged. A
// column mapping's functions (GTD's three date columns, counts written `2.0`, ACLED's first
// non-blank label) go the fast way as the mapping describes them (validate's FastSource).
export class RowLoader {
  readonly builder: StoreBuilder
  readonly rowIssues: RowIssue[] = []
  /** Warnings about rows that were kept (UCDP's estimates out of order). */
  readonly rowWarnings: RowIssue[] = []
  /** The mapping's missing-value tokens as bytes: a row holding one goes the checked way. */
  private readonly missing: Uint8Array[]
  /** The tokens' first bytes and longest length: most fields are told apart by these alone. */
  private readonly missingFirst = new Uint8Array(256)
  private missingLength = 0
  readonly rejected: RejectedRow[] = []
  private readonly fast: boolean
  private readonly categoryFields: FieldPick[]
  private readonly textFields: FieldPick[]
  private readonly extraFields: number[]
  private readonly countFields: CountPick[]
  private readonly dateField: DatePick
  private readonly required: number[]
  private readonly ranges: RowRanges
  private readonly dates = new ByteKeys()
  private readonly dateCodes: number[] = []
  private readonly scratch = { bytes: new Uint8Array(64) }
  /** Dates made from several fields (a column mapping): their codes by the fields' bytes. */
  private readonly madeDates = new ByteKeys()
  private readonly madeDateCodes: number[] = []
  /** The same codes by a number made of the fields' digits, when each is empty or short digits. */
  private readonly madeDateByNumber = new Map<number, number>()
  /** Whether a missing-value token is all digits: then the number key is not taken. */
  private readonly digitToken: boolean

  constructor(readonly reader: RowReader) {
    // A file column that one of ours is read from as it is (a column mapping keeps every column
    // of the file too) is kept as ours plus the rows where it differs, never copied row by row.
    const fields = [...CATEGORY_COLUMNS, ...TEXT_COLUMNS].map((column) => reader.sources[column])
    const echoes = reader.extras.map((extra) =>
      fields.findIndex((source) => source === extra.index),
    )
    this.builder = new StoreBuilder(
      reader.extras.map((extra) => extra.name),
      echoes,
    )
    const encoder = new TextEncoder()
    this.missing = (reader.missing?.tokens ?? []).map((token) => encoder.encode(token))
    this.digitToken = this.missing.some((token) =>
      token.every((byte) => byte >= ZERO && byte <= NINE),
    )
    for (const token of this.missing) {
      this.missingFirst[token[0] ?? 0] = 1
      this.missingLength = Math.max(this.missingLength, token.length)
    }
    this.categoryFields = CATEGORY_COLUMNS.map((c) => pickOf(reader, c))
    this.textFields = TEXT_COLUMNS.map((c) => pickOf(reader, c))
    const counts = COUNT_COLUMNS.map((c) => countOf(reader, c))
    const date = dateOf(reader)
    this.fast =
      date !== null &&
      counts.every((count) => count !== null) &&
      [...this.categoryFields, ...this.textFields].every((pick) => pick !== null)
    this.countFields = counts.map((count) => count ?? { index: -1, fraction: false })
    this.extraFields = reader.extras.map((extra) => extra.index)
    this.dateField = date ?? -1
    this.required = [
      CATEGORY_COLUMNS.indexOf('incident_id'),
      CATEGORY_COLUMNS.indexOf('target_group'),
    ]
    const width = CATEGORY_COLUMNS.length + TEXT_COLUMNS.length + reader.extras.length
    this.ranges = {
      bytes: new Uint8Array(0),
      line: 0,
      date: 0,
      counts: new Int32Array(COUNT_COLUMNS.length),
      starts: new Int32Array(width),
      ends: new Int32Array(width),
      escaped: new Uint8Array(width),
    }
  }

  /**
   * Appends the rows a RowLoader of the same reader took from the rest of the file (a second part
   * read apart, its lines counted from 1): lines are moved on by `lineOffset`, issues follow ours.
   */
  appendPart(part: RowsPart, lineOffset: number): void {
    appendPart(this.builder, part.columns, lineOffset)
    const moved = <T extends { line: number }>(item: T): T => ({
      ...item,
      line: item.line + lineOffset,
    })
    for (const issue of part.rowIssues) this.rowIssues.push(moved(issue))
    for (const warning of part.rowWarnings) this.rowWarnings.push(moved(warning))
    for (const row of part.rejected) this.rejected.push(moved(row))
    if (this.reader.notes) this.reader.notes.decimalCounts += part.decimalCounts
  }

  /** What this loader took, as a part to append to another (see appendPart). */
  part(): RowsPart {
    return {
      columns: packedColumnsOf(this.builder.finish(true).columns),
      rowIssues: this.rowIssues,
      rowWarnings: this.rowWarnings,
      rejected: this.rejected,
      decimalCounts: this.reader.notes?.decimalCounts ?? 0,
    }
  }

  write(view: RowView): void {
    if (!this.fast || view.count !== this.reader.width || !this.writeFast(view))
      this.writeChecked(view)
    const check = this.reader.check
    if (check && view.count === this.reader.width) {
      const warning = check.run(
        check.indices.map((index) => view.field(index)),
        view.line,
      )
      if (warning) this.rowWarnings.push(warning)
    }
  }

  // Is bytes[start..end) one of the missing-value tokens?
  private isMissing(bytes: Uint8Array, start: number, end: number): boolean {
    const length = end - start
    if (length === 0 || length > this.missingLength || this.missingFirst[bytes[start] ?? 0] === 0)
      return false
    for (const token of this.missing) {
      if (token.length !== length) continue
      let i = 0
      while (i < length && bytes[start + i] === token[i]) i++
      if (i === length) return true
    }
    return false
  }

  private writeChecked(view: RowView): void {
    const fields = view.fields()
    const result = validateRow(fields, view.line, this.reader)
    if (result.ok) {
      this.builder.push(result.record, view.line)
    } else {
      for (const issue of result.issues) this.rowIssues.push(issue)
      this.rejected.push({ line: view.line, fields })
    }
  }

  // Puts the trimmed range of field `index` into slot `slot`; false when the value needs the
  // checked path (it starts with an apostrophe).
  private take(view: RowView, index: number, slot: number, trim: boolean): boolean {
    const ranges = this.ranges
    if (index === -1) {
      ranges.starts[slot] = 0
      ranges.ends[slot] = 0
      ranges.escaped[slot] = 0
      return true
    }
    const flags = view.flags[index] ?? 0
    let start = view.starts[index] ?? 0
    let end = view.ends[index] ?? 0
    if (trim) {
      trimRange(view.bytes, start, end)
      start = trimmed.start
      end = trimmed.end
    }
    if (end > start && view.bytes[start] === APOSTROPHE) return false
    if (trim && this.missing.length > 0 && this.isMissing(view.bytes, start, end)) return false
    ranges.starts[slot] = start
    ranges.ends[slot] = end
    ranges.escaped[slot] = (flags & (FIELD_ESCAPED | FIELD_RAW)) === FIELD_ESCAPED ? 1 : 0
    return true
  }

  // The field a pick reads in this row: for several, the first whose value is not blank.
  private chosen(view: RowView, pick: FieldPick): number {
    if (typeof pick === 'number') return pick
    for (const index of pick ?? []) {
      if (index === -1) continue
      trimRange(view.bytes, view.starts[index] ?? 0, view.ends[index] ?? 0)
      if (trimmed.end > trimmed.start) return index
    }
    return -1
  }

  private writeFast(view: RowView): boolean {
    const bytes = view.bytes
    const ranges = this.ranges
    let slot = 0
    for (const pick of this.categoryFields)
      if (!this.take(view, this.chosen(view, pick), slot++, true)) return false
    for (const slot of this.required) if (ranges.starts[slot] === ranges.ends[slot]) return false
    for (const pick of this.textFields)
      if (!this.take(view, this.chosen(view, pick), slot++, true)) return false
    for (const index of this.extraFields) if (!this.take(view, index, slot++, false)) return false

    // Counts read with a zero fraction: noted only once the row is stored (else the checked path
    // reads and notes them).
    let fractions = 0
    for (let c = 0; c < this.countFields.length; c++) {
      const { index, fraction } = this.countFields[c] as CountPick
      let value = NO_COUNT
      if (index !== -1) {
        trimRange(bytes, view.starts[index] ?? 0, view.ends[index] ?? 0)
        const { start } = trimmed
        let end = trimmed.end
        if (this.missing.length > 0 && this.isMissing(bytes, start, end)) return false
        if (fraction && end - start > 2 && bytes[end - 1] === ZERO) {
          // `12.0`, `7.000`: the digits before the dot, if only zeros follow it.
          let dot = end - 1
          while (dot > start && bytes[dot] === ZERO) dot--
          if (bytes[dot] === DOT && dot > start) {
            end = dot
            fractions++
          }
        }
        if (end - start > 9) return false
        if (end > start) {
          value = 0
          for (let i = start; i < end; i++) {
            const digit = (bytes[i] as number) - ZERO
            if (digit < 0 || digit > 9) return false
            value = value * 10 + digit
          }
        }
      }
      ranges.counts[c] = value
    }
    for (let c = 0; c + 1 < COUNT_COLUMNS.length; c += 2) {
      const min = ranges.counts[c] as number
      const max = ranges.counts[c + 1] as number
      if (min !== NO_COUNT && max !== NO_COUNT && min > max) return false
    }

    const pick = this.dateField
    const date =
      typeof pick === 'number'
        ? pick === -1
          ? -1
          : this.dateCode(view, pick)
        : this.madeDateCode(view, pick.indices, pick.read)
    if (date === -1) return false
    ranges.date = date
    ranges.bytes = bytes
    ranges.line = view.line
    this.builder.pushRanges(ranges)
    if (fractions > 0 && this.reader.notes) this.reader.notes.decimalCounts += fractions
    return true
  }

  // The date code of a date made from several fields by `read`, from a cache keyed by the fields'
  // bytes (each with its length and whether it holds "" pairs); read and checked as validateRow
  // would (trimmed, formula escape undone, parseIsoDate) once per distinct key. -1 when refused.
  private madeDateCode(
    view: RowView,
    indices: readonly number[],
    read: (values: readonly string[]) => string,
  ): number {
    const number = this.digitToken ? -1 : digitsKey(view, indices)
    if (number !== -1) {
      const code = this.madeDateByNumber.get(number)
      if (code !== undefined) return code
      const made = this.madeDateFromBytes(view, indices, read)
      this.madeDateByNumber.set(number, made)
      return made
    }
    return this.madeDateFromBytes(view, indices, read)
  }

  private madeDateFromBytes(
    view: RowView,
    indices: readonly number[],
    read: (values: readonly string[]) => string,
  ): number {
    let size = 0
    for (const index of indices) {
      if (index === -1) continue
      size += 5 + (view.ends[index] ?? 0) - (view.starts[index] ?? 0)
      // A missing-value token is read (and counted) the checked way.
      if (this.missing.length > 0) {
        trimRange(view.bytes, view.starts[index] ?? 0, view.ends[index] ?? 0)
        if (this.isMissing(view.bytes, trimmed.start, trimmed.end)) return -1
      }
    }
    if (this.scratch.bytes.length < size + 5 * indices.length)
      this.scratch.bytes = new Uint8Array((size + 5 * indices.length) * 2)
    const key = this.scratch.bytes
    let at = 0
    for (const index of indices) {
      const start = index === -1 ? 0 : (view.starts[index] ?? 0)
      const end = index === -1 ? 0 : (view.ends[index] ?? 0)
      const flags = index === -1 ? 0 : (view.flags[index] ?? 0)
      const length = end - start
      key[at++] = (flags & (FIELD_ESCAPED | FIELD_RAW)) === FIELD_ESCAPED ? 1 : 0
      key[at++] = length >>> 24
      key[at++] = (length >>> 16) & 255
      key[at++] = (length >>> 8) & 255
      key[at++] = length & 255
      // Byte by byte: a date's fields are short, and a subarray per field costs more.
      const bytes = view.bytes
      for (let i = start; i < end; i++) key[at++] = bytes[i]!
    }
    const found = this.madeDates.find(key, 0, at)
    if (this.madeDates.added) {
      const text = read(indices.map((index) => (index === -1 ? '' : view.field(index))))
      const parsed = parseIsoDate(unescapeFormula(text.trim()))
      this.madeDateCodes.push(parsed.ok ? parsed.code : -1)
    }
    return this.madeDateCodes[found] ?? -1
  }

  // The date code of a field, from a cache of the distinct date texts seen; -1 when parseIsoDate
  // refuses it (or it needs the checked path).
  private dateCode(view: RowView, index: number): number {
    let bytes = view.bytes
    trimRange(bytes, view.starts[index] ?? 0, view.ends[index] ?? 0)
    let { start, end } = trimmed
    if (end > start && bytes[start] === APOSTROPHE) return -1
    if (this.missing.length > 0 && this.isMissing(bytes, start, end)) return -1
    if (((view.flags[index] ?? 0) & (FIELD_ESCAPED | FIELD_RAW)) === FIELD_ESCAPED) {
      if (this.scratch.bytes.length < end - start) this.scratch.bytes = new Uint8Array(end - start)
      end = copyUnescaped(bytes, start, end, this.scratch.bytes, 0)
      start = 0
      bytes = this.scratch.bytes
    }
    const key = this.dates.find(bytes, start, end)
    if (this.dates.added) {
      const parsed = parseIsoDate(
        new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(start, end)),
      )
      this.dateCodes.push(parsed.ok ? parsed.code : -1)
    }
    return this.dateCodes[key] ?? -1
  }
}
