// The validate command's logic (entry point: validate.ts): checks CSV files against the schema with
// the same core the page uses, a file of other columns (GTD, ACLED, UCDP GED or any) through the
// column mapping the page would propose. Prints `FILE:LINE: COLUMN: message` per issue and
// warning, then `N rows valid, M rows with issues`. Exit status: 0 all valid, 1 any issue, 2 a
// file could not be read.
//
// The rows' sources are checked against a source registry as the page checks them (warnings: a
// report of an unknown source, two reports of one figure from the same source): the registries
// given on the command line, else the one beside the file (`<name>-sources.csv`, as the page's
// export names it, or `sources.csv`), with the sources a GTD, ACLED or UCDP file names itself.
// Grades are checked against the dataset's scale: the `grades` of a `.meta.json` given on the
// command line or beside a rows file (`<name>.meta.json`), else the default scale.

import { existsSync, readFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { parseDatasetMeta } from '../core/datasetMeta'
import { gradeScale, type GradeScale } from '../core/grades'
import { sourcesFromImport } from '../core/load/sourceFields'
import { checkReports, isRegistryHeader, parseSources } from '../core/load/sources'
import type { Source } from '../core/reports'
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

type Read = (file: string) => Uint8Array

/** What a run checks files against: the grade scale, and the registries given (null: none). */
export interface ValidateContext {
  scale: GradeScale
  registry: ReadonlyMap<string, Source> | null
}

const NO_CONTEXT: ValidateContext = { scale: gradeScale(), registry: null }

export async function validateFile(
  file: string,
  read: Read = readFileSync,
  format: FormatOption = 'auto',
  context: ValidateContext = NO_CONTEXT,
): Promise<FileReport> {
  const report = { file, rowsValid: 0, rowsWithIssues: 0, warnings: [] }
  let bytes: Uint8Array
  try {
    bytes = read(file)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { ...report, readable: false, issues: [{ file, message: `cannot be read: ${reason}` }] }
  }
  if (isMetaFile(file)) return validateMeta(file, bytes)
  if (format === 'auto' && isSourceRegistry(bytes)) return validateSources(file, bytes, context)
  const load = await loadMapped(bytes, format)
  if (!load.ok) return { ...report, readable: true, issues: [{ file, message: load.message }] }
  const { issues, warnings } = loadMessages(file, load)
  const store = load.result.store
  if (store) {
    // The sources the file names itself (GTD, ACLED, UCDP columns) are known sources too.
    const registry = new Map(context.registry ?? besideRegistry(file, read, context.scale))
    for (const source of sourcesFromImport(store).sources) {
      if (!registry.has(source.id)) registry.set(source.id, source)
    }
    for (const issue of checkReports(store, registry)) {
      warnings.push({
        file,
        ...(issue.line > 0 ? { line: issue.line } : {}),
        ...(issue.column ? { column: issue.column } : {}),
        message: `warning: ${issue.message}`,
      })
    }
  }
  return {
    file,
    readable: true,
    rowsValid: load.result.summary.rowsLoaded,
    rowsWithIssues: load.result.summary.rowsWithIssues,
    issues,
    warnings,
  }
}

const isMetaFile = (file: string) => /\.meta\.json$/i.test(file)
const stem = (file: string) => basename(file).replace(/\.(csv|tsv|txt)$/i, '')

// The registry beside a rows file: the export's `<name>-sources.csv`, else `sources.csv`.
function besideRegistry(file: string, read: Read, scale: GradeScale): Map<string, Source> {
  for (const name of [`${stem(file)}-sources.csv`, 'sources.csv']) {
    const path = join(dirname(file), name)
    if (path === file || !existsSync(path)) continue
    try {
      return parseSources(new TextDecoder().decode(read(path)), scale).sources
    } catch {
      return new Map()
    }
  }
  return new Map()
}

/** A source registry (data/sources.csv) names `id` and `outlet` and no column of the rows' schema. */
const isSourceRegistry = (bytes: Uint8Array): boolean =>
  isRegistryHeader(new TextDecoder().decode(bytes.subarray(0, 4096)))

// Checks a source registry as the page does (core/load/sources): one entry a line, its grades
// on the run's scale.
function validateSources(file: string, bytes: Uint8Array, context: ValidateContext): FileReport {
  const registry = parseSources(new TextDecoder().decode(bytes), context.scale)
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

// A dataset's description: what of it cannot be used is a warning (the page ignores it too).
function validateMeta(file: string, bytes: Uint8Array): FileReport {
  const { issues } = parseDatasetMeta(new TextDecoder().decode(bytes))
  return {
    file,
    readable: true,
    rowsValid: 0,
    rowsWithIssues: 0,
    issues: [],
    warnings: issues.map((message) => ({ file, message: `warning: ${message}` })),
  }
}

/**
 * The scale and registries of a run: the grades of the first description (given, or beside a
 * rows file) that has them; the registries given, read on that scale (null when none is given).
 */
export function runContext(
  files: readonly string[],
  read: Read = readFileSync,
  format: FormatOption = 'auto',
): ValidateContext {
  const tryRead = (file: string): Uint8Array | null => {
    try {
      return read(file)
    } catch {
      return null
    }
  }
  const metas = [
    ...files.filter(isMetaFile),
    ...files
      .filter((file) => !isMetaFile(file))
      .map((file) => join(dirname(file), `${stem(file)}.meta.json`))
      .filter((path) => existsSync(path)),
  ]
  let scale = gradeScale()
  for (const file of metas) {
    const bytes = tryRead(file)
    const grades = bytes && parseDatasetMeta(new TextDecoder().decode(bytes)).meta.grades
    if (grades) {
      scale = gradeScale(grades)
      break
    }
  }
  let registry: Map<string, Source> | null = null
  if (format === 'auto') {
    for (const file of files) {
      if (isMetaFile(file)) continue
      const bytes = tryRead(file)
      if (!bytes || !isSourceRegistry(bytes)) continue
      registry ??= new Map()
      for (const [id, source] of parseSources(new TextDecoder().decode(bytes), scale).sources) {
        if (!registry.has(id)) registry.set(id, source)
      }
    }
  }
  return { scale, registry }
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
    err(
      `usage: npm run validate -- [--json] [--format ${FORMAT_OPTIONS.join('|')}] FILE.csv... [FILE.meta.json]`,
    )
    return 2
  }
  const context = runContext(files, readFileSync, format)
  const reports: FileReport[] = []
  for (const file of files) reports.push(await validateFile(file, readFileSync, format, context))
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
