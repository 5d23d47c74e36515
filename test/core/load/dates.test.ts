import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  DATE_FORMATS,
  addDays,
  detectDateFormat,
  excelSerialToIso,
  isoToExcelSerial,
  readDate,
  readDateIn,
  spanPrefix,
  type DateFormat,
} from '../../../src/core/load/dates'
import { ENGLISH_MONTHS } from '../../../src/core/date'

describe('readDate', () => {
  it.each([
    ['2020-05-09', 'iso', '2020-05-09'],
    ['2020-05', 'iso', '2020-05'],
    ['2020', 'iso', '2020'],
    ['2013-07-24T00:00:00', 'iso', '2013-07-24'],
    ['2013-07-24 00:00:00.000', 'iso', '2013-07-24'],
    ['2021-10-08T13:45:00Z', 'iso', '2021-10-08'],
    ['2020/05/09', 'iso', '2020-05-09'],
    ['9-May-20', 'd-mon-y', '2020-05-09'],
    ['09-May-2020', 'd-mon-y', '2020-05-09'],
    ['28 December 2022', 'd-mon-y', '2022-12-28'],
    ['8 Sept. 2021', 'd-mon-y', '2021-09-08'],
    ['1-Jan-70', 'd-mon-y', '1970-01-01'],
    ['May 2020', 'd-mon-y', '2020-05'],
    ['May 9, 2020', 'mon-d-y', '2020-05-09'],
    ['December 28 2022', 'mon-d-y', '2022-12-28'],
    ['05/09/2020', 'mdy', '2020-05-09'],
    ['05/09/2020', 'dmy', '2020-09-05'],
    ['5/9/20', 'mdy', '2020-05-09'],
    ['18/04/2001', 'dmy', '2001-04-18'],
    ['09.05.2020', 'dmy', '2020-05-09'],
    ['05/09/2020 14:30', 'mdy', '2020-05-09'],
    ['43960', 'excel', '2020-05-09'],
    ['43960.5', 'excel', '2020-05-09'],
    ['2020', 'excel', '2020'],
  ] as const)('%j as %s is %j', (value, format, iso) => {
    expect(readDate(value, format)).toBe(iso)
  })

  it.each([
    ['18/04/2001', 'mdy'],
    ['2021-02-30', 'iso'],
    ['31-Jun-21', 'd-mon-y'],
    ['Octember 8, 2021', 'mon-d-y'],
    ['yesterday', 'iso'],
    ['', 'iso'],
    ['60', 'excel'],
  ] as const)('%j does not fit %s', (value, format) => {
    expect(readDate(value, format)).toBeNull()
  })

  it('reads an unambiguous date in any column, never a numeric one in the other order', () => {
    expect(readDateIn('15 October 2021', 'iso')).toBe('2021-10-15')
    expect(readDateIn('2021-10-15', 'dmy')).toBe('2021-10-15')
    expect(readDateIn('13/05/2020', 'mdy')).toBeNull()
  })
})

