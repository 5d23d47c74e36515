import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { sourcesFileName, sourcesToCsv } from '../../../src/core/export/exportSources'
import { PLAIN_RFC4180 } from '../../../src/core/csv/write'
import { parseSources } from '../../../src/core/load/sources'
import { SOURCE_KINDS, emptySource, type Source } from '../../../src/core/reports'
import { DEFAULT_GRADES } from '../../../src/core/grades'

describe('sourcesToCsv', () => {
  it('writes the shipped registry back as it reads', () => {
    const shipped = parseSources(readFileSync('data/sources.csv', 'utf8')).sources
    const again = parseSources(sourcesToCsv(shipped.values())).sources
    expect(again).toEqual(shipped)
  })

  it('escapes formula-like values, and reads them back', () => {
    const source = { ...emptySource('s1'), title: '=HYPERLINK("x")', author: '-5' }
    const text = sourcesToCsv([source], PLAIN_RFC4180)
    expect(text).toContain(`"'=HYPERLINK(""x"")"`)
    expect(parseSources(text).sources.get('s1')).toEqual(source)
  })

  const text = fc.string({ maxLength: 20 }).map((s) => s.trim())
  const source: fc.Arbitrary<Source> = fc.record({
    id: fc.string({ minLength: 1, maxLength: 10 }).filter((s) => s.trim() === s && s !== ''),
    outlet: text,
    title: text,
    author: text,
    published: fc.constantFrom('', '2021', '2021-10', '2021-10-08'),
    url: fc.constantFrom('', 'https://example.org/a?b=1'),
    language: fc.constantFrom('', 'en', 'ps', 'fa'),
    kind: fc.constantFrom('', ...SOURCE_KINDS),
    grade: fc.constantFrom('', ...DEFAULT_GRADES.map((g) => g.label)),
  })

  it('round-trips any registry exactly, and an export of an import is the same bytes', () => {
    fc.assert(
      fc.property(fc.uniqueArray(source, { selector: (s) => s.id, maxLength: 6 }), (sources) => {
        const first = sourcesToCsv(sources)
        const read = parseSources(first)
        expect(read.issues).toEqual([])
        expect([...read.sources.values()]).toEqual(sources)
        expect(sourcesToCsv(read.sources.values())).toBe(first)
      }),
    )
  })

  it('names the file beside the rows', () => {
    expect(sourcesFileName('casualties-2024-06-01.csv')).toBe('casualties-2024-06-01-sources.csv')
  })
})
