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

/** Most grades a scale holds: ranks must stay below UNGRADED, and a scale is a short list. */
export const MAX_GRADES = 50
/** Longest label and meaning kept: a grade is a word and a sentence or two. */
export const MAX_GRADE_LABEL = 60
export const MAX_GRADE_MEANING = 600

/** The grades of the default scale as a fresh list. */
export const defaultGrades = (): Grade[] => DEFAULT_GRADES.map((grade) => ({ ...grade }))

/** Whether two scales have the same grades, in the same order, with the same meanings. */
export function sameGrades(a: readonly Grade[], b: readonly Grade[]): boolean {
  return (
    a.length === b.length &&
    a.every((grade, i) => grade.label === b[i]!.label && grade.meaning === b[i]!.meaning)
  )
}

/**
 * Checks a scale's grades one by one (best first): a grade without a label, with a label given
 * before (compared without case), or beyond MAX_GRADES is left out with an issue; an over-long
 * label or meaning is cut. Each issue names the index of its grade in `given`.
 */
export function checkGrades(given: readonly { label: string; meaning: string }[]): {
  grades: Grade[]
  issues: { index: number; message: string }[]
} {
  const grades: Grade[] = []
  const issues: { index: number; message: string }[] = []
  const seen = new Set<string>()
  given.forEach((grade, index) => {
    const issue = (message: string) => issues.push({ index, message })
    const label = grade.label.trim()
    const meaning = grade.meaning.trim()
    if (label === '') return issue('a grade needs a label; left out')
    const key = normalGrade(label)
    if (key === UNGRADED_NAME) {
      return issue(`“${label}” is the name of reports without a grade; left out`)
    }
    if (seen.has(key)) return issue(`the grade “${label}” is given twice; the first one is kept`)
    if (grades.length >= MAX_GRADES) {
      return issue(`a scale holds at most ${MAX_GRADES} grades; left out`)
    }
    if (label.length > MAX_GRADE_LABEL || meaning.length > MAX_GRADE_MEANING) {
      issue(`the grade “${label.slice(0, MAX_GRADE_LABEL)}” is too long; cut`)
    }
    seen.add(key)
    grades.push({
      label: label.slice(0, MAX_GRADE_LABEL).trim(),
      meaning: meaning.slice(0, MAX_GRADE_MEANING),
    })
  })
  return { grades, issues }
}

/** The name of reports without a grade (the grade filter's); no grade of a scale may take it. */
export const UNGRADED_NAME = 'ungraded'

/**
 * A scale as JSON gives it (a dataset's metadata, `grades`): a list of `{ "label", "meaning" }`
 * best first (`id` and `definition` are read as label and meaning too). Null grades when the
 * value is not a list or gives no usable grade: the default scale is used, and an issue says so.
 */
export function readGrades(json: unknown): { grades: Grade[] | null; issues: string[] } {
  if (!Array.isArray(json)) {
    return { grades: null, issues: ['“grades” is not a list; the default scale is used.'] }
  }
  const issues: string[] = []
  const given: { label: string; meaning: string }[] = []
  json.forEach((item: unknown) => {
    const entry =
      typeof item === 'string'
        ? { label: item }
        : item !== null && typeof item === 'object'
          ? (item as Record<string, unknown>)
          : {}
    const text = (...names: string[]) => {
      for (const name of names) if (typeof entry[name] === 'string') return entry[name]
      return ''
    }
    given.push({ label: text('label', 'id', 'name'), meaning: text('meaning', 'definition') })
  })
  const checked = checkGrades(given)
  issues.push(...checked.issues.map(({ index, message }) => `grade ${index + 1}: ${message}`))
  if (checked.grades.length === 0) {
    return { grades: null, issues: [...issues, 'no grade given: the default scale is used.'] }
  }
  return { grades: checked.grades, issues }
}
