import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DistinctPairs } from '../../../src/core/view/distinctPairs'

describe('DistinctPairs', () => {
  it.each([
    // [incident, key] pairs added in turn, and whether each is new.
    [
      [
        [0, 0],
        [0, 0],
        [1, 0],
        [0, 1],
      ],
      [true, false, true, true],
    ],
    // The third and later keys of an incident go past its two inline places.
    [
      [
        [2, 3],
        [2, 4],
        [2, 5],
        [2, 5],
        [2, 3],
        [2, 6],
        [2, 4],
      ],
      [true, true, true, false, false, true, false],
    ],
    // Key 0 is a key like any other (stored as key + 1).
    [
      [
        [1, 0],
        [1, 0],
        [1, 7],
        [1, 0],
      ],
      [true, false, true, false],
    ],
  ])('%j -> %j', (pairs, expected) => {
    const seen = new DistinctPairs(3, 8)
    expect(pairs.map(([incident, key]) => seen.add(incident as number, key as number))).toEqual(
      expected,
    )
  })

  it('says true exactly once for each distinct pair, in any order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: 9 }), fc.nat({ max: 5 })), { maxLength: 200 }),
        (pairs) => {
          const seen = new DistinctPairs(10, 6)
          const reference = new Set<string>()
          for (const [incident, key] of pairs) {
            const id = `${incident}:${key}`
            expect(seen.add(incident, key)).toBe(!reference.has(id))
            reference.add(id)
          }
        },
      ),
    )
  })
})
