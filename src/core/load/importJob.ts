// What the import worker does, as plain TypeScript over a byte source, so that it runs the same in
// the worker and in tests: read the file in slices into CsvLoader, report progress by bytes, and
// hand back the store's columns (transferable typed arrays and packed labels, never row objects or
// string arrays) with a report.
// The worker (src/workers/parse.worker.ts) is a thin shell around runImportJob.

import { decodeBytes, type TextEncodingName } from '../csv/decode'
import { rejectedRowsToCsv } from '../csv/write'
import {
  CsvLoader,
  TailLoader,
  stepClock,
  type ImportStep,
  type LoadOptions,
  type LoadSummary,
  type TailPart,
} from './loader'
import { KNOWN_COLUMN_NAMES, type FileFormat } from './formats'
import {
  mappingWarnings,
  proposeMapping,
  readerFromMapping,
  withoutWorldRegions,
  type ColumnMapping,
  type MappingNotes,
} from './mapping'
import { DateFormatDetector } from './dates'
import type { Delimiter, FileIssue } from '../csv/dialect'
import { CsvScanner } from '../csv/scanner'
import { rowBoundaryIn, SPLIT_MIN_BYTES } from '../csv/split'
import type { SchemaColumn, TextColumn } from '../schema'
import { packColumns, transferablesOfPacked, type PackedColumns } from '../store/transfer'
import { headerRefusal, type RowIssue } from './validate'
import { arraysOfExtra } from '../store/store'

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
   * The file's bytes from `from` (0) to `to` (its end) in pieces of `size` bytes (the last one
   * shorter), in order; each piece may be overwritten by the next, so it is used before asking
   * for the next. Without it: read().
   */
  pieces?(size: number, from?: number, to?: number): AsyncIterable<Uint8Array>
}

/**
 * The page's requests: import a file with the column mapping the user confirmed (null: read by
 * header); with `port`, a second worker reads the file's second part (`tail`, the other end of the
 * port) and the first appends it. `tail-failed`: that second worker stopped.
 */
export type ImportRequest =
  | { type: 'import'; file: Blob; mapping: ColumnMapping | null; port?: MessagePort }
  | { type: 'tail'; file: Blob; mapping: ColumnMapping | null; port: MessagePort }
  | { type: 'tail-failed' }

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

/** One issue as the rows-with-issues file says it: `column date: message (value "x")`. */
export function issueText(issue: RowIssue): string {
  const quoted =
    issue.value !== undefined && !issue.message.includes(`"${issue.value}"`)
      ? ` (value "${issue.value}")`
      : ''
  return `${issue.column ? `column ${issue.column}: ` : ''}${issue.message}${quoted}`
}

/** Each rejected row with the messages of its line, so the download says what to fix. */
function withIssues(
  rejected: readonly { line: number; fields: readonly string[] }[],
  issues: readonly RowIssue[],
): { line: number; fields: readonly string[]; issues: string[] }[] {
  const byLine = new Map<number, string[]>()
  for (const issue of issues) {
    const list = byLine.get(issue.line)
    if (list) list.push(issueText(issue))
    else byLine.set(issue.line, [issueText(issue)])
  }
  return rejected.map((row) => ({ ...row, issues: byLine.get(row.line) ?? [] }))
}

/** The worker's messages to the page. */
export type ImportReply =
  | {
      type: 'progress'
      bytesRead: number
      total: number
      /** Bytes read by one of two workers (the part before or after the cut); else the whole. */
      part?: 'head' | 'tail'
    }
  | {
      type: 'needs-mapping'
      header: string[]
      proposal: ColumnMapping
      missing: SchemaColumn[]
      /** The first values of each column, by header name. */
      samples?: Record<string, string[]>
    }
  | { type: 'failed'; message: string; warnings: string[] }
  | {
      type: 'done'
      columns: PackedColumns
      report: ImportReport
      /** How long each step took, in the workers (for the bench; the page keeps them as measures). */
      steps?: ImportStep[]
      /**
       * The text columns' bytes come in a `texts` reply after this one: until then each is empty
       * (its offsets are final), so the page may build what needs no text meanwhile.
       */
      textsToFollow?: boolean
    }
  | { type: 'texts'; texts: Record<TextColumn, Uint8Array>; steps?: ImportStep[] }

