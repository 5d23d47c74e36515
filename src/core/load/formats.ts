// The file layouts the import recognises: our own columns, and the published column lists of the
// Global Terrorism Database, ACLED and UCDP GED exports, by which a header is recognised and a
// file's delimiter chosen.

import { SCHEMA_COLUMNS } from '../schema'

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
  ...new Set(Object.values(FORMAT_SIGNATURES).flat()),
]

/** Our columns and the outside formats': the names by which a file's delimiter is chosen. */
export const KNOWN_COLUMN_NAMES: ReadonlySet<string> = new Set<string>([
  ...SCHEMA_COLUMNS,
  ...KNOWN_FORMAT_COLUMNS,
])

const lower = (name: string) => name.trim().toLowerCase()

/** Which layout a header follows: most of a format's signature columns present, else our own or custom. */
export function detectFormat(header: readonly string[]): FileFormat {
  const names = new Set(header.map(lower))
  // Outside formats first: ACLED shares six names with our schema (country, admin1, ...), and our
  // own files have at most those six of its twelve.
  let best: FileFormat | null = null
  let bestShare = 0.5
  for (const [format, signature] of Object.entries(FORMAT_SIGNATURES)) {
    const share = signature.filter((name) => names.has(name)).length / signature.length
    if (share > bestShare) {
      best = format as FileFormat
      bestShare = share
    }
  }
  if (best) return best
  return SCHEMA_COLUMNS.some((c) => names.has(c)) ? 'schema' : 'custom'
}
