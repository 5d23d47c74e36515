// A grade scale as CSV (`grade,meaning`, one grade a row, best first): read with every issue naming
// its line and column, as the rows and the source registry are. Used by the page's scale editor
// only, so it loads with it.

import { CsvScanner } from '../csv/scanner'
import { unescapeFormula } from '../csv/formula'
import { checkGrades, type Grade } from '../grades'
import type { RowIssue } from './validate'

/**
 * Reads a grade scale from CSV text: a header with `grade` (or `label`) and `meaning` (or
 * `definition`), one grade a row, best first. Every issue names its line and column; a grade
 * without a label or given twice is left out. Null grades when the file gives none.
 */
export function parseGradesCsv(text: string): { grades: Grade[] | null; issues: RowIssue[] } {
  const issues: RowIssue[] = []
  const given: { label: string; meaning: string }[] = []
  const lines: number[] = []
  let labelAt = -1
  let meaningAt = -1
  const scanner = new CsvScanner({
    header(cells, line) {
      const names = cells.map((cell) => cell.trim().toLowerCase())
      labelAt = names.findIndex((name) => name === 'grade' || name === 'label')
      meaningAt = names.findIndex((name) => name === 'meaning' || name === 'definition')
      if (labelAt < 0) {
        issues.push({ line, column: 'grade', message: 'a grade scale needs a “grade” column' })
        return false
      }
    },
    row(view) {
      const field = (i: number) => (i < 0 || i >= view.count ? '' : view.field(i))
      given.push({
        label: unescapeFormula(field(labelAt).trim()),
        meaning: unescapeFormula(field(meaningAt).trim()),
      })
      lines.push(view.line)
    },
  })
  scanner.push(new TextEncoder().encode(text.replace(/^\uFEFF/, '')))
  scanner.finish()
  // A first grade whose every cell starts with `#` reads as an HXL hashtag row: said, not dropped
  // silently.
  for (const skipped of scanner.tally.skipped) {
    issues.push({ line: skipped.line, message: `read as an ${skipped.reason} and skipped` })
  }
  for (const issue of scanner.tally.issues) {
    issues.push({ line: issue.line ?? 0, message: issue.message })
  }
  const checked = checkGrades(given)
  for (const { index, message } of checked.issues) {
    issues.push({ line: lines[index] ?? 0, column: 'grade', message })
  }
  return { grades: checked.grades.length > 0 ? checked.grades : null, issues }
}
