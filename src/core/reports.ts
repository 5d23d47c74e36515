// Several reports of one figure. A figure is one incident x one target group; rows with the same
// incident_id and target_group are reports of it (each from its own source, at its own time), and
// are never added up: the dashboard shows one reconciled figure per incident and group, by a rule
// the user chooses (data/README.md, "Several reports of one figure"). This file holds the sources'
// shape, the rules on plain values (the reference the typed pass in core/view is held to), and the
// look-up that tells which incident a proposed row reports on.

import type { CasualtyRecord } from './schema'

/** What kind of body a source is. */
export const SOURCE_KINDS = [
  'news agency',
  'local outlet',
  'official',
  'NGO',
  'party to the conflict',
] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]

/** One entry of the source registry (data/sources.csv). */
export interface Source {
  id: string
  outlet: string
  title: string
  author: string
  /** ISO 8601 at any precision, or empty when not known. */
  published: string
  url: string
  /** BCP 47 language tag (`en`, `ps`, `fa`), or empty. */
  language: string
  /** One of SOURCE_KINDS, or empty when not known. */
  kind: SourceKind | ''
  /** A label of the grade scale, or empty. */
  grade: string
}

/** The columns of data/sources.csv, in order. */
export const SOURCE_COLUMNS = [
  'id',
  'outlet',
  'title',
  'author',
  'published',
  'url',
  'language',
  'kind',
  'grade',
] as const satisfies readonly (keyof Source)[]

export function emptySource(id: string): Source {
  return {
    id,
    outlet: '',
    title: '',
    author: '',
    published: '',
    url: '',
    language: '',
    kind: '',
    grade: '',
  }
}

/** How several reports of one figure become one figure. */
export const RECONCILE_RULES = ['range', 'latest', 'graded'] as const
export type ReconcileRule = (typeof RECONCILE_RULES)[number]
export const DEFAULT_RULE: ReconcileRule = 'range'

/** Names of the rules as the page shows them. */
export const RULE_NAMES: Record<ReconcileRule, string> = {
  range: 'range across reports',
  latest: 'latest report',
  graded: 'highest-graded report',
}

/** What one report says about one measure: a minimum, a maximum (either may be missing), words. */
export interface ReportFigure {
  min: number | null
  max: number | null
  /** The report words the figure (`scores`), with or without a number. */
  words: boolean
}

/** One report of a figure, for the rules: its figure, its grade's rank (0 best), its order. */
export interface Report<T = ReportFigure> {
  figure: T
  /** Rank on the grade scale (core/grades); UNGRADED when it has none. */
  gradeRank: number
}

/** A reconciled figure: as a report's, plus which reports it was taken from (their indexes). */
export interface ReconciledFigure extends ReportFigure {
  from: number[]
}

const quantified = (f: ReportFigure) => f.min !== null || f.max !== null

/**
 * One figure out of its reports, given in order of publication (the latest last).
 *
 * - range: the lowest minimum any report gives to the highest maximum any report gives; open when
 *   no report gives a maximum, or when a report's minimum is above every maximum given (the range
 *   must not exclude what a report says). A report with only a maximum ("up to 20") gives no
 *   minimum; when no report gives one the figure is "up to" the highest maximum.
 * - latest: the figure of the latest report that gives a number.
 * - graded: the figure of the best-graded report that gives a number; of equal grades the latest.
 *
 * Reports in words only ("scores") are passed over when another report gives a number; when none
 * does, the figure is unquantified. Reports that do not mention the measure are passed over.
 */
