// The checks of the rows against the source registry (core/load/sources reads it): a report of a
// source the registry does not have, and two reports of one figure from the same source (a figure
// is one incident x one target group; core/reports). Apart from the registry's CSV reader, which
// the page loads only when a registry file is read.

import { SOURCE_COLUMNS, type Source } from '../reports'
import type { CasualtyStore } from '../store/store'
import { labelAt, labelCount } from '../store/packedStrings'
import type { RowIssue } from './validate'

const KNOWN = new Set<string>(SOURCE_COLUMNS)

/**
 * Whether a CSV's beginning is a source registry's: a header naming `id` and `outlet` and no
 * column outside the registry's (quoted or not, after a BOM), so never a file of rows.
 */
export function isRegistryHeader(text: string): boolean {
  const header = (text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '').split(',').map((cell) =>
    cell
      .trim()
      .toLowerCase()
      .replace(/^"(.*)"$/, '$1'),
  )
  return header.includes('id') && header.includes('outlet') && header.every((c) => KNOWN.has(c))
}

/** The most issues of one kind `checkReports` words; more are counted in one last issue. */
export const REPORT_ISSUES_SHOWN = 100

/**
 * Checks the rows' sources against the registry: a row whose source the registry does not have
 * (only when the registry has entries), and a second report of one figure (incident x target
 * group) from a source that already reported it. These are warnings: the rows load, and the
 * reports of one figure are reconciled, never added.
 */
export function checkReports(
  store: CasualtyStore,
  registry: ReadonlyMap<string, Source>,
): RowIssue[] {
  const { categories, line } = store.columns
  const sourceData = categories.source
  const unknown: RowIssue[] = []
  const repeated: RowIssue[] = []
  let unknownCount = 0
  let repeatedCount = 0
  if (registry.size > 0) {
    const knownCode = sourceData.values.map((id) => id === '' || registry.has(id))
    for (let row = 0; row < store.length; row++) {
      const code = sourceData.codes[row]!
      if (knownCode[code]) continue
      if (++unknownCount > REPORT_ISSUES_SHOWN) continue
      const id = sourceData.values[code]!
      unknown.push({
        line: line[row]!,
        column: 'source',
        message: `“${id}” is not in the source registry: a report of an unknown source`,
        value: id,
      })
    }
  }
  const incidents = categories.incident_id
  const groups = categories.target_group
  const groupCount = groups.values.length
  const seen = new Map<number, number>()
  // Only incidents of several rows can have two reports of one figure: the others are skipped
  // before the look-up, so a file of a million single-row incidents fills no map.
  const rowsPerIncident = new Uint32Array(labelCount(incidents))
  for (let row = 0; row < store.length; row++) rowsPerIncident[incidents.codes[row]!]!++
  // Rows of one figure from one source: keyed by incident, group and source codes.
  const sourceCount = Math.max(1, sourceData.values.length)
  for (let row = 0; row < store.length; row++) {
    if (rowsPerIncident[incidents.codes[row]!]! < 2) continue
    if (sourceData.values[sourceData.codes[row]!] === '') continue
    const key =
      (incidents.codes[row]! * groupCount + groups.codes[row]!) * sourceCount +
      sourceData.codes[row]!
    const first = seen.get(key)
    if (first === undefined) {
      seen.set(key, row)
      continue
    }
    if (++repeatedCount > REPORT_ISSUES_SHOWN) continue
    const id = sourceData.values[sourceData.codes[row]!]!
    repeated.push({
      line: line[row]!,
      column: 'source',
      message:
        `two reports of one figure from the same source: “${id}” already reported ` +
        `${labelAt(incidents, incidents.codes[row]!)} (${groups.values[groups.codes[row]!]}) on line ${line[first]!}`,
      value: id,
    })
  }
  const more = (count: number, what: string): RowIssue[] =>
    count > REPORT_ISSUES_SHOWN
      ? [{ line: 0, column: 'source', message: `and ${count - REPORT_ISSUES_SHOWN} more ${what}` }]
      : []
  return [
    ...unknown,
    ...more(unknownCount, 'reports of unknown sources'),
    ...repeated,
    ...more(repeatedCount, 'second reports from the same source'),
  ]
}
