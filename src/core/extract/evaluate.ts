// Scores proposed rows against hand-coded gold rows: incidents are paired first (place, date,
// target groups, figures), then rows within a pair by target group. Per-field precision is
// correct values over proposed rows, recall is correct values over gold rows; an empty count is a
// value like any other (empty must match empty: "not given" is a claim too).

import type { CasualtyRecord } from '../schema'
import { datesAgree } from './dates'
import { parseNumberAt } from './numbers'
import { tokenize } from './text'

/** The fields scored per row, in the order they are printed. */
export const SCORED_FIELDS = [
  'killed_min',
  'killed_max',
  'injured_min',
  'injured_max',
  'date',
  'admin1',
  'target_group',
  'perpetrator',
] as const
export type ScoredField = (typeof SCORED_FIELDS)[number]

/** Correct, proposed and gold counts of one field; summed over texts, then turned into rates. */
export interface FieldTally {
  correct: number
  proposed: number
  gold: number
}

/** The tallies of one or more texts. */
export interface EvaluationTally {
  incidents: FieldTally
  fields: Record<ScoredField, FieldTally>
  /** Gold figures written with a number, and how many were proposed with the right min and max. */
  numberedFigures: { total: number; right: number }
  /** Proposed incidents, and how many of them the gold set does not have. */
  proposedIncidents: { total: number; notInGold: number }
  /** Gold rows with no proposed row of the same figures, for the report. */
  misses: string[]
}

/** A row pair of matched incidents. */
export interface RowPair {
  gold: CasualtyRecord
  proposed: CasualtyRecord | null
}

function emptyTally(): EvaluationTally {
  const fields = Object.fromEntries(
    SCORED_FIELDS.map((f) => [f, { correct: 0, proposed: 0, gold: 0 }]),
  ) as Record<ScoredField, FieldTally>
  return {
    incidents: { correct: 0, proposed: 0, gold: 0 },
    fields,
    numberedFigures: { total: 0, right: 0 },
    proposedIncidents: { total: 0, notInGold: 0 },
    misses: [],
  }
}

function groupByIncident(records: readonly CasualtyRecord[]): CasualtyRecord[][] {
  const groups = new Map<string, CasualtyRecord[]>()
  for (const record of records) {
    const list = groups.get(record.incident_id) ?? []
    list.push(record)
    groups.set(record.incident_id, list)
  }
  return [...groups.values()]
}

const sameFigure = (a: CasualtyRecord, b: CasualtyRecord) =>
  a.killed_min === b.killed_min &&
  a.killed_max === b.killed_max &&
  a.injured_min === b.injured_min &&
  a.injured_max === b.injured_max

function pairScore(gold: CasualtyRecord[], proposed: CasualtyRecord[]): number {
  const g = gold[0] as CasualtyRecord
  const p = proposed[0] as CasualtyRecord
  const samePlace = g.admin1 !== '' && g.admin1 === p.admin1
  const dateAgrees = g.date !== '' && p.date !== '' && datesAgree(g.date, p.date)
  if (!samePlace && !dateAgrees) return 0
  let score = (samePlace ? 2 : 0) + (g.date === p.date ? 2 : dateAgrees ? 1 : 0)
  for (const row of proposed) {
    if (gold.some((r) => r.target_group === row.target_group)) score += 1
    if (gold.some((r) => sameFigure(r, row))) score += 1
  }
  return score >= 3 ? score : 0
}

// Pairs gold incidents with proposed ones (best score first) and rows within each pair.
export function pairIncidents(
  gold: readonly CasualtyRecord[],
  proposed: readonly CasualtyRecord[],
): {
  pairs: RowPair[]
  unmatchedProposed: CasualtyRecord[][]
  matchedGold: number
  goldCount: number
} {
  const goldIncidents = groupByIncident(gold)
  const proposedIncidents = groupByIncident(proposed)
  const candidates: { g: number; p: number; score: number }[] = []
  goldIncidents.forEach((g, gi) =>
    proposedIncidents.forEach((p, pi) => {
      const score = pairScore(g, p)
      if (score > 0) candidates.push({ g: gi, p: pi, score })
    }),
  )
  candidates.sort((a, b) => b.score - a.score)
  const goldTaken = new Map<number, number>()
  const proposedTaken = new Set<number>()
  for (const c of candidates) {
    if (goldTaken.has(c.g) || proposedTaken.has(c.p)) continue
    goldTaken.set(c.g, c.p)
    proposedTaken.add(c.p)
  }
  const pairs: RowPair[] = []
  goldIncidents.forEach((g, gi) => {
    const pi = goldTaken.get(gi)
    const rows = pi === undefined ? [] : [...(proposedIncidents[pi] ?? [])]
    const left = g.filter((row) => {
      const k = rows.findIndex((r) => r.target_group === row.target_group)
      if (k < 0) return true
      pairs.push({ gold: row, proposed: rows.splice(k, 1)[0] ?? null })
      return false
    })
    for (const row of left) pairs.push({ gold: row, proposed: rows.shift() ?? null })
  })
  return {
    pairs,
    unmatchedProposed: proposedIncidents.filter((_, pi) => !proposedTaken.has(pi)),
    matchedGold: goldTaken.size,
    goldCount: goldIncidents.length,
  }
}

/** Does a figure's text carry a number (`170 Afghans`, `at least six`, `about 30`)? */
export function hasNumber(words: string): boolean {
  const tokens = tokenize(words)
  return tokens.some((_, i) => parseNumberAt(tokens, i) !== null)
}