// Any day written in a supported format reads back as that day's ISO text.
const day = fc
  .record({
    year: fc.integer({ min: 1930, max: 2029 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ year, month, day }) => ({ year, month, day }))

const pad2 = (n: number) => String(n).padStart(2, '0')
const NAMES = ENGLISH_MONTHS.map((m) => m[0]?.toUpperCase() + m.slice(1))

function write(
  format: DateFormat,
  style: number,
  { year, month, day }: { year: number; month: number; day: number },
): string {
  const name = NAMES[month - 1] as string
  const yy = pad2(year % 100)
  switch (format) {
    case 'iso':
      return [
        `${year}-${pad2(month)}-${pad2(day)}`,
        `${year}-${pad2(month)}-${pad2(day)}T00:00:00`,
        `${year}-${pad2(month)}-${pad2(day)} 00:00:00.000`,
      ][style % 3] as string
    case 'dmy':
      return [
        `${pad2(day)}/${pad2(month)}/${year}`,
        `${day}/${month}/${year}`,
        `${day}.${month}.${year}`,
      ][style % 3] as string
    case 'mdy':
      return [
        `${pad2(month)}/${pad2(day)}/${year}`,
        `${month}/${day}/${year}`,
        `${month}/${day}/${yy}`,
      ][style % 3] as string
    case 'd-mon-y':
      return [
        `${day}-${name.slice(0, 3)}-${yy}`,
        `${pad2(day)}-${name.slice(0, 3)}-${year}`,
        `${day} ${name} ${year}`,
      ][style % 3] as string
    case 'mon-d-y':
      return [
        `${name} ${day}, ${year}`,
        `${name.slice(0, 3)} ${day} ${year}`,
        `${name} ${pad2(day)} ${year}`,
      ][style % 3] as string
    case 'excel':
      return String(isoToExcelSerial(year, month, day))
  }
}

describe('dates written in every supported format', () => {
  it('read back to the right ISO day', () => {
    fc.assert(
      fc.property(day, fc.constantFrom(...DATE_FORMATS), fc.nat(), (date, format, style) => {
        const iso = `${date.year}-${pad2(date.month)}-${pad2(date.day)}`
        expect(readDate(write(format, style, date), format)).toBe(iso)
      }),
      { numRuns: 600 },
    )
  })

  it('are told from a whole column, the day/month order by a part above 12', () => {
    fc.assert(
      fc.property(
        fc.array(day, { minLength: 1, maxLength: 30 }),
        fc.constantFrom(...DATE_FORMATS),
        fc.nat(),
        (dates, format, style) => {
          // A day above 12 somewhere, so that the order can be told.
          const column = [...dates, { year: 2020, month: 5, day: 20 }].map((d) =>
            write(format, style, d),
          )
          const found = detectDateFormat(column)
          expect(found.ambiguousOrder).toBe(false)
          expect(found.fitting).toBe(column.length)
          // A column of ISO days also reads as (nothing else); the names read both ways alike.
          const same = (a: DateFormat, b: DateFormat) =>
            a === b || [a, b].every((f) => f === 'd-mon-y' || f === 'mon-d-y')
          expect(same(found.format, format)).toBe(true)
          for (const value of column) expect(readDate(value, found.format)).not.toBeNull()
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('detectDateFormat', () => {
  it.each([
    [['05/09/2020', '01/02/2021'], 'dmy', true],
    [['05/09/2020', '13/02/2021'], 'dmy', false],
    [['05/09/2020', '12/31/2020'], 'mdy', false],
    [['9-May-20', '18-Dec-22', ''], 'd-mon-y', false],
    [['43960', '44000'], 'excel', false],
    [['2015', '2016'], 'iso', false],
    [['2021-10-08', '15 October 2021', '2021-11-02'], 'iso', false],
  ] as const)('%j is %s (ambiguous: %s)', (values, format, ambiguous) => {
    const found = detectDateFormat(values)
    expect(found.format).toBe(format)
    expect(found.ambiguousOrder).toBe(ambiguous)
  })
})

describe('spans and serials', () => {
  it.each([
    ['2013-07-23', '2013-07-25', '2013-07'],
    ['2013-07-24', '2013-07-24', '2013-07-24'],
    ['2013-07-29', '2013-08-04', '2013'],
    ['2013-12-29', '2014-01-04', null],
  ])('%s…%s is held by %j', (start, end, prefix) => {
    expect(spanPrefix(start, end)).toBe(prefix)
  })

  it('counts days across months, years and leap days', () => {
    expect(addDays('2020-02-27', 3)).toBe('2020-03-01')
    expect(addDays('2022-12-30', 3)).toBe('2023-01-02')
    expect(addDays('2021-03-01', -1)).toBe('2021-02-28')
  })

  it('turns Excel serials into days and back', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01')
    expect(excelSerialToIso(61)).toBe('1900-03-01')
    expect(excelSerialToIso(25569)).toBe('1970-01-01')
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (serial) => {
        const iso = excelSerialToIso(serial) as string
        const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
        expect(isoToExcelSerial(y, m, d)).toBe(serial)
      }),
    )
  })
})
