// Grades of sources and reports: how far a report is to be trusted, on a scale the user may define.
// The default scale follows Airwars' grading of civilian harm claims (data/README.md, "Grades"):
// from a report confirmed by the party responsible or by several independent sources, down to one
// discounted as wrong. A grade is a label of the scale; its rank is its place on it (0 is best).

/** One grade of a scale: its label and what it means. */
export interface Grade {
  label: string
  meaning: string
}

/** The default scale, best first. */
export const DEFAULT_GRADES: readonly Grade[] = [
  {
    label: 'confirmed',
    meaning:
      'Confirmed by the party that caused the harm, or by several independent sources that agree.',
  },
  {
    label: 'fair',
    meaning:
      'Reported by two or more credible sources, with details (names, place, time) that support it.',
  },
  {
    label: 'weak',
    meaning: 'Reported by a single source, or by sources that give little detail.',
  },
  {
    label: 'contested',
    meaning:
      'Competing accounts: the figure, who caused the harm or whether it happened is disputed.',
  },
  {
    label: 'discounted',
    meaning:
      'Shown to be wrong or not to have happened as reported; kept so that the record is complete.',
  },
]

/** Rank of a report without a grade: after every grade of a scale. */
export const UNGRADED = 255

/** A grade scale: its grades best first, and each label's rank. */
export interface GradeScale {
  grades: readonly Grade[]
  rank(label: string): number
}

/** A scale of `grades` (best first). Labels compare without case or surrounding space. */
export function gradeScale(grades: readonly Grade[] = DEFAULT_GRADES): GradeScale {
  const ranks = new Map(grades.map((grade, i) => [normalGrade(grade.label), i]))
  return {
    grades,
    rank: (label) => ranks.get(normalGrade(label)) ?? UNGRADED,
  }
}

/** A grade label as compared: trimmed, lower case. */
export function normalGrade(label: string): string {
  return label.trim().toLowerCase()
}

/**
 * A scale read from text, one grade a line: `label: meaning` (or just `label`), best first. Blank
 * lines are skipped; a label given twice is an issue, and the first one stays.
 */
export function parseGradeScale(text: string): { scale: GradeScale; issues: string[] } {
  const grades: Grade[] = []
  const issues: string[] = []
  const seen = new Set<string>()
  text.split(/\r\n|\n|\r/).forEach((line, i) => {
    if (line.trim() === '') return
    const colon = line.indexOf(':')
    const label = (colon < 0 ? line : line.slice(0, colon)).trim()
    const meaning = colon < 0 ? '' : line.slice(colon + 1).trim()
    if (label === '') return issues.push(`line ${i + 1}: a grade needs a label before “:”`)
    if (seen.has(normalGrade(label))) {
      return issues.push(
        `line ${i + 1}: the grade “${label}” is given twice; the first one is kept`,
      )
    }
    seen.add(normalGrade(label))
    grades.push({ label, meaning })
  })
  if (grades.length === 0)
    return { scale: gradeScale(), issues: [...issues, 'no grade given: the default scale is used'] }
  return { scale: gradeScale(grades), issues }
}
