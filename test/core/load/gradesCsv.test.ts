import { describe, expect, it } from 'vitest'
import { parseGradesCsv } from '../../../src/core/load/gradesCsv'

describe('parseGradesCsv', () => {
  it.each([
    ['grade,meaning\nverified,Seen by our staff.\nreported,', ['verified', 'reported'], []],
    ['label,definition\n"a, b","x"', ['a, b'], []],
    [
      'grade,meaning\nweak,\n,lost\nWeak,again\nungraded,',
      ['weak'],
      [
        { line: 3, column: 'grade', message: 'a grade needs a label; left out' },
        {
          line: 4,
          column: 'grade',
          message: 'the grade “Weak” is given twice; the first one is kept',
        },
        {
          line: 5,
          column: 'grade',
          message: '“ungraded” is the name of reports without a grade; left out',
        },
      ],
    ],
    [
      'grade,meaning\n#1,#top\n#2,next',
      ['#2'],
      [{ line: 2, message: 'read as an HXL hashtag row and skipped' }],
    ],
    [
      'meaning\nx',
      null,
      [{ line: 1, column: 'grade', message: 'a grade scale needs a “grade” column' }],
    ],
  ])('%j', (text, labels, issues) => {
    const read = parseGradesCsv(text)
    expect(read.grades?.map((g) => g.label) ?? null).toEqual(labels)
    expect(read.issues).toEqual(issues)
  })
})
