// The change log of a dataset: every import, accepted row, row added, edited or deleted by hand,
// and every undo, with when it happened and, for a row, each field's old and new value. Kept with
// the dataset, shown per row, and exported as CSV beside the data as edited.

import { toCsv, EXCEL_FRIENDLY, type CsvWriteOptions } from '../csv/write'
import { SCHEMA_COLUMNS, type CasualtyRecord } from '../schema'

export type ChangeAction = 'import' | 'append' | 'accept' | 'add' | 'edit' | 'delete' | 'undo'

/** One change; a row's edit is one entry per field changed. */
export interface ChangeEntry {
  /** ISO 8601 date and time (UTC). */
  at: string
  action: ChangeAction
  /** What was done, in words: `Imported events.csv (120 rows)`. */
  what: string
  /** The incident id of the row changed ('' for a change of the whole data). */
  incidentId: string
  /** The row's target group: with the incident id, which row this is. */
  targetGroup: string
  /** The field changed ('' when the whole row was added or deleted). */
  field: string
  /** The value before, as written in a CSV ('' when there was none). */
  old: string
  /** The value after. */
  new: string
}

/** A record's fields as CSV text: counts as digits, an empty count as ''. */
export function recordFields(record: CasualtyRecord): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const column of SCHEMA_COLUMNS) {
    const value = record[column]
    fields[column] = value === null ? '' : String(value)
  }
  for (const [name, value] of Object.entries(record.extra)) fields[name] = value
  return fields
}

/** A row written on one line, for a whole-row entry: `id 2021-08-26, target group, killed 60`. */
function rowSummary(record: CasualtyRecord): string {
  return SCHEMA_COLUMNS.map((c) => `${c}=${record[c] ?? ''}`)
    .filter((pair) => !pair.endsWith('='))
    .join('; ')
}

interface Stamp {
  at: string
  what: string
}

/** The entries of an edit: one per field whose value changed. */
export function editEntries(
  before: CasualtyRecord,
  after: CasualtyRecord,
  stamp: Stamp,
): ChangeEntry[] {
  const old = recordFields(before)
  const next = recordFields(after)
  const fields = [...new Set([...Object.keys(old), ...Object.keys(next)])]
  return fields
    .filter((field) => (old[field] ?? '') !== (next[field] ?? ''))
    .map((field) => ({
      ...stamp,
      action: 'edit' as const,
      incidentId: after.incident_id,
      targetGroup: after.target_group,
      field,
      old: old[field] ?? '',
      new: next[field] ?? '',
    }))
}

/** The entry of a row added (by hand or accepted from text) or deleted. */
export function rowEntry(
  action: 'add' | 'accept' | 'delete',
  record: CasualtyRecord,
  stamp: Stamp,
): ChangeEntry {
  const summary = rowSummary(record)
  return {
    ...stamp,
    action,
    incidentId: record.incident_id,
    targetGroup: record.target_group,
    field: '',
    old: action === 'delete' ? summary : '',
    new: action === 'delete' ? '' : summary,
  }
}

/** The entry of a change of the whole data (an import, an append, an undo). */
export function dataEntry(action: 'import' | 'append' | 'undo', stamp: Stamp): ChangeEntry {
  return { ...stamp, action, incidentId: '', targetGroup: '', field: '', old: '', new: '' }
}

/** The entries about one row, newest first. */
export function entriesOfRow(
  log: readonly ChangeEntry[],
  incidentId: string,
  targetGroup: string,
): ChangeEntry[] {
  return log
    .filter((entry) => entry.incidentId === incidentId && entry.targetGroup === targetGroup)
    .reverse()
}

export const CHANGE_LOG_COLUMNS = [
  'at',
  'action',
  'what',
  'incident_id',
  'target_group',
  'field',
  'old',
  'new',
] as const

/** The change log as CSV, oldest first. */
export function changeLogToCsv(
  log: readonly ChangeEntry[],
  options: CsvWriteOptions = EXCEL_FRIENDLY,
): string {
  return toCsv(
    CHANGE_LOG_COLUMNS,
    log.map((e) => [e.at, e.action, e.what, e.incidentId, e.targetGroup, e.field, e.old, e.new]),
    options,
  )
}

/** Is `value` a change log as stored (a list of entries with the fields above)? */
export function isChangeLog(value: unknown): value is ChangeEntry[] {
  return (
    Array.isArray(value) &&
    value.every(
      (entry) =>
        typeof entry === 'object' &&
        entry !== null &&
        ['at', 'action', 'what', 'incidentId', 'targetGroup', 'field', 'old', 'new'].every(
          (key) => typeof (entry as Record<string, unknown>)[key] === 'string',
        ),
    )
  )
}
