// One file read the way the page reads it, for the command-line tools: by its header when it has
// our columns, else through the column mapping the page would propose (the layout told from the
// header, or forced by --format; the date format told from the whole column), with every issue
// and warning as data.

import { loadCsv, type LoadResult } from '../core/load/loader'
import { DATE_FORMAT_NAMES, type DateFormat } from '../core/load/dates'
import { detectFormat, type FileFormat } from '../core/load/formats'
import { bytesSource, planImport } from '../core/load/importJob'
import {
  mappingWarnings,
  readerFromMapping,
  type ColumnMapping,
  type MappingNotes,
} from '../core/load/mapping'

/** The layouts the tools accept: `ours` is this dashboard's own columns. */
export const FORMAT_OPTIONS = ['auto', 'gtd', 'acled', 'ucdp', 'ours'] as const
export type FormatOption = (typeof FORMAT_OPTIONS)[number]

/** One problem or warning, as printed and as given by --json. */
export interface ValidationMessage {
  file: string
  line?: number
  column?: string
  message: string
}

export type MappedLoad =
  | { ok: false; message: string }
  | {
      ok: true
      result: LoadResult
      /** The mapping used; null when the file was read by its own header. */
      mapping: ColumnMapping | null
      /** Warnings about the file or the mapping (the encoding, missing-value codes...). */
      warnings: string[]
    }

// Reads `bytes` as `format` (auto: our columns when the header has them, else the layout the
// header shows). `dateFormat` overrides the date format told from the column.
export async function loadMapped(
  bytes: Uint8Array,
  format: FormatOption = 'auto',
  dateFormat?: DateFormat,
): Promise<MappedLoad> {
  const forced: FileFormat | undefined =
    format === 'auto' ? undefined : format === 'ours' ? 'schema' : format
  const plan = await planImport(bytesSource(bytes), forced)
  if (plan.kind === 'fail') {
    // A header of ours lacking required columns is an issue of the file, as validate reports it.
    const header = loadCsv(bytes)
    if (
      header.encoding !== null &&
      header.header.length > 0 &&
      detectFormat(header.header) === 'schema'
    )
      return { ok: true, result: header, mapping: null, warnings: [...header.warnings] }
    return { ok: false, message: plan.message }
  }
  // Our own columns with some missing: the header's issue, as the file is meant to be ours.
  const ours = plan.kind === 'map' && format === 'auto' && detectFormat(plan.header) === 'schema'
  if (plan.kind === 'load' || ours) {
    const result = loadCsv(bytes)
    return { ok: true, result, mapping: null, warnings: [...result.warnings] }
  }
  const mapping = plan.proposal
  const warnings: string[] = []
  const date = mapping.sources.date
  if (date?.kind === 'looseDate') {
    if (dateFormat) mapping.sources.date = { ...date, format: dateFormat }
    else if (mapping.dateOrderAmbiguous && date.format) {
      warnings.push(
        `${date.name}: the day/month order cannot be told from the file (no day above 12): read as ${DATE_FORMAT_NAMES[date.format]}; give --date-format dmy or mdy to choose.`,
      )
    }
  }
  const notes: MappingNotes = { decimalCounts: 0 }
  const result = loadCsv(bytes, {
    readerFor: (header) => readerFromMapping(mapping, header, notes),
  })
  return {
    ok: true,
    result,
    mapping,
    warnings: [...result.warnings, ...warnings, ...mappingWarnings(notes)],
  }
}

// Every issue and warning of a load, in file order (the file's own first): the issues that keep
// rows out and the warnings about rows that were kept.
export function loadMessages(file: string, load: Extract<MappedLoad, { ok: true }>) {
  const { result } = load
  const issues: ValidationMessage[] = [
    ...result.fileIssues.map((issue) => ({
      file,
      line: issue.line,
      column: issue.column,
      message: issue.message,
    })),
    ...result.rowIssues.map((issue) => ({
      file,
      line: issue.line,
      column: issue.column,
      message: issue.message,
    })),
  ]
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
  const warnings: ValidationMessage[] = [
    ...load.warnings.map((message) => ({ file, message: `warning: ${message}` })),
    ...result.rowWarnings.map((warning) => ({
      file,
      line: warning.line,
      column: warning.column,
      message: `warning: ${warning.message}`,
    })),
  ]
  return { issues, warnings }
}

/** `FILE:LINE: COLUMN: message`; the parts that a message lacks are left out. */
export function formatMessage(message: ValidationMessage): string {
  const where = message.line === undefined ? message.file : `${message.file}:${message.line}`
  return message.column
    ? `${where}: ${message.column}: ${message.message}`
    : `${where}: ${message.message}`
}

/** The counts line's tail: lines skipped on purpose or blank, when there were any. */
export function skippedCounts(result: LoadResult): string {
  const parts: string[] = []
  const { blankLines, skippedLines } = result.summary
  if (blankLines > 0) parts.push(`${blankLines} blank line${blankLines === 1 ? '' : 's'} skipped`)
  if (skippedLines > 0) parts.push(`${skippedLines} line${skippedLines === 1 ? '' : 's'} skipped`)
  return parts.length > 0 ? ` (${parts.join(', ')})` : ''
}
