// Column mapping: how a file that does not use our column names (an export of the Global Terrorism
// Database, ACLED, UCDP GED, or a colleague's own sheet) is read into our schema. A mapping is
// plain data, so it can cross to the import worker in postMessage; readerFromMapping turns it into
// the RowReader that validateRow uses. Honesty rules hold here too: an unknown day lowers the
// date's precision instead of inventing one, and a missing count stays empty, never 0.

import { ENGLISH_MONTHS } from '../date'
import { unescapeFormula } from '../csv/formula'
import { COUNT_COLUMNS, SCHEMA_COLUMNS, type SchemaColumn } from '../schema'
import { detectFormat, type FileFormat } from './formats'
import { distinctExtraNames, type ColumnSource, type FastSource, type RowReader } from './validate'

/** Where one of our columns takes its value from. Serialisable (no functions). */
export type MappingSource =
  /** Nothing: the column stays empty. */
  | { kind: 'none' }
  /** A column of the file, by header name, as written. */
  | { kind: 'column'; name: string }
  /** The first non-empty value among several columns (ACLED: actor2, else event_type). */
  | { kind: 'firstOf'; names: string[] }
  /** GTD's three date columns; a month or day of 0 means unknown, so the precision drops. */
  | { kind: 'gtdDate'; year: string; month: string; day: string }
  /** A date written as `2021-10-08`, `08 October 2021` or `2021-10-08 00:00:00` (ACLED, UCDP). */
  | { kind: 'looseDate'; name: string }

/** A complete mapping: a source for each of our columns, and the file format it was made for. */
export interface ColumnMapping {
  format: FileFormat
  sources: Partial<Record<SchemaColumn, MappingSource>>
}

const col = (name: string): MappingSource => ({ kind: 'column', name })

// Decisions (also in the mapping step's help text):
// - GTD and ACLED give one fatality count, an exact figure as the source coded it, so it becomes
//   both killed_min and killed_max; UCDP gives low and high, which become min and max (its `best`
//   estimate rides along as an extra column). ACLED has no injured count: injured stays empty.
// - target_group: GTD targtype1_txt (its target type is the closest thing to "who was hit");
//   ACLED actor2 (the side attacked, e.g. "Civilians (Afghanistan)"), else event_type when actor2
//   is empty, since ACLED leaves actor2 empty for one-sided events; UCDP side_b.
const FORMAT_MAPPINGS: Record<'gtd' | 'acled' | 'ucdp', ColumnMapping['sources']> = {
  gtd: {
    incident_id: col('eventid'),
    date: { kind: 'gtdDate', year: 'iyear', month: 'imonth', day: 'iday' },
    country: col('country_txt'),
    admin1: col('provstate'),
    location: col('city'),
    target_group: col('targtype1_txt'),
    target_type: col('targtype1_txt'),
    attack_type: col('attacktype1_txt'),
    perpetrator: col('gname'),
    killed_min: col('nkill'),
    killed_max: col('nkill'),
    injured_min: col('nwound'),
    injured_max: col('nwound'),
    notes: col('summary'),
  },
  acled: {
    incident_id: col('event_id_cnty'),
    date: { kind: 'looseDate', name: 'event_date' },
    country: col('country'),
    admin1: col('admin1'),
    admin2: col('admin2'),
    location: col('location'),
    target_group: { kind: 'firstOf', names: ['actor2', 'event_type'] },
    attack_type: col('event_type'),
    perpetrator: col('actor1'),
    killed_min: col('fatalities'),
    killed_max: col('fatalities'),
    source: col('source'),
    notes: col('notes'),
  },
  ucdp: {
    incident_id: col('id'),
    date: { kind: 'looseDate', name: 'date_start' },
    country: col('country'),
    admin1: col('adm_1'),
    admin2: col('adm_2'),
    location: col('where_coordinates'),
    target_group: col('side_b'),
    perpetrator: col('side_a'),
    killed_min: col('low'),
    killed_max: col('high'),
    source: col('source_article'),
  },
}

