// A streaming CSV scanner over UTF-8 bytes: rows come out as byte ranges while the file is still
// arriving, so a large file never becomes one giant string (a JS string holds at most ~512 MB) and
// long text fields can be copied as bytes into the store without ever being decoded.
//
// It follows PapaParse's grammar exactly as parseCsvText uses it (csv/papaParse.ts stays the
// reference; a property test checks that both give the same rows, lines and issues on random CSV):
// - a field is quoted only when its first character is `"`; `""` inside is one quote;
// - a closing quote may be followed by white space before the delimiter or line break; anything
//   else there is "malformed quotes", and the field goes on to the next quote that does close it;
// - a quote never closed makes the rest of the file one field, as read (no `""` undone);
// - rows end at LF, CRLF or a lone CR; line breaks inside quoted values are data, kept as written;
// - a `sep=` first line names the delimiter; empty lines before the header are counted as blank;
// - rows whose fields are all white space are blank lines; an HXL hashtag row under the header is
//   skipped. Every row knows the physical line it starts on.

import type { Delimiter, FileIssue } from './dialect'
import { MALFORMED_QUOTE_MESSAGE, MISSING_QUOTE_MESSAGE, SEP_LINE } from './dialect'
import { chooseDelimiter, isBlankLine, isHxlRow, namedDelimiter } from './dialect'
import { copyUnescaped, trimRange, trimmed, utf8SequenceLength, whitespaceLength } from './bytes'

const QUOTE = 34
const LF = 10
const CR = 13

/** Field flags. */
export const FIELD_QUOTED = 1
/** The field holds `""` pairs to undo. */
export const FIELD_ESCAPED = 2
/** The field holds bytes outside ASCII. */
export const FIELD_NON_ASCII = 4
/** An unclosed quoted field: its bytes are taken as they are. */
export const FIELD_RAW = 8

/** scanRow's answer for a row holding bytes that are not UTF-8. */
const INVALID_UTF8 = -2

// ignoreBOM: a value that starts with U+FEFF keeps it.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true })
const strictUtf8 = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true })

/** One row as byte ranges into `bytes`, valid only during the callback that receives it. */
export class RowView {
  bytes: Uint8Array = new Uint8Array(0)
  starts = new Int32Array(64)
  ends = new Int32Array(64)
  flags = new Uint8Array(64)
  count = 0
  /** Physical line of the file where the row starts. */
  line = 0
  private scratch = new Uint8Array(1024)

  /** Field i as a string, with `""` undone (what PapaParse gives). */
  field(i: number): string {
    const start = this.starts[i] ?? 0
    const end = this.ends[i] ?? 0
    if (start === end) return ''
    const flags = this.flags[i] ?? 0
    if ((flags & FIELD_ESCAPED) === 0 || (flags & FIELD_RAW) !== 0) {
      return decodeAscii(this.bytes, start, end, flags)
    }
    if (this.scratch.length < end - start) this.scratch = new Uint8Array((end - start) * 2)
    const length = copyUnescaped(this.bytes, start, end, this.scratch, 0)
    return utf8.decode(this.scratch.subarray(0, length))
  }

  fields(): string[] {
    const out: string[] = []
    for (let i = 0; i < this.count; i++) out.push(this.field(i))
    return out
  }

  grow(): void {
    const size = this.starts.length * 2
    const starts = new Int32Array(size)
    const ends = new Int32Array(size)
    const flags = new Uint8Array(size)
    starts.set(this.starts)
    ends.set(this.ends)
    flags.set(this.flags)
    this.starts = starts
    this.ends = ends
    this.flags = flags
  }
}

// A field as a string. Short ASCII fields are built by hand: a TextDecoder call costs more than
// the loop, and String.fromCharCode.apply on a typed array more still.
function decodeAscii(bytes: Uint8Array, start: number, end: number, flags: number): string {
  if ((flags & FIELD_NON_ASCII) !== 0 || end - start > 24) {
    return utf8.decode(bytes.subarray(start, end))
  }
  let out = ''
  for (let i = start; i < end; i++) out += String.fromCharCode(bytes[i] as number)
  return out
}

/** What the scanner tells its user, in file order. */
export interface ScanHandler {
  /** The header row (cells trimmed), once, before any data row. Return false to stop. */
  header(cells: string[], line: number): boolean | void
  /** A data row (not blank, not skipped). Return false to stop scanning the rest of the file. */
  row(view: RowView): boolean | void
}

