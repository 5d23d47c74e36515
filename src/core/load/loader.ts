// The whole way in: bytes (or text) -> decode -> parse -> validate -> store, with every problem
// reported. The browser's worker, the page's tests and the command-line tools all call loadCsv, so
// a file gives the same records and the same issues everywhere.

import { copyUnescaped, trimRange, trimmed, whitespaceLength } from '../csv/bytes'
import { CsvScanner, FIELD_ESCAPED, FIELD_RAW, type RowView } from '../csv/scanner'
import { parseIsoDate } from '../date'
import { unescapeFormula } from '../csv/formula'
import { decodeBytes, looksBinary, sniffBom, type TextEncodingName } from '../csv/decode'
import type { Delimiter, FileIssue } from '../csv/dialect'
import { KNOWN_COLUMN_NAMES } from './formats'
import { CATEGORY_COLUMNS, COUNT_COLUMNS, TEXT_COLUMNS, type SchemaColumn } from '../schema'
import {
  ByteKeys,
  NO_COUNT,
  StoreBuilder,
  type CasualtyStore,
  type RowRanges,
} from '../store/store'
import {
  headerRefusal,
  readerFromHeader,
  type HeaderRefusal,
  validateRow,
  type RowIssue,
  type RowReader,
} from './validate'

/** A row kept out of the store, as read, so the user can fix and reload it. */
export interface RejectedRow {
  line: number
  fields: string[]
}

export interface LoadSummary {
  rowsLoaded: number
  rowsWithIssues: number
  blankLines: number
  /** Lines skipped on purpose (a `sep=` line, an HXL hashtag row). */
  skippedLines: number
}

export interface LoadResult {
  /** False when the file cannot be used at all; then `store` is null and `fileIssues` says why. */
  ok: boolean
  store: CasualtyStore | null
  fileIssues: FileIssue[]
  rowIssues: RowIssue[]
  rejected: RejectedRow[]
  summary: LoadSummary
  encoding: TextEncodingName | null
  delimiter: Delimiter | null
  header: string[]
  /** Required columns the header lacks; a column mapping can supply them (issue #4). */
  missingColumns: SchemaColumn[]
  warnings: string[]
}

export interface LoadOptions {
  /**
   * How rows are read into the schema, given the file's header: a column mapping (issue #4).
   * By default, by the header's column names, and a header that lacks a required column is refused.
   */
  readerFor?: (header: readonly string[]) => RowReader
}

function failed(message: string, partial: Partial<LoadResult> = {}): LoadResult {
  return {
    ok: false,
    store: null,
    fileIssues: [{ message }],
    rowIssues: [],
    rejected: [],
    summary: { rowsLoaded: 0, rowsWithIssues: 0, blankLines: 0, skippedLines: 0 },
    encoding: null,
    delimiter: null,
    header: [],
    missingColumns: [],
    warnings: [],
    ...partial,
  }
}

// Loads a CSV file's bytes, or already decoded text. Never throws on bad data. The same engine as
// CsvLoader, fed everything at once.
export function loadCsv(input: Uint8Array | string, options: LoadOptions = {}): LoadResult {
  if (typeof input === 'string') {
    const loader = new CsvLoader(options, true)
    loader.push(new TextEncoder().encode(input))
    return loader.finish()
  }
  const loader = new CsvLoader(options)
  loader.push(input)
  return loader.finish()
}

const APOSTROPHE = 39
const SNIFF_BYTES = 8192

/**
 * Loads a file fed in chunks (a worker reading a File slice by slice), reporting progress by bytes.
 * The contract: push() every chunk in order, then finish() once. Chunks may split characters and
 * lines anywhere. Each push decodes, parses, validates and stores the rows its bytes complete, so
 * memory holds the store and one chunk, never the whole file as text.
 */
export class CsvLoader {
  private received = 0
  private head: Uint8Array[] = []
  private headBytes = 0
  private stage: 'sniff' | 'utf-8' | 'strict' | 'transcode' | 'failed' = 'sniff'
  private encoding: TextEncodingName | null = null
  private readonly warnings: string[] = []
  private failure: string | null = null
  private transcoder: InstanceType<typeof TextDecoder> | null = null
  private hasContent = false
  private readonly scanner: CsvScanner
  private readonly encoder = new TextEncoder()
  private rows: RowLoader | null = null
  private header: string[] = []
  private headerFailure: HeaderRefusal | null = null

