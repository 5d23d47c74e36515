// The source registry as CSV: the columns of data/sources.csv, one source a row, every field quoted
// and formula-escaped like the rows' export (core/csv/write). Read back by core/load/sources
// parseSources, the same entries come out: an export, imported and exported again, is the same
// bytes.

import { EXCEL_FRIENDLY, toCsv, type CsvWriteOptions } from '../csv/write'
import { SOURCE_COLUMNS, type Source } from '../reports'

/** The registry's entries as CSV text, in the order given. */
export function sourcesToCsv(
  sources: Iterable<Source>,
  options: CsvWriteOptions = EXCEL_FRIENDLY,
): string {
  const rows: string[][] = []
  for (const source of sources) rows.push(SOURCE_COLUMNS.map((column) => source[column]))
  return toCsv(SOURCE_COLUMNS, rows, options)
}

/** The registry's file name beside a rows export named `rowsFileName` (`…-sources.csv`). */
export function sourcesFileName(rowsFileName: string): string {
  return rowsFileName.replace(/\.csv$/i, '') + '-sources.csv'
}