/** Counts the scanner keeps about lines that are not data rows. */
export interface ScanTally {
  blankLines: number
  skipped: { line: number; reason: string }[]
  issues: FileIssue[]
  headerLine: number
  delimiter: Delimiter | null
}

/** Bytes of a new piece scanned joined to the carried row before the rest is scanned in place. */
const SEAM_BYTES = 64 * 1024

/**
 * Feed UTF-8 bytes with push() in any pieces, then call finish() once. Rows are handed over as
 * soon as they are complete; only the last, unfinished row is carried to the next piece.
 */
export class CsvScanner {
  readonly tally: ScanTally = {
    blankLines: 0,
    skipped: [],
    issues: [],
    headerLine: 1,
    delimiter: null,
  }
  private carry: Uint8Array = new Uint8Array(0)
  /** Bytes of a new piece scanned joined to the carried row before the rest is scanned in place. */
  seamBytes = SEAM_BYTES
  private state: 'start' | 'header' | 'rows' | 'stopped' = 'start'
  private delimiter = 44
  private line = 1
  private rowNonAscii = false
  /** Has a scanned row held characters outside ASCII? */
  sawNonAscii = false

  /** The line the next row starts on (where scanning paused, after invalid UTF-8). */
  get nextLine(): number {
    return this.line
  }
  private rowIndex = 0
  private readonly view = new RowView()
  private readonly pending: FileIssue[] = []
  private rowNewlines = 0
  private atEof = false

  constructor(
    private readonly handler: ScanHandler,
    private readonly knownNames?: ReadonlySet<string>,
  ) {}

  /**
   * True when scanning met bytes that are not UTF-8. Scanning then pauses before the row that
   * holds them: takeRest() gives back the bytes not scanned yet, to be decoded otherwise and pushed
   * again (the loader reads such a file as Windows-1252).
   */
  invalid = false

  /**
   * Starts scanning data rows at once, as if a header had been read: the delimiter is given, and
   * the first row is physical line `line` (a part of a file, from a row boundary on; its lines are
   * counted from there). Called before the first push.
   */
  resumeRows(delimiter: Delimiter, line = 1): void {
    this.state = 'rows'
    this.delimiter = delimiter.charCodeAt(0)
    this.tally.delimiter = delimiter
    this.line = line
    // The row after the header (where an HXL row is looked for) is behind.
    this.rowIndex = 2
  }

  /**
   * True when every byte pushed so far ended a whole row, the header and the row after it (where
   * an HXL row is looked for) among them: the next byte starts a data row.
   */
  get atRowStart(): boolean {
    return this.state === 'rows' && this.rowIndex >= 2 && !this.invalid && this.carry.length === 0
  }

  takeRest(): Uint8Array {
    const rest = this.carry
    this.carry = new Uint8Array(0)
    this.invalid = false
    return rest
  }

  push(bytes: Uint8Array): void {
    if (this.state === 'stopped' || this.invalid || bytes.length === 0) return
    let buffer = bytes
    const seamBytes = this.seamBytes
    if (this.carry.length > 0 && this.state === 'rows' && bytes.length > seamBytes) {
      // The carried row ends near the start of the piece: only that seam is scanned joined, the
      // rest of the piece where it is (no copy of a whole piece per push).
      const carried = this.carry.length
      const seam = new Uint8Array(carried + seamBytes)
      seam.set(this.carry)
      seam.set(bytes.subarray(0, seamBytes), carried)
      const used = this.scan(seam, false)
      // scan() may have stopped scanning (a refused header) or paused (bytes not UTF-8).
      if (this.invalid || (this.state as string) === 'stopped') {
        this.carry = new Uint8Array(seam.length - used + bytes.length - seamBytes)
        this.carry.set(seam.subarray(used))
        this.carry.set(bytes.subarray(seamBytes), seam.length - used)
        return
      }
      if (used >= carried) {
        buffer = bytes.subarray(used - carried)
        const rest = this.scan(buffer, false)
        this.carry = rest === buffer.length ? new Uint8Array(0) : buffer.slice(rest)
        return
      }
      // Still inside the carried bytes (a row longer than the seam): the rest joined whole.
      this.carry = this.carry.slice(used)
    }
    if (this.carry.length > 0) {
      buffer = new Uint8Array(this.carry.length + bytes.length)
      buffer.set(this.carry)
      buffer.set(bytes, this.carry.length)
    }
    const used = this.scan(buffer, false)
    // Copy what is carried: a view would keep the whole piece alive.
    this.carry = used === buffer.length ? new Uint8Array(0) : buffer.slice(used)
  }

