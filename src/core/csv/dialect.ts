// The CSV dialect both parsers read (the PapaParse reference and the byte scanner): which
// delimiters there are and how one is chosen, the `sep=` line, the HXL hashtag row, and the words
// of the grammar problems they report. One copy, so that the two parsers cannot drift apart.

import { SCHEMA_COLUMNS } from '../schema'

/** Delimiters we accept: comma, semicolon (European Excel), tab (Excel "Unicode text"). */
export const DELIMITERS = [',', ';', '\t'] as const
export type Delimiter = (typeof DELIMITERS)[number]

/** A problem with the file as a whole, or with one line of it that is not a data row. */
export interface FileIssue {
  /** 1-based physical line of the file, when the problem sits on one line. */
  line?: number
  message: string
}

/** Excel's first line that names the delimiter: `sep=;`. */
export const SEP_LINE = /^sep=(.)\s*$/i

/** The delimiter a `sep=` line names, when it is one we accept. */
export function namedDelimiter(named: string): Delimiter | null {
  return (DELIMITERS as readonly string[]).includes(named) ? (named as Delimiter) : null
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
