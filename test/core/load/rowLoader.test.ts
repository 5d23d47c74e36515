// RowLoader: each row a scanner hands over goes into the store, or is kept aside with its issues.
// Whichever way a row goes (straight from its bytes when it is plainly valid, through validateRow
// otherwise), the result must be what validateRow says of it: the same record or the same issues.

import { describe, expect, it } from 'vitest'
import { KNOWN_COLUMN_NAMES } from '../../../src/core/load/formats'
import { RowLoader } from '../../../src/core/load/rowLoader'
import { readerFromHeader, validateRow } from '../../../src/core/load/validate'
import { CsvScanner } from '../../../src/core/csv/scanner'

const HEADER =
  'incident_id,date,target_group,killed_min,killed_max,injured_min,injured_max,killed_text,notes,lat'

// Scans `csv` and writes every row into a RowLoader; also returns each row's fields and line.
function loadRows(csv: string) {
  let loader: RowLoader | null = null
  const rows: { fields: string[]; line: number }[] = []
  const scanner = new CsvScanner(
    {
      header: (cells) => {
        loader = new RowLoader(readerFromHeader(cells))
      },
      row: (view) => {
        rows.push({ fields: view.fields(), line: view.line })
        loader?.write(view)
      },
    },
    KNOWN_COLUMN_NAMES,
  )
  scanner.push(new TextEncoder().encode(csv))
  scanner.finish()
  if (!loader) throw new Error('no header')
  return { loader: loader as RowLoader, rows, header: HEADER.split(',') }
}

describe('RowLoader', () => {
  it.each([
    ['a plain row', 'A,2021-10,civilians,51,,,,over 50,,34.5'],
    ['quoted text with doubled quotes', 'A,2021-10,civilians,3,3,,,"""three"" dead","a, b",'],
    ['a day', 'A,2021-10-08,civilians,0,0,,,none,,'],
    ['a year only', 'A,2021,civilians,,,,,scores,,'],
    ['spaces around values', ' A , 2021-10 , civilians , 7 , 9 ,,,,,'],
    ['non-ASCII labels', 'B,2022-04,Shīʿa worshippers,10,,,,,Kābul,'],
    ['a formula-escaped value', "A,2021-10,civilians,1,1,,,,'=SUM(A1),"],
    ['an extra column value with escapes', 'A,2021-10,civilians,1,1,,,,,"=""x"""'],
    ['a count written 2.0', 'A,2021-10,civilians,2.0,,,,,,'],
    ['a minimum above its maximum', 'A,2021-10,civilians,9,3,,,,,'],
    ['no target group', 'A,2021-10,,1,1,,,,,'],
    ['no incident id', ',2021-10,civilians,1,1,,,,,'],
    ['a date that is not one', 'A,2021-13,civilians,1,1,,,,,'],
    ['a negative count', 'A,2021-10,civilians,-1,,,,,,'],
    ['a count of ten digits', 'A,2021-10,civilians,1234567890,,,,,,'],
    ['too few fields', 'A,2021-10,civilians,1'],
    ['too many fields', 'A,2021-10,civilians,1,1,,,,,,extra'],
  ])('stores %s as validateRow reads it', (_name, row) => {
    const { loader, rows, header } = loadRows(`${HEADER}\n${row}\n`)
    const { fields, line } = rows[0] as { fields: string[]; line: number }
    const expected = validateRow(fields, line, readerFromHeader(header))
    const store = loader.builder.finish()
    if (expected.ok) {
      expect(loader.rowIssues).toEqual([])
      expect(loader.rejected).toEqual([])
      expect(store.length).toBe(1)
      expect(store.record(0)).toEqual(expected.record)
      expect(store.columns.line[0]).toBe(2)
    } else {
      expect(store.length).toBe(0)
      expect(loader.rowIssues).toEqual(expected.issues)
      expect(loader.rejected).toEqual([{ line: 2, fields }])
    }
  })

  it('keeps good rows beside bad ones, in file order, with their lines', () => {
    const { loader } = loadRows(
      [
        HEADER,
        'A,2021,x,1,,,,,,',
        'B,2021,,1,,,,,,',
        '"C",2022,"y\nz",2,2,,,,,',
        'D,20x,x,,,,,,,',
      ].join('\n'),
    )
    const store = loader.builder.finish()
    expect(store.records().map((r) => r.incident_id)).toEqual(['A', 'C'])
    expect(Array.from(store.columns.line)).toEqual([2, 4])
    expect(loader.rejected.map((r) => r.line)).toEqual([3, 6])
    expect(new Set(loader.rowIssues.map((issue) => issue.line))).toEqual(new Set([3, 6]))
  })
})
