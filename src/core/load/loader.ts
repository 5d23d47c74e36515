// The whole way in: bytes (or text) -> decode -> scan -> validate -> store, with every problem
// reported. CsvLoader takes a file's bytes in pieces as they arrive, chooses the encoding, scans
// rows (csv/scanner) and hands each to a RowLoader (load/rowLoader), which validates and stores
// it. The browser's worker, the page's tests and the command-line tools all load through here, so
// a file gives the same records and the same issues everywhere.

import { whitespaceLength } from '../csv/bytes'
import { CsvScanner } from '../csv/scanner'
import { decodeBytes, looksBinary, sniffBom, type TextEncodingName } from '../csv/decode'
import { workbookKind, type Delimiter, type FileIssue } from '../csv/dialect'
import { KNOWN_COLUMN_NAMES } from './formats'
import type { SchemaColumn, TextColumn } from '../schema'
import type { CasualtyStore } from '../store/store'
import { RowLoader, type RejectedRow, type RowsPart } from './rowLoader'
import {
  duplicateColumnIssues,
  headerRefusal,
  readerFromHeader,
  type HeaderRefusal,
  type RowIssue,
  type RowReader,
} from './validate'

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
  /** Warnings about rows that were loaded (UCDP's estimates out of order). */
  rowWarnings: RowIssue[]
  rejected: RejectedRow[]
  summary: LoadSummary
  encoding: TextEncodingName | null
  delimiter: Delimiter | null
  header: string[]
  /** Required columns the header lacks; a column mapping can supply them. */
  missingColumns: SchemaColumn[]
  warnings: string[]
  /**
   * Only from finish(true): the text columns' bytes, which `store` lacks until this is called
   * once (StoreBuilder.finishTextsApart).
   */
  texts?: () => Record<TextColumn, Uint8Array>
}

export interface LoadOptions {
  /**
   * How rows are read into the schema, given the file's header: a column mapping.
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
    rowWarnings: [],
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

const SNIFF_BYTES = 8192

/**
 * A step of an import and when it ran, in milliseconds since the epoch
 * (`performance.timeOrigin + performance.now()`), so that steps of two workers and the page line up.
 */
export interface ImportStep {
  name: string
  start: number
  end: number
}

/** Now, in milliseconds since the epoch, to the clock's resolution (for ImportStep). */
export function stepClock(): number {
  return performance.timeOrigin + performance.now()
}

/**
 * The rest of a file from a row boundary on, read apart from its start (by a second worker): the
 * rows as a RowLoader took them and what the scanner counted, lines counted from the part's first
 * row (line 1). CsvLoader.appendTail puts it after the rows of the start.
 */
export interface TailPart extends RowsPart {
  /** The byte where the part starts. */
  at: number
  /** Its bytes. */
  bytes: number
  header: string[]
  delimiter: Delimiter
  blankLines: number
  issues: FileIssue[]
  /** Physical lines it spans: what the lines of a part after it are moved on by. */
  lines: number
  /** How long its steps took (the bench's breakdown of an import). */
  steps?: ImportStep[]
}

/**
 * Reads the rest of a file from a row boundary on, given the file's header and delimiter (read
 * from its start): push() its bytes, then finish(). The part is what CsvLoader would have made of
 * those rows, lines counted from 1. Null from finish() when it cannot be used: bytes that are not
 * UTF-8 (from there the whole file changes encoding), a header that is refused, a reader that
 * numbers incidents by their line.
 */
export class TailLoader {
  private readonly scanner: CsvScanner
  private readonly rows: RowLoader | null = null
  private received = 0

  constructor(
    private readonly at: number,
    private readonly header: string[],
    private readonly delimiter: Delimiter,
    options: LoadOptions = {},
  ) {
    if (options.readerFor || !headerRefusal(header, 1)) {
      const reader = options.readerFor ? options.readerFor(header) : readerFromHeader(header)
      if (!reader.idFromLine) this.rows = new RowLoader(reader)
    }
    this.scanner = new CsvScanner({ header: () => false, row: (view) => this.rows?.write(view) })
    this.scanner.resumeRows(delimiter)
  }

  /** False once the part cannot be used: then nothing more is read. */
  get usable(): boolean {
    return this.rows !== null && !this.scanner.invalid
  }

  get bytesRead(): number {
    return this.received
  }

  /** Did the bytes pushed so far end a whole row? (A part that ends there can end there.) */
  get atRowStart(): boolean {
    return this.usable && this.scanner.atRowStart
  }

  push(bytes: Uint8Array): void {
    this.received += bytes.length
    if (this.usable) this.scanner.push(bytes)
  }

  finish(): TailPart | null {
    if (!this.usable || !this.rows) return null
    this.scanner.finish()
    if (this.scanner.invalid) return null
    const { tally } = this.scanner
    return {
      ...this.rows.part(),
      at: this.at,
      bytes: this.received,
      header: this.header,
      delimiter: this.delimiter,
      blankLines: tally.blankLines,
      issues: tally.issues,
      lines: this.scanner.nextLine - 1,
    }
  }
}

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
  private headerIssues: FileIssue[] = []
  /** Lines of the parts appended (appendTail). */
  private appendedLines = 0

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

  /**
   * Can `part` follow the bytes pushed so far? When they end at a row boundary (the scanner has
   * used every byte), were read as UTF-8, under the same header and delimiter, and rows are not
   * numbered by their line.
   */
  canAppend(part: Pick<TailPart, 'at' | 'header' | 'delimiter'>): boolean {
    const rows = this.rows
    return (
      (this.stage === 'utf-8' || this.stage === 'strict') &&
      !this.fromText &&
      rows !== null &&
      !rows.reader.idFromLine &&
      part.at === this.received &&
      this.scanner.atRowStart &&
      this.scanner.tally.delimiter === part.delimiter &&
      part.header.length === this.header.length &&
      part.header.every((cell, i) => cell === this.header[i])
    )
  }

  /**
   * Appends the next part of the file, read apart (canAppend must hold); then finish(), or the
   * part after it.
   */
  appendTail(part: TailPart): void {
    if (!this.canAppend(part) || !this.rows) throw new Error('This part cannot follow here.')
    const offset = this.scanner.nextLine - 1 + this.appendedLines
    this.appendedLines += part.lines
    this.rows.appendPart(part, offset)
    const { tally } = this.scanner
    tally.blankLines += part.blankLines
    for (const issue of part.issues) {
      tally.issues.push(issue.line === undefined ? issue : { ...issue, line: issue.line + offset })
    }
    this.received += part.bytes
  }

  /**
   * The result. `textsApart`: the store's text columns come empty, their bytes from the result's
   * texts(), so that the store can be sent on while they are made.
   */
  finish(textsApart = false): LoadResult {
    if (this.stage === 'sniff') this.chooseEncoding(true)
    if (this.stage !== 'failed') this.feed(new Uint8Array(0), true)
    return this.result(textsApart)
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
    if (workbookKind(bytes) || looksBinary(bytes)) {
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
    this.headerIssues = duplicateColumnIssues(cells, line, reader)
    this.rows = new RowLoader(reader)
    return true
  }

  private result(textsApart: boolean): LoadResult {
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
    const finished = textsApart
      ? rows.builder.finishTextsApart()
      : { store: rows.builder.finish(), texts: undefined }
    return {
      ok: true,
      store: finished.store,
      ...(finished.texts && { texts: finished.texts }),
      fileIssues: [...this.headerIssues, ...tally.issues],
      rowIssues: rows.rowIssues,
      rowWarnings: rows.rowWarnings,
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
