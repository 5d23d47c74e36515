// The validate command's logic (entry point: validate.ts): checks CSV files against the schema with
// the same core the page uses, a file of other columns (GTD, ACLED, UCDP GED or any) through the
// column mapping the page would propose. Prints `FILE:LINE: COLUMN: message` per issue and
// warning, then `N rows valid, M rows with issues`. Exit status: 0 all valid, 1 any issue, 2 a
// file could not be read.

import { readFileSync } from 'node:fs'
import { parseSources } from '../core/load/sources'
import { SOURCE_COLUMNS } from '../core/reports'
import {
  FORMAT_OPTIONS,
  formatMessage,
  loadMapped,
  loadMessages,
  type FormatOption,
  type ValidationMessage,
} from './mappedFile'

export { formatMessage, type ValidationMessage }

export interface FileReport {
  file: string
  readable: boolean
  rowsValid: number
  rowsWithIssues: number
  issues: ValidationMessage[]
  /** Warnings (the encoding, missing-value codes, rows kept with a warning): not issues. */
  warnings: ValidationMessage[]
}

export async function validateFile(
  file: string,
  read: (file: string) => Uint8Array = readFileSync,
  format: FormatOption = 'auto',
): Promise<FileReport> {
  const report = { file, rowsValid: 0, rowsWithIssues: 0, warnings: [] }
  let bytes: Uint8Array
  try {
    bytes = read(file)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { ...report, readable: false, issues: [{ file, message: `cannot be read: ${reason}` }] }
  }
  if (format === 'auto' && isSourceRegistry(bytes)) return validateSources(file, bytes)
  const load = await loadMapped(bytes, format)
  if (!load.ok) return { ...report, readable: true, issues: [{ file, message: load.message }] }
  const { issues, warnings } = loadMessages(file, load)
  return {
    file,
    readable: true,
    rowsValid: load.result.summary.rowsLoaded,
    rowsWithIssues: load.result.summary.rowsWithIssues,
    issues,
    warnings,
  }
}

/** A source registry (data/sources.csv) names `id` and `outlet` and no column of the rows' schema. */
function isSourceRegistry(bytes: Uint8Array): boolean {
  const text = new TextDecoder().decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '')
  const header = (text.split(/\r?\n/, 1)[0] ?? '')
    .split(',')
    .map((cell) => cell.trim().toLowerCase())
  const known = new Set<string>(SOURCE_COLUMNS)
  return (
    header.includes('id') && header.includes('outlet') && header.every((cell) => known.has(cell))
  )
}

// Checks a source registry as the page does (core/load/sources): one entry a line.
function validateSources(file: string, bytes: Uint8Array): FileReport {
  const registry = parseSources(new TextDecoder().decode(bytes))
  const issues = registry.issues.map((issue) => ({
    file,
    line: issue.line,
    column: issue.column,
    message: issue.message,
  }))
  const lines = new Set(registry.issues.map((issue) => issue.line))
  return {
    file,
    readable: true,
    rowsValid: registry.sources.size,
    rowsWithIssues: lines.size,
    issues,
    warnings: [],
  }
}

export function exitCode(reports: readonly FileReport[]): number {
  if (reports.some((report) => !report.readable)) return 2
  return reports.some((report) => report.issues.length > 0) ? 1 : 0
}

export async function runValidate(
  args: readonly string[],
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const json = args.includes('--json')
  let format: FormatOption = 'auto'
  const files: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    if (arg === '--json') continue
    if (arg === '--format' || arg.startsWith('--format=')) {
      const given = arg.includes('=') ? arg.slice('--format='.length) : args[++i]
      if (!(FORMAT_OPTIONS as readonly string[]).includes(given ?? '')) {
        err(`--format must be one of ${FORMAT_OPTIONS.join(', ')}`)
        return 2
      }
      format = given as FormatOption
      continue
    }
    files.push(arg)
  }
  if (files.length === 0) {
    err(`usage: npm run validate -- [--json] [--format ${FORMAT_OPTIONS.join('|')}] FILE.csv...`)
    return 2
  }
  const reports: FileReport[] = []
  for (const file of files) reports.push(await validateFile(file, readFileSync, format))
  const rowsValid = reports.reduce((sum, report) => sum + report.rowsValid, 0)
  const rowsWithIssues = reports.reduce((sum, report) => sum + report.rowsWithIssues, 0)
  const code = exitCode(reports)
  if (json) {
    out(JSON.stringify({ files: reports, rowsValid, rowsWithIssues, exitCode: code }, null, 2))
    return code
  }
  for (const report of reports) {
    const messages = [...report.warnings, ...report.issues].sort(
      (a, b) => (a.line ?? 0) - (b.line ?? 0),
    )
    for (const message of messages) (report.readable ? out : err)(formatMessage(message))
  }
  out(`${rowsValid} rows valid, ${rowsWithIssues} rows with issues`)
  return code
}
