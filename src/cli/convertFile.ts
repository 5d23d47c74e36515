// The convert command's logic (entry point: convert.ts): reads a file as the page does (its own
// header, or the column mapping proposed for GTD, ACLED, UCDP GED or any other columns) and writes
// our schema plus every column of the file, as the page's export does. Prints every issue and
// warning as `FILE:LINE: COLUMN: message`, then `N rows valid, M rows with issues`. Exit status: 0
// all rows valid, 1 any issue, 2 the file could not be read.

import { readFileSync, writeFileSync } from 'node:fs'
import { DATE_FORMATS, type DateFormat } from '../core/load/dates'
import { storeToCsv } from '../core/export/exportCsv'
import { PLAIN_RFC4180 } from '../core/csv/write'
import {
  FORMAT_OPTIONS,
  formatMessage,
  loadMapped,
  loadMessages,
  skippedCounts,
  type FormatOption,
} from './mappedFile'

const USAGE = `usage: npm run convert -- IN.csv -o OUT.csv [--format ${FORMAT_OPTIONS.join('|')}] [--date-format ${DATE_FORMATS.join('|')}]`

interface ConvertArgs {
  input: string
  output: string
  format: FormatOption
  dateFormat?: DateFormat
}

function parseArgs(args: readonly string[]): ConvertArgs | string {
  let input: string | undefined
  let output: string | undefined
  let format: FormatOption = 'auto'
  let dateFormat: DateFormat | undefined
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg]
    const value = () => inline ?? args[++i]
    if (name === '-o' || name === '--output') output = value()
    else if (name === '--format') {
      const given = value()
      if (!(FORMAT_OPTIONS as readonly string[]).includes(given ?? '')) {
        return `--format must be one of ${FORMAT_OPTIONS.join(', ')}`
      }
      format = given as FormatOption
    } else if (name === '--date-format') {
      const given = value()
      if (!(DATE_FORMATS as readonly string[]).includes(given ?? '')) {
        return `--date-format must be one of ${DATE_FORMATS.join(', ')}`
      }
      dateFormat = given as DateFormat
    } else if (arg.startsWith('-') && arg !== '-') return `unknown option ${arg}`
    else if (input === undefined) input = arg
    else return `one input file only (got ${input} and ${arg})`
  }
  if (input === undefined || output === undefined) return 'an input file and -o OUT.csv are needed'
  return { input, output, format, dateFormat }
}

export async function runConvert(
  args: readonly string[],
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const parsed = parseArgs(args)
  if (typeof parsed === 'string') {
    err(parsed)
    err(USAGE)
    return 2
  }
  const { input, output, format, dateFormat } = parsed
  let bytes: Uint8Array
  try {
    bytes = readFileSync(input)
  } catch (error) {
    err(`${input}: cannot be read: ${error instanceof Error ? error.message : String(error)}`)
    return 2
  }
  const load = await loadMapped(bytes, format, dateFormat)
  if (!load.ok) {
    err(`${input}: ${load.message}`)
    return 2
  }
  const { result } = load
  const { issues, warnings } = loadMessages(input, load)
  if (!result.ok || !result.store) {
    for (const message of [...warnings, ...issues]) err(formatMessage(message))
    return 2
  }
  const rows = Uint32Array.from({ length: result.store.length }, (_, i) => i)
  try {
    writeFileSync(output, storeToCsv(result.store, rows, PLAIN_RFC4180))
  } catch (error) {
    err(`${output}: cannot be written: ${error instanceof Error ? error.message : String(error)}`)
    return 2
  }
  const messages = [...warnings, ...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
  for (const message of messages) out(formatMessage(message))
  out(
    `${result.summary.rowsLoaded} rows valid, ${result.summary.rowsWithIssues} rows with issues${skippedCounts(result)}`,
  )
  return issues.length > 0 ? 1 : 0
}
