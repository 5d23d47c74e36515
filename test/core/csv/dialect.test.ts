import { describe, expect, it } from 'vitest'
import {
  SCHEMA_NAMES,
  chooseDelimiter,
  isHxlRow,
  namedDelimiter,
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
    ['|', null],
    ['x', null],
  ])('reads sep=%j as %j', (named, delimiter) => {
    expect(namedDelimiter(named)).toBe(delimiter)
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
