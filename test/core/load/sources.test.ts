import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkReports, parseSources } from '../../../src/core/load/sources'
import { gradeScale } from '../../../src/core/grades'
import { loadCsv } from '../../../src/core/load/loader'
import { SCHEMA_COLUMNS } from '../../../src/core/schema'
import { emptySource } from '../../../src/core/reports'

describe('parseSources', () => {
  it('reads the shipped registry: the article is its first entry', () => {
    const { sources, issues } = parseSources(readFileSync('data/sources.csv', 'utf8'))
    expect(issues).toEqual([])
    expect([...sources.keys()][0]).toBe('src-000')
  })

  it.each([
    ['id,published\na,2021-13', [{ line: 2, column: 'published' }], { a: { published: '' } }],
    [
      'id,kind\na,ngo\nb,blog',
      [{ line: 3, column: 'kind' }],
      { a: { kind: 'NGO' }, b: { kind: '' } },
    ],
    [
      'id,grade\na,Fair\nb,probable',
      [{ line: 3, column: 'grade' }],
      { a: { grade: 'Fair' }, b: { grade: '' } },
    ],
    ['id,url\na,ftp://x', [{ line: 2, column: 'url' }], { a: { url: '' } }],
    ['id,outlet\na,X\na,Y', [{ line: 3, column: 'id' }], { a: { outlet: 'X' } }],
    ['id,outlet\n,X', [{ line: 2, column: 'id' }], {}],
    ['outlet\nX', [{ line: 1, column: 'id' }], {}],
  ])('%j', (text, issues, entries) => {
    const registry = parseSources(text)
    expect(registry.issues).toMatchObject(issues)
    expect(Object.fromEntries(registry.sources)).toMatchObject(entries)
    expect(registry.sources.size).toBe(Object.keys(entries).length)
  })
})

describe('grades on the data’s own scale', () => {
  const scale = gradeScale([
    { label: 'verified', meaning: 'Seen by our staff.' },
    { label: 'reported', meaning: '' },
  ])

  it('a grade of the scale is kept; one of the default scale only is a line and column issue', () => {
    const registry = parseSources('id,grade\na,Verified\nb,confirmed\nc,', scale)
    expect(registry.issues).toEqual([
      {
        line: 3,
        column: 'grade',
        message: '“confirmed” is not a grade: use verified, reported',
        value: 'confirmed',
      },
    ])
    expect([...registry.sources.values()].map((s) => s.grade)).toEqual(['Verified', '', ''])
  })
})

describe('checkReports', () => {
  const header = SCHEMA_COLUMNS.join(',')
  const row = (incident: string, group: string, source: string, killed: string) =>
    `${incident},2021-10,,,,,${group},,,,${killed},,,,,,${source},,`
  const csv = [
    header,
    row('K', 'shia worshippers', 'a', '47'),
    row('K', 'shia worshippers', 'b', '51'),
    row('K', 'shia worshippers', 'a', '53'),
    row('K', 'civilians', 'a', '1'),
    row('L', 'civilians', 'zz', '1'),
  ].join('\n')
  const store = loadCsv(csv).store!
  const registry = new Map(['a', 'b'].map((id) => [id, emptySource(id)]))

  it('words unknown sources and a second report from one source, by line and column', () => {
    expect(checkReports(store, registry)).toMatchObject([
      {
        line: 6,
        column: 'source',
        message: '“zz” is not in the source registry: a report of an unknown source',
      },
      {
        line: 4,
        column: 'source',
        message: expect.stringContaining(
          'two reports of one figure from the same source: “a” already reported K (shia worshippers) on line 2',
        ),
      },
    ])
  })

  it('with an empty registry, only the repeated source', () => {
    expect(checkReports(store, new Map())).toHaveLength(1)
  })
})
