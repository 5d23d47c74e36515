// fast-check arbitraries and builders shared by the property tests of the CSV writer and importer.
import fc from 'fast-check'
import { formatIsoDate } from '../../src/core/date'
import type { CasualtyRecord } from '../../src/core/schema'

/** An ISO date at any precision our schema allows (`2021`, `2021-10`, `2021-10-08`). */
export const dateText = fc
  .tuple(
    fc.integer({ min: 1000, max: 2100 }),
    fc.integer({ min: 0, max: 12 }),
    fc.integer({ min: 0, max: 28 }),
  )
  .map(([y, m, d]) => formatIsoDate(y * 10000 + m * 100 + (m === 0 ? 0 : d)))

/** A casualty count: any allowed number, or null ("not given"). */
export const count = fc.option(fc.integer({ min: 0, max: 2_000_000_000 }), { nil: null })

/**
 * Sets the extra columns of `record`, named `names`, to `values`, as own properties: a name such as
 * `__proto__` or `toString` stays a column.
 */
export function setExtras(
  record: CasualtyRecord,
  names: readonly string[],
  values: readonly string[],
): CasualtyRecord {
  names.forEach((name, i) => {
    Object.defineProperty(record.extra, name, {
      value: values[i] ?? '',
      enumerable: true,
      writable: true,
      configurable: true,
    })
  })
  return record
}

/**
 * One measure's figure as a source may give it: nothing, words only ("scores"), a minimum only
 * ("at least"), a maximum only ("up to"), or a minimum and a maximum `spread` apart at most.
 */
export function figureGiven(most: number, spread: number) {
  return fc.oneof(
    fc.constant({ min: null, max: null, text: '' }),
    fc.constant({ min: null, max: null, text: 'scores' }),
    fc.record({ min: fc.nat(most), max: fc.constant(null), text: fc.constant('at least') }),
    fc.record({ min: fc.constant(null), max: fc.nat(most), text: fc.constant('up to') }),
    fc.nat(most).chain((min) =>
      fc.record({
        min: fc.constant(min),
        max: fc.nat(spread).map((d) => min + d),
        text: fc.constant(''),
      }),
    ),
  )
}
