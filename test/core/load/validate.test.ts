import { describe, expect, it } from 'vitest'
import {
  missingRequiredColumns,
  readerFromHeader,
  validateRow,
} from '../../../src/core/load/validate'

const HEADER = [
  'incident_id',
  'date',
  'target_group',
  'killed_min',
  'killed_max',
  'injured_min',
  'injured_max',
  'notes',
  'Extra Col',
]
const reader = readerFromHeader(HEADER)
const row = (overrides: Record<string, string> = {}) =>
  HEADER.map(
    (name) =>
      overrides[name] ??
      ({ incident_id: 'A', date: '2021-10', target_group: 'civilians' } as Record<string, string>)[
        name
      ] ??
      '',
  )

describe('validateRow', () => {
  it('turns a valid row into a typed record: empty counts are null, never 0', () => {
    const result = validateRow(row({ killed_min: '47', 'Extra Col': ' kept as is ' }), 7, reader)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.record).toMatchObject({
      incident_id: 'A',
      date: '2021-10',
      killed_min: 47,
      killed_max: null,
      injured_min: null,
    })
    expect(result.record.extra).toEqual({ 'Extra Col': ' kept as is ' })
  })

  it.each([
    [
      { killed_min: '0', killed_max: '0' },
      { killed_min: 0, killed_max: 0 },
    ],
    [
      { killed_min: ' 170 ', killed_max: '170' },
      { killed_min: 170, killed_max: 170 },
    ],
    [{ injured_max: '12' }, { injured_min: null, injured_max: 12 }],
    [{ killed_min: '007' }, { killed_min: 7 }],
  ])('reads counts %j', (fields, expected) => {
    const result = validateRow(row(fields), 2, reader)
    expect(result.ok && result.record).toMatchObject(expected)
  })

  it.each([
    [{ date: '2021-02-30' }, 'date', /"2021-02-30" is not a day of the calendar/],
    [{ date: '2021-13' }, 'date', /no month 13/],
    [{ date: '' }, 'date', /is empty/],
    [{ date: 'Oct 2021' }, 'date', /YYYY, YYYY-MM or YYYY-MM-DD/],
    [{ killed_min: '-3' }, 'killed_min', /"-3" is not a count/],
    [{ killed_max: 'dozens' }, 'killed_max', /"dozens" is not a count/],
    [{ injured_min: '12.5' }, 'injured_min', /"12.5" is not a count/],
    [{ injured_max: '1e5' }, 'injured_max', /"1e5" is not a count/],
    [{ killed_min: '99999999999' }, 'killed_min', /is not a count/],
    [{ killed_min: '60', killed_max: '50' }, 'killed_max', /50 is below killed_min 60/],
    [{ injured_min: '3', injured_max: '2' }, 'injured_max', /2 is below injured_min 3/],
    [{ incident_id: '  ' }, 'incident_id', /is empty/],
    [{ target_group: '' }, 'target_group', /is empty/],
  ])('reports %j in column %s', (fields, column, message) => {
    const result = validateRow(row(fields), 12, reader)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues).toHaveLength(1)
    expect(result.issues[0]).toMatchObject({ line: 12, column })
    expect(result.issues[0]?.message).toMatch(message)
  })

  it('reports every problem of a row at once', () => {
    const result = validateRow(
      row({ incident_id: '', date: '2021-02-30', killed_min: 'x' }),
      4,
      reader,
    )
    expect(result.ok ? [] : result.issues.map((issue) => issue.column)).toEqual([
      'incident_id',
      'date',
      'killed_min',
    ])
  })

  it.each([
    [['A', '2021'], /has 2 fields where the header has 9/],
    [[...row(), 'surplus'], /has 10 fields where the header has 9/],
  ])('reports a row with the wrong number of fields', (fields, message) => {
    const result = validateRow(fields, 3, reader)
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.issues[0]).toEqual({ line: 3, message: expect.stringMatching(message) })
  })

  it('keeps a column named __proto__ as a column', () => {
    const protoReader = readerFromHeader([...HEADER, '__proto__'])
    const result = validateRow([...row(), 'value'], 2, protoReader)
    expect(result.ok && Object.keys(result.record.extra)).toEqual(['Extra Col', '__proto__'])
    expect(result.ok && result.record.extra['__proto__']).toBe('value')
  })
})

describe('readerFromHeader and missingRequiredColumns', () => {
  it('matches names case-insensitively and trimmed; a repeated name rides along as an extra', () => {
    const r = readerFromHeader([' Incident_ID ', 'DATE', 'date', 'x'])
    expect(r.sources).toEqual({ incident_id: 0, date: 1 })
    expect(r.extras).toEqual([
      { name: 'date', index: 2 },
      { name: 'x', index: 3 },
    ])
  })

  it('lists the required columns a header lacks', () => {
    expect(missingRequiredColumns(['incident_id', 'date', 'killed_min'])).toEqual([
      'target_group',
      'killed_max',
      'injured_min',
      'injured_max',
    ])
    expect(missingRequiredColumns(HEADER)).toEqual([])
  })
})
