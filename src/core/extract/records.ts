// From incidents to proposed rows in our schema: one CasualtyRecord per target group of an
// incident, with the bounds of its figures, the incident's date, place, perpetrator and id, how
// sure the assistant is, and the offsets of the words each value came from.

import { emptyRecord, type CasualtyRecord } from '../schema'
import type { Incident } from './incident'
import type { FigureMention } from './mentions'
import { lookUpPlace } from './places'
import type { DraftRow } from './rows'
import type { TextSpan } from './text'
import { targetTypeOf } from './vocabulary'

/** One proposed row: a record in our schema, how sure the assistant is, and where its words are. */
export interface ProposedRow {
  record: CasualtyRecord
  /** 0-1: lower when the date, place, perpetrator or target group came from context. */
  confidence: number
  /** Offsets of `killed_text` / `injured_text` in the text, null when empty. */
  killed: TextSpan | null
  injured: TextSpan | null
  /** Offsets of `source_quote` in the text. */
  quote: TextSpan
  /** Rows of one incident share this number (and their incident_id). */
  incident: number
}

function countryCode(country: string): string {
  return country === 'Afghanistan' ? 'AFG' : country.slice(0, 3).toUpperCase() || 'XXX'
}

function slug(words: string): string {
  return words
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

/** `AFG-2021-10-KDZ-SHIA-MOSQUE-3`: country, month, province code, attack type, incident number. */
export function buildIncidentId(incident: Incident): string {
  const code = lookUpPlace(incident.admin1).find((e) => e.kind === 'province')?.code ?? 'XXX'
  const datePart = incident.date.slice(0, 7) || 'NODATE'
  const label = incident.attackType === 'Unknown' ? 'ATTACK' : slug(incident.attackType)
  return `${countryCode(incident.country)}-${datePart}-${code}-${label}-${incident.number}`
}

// The proposed rows of the incidents, in order: each incident's rows share its columns and its
// id; a row's counts are its figures' bounds (none for `casualties`), its quote the clause of its
// figures, its notes those of its figures, date, perpetrator and target group.
export function proposeRows(
  incidents: readonly Incident[],
  text: string,
  source: string,
): ProposedRow[] {
  const rows: ProposedRow[] = []
  for (const incident of incidents) {
    const id = buildIncidentId(incident)
    for (const draft of incident.rows) {
      const record = emptyRecord()
      const killed = draft.killed
      const injured = draft.injured
      const counts = (m: FigureMention | null) =>
        m && m.kind !== 'casualties' ? { min: m.min, max: m.max } : { min: null, max: null }
      Object.assign(record, {
        incident_id: id,
        date: incident.date,
        country: incident.country,
        admin1: incident.admin1,
        admin2: incident.admin2,
        location: incident.location,
        target_group: draft.group,
        target_type: targetTypeOf(draft.group),
        attack_type: incident.attackType,
        perpetrator: incident.perpetrator,
        killed_min: counts(killed).min,
        killed_max: counts(killed).max,
        injured_min: counts(injured).min,
        injured_max: counts(injured).max,
        killed_text: killed?.text ?? '',
        injured_text: injured?.text ?? '',
        source,
        source_quote: text.slice(draft.quote.start, draft.quote.end),
        notes: [
          ...new Set([
            ...draft.notes,
            incident.dateNote,
            incident.perpetratorNote,
            draft.groupNote,
          ]),
        ]
          .filter(Boolean)
          .join(' '),
      })
      rows.push({
        record,
        confidence: scoreConfidence(incident, draft),
        killed: killed ? { start: killed.start, end: killed.end } : null,
        injured: injured ? { start: injured.start, end: injured.end } : null,
        quote: draft.quote,
        incident: incident.number,
      })
    }
  }
  return rows
}

/** 0-1: lower for each column that came from context or is missing, higher for a restated incident. */
export function scoreConfidence(incident: Incident, row: DraftRow): number {
  let score = 0.9
  if (!incident.date) score -= 0.4
  else if (incident.dateNote) score -= incident.dateNote.includes('year the text') ? 0.2 : 0.1
  if (!incident.admin1) score -= 0.1
  if (incident.perpetrator === 'Unknown') score -= 0.1
  else if (incident.perpetratorNote) score -= 0.05
  if (row.groupNote) score -= row.groupNote.includes('not described') ? 0.15 : 0.05
  const figures = [row.killed, row.injured].filter((m): m is FigureMention => m !== null)
  if (figures.every((m) => m.vague || m.approximate !== null || m.kind === 'casualties'))
    score -= 0.1
  if (incident.restated) score += 0.05
  return Math.round(Math.min(0.99, Math.max(0.05, score)) * 100) / 100
}