export type PostReply = (reply: ImportReply, transfer?: ArrayBuffer[]) => void

/**
 * How often a worker reports its progress at most. A report a chunk (4 MB) is 30-40 a second
 * from two workers, and each is a frame the page draws: on two cores, about a quarter of one
 * taken from the workers while they read (77 frames of 7-9 ms in a 1M-row import).
 */
export const PROGRESS_EVERY_MS = 200

/**
 * `post` with its progress replies thinned to one per `everyMs`: the first at once, the latest of
 * those held back `everyMs` after the one before (so the last bytes read are shown too), none
 * after any other reply (the import's end).
 */
export function thinProgress(
  post: PostReply,
  everyMs = PROGRESS_EVERY_MS,
  now: () => number = () => performance.now(),
): PostReply {
  let last = Number.NEGATIVE_INFINITY
  let held: ImportReply | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  const flush = () => {
    timer = null
    if (held === null) return
    last = now()
    const reply = held
    held = null
    post(reply)
  }
  return (reply, transfer) => {
    if (reply.type !== 'progress') {
      if (timer !== null) clearTimeout(timer)
      timer = null
      held = null
      post(reply, transfer)
      return
    }
    held = reply
    const wait = last + everyMs - now()
    if (wait <= 0) flush()
    else timer ??= setTimeout(flush, wait)
  }
}

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
    async *pieces(size, from = 0, to = blob.size) {
      // Nothing to read: no stream is opened. Chromium's byte stream of an empty slice now and
      // then never answers a read (the first worker of a file read in two, after appending the
      // second's part, waited on one for ever).
      if (from >= to) return
      let reader: ReadableStreamBYOBReader | null = null
      const part = from === 0 && to === blob.size ? blob : blob.slice(from, to)
      try {
        reader = part.stream().getReader({ mode: 'byob' })
      } catch {
        // not a byte stream here
      }
      if (!reader) {
        for (let start = from; start < to; start += size)
          yield await read(start, Math.min(to, start + size))
        return
      }
      let buffer = new ArrayBuffer(Math.min(size, Math.max(1, to - from)))
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

// The source's pieces of `size` bytes from `from` to `to`, through pieces() when it has one.
function piecesOf(
  source: ByteSource,
  size: number,
  from = 0,
  to = source.size,
): AsyncIterable<Uint8Array> {
  if (source.pieces) return source.pieces(size, from, to)
  return (async function* () {
    for (let start = from; start < to; start += size)
      yield await source.read(start, Math.min(to, start + size))
  })()
}

/**
 * Where a file read in two is cut, as a share of it: the first worker reads a little more than
 * half. The second finishes its part and hands it over before the first can append it: with
 * halves the first waited for it (50-140 ms of a 1M-row import, four runs), with 0.51 the second
 * part waited for the first (100-170 ms, two runs).
 */
export const FIRST_PART_SHARE = 0.504

/** Bytes read where the file is cut, to find a row boundary there (csv/split). */
const SPLIT_WINDOW = 256 * 1024

/** Where a file is cut in two, and its header and delimiter (for the part after the cut). */
export interface SplitPoint {
  at: number
  header: string[]
  delimiter: Delimiter
}

/**
 * Where to cut a UTF-8 file of at least `minBytes` bytes in two: a row boundary near its middle
 * (csv/split), with the file's header and delimiter; null for a smaller file, another encoding,
 * or no boundary found. Both workers find the same point from the same bytes.
 */
export async function findSplit(
  source: ByteSource,
  minBytes = SPLIT_MIN_BYTES,
  /** Where the cut is looked for, as a share of the bytes from `from` on (the part before it). */
  share = FIRST_PART_SHARE,
  /** The first byte not yet read by the one who reads up to the cut. */
  from = 0,
): Promise<SplitPoint | null> {
  if (source.size - from < minBytes) return null
  const probe = await source.read(0, Math.min(source.size, HEADER_PROBE_BYTES))
  const end = probe.lastIndexOf(10) + 1
  if (end === 0) return null
  const decoded = decodeBytes(probe.subarray(0, end))
  if (!decoded.ok || decoded.encoding !== 'utf-8') return null
  const { header, delimiter } = readHeader(decoded.text)
  if (delimiter === null || header.length === 0) return null
  const middle = from + Math.floor((source.size - from) * share)
  const window = await source.read(middle, Math.min(source.size, middle + SPLIT_WINDOW))
  const offset = rowBoundaryIn(window, delimiter)
  const at = middle + offset
  if (offset === -1 || at >= source.size) return null
  return { at, header, delimiter }
}

// Steps timed one after the other: step(name) ends the one running and starts the next.
function stepRecorder(): { steps: ImportStep[]; step: (name: string) => void } {
  const steps: ImportStep[] = []
  let started = stepClock()
  const step = (name: string) => {
    const end = stepClock()
    steps.push({ name, start: started, end })
    started = end
  }
  return { steps, step }
}

/** Every ArrayBuffer of a tail part, once each: the postMessage transfer list. */
export function transferablesOfTail(part: TailPart): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>()
  const add = (array: ArrayBufferView) => buffers.add(array.buffer as ArrayBuffer)
  const { columns } = part
  add(columns.line)
  add(columns.date)
  for (const array of Object.values(columns.counts)) add(array)
  for (const data of Object.values(columns.categories)) {
    add(data.codes)
    add(data.values.bytes)
    add(data.values.offsets)
  }
  for (const data of [...Object.values(columns.texts), ...columns.extras]) {
    for (const array of arraysOfExtra(data)) add(array)
  }
  return [...buffers]
}

