// From a report's text to proposed rows in our schema. Steps: sentences -> casualty figures ->
// rows of one sentence (one per target group) -> incidents (a new one, or the previous one
// continued, or an earlier one restated) -> CasualtyRecords with a confidence and the offsets of
// their words. Aggregates over time ("hundreds of people since 2021") and figures with no date or
// place are reported as mentions but never proposed.

import { inferDocumentYear } from './dates'
import type { FigureOwners, Incident } from './incident'
import { findIncidents } from './incidents'
import type { ReportedMention } from './mentions'
import { proposeRows, type ProposedRow } from './records'
import type { DraftRow } from './rows'
import { frameReport } from './report'
import { splitSentences } from './text'

/** Options of an extraction. */
export interface ExtractOptions {
  /** Id of the source document, for the `source` column. */
  source?: string
  /** The year the text was written, for incidents it calls `recent`; inferred when not given. */
  documentYear?: number | null
}

/** The assistant's answer for one text. */
export interface ExtractionResult {
  rows: ProposedRow[]
  mentions: ReportedMention[]
  /** The year used for `recent` incidents, or null when the text gives none. */
  documentYear: number | null
  sentenceCount: number
}

// Proposes coded rows for every incident `text` reports, each tied to its words.
export function extractIncidents(text: string, options: ExtractOptions = {}): ExtractionResult {
  const frame = frameReport(text)
  const sentences = splitSentences(frame.body)
  const documentYear =
    options.documentYear === undefined
      ? frame.reference
        ? Number(frame.reference.slice(0, 4))
        : inferDocumentYear(text)
      : options.documentYear
  const { incidents, mentions, owners } = findIncidents(frame.body, sentences, documentYear, frame)
  const rows = proposeRows(incidents, text, options.source ?? '')
  linkMentionsToRows(mentions, incidents, owners)
  return { rows, mentions, documentYear, sentenceCount: sentences.length }
}

// Sets each mention's `row` to the index of the proposed row its figure went into (or restates):
// the rows are proposed incident by incident, in the order of each incident's rows.
function linkMentionsToRows(
  mentions: readonly ReportedMention[],
  incidents: readonly Incident[],
  owners: FigureOwners,
): void {
  const rowIndex = new Map<DraftRow, number>()
  let n = 0
  for (const incident of incidents) for (const row of incident.rows) rowIndex.set(row, n++)
  for (const mention of mentions) {
    const owner = [...owners.entries()].find(
      ([m]) => m.start === mention.start && m.end === mention.end,
    )?.[1]
    if (owner) mention.row = rowIndex.get(owner.row) ?? null
  }
}
