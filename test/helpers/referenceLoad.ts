// The reference pipeline the streamed import (core/load's CsvLoader) is held equal to: the whole
// text through parseCsvText (PapaParse), validateRow per row, StoreBuilder.push per record.

import { parseCsvText } from '../../src/core/csv/papaParse'
import { StoreBuilder } from '../../src/core/store/builder'
import { validateRow, type RowIssue, type RowReader } from '../../src/core/load/validate'

export interface Reference {
  records: unknown[]
  lines: number[]
  rowIssues: RowIssue[]
  rejected: { line: number; fields: string[] }[]
  blankLines: number
  fileIssues: unknown[]
}

/** Loads `text` the reference way, its rows read by the reader `readerFor` makes for its header. */
export function referenceLoad(
  text: string,
  readerFor: (header: readonly string[]) => RowReader,
): Reference {
  const parsed = parseCsvText(text)
  const reader = readerFor(parsed.header)
  const builder = new StoreBuilder(reader.extras.map((extra) => extra.name))
  const out: Reference = {
    records: [],
    lines: [],
    rowIssues: [],
    rejected: [],
    blankLines: parsed.blankLines,
    fileIssues: parsed.issues,
  }
  parsed.rows.forEach((fields, r) => {
    const line = parsed.lines[r] as number
    const result = validateRow(fields, line, reader)
    if (result.ok) {
      builder.push(result.record, line)
      out.lines.push(line)
    } else {
      out.rowIssues.push(...result.issues)
      out.rejected.push({ line, fields })
    }
  })
  out.records = builder.finish().records()
  return out
}
