import { describe, expect, it } from 'vitest'
import {
  SCHEMA_NAMES,
  chooseDelimiter,
  isHxlRow,
  namedDelimiter,
  isBlankLine,
  workbookKind,
  workbookMessage,
} from '../../../src/core/csv/dialect'
import { KNOWN_COLUMN_NAMES } from '../../../src/core/load/formats'

describe('chooseDelimiter', () => {
  it.each([
    ['incident_id,date,target_group', ','],
    ['incident_id;date;target_group', ';'],
    ['incident_id\tdate\ttarget_group', '\t'],
    ['"incident_id";"date";"killed_min,killed_max"', ';'],
    ['x;y,z', ','],
    // Decimal commas in a semicolon file's header: the known names decide, not the cell count.
    ['incident_id;date;killed_min;share,pct;rate,1;x,y', ';'],
  ])('chooses the delimiter of %j by our own column names', (header, delimiter) => {
    expect(chooseDelimiter(header)).toBe(delimiter)
    expect(chooseDelimiter(header, SCHEMA_NAMES)).toBe(delimiter)
  })

  it.each([
    // An ACLED header written with semicolons: none of our names, most of ACLED's.
    ['event_id_cnty;event_date;fatalities,x,y,z', ';', ','],
    ['eventid\tiyear\timonth,iday,x,y', '\t', ','],
  ])('chooses the delimiter of %j by the known formats’ names', (header, known, schemaOnly) => {
    expect(chooseDelimiter(header, KNOWN_COLUMN_NAMES)).toBe(known)
    expect(chooseDelimiter(header)).toBe(schemaOnly)
  })
})

describe('namedDelimiter', () => {
  it.each([
    [',', ','],
    [';', ';'],
    ['\t', '\t'],
    ['|', '|'],
    [':', ':'],
    [' ', ' '],
    ['x', null],
    ['7', null],
    ['"', null],
    ['§', null],
  ])('reads sep=%j as %j', (named, delimiter) => {
    expect(namedDelimiter(named)).toBe(delimiter)
  })
})

describe('isBlankLine', () => {
  it.each([
    ['', true],
    ['   ', true],
    ['\t \t', true],
    [' x ', false],
    [',,', false],
  ])('%j is blank: %s', (line, expected) => {
    expect(isBlankLine(line)).toBe(expected)
  })
})

describe('workbookKind', () => {
  it.each([
    [[0x50, 0x4b, 0x03, 0x04, 0x14, 0], 'zip'],
    [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0], 'ole2'],
    [[0x50, 0x4b, 0x05, 0x06], null],
    [[...'id,date'].map((c) => c.charCodeAt(0)), null],
  ])('%j is %s', (bytes, kind) => {
    expect(workbookKind(Uint8Array.from(bytes))).toBe(kind)
  })
  it('words a workbook as something to save as CSV', () => {
    expect(workbookMessage('zip')).toMatch(/Excel workbook.*Save As.*CSV/)
  })
})

describe('isHxlRow', () => {
  it.each([
    [['#date', '', '#adm1+name'], true],
    [['#date', 'x'], false],
    [['', ''], false],
    [[' #event+id '], true],
  ])('%j is an HXL row: %s', (fields, expected) => {
    expect(isHxlRow(fields)).toBe(expected)
  })
})