/**
 * The least of the second part that the first worker takes over when it has read its own part
 * first (see StealLink): less is read by the second before the first could have read it.
 */
export const MIN_STEAL_BYTES = 8 * 1024 * 1024

/**
 * How the first worker, having read its part while the second still reads, takes over the end of
 * the second part. The second worker polls asked() between pieces; when asked, it cuts what it has
 * not read yet at a row boundary near its middle (as the file was cut), stops there, and answers
 * with that cut (null: too little left, or it is done), from which the first worker reads to the
 * file's end. Should the cut prove not to be a row boundary when the second reaches it, the second
 * reads on to the end after all, and the first drops what it read from there.
 */
export interface StealLink {
  asked(): boolean
  answer(cut: SplitPoint | null): void
  /** The least left to take over (MIN_STEAL_BYTES). */
  minBytes?: number
  /** Where to cut what is left from byte `from` on (by default as findSplit cuts a file). */
  cutFrom?(from: number): Promise<SplitPoint | null>
}

/**
 * The second worker's job: finds the same cut as the first (findSplit), reads the file from
 * there to its end (or to where the first took over, `steal`) into a TailLoader, reports progress
 * (`part: 'tail'`) and sends the part, or null when there is no cut or the part cannot be used, to
 * the first worker with `send`.
 */