const lower = (name: string) => name.trim().toLowerCase()

/** The names a source reads. */
export function sourceColumns(source: MappingSource): string[] {
  switch (source.kind) {
    case 'none':
      return []
    case 'column':
    case 'looseDate':
      return [source.name]
    case 'firstOf':
      return source.names
    case 'gtdDate':
      return [source.year, source.month, source.day]
  }
}

// Proposes a mapping for a header: the format's own mapping when one is recognised (keeping only
// sources whose columns exist), plus any of our columns the header names itself.
export function proposeMapping(header: readonly string[]): ColumnMapping {
  const format = detectFormat(header)
  const names = new Set(header.map(lower))
  const sources: ColumnMapping['sources'] = {}
  const known = format === 'gtd' || format === 'acled' || format === 'ucdp'
  for (const column of SCHEMA_COLUMNS) {
    const own = header.find((cell) => lower(cell) === column)
    const fromFormat = known ? FORMAT_MAPPINGS[format][column] : undefined
    if (fromFormat && sourceColumns(fromFormat).every((name) => names.has(name))) {
      sources[column] = fromFormat
    } else if (own !== undefined) {
      sources[column] = col(own.trim())
    }
  }
  return { format, sources }
}

/** Short words for a source, for the mapping step's choices. */
export function describeSource(source: MappingSource): string {
  switch (source.kind) {
    case 'none':
      return '(leave empty)'
    case 'column':
      return source.name
    case 'firstOf':
      return source.names.join(', else ')
    case 'gtdDate':
      return `${source.year} + ${source.month} + ${source.day} (0 = unknown)`
    case 'looseDate':
      return `${source.name} (as a date)`
  }
}

/** Two sources are the same choice. */
export function sameSource(a: MappingSource, b: MappingSource): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

const pad2 = (n: number) => String(n).padStart(2, '0')
const ISO_PREFIX = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/
const DAY_MONTH_YEAR = /^(\d{1,2})[ -]([A-Za-z]+)[ -,]*(\d{4})$/
const WHOLE = /^\d+$/

// Reads ACLED's and UCDP's dates into ISO text: `2021-10-08`, `08 October 2021` (also
// `8 Oct 2021`), or an ISO date followed by a time of day (dropped: we keep dates, not times).
// Anything else is returned as written, so validation quotes it in its issue.
export function readLooseDate(raw: string): string {
  const value = raw.trim()
  const iso = ISO_PREFIX.exec(value)
  if (iso) return iso[1] as string
  const dmy = DAY_MONTH_YEAR.exec(value)
  if (dmy) {
    const name = (dmy[2] as string).toLowerCase()
    const month = ENGLISH_MONTHS.findIndex(
      (m) => m === name || (name.length >= 3 && m.startsWith(name)),
    )
    if (month !== -1) return `${dmy[3]}-${pad2(month + 1)}-${pad2(Number(dmy[1]))}`
  }
  return value
}

// Composes GTD's iyear/imonth/iday into ISO text at the precision known: imonth 0 gives `2015`,
// iday 0 gives `2015-03`. A value that is not a whole number is returned as written for validation
// to report.
export function readGtdDate(year: string, month: string, day: string): string {
  const [y, m, d] = [year.trim(), month.trim(), day.trim()]
  if (!WHOLE.test(y)) return [y, m, d].filter(Boolean).join('-')
  if (m === '' || m === '0' || m === '00') return y
  if (!WHOLE.test(m)) return `${y}-${m}`
  if (d === '' || d === '0' || d === '00') return `${y}-${pad2(Number(m))}`
  if (!WHOLE.test(d)) return `${y}-${pad2(Number(m))}-${d}`
  return `${y}-${pad2(Number(m))}-${pad2(Number(d))}`
}

/** What reading through a mapping changed, for the import report. */
export interface MappingNotes {
  /** Counts written with a zero fraction (`2.0`) and read as the whole number (`2`). */
  decimalCounts: number
}

