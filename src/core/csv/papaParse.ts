// Text -> header and raw rows, each with the physical line of the file where it starts, through
// PapaParse: the reference grammar that the byte scanner (csv/scanner.ts) is tested against, and
// the parser of texts already in memory. PapaParse does the CSV grammar (quotes, escaped quotes,
// quoted newlines); we choose the delimiter, normalise line endings and keep every field a string:
// no dynamicTyping (it turns `007` into 7 and `1e5` into 100000), no header mode (it renames a
// second column of the same name), no delimiter guessing (it picks `,` for semicolon files with
// decimal commas).

import Papa from 'papaparse'
import {
  MISSING_QUOTE_MESSAGE,
  SEP_LINE,
  chooseDelimiter,
  isBlankLine,
  isHxlRow,
  namedDelimiter,
  type Delimiter,
  type FileIssue,
} from './dialect'

/** The raw rows of a CSV text. */
export interface ParsedCsv {
  delimiter: Delimiter
  /** Header cells, trimmed, as written (not lower-cased). */
  header: string[]
  /** Physical line of the header (2 when a `sep=` line comes first). */
  headerLine: number
  /** Data rows: the fields as strings, and the line each row starts on. */
  rows: string[][]
  lines: number[]
  /** Lines that held no data (empty, or only delimiters and spaces); counted, not loaded. */
  blankLines: number
  /** Lines skipped on purpose, with why (a `sep=` line, an HXL hashtag row). */
  skipped: { line: number; reason: string }[]
  /** Grammar problems PapaParse met (an unclosed quote), by line. */
  issues: FileIssue[]
}

// CRLF and lone CR become LF, so that line numbers match what an editor shows. Given the delimiter,
// only line breaks between rows are normalised: a CR inside a quoted value is data and stays, so
// that a value survives import(export(x)) unchanged.
export function normalizeNewlines(text: string, delimiter?: string): string {
  if (text.indexOf('\r') === -1) return text
  if (delimiter === undefined || text.indexOf('"') === -1) return text.replace(/\r\n?/g, '\n')
  const parts: string[] = []
  let from = 0
  let at = 0
  while (at < text.length) {
    const char = text.charCodeAt(at)
    if (char === 13 /* \r */) {
      parts.push(text.slice(from, at), '\n')
      at += text.charCodeAt(at + 1) === 10 ? 2 : 1
      from = at
    } else if (char === 34 /* " */ && (at === 0 || isFieldEnd(text[at - 1], delimiter))) {
      // A quoted field: skip to its closing quote ("" inside is an escaped quote).
      let close = text.indexOf('"', at + 1)
      while (close !== -1 && text.charCodeAt(close + 1) === 34) close = text.indexOf('"', close + 2)
      at = close === -1 ? text.length : close + 1
    } else {
      at++
    }
  }
  parts.push(text.slice(from))
  return parts.join('')
}

function isFieldEnd(char: string | undefined, delimiter: string): boolean {
  return char === delimiter || char === '\n' || char === '\r'
}

/** Line breaks in a value: LF, CRLF and a lone CR each count as one, as in an editor. */
function countNewlines(value: string): number {
  let count = 0
  for (let at = 0; at < value.length; at++) {
    const char = value.charCodeAt(at)
    if (char === 10 || (char === 13 && value.charCodeAt(at + 1) !== 10)) count++
  }
  return count
}

function isBlankRow(fields: readonly string[]): boolean {
  return fields.every((field) => field.trim() === '')
}

/** The delimiter a text's `sep=` line or header names, read from its start. */
function delimiterOf(text: string, knownNames?: ReadonlySet<string>): Delimiter {
  const lines = normalizeNewlines(text.slice(0, 65536)).split('\n')
  const sep = SEP_LINE.exec(lines[0] ?? '')
  const named = sep?.[1] === undefined ? null : namedDelimiter(sep[1])
  if (named) return named
  const header = lines.slice(sep ? 1 : 0).find((line) => line.trim() !== '') ?? ''
  return chooseDelimiter(header, knownNames)
}

// Splits CSV text into a header and rows that each know their starting line. Never throws.
export function parseCsvText(
  rawText: string,
  options: { knownNames?: ReadonlySet<string> } = {},
): ParsedCsv {
  let text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText
  text = normalizeNewlines(text, delimiterOf(text, options.knownNames))
  const skipped: ParsedCsv['skipped'] = []
  let line = 1
  let forcedDelimiter: Delimiter | null = null

  const firstBreak = text.indexOf('\n')
  const firstLine = firstBreak === -1 ? text : text.slice(0, firstBreak)
  const sep = SEP_LINE.exec(firstLine)
  if (sep) {
    forcedDelimiter = namedDelimiter(sep[1] as string)
    skipped.push({ line: 1, reason: `"${firstLine.trim()}" names the delimiter` })
    text = firstBreak === -1 ? '' : text.slice(firstBreak + 1)
    line = 2
  }

  // Lines before the header that hold nothing are skipped and counted like any blank line.
  let blankLines = 0
  for (let br = text.indexOf('\n'); br !== -1 && isBlankLine(text.slice(0, br));) {
    text = text.slice(br + 1)
    blankLines++
    line++
    br = text.indexOf('\n')
  }
  const headerEnd = text.indexOf('\n')
  const headerText = headerEnd === -1 ? text : text.slice(0, headerEnd)
  const delimiter = forcedDelimiter ?? chooseDelimiter(headerText, options.knownNames)

  const result = Papa.parse<string[]>(text, {
    header: false,
    delimiter,
    newline: '\n',
    quoteChar: '"',
    skipEmptyLines: false,
    dynamicTyping: false,
  })

  const parsed: ParsedCsv = {
    delimiter,
    header: [],
    headerLine: line,
    rows: [],
    lines: [],
    blankLines,
    skipped,
    issues: [],
  }
  const rowLines: number[] = []
  const data = result.data
  for (let r = 0; r < data.length; r++) {
    const fields = data[r] as string[]
    rowLines.push(line)
    let spanned = 0
    for (const field of fields) spanned += countNewlines(field)
    const rowLine = line
    line += spanned + 1
    if (r === 0) {
      parsed.header = fields.map((cell) => cell.trim())
      parsed.headerLine = rowLine
      continue
    }
    if (isBlankRow(fields)) {
      // The newline that ends the file makes a last, empty "row": it is no line of its own.
      // (A last `""` without a newline after it is a line, though: it is counted.)
      const endsFile = r === data.length - 1 && text.endsWith('\n')
      if (!(endsFile && fields.length === 1 && fields[0] === '')) parsed.blankLines++
      continue
    }
    if (r === 1 && isHxlRow(fields)) {
      skipped.push({ line: rowLine, reason: 'HXL hashtag row' })
      continue
    }
    parsed.rows.push(fields)
    parsed.lines.push(rowLine)
  }
  for (const error of result.errors) {
    // Papa reports the index of the row it was in; an unclosed quote has swallowed the rest.
    const at = error.row === undefined ? undefined : rowLines[error.row]
    if (error.code === 'MissingQuotes') {
      parsed.issues.push({ line: at, message: MISSING_QUOTE_MESSAGE })
    } else if (error.code === 'InvalidQuotes') {
      parsed.issues.push({ line: at, message: `malformed quotes: ${error.message}` })
    }
  }
  return parsed
}
