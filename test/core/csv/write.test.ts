import { describe, expect, it } from 'vitest'
import {
  EXCEL_FRIENDLY,
  PLAIN_RFC4180,
  quoteField,
  rejectedRowsToCsv,
  toCsv,
} from '../../../src/core/csv/write'

describe('quoteField', () => {
  it('quotes every field and doubles quotes after escaping', () => {
    expect(quoteField('=a"b')).toBe('"\'=a""b"')
    expect(quoteField('5')).toBe('"5"')
  })
})

describe('toCsv', () => {
  it.each([
    [EXCEL_FRIENDLY, '\uFEFF"a","b"\r\n"1","=x"\r\n'.replace('=x', "'=x")],
    [PLAIN_RFC4180, '"a","b"\r\n"1","\'=x"\r\n'],
    [{ bom: false, newline: '\n' as const }, '"a","b"\n"1","\'=x"\n'],
  ])('writes with %j', (options, csv) => {
    expect(toCsv(['a', 'b'], [['1', '=x']], options)).toBe(csv)
  })

  it('keeps line breaks and quotes inside quoted fields', () => {
    expect(toCsv(['note'], [['say "hi"\r\nthen go']], PLAIN_RFC4180)).toBe(
      '"note"\r\n"say ""hi""\r\nthen go"\r\n',
    )
  })
})

describe('rejectedRowsToCsv', () => {
  it('puts the line first, then the raw fields under the file header', () => {
    const csv = rejectedRowsToCsv(
      ['id', 'date'],
      [{ line: 7, fields: ['x', '=bad'] }],
      PLAIN_RFC4180,
    )
    expect(csv).toBe('"line","id","date"\r\n"7","x","\'=bad"\r\n')
  })

  it('says what is wrong with each row in an issues column after the line', () => {
    const csv = rejectedRowsToCsv(
      ['id', 'date'],
      [
        { line: 3, fields: ['x', 'soon'], issues: ['column date: not a date', 'column id: taken'] },
        { line: 5, fields: ['y', '2021', 'extra'], issues: ['3 fields, the header has 2'] },
      ],
      PLAIN_RFC4180,
    )
    expect(csv).toBe(
      '"line","issues","id","date"\r\n' +
        '"3","column date: not a date; column id: taken","x","soon"\r\n' +
        '"5","3 fields, the header has 2","y","2021","extra"\r\n',
    )
  })
})