// Adds the scores of one text (its gold rows and proposed rows) to `tally` (a new one by default).
export function evaluateExtraction(
  gold: readonly CasualtyRecord[],
  proposed: readonly CasualtyRecord[],
  tally: EvaluationTally = emptyTally(),
): EvaluationTally {
  const { pairs, unmatchedProposed, matchedGold, goldCount } = pairIncidents(gold, proposed)
  const proposedCount = matchedGold + unmatchedProposed.length
  tally.incidents.correct += matchedGold
  tally.incidents.gold += goldCount
  tally.incidents.proposed += proposedCount
  tally.proposedIncidents.total += proposedCount
  tally.proposedIncidents.notInGold += unmatchedProposed.length
  for (const field of SCORED_FIELDS) {
    tally.fields[field].gold += gold.length
    tally.fields[field].proposed += proposed.length
    tally.fields[field].correct += pairs.filter(
      (pair) => pair.proposed !== null && pair.proposed[field] === pair.gold[field],
    ).length
  }
  for (const { gold: row, proposed: match } of pairs) {
    for (const kind of ['killed', 'injured'] as const) {
      if (!hasNumber(row[`${kind}_text`])) continue
      tally.numberedFigures.total++
      const right =
        match !== null &&
        match[`${kind}_min`] === row[`${kind}_min`] &&
        match[`${kind}_max`] === row[`${kind}_max`]
      if (right) tally.numberedFigures.right++
    }
    if (!match || !sameFigure(row, match)) {
      tally.misses.push(
        `${row.incident_id} ${row.target_group}: gold ${figures(row)}, proposed ${match ? figures(match) : 'nothing'}`,
      )
    }
  }
  return tally
}

function figures(row: CasualtyRecord): string {
  const part = (n: number | null) => (n === null ? '' : String(n))
  return `killed ${part(row.killed_min)}/${part(row.killed_max)} injured ${part(row.injured_min)}/${part(row.injured_max)}`
}

/** Precision and recall of a tally, 0-1 (1 when there is nothing to score). */
export function rates(tally: FieldTally): { precision: number; recall: number } {
  return {
    precision: tally.proposed === 0 ? 1 : tally.correct / tally.proposed,
    recall: tally.gold === 0 ? 1 : tally.correct / tally.gold,
  }
}

export { emptyTally }

/** Incident-level scores: gold incidents found, proposed incidents that are right. */
export interface IncidentScore {
  gold: number
  found: number
  proposed: number
  right: number
}

export const emptyIncidentScore = (): IncidentScore => ({
  gold: 0,
  found: 0,
  proposed: 0,
  right: 0,
})

const normalizePlace = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')

const sameBounds = (a: CasualtyRecord, b: CasualtyRecord) =>
  sameFigure(a, b) &&
  (a.killed_min !== null ||
    a.killed_max !== null ||
    a.injured_min !== null ||
    a.injured_max !== null ||
    a.killed_text !== '' ||
    a.injured_text !== '')

// Does a proposed incident report a gold one? The same place (admin-1, or the country when the
// gold row names no admin-1), a date that agrees at the gold row's precision (any, when the
// text gives none) and one row with the same figures' bounds.
export function incidentMatches(
  gold: readonly CasualtyRecord[],
  proposed: readonly CasualtyRecord[],
): boolean {
  const g = gold[0]
  const p = proposed[0]
  if (!g || !p) return false
  const place = g.admin1
    ? normalizePlace(g.admin1) === normalizePlace(p.admin1)
    : normalizePlace(g.country) === normalizePlace(p.country)
  const date =
    g.date === '' || (p.date !== '' && datesAgree(g.date, p.date) && p.date.startsWith(g.date))
  return place && date && gold.some((row) => proposed.some((other) => sameBounds(row, other)))
}

// Scores the incidents of one text by `incidentMatches`, each gold and proposed incident used
// once; `keep` chooses which incidents count (by their first row), both gold and proposed.
export function scoreIncidents(
  gold: readonly CasualtyRecord[],
  proposed: readonly CasualtyRecord[],
  score: IncidentScore = emptyIncidentScore(),
  keep: (row: CasualtyRecord) => boolean = () => true,
): { score: IncidentScore; missed: CasualtyRecord[][]; extra: CasualtyRecord[][] } {
  const golds = groupByIncident(gold).filter((g) => g[0] && keep(g[0]))
  const proposals = groupByIncident(proposed).filter((p) => p[0] && keep(p[0]))
  const taken = new Set<number>()
  const missed: CasualtyRecord[][] = []
  for (const g of golds) {
    const k = proposals.findIndex((p, i) => !taken.has(i) && incidentMatches(g, p))
    if (k >= 0) taken.add(k)
    else missed.push(g)
  }
  score.gold += golds.length
  score.found += golds.length - missed.length
  score.proposed += proposals.length
  score.right += taken.size
  return { score, missed, extra: proposals.filter((_, i) => !taken.has(i)) }
}

/** Recall and precision of an incident score, 0-1 (1 when there is nothing to score). */
export function incidentRates(score: IncidentScore): { recall: number; precision: number } {
  return {
    recall: score.gold === 0 ? 1 : score.found / score.gold,
    precision: score.proposed === 0 ? 1 : score.right / score.proposed,
  }
}
