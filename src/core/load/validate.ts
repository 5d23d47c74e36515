// Raw row -> typed record, or the issues that keep it out. Never throws on bad data: like OWID's
// core-table, a bad value becomes a value (an issue naming the line, the column and what is wrong).

import { parseIsoDate } from '../date'
import { unescapeFormula } from '../csv/formula'
import {
  COUNT_COLUMNS,
  MAX_COUNT,
  MEASURES,
  REQUIRED_COLUMNS,
  SCHEMA_COLUMNS,
  emptyRecord,
  type CasualtyRecord,
  type SchemaColumn,
} from '../schema'

/** One thing wrong with one row. */
export interface RowIssue {
  /** Physical line of the file where the row starts (1-based; the header is line 1). */
  line: number
  /** The column at fault; absent when the whole row is (too many or too few fields). */
  column?: string
  message: string
  /** The offending value as read, for quoting in messages; never rendered as HTML. */
  value?: string
}

export type RowResult = { ok: true; record: CasualtyRecord } | { ok: false; issues: RowIssue[] }

/**
 * Where each schema column's value comes from in a raw row: a header index, or a function of the
 * row (the column mapping of imported GTD/ACLED/UCDP files composes dates and picks columns).
 */
export type ColumnSource = number | ((fields: readonly string[]) => string)

/**
 * A source that is a function, described for the loader's fast path (core/load), which reads
 * fields as bytes and never calls it: each gives exactly what its function gives, or the row goes
 * the checked way (a property test holds the two equal). A field index of -1 reads as empty.
 */
export type FastSource =
  /** The first of these fields that is not blank (ACLED's target group). */
  | { kind: 'firstOf'; indices: number[] }
  /** A count that may be written with a zero fraction (`2.0`): read as the whole number, noted. */
  | { kind: 'count'; index: number }
  /** A date made from these fields' text by `read` (GTD's three columns; ACLED's and UCDP's text). */
  | { kind: 'date'; indices: number[]; read: (values: readonly string[]) => string }

/** How a file's rows are read into our schema. */
export interface RowReader {
  /** Number of fields a row must have (the header's length). */
  width: number
  sources: Partial<Record<SchemaColumn, ColumnSource>>
  /** Columns outside the schema: their header name and index, kept untouched with each record. */
  extras: { name: string; index: number }[]
  /** The sources that are functions, as the fast path reads them; without one, rows are checked. */
  fast?: Partial<Record<SchemaColumn, FastSource>>
  /** Where the `count` sources note the zero fractions they read (the column mapping's notes). */
  notes?: { decimalCounts: number }
  /**
   * Values that mean "no value" in the columns read by position (`NA`, `-99`): read as empty and
   * counted by token in `counts`. The function sources read them so themselves.
   */
  missing?: { tokens: string[]; counts: Record<string, number> }
  /** Words for a date value that does not fit the date format the mapping chose. */
  dateFailure?: (value: string) => string
  /** The incident id is the row's line (`line 12`): the file's rows have no id of their own. */
  idFromLine?: boolean
  /** A check of some fields of every row that warns without keeping the row out (UCDP's bounds). */
  check?: { indices: number[]; run(values: readonly string[], line: number): RowIssue | null }
}

/** The required columns a header lacks (matching is case-insensitive, spaces trimmed). */
export function missingRequiredColumns(header: readonly string[]): SchemaColumn[] {
  const names = new Set(header.map((cell) => cell.trim().toLowerCase()))
  return REQUIRED_COLUMNS.filter((column) => !names.has(column))
}

/** Why a header cannot be read by our column names. */
export interface HeaderRefusal {
  message: string
  missing: SchemaColumn[]
  /** The header names none of our columns: it may not be a header at all. */
  noKnownColumn: boolean
}

// Why a header cannot be read by our column names (null when it can): it names none of them, or
// lacks required ones. The message names the header's line. `mappable`: the file can still be read
// through a column mapping, and a header of none of our columns is told so.
export function headerRefusal(
  header: readonly string[],
  line: number,
  mappable = false,
): HeaderRefusal | null {
  const missing = missingRequiredColumns(header)
  if (missing.length === 0) return null
  const noKnownColumn = !header.some((cell) =>
    (SCHEMA_COLUMNS as readonly string[]).includes(cell.trim().toLowerCase()),
  )
  const needed = mappable
    ? `${missing.join(', ')}, or the columns of a GTD, ACLED or UCDP GED export`
    : missing.join(', ')
  const message = noKnownColumn
    ? `No known column in the header (line ${line}): it needs at least ${needed}. Is the first line a header row?`
    : `Required column${missing.length === 1 ? '' : 's'} missing from the header (line ${line}): ${missing.join(', ')}.`
  return { message, missing, noKnownColumn }
}

// Reads a header naming our columns: each schema column from its position, everything else extra.
// A repeated column name is read from its first place; the later copies ride along as extras.
export function readerFromHeader(header: readonly string[]): RowReader {
  const sources: RowReader['sources'] = {}
  const extras: RowReader['extras'] = []
  header.forEach((cell, index) => {
    const name = cell.trim().toLowerCase()
    const column = SCHEMA_COLUMNS.find((c) => c === name)
    if (column && sources[column] === undefined) sources[column] = index
    // An extra column's name went through the export's formula escape like any cell.
    else extras.push({ name: unescapeFormula(cell.trim()), index })
  })
  return { width: header.length, sources, extras: distinctExtraNames(extras) }
}