const ZERO_FRACTION = /^(\d+)\.0+$/

// Turns a mapping into a RowReader for a file with `header`. Columns of the file that no source
// reads ride along as extra columns. Counts written as `2.0` (GTD and UCDP write some counts so)
// are read as `2` and counted in `notes`; other fractions reach validation and are reported there.
export function readerFromMapping(
  mapping: ColumnMapping,
  header: readonly string[],
  notes: MappingNotes = { decimalCounts: 0 },
): RowReader {
  const indexOf = new Map<string, number>()
  header.forEach((cell, index) => {
    const name = cell.trim()
    if (!indexOf.has(name)) indexOf.set(name, index)
    if (!indexOf.has(lower(name))) indexOf.set(lower(name), index)
  })
  const used = new Set<number>()
  const at = (name: string): number => {
    const index = indexOf.get(name.trim()) ?? indexOf.get(lower(name))
    if (index !== undefined) used.add(index)
    return index ?? -1
  }
  const field = (fields: readonly string[], index: number) =>
    index === -1 ? '' : (fields[index] ?? '')

  const sources: RowReader['sources'] = {}
  // The same sources described for the loader's fast path (validate's FastSource).
  const fast: NonNullable<RowReader['fast']> = {}
  for (const column of SCHEMA_COLUMNS) {
    const source = mapping.sources[column]
    if (!source || source.kind === 'none') continue
    let read: ColumnSource
    let described: FastSource | undefined
    switch (source.kind) {
      case 'column': {
        read = at(source.name)
        break
      }
      case 'firstOf': {
        const indices = source.names.map(at)
        read = (fields) => {
          for (const index of indices) {
            const value = field(fields, index)
            if (value.trim() !== '') return value
          }
          return ''
        }
        described = { kind: 'firstOf', indices }
        break
      }
      case 'gtdDate':
      case 'looseDate': {
        // One way to make the date from its fields' text, for the checked path and the fast one.
        const indices =
          source.kind === 'gtdDate'
            ? [at(source.year), at(source.month), at(source.day)]
            : [at(source.name)]
        const make =
          source.kind === 'gtdDate'
            ? ([year, month, day]: readonly string[]) =>
                readGtdDate(year ?? '', month ?? '', day ?? '')
            : ([text]: readonly string[]) => readLooseDate(text ?? '')
        read = (fields) => make(indices.map((index) => field(fields, index)))
        described = { kind: 'date', indices, read: make }
        break
      }
    }
    if ((COUNT_COLUMNS as readonly string[]).includes(column)) {
      const inner: ColumnSource = read
      read = (fields) => {
        const value: string = typeof inner === 'number' ? field(fields, inner) : inner(fields)
        const whole = ZERO_FRACTION.exec(value.trim())
        if (!whole) return value
        notes.decimalCounts++
        return String(Number(whole[1]))
      }
      described = typeof inner === 'number' ? { kind: 'count', index: inner } : undefined
    }
    sources[column] = read
    // A date description only for the date; a list of fields only for labels and text.
    if (described && (described.kind === 'date') === (column === 'date')) fast[column] = described
  }
  // Our own column names that the mapping did not use would collide with the schema on export,
  // so they ride along under a marked name.
  const extras = header
    .map((cell, index) => ({ name: unescapeFormula(cell.trim()), index }))
    .filter((extra) => !used.has(extra.index))
    .map((extra) => (isSchemaName(extra.name) ? { ...extra, name: `${extra.name} (file)` } : extra))
  return { width: header.length, sources, extras: distinctExtraNames(extras), fast, notes }
}

function isSchemaName(name: string): boolean {
  return (SCHEMA_COLUMNS as readonly string[]).includes(lower(name))
}

/** The required columns a mapping leaves without a source. */
export function unmappedRequired(mapping: ColumnMapping, required: readonly SchemaColumn[]) {
  return required.filter((column) => {
    const source = mapping.sources[column]
    return !source || source.kind === 'none'
  })
}
