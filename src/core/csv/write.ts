// Rows of strings -> CSV text that opens safely in a spreadsheet and reads back identically.
// Every field is quoted. A value a spreadsheet would run as a formula gets one leading apostrophe
// (csv/formula.ts); the importer strips exactly that apostrophe again, so the escape is reversible.
// Papa.unparse's escapeFormulae is neither safe enough nor lossless: it skips a leading line feed
// and the full-width `＝＋－＠`, and turns the number `-5` into `'-5`, which does not read back. So
// the writer is our own: it is a few lines.

import { escapeFormula } from './formula'

export interface CsvWriteOptions {
  /** Start with a UTF-8 byte-order mark, so Excel reads UTF-8 (the "Excel-friendly" default). */
  bom: boolean
  /** Record separator; RFC 4180 says CRLF. */
  newline: '\r\n' | '\n'
}

export const EXCEL_FRIENDLY: CsvWriteOptions = { bom: true, newline: '\r\n' }
export const PLAIN_RFC4180: CsvWriteOptions = { bom: false, newline: '\r\n' }

/** One field, formula-escaped and quoted, quotes doubled. */
export function quoteField(value: string): string {
  return `"${escapeFormula(value).replace(/"/g, '""')}"`
}

/** A CSV text from a header and rows of strings. */
export function toCsv(
  header: readonly string[],
  rows: Iterable<readonly string[]>,
  options: CsvWriteOptions = EXCEL_FRIENDLY,
): string {
  const lines = [header.map(quoteField).join(',')]
  for (const row of rows) lines.push(row.map(quoteField).join(','))
  return (options.bom ? '\uFEFF' : '') + lines.join(options.newline) + options.newline
}

/** Rows an import kept out, with their line numbers, under the file's own header. */
export function rejectedRowsToCsv(
  header: readonly string[],
  rows: readonly { line: number; fields: readonly string[]; issues?: readonly string[] }[],
  options: CsvWriteOptions = EXCEL_FRIENDLY,
): string {
  // With the rows' messages, an `issues` column after the line says what to fix in each.
  const withIssues = rows.some((row) => row.issues !== undefined)
  return toCsv(
    withIssues ? ['line', 'issues', ...header] : ['line', ...header],
    rows.map((row) =>
      withIssues
        ? [String(row.line), (row.issues ?? []).join('; '), ...row.fields]
        : [String(row.line), ...row.fields],
    ),
    options,
  )
}