export function reconcile(reports: readonly Report[], rule: ReconcileRule): ReconciledFigure {
  const numbered: number[] = []
  const worded: number[] = []
  reports.forEach((report, i) => {
    if (quantified(report.figure)) numbered.push(i)
    else if (report.figure.words) worded.push(i)
  })
  if (numbered.length === 0) {
    return { min: null, max: null, words: worded.length > 0, from: worded }
  }
  if (rule === 'range') {
    let low: number | null = null
    let highMax: number | null = null
    let highMin: number | null = null
    for (const i of numbered) {
      const { min, max } = reports[i]!.figure
      if (min !== null) {
        low = low === null ? min : Math.min(low, min)
        highMin = highMin === null ? min : Math.max(highMin, min)
      }
      if (max !== null) highMax = highMax === null ? max : Math.max(highMax, max)
    }
    const open = highMax === null || (highMin !== null && highMin > highMax)
    return {
      min: low,
      max: open ? null : highMax,
      words: numbered.some((i) => reports[i]!.figure.words),
      from: numbered,
    }
  }
  let pick = numbered[numbered.length - 1]!
  if (rule === 'graded') {
    for (const i of numbered) if (reports[i]!.gradeRank <= reports[pick]!.gradeRank) pick = i
  }
  return { ...reports[pick]!.figure, from: [pick] }
}

/** A reconciled figure's state, as the figure index names them (none, closed, open, ...). */
export function figureWords(
  figure: ReportFigure,
): 'none' | 'closed' | 'open' | 'max only' | 'words' {
  if (figure.min !== null) return figure.max !== null ? 'closed' : 'open'
  if (figure.max !== null) return 'max only'
  return figure.words ? 'words' : 'none'
}

/** The key of a figure: an incident and a target group. */
export function figureKey(record: Pick<CasualtyRecord, 'incident_id' | 'target_group'>): string {
  return `${record.incident_id}\u0000${record.target_group}`
}

/**
 * Reports of every figure of `records` (their indexes, in the records' order): the figures with one
 * report included.
 */
export function reportsByFigure(
  records: readonly Pick<CasualtyRecord, 'incident_id' | 'target_group'>[],
): Map<string, number[]> {
  const figures = new Map<string, number[]>()
  records.forEach((record, i) => {
    const key = figureKey(record)
    const list = figures.get(key)
    if (list) list.push(i)
    else figures.set(key, [i])
  })
  return figures
}

/** Publication order of reports: their source's date (undated first), then their order given. */
export function publicationOrder(
  records: readonly Pick<CasualtyRecord, 'source'>[],
  sources: ReadonlyMap<string, Pick<Source, 'published'>>,
  indexes: readonly number[],
): number[] {
  const dated = indexes.map((index) => ({
    index,
    published: sources.get(records[index]!.source)?.published ?? '',
  }))
  // ISO dates at any precision compare as text: `2021-10` before `2021-10-08` before `2021-11`.
  dated.sort((a, b) =>
    a.published === b.published ? a.index - b.index : a.published < b.published ? -1 : 1,
  )
  return dated.map((d) => d.index)
}

/** A record's figure of one measure. */
export function measureFigure(record: CasualtyRecord, measure: 'killed' | 'injured'): ReportFigure {
  return measure === 'killed'
    ? { min: record.killed_min, max: record.killed_max, words: record.killed_text !== '' }
    : { min: record.injured_min, max: record.injured_max, words: record.injured_text !== '' }
}

/**
 * The grade of a record: its source's. A report graded apart from the rest of what its outlet
 * published has a registry entry of its own (its own source id).
 */
export function recordGrade(
  record: Pick<CasualtyRecord, 'source'>,
  sources: ReadonlyMap<string, Pick<Source, 'grade'>>,
): string {
  return sources.get(record.source)?.grade ?? ''
}

/** One figure with its reports in publication order and what the rule makes of them. */
export interface FigureHistory {
  incident_id: string
  target_group: string
  /** Indexes of the records, in publication order. */
  reports: number[]
  killed: ReconciledFigure
  injured: ReconciledFigure
}

