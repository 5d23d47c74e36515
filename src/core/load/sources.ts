// The source registry (data/sources.csv): who published each report. Read and checked like the
// rows: every issue names its line and column, good entries still load. The checks of the rows
// against it are in core/load/sourceChecks.

import { CsvScanner } from '../csv/scanner'
import { unescapeFormula } from '../csv/formula'
import { parseIsoDate } from '../date'
import { gradeScale, UNGRADED, type GradeScale } from '../grades'
import { SOURCE_COLUMNS, SOURCE_KINDS, emptySource, type Source, type SourceKind } from '../reports'
import type { RowIssue } from './validate'

export { checkReports, isRegistryHeader, REPORT_ISSUES_SHOWN } from './sourceChecks'

/** A registry read from a file: its entries by id, in file order, and what was wrong. */
export interface SourceRegistry {
  sources: Map<string, Source>
  issues: RowIssue[]
}

export function emptyRegistry(): SourceRegistry {
  return { sources: new Map(), issues: [] }
}

const KNOWN = new Set<string>(SOURCE_COLUMNS)
const KINDS = new Map(SOURCE_KINDS.map((kind) => [kind.toLowerCase(), kind]))

/** Checks one entry's values; the entry keeps only what is valid (a bad value is left empty). */
export function checkSource(
  source: Source,
  line: number,
  scale: GradeScale = gradeScale(),
): { source: Source; issues: RowIssue[] } {
  const issues: RowIssue[] = []
  const out = { ...source }
  const issue = (column: keyof Source, message: string) => {
    issues.push({ line, column, message, value: source[column] })
    out[column] = '' as never
  }
  if (source.published !== '') {
    const date = parseIsoDate(source.published)
    if (!date.ok) issue('published', `“${source.published}” ${date.reason}`)
  }
  if (source.kind !== '') {
    const kind = KINDS.get(source.kind.trim().toLowerCase())
    if (kind) out.kind = kind
    else issue('kind', `“${source.kind}” is not a kind of source: use ${SOURCE_KINDS.join(', ')}`)
  }
  if (source.grade !== '' && scale.rank(source.grade) === UNGRADED) {
    const labels = scale.grades.map((g) => g.label).join(', ')
    issue('grade', `“${source.grade}” is not a grade: use ${labels}`)
  }
  if (source.url !== '' && !/^https?:\/\/\S+$/i.test(source.url)) {
    issue('url', `“${source.url}” is not a web address (http:// or https://)`)
  }
  return { source: out, issues }
}

/**
 * Reads a source registry from CSV text: a header naming its columns (SOURCE_COLUMNS, any order;
 * `id` required), one source a row. An entry without an id, or with an id given before, is left
 * out with an issue; a bad value is left empty with an issue, and the entry stays.
 */
export function parseSources(text: string, scale: GradeScale = gradeScale()): SourceRegistry {
  const sources = new Map<string, Source>()
  const issues: RowIssue[] = []
  const firstLine = new Map<string, number>()
  let columns: (keyof Source | null)[] = []
  const scanner = new CsvScanner(
    {
      header(cells, line) {
        columns = cells.map((cell) => {
          const name = cell.toLowerCase()
          if (KNOWN.has(name)) return name as keyof Source
          issues.push({
            line,
            column: cell,
            message: `“${cell}” is not a column of the source registry; ignored`,
          })
          return null
        })
        if (!columns.includes('id')) {
          issues.push({ line, column: 'id', message: 'the source registry needs an “id” column' })
          return false
        }
      },
      row(view) {
        const entry = emptySource('')
        for (let i = 0; i < view.count; i++) {
          const column = columns[i]
          // The export's formula apostrophe (core/csv/formula) comes off again.
          if (column) entry[column] = unescapeFormula(view.field(i).trim()) as SourceKind
        }
        if (view.count !== columns.length) {
          issues.push({
            line: view.line,
            message: `${view.count} fields where the header has ${columns.length}`,
          })
        }
        if (entry.id === '') {
          issues.push({ line: view.line, column: 'id', message: 'a source needs an id; left out' })
          return
        }
        const before = firstLine.get(entry.id)
        if (before !== undefined) {
          issues.push({
            line: view.line,
            column: 'id',
            message: `the source “${entry.id}” is given twice (first on line ${before}); left out`,
            value: entry.id,
          })
          return
        }
        firstLine.set(entry.id, view.line)
        const checked = checkSource(entry, view.line, scale)
        issues.push(...checked.issues)
        sources.set(entry.id, checked.source)
      },
    },
    KNOWN,
  )
  scanner.push(new TextEncoder().encode(text.replace(/^\uFEFF/, '')))
  scanner.finish()
  for (const issue of scanner.tally.issues) {
    issues.push({ line: issue.line ?? 0, message: issue.message })
  }
  return { sources, issues }
}
