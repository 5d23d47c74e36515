import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  MAX_META_CHARS,
  emptyMeta,
  formatDatasetMeta,
  metaForFile,
  parseDatasetMeta,
  readDatasetMeta,
} from '../../src/core/datasetMeta'

describe('readDatasetMeta', () => {
  it.each([
    [
      'a full description',
      { title: 'T', description: 'D', source: 'S' },
      { title: 'T', description: 'D', source: 'S' },
      0,
    ],
    ['trims text', { title: '  T  ' }, { title: 'T' }, 0],
    ['a number is not text', { title: 3 }, { title: '' }, 1],
    ['unknown fields are ignored', { colour: 'red', title: 'T' }, { title: 'T' }, 0],
    ['null means absent', { title: null }, { title: '' }, 0],
  ])('%s', (_name, json, expected, issueCount) => {
    const { meta, issues } = readDatasetMeta(json)
    expect(meta).toMatchObject(expected)
    expect(issues).toHaveLength(issueCount)
  })

  it.each([[null], [[1, 2]], ['text']])('refuses %j as a whole, with an issue', (json) => {
    const { meta, issues } = readDatasetMeta(json)
    expect(meta.title).toBe('')
    expect(issues).toEqual(['The metadata is not a JSON object; it is ignored.'])
  })

  it('cuts an over-long field and says so', () => {
    const { meta, issues } = readDatasetMeta({ description: 'x'.repeat(MAX_META_CHARS + 5) })
    expect(meta.description).toHaveLength(MAX_META_CHARS)
    expect(issues[0]).toContain('"description"')
  })
})

describe('parseDatasetMeta', () => {
  it('says when the file is not JSON', () => {
    expect(parseDatasetMeta('{title:').issues).toEqual([
      'The metadata file is not valid JSON; it is ignored.',
    ])
  })

  it('reads the shipped metadata with no issue, naming the place and the groups', () => {
    const { meta, issues } = parseDatasetMeta(readFileSync('data/attacks.meta.json', 'utf8'))
    expect(issues).toEqual([])
    expect(meta.title).toContain('Afghanistan')
    expect(meta.description).toMatch(/IS-KP.*Taliban/s)
    expect(meta.caveat).toContain('one article')
  })
})

describe('metadata for data that came without it, and as a file', () => {
  it('describes a file by its name and where it came from', () => {
    expect(metaForFile('gtd-2021.csv')).toMatchObject({
      title: 'gtd-2021',
      source: 'Imported file gtd-2021.csv',
    })
    expect(metaForFile('x.tsv', 'https://d.org/x.tsv')).toMatchObject({
      title: 'x',
      source: 'https://d.org/x.tsv',
    })
  })
  it('writes the fields that have text, and reads back the same', () => {
    const meta = { ...emptyMeta(), title: 'T', licence: 'CC BY 4.0' }
    const text = formatDatasetMeta(meta)
    expect(JSON.parse(text)).toEqual({ title: 'T', licence: 'CC BY 4.0' })
    expect(parseDatasetMeta(text)).toEqual({ meta, issues: [] })
  })
})

describe('a dataset’s grade scale in its metadata', () => {
  it('is read, written and read back the same', () => {
    const grades = [
      { label: 'verified', meaning: 'Seen by our staff.' },
      { label: 'reported', meaning: 'Named by one outlet.' },
    ]
    const { meta, issues } = readDatasetMeta({ title: 'T', grades })
    expect(issues).toEqual([])
    expect(meta.grades).toEqual(grades)
    const text = formatDatasetMeta(meta)
    expect(JSON.parse(text)).toEqual({ title: 'T', grades })
    expect(parseDatasetMeta(text).meta).toEqual(meta)
  })

  it('absent: no scale (the default), and none written', () => {
    const { meta } = readDatasetMeta({ title: 'T' })
    expect(meta.grades).toBeUndefined()
    expect(JSON.parse(formatDatasetMeta(meta))).toEqual({ title: 'T' })
  })

  it('a scale that cannot be used is named and left out', () => {
    const { meta, issues } = readDatasetMeta({ title: 'T', grades: 'strong, weak' })
    expect(meta.grades).toBeUndefined()
    expect(issues).toEqual([
      'Metadata field "grades": “grades” is not a list; the default scale is used.',
    ])
  })
})
