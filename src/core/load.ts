// The whole way in: bytes (or text) -> decode -> parse -> validate -> store, with every problem
// reported. The browser's worker, the page's tests and the command-line tools all call loadCsv, so
// a file gives the same records and the same issues everywhere.

import { decodeBytes, type TextEncodingName } from './decode'
import { parseCsvText, type Delimiter, type FileIssue } from './parse'
import { SCHEMA_COLUMNS, type SchemaColumn } from './schema'
import { StoreBuilder, type CasualtyStore } from './store'
import {
  missingRequiredColumns,
  readerFromHeader,
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

// Loads a CSV file's bytes, or already decoded text. Never throws on bad data.
export function loadCsv(input: Uint8Array | string, options: LoadOptions = {}): LoadResult {
  let text: string
  let encoding: TextEncodingName | null = null
  const warnings: string[] = []
  if (typeof input === 'string') {
    text = input
  } else {
    const decoded = decodeBytes(input)
    if (!decoded.ok) return failed(decoded.message)
    text = decoded.text
    encoding = decoded.encoding
    warnings.push(...decoded.warnings)
  }
  if (text.trim() === '') return failed('The file is empty.', { encoding })

  const parsed = parseCsvText(text)
  const base = { encoding, delimiter: parsed.delimiter, header: parsed.header, warnings }
  const reader = options.readerFor
    ? options.readerFor(parsed.header)
    : readerFromHeader(parsed.header)
  if (!options.readerFor) {
    const missing = missingRequiredColumns(parsed.header)
    if (missing.length > 0) {
      const known = parsed.header.filter((cell) =>
        (SCHEMA_COLUMNS as readonly string[]).includes(cell.toLowerCase()),
      )
      const message =
        known.length === 0
          ? `No known column in the header (line ${parsed.headerLine}): it needs at least ${missing.join(', ')}. Is the first line a header row?`
          : `Required column${missing.length === 1 ? '' : 's'} missing from the header (line ${parsed.headerLine}): ${missing.join(', ')}.`
      return failed(message, { ...base, missingColumns: missing })
    }
  }

  const builder = new StoreBuilder(reader.extras.map((extra) => extra.name))
  const rowIssues: RowIssue[] = []
  const rejected: RejectedRow[] = []
  for (let r = 0; r < parsed.rows.length; r++) {
    const fields = parsed.rows[r] as string[]
    const line = parsed.lines[r] as number
    const result = validateRow(fields, line, reader)
    if (result.ok) {
      builder.push(result.record, line)
    } else {
      rowIssues.push(...result.issues)
      rejected.push({ line, fields })
    }
  }
  return {
    ok: true,
    store: builder.finish(),
    fileIssues: parsed.issues,
    rowIssues,
    rejected,
    summary: {
      rowsLoaded: builder.length,
      rowsWithIssues: rejected.length,
      blankLines: parsed.blankLines,
      skippedLines: parsed.skipped.length,
    },
    missingColumns: [],
    ...base,
  }
}

/**
 * Loads a file fed in chunks (a worker reading a File slice by slice), reporting progress by bytes.
 * The contract: push() every chunk in order, then finish() once. Chunks may split characters and
 * lines anywhere.
 */
export class CsvLoader {
  private readonly chunks: Uint8Array[] = []
  private received = 0

  constructor(private readonly options: LoadOptions = {}) {}

  /** Bytes pushed so far. */
  get bytesRead(): number {
    return this.received
  }

  push(chunk: Uint8Array): void {
    this.chunks.push(chunk)
    this.received += chunk.length
  }

  finish(): LoadResult {
    const bytes = new Uint8Array(this.received)
    let at = 0
    for (const chunk of this.chunks) {
      bytes.set(chunk, at)
      at += chunk.length
    }
    this.chunks.length = 0
    return loadCsv(bytes, this.options)
  }
}