// Extra columns are kept by name, so a name the header repeats would keep only one column's values:
// later copies are renamed `name (2)`, `name (3)` ... and keep theirs.
export function distinctExtraNames(extras: RowReader['extras']): RowReader['extras'] {
  const seen = new Set<string>()
  return extras.map((extra) => {
    let name = extra.name
    for (let n = 2; seen.has(name); n++) name = `${extra.name} (${n})`
    seen.add(name)
    return name === extra.name ? extra : { ...extra, name }
  })
}

const WHOLE_NUMBER = /^\d+$/

function readSource(
  source: ColumnSource | undefined,
  fields: readonly string[],
  missing: RowReader['missing'],
): string {
  if (source === undefined) return ''
  if (typeof source !== 'number') return source(fields)
  const value = fields[source] ?? ''
  if (missing === undefined) return value
  const token = value.trim()
  if (!missing.tokens.includes(token)) return value
  missing.counts[token] = (missing.counts[token] ?? 0) + 1
  return ''
}

// Validates one raw row against the schema, read through `reader`. Returns every issue at once.
export function validateRow(fields: readonly string[], line: number, reader: RowReader): RowResult {
  const issues: RowIssue[] = []
  if (fields.length !== reader.width) {
    issues.push({
      line,
      message: `has ${fields.length} field${fields.length === 1 ? '' : 's'} where the header has ${reader.width}`,
    })
    return { ok: false, issues }
  }
  const record = emptyRecord()
  const text = (column: SchemaColumn) => readSource(reader.sources[column], fields, reader.missing)

  for (const column of SCHEMA_COLUMNS) {
    if ((COUNT_COLUMNS as readonly string[]).includes(column)) continue
    // Our export prefixes an apostrophe to formula-like values (CSV injection); strip it again so
    // that importing an export gives back the same values.
    ;(record as unknown as Record<string, string>)[column] = unescapeFormula(text(column).trim())
  }
  if (reader.idFromLine) record.incident_id = `line ${line}`
  if (record.incident_id === '') {
    issues.push({
      line,
      column: 'incident_id',
      message: 'is empty: every row needs an incident id',
    })
  }
  if (record.target_group === '') {
    issues.push({
      line,
      column: 'target_group',
      message: 'is empty: every row needs a target group',
    })
  }
  const date = parseIsoDate(record.date)
  if (!date.ok) {
    issues.push({
      line,
      column: 'date',
      message:
        record.date === ''
          ? 'is empty: every row needs a date (a year at least)'
          : reader.dateFailure
            ? reader.dateFailure(record.date)
            : `"${record.date}" ${date.reason}`,
      value: record.date,
    })
  }

  for (const column of COUNT_COLUMNS) {
    const raw = text(column).trim()
    if (raw === '') continue
    if (!WHOLE_NUMBER.test(raw) || Number(raw) > MAX_COUNT) {
      issues.push({
        line,
        column,
        message: `"${raw}" is not a count: write a non-negative whole number, or leave it empty when the source gives none`,
        value: raw,
      })
      continue
    }
    record[column] = Number(raw)
  }
  for (const measure of Object.values(MEASURES)) {
    const min = record[measure.min]
    const max = record[measure.max]
    if (min !== null && max !== null && min > max) {
      issues.push({
        line,
        column: measure.max,
        message: `${max} is below ${measure.min} ${min}: the maximum cannot be smaller than the minimum`,
        value: String(max),
      })
    }
  }
  for (const extra of reader.extras) {
    // defineProperty, so that a column named `__proto__` stays a column (an assignment would set
    // the object's prototype and lose the value).
    Object.defineProperty(record.extra, extra.name, {
      value: unescapeFormula(fields[extra.index] ?? ''),
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return issues.length === 0 ? { ok: true, record } : { ok: false, issues }
}

// A header that names a column more than once: an issue for the header line per name, saying which
// copy is read and under which names the others are kept. An export of ours (our columns in order,
// then the columns of the file it came from, which may reuse our names) is not one.
export function duplicateColumnIssues(
  header: readonly string[],
  line: number,
  reader: RowReader,
): { line: number; column: string; message: string }[] {
  const names = header.map((cell) => cell.trim().toLowerCase())
  const ours = SCHEMA_COLUMNS.every((column, index) => names[index] === column)
  const from = ours ? SCHEMA_COLUMNS.length : 0
  const places = new Map<string, number[]>()
  names.forEach((name, index) => {
    if (index < from || name === '') return
    places.set(name, [...(places.get(name) ?? []), index])
  })
  const issues: { line: number; column: string; message: string }[] = []
  for (const indices of places.values()) {
    if (indices.length < 2) continue
    const first = indices[0] as number
    const name = (header[first] as string).trim()
    const kept = indices
      .slice(1)
      .map((index) => reader.extras.find((extra) => extra.index === index)?.name)
      .filter((kept): kept is string => kept !== undefined)
    issues.push({
      line,
      column: name,
      message: `the header names this column ${indices.length} times (columns ${indices.map((i) => i + 1).join(', ')}): column ${first + 1} is read${kept.length > 0 ? `; the other${kept.length === 1 ? ' is' : 's are'} kept as the extra column${kept.length === 1 ? '' : 's'} ${kept.map((k) => `"${k}"`).join(', ')}` : ''}`,
    })
  }
  return issues
}
