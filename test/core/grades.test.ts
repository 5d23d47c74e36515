import { describe, expect, it } from 'vitest'
import {
  DEFAULT_GRADES,
  MAX_GRADES,
  MAX_GRADE_LABEL,
  UNGRADED,
  defaultGrades,
  gradeScale,
  parseGradeScale,
  readGrades,
  sameGrades,
} from '../../src/core/grades'

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

describe('readGrades (a scale in a dataset’s metadata)', () => {
  it.each([
    [
      'labels and meanings, best first',
      [
        { label: 'verified', meaning: 'Seen by our staff.' },
        { label: 'reported', meaning: '' },
      ],
      ['verified', 'reported'],
      [],
    ],
    [
      'id and definition are read as label and meaning; a string is a label',
      [{ id: 'a', definition: 'A.' }, 'b'],
      ['a', 'b'],
      [],
    ],
    [
      'a grade without a label, one given twice and “ungraded” are left out',
      [{ meaning: 'x' }, { label: 'a' }, { label: 'A' }, { label: 'Ungraded' }],
      ['a'],
      [
        'grade 1: a grade needs a label; left out',
        'grade 3: the grade “A” is given twice; the first one is kept',
        'grade 4: “Ungraded” is the name of reports without a grade; left out',
      ],
    ],
    ['not a list', { a: 1 }, null, ['“grades” is not a list; the default scale is used.']],
    ['an empty list', [], null, ['no grade given: the default scale is used.']],
  ])('%s', (_name, json, labels, issues) => {
    const read = readGrades(json)
    expect(read.grades?.map((g) => g.label) ?? null).toEqual(labels)
    expect(read.issues).toEqual(issues)
  })

  it('holds at most MAX_GRADES grades, and cuts an over-long label', () => {
    const many = Array.from({ length: MAX_GRADES + 2 }, (_, i) => `g${i}`)
    const read = readGrades(many)
    expect(read.grades).toHaveLength(MAX_GRADES)
    expect(read.issues).toHaveLength(2)
    const long = readGrades(['x'.repeat(MAX_GRADE_LABEL + 10)])
    expect(long.grades?.[0]?.label).toHaveLength(MAX_GRADE_LABEL)
  })

  it('a scale of its grades ranks them in their order', () => {
    const scale = gradeScale(readGrades(['verified', 'reported', 'rumour']).grades!)
    expect(['rumour', 'verified', 'Reported', 'confirmed'].map(scale.rank)).toEqual([
      2,
      0,
      1,
      UNGRADED,
    ])
  })

  it('sameGrades compares labels, meanings and order', () => {
    expect(sameGrades(defaultGrades(), DEFAULT_GRADES)).toBe(true)
    expect(sameGrades([...defaultGrades()].reverse(), DEFAULT_GRADES)).toBe(false)
    expect(sameGrades([{ label: 'confirmed', meaning: '' }], DEFAULT_GRADES.slice(0, 1))).toBe(
      false,
    )
  })
})
