import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { gradesToCsv } from '../../../src/core/export/exportGrades'
import { parseGradesCsv } from '../../../src/core/load/gradesCsv'
import { PLAIN_RFC4180 } from '../../../src/core/csv/write'
import { DEFAULT_GRADES } from '../../../src/core/grades'

describe('gradesToCsv', () => {
  const grade = fc.record({
    label: fc
      .string({ minLength: 1, maxLength: 12 })
      .map((s) => s.trim())
      // A first row of `#` tags alone is an HXL row (core/load/gradesCsv says so): not a label.
      .filter((s) => s !== '' && s.toLowerCase() !== 'ungraded' && !s.startsWith('#')),
    meaning: fc.string({ maxLength: 40 }).map((s) => s.trim()),
  })

  it('round-trips any scale, and an export of an import is the same bytes', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(grade, {
          selector: (g) => g.label.toLowerCase(),
          minLength: 1,
          maxLength: 8,
        }),
        (grades) => {
          const text = gradesToCsv(grades)
          const read = parseGradesCsv(text)
          expect(read.issues).toEqual([])
          expect(read.grades).toEqual(grades)
          expect(gradesToCsv(read.grades!)).toBe(text)
        },
      ),
    )
  })

  it('writes the default scale as the codebook gives it, best first', () => {
    expect(gradesToCsv(DEFAULT_GRADES, PLAIN_RFC4180).split('\r\n')[1]).toBe(
      '"confirmed","Confirmed by the party that caused the harm, or by several independent sources that agree."',
    )
  })
})