export async function runTailJob(
  source: ByteSource,
  mapping: ColumnMapping | null,
  post: PostReply,
  send: (part: TailPart | null, transfer: ArrayBuffer[]) => void,
  chunkBytes = CHUNK_BYTES,
  minBytes = SPLIT_MIN_BYTES,
  share = FIRST_PART_SHARE,
  /** The cut, when the first worker chose it (else found here as the first finds it). */
  cut?: SplitPoint,
  steal?: StealLink,
): Promise<void> {
  const { steps, step } = stepRecorder()
  const split = cut ?? (await findSplit(source, minBytes, share))
  if (!split) return send(null, [])
  step('second worker: find the cut')
  const notes: MappingNotes = { decimalCounts: 0 }
  const tail = new TailLoader(
    split.at,
    split.header,
    split.delimiter,
    mapping ? { readerFor: (header) => readerFromMapping(mapping, header, notes) } : {},
  )
  const progress = () =>
    post({ type: 'progress', bytesRead: tail.bytesRead, total: source.size, part: 'tail' })
  let end = source.size
  let answered = steal === undefined
  for await (const piece of piecesOf(source, chunkBytes, split.at)) {
    if (!tail.usable) break
    const at = split.at + tail.bytesRead
    tail.push(piece.subarray(0, Math.min(piece.length, end - at)))
    progress()
    if (split.at + tail.bytesRead >= end) break
    if (answered || !steal?.asked()) continue
    answered = true
    const from = split.at + tail.bytesRead
    const taken = steal.cutFrom
      ? await steal.cutFrom(from)
      : await findSplit(source, steal.minBytes ?? MIN_STEAL_BYTES, 0.5, from)
    if (taken) end = taken.at
    steal.answer(taken)
  }
  // Taken over at a byte that is no row boundary after all: read on to the end.
  if (end < source.size && tail.usable && !tail.atRowStart) {
    for await (const piece of piecesOf(source, chunkBytes, end)) {
      if (!tail.usable) break
      tail.push(piece)
      progress()
    }
  }
  // Asked after its last piece, it does not answer: its part, coming next, says it all.
  step('second worker: read its part')
  const part = tail.finish()
  step('second worker: finish its part')
  if (part) part.steps = steps
  send(part, part ? transferablesOfTail(part) : [])
}

/**
 * The part of the file from `cut` to its end, read by the one who took it over from the second
 * (StealLink); `read` is told the part's bytes read after each piece.
 */
export async function readPartFrom(
  source: ByteSource,
  cut: SplitPoint,
  chunkBytes = CHUNK_BYTES,
  options: LoadOptions = {},
  read: (bytes: number) => void = () => {},
): Promise<TailPart | null> {
  const part = new TailLoader(cut.at, cut.header, cut.delimiter, options)
  for await (const piece of piecesOf(source, chunkBytes, cut.at)) {
    if (!part.usable) break
    part.push(piece)
    read(part.bytesRead)
  }
  return part.finish()
}

/**
 * The first worker's end of the link to the second: its part, and (where the second can be asked
 * while it reads) the end of that part to read here instead (StealLink): the cut from which to
 * read, or null when nothing is left to take over (also once the part has come).
 */
export interface TailLink {
  part(): Promise<TailPart | null>
  steal?(): Promise<SplitPoint | null>
}

/** What to do with a file: load it by its header, map its columns first, or say why it cannot. */
export type ImportPlan =
  | { kind: 'load' }
  | {
      kind: 'map'
      header: string[]
      proposal: ColumnMapping
      missing: SchemaColumn[]
      /** The first values of each column, by header name, for the mapping step's date formats. */
      samples: Record<string, string[]>
    }
  | { kind: 'fail'; message: string }

/** Values of each column kept for the mapping step. */
const SAMPLE_VALUES = 200

// Reads the start of the file and decides: load by header, a column mapping is needed (the
// proposal), or the file cannot be used (a message). `format` forces a layout (the command line's
// --format; `schema` is ours). A proposed date in one column gets the date format told from the
// whole column (the file is read once more for it, a column at a time).
export async function planImport(source: ByteSource, format?: FileFormat): Promise<ImportPlan> {
  const probe = await source.read(0, Math.min(source.size, HEADER_PROBE_BYTES))
  // A probe that cuts a UTF-8 character in two is not valid UTF-8: cut it at the last line break.
  const end = source.size > probe.length ? probe.lastIndexOf(10) + 1 || probe.length : probe.length
  const decoded = decodeBytes(probe.subarray(0, end))
  if (!decoded.ok) return { kind: 'fail', message: decoded.message }
  if (decoded.text.trim() === '') return { kind: 'fail', message: 'The file is empty.' }
  const { header, headerLine } = readHeader(decoded.text)
  const refusal = headerRefusal(header, headerLine, true)
  if (format === 'schema' || (format === undefined && !refusal)) {
    return refusal ? { kind: 'fail', message: refusal.message } : { kind: 'load' }
  }
  if (header.every((cell) => cell === '')) {
    return { kind: 'fail', message: refusal?.message ?? 'The file has no header.' }
  }
  const named = proposeMapping(header, format)
  const samples = await sampleColumns(source, decoded.encoding, header, named)
  const proposal = withoutWorldRegions(named, samples)
  return { kind: 'map', header, proposal, missing: refusal?.missing ?? [], samples }
}

