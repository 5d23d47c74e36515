// What the import worker does, as plain TypeScript over a byte source, so that it runs the same in
// the worker and in tests: read the file in slices into CsvLoader, report progress by bytes, and
// hand back the store's columns (transferable typed arrays and packed labels, never row objects or
// string arrays) with a report.
// The worker (src/workers/parse.worker.ts) is a thin shell around runImportJob.

import { decodeBytes, type TextEncodingName } from '../csv/decode'
import { rejectedRowsToCsv } from '../csv/write'
import { CsvLoader, type LoadSummary } from './loader'
import { KNOWN_COLUMN_NAMES, detectFormat, type FileFormat } from './formats'
import { proposeMapping, readerFromMapping, type ColumnMapping, type MappingNotes } from './mapping'
import type { Delimiter, FileIssue } from '../csv/dialect'
import { CsvScanner } from '../csv/scanner'
import type { SchemaColumn } from '../schema'
import { packColumns, transferablesOfPacked, type PackedColumns } from '../store/transfer'
import { headerRefusal, type RowIssue } from './validate'

/** Bytes a worker reads at once: big enough to be fast, small enough to report progress. */
export const CHUNK_BYTES = 4 * 1024 * 1024
/** Bytes read to find the header before deciding whether a column mapping is needed. */
const HEADER_PROBE_BYTES = 64 * 1024
/** Row issues sent to the page; the rest are counted ("and N more") and in the rejected-rows CSV. */
export const MAX_ISSUES_SENT = 1000

/** A file to read: a Blob in the worker, bytes in tests. */
export interface ByteSource {
  size: number
  read(start: number, end: number): Promise<Uint8Array>
  /**
   * The whole file in pieces of `size` bytes (the last one shorter), in order; each piece may be
   * overwritten by the next, so it is used before asking for the next. Without it: read().
   */
  pieces?(size: number): AsyncIterable<Uint8Array>
}

/** The page's request: a file, and the column mapping the user confirmed (null: read by header). */
export interface ImportRequest {
  type: 'import'
  file: Blob
  mapping: ColumnMapping | null
}

/** What an import reports to the page, besides the data. */
export interface ImportReport {
  summary: LoadSummary
  fileIssues: FileIssue[]
  /** The first MAX_ISSUES_SENT row issues, in file order. */
  rowIssues: RowIssue[]
  /** All row issues, including those not sent. */
  rowIssueCount: number
  warnings: string[]
  encoding: TextEncodingName | null
  delimiter: Delimiter | null
  header: string[]
  format: FileFormat
  /** The rows kept out, as CSV with a `line` column first; empty when every row loaded. */
  rejectedCsv: string
}

/** The worker's messages to the page. */
export type ImportReply =
  | { type: 'progress'; bytesRead: number; total: number }
  | {
      type: 'needs-mapping'
      header: string[]
      proposal: ColumnMapping
      missing: SchemaColumn[]
    }
  | { type: 'failed'; message: string; warnings: string[] }
  | { type: 'done'; columns: PackedColumns; report: ImportReport }

export type PostReply = (reply: ImportReply, transfer?: ArrayBuffer[]) => void

/** A ByteSource over bytes in memory. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: async (start, end) => bytes.subarray(start, end) }
}

/**
 * A ByteSource over a Blob or File: reads slices, never the whole file at once; its pieces are
 * read from the Blob's byte stream into one buffer that is used again for every piece (a fresh
 * buffer per slice costs an allocation and a copy each, and leaves garbage behind), or as slices
 * where the stream has no reader into a given buffer.
 */
export function blobSource(blob: Blob): ByteSource {
  const read = async (start: number, end: number) =>
    new Uint8Array(await blob.slice(start, end).arrayBuffer())
  return {
    size: blob.size,
    read,
    async *pieces(size) {
      let reader: ReadableStreamBYOBReader | null = null
      try {
        reader = blob.stream().getReader({ mode: 'byob' })
      } catch {
        // not a byte stream here
      }
      if (!reader) {
        for (let start = 0; start < blob.size; start += size)
          yield await read(start, Math.min(blob.size, start + size))
        return
      }
      let buffer = new ArrayBuffer(Math.min(size, Math.max(1, blob.size)))
      for (let done = false; !done;) {
        let filled = 0
        while (filled < buffer.byteLength) {
          const next = await reader.read(new Uint8Array(buffer, filled))
          if (next.value) {
            // The buffer given is handed back (moved) with what was read into it.
            buffer = next.value.buffer as ArrayBuffer
            filled += next.value.byteLength
          }
          if (next.done) {
            done = true
            break
          }
        }
        if (filled > 0) yield new Uint8Array(buffer, 0, filled)
      }
    },
  }
}

