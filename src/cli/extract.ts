// `npm run extract -- [--json] [--source ID] FILE.txt`: proposes coded rows from a plain-text
// report and prints them as CSV in our schema, plus `confidence` and the offsets of the
// figures' words (`killed_start,killed_end,injured_start,injured_end`), or as JSON with --json.
// Exit status: 0 on success, 2 when the file cannot be read (or no file is given).

import { readFileSync } from 'node:fs'
import { basename, extname } from 'node:path'
import { pathToFileURL } from 'node:url'
import { decodeBytes } from '../core/csv/decode'
import { toCsv } from '../core/csv/write'
import { extractIncidents, type ProposedRow } from '../core/extract'
import { SCHEMA_COLUMNS } from '../core/schema'

/** Columns printed after our schema's. */
export const EXTRACT_EXTRA_COLUMNS = [
  'confidence',
  'killed_start',
  'killed_end',
  'injured_start',
  'injured_end',
] as const

const USAGE = 'usage: npm run extract -- [--json] [--source ID] FILE.txt'

/** One proposed row as a flat object: our schema's fields, then confidence and offsets. */
export function flattenRow(row: ProposedRow): Record<string, string | number | null> {
  const flat: Record<string, string | number | null> = {}
  for (const column of SCHEMA_COLUMNS) flat[column] = row.record[column]
  flat.confidence = row.confidence
  flat.killed_start = row.killed?.start ?? null
  flat.killed_end = row.killed?.end ?? null
  flat.injured_start = row.injured?.start ?? null
  flat.injured_end = row.injured?.end ?? null
  return flat
}

// Runs the command on `args`; prints through `out` and `err`, returns the exit status.
export function runExtract(
  args: readonly string[],
  out: (text: string) => void,
  err: (line: string) => void,
  read: (file: string) => Uint8Array = readFileSync,
): number {
  const json = args.includes('--json')
  const sourceAt = args.indexOf('--source')
  const source = sourceAt >= 0 ? args[sourceAt + 1] : undefined
  const files = args.filter(
    (arg, i) => !arg.startsWith('--') && (sourceAt < 0 || i !== sourceAt + 1),
  )
  const file = files[0]
  if (file === undefined || files.length > 1) {
    err(USAGE)
    return 2
  }
  let bytes: Uint8Array
  try {
    bytes = read(file)
  } catch (error) {
    err(`${file}: cannot be read: ${error instanceof Error ? error.message : String(error)}`)
    return 2
  }
  const decoded = decodeBytes(bytes)
  if (!decoded.ok) {
    err(`${file}: cannot be read: ${decoded.message}`)
    return 2
  }
  const result = extractIncidents(decoded.text, {
    source: source ?? basename(file, extname(file)),
  })
  const rows = result.rows.map(flattenRow)
  if (json) {
    out(`${JSON.stringify(rows, null, 2)}\n`)
    return 0
  }
  const header = [...SCHEMA_COLUMNS, ...EXTRACT_EXTRA_COLUMNS]
  const fields = rows.map((row) => header.map((column) => String(row[column] ?? '')))
  out(toCsv(header, fields, { bom: false, newline: '\n' }))
  return 0
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = runExtract(
    process.argv.slice(2),
    (text) => process.stdout.write(text),
    (line) => console.error(line),
  )
}