  /** `fromText`: the bytes are text we encoded ourselves (loadCsv of a string): no sniffing. */
  constructor(
    private readonly options: LoadOptions = {},
    private readonly fromText = false,
  ) {
    this.scanner = new CsvScanner(
      {
        header: (cells, line) => this.onHeader(cells, line),
        row: (view) => this.rows?.write(view),
      },
      KNOWN_COLUMN_NAMES,
    )
    if (fromText) this.stage = 'strict'
  }

  /** Bytes pushed so far. */
  get bytesRead(): number {
    return this.received
  }

  push(chunk: Uint8Array): void {
    this.received += chunk.length
    if (this.stage === 'failed' || chunk.length === 0) return
    if (this.stage === 'sniff') {
      // Enough bytes at once to judge the encoding: no copy (a whole file may come in one push).
      if (this.headBytes === 0 && chunk.length >= SNIFF_BYTES) {
        this.head = [chunk]
        this.headBytes = chunk.length
        return this.chooseEncoding(false)
      }
      this.head.push(chunk.slice())
      this.headBytes += chunk.length
      if (this.headBytes >= SNIFF_BYTES) this.chooseEncoding(false)
      return
    }
    this.feed(chunk, false)
  }

  finish(): LoadResult {
    if (this.stage === 'sniff') this.chooseEncoding(true)
    if (this.stage !== 'failed') this.feed(new Uint8Array(0), true)
    return this.result()
  }

  private fail(message: string): void {
    this.stage = 'failed'
    this.failure = message
  }

  // BOM first (UTF-8, UTF-16 LE/BE), else refuse a binary file, else strict UTF-8 with a fall back
  // to Windows-1252: the rules of decodeBytes, applied to a stream.
  private chooseEncoding(final: boolean): void {
    const bytes = concat(this.head, this.headBytes)
    this.head = []
    if (bytes.length === 0) return this.fail('The file is empty.')
    const bom = sniffBom(bytes)
    if (bom === null && bytes.length < 3 && !final) return
    if (bom) {
      this.encoding = bom.encoding
      if (bom.encoding === 'utf-8') {
        this.stage = 'strict'
      } else {
        this.stage = 'transcode'
        this.transcoder = new TextDecoder(bom.encoding, { fatal: true, ignoreBOM: true })
      }
      return this.feed(bytes.subarray(bom.length), final)
    }
    if (looksBinary(bytes)) {
      const decoded = decodeBytes(bytes.subarray(0, SNIFF_BYTES))
      return this.fail(decoded.ok ? 'The file is not CSV text.' : decoded.message)
    }
    this.encoding = 'utf-8'
    this.stage = 'utf-8'
    this.feed(bytes, final)
  }

  // Transcodes the bytes to UTF-8 when they are not, then scans them (the scanner checks UTF-8 as
  // it goes: no decoding pass over the whole file). `final` flushes the decoder.
  private feed(bytes: Uint8Array, final: boolean): void {
    if (this.stage === 'transcode' && this.transcoder) {
      let text: string
      try {
        text = this.transcoder.decode(bytes, { stream: !final })
      } catch {
        const bom = this.encoding === 'utf-16be' ? [0xfe, 0xff] : [0xff, 0xfe]
        const decoded = decodeBytes(Uint8Array.of(...bom, 0xff, 0xff, 0xff))
        return this.fail(decoded.ok ? 'The file is not valid text.' : decoded.message)
      }
      return this.scan(this.encoder.encode(text), final)
    }
    this.scan(bytes, final)
  }

  private scan(bytes: Uint8Array, final: boolean): void {
    if (!this.hasContent) this.hasContent = holdsContent(bytes)
    this.scanner.push(bytes)
    if (final) this.scanner.finish()
    if (!this.scanner.invalid) return
    if (this.stage === 'strict') {
      const decoded = decodeBytes(Uint8Array.of(0xef, 0xbb, 0xbf, 0xff))
      return this.fail(decoded.ok ? 'The file is not valid UTF-8.' : decoded.message)
    }
    this.fallBackToWindows1252(this.scanner.takeRest(), final)
  }

