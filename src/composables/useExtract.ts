// The "From text" assistant's state: the report's text, the rows proposed from it as
// editable drafts, and what the user accepted or rejected. Nothing joins the data until the user
// accepts a row; an accepted row is validated like any loaded row, then appended to the dataset.

import { computed, ref, shallowRef } from 'vue'
import { extractIncidents, type ExtractionResult } from '../core/extract'
import { decodeBytes } from '../core/csv/decode'
import { SCHEMA_COLUMNS, emptyRecord, type SchemaColumn } from '../core/schema'
import { storeFromRecords } from '../core/store/builder'
import { readerFromHeader, validateRow } from '../core/load/validate'
import type { ReportedMention, TextSpan } from '../core/extract'
import { rowEntry } from '../core/store/changeLog'
import { findReportedIncident } from '../core/reports'
import { useDataset } from './useDataset'

/** What the user decided about a proposal. */
export type ProposalStatus = 'pending' | 'accepted' | 'rejected'

/** One proposed row as the user edits it: every schema field as text. */
export interface ProposalDraft {
  id: number
  fields: Record<SchemaColumn, string>
  confidence: number
  killed: TextSpan | null
  injured: TextSpan | null
  quote: TextSpan
  status: ProposalStatus
  /** Why the row could not be accepted as edited, or ''. */
  error: string
  /**
   * The incident already in the data that this row reports on (a later toll of it, read from a
   * new text): its id is taken, so the row is a report of that figure, reconciled, never added.
   */
  reportOf: string | null
}

/** Data up to this size is searched for the incident a proposal reports on. */
const REPORT_SEARCH_ROWS = 100_000

/** A run of the report's text: plain, or the words of a figure. */
export interface TextSegment {
  text: string
  start: number
  /** null for plain text; else which kind of figure and the proposal it belongs to. */
  mark: { kind: 'killed' | 'injured' | 'mention'; proposal: number | null; label: string } | null
}

const reader = readerFromHeader(SCHEMA_COLUMNS)

/** Why a figure found in the text was not proposed, in words. */
export const NOT_PROPOSED_REASONS: Record<ReportedMention['status'], string> = {
  proposed: 'proposed',
  restatement: 'it restates a figure already proposed',
  aggregate: 'a total over time or over several attacks, not one incident',
  subset: 'a part of a figure already given',
  'no date or place': 'the text gives it no date or place',
  'not an attack': 'not an attack (a disaster, an accident or a clash)',
  superseded: 'a later toll replaces it',
}

function toFields(record: Record<SchemaColumn, unknown>): Record<SchemaColumn, string> {
  const fields = {} as Record<SchemaColumn, string>
  for (const column of SCHEMA_COLUMNS) {
    const value = record[column]
    fields[column] = value === null || value === undefined ? '' : String(value)
  }
  return fields
}

// Splits `text` into plain runs and marked figure words, never overlapping, in text order.
export function segmentText(
  text: string,
  marks: readonly (TextSpan & { mark: NonNullable<TextSegment['mark']> })[],
): TextSegment[] {
  const sorted = [...marks].sort((a, b) => a.start - b.start || b.end - a.end)
  const segments: TextSegment[] = []
  let at = 0
  for (const mark of sorted) {
    if (mark.start < at || mark.end > text.length || mark.end <= mark.start) continue
    if (mark.start > at) segments.push({ text: text.slice(at, mark.start), start: at, mark: null })
    segments.push({ text: text.slice(mark.start, mark.end), start: mark.start, mark: mark.mark })
    at = mark.end
  }
  if (at < text.length) segments.push({ text: text.slice(at), start: at, mark: null })
  return segments
}

