// Public CSV conformance cases through the importer: csv-spectrum (npm) and the cases of RFC 4180
// section 2. The files do not have our columns, so each goes through loadCsv with a reader that
// keeps every column as an extra column (and fills our required columns with constants): the
// same decode -> parse -> validate -> store path a user's file takes.
import { readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCsv } from '../../../src/core/load/loader'
import type { RowReader } from '../../../src/core/load/validate'

const spectrumDir = dirname(createRequire(import.meta.url).resolve('csv-spectrum/package.json'))
const cases = readdirSync(join(spectrumDir, 'csvs'))
  .filter((name) => name.endsWith('.csv'))
  .map((name) => name.replace(/\.csv$/, ''))

/** Reads every column of the file as an extra column, untouched. */
function keepEveryColumn(header: readonly string[]): RowReader {
  return {
    width: header.length,
    sources: { incident_id: () => 'x', date: () => '2021', target_group: () => 'x' },
    extras: header.map((name, index) => ({ name: name.trim(), index })),
  }
}

/** The file's rows as objects keyed by header, as csv-spectrum writes its expectations. */
function importAsObjects(input: Uint8Array | string): Record<string, string>[] {
  const result = loadCsv(input, { readerFor: keepEveryColumn })
  expect(result.fileIssues).toEqual([])
  expect(result.rowIssues).toEqual([])
  return (result.store?.records() ?? []).map((record) => ({ ...record.extra }))
}

/** Expectations of csv-spectrum that are themselves wrong (csv-spectrum#20, #22). */
const CORRECTED: Record<string, unknown> = {
  // The JSON is an object, not an array of rows, and its phone number is not the file's.
  location_coordinates: [
    {
      'Contact Phone Number': '2095257564',
      'Location Coordinates': '37\uFFFD36\'37.8"N 121\uFFFD2\'17.9"W',
      Cities: 'Modesto',
      Counties: 'Stanislaus',
    },
  ],
}

describe('csv-spectrum', () => {
  it('has its twelve cases', () => {
    expect(cases).toHaveLength(12)
  })

  it.each(cases)('%s', (name) => {
    const bytes = readFileSync(join(spectrumDir, 'csvs', `${name}.csv`))
    const expected =
      CORRECTED[name] ?? JSON.parse(readFileSync(join(spectrumDir, 'json', `${name}.json`), 'utf8'))
    expect(importAsObjects(bytes)).toEqual(expected)
  })
})

// RFC 4180 section 2, rule by rule, with CRLF as the RFC writes records.
describe('RFC 4180', () => {
  it.each([
    [
      '1: records on separate lines, CRLF',
      'a,b\r\naaa,bbb\r\nzzz,yyy\r\n',
      [
        ['aaa', 'bbb'],
        ['zzz', 'yyy'],
      ],
    ],
    [
      '2: the last record without a line break',
      'a,b\r\naaa,bbb\r\nzzz,yyy',
      [
        ['aaa', 'bbb'],
        ['zzz', 'yyy'],
      ],
    ],
    ['3: a header line', 'field_name,field_name2\r\naaa,bbb\r\n', [['aaa', 'bbb']]],
    ['4: spaces are part of a field', 'a,b\r\n aaa , bbb\r\n', [[' aaa ', ' bbb']]],
    ['5: fields may be quoted', 'a,b\r\n"aaa","bbb"\r\n', [['aaa', 'bbb']]],
    ['6: line breaks in quotes', 'a,b\r\n"aa\r\nbb","c\nd"\r\n', [['aa\r\nbb', 'c\nd']]],
    ['6: commas in quotes', 'a,b\r\n"aaa,bbb","x"\r\n', [['aaa,bbb', 'x']]],
    ['7: doubled quotes in quotes', 'a,b\r\n"b""bb","""x"""\r\n', [['b"bb', '"x"']]],
    [
      'empty fields',
      'a,b,c\r\n,,x\r\n"",y,""\r\n',
      [
        ['', '', 'x'],
        ['', 'y', ''],
      ],
    ],
    ['one column', 'a\r\nx\r\ny\r\n', [['x'], ['y']]],
  ])('rule %s', (_rule, text, rows) => {
    const objects = importAsObjects(text)
    expect(objects.map((object) => Object.values(object))).toEqual(rows)
  })

  it('reports a field count that differs from the header, on its line', () => {
    const result = loadCsv('a,b\r\n1,2\r\n1,2,3\r\n4\r\n', { readerFor: keepEveryColumn })
    expect(result.summary.rowsLoaded).toBe(1)
    expect(result.rowIssues.map((issue) => issue.line)).toEqual([3, 4])
  })

  it('reports an unclosed quote instead of dropping the rest silently', () => {
    const result = loadCsv('a,b\r\n1,"open\r\n2,3\r\n', { readerFor: keepEveryColumn })
    expect(result.fileIssues.map((issue) => issue.line)).toEqual([2])
  })
})
