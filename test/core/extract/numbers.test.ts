import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseNumberWord, parseQuantityAt } from '../../../src/core/extract/numbers'
import { tokenize } from '../../../src/core/extract/text'

function quantity(words: string) {
  const tokens = tokenize(words)
  const q = parseQuantityAt(tokens, 0)
  if (!q) return null
  return { min: q.min, max: q.max, approximate: q.approximate, vague: q.vague, consumed: q.end }
}

describe('number words', () => {
  it.each([
    ['six', 6],
    ['thirteen', 13],
    ['twenty', 20],
    ['twenty-one', 21],
    ['Ninety-Nine', 99],
    ['zero', 0],
    ['dozen', null],
    ['twenty-ten', null],
  ])('%s -> %s', (word, value) => {
    expect(parseNumberWord(word)).toBe(value)
  })
})

// The codebook's qualifier rules (data/README.md, "Qualifier rules"), one row per wording.
describe('quantity phrases follow the codebook', () => {
  it.each([
    ['170 Afghans', 170, 170, null, false],
    ['1,200 people', 1200, 1200, null, false],
    ['at least 47 deaths', 47, null, null, false],
    ['47 or more', 47, null, null, false],
    ['no fewer than 9 officers', 9, null, null, false],
    ['over 50 worshippers', 51, null, null, false],
    ['more than 100', 101, null, null, false],
    ['up to 12', null, 12, null, false],
    ['as many as five', null, 5, null, false],
    ['at most four', null, 4, null, false],
    ['fewer than ten', null, 9, null, false],
    ['less than 10', null, 9, null, false],
    ['under 15', null, 14, null, false],
    ['nearly 30', null, 29, null, false],
    ['almost 50', null, 49, null, false],
    ['Nearly a dozen', null, 11, null, false],
    ['about 30', null, null, 30, false],
    ['around 20', null, null, 20, false],
    ['approximately 40', null, null, 40, false],
    ['roughly 15', null, null, 15, false],
    ['some 30', null, null, 30, false],
    ['between 29 and 40', 29, 40, null, false],
    ['between four and six', 4, 6, null, false],
    ['five to seven', 5, 7, null, false],
    ['3-5', 3, 5, null, false],
    ['3–5', 3, 5, null, false],
    ['six', 6, 6, null, false],
    ['thirteen', 13, 13, null, false],
    ['twenty-one', 21, 21, null, false],
    ['a dozen', 12, 12, null, false],
    ['two dozen', 24, 24, null, false],
    ['a hundred', 100, 100, null, false],
    ['two hundred and five', 205, 205, null, false],
    ['a single', 1, 1, null, false],
    ['at least six', 6, null, null, false],
    ['scores', null, null, null, true],
    ['dozens', null, null, null, true],
    ['hundreds', null, null, null, true],
    ['several', null, null, null, true],
    ['some', null, null, null, true],
    ['a few', null, null, null, true],
    ['a number of', null, null, null, true],
    ['many', null, null, null, true],
    ['numerous', null, null, null, true],
    ['multiple', null, null, null, true],
    ['a couple of', null, null, null, true],
  ])('%s -> min %s, max %s, approximate %s, vague %s', (words, min, max, approximate, vague) => {
    expect(quantity(words)).toMatchObject({ min, max, approximate, vague })
  })

  it.each(['2021', 'in', 'March', 'the'])('%s is not a count', (words) => {
    expect(quantity(words)).toBeNull()
  })

  it('never codes a vague word as zero, and min never exceeds max', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('', 'at least ', 'over ', 'up to ', 'nearly ', 'about ', 'fewer than '),
        fc.integer({ min: 1, max: 99_999 }),
        (qualifier, n) => {
          const q = quantity(`${qualifier}${n.toLocaleString('en-US')} people`)
          expect(q).not.toBeNull()
          if (q && q.min !== null && q.max !== null) expect(q.min).toBeLessThanOrEqual(q.max)
          if (q && qualifier === 'about ') expect([q.min, q.max]).toEqual([null, null])
        },
      ),
    )
  })
})