export function useExtract() {
  const { appendStore, store } = useDataset()
  const text = ref('')
  const sourceName = ref('')
  const result = shallowRef<ExtractionResult | null>(null)
  /** The text the proposals were made from: offsets refer to it, not to later edits. */
  const analysedText = ref('')
  const proposals = ref<ProposalDraft[]>([])
  const message = ref('')
  /** Where the figures made into rows by hand start (they leave the list of figures aside). */
  const madeFrom = ref<number[]>([])

  /** Proposes rows from the current text. */
  function findFigures(): void {
    const source = sourceName.value || 'pasted text'
    const next = extractIncidents(text.value, { source })
    result.value = next
    madeFrom.value = []
    analysedText.value = text.value
    const data = store.value
    const records = data && data.length <= REPORT_SEARCH_ROWS ? data.records() : []
    proposals.value = next.rows.map((row, id) => {
      const fields = toFields(row.record)
      const reportOf = findReportedIncident(records, row.record)
      if (reportOf) fields.incident_id = reportOf
      return {
        id,
        fields,
        confidence: row.confidence,
        killed: row.killed,
        injured: row.injured,
        quote: row.quote,
        status: 'pending',
        error: '',
        reportOf,
      }
    })
    const aside = next.mentions.filter((m) => m.row === null).length
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
    message.value =
      `${plural(next.rows.length, 'row')} proposed from ${plural(next.sentenceCount, 'sentence')}` +
      (aside ? `; ${plural(aside, 'figure')} shown but not proposed.` : '.')
  }

  /** Reads a .txt file into the text box (any encoding the importer reads) and proposes rows. */
  async function openFile(file: File): Promise<void> {
    const decoded = decodeBytes(new Uint8Array(await file.arrayBuffer()))
    if (!decoded.ok) {
      message.value = `${file.name} cannot be read: ${decoded.message}`
      return
    }
    text.value = decoded.text
    sourceName.value = file.name.replace(/\.[^.]+$/, '')
    findFigures()
  }

  // Validates a draft as the loader validates a row, then adds it to the dataset.
  function accept(id: number): boolean {
    const draft = proposals.value.find((p) => p.id === id)
    if (!draft || draft.status === 'accepted') return false
    const checked = validateRow(
      SCHEMA_COLUMNS.map((column) => draft.fields[column].trim()),
      0,
      reader,
    )
    if (!checked.ok) {
      draft.error = checked.issues
        .map((issue) => `${issue.column ?? 'row'}: ${issue.message}`)
        .join('; ')
      return false
    }
    const entry = rowEntry('accept', checked.record, {
      at: new Date().toISOString(),
      what: `Accepted row ${id + 1} from text`,
    })
    appendStore(storeFromRecords([checked.record]), 'From text', { entries: [entry] })
    draft.status = 'accepted'
    draft.error = ''
    message.value = `Row ${id + 1} added to the data.`
    return true
  }

  function reject(id: number): void {
    const draft = proposals.value.find((p) => p.id === id)
    if (draft && draft.status === 'pending') draft.status = 'rejected'
  }

  /** The analysed text as plain runs and marked figures (rendered as text, never as HTML). */
  const segments = computed<TextSegment[]>(() => {
    const current = result.value
    if (!current) return []
    const marks: (TextSpan & { mark: NonNullable<TextSegment['mark']> })[] = []
    for (const draft of proposals.value) {
      if (draft.status === 'rejected') continue
      const label = `Proposal ${draft.id + 1}`
      if (draft.killed)
        marks.push({ ...draft.killed, mark: { kind: 'killed', proposal: draft.id, label } })
      if (draft.injured && (!draft.killed || draft.injured.start !== draft.killed.start)) {
        marks.push({ ...draft.injured, mark: { kind: 'injured', proposal: draft.id, label } })
      }
    }
    for (const mention of current.mentions) {
      if (mention.row !== null) continue
      marks.push({
        start: mention.start,
        end: mention.end,
        mark: { kind: 'mention', proposal: null, label: `Not proposed: ${mention.status}` },
      })
    }
    return segmentText(analysedText.value, marks)
  })

  // Makes a figure found but not proposed into a draft row the user completes (its date and
  // place, if the text gave none) and accepts like any proposal: its words and bounds are kept.
  function makeRow(mention: ReportedMention): number {
    const record = emptyRecord()
    const counted = mention.kind !== 'casualties'
    const slot = mention.kind === 'injured' ? 'injured' : 'killed'
    Object.assign(record, {
      incident_id: `TEXT-${proposals.value.length + 1}`,
      target_group: mention.group ?? '',
      [`${slot}_min`]: counted ? mention.min : null,
      [`${slot}_max`]: counted ? mention.max : null,
      [`${slot}_text`]: mention.text,
      source: sourceName.value || 'pasted text',
      source_quote: mention.text,
      notes: `Found, not proposed: ${NOT_PROPOSED_REASONS[mention.status]}. Check every column.`,
    })
    const span = { start: mention.start, end: mention.end }
    const id = proposals.value.reduce((max, p) => Math.max(max, p.id), -1) + 1
    proposals.value.push({
      id,
      fields: toFields(record),
      confidence: 0.1,
      killed: slot === 'killed' ? span : null,
      injured: slot === 'injured' ? span : null,
      quote: span,
      status: 'pending',
      error: '',
      reportOf: null,
    })
    madeFrom.value = [...madeFrom.value, mention.start]
    message.value = `Row ${id + 1} made from “${mention.text}”: fill in its date and place.`
    return id
  }

  /** Figures found but not proposed (aggregates, parts of a figure, no date or place). */
  const asideMentions = computed(
    () =>
      result.value?.mentions.filter((m) => m.row === null && !madeFrom.value.includes(m.start)) ??
      [],
  )

  return {
    text,
    sourceName,
    result,
    proposals,
    message,
    segments,
    asideMentions,
    findFigures,
    openFile,
    accept,
    reject,
    makeRow,
  }
}
