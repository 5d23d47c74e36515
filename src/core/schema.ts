// The casualty schema: the columns of data/attacks.csv (see data/README.md, the codebook), their
// kinds, and the typed record a valid row becomes. Everything else in src/core is built on this.

/** Where and whom: the labels between an incident's date and its figures. */
const PLACE_AND_TARGET_COLUMNS = [
  'country',
  'admin1',
  'admin2',
  'location',
  'target_group',
  'target_type',
  'attack_type',
  'perpetrator',
] as const

/** Every column of our schema, in the order files are written. */
export const SCHEMA_COLUMNS = [
  'incident_id',
  'date',
  ...PLACE_AND_TARGET_COLUMNS,
  'killed_min',
  'killed_max',
  'injured_min',
  'injured_max',
  'killed_text',
  'injured_text',
  'source',
  'source_quote',
  'notes',
] as const

export type SchemaColumn = (typeof SCHEMA_COLUMNS)[number]

/** Columns without which a file cannot be loaded. */
export const REQUIRED_COLUMNS: readonly SchemaColumn[] = [
  'incident_id',
  'date',
  'target_group',
  'killed_min',
  'killed_max',
  'injured_min',
  'injured_max',
]

/** Casualty counts: non-negative integers, or empty (null) when the source gives no number. */
export const COUNT_COLUMNS = ['killed_min', 'killed_max', 'injured_min', 'injured_max'] as const
export type CountColumn = (typeof COUNT_COLUMNS)[number]

/**
 * Short labels that repeat across rows. The store keeps them dictionary-coded (one small integer
 * per row and one copy of each distinct string), which is what lets a million rows fit in memory.
 */
export const CATEGORY_COLUMNS = ['incident_id', ...PLACE_AND_TARGET_COLUMNS, 'source'] as const
export type CategoryColumn = (typeof CATEGORY_COLUMNS)[number]

/** Long free text: kept as UTF-8 bytes with offsets and decoded only when shown. */
export const TEXT_COLUMNS = ['killed_text', 'injured_text', 'source_quote', 'notes'] as const
export type TextColumn = (typeof TEXT_COLUMNS)[number]

/** Casualty kinds and their min/max columns. */
export const MEASURES = {
  killed: { min: 'killed_min', max: 'killed_max', text: 'killed_text' },
  injured: { min: 'injured_min', max: 'injured_max', text: 'injured_text' },
} as const
export type Measure = keyof typeof MEASURES

/** How precisely a date is known: `2021`, `2021-10` or `2021-10-08`. */
export type DatePrecision = 'year' | 'month' | 'day'

/**
 * One valid row. Counts are null when the file leaves them empty: null is "not given", never 0.
 * `extra` holds the file's columns that are not in our schema, untouched, in file order.
 */
export interface CasualtyRecord {
  incident_id: string
  /** ISO 8601 at the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string
  country: string
  admin1: string
  admin2: string
  location: string
  target_group: string
  target_type: string
  attack_type: string
  perpetrator: string
  killed_min: number | null
  killed_max: number | null
  injured_min: number | null
  injured_max: number | null
  killed_text: string
  injured_text: string
  source: string
  source_quote: string
  notes: string
  /** Columns of the file outside our schema, by header name, values as read. */
  extra: Record<string, string>
}

/** A record with every text empty and no counts; handy for tests and for building rows. */
export function emptyRecord(): CasualtyRecord {
  return {
    incident_id: '',
    date: '',
    country: '',
    admin1: '',
    admin2: '',
    location: '',
    target_group: '',
    target_type: '',
    attack_type: '',
    perpetrator: '',
    killed_min: null,
    killed_max: null,
    injured_min: null,
    injured_max: null,
    killed_text: '',
    injured_text: '',
    source: '',
    source_quote: '',
    notes: '',
    extra: {},
  }
}

/** Largest count we accept: a casualty count above this is a typo, and it keeps Int32 storage exact. */
export const MAX_COUNT = 2_000_000_000

/** Is `name` one of our schema's columns? */
export function isSchemaColumn(name: string): name is SchemaColumn {
  return (SCHEMA_COLUMNS as readonly string[]).includes(name)
}
