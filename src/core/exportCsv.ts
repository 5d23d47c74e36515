// Records -> CSV text that opens safely in a spreadsheet and reads back identically.
// Every field is quoted. A value a spreadsheet would run as a formula gets one leading apostrophe
// (OWASP CSV injection); the importer strips exactly that apostrophe again (unescapeFormula), so the
// escape is reversible. Papa.unparse's escapeFormulae is neither safe enough nor lossless
// (CSV-PITFALLS #7), so the writer is our own: it is a few lines.

import { SCHEMA_COLUMNS } from './schema'
import type { CasualtyStore } from './store'

export interface CsvWriteOptions {
  /** Start with a UTF-8 byte-order mark, so Excel reads UTF-8 (the "Excel-friendly" default). */
  bom: boolean
  /** Record separator; RFC 4180 says CRLF. */
  newline: '\r\n' | '\n'
}

export const EXCEL_FRIENDLY: CsvWriteOptions = { bom: true, newline: '\r\n' }
export const PLAIN_RFC4180: CsvWriteOptions = { bom: false, newline: '\r\n' }

/** First characters that make a spreadsheet read a cell as a formula (OWASP, plus full-width forms). */
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

/** Would a spreadsheet run `value`, once any leading apostrophes are removed, as a formula? */
function isFormulaLike(value: string): boolean {
  const rest = value.replace(/^'+/, '')
  return FORMULA_START.test(rest) && !PLAIN_NUMBER.test(rest)
}

// Prefixes one apostrophe to a formula-like value. Values that already start with apostrophes
// before formula-like text get one more, so that unescapeFormula can always undo exactly one.
export function escapeFormula(value: string): string {
  return isFormulaLike(value) ? `'${value}` : value
}

/** The inverse of escapeFormula: strips the one apostrophe it added. */
export function unescapeFormula(value: string): string {
  return value.startsWith("'") && isFormulaLike(value) ? value.slice(1) : value
}

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

/** The columns an export of `store` has: our schema, then the file's extra columns. */
export function exportColumns(store: CasualtyStore): string[] {
  return [...SCHEMA_COLUMNS, ...store.extraNames]
}

/** The fields of one stored row, in exportColumns order, values as they were read. */
export function rowFields(store: CasualtyStore, row: number): string[] {
  const record = store.record(row)
  const fields = SCHEMA_COLUMNS.map((column) => {
    const value = record[column]
    return value === null ? '' : String(value)
  })
  for (const name of store.extraNames) fields.push(record.extra[name] ?? '')
  return fields
}

// The rows `rows` of `store` as CSV: every schema column, then the extra columns they came with.
export function storeToCsv(
  store: CasualtyStore,
  rows: ArrayLike<number>,
  options: CsvWriteOptions = EXCEL_FRIENDLY,
): string {
  function* fields() {
    for (let i = 0; i < rows.length; i++) yield rowFields(store, rows[i] as number)
  }
  return toCsv(exportColumns(store), fields(), options)
}
