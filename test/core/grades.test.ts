import { describe, expect, it } from 'vitest'
import { DEFAULT_GRADES, UNGRADED, gradeScale, parseGradeScale } from '../../src/core/grades'

describe('grades', () => {
  it('ranks the default scale best first, without case', () => {
    const scale = gradeScale()
    expect(DEFAULT_GRADES.map((g) => g.label)).toEqual([
      'confirmed',
      'fair',
      'weak',
      'contested',
      'discounted',
    ])
    expect(scale.rank('Confirmed ')).toBe(0)
    expect(scale.rank('discounted')).toBe(4)
    expect(scale.rank('')).toBe(UNGRADED)
    expect(scale.rank('probable')).toBe(UNGRADED)
  })

  it.each([
    ['a: first\nb: second', ['a', 'b'], []],
    [
      'a\n\nb:x\na: again',
      ['a', 'b'],
      ['line 4: the grade “a” is given twice; the first one is kept'],
    ],
    [
      ': no label',
      ['confirmed', 'fair', 'weak', 'contested', 'discounted'],
      ['line 1: a grade needs a label before “:”', 'no grade given: the default scale is used'],
    ],
  ])('reads %j', (text, labels, issues) => {
    const parsed = parseGradeScale(text)
    expect(parsed.scale.grades.map((g) => g.label)).toEqual(labels)
    expect(parsed.issues).toEqual(issues)
  })
})
