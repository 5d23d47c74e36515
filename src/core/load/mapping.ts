// Column mapping: how a file that does not use our column names (an export of the Global Terrorism
// Database, ACLED, UCDP GED, or a colleague's own sheet) is read into our schema. A mapping is
// plain data, so it can cross to the import worker in postMessage; readerFromMapping turns it into
// the RowReader that validateRow uses. Honesty rules hold here too: an unknown day lowers the
// date's precision instead of inventing one (so do the formats' own precision fields), a missing
// count stays empty, never 0, and a missing-value code (`NA`, GTD's `-99`) is no value.

import { ENGLISH_MONTHS } from '../date'
import { unescapeFormula } from '../csv/formula'
import { COUNT_COLUMNS, SCHEMA_COLUMNS, type SchemaColumn } from '../schema'
import {
  DATE_FORMAT_NAMES,
  addDays,
  coarsen,
  isoParts,
  monthNumber,
  readDateIn,
  spanPrefix,
  type DateFormat,
} from './dates'
import { detectFormat, type FileFormat } from './formats'
import {
  distinctExtraNames,
  type ColumnSource,
  type FastSource,
  type RowIssue,
  type RowReader,
} from './validate'

/** Where one of our columns takes its value from. Serialisable (no functions). */
export type MappingSource =
  /** Nothing: the column stays empty. */
  | { kind: 'none' }
  /** A column of the file, by header name, as written. */
  | { kind: 'column'; name: string }
  /** The first non-empty value among several columns (ACLED: actor2, else event_type). */
  | { kind: 'firstOf'; names: string[] }
  /**
   * A date from Year, Month and Day columns (GTD's iyear/imonth/iday or any others; month and day
   * may be '' for none); a month or day of 0 or empty means unknown, so the precision drops.
   */
  | { kind: 'gtdDate'; year: string; month: string; day: string }
  /**
   * A date in one column, written in `format` (told from the whole column); without a format, ISO
   * or `08 October 2021` (ACLED, UCDP).
   */
  | { kind: 'looseDate'; name: string; format?: DateFormat }
  /** GTD's eventid, whose first eight digits are the date as yyyymmdd (00: not known). */
  | { kind: 'idDate'; name: string }
  /** The row's line in the file (`line 12`): an id for a file whose rows have none. */
  | { kind: 'line' }

/** How precisely a format's own fields say the date is known. Serialisable. */
export type DatePrecisionSource =
  /** ACLED time_precision: 1 the day; 2 a week around the date; 3 the month. */
  | { kind: 'acled'; precision: string }
  /** UCDP GED: the span date_start…date_end, and date_prec (1 day … 5 year). */
  | { kind: 'ucdp'; end: string; precision: string }
  /** GTD approxdate: free text (`September 14-15, 2017`); when given, the date is approximate. */
  | { kind: 'gtd'; approx: string }

