// `npm run eval:extract`: scores the extraction assistant on the hand-coded reports
// of test/fixtures/extract/ (NAME.txt with its gold rows in NAME.gold.csv), prints per-field
// precision and recall and the two targets; then, when the shipped dataset's source article sits
// beside the project (../shared/sources/), checks that every row of data/attacks.csv is proposed
// with the same figures. Exit status: 0 when the targets (and the source check, if run) hold.

import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { extractIncidents } from '../core/extract'
import {
  SCORED_FIELDS,
  emptyIncidentScore,
  emptyTally,
  evaluateExtraction,
  incidentRates,
  pairIncidents,
  rates,
  scoreIncidents,
  type EvaluationTally,
  type IncidentScore,
} from '../core/extract/evaluate'
import { loadCsv } from '../core/load/loader'
import Papa from 'papaparse'
import { SCHEMA_COLUMNS, emptyRecord, type CasualtyRecord } from '../core/schema'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const FIXTURE_DIR = join(ROOT, 'test/fixtures/extract')
/** Published reports (dev/ and blind/), each NAME.txt with its hand coding NAME.gold.csv. */
export const REAL_DIR = join(ROOT, 'test/fixtures/extract/real')
export const SHIPPED_SOURCE = join(ROOT, '../shared/sources/000_c3132940d17c84a6.txt')
export const SHIPPED_DATASET = join(ROOT, 'data/attacks.csv')

/** What the extraction must reach: figures right, few invented incidents. */
export const FIGURE_TARGET = 0.95
export const FALSE_INCIDENT_LIMIT = 0.05
/** What the blind set of published reports must reach: incident recall and precision. */
export const REAL_TARGET = 0.75
/** Reports outside Afghanistan may score at most this far below all reports. */
export const OUTSIDE_AFGHANISTAN_MARGIN = 0.1

function readGold(file: string): CasualtyRecord[] {
  const result = loadCsv(readFileSync(file))
  if (!result.ok || !result.store || result.rowIssues.length > 0) {
    const why = result.fileIssues[0]?.message ?? result.rowIssues[0]?.message ?? 'unreadable'
    throw new Error(`${file}: gold rows do not load: ${why}`)
  }
  return result.store.records()
}

// Hand coding of a published report: our schema's columns, read as they are, because a report
// may give no date at all and the loader (rightly) refuses a data row without one.
function readCoding(file: string): CasualtyRecord[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  })
  if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors[0]?.message ?? ''}`)
  const count = (value: string | undefined) => (value ? Number(value) : null)
  return parsed.data.map((row) => {
    const record = emptyRecord()
    for (const column of SCHEMA_COLUMNS) {
      const value = row[column] ?? ''
      if (column.endsWith('_min') || column.endsWith('_max'))
        Object.assign(record, { [column]: count(value) })
      else Object.assign(record, { [column]: value })
    }
    return record
  })
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`

/** The table and target lines for a tally. */
export function formatTally(tally: EvaluationTally): string[] {
  const lines = ['field          precision  recall   (correct / proposed / gold)']
  const line = (name: string, t: { correct: number; proposed: number; gold: number }) => {
    const { precision, recall } = rates(t)
    lines.push(
      `${name.padEnd(15)}${percent(precision).padStart(9)}${percent(recall).padStart(8)}   (${t.correct} / ${t.proposed} / ${t.gold})`,
    )
  }
  line('incident found', tally.incidents)
  for (const field of SCORED_FIELDS) line(field, tally.fields[field])
  const figures = tally.numberedFigures
  const figureRate = figures.total === 0 ? 1 : figures.right / figures.total
  const extra = tally.proposedIncidents
  const extraRate = extra.total === 0 ? 0 : extra.notInGold / extra.total
  lines.push(
    `target: figures with a number, right min/max: ${figures.right}/${figures.total} = ${percent(figureRate)} (>= ${percent(FIGURE_TARGET)}) ${figureRate >= FIGURE_TARGET ? 'MET' : 'NOT MET'}`,
    `target: proposed incidents not in gold: ${extra.notInGold}/${extra.total} = ${percent(extraRate)} (<= ${percent(FALSE_INCIDENT_LIMIT)}) ${extraRate <= FALSE_INCIDENT_LIMIT ? 'MET' : 'NOT MET'}`,
  )
  return lines
}