// The source's pieces of `size` bytes, through pieces() when it has one.
function piecesOf(source: ByteSource, size: number): AsyncIterable<Uint8Array> {
  if (source.pieces) return source.pieces(size)
  return (async function* () {
    for (let start = 0; start < source.size; start += size)
      yield await source.read(start, Math.min(source.size, start + size))
  })()
}

// Reads the start of the file and decides: load by header (null), a column mapping is needed
// (the proposal), or the file cannot be used (a message).
async function probeHeader(
  source: ByteSource,
): Promise<
  | { kind: 'load' }
  | { kind: 'map'; header: string[]; proposal: ColumnMapping; missing: SchemaColumn[] }
  | { kind: 'fail'; message: string }
> {
  const probe = await source.read(0, Math.min(source.size, HEADER_PROBE_BYTES))
  // A probe that cuts a UTF-8 character in two is not valid UTF-8: cut it at the last line break.
  const end = source.size > probe.length ? probe.lastIndexOf(10) + 1 || probe.length : probe.length
  const decoded = decodeBytes(probe.subarray(0, end))
  if (!decoded.ok) return { kind: 'fail', message: decoded.message }
  if (decoded.text.trim() === '') return { kind: 'fail', message: 'The file is empty.' }
  const { header, headerLine } = readHeader(decoded.text)
  const refusal = headerRefusal(header, headerLine, true)
  if (!refusal) return { kind: 'load' }
  if (refusal.noKnownColumn && detectFormat(header) === 'custom') {
    return { kind: 'fail', message: refusal.message }
  }
  const { missing } = refusal
  const proposal = proposeMapping(header)
  return { kind: 'map', header, proposal, missing }
}

// The header row of a text and its line, read by the scanner that reads the rows: a `sep=` line and
// blank lines before the header are passed over as they are there.
function readHeader(text: string): { header: string[]; headerLine: number } {
  let header: string[] = []
  let headerLine = 1
  const scanner = new CsvScanner(
    {
      header: (cells, line) => {
        header = cells
        headerLine = line
        return false
      },
      row: () => false,
    },
    KNOWN_COLUMN_NAMES,
  )
  scanner.push(new TextEncoder().encode(text))
  scanner.finish()
  return { header, headerLine: header.length > 0 ? headerLine : scanner.tally.headerLine }
}

// Runs one import: with no mapping, probes the header first and asks for a mapping when the file
// lacks our required columns; otherwise reads every slice into CsvLoader and posts the result.
export async function runImportJob(
  source: ByteSource,
  mapping: ColumnMapping | null,
  post: PostReply,
  chunkBytes = CHUNK_BYTES,
): Promise<void> {
  if (source.size === 0)
    return post({ type: 'failed', message: 'The file is empty.', warnings: [] })
  if (mapping === null) {
    const probe = await probeHeader(source)
    if (probe.kind === 'fail') return post({ type: 'failed', message: probe.message, warnings: [] })
    if (probe.kind === 'map') {
      const { header, proposal, missing } = probe
      return post({ type: 'needs-mapping', header, proposal, missing })
    }
  }
  const notes: MappingNotes = { decimalCounts: 0 }
  const loader = new CsvLoader(
    mapping ? { readerFor: (header) => readerFromMapping(mapping, header, notes) } : {},
  )
  post({ type: 'progress', bytesRead: 0, total: source.size })
  for await (const piece of piecesOf(source, chunkBytes)) {
    loader.push(piece)
    post({ type: 'progress', bytesRead: loader.bytesRead, total: source.size })
  }
  const result = loader.finish()
  if (!result.ok || !result.store) {
    const message = result.fileIssues[0]?.message ?? 'The file could not be read.'
    return post({ type: 'failed', message, warnings: result.warnings })
  }
  const warnings = [...result.warnings]
  if (notes.decimalCounts > 0) {
    warnings.push(
      `${notes.decimalCounts} count${notes.decimalCounts === 1 ? ' was' : 's were'} written with a zero fraction (like 2.0) and read as whole numbers.`,
    )
  }
  const report: ImportReport = {
    summary: result.summary,
    fileIssues: result.fileIssues,
    rowIssues: result.rowIssues.slice(0, MAX_ISSUES_SENT),
    rowIssueCount: result.rowIssues.length,
    warnings,
    encoding: result.encoding,
    delimiter: result.delimiter,
    header: result.header,
    format: mapping ? mapping.format : 'schema',
    rejectedCsv:
      result.rejected.length > 0 ? rejectedRowsToCsv(result.header, result.rejected) : '',
  }
  // Labels go as UTF-8 bytes, not strings: the page unpacks them in steps (core/transfer).
  const columns = packColumns(result.store.columns)
  post({ type: 'done', columns, report }, transferablesOfPacked(columns))
}