/** A complete mapping: a source for each of our columns, and the file format it was made for. */
export interface ColumnMapping {
  format: FileFormat
  sources: Partial<Record<SchemaColumn, MappingSource>>
  /** The format's own fields that say how precise the date is. */
  precision?: DatePrecisionSource
  /** Values that mean "no value" in the mapped columns (`NA`, `NULL`, GTD's `-99`). */
  missing?: string[]
  /** The date's day/month order could not be told from the file: the user is asked. */
  dateOrderAmbiguous?: boolean
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
    // The event's first citation is its report's source (core/load/sourceFields makes each
    // citation a registry entry of that id).
    source: { kind: 'firstOf', names: ['scite1', 'scite2', 'scite3'] },
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

/** Values that mean "no value" in any file: R, pandas, Stata, SQL and spreadsheet writers. */
export const MISSING_TOKENS: readonly string[] = ['NA', 'N/A', '#N/A', 'NULL', 'nan', 'NaN', '.']
/** GTD's codes for "unknown" in its numeric fields (`-9`, `-99`; `-999` in some extracts): no count. */
export const GTD_MISSING_CODES: readonly string[] = ['-9', '-99', '-999']

/** Names of a killed count, for its minimum and its maximum alike (after their own names). */
const KILLED_NAMES = [
  'killed',
  'fatalities',
  'deaths',
  'dead',
  'nkill',
  'kills',
  'no of kills',
  'number of kills',
  'number killed',
  'no killed',
  'death toll',
  'killed total',
  'deaths best',
  'best',
  'muertos',
  'morts',
  'tote',
  'mortos',
  'morti',
  'tues',
  'fallecidos',
  'victimes decedees',
]
/** Names of an injured count, for its minimum and its maximum alike. */
const INJURED_NAMES = [
  'injured',
  'wounded',
  'nwound',
  'wound',
  'injuries',
  'no of wounded',
  'number of wounded',
  'number wounded',
  'no of injured',
  'number of injured',
  'number injured',
  'heridos',
  'blesses',
  'verletzte',
  'feridos',
  'feriti',
]

// Names a column of ours goes by in files, in English and the other common languages of the field,
// lower case with accents and punctuation taken away (normalName). The first name found wins.
const COLUMN_NAMES: Partial<Record<SchemaColumn, readonly string[]>> = {
  incident_id: [
    'incident id',
    'event id',
    'eventid',
    'event id cnty',
    'id',
    'incident',
    'incident number',
    'case id',
    'record id',
    'uid',
    'identifiant',
    'id evenement',
    'identificador',
    'kennung',
  ],
  date: [
    'date',
    'event date',
    'incident date',
    'attack date',
    'date start',
    'start date',
    'fecha',
    'datum',
    'data',
    'date evenement',
    'date de l evenement',
    'fecha del evento',
    'tarih',
  ],
  country: ['country', 'country txt', 'country name', 'nation', 'pais', 'pays', 'land', 'paese'],
  admin1: [
    'admin1',
    'adm 1',
    'adm1',
    'state',
    'province',
    'provstate',
    'region',
    'state province',
    'governorate',
    'provincia',
    'estado',
    'departement',
    'bundesland',
    'wilaya',
    'oblast',
  ],
  admin2: ['admin2', 'adm 2', 'adm2', 'district', 'county', 'municipality', 'distrito', 'kreis'],
  location: [
    'location',
    'city',
    'town',
    'village',
    'place',
    'locality',
    'where coordinates',
    'ciudad',
    'ville',
    'stadt',
    'lugar',
    'lieu',
    'ort',
    'localidad',
    'localite',
  ],
  // The target's type before a free-text target (GTD's targtype1_txt against target1, "Police"
  // against "Cairo Police Headquarters"): the type is the group that was hit.
  target_group: [
    'target group',
    'targtype1 txt',
    'target type',
    'target',
    'targets',
    'victim',
    'victims',
    'victim group',
    'side b',
    'actor2',
    'objetivo',
    'cible',
    'ziel',
    'victimes',
    'victimas',
  ],
  target_type: ['target type', 'targtype1 txt'],
  attack_type: [
    'attack type',
    'attacktype1 txt',
    'event type',
    'attack',
    'type of attack',
    'weapon',
    'tipo de ataque',
    'type d attaque',
  ],
  perpetrator: [
    'perpetrator',
    'perpetrators',
    'perpetrator group',
    'group',
    'group name',
    'gname',
    'actor1',
    'side a',
    'terrorist',
    'terrorists',
    'attacker',
    'attackers',
    'organization',
    'organisation',
    'responsible',
    'autor',
    'auteur',
    'grupo',
    'groupe',
    'tater',
  ],
  killed_min: ['killed min', 'min killed', 'deaths min', 'low', ...KILLED_NAMES],
  killed_max: ['killed max', 'max killed', 'deaths max', 'high', ...KILLED_NAMES],
  injured_min: ['injured min', ...INJURED_NAMES],
  injured_max: ['injured max', ...INJURED_NAMES],
  killed_text: ['killed text'],
  injured_text: ['injured text'],
  source: ['source', 'sources', 'source article', 'source name', 'url', 'link', 'fuente', 'quelle'],
  source_quote: ['source quote', 'quote'],
  notes: [
    'notes',
    'note',
    'summary',
    'description',
    'comments',
    'comment',
    'remarks',
    'details',
    'notas',
    'resumen',
    'bemerkungen',
    'remarques',
  ],
}
const YEAR_NAMES = ['year', 'iyear', 'yr', 'ano', 'annee', 'jahr', 'anno', 'ano del evento']
const MONTH_NAMES = ['month', 'imonth', 'mes', 'mois', 'monat', 'mese']
const DAY_NAMES = ['day', 'iday', 'dia', 'jour', 'tag', 'giorno']

/**
 * A header cell as the name dictionaries write it: lower case, no accents, words by spaces, a
 * word that starts with a capital in the middle of a name its own word (`NoOfKills`, `AttackType`).
 */
export function normalName(cell: string): string {
  return cell
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

const lower = (name: string) => name.trim().toLowerCase()

/** The names a source reads. */
export function sourceColumns(source: MappingSource): string[] {
  switch (source.kind) {
    case 'none':
    case 'line':
      return []
    case 'column':
    case 'looseDate':
    case 'idDate':
      return [source.name]
    case 'firstOf':
      return source.names
    case 'gtdDate':
      return [source.year, source.month, source.day].filter((name) => name !== '')
  }
}

// The header cell (as written) that goes by one of `names`, the first name first; a cell already
// used by another column of ours is passed over.
function findColumn(
  header: readonly string[],
  names: readonly string[],
  taken: ReadonlySet<string> = new Set(),
): string | undefined {
  const normal = header.map(normalName)
  for (const name of names) {
    const index = normal.findIndex((cell, i) => cell === name && !taken.has(header[i] as string))
    if (index !== -1) return (header[index] as string).trim()
  }
  return undefined
}

// A proposal from the column names alone, for any file: each of our columns from the first cell
// that goes by one of its names; the date from a date column, else from Year + Month + Day
// columns, else from GTD's eventid. A label column is used for one of ours only (target type and
// the counts' min and max may share theirs).
function proposeByNames(header: readonly string[]): ColumnMapping['sources'] {
  const sources: ColumnMapping['sources'] = {}
  const taken = new Set<string>()
  const year = findColumn(header, YEAR_NAMES)
  for (const column of SCHEMA_COLUMNS) {
    const names = COLUMN_NAMES[column] ?? []
    const shared =
      column === 'target_type' ||
      column === 'killed_max' ||
      column === 'injured_max' ||
      column === 'killed_min' ||
      column === 'injured_min'
    const found = findColumn(header, names, shared ? new Set() : taken)
    if (column === 'date') {
      if (found) sources.date = { kind: 'looseDate', name: found }
      else if (year) {
        const month = findColumn(header, MONTH_NAMES) ?? ''
        const day = month === '' ? '' : (findColumn(header, DAY_NAMES) ?? '')
        sources.date = { kind: 'gtdDate', year, month, day }
      } else {
        const eventid = header.find((cell) => lower(cell) === 'eventid')
        if (eventid) sources.date = { kind: 'idDate', name: eventid.trim() }
      }
      continue
    }
    if (!found) {
      // No id column: the row names R and pandas write as an unnamed first column identify rows;
      // else the row's line does.
      if (column === 'incident_id') {
        sources.incident_id = header[0]?.trim() === '' ? col('') : { kind: 'line' }
      }
      continue
    }
    sources[column] = col(found)
    if (!shared) taken.add(found)
  }
  return sources
}

// Proposes a mapping for a header: the format's own mapping when one is recognised (keeping only
// sources whose columns exist), completed by the column names; the format's precision fields and
// missing-value codes. `format` overrides the detection (the command line's --format).
/** World regions as GTD (`region_txt`), ACLED (`region`) and UCDP (`region`) name them. */
const WORLD_REGIONS = new Set(
  [
    'North America',
    'Central America & Caribbean',
    'South America',
    'East Asia',
    'Southeast Asia',
    'South Asia',
    'Central Asia',
    'Western Europe',
    'Eastern Europe',
    'Middle East & North Africa',
    'Sub-Saharan Africa',
    'Australasia & Oceania',
    'Western Africa',
    'Middle Africa',
    'Eastern Africa',
    'Southern Africa',
    'Northern Africa',
    'Middle East',
    'Europe',
    'Caucasus and Central Asia',
    'Central America',
    'Caribbean',
    'Oceania',
    'Africa',
    'Americas',
    'Asia',
  ].map(normalName),
)

/**
 * The proposal without an admin1 that the column names alone took from a column of world regions
 * (a GTD extract's `Region`, renamed from region_txt, holds "Central America & Caribbean"): those
 * are not a country's provinces. `samples`: the first values of each column, by header name.
 */
export function withoutWorldRegions(
  mapping: ColumnMapping,
  samples: Readonly<Record<string, readonly string[]>>,
): ColumnMapping {
  const source = mapping.sources.admin1
  if (source?.kind !== 'column') return mapping
  const values = (samples[source.name] ?? []).filter((value) => value.trim() !== '')
  const regions = values.filter((value) => WORLD_REGIONS.has(normalName(value))).length
  if (values.length === 0 || regions < 0.9 * values.length) return mapping
  const sources = { ...mapping.sources }
  delete sources.admin1
  return { ...mapping, sources }
}

export function proposeMapping(header: readonly string[], format?: FileFormat): ColumnMapping {
  const detected = format ?? detectFormat(header)
  const names = new Set(header.map(lower))
  const byNames = proposeByNames(header)
  const sources: ColumnMapping['sources'] = {}
  const known = detected === 'gtd' || detected === 'acled' || detected === 'ucdp'
  for (const column of SCHEMA_COLUMNS) {
    const own = header.find((cell) => lower(cell) === column)
    let fromFormat = known ? FORMAT_MAPPINGS[detected][column] : undefined
    // A first-of list keeps the columns the file has (an extract without ACLED's actor2).
    if (fromFormat?.kind === 'firstOf') {
      const kept = fromFormat.names.filter((name) => names.has(name))
      fromFormat =
        kept.length > 1 ? { kind: 'firstOf', names: kept } : kept[0] ? col(kept[0]) : undefined
    }
    if (fromFormat && sourceColumns(fromFormat).every((name) => names.has(name))) {
      sources[column] = fromFormat
    } else if (own !== undefined) {
      // A date column is read in the format told from its values.
      sources[column] =
        column === 'date' ? { kind: 'looseDate', name: own.trim() } : col(own.trim())
    } else if (byNames[column]) {
      sources[column] = byNames[column]
    }
  }
  const mapping: ColumnMapping = { format: detected, sources, missing: [...MISSING_TOKENS] }
  if (detected === 'gtd') mapping.missing = [...MISSING_TOKENS, ...GTD_MISSING_CODES]
  const has = (name: string) => header.find((cell) => lower(cell) === name)?.trim()
  const date = sources.date
  if (detected === 'acled' && date?.kind === 'looseDate' && has('time_precision')) {
    mapping.precision = { kind: 'acled', precision: has('time_precision') as string }
  } else if (
    detected === 'ucdp' &&
    date?.kind === 'looseDate' &&
    lower(date.name) === 'date_start'
  ) {
    const end = has('date_end')
    const precision = has('date_prec')
    if (end || precision)
      mapping.precision = { kind: 'ucdp', end: end ?? '', precision: precision ?? '' }
  } else if (detected === 'gtd' && has('approxdate')) {
    mapping.precision = { kind: 'gtd', approx: has('approxdate') as string }
  }
  return mapping
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
      return `${[source.year, source.month, source.day].filter(Boolean).join(' + ')} (0 = unknown)`
    case 'looseDate':
      return `${source.name} (as a date)`
    case 'idDate':
      return `${source.name} (its first 8 digits, yyyymmdd)`
    case 'line':
      return '(the row’s line in the file: line 12)'
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

/** The date in a GTD eventid (`201709230015`: 2017-09-23; `201400000002`: 2014). */
export function readIdDate(id: string): string {
  const value = id.trim()
  if (!/^\d{12}$/.test(value)) return value
  return readGtdDate(value.slice(0, 4), value.slice(4, 6), value.slice(6, 8))
}

// ACLED time_precision: 1 the date is the day; 2 the event fell in the week around it (three days
// either side), so the date is the month when that week stays in it, else the year; 3 only the
// month is known. A week across a year's end keeps the year of the date given.
export function applyAcledPrecision(date: string, precision: string): string {
  const code = precision.trim()
  if (code === '2') {
    const start = addDays(date, -3)
    const end = addDays(date, 3)
    if (!start || !end) return date.length > 7 ? date.slice(0, 7) : date
    return spanPrefix(start, end) ?? date.slice(0, 4)
  }
  if (code === '3') return coarsen(date, 'month')
  return date
}

// UCDP GED: the date holds the span date_start…date_end (the most precise prefix that holds
// both), and date_prec lowers it further: 2-4 (days up to a month) at most the month, 5 the year.
export function applyUcdpPrecision(start: string, end: string, precision: string): string {
  let date = start
  const endIso = end.trim() === '' ? '' : readLooseDate(end)
  if (isoParts(endIso) && isoParts(start)) date = spanPrefix(start, endIso) ?? start.slice(0, 4)
  const code = precision.trim()
  if (code === '2' || code === '3' || code === '4') return coarsen(date, 'month')
  if (code === '5') return coarsen(date, 'year')
  return date
}

// GTD approxdate: given at all, the date is approximate, so no day. The months and years it names
// decide: one month (`September 14-15, 2017`, `March 2017`) gives the month, more than one the year.
export function applyGtdApproxDate(date: string, approx: string): string {
  const text = approx.trim()
  if (text === '' || isoParts(date) === null) return date
  const months = new Set(
    (text.match(/[A-Za-z]{3,}\.?/g) ?? []).map(monthNumber).filter((month) => month > 0),
  )
  const years = new Set(text.match(/\b\d{4}\b/g) ?? [])
  if (months.size === 1 && years.size <= 1) return coarsen(date, 'month')
  return coarsen(date, 'year')
}

/** What reading through a mapping changed, for the import report. */
export interface MappingNotes {
  /** Counts written with a zero fraction (`2.0`) and read as the whole number (`2`). */
  decimalCounts: number
  /** Values read as "no value" (`NA`, `-99`...), by token. */
  missingValues?: Record<string, number>
}

const ZERO_FRACTION = /^(\d+)\.0+$/

// Turns a mapping into a RowReader for a file with `header`. Every column of the file rides along
// as an extra column under its own name, the ones the mapping reads too, so that an export shows
// where each value came from. Counts written as `2.0` (GTD and UCDP write some counts so) are read
// as `2` and counted in `notes`; other fractions reach validation and are reported there.
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
  const at = (name: string): number => indexOf.get(name.trim()) ?? indexOf.get(lower(name)) ?? -1
  const field = (fields: readonly string[], index: number) =>
    index === -1 ? '' : (fields[index] ?? '')
  const missing = new Set(mapping.missing ?? [])
  const tally = (notes.missingValues ??= {})
  // A missing-value token reads as empty, and is counted.
  const present = (value: string): string => {
    if (missing.size === 0) return value
    const token = value.trim()
    if (!missing.has(token)) return value
    tally[token] = (tally[token] ?? 0) + 1
    return ''
  }

  const sources: RowReader['sources'] = {}
  // The same sources described for the loader's fast path (validate's FastSource).
  const fast: NonNullable<RowReader['fast']> = {}
  let dateFailure: RowReader['dateFailure']
  let idFromLine = false
  for (const column of SCHEMA_COLUMNS) {
    const source = mapping.sources[column]
    if (!source || source.kind === 'none') continue
    if (source.kind === 'line') {
      idFromLine = column === 'incident_id'
      continue
    }
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
            const value = present(field(fields, index))
            if (value.trim() !== '') return value
          }
          return ''
        }
        described = { kind: 'firstOf', indices }
        break
      }
      case 'gtdDate':
      case 'looseDate':
      case 'idDate': {
        const made = dateMaker(mapping, source, at, present)
        read = (fields) => made.read(made.indices.map((index) => field(fields, index)))
        described = { kind: 'date', indices: made.indices, read: made.read }
        dateFailure = made.failure
        break
      }
    }
    if ((COUNT_COLUMNS as readonly string[]).includes(column)) {
      const inner: ColumnSource = read
      read = (fields) => {
        const value = present(typeof inner === 'number' ? field(fields, inner) : inner(fields))
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
  const extras = distinctExtraNames(
    header.map((cell, index) => ({ name: unescapeFormula(cell.trim()), index })),
  )
  const reader: RowReader = { width: header.length, sources, extras, fast, notes }
  if (missing.size > 0) reader.missing = { tokens: [...missing], counts: tally }
  if (dateFailure) reader.dateFailure = dateFailure
  if (idFromLine) reader.idFromLine = true
  const check = boundsCheck(mapping, header, at)
  if (check) reader.check = check
  return reader
}

// The date of a row from its fields: the date source, then the precision the format's own fields
// give. `indices` are the fields read (the source's, then the precision's), `read` makes the ISO
// text of their values (or the value as written, for validation to report), `failure` words a
// value that does not fit a chosen date format.
function dateMaker(
  mapping: ColumnMapping,
  source: Extract<MappingSource, { kind: 'gtdDate' | 'looseDate' | 'idDate' }>,
  at: (name: string) => number,
  present: (value: string) => string,
): {
  indices: number[]
  read: (values: readonly string[]) => string
  failure?: (value: string) => string
} {
  let base: (values: readonly string[]) => string
  let indices: number[]
  let failure: ((value: string) => string) | undefined
  if (source.kind === 'gtdDate') {
    // A month or day named '' is none (a date from Year alone, or Year + Month).
    const part = (name: string) => (name === '' ? -1 : at(name))
    indices = [at(source.year), part(source.month), part(source.day)]
    base = ([year, month, day]) =>
      readGtdDate(present(year ?? ''), present(month ?? ''), present(day ?? ''))
  } else if (source.kind === 'idDate') {
    indices = [at(source.name)]
    base = ([id]) => readIdDate(present(id ?? ''))
  } else {
    indices = [at(source.name)]
    const format = source.format
    if (format) {
      base = ([text]) => {
        const value = present(text ?? '')
        return readDateIn(value, format) ?? value.trim()
      }
      const name = source.name
      failure = (value) =>
        `"${value}" in ${name} is not a date written as ${DATE_FORMAT_NAMES[format]}`
    } else {
      base = ([text]) => readLooseDate(present(text ?? ''))
    }
  }
  const precision = mapping.precision
  if (!precision) return { indices, read: base, failure }
  const width = indices.length
  const fit = (date: string, apply: (date: string) => string) =>
    isoParts(date) === null ? date : apply(date)
  switch (precision.kind) {
    case 'acled':
      indices = [...indices, at(precision.precision)]
      return {
        indices,
        failure,
        read: (values) =>
          fit(base(values), (date) => applyAcledPrecision(date, values[width] ?? '')),
      }
    case 'ucdp':
      indices = [...indices, at(precision.end), at(precision.precision)]
      return {
        indices,
        failure,
        read: (values) =>
          fit(base(values), (date) =>
            applyUcdpPrecision(date, present(values[width] ?? ''), values[width + 1] ?? ''),
          ),
      }
    case 'gtd':
      indices = [...indices, at(precision.approx)]
      return {
        indices,
        failure,
        read: (values) =>
          fit(base(values), (date) => applyGtdApproxDate(date, present(values[width] ?? ''))),
      }
  }
}

// UCDP's three estimates must be in order, low <= best <= high: a row where they are not is kept
// with its bounds (low and high are the minimum and maximum) and gets a warning.
function boundsCheck(
  mapping: ColumnMapping,
  header: readonly string[],
  at: (name: string) => number,
): RowReader['check'] {
  const low = mapping.sources.killed_min
  const high = mapping.sources.killed_max
  const best = at('best')
  if (best === -1 || low?.kind !== 'column' || high?.kind !== 'column') return undefined
  const indices = [at(low.name), best, at(high.name)]
  if (indices.includes(-1)) return undefined
  const names = indices.map((index) => (header[index] as string).trim())
  return {
    indices,
    run(values, line): RowIssue | null {
      const [l, b, h] = values.map((value) => value.trim())
      if (!WHOLE.test(l ?? '') || !WHOLE.test(b ?? '') || !WHOLE.test(h ?? '')) return null
      const [lo, be, hi] = [Number(l), Number(b), Number(h)]
      if (lo > be) {
        return {
          line,
          column: names[0],
          message: `${names[0]} ${lo} is above ${names[1]} ${be}: the row is kept with ${lo}–${hi} as the bounds`,
          value: l,
        }
      }
      if (be > hi) {
        return {
          line,
          column: names[2],
          message: `${names[1]} ${be} is above ${names[2]} ${hi}: the row is kept with ${lo}–${hi} as the bounds`,
          value: h,
        }
      }
      return null
    },
  }
}

/** The required columns a mapping leaves without a source. */
export function unmappedRequired(mapping: ColumnMapping, required: readonly SchemaColumn[]) {
  return required.filter((column) => {
    const source = mapping.sources[column]
    return !source || source.kind === 'none'
  })
}

// What reading through a mapping changed, in words for the import report and the command line.
export function mappingWarnings(notes: MappingNotes): string[] {
  const warnings: string[] = []
  if (notes.decimalCounts > 0) {
    warnings.push(
      `${notes.decimalCounts} count${notes.decimalCounts === 1 ? ' was' : 's were'} written with a zero fraction (like 2.0) and read as whole numbers.`,
    )
  }
  const missing = Object.entries(notes.missingValues ?? {})
  if (missing.length > 0) {
    const total = missing.reduce((sum, [, count]) => sum + count, 0)
    const each = missing.map(
      ([token, count]) => `"${token}" ${count} time${count === 1 ? '' : 's'}`,
    )
    warnings.push(
      `Missing-value codes were read as no value (not a label, not 0) ${total} time${total === 1 ? '' : 's'} (a count read for both its minimum and maximum counts twice): ${each.join(', ')}.`,
    )
  }
  return warnings
}