/** Did a tally meet both targets? */
export function meetsTargets(tally: EvaluationTally): boolean {
  const figures = tally.numberedFigures
  const extra = tally.proposedIncidents
  return (
    (figures.total === 0 || figures.right / figures.total >= FIGURE_TARGET) &&
    (extra.total === 0 || extra.notInGold / extra.total <= FALSE_INCIDENT_LIMIT)
  )
}

/** Scores every NAME.txt of `dir` that has a NAME.gold.csv. */
export function evaluateFixtures(dir: string): { tally: EvaluationTally; reports: string[] } {
  const tally = emptyTally()
  const reports = readdirSync(dir)
    .filter(
      (name) => name.endsWith('.txt') && existsSync(join(dir, name.replace(/\.txt$/, '.gold.csv'))),
    )
    .sort()
  for (const name of reports) {
    const text = readFileSync(join(dir, name), 'utf8')
    const gold = readGold(join(dir, name.replace(/\.txt$/, '.gold.csv')))
    const proposed = extractIncidents(text, { source: name }).rows.map((row) => row.record)
    const before = tally.misses.length
    evaluateExtraction(gold, proposed, tally)
    for (let i = before; i < tally.misses.length; i++)
      tally.misses[i] = `${name}: ${tally.misses[i]}`
  }
  return { tally, reports }
}

const reportFiles = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter(
          (name) =>
            name.endsWith('.txt') && existsSync(join(dir, name.replace(/\.txt$/, '.gold.csv'))),
        )
        .sort()
    : []

/** One set of published reports: incident scores, all and outside Afghanistan, and field scores. */
export interface RealSetResult {
  reports: number
  all: IncidentScore
  outside: IncidentScore
  tally: EvaluationTally
  lines: string[]
}

// Scores every report of `dir` at the incident level (place, date prefix and figures' bounds),
// for all incidents and for those outside Afghanistan, and per field as for the fixtures.
export function evaluateRealSet(dir: string): RealSetResult {
  const all = emptyIncidentScore()
  const outside = emptyIncidentScore()
  const tally = emptyTally()
  const lines: string[] = []
  const names = reportFiles(dir)
  const abroad = (row: { country: string }) => row.country !== 'Afghanistan'
  for (const name of names) {
    const text = readFileSync(join(dir, name), 'utf8')
    const gold = readCoding(join(dir, name.replace(/\.txt$/, '.gold.csv')))
    const proposed = extractIncidents(text, { source: name }).rows.map((row) => row.record)
    const { missed, extra } = scoreIncidents(gold, proposed, all)
    scoreIncidents(gold, proposed, outside, abroad)
    evaluateExtraction(gold, proposed, tally)
    for (const g of missed) lines.push(`  missed: ${name}: ${describeIncident(g)}`)
    for (const p of extra) lines.push(`  wrong:  ${name}: ${describeIncident(p)}`)
  }
  return { reports: names.length, all, outside, tally, lines }
}

function describeIncident(rows: readonly CasualtyRecord[]): string {
  const first = rows[0]
  if (!first) return ''
  const part = (n: number | null) => (n === null ? '' : String(n))
  const figures = rows
    .map(
      (r) =>
        `killed ${part(r.killed_min)}/${part(r.killed_max)} injured ${part(r.injured_min)}/${part(r.injured_max)}`,
    )
    .join('; ')
  return `${first.date || 'no date'} ${first.country} ${first.admin1 || '-'}: ${figures}`
}

function incidentLine(label: string, score: IncidentScore): string {
  const { recall, precision } = incidentRates(score)
  return `${label.padEnd(28)} recall ${percent(recall).padStart(6)} (${score.found}/${score.gold})  precision ${percent(precision).padStart(6)} (${score.right}/${score.proposed})`
}

