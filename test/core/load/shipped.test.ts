// The shipped dataset crosses from the build to the page as JSON: the store built again from it is
// the one the loader made (records, file lines, extra columns, dictionaries), and the report too.

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadCsv } from '../../../src/core/load/loader'
import { fromShipped, toShipped } from '../../../src/core/load/shipped'

const cases: [string, string][] = [
  ['the shipped data', readFileSync('data/attacks.csv', 'utf8')],
  [
    'rows with issues, extra columns and blank lines',
    [
      'incident_id,date,country,target_group,killed_min,killed_text,note,source',
      'a,2021-08-26,Afghanistan,civilians,170,"170 Afghans, ""at least""",first,s1',
      '',
      'b,not a date,Afghanistan,civilians,1,,second,s1',
      'c,2021,Afghanistan,,2,,third,s2',
      'd,2022-01,Afghanistan,police,,scores,fourth,s2',
    ].join('\n'),
  ],
]

describe('toShipped / fromShipped', () => {
  it.each(cases)('%s: the same store and report after JSON', (_, text) => {
    const loaded = loadCsv(text)
    const again = fromShipped(JSON.parse(JSON.stringify(toShipped(loaded))))
    expect(again.store?.records()).toEqual(loaded.store?.records())
    expect(Array.from(again.store?.columns.line ?? [])).toEqual(
      Array.from(loaded.store?.columns.line ?? []),
    )
    expect(again.store?.extraNames).toEqual(loaded.store?.extraNames)
    expect(again.store?.columns.categories.source.values).toEqual(
      loaded.store?.columns.categories.source.values,
    )
    expect({ ...again, store: null }).toEqual({ ...loaded, store: null })
  })
})
