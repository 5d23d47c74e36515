// The CSV dialect both parsers read (the PapaParse reference and the byte scanner): which
// delimiters there are and how one is chosen, the `sep=` line, the HXL hashtag row, and the words
// of the grammar problems they report. One copy, so that the two parsers cannot drift apart.

import { SCHEMA_COLUMNS } from '../schema'

/** Delimiters chosen by the header: comma, semicolon (European Excel), tab (Excel "Unicode text"). */
export const DELIMITERS = [',', ';', '\t'] as const
/** A delimiter: one of DELIMITERS, or any one character a `sep=` line names (`|`, `:`...). */
export type Delimiter = string

/** A problem with the file as a whole, or with one line of it that is not a data row. */
export interface FileIssue {
  /** 1-based physical line of the file, when the problem sits on one line. */
  line?: number
  /** The column at fault, when the problem is one column's (a header naming it twice). */
  column?: string
  message: string
}

/** Excel's first line that names the delimiter: `sep=;`. */
export const SEP_LINE = /^sep=(.)\s*$/i

// The delimiter a `sep=` line names: any one ASCII character but the quote, a line break, a letter
// or a digit (Excel honours `sep=|` and `sep=:` alike; `sep=x` is more likely a header than a
// delimiter). ASCII, because the scanner compares single bytes.
export function namedDelimiter(named: string): Delimiter | null {
  if (named.length !== 1 || !/^[\x09\x20-\x7e]$/.test(named) || /["A-Za-z0-9]/.test(named))
    return null
  return named
}

/** A line that holds nothing but spaces and tabs: blank, skipped and counted before the header. */
export function isBlankLine(line: string): boolean {
  return /^[ \t\u00a0\u3000]*$/.test(line)
}

// Spreadsheet workbooks saved under a `.csv` name are recognised by their first bytes: a ZIP archive
// (`PK\x03\x04`: .xlsx, .ods) or an OLE2 compound file (.xls). Null for anything else.
export function workbookKind(bytes: Uint8Array): 'zip' | 'ole2' | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip'
  const ole2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
  if (bytes.length >= 8 && ole2.every((b, i) => bytes[i] === b)) return 'ole2'
  return null
}

/** What a user is told when the file is a workbook, not CSV text. */
export function workbookMessage(kind: 'zip' | 'ole2'): string {
  const what =
    kind === 'zip'
      ? 'an Excel workbook (.xlsx) or another zipped spreadsheet (.ods), not CSV text'
      : 'an Excel 97-2003 workbook (.xls), not CSV text'
  return `The file is ${what}. Open it in Excel or LibreOffice, choose File → Save As → "CSV UTF-8 (comma delimited)", and import that file.`
}

/** Why the rest of a file is one value: its quote is never closed. */
export const MISSING_QUOTE_MESSAGE =
  'a quoted field is never closed: everything after its opening quote was read as one value. Check the quotes on this line.'

/** A closing quote followed by something other than a delimiter, in PapaParse's words. */
export const MALFORMED_QUOTE_MESSAGE =
  'malformed quotes: Trailing quote on quoted field is malformed'

/** Our own column names: the names a delimiter is chosen by when the caller gives no others. */
export const SCHEMA_NAMES: ReadonlySet<string> = new Set(SCHEMA_COLUMNS)

/** Header cells as the file names them: trimmed, surrounding quotes removed. */
function splitHeaderLine(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((cell) =>
    cell
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim(),
  )
}

// Picks the delimiter under which the header names the most known columns; ties go to the one that
// splits the header into the most cells. PapaParse's own guess picks `,` for a semicolon file
// whose values hold decimal commas (`1,5` splits into more cells than `;` does).
export function chooseDelimiter(
  headerLine: string,
  knownNames: ReadonlySet<string> = SCHEMA_NAMES,
): Delimiter {
  let best: Delimiter = ','
  let bestScore = -1
  for (const delimiter of DELIMITERS) {
    const cells = splitHeaderLine(headerLine, delimiter)
    const known = cells.filter((cell) => knownNames.has(cell.toLowerCase())).length
    const score = known * 1000 + Math.min(cells.length, 999)
    if (score > bestScore) {
      best = delimiter
      bestScore = score
    }
  }
  return best
}

/** An HXL hashtag row (`#date+occurred`, `#adm1+name`): every non-empty cell starts with `#`. */
export function isHxlRow(fields: readonly string[]): boolean {
  let tags = 0
  for (const field of fields) {
    const cell = field.trim()
    if (cell === '') continue
    if (!cell.startsWith('#')) return false
    tags++
  }
  return tags > 0
}