// Reads the whole file once, a column at a time: the first values of every column (for the
// mapping step), and the date format of the proposed date column from all of its values.
async function sampleColumns(
  source: ByteSource,
  encoding: TextEncodingName,
  header: readonly string[],
  proposal: ColumnMapping,
): Promise<Record<string, string[]>> {
  const samples: string[][] = header.map(() => [])
  const date = proposal.sources.date
  const dateIndex = date?.kind === 'looseDate' ? header.findIndex((c) => c === date.name) : -1
  const detector = new DateFormatDetector()
  const missing = new Set(proposal.missing ?? [])
  let rows = 0
  const scanner = new CsvScanner(
    {
      header: () => true,
      row: (view) => {
        if (rows++ < SAMPLE_VALUES) {
          for (let i = 0; i < header.length && i < view.count; i++) samples[i]?.push(view.field(i))
        } else if (dateIndex === -1) return false
        if (dateIndex !== -1 && dateIndex < view.count) {
          const value = view.field(dateIndex)
          if (!missing.has(value.trim())) detector.add(value)
        }
      },
    },
    KNOWN_COLUMN_NAMES,
  )
  // Decoded and encoded again as UTF-8: the scanner reads UTF-8, and a Windows-1252 or UTF-16 file
  // is read in its own encoding here (the loader does the same while loading).
  const decoder = new TextDecoder(encoding)
  const encoder = new TextEncoder()
  for (let start = 0; start < source.size; start += CHUNK_BYTES) {
    const chunk = await source.read(start, Math.min(source.size, start + CHUNK_BYTES))
    scanner.push(encoder.encode(decoder.decode(chunk, { stream: true })))
    if (dateIndex === -1 && rows >= SAMPLE_VALUES) break
  }
  scanner.push(encoder.encode(decoder.decode()))
  scanner.finish()
  if (date?.kind === 'looseDate' && dateIndex !== -1) {
    const found = detector.result()
    proposal.sources.date = { ...date, format: found.format }
    if (found.ambiguousOrder) proposal.dateOrderAmbiguous = true
  }
  const byName: Record<string, string[]> = {}
  header.forEach((cell, index) => {
    if (!(cell in byName)) byName[cell] = samples[index] ?? []
  })
  return byName
}

// The header row of a text and its line, read by the scanner that reads the rows: a `sep=` line and
// blank lines before the header are passed over as they are there.
function readHeader(text: string): {
  header: string[]
  headerLine: number
  delimiter: Delimiter | null
} {
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
  return {
    header,
    headerLine: header.length > 0 ? headerLine : scanner.tally.headerLine,
    delimiter: scanner.tally.delimiter,
  }
}

