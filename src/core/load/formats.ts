// The file layouts the import recognises: our own columns, and the published column lists of the
// Global Terrorism Database, ACLED and UCDP GED exports, by which a header is recognised and a
// file's delimiter chosen.

import { REQUIRED_COLUMNS, SCHEMA_COLUMNS } from '../schema'

/** The layouts we recognise. `schema` is our own; `custom` is anything else the user maps. */
export type FileFormat = 'schema' | 'gtd' | 'acled' | 'ucdp' | 'custom'

/** Names shown to the user for each format. */
export const FORMAT_NAMES: Record<FileFormat, string> = {
  schema: 'this dashboard’s own columns',
  gtd: 'Global Terrorism Database (GTD) export',
  acled: 'ACLED export',
  ucdp: 'UCDP Georeferenced Event Dataset (GED)',
  custom: 'unrecognised columns',
}

/** The columns by which each outside format is recognised (their published column lists). */
export const FORMAT_SIGNATURES = {
  gtd: [
    'eventid',
    'iyear',
    'imonth',
    'iday',
    'country_txt',
    'provstate',
    'city',
    'targtype1_txt',
    'attacktype1_txt',
    'gname',
    'nkill',
    'nwound',
    'summary',
  ],
  acled: [
    'event_id_cnty',
    'event_date',
    'country',
    'admin1',
    'admin2',
    'location',
    'event_type',
    'actor1',
    'actor2',
    'fatalities',
    'notes',
    'source',
  ],
  ucdp: [
    'id',
    'date_start',
    'country',
    'adm_1',
    'adm_2',
    'where_coordinates',
    'side_a',
    'side_b',
    'best',
    'low',
    'high',
    'source_article',
  ],
} as const satisfies Record<'gtd' | 'acled' | 'ucdp', readonly string[]>

/** Every column name of the formats we know. */
export const KNOWN_FORMAT_COLUMNS: readonly string[] = [
  ...new Set<string>(Object.values(FORMAT_SIGNATURES).flat()),
]

/** Our columns and the outside formats': the names by which a file's delimiter is chosen. */
export const KNOWN_COLUMN_NAMES: ReadonlySet<string> = new Set<string>([
  ...SCHEMA_COLUMNS,
  ...KNOWN_FORMAT_COLUMNS,
])

// Names only one format uses (its codebook's own words): three of them are enough to tell the
// format of an extract that kept a few of its columns (an R or pandas subset of the GTD).
export const FORMAT_MARKS = {
  gtd: [
    'eventid',
    'iyear',
    'imonth',
    'iday',
    'approxdate',
    'country_txt',
    'region_txt',
    'provstate',
    'attacktype1_txt',
    'targtype1_txt',
    'weaptype1_txt',
    'gname',
    'nkill',
    'nwound',
    'nkillter',
    'nkillus',
  ],
  acled: [
    'event_id_cnty',
    'event_id_no_cnty',
    'event_date',
    'time_precision',
    'disorder_type',
    'event_type',
    'sub_event_type',
    'actor1',
    'actor2',
    'assoc_actor_1',
    'assoc_actor_2',
    'inter1',
    'inter2',
    'interaction',
    'civilian_targeting',
    'geo_precision',
    'source_scale',
    'fatalities',
  ],
  ucdp: [
    'relid',
    'type_of_violence',
    'conflict_new_id',
    'dyad_new_id',
    'side_a',
    'side_b',
    'where_prec',
    'where_coordinates',
    'adm_1',
    'adm_2',
    'date_prec',
    'date_start',
    'date_end',
    'deaths_a',
    'deaths_b',
    'deaths_civilians',
    'deaths_unknown',
    'best',
    'low',
    'high',
    'source_article',
  ],
} as const satisfies Record<'gtd' | 'acled' | 'ucdp', readonly string[]>

const lower = (name: string) => name.trim().toLowerCase()

// Which layout a header follows: our own when it names every required column of ours (an export
// of ours keeps the columns of the file it came from after them); else the outside format of which
// it has more than half the signature columns or at least three of the marks; else our own when it
// names one of our own columns (incident_id, killed_min...), or custom.
export function detectFormat(header: readonly string[]): FileFormat {
  const names = new Set(header.map(lower))
  if (REQUIRED_COLUMNS.every((c) => names.has(c))) return 'schema'
  let best: FileFormat | null = null
  let bestScore = 0
  for (const format of ['gtd', 'acled', 'ucdp'] as const) {
    const signature = FORMAT_SIGNATURES[format]
    const share = signature.filter((name) => names.has(name)).length / signature.length
    const marks = FORMAT_MARKS[format].filter((name) => names.has(name)).length
    if (share <= 0.5 && marks < 3) continue
    const score = share + marks / 100
    if (score > bestScore) {
      best = format
      bestScore = score
    }
  }
  if (best) return best
  return OWN_MARKS.some((c) => names.has(c)) ? 'schema' : 'custom'
}

// Our own names that other files do not use (country, date, notes... are everyone's): a header
// with one of them is meant to be ours.
const OWN_MARKS: readonly string[] = SCHEMA_COLUMNS.filter(
  (column) => column.includes('_') && column !== 'target_type' && column !== 'attack_type',
)