/** The report of one set of published reports, and whether it meets the targets. */
export function formatRealSet(
  name: string,
  result: RealSetResult,
  targets: boolean,
): { lines: string[]; ok: boolean } {
  const lines = [`${name}: ${result.reports} published reports`]
  lines.push(incidentLine('  incidents, all', result.all))
  lines.push(incidentLine('  incidents, outside Afghan.', result.outside))
  lines.push(
    ...formatTally(result.tally)
      .filter((line) => !line.startsWith('target:'))
      .map((line) => `  ${line}`),
  )
  let ok = true
  if (targets) {
    const all = incidentRates(result.all)
    const outside = incidentRates(result.outside)
    const checks: [string, boolean][] = [
      [`incident recall >= ${percent(REAL_TARGET)}`, all.recall >= REAL_TARGET],
      [`proposal precision >= ${percent(REAL_TARGET)}`, all.precision >= REAL_TARGET],
      [
        `outside Afghanistan within ${percent(OUTSIDE_AFGHANISTAN_MARGIN)} of all`,
        outside.recall >= all.recall - OUTSIDE_AFGHANISTAN_MARGIN &&
          outside.precision >= all.precision - OUTSIDE_AFGHANISTAN_MARGIN,
      ],
    ]
    for (const [what, met] of checks) {
      lines.push(`  target (${name}): ${what} ${met ? 'MET' : 'NOT MET'}`)
      ok &&= met
    }
  }
  lines.push(...result.lines)
  return { lines, ok }
}

// Checks the shipped source against data/attacks.csv: each coded row must be proposed with the
// same figures (and, reported beside them, the same date, province and target group).
export function checkShippedSource(
  sourcePath: string,
  datasetPath: string,
): { ok: boolean; lines: string[] } {
  const gold = readGold(datasetPath)
  const proposed = extractIncidents(readFileSync(sourcePath, 'utf8'), {
    source: 'src-000',
  }).rows.map((row) => row.record)
  const { pairs, unmatchedProposed } = pairIncidents(gold, proposed)
  const lines: string[] = []
  let ok = true
  for (const { gold: row, proposed: match } of pairs) {
    const same =
      match !== null &&
      (['killed_min', 'killed_max', 'injured_min', 'injured_max'] as const).every(
        (c) => match[c] === row[c],
      )
    const also = match
      ? (['date', 'admin1', 'target_group'] as const).filter((c) => match[c] !== row[c])
      : []
    if (!same) ok = false
    lines.push(
      `${same ? 'OK  ' : 'MISS'} ${row.incident_id} (${row.target_group}): ${row.killed_text || '-'} / ${row.injured_text || '-'}${also.length ? `; differs in ${also.join(', ')}` : ''}`,
    )
  }
  for (const incident of unmatchedProposed) {
    lines.push(`EXTRA proposed incident not in data/attacks.csv: ${incident[0]?.incident_id ?? ''}`)
  }
  lines.unshift(
    `shipped source: ${ok ? 'every coded incident proposed with the same figures' : 'NOT every coded incident proposed with the same figures'} (${pairs.length} rows of data/attacks.csv)`,
  )
  return { ok, lines }
}

// Runs the evaluation; `sourcePath` is checked only when the file exists.
export function runEvalExtract(
  out: (line: string) => void,
  dir = FIXTURE_DIR,
  sourcePath: string | null = SHIPPED_SOURCE,
  realDir: string | null = REAL_DIR,
): number {
  const { tally, reports } = evaluateFixtures(dir)
  out(`extraction evaluation: ${reports.length} reports in ${dir}`)
  for (const line of formatTally(tally)) out(line)
  for (const miss of tally.misses) out(`  miss: ${miss}`)
  let ok = meetsTargets(tally)
  if (realDir && existsSync(realDir)) {
    for (const [set, targets] of [
      ['dev', false],
      ['blind', true],
    ] as const) {
      const report = formatRealSet(set, evaluateRealSet(join(realDir, set)), targets)
      for (const line of report.lines) out(line)
      ok &&= report.ok
    }
  }
  if (sourcePath && existsSync(sourcePath)) {
    const check = checkShippedSource(sourcePath, SHIPPED_DATASET)
    for (const line of check.lines) out(line)
    ok &&= check.ok
  } else {
    out('shipped source not found beside the project: source check skipped')
  }
  return ok ? 0 : 1
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = runEvalExtract((line) => console.log(line))
}