// Runs one import: with no mapping, probes the header first and asks for a mapping when the file
// lacks our required columns; otherwise reads every slice into CsvLoader and posts the result.
// With `tail` (a second worker runs runTailJob on the same file): reads up to the cut only, then
// appends the part the other read (`tail` resolves to it); when the cut is not a row boundary
// after all, or the part cannot be used, reads on to the end alone.
export async function runImportJob(
  source: ByteSource,
  mapping: ColumnMapping | null,
  post: PostReply,
  chunkBytes = CHUNK_BYTES,
  tail?: (() => Promise<TailPart | null>) | TailLink,
  minBytes = SPLIT_MIN_BYTES,
  /**
   * Send the text columns' bytes in a reply of their own after `done` (see its textsToFollow):
   * making them copies every byte of a file read in two, which the page need not wait for.
   */
  textsApart = false,
): Promise<void> {
  if (source.size === 0)
    return post({ type: 'failed', message: 'The file is empty.', warnings: [] })
  const { steps, step } = stepRecorder()
  if (mapping === null) {
    const plan = await planImport(source)
    if (plan.kind === 'fail') return post({ type: 'failed', message: plan.message, warnings: [] })
    if (plan.kind === 'map') {
      const { header, proposal, missing, samples } = plan
      return post({ type: 'needs-mapping', header, proposal, missing, samples })
    }
  }
  const notes: MappingNotes = { decimalCounts: 0 }
  const readerOptions = (notes: MappingNotes): LoadOptions =>
    mapping ? { readerFor: (header) => readerFromMapping(mapping, header, notes) } : {}
  const loader = new CsvLoader(readerOptions(notes))
  post({ type: 'progress', bytesRead: 0, total: source.size })
  const link = typeof tail === 'function' ? { part: tail } : tail
  const split = link ? await findSplit(source, minBytes) : null
  step('read the header')
  let from = 0
  if (split && link) {
    let takenBytes = 0
    const progress = () => {
      const bytesRead = loader.bytesRead + takenBytes
      post({ type: 'progress', bytesRead, total: source.size, part: 'head' })
    }
    for await (const piece of piecesOf(source, chunkBytes, 0, split.at)) {
      loader.push(piece)
      progress()
    }
    step('first worker: read its part')
    from = split.at
    if (loader.canAppend(split)) {
      // The second worker still reads: the end of its part is read here (StealLink).
      const cut = link.steal ? await link.steal() : null
      let last: TailPart | null = null
      if (cut) {
        step('first worker: ask for the rest of the second part')
        last = await readPartFrom(
          source,
          cut,
          chunkBytes,
          readerOptions({ decimalCounts: 0 }),
          (bytes) => {
            takenBytes = bytes
            progress()
          },
        )
        step('first worker: read the rest of the second part')
      }
      const part = await link.part()
      step('first worker: wait for the second part')
      if (part && loader.canAppend(part)) {
        steps.push(...(part.steps ?? []))
        loader.appendTail(part)
        from = part.at + part.bytes
        // The part the second worker left (unless it read on to the end after all).
        if (last && loader.canAppend(last)) {
          loader.appendTail(last)
          from = source.size
        }
        step('first worker: append the second part')
      }
    }
  } else if (link) {
    // The other worker finds no cut either (the same bytes): its answer is not waited for.
    void link.part()
  }
  if (from < source.size) {
    for await (const piece of piecesOf(source, chunkBytes, from)) {
      loader.push(piece)
      post({ type: 'progress', bytesRead: loader.bytesRead, total: source.size })
    }
    step('read the file')
  }
  const result = loader.finish(textsApart)
  step('finish the store')
  if (!result.ok || !result.store) {
    const message = result.fileIssues[0]?.message ?? 'The file could not be read.'
    return post({ type: 'failed', message, warnings: result.warnings })
  }
  const warnings = [
    ...result.warnings,
    ...mappingWarnings(notes),
    ...result.rowWarnings
      .slice(0, MAX_ISSUES_SENT)
      .map((w) => `line ${w.line}, column ${w.column}: ${w.message}`),
  ]
  if (result.rowWarnings.length > MAX_ISSUES_SENT) {
    warnings.push(`and ${result.rowWarnings.length - MAX_ISSUES_SENT} more rows with warnings`)
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
      result.rejected.length > 0
        ? rejectedRowsToCsv(result.header, withIssues(result.rejected, result.rowIssues))
        : '',
  }
  // Labels go as UTF-8 bytes, not strings: the page unpacks them in steps (core/transfer).
  const columns = packColumns(result.store.columns)
  step('pack the labels')
  if (!result.texts) {
    post({ type: 'done', columns, report, steps }, transferablesOfPacked(columns))
    return
  }
  post(
    { type: 'done', columns, report, steps, textsToFollow: true },
    transferablesOfPacked(columns),
  )
  const sent = steps.length
  const texts = result.texts()
  step('finish the text columns')
  const buffers = new Set(Object.values(texts).map((bytes) => bytes.buffer as ArrayBuffer))
  post({ type: 'texts', texts, steps: steps.slice(sent) }, [...buffers])
}