  // Not UTF-8: from the row that is not, the bytes are read as Windows-1252 and transcoded. Rows
  // scanned before were valid UTF-8; when they were all ASCII (the usual case: the first accented
  // letter is what fails) they read the same in both, so the result is that of decoding the whole
  // file as Windows-1252. A file that mixes real UTF-8 with other bytes keeps its UTF-8 rows as
  // they are (the rows are gone from memory, so they cannot be read again) and says so.
  private fallBackToWindows1252(rest: Uint8Array, final: boolean): void {
    this.stage = 'transcode'
    this.encoding = 'windows-1252'
    this.transcoder = new TextDecoder('windows-1252')
    this.warnings.push(
      'The file is not valid UTF-8; it was read as Windows-1252 (Western European). Check accented letters and symbols.',
    )
    if (this.scanner.sawNonAscii) {
      this.warnings.push(
        `The file mixes encodings: the lines before line ${this.scanner.nextLine} are valid UTF-8 and were read as UTF-8; from line ${this.scanner.nextLine} on it was read as Windows-1252.`,
      )
    }
    this.feed(rest, final)
  }

  private onHeader(cells: string[], line: number): boolean {
    this.header = cells
    const { readerFor } = this.options
    if (!readerFor) {
      const failure = headerRefusal(cells, line)
      if (failure) {
        // The rest is still scanned (its rows dropped): a file that is not valid text must say
        // so, as decoding it whole would, before any complaint about its header.
        this.headerFailure = failure
        return true
      }
    }
    const reader = readerFor ? readerFor(cells) : readerFromHeader(cells)
    this.rows = new RowLoader(reader)
    return true
  }

  private result(): LoadResult {
    if (this.failure !== null) return failed(this.failure, { warnings: [...this.warnings] })
    const encoding = this.fromText ? null : this.encoding
    if (!this.hasContent) return failed('The file is empty.', { encoding })
    const { tally } = this.scanner
    if (!this.rows && !this.headerFailure) {
      // No header row at all (the file held only a `sep=` line, say).
      if (this.options.readerFor) this.onHeader([], tally.headerLine)
      else this.headerFailure = headerRefusal([], tally.headerLine)
    }
    const base = {
      encoding,
      delimiter: tally.delimiter,
      header: this.header,
      warnings: this.warnings,
    }
    if (this.headerFailure || !this.rows) {
      const failure = this.headerFailure ?? { message: 'The file has no header.', missing: [] }
      return failed(failure.message, { ...base, missingColumns: failure.missing })
    }
    const rows = this.rows
    return {
      ok: true,
      store: rows.builder.finish(),
      fileIssues: tally.issues,
      rowIssues: rows.rowIssues,
      rejected: rows.rejected,
      summary: {
        rowsLoaded: rows.builder.length,
        rowsWithIssues: rows.rejected.length,
        blankLines: tally.blankLines,
        skippedLines: tally.skipped.length,
      },
      missingColumns: [],
      ...base,
    }
  }
}

/** Does the text hold anything but white space? Stops at the first such byte. */
function holdsContent(bytes: Uint8Array): boolean {
  for (let at = 0; at < bytes.length;) {
    const b = bytes[at] as number
    if (b === 10 || b === 13) {
      at++
      continue
    }
    const w = whitespaceLength(bytes, at, bytes.length)
    if (w === 0) return true
    at += w
  }
  return false
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array
  const bytes = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.length
  }
  return bytes
}

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

// Validates rows and stores them. A row goes the fast way, straight from its bytes into the store,
// only when it is plainly valid: every count all digits (at most 9), a date the date cache (filled
// by parseIsoDate) accepts, the required labels present, no value starting with an apostrophe (the
// export's formula escape), min <= max. Anything else goes through validateRow, which holds the
// rules and words every issue; the fast way only recognises rows it would accept unchanged. A
// column mapping's functions (GTD's three date columns, counts written `2.0`, ACLED's first
// non-blank label) go the fast way as the mapping describes them (validate's FastSource).
class RowLoader {
  readonly builder: StoreBuilder
  readonly rowIssues: RowIssue[] = []
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

  constructor(private readonly reader: RowReader) {
    this.builder = new StoreBuilder(reader.extras.map((extra) => extra.name))
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

  write(view: RowView): void {
    if (!this.fast || view.count !== this.reader.width || !this.writeFast(view))
      this.writeChecked(view)
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
    let size = 0
    for (const index of indices)
      if (index !== -1) size += 5 + (view.ends[index] ?? 0) - (view.starts[index] ?? 0)
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
      key.set(view.bytes.subarray(start, end), at)
      at += length
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
