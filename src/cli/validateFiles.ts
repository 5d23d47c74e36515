// The validate command's logic (entry point: validate.ts): checks CSV files against the schema with
// the same core the page uses. Prints `FILE:LINE: COLUMN: message` per issue, then `N rows valid, M
// rows with issues`. Exit status: 0 all valid, 1 any issue, 2 a file could not be read.

import { readFileSync } from 'node:fs'
import { loadCsv } from '../core/load/loader'

/** One reported problem, as printed and as given by --json. */
export interface ValidationMessage {
  file: string
  line?: number
  column?: string
  message: string
}

export interface FileReport {
  file: string
  readable: boolean
  rowsValid: number
  rowsWithIssues: number
  issues: ValidationMessage[]
}

export function validateFile(
  file: string,
  read: (file: string) => Uint8Array = readFileSync,
): FileReport {
  let bytes: Uint8Array
  try {
    bytes = read(file)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return {
      file,
      readable: false,
      rowsValid: 0,
      rowsWithIssues: 0,
      issues: [{ file, message: `cannot be read: ${reason}` }],
    }
  }
  const result = loadCsv(bytes)
  const issues: ValidationMessage[] = [
    ...result.fileIssues.map((issue) => ({ file, line: issue.line, message: issue.message })),
    ...result.rowIssues.map((issue) => ({
      file,
      line: issue.line,
      column: issue.column,
      message: issue.message,
    })),
  ]
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
  return {
    file,
    readable: true,
    rowsValid: result.summary.rowsLoaded,
    rowsWithIssues: result.summary.rowsWithIssues,
    issues,
  }
}

/** `FILE:LINE: COLUMN: message`; the parts that an issue lacks are left out. */
export function formatMessage(message: ValidationMessage): string {
  const where = message.line === undefined ? message.file : `${message.file}:${message.line}`
  return message.column
    ? `${where}: ${message.column}: ${message.message}`
    : `${where}: ${message.message}`
}

export function exitCode(reports: readonly FileReport[]): number {
  if (reports.some((report) => !report.readable)) return 2
  return reports.some((report) => report.issues.length > 0) ? 1 : 0
}

export function runValidate(
  args: readonly string[],
  out: (line: string) => void,
  err: (line: string) => void,
): number {
  const json = args.includes('--json')
  const files = args.filter((arg) => arg !== '--json')
  if (files.length === 0) {
    err('usage: npm run validate -- [--json] FILE.csv...')
    return 2
  }
  const reports = files.map((file) => validateFile(file))
  const rowsValid = reports.reduce((sum, report) => sum + report.rowsValid, 0)
  const rowsWithIssues = reports.reduce((sum, report) => sum + report.rowsWithIssues, 0)
  const code = exitCode(reports)
  if (json) {
    out(JSON.stringify({ files: reports, rowsValid, rowsWithIssues, exitCode: code }, null, 2))
    return code
  }
  for (const report of reports) {
    for (const message of report.issues) (report.readable ? out : err)(formatMessage(message))
  }
  out(`${rowsValid} rows valid, ${rowsWithIssues} rows with issues`)
  return code
}