/** Every figure of `records` reconciled by `rule`, the figures of one report included. */
export function reconcileRecords(
  records: readonly CasualtyRecord[],
  sources: ReadonlyMap<string, Source>,
  rule: ReconcileRule,
  rankOf: (grade: string) => number,
): FigureHistory[] {
  const histories: FigureHistory[] = []
  for (const indexes of reportsByFigure(records).values()) {
    const ordered = publicationOrder(records, sources, indexes)
    const reconciled = (measure: 'killed' | 'injured'): ReconciledFigure => {
      const result = reconcile(
        ordered.map((i) => ({
          figure: measureFigure(records[i]!, measure),
          gradeRank: rankOf(recordGrade(records[i]!, sources)),
        })),
        rule,
      )
      return { ...result, from: result.from.map((k) => ordered[k]!) }
    }
    const first = records[ordered[0]!]!
    histories.push({
      incident_id: first.incident_id,
      target_group: first.target_group,
      reports: ordered,
      killed: reconciled('killed'),
      injured: reconciled('injured'),
    })
  }
  return histories
}

/** Where a toll changed: each report whose figure differs from the one before it. */
export function tollChanges(
  figures: readonly ReportFigure[],
): { index: number; figure: ReportFigure }[] {
  const changes: { index: number; figure: ReportFigure }[] = []
  let last: ReportFigure | null = null
  figures.forEach((figure, index) => {
    if (!quantified(figure)) return
    if (last && last.min === figure.min && last.max === figure.max) return
    changes.push({ index, figure })
    last = figure
  })
  return changes
}

/** What `findReportedIncident` compares of a proposed row. */
export type Proposal = Pick<CasualtyRecord, 'date' | 'admin1' | 'location' | 'target_group'> &
  Partial<Pick<CasualtyRecord, 'incident_id' | 'attack_type' | 'perpetrator'>>

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()

// Two dates at any precision agree when one is the other or begins it (`2021-10` and `2021-10-08`).
function datesAgree(a: string, b: string): boolean {
  if (a === '' || b === '') return false
  return a.startsWith(b) || b.startsWith(a)
}

/**
 * The incident of `records` that a proposed row (a later toll read from a new text) reports on, or
 * null when it is a new incident. The proposal's own incident_id wins when the data has it;
 * otherwise an incident matches when its date agrees with the proposal's at the coarser precision
 * of the two, and its province agrees (or either is not given), and it has a row of the same
 * target group or the same place; of several, the one with most agreeing fields, then the first.
 * The caller then adds the proposal as a report of that incident: the same incident_id, its own
 * source.
 */
export function findReportedIncident(
  records: readonly CasualtyRecord[],
  proposal: Proposal,
): string | null {
  if (proposal.incident_id && records.some((r) => r.incident_id === proposal.incident_id)) {
    return proposal.incident_id
  }
  let best: { id: string; score: number } | null = null
  for (const record of records) {
    if (!datesAgree(record.date, proposal.date)) continue
    if (record.admin1 !== '' && proposal.admin1 !== '' && !same(record.admin1, proposal.admin1)) {
      continue
    }
    const group = same(record.target_group, proposal.target_group)
    const place = record.location !== '' && same(record.location, proposal.location)
    if (!group && !place) continue
    let score = (group ? 2 : 0) + (place ? 2 : 0) + (same(record.date, proposal.date) ? 1 : 0)
    if (proposal.attack_type && same(record.attack_type, proposal.attack_type)) score++
    if (proposal.perpetrator && same(record.perpetrator, proposal.perpetrator)) score++
    if (record.admin1 !== '' && same(record.admin1, proposal.admin1)) score++
    if (!best || score > best.score) best = { id: record.incident_id, score }
  }
  return best?.id ?? null
}

/** One figure as words: `53`, `47–53`, `at least 47`, `up to 20`, `not quantified`, or ''. */
export function formatFigure(figure: ReportFigure): string {
  const n = (v: number) => v.toLocaleString('en-US')
  if (figure.min !== null) {
    if (figure.max === null) return `at least ${n(figure.min)}`
    return figure.max > figure.min ? `${n(figure.min)}–${n(figure.max)}` : n(figure.min)
  }
  if (figure.max !== null) return `up to ${n(figure.max)}`
  return figure.words ? 'not quantified' : ''
}