  finish(): void {
    if (this.state === 'stopped' || this.invalid) return
    const used = this.scan(this.carry, true)
    if (this.invalid) {
      this.carry = this.carry.slice(used)
      return
    }
    this.carry = new Uint8Array(0)
    this.state = 'stopped'
  }

  /** Scans complete rows of `buffer`; returns how many bytes were used. */
  private scan(buffer: Uint8Array, final: boolean): number {
    let at = 0
    if (this.state === 'start') {
      const start = this.readPreamble(buffer, final)
      if (start === -1) return 0
      at = start
      this.state = 'header'
    }
    const end = buffer.length
    const view = this.view
    view.bytes = buffer
    while (at < end && this.state !== 'stopped') {
      const next = this.scanRow(buffer, at, end, final)
      if (next === -1) break
      if (next === INVALID_UTF8) {
        this.invalid = true
        break
      }
      view.line = this.line
      this.line += this.rowNewlines + 1
      if (this.rowNonAscii) this.sawNonAscii = true
      for (const issue of this.pending) this.tally.issues.push({ ...issue, line: view.line })
      this.handleRow(view)
      at = next
      if (this.atEof) break
    }
    return at
  }

  private handleRow(view: RowView): void {
    const index = this.rowIndex++
    if (this.state === 'header') {
      this.tally.headerLine = view.line
      this.state = 'rows'
      const cells = view.fields().map((cell) => cell.trim())
      if (this.handler.header(cells, view.line) === false) this.state = 'stopped'
      return
    }
    if (isBlankRow(view)) {
      this.tally.blankLines++
      return
    }
    if (index === 1) {
      const fields = view.fields()
      if (isHxlRow(fields)) {
        this.tally.skipped.push({ line: view.line, reason: 'HXL hashtag row' })
        return
      }
    }
    if (this.handler.row(view) === false) this.state = 'stopped'
  }

  // The `sep=` line, empty lines and the delimiter, read before the header. Returns where the
  // header starts, or -1 when the piece does not hold the whole preamble yet.
  private readPreamble(buffer: Uint8Array, final: boolean): number {
    let at = 0
    if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) at = 3
    else if (!final && buffer.length < 3) return -1
    let line = 1
    let forced: Delimiter | null = null
    const skipped: ScanTally['skipped'] = []
    const first = lineEnd(buffer, at, final)
    if (first === -1) return -1
    let firstText: string
    try {
      firstText = strictUtf8.decode(buffer.subarray(at, first.end))
    } catch {
      this.invalid = true
      return -1
    }
    const sep = SEP_LINE.exec(firstText)
    if (sep) {
      forced = namedDelimiter(sep[1] as string)
      skipped.push({ line: 1, reason: `"${firstText.trim()}" names the delimiter` })
      at = first.next
      line = 2
    }
    let blank = 0
    for (;;) {
      const next = lineEnd(buffer, at, final)
      if (next === -1) return -1
      if (next.next === at || !isBlankLine(utf8.decode(buffer.subarray(at, next.end)))) break
      blank++
      line++
      at = next.next
    }
    const header = lineEnd(buffer, at, final)
    if (header === -1) return -1
    const delimiter =
      forced ?? chooseDelimiter(utf8.decode(buffer.subarray(at, header.end)), this.knownNames)
    this.delimiter = delimiter.charCodeAt(0)
    this.tally.delimiter = delimiter
    this.tally.skipped.push(...skipped)
    this.tally.blankLines += blank
    this.tally.headerLine = line
    this.line = line
    return at
  }

  // Scans one row from `start`. Fills the view and returns where the next row starts, or -1 when
  // the row is not complete in this piece (it is then scanned again with the next piece).
  private scanRow(bytes: Uint8Array, start: number, end: number, final: boolean): number {
    const view = this.view
    const delimiter = this.delimiter
    this.pending.length = 0
    this.rowNonAscii = false
    let newlines = 0
    let n = 0
    let at = start
    for (;;) {
      if (n === view.starts.length) view.grow()
      if (at < end && bytes[at] === QUOTE) {
        const open = at + 1
        let flags = FIELD_QUOTED
        let q = open
        for (;;) {
          let c = 0
          while (q < end) {
            c = bytes[q] as number
            if (c === QUOTE) break
            if (c === LF) newlines++
            else if (c === CR) {
              if (q + 1 < end) {
                if (bytes[q + 1] !== LF) newlines++
              } else if (final) newlines++
              else return -1
            } else if (c >= 0x80) {
              flags |= FIELD_NON_ASCII
              this.rowNonAscii = true
              this.rowNonAscii = true
              const length = utf8SequenceLength(bytes, q, end)
              if (length === -1 && !final) return -1
              if (length <= 0) return INVALID_UTF8
              q += length
              continue
            }
            q++
          }
          if (q >= end) {
            if (!final) return -1
            this.pending.push({ message: MISSING_QUOTE_MESSAGE })
            view.starts[n] = open
            view.ends[n] = end
            view.flags[n++] = (flags & ~FIELD_ESCAPED) | FIELD_RAW
            return this.endRow(n, newlines, end, true)
          }
          if (q + 1 >= end) {
            if (!final) return -1
            view.starts[n] = open
            view.ends[n] = q
            view.flags[n++] = flags
            return this.endRow(n, newlines, end, true)
          }
          if (bytes[q + 1] === QUOTE) {
            flags |= FIELD_ESCAPED
            q += 2
            continue
          }
          // White space may sit between the closing quote and the delimiter or line break.
          let after = q + 1
          for (let w = 0; after < end && (w = whitespaceLength(bytes, after, end)) > 0;) {
            if (bytes[after] === delimiter) break
            after += w
          }
          if (after >= end && !final) return -1
          const next = after < end ? (bytes[after] as number) : -1
          if (next === delimiter) {
            view.starts[n] = open
            view.ends[n] = q
            view.flags[n++] = flags
            at = after + 1
            break
          }
          if (next === LF || next === CR) {
            view.starts[n] = open
            view.ends[n] = q
            view.flags[n++] = flags
            const rowEnd = this.afterBreak(bytes, after, end, final)
            if (rowEnd === -1) return -1
            return this.endRow(n, newlines, rowEnd, false)
          }
          this.pending.push({ message: MALFORMED_QUOTE_MESSAGE })
          q++
        }
        if (n === view.starts.length) view.grow()
        continue
      }
      const fieldStart = at
      let flags = 0
      let c = -1
      while (at < end) {
        c = bytes[at] as number
        if (c === delimiter || c === LF || c === CR) break
        if (c >= 0x80) {
          flags |= FIELD_NON_ASCII
          this.rowNonAscii = true
          const length = utf8SequenceLength(bytes, at, end)
          if (length === -1 && !final) return -1
          if (length <= 0) return INVALID_UTF8
          at += length
          continue
        }
        at++
      }
      if (at >= end) {
        if (!final) return -1
        view.starts[n] = fieldStart
        view.ends[n] = end
        view.flags[n++] = flags
        return this.endRow(n, newlines, end, true)
      }
      view.starts[n] = fieldStart
      view.ends[n] = at
      view.flags[n++] = flags
      if (c === delimiter) {
        at++
        continue
      }
      const rowEnd = this.afterBreak(bytes, at, end, final)
      if (rowEnd === -1) return -1
      return this.endRow(n, newlines, rowEnd, false)
    }
  }

  private afterBreak(bytes: Uint8Array, at: number, end: number, final: boolean): number {
    if (bytes[at] === LF) return at + 1
    if (at + 1 < end) return bytes[at + 1] === LF ? at + 2 : at + 1
    return final ? at + 1 : -1
  }

  private endRow(count: number, newlines: number, next: number, atEof: boolean): number {
    this.view.count = count
    this.rowNewlines = newlines
    this.atEof = atEof
    return next
  }
}

// Where the line starting at `at` ends (before its break) and where the next one starts; -1 when
// the piece ends first and more may come.
function lineEnd(
  bytes: Uint8Array,
  at: number,
  final: boolean,
): { end: number; next: number } | -1 {
  for (let i = at; i < bytes.length; i++) {
    const c = bytes[i]
    if (c === LF) return { end: i, next: i + 1 }
    if (c === CR) {
      if (i + 1 < bytes.length) return { end: i, next: bytes[i + 1] === LF ? i + 2 : i + 1 }
      return final ? { end: i, next: i + 1 } : -1
    }
  }
  return final ? { end: bytes.length, next: bytes.length } : -1
}

function isBlankRow(view: RowView): boolean {
  const { bytes, starts, ends } = view
  for (let i = 0; i < view.count; i++) {
    trimRange(bytes, starts[i] ?? 0, ends[i] ?? 0)
    if (trimmed.start !== trimmed.end) return false
  }
  return true
}
