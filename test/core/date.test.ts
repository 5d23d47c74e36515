import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  datePrecision,
  formatDateLabel,
  formatIsoDate,
  monthIndex,
  parseIsoDate,
  parseReaderDate,
} from '../../src/core/date'

describe('parseIsoDate', () => {
  it.each([
    ['2021', 20210000, 'year', '2021'],
    ['2021-08', 20210800, 'month', 'Aug 2021'],
    ['2021-10-08', 20211008, 'day', '8 Oct 2021'],
    ['2024-02-29', 20240229, 'day', '29 Feb 2024'],
    ['2000-02-29', 20000229, 'day', '29 Feb 2000'],
  ])('reads %s at its own precision', (text, code, precision, label) => {
    const parsed = parseIsoDate(text)
    expect(parsed).toEqual({ ok: true, code })
    expect(datePrecision(code)).toBe(precision)
    expect(formatIsoDate(code)).toBe(text)
    expect(formatDateLabel(code)).toBe(label)
  })

  it.each([
    ['2021-02-30', 'no day 30'],
    ['2023-02-29', 'no day 29'],
    ['1900-02-29', 'no day 29'],
    ['2021-04-31', 'no day 31'],
    ['2021-13', 'no month 13'],
    ['2021-00', 'no month 00'],
    ['2021-08-00', 'no day 00'],
    ['21-08-2021', 'YYYY'],
    ['08/26/2021', 'YYYY'],
    ['2021-8', 'YYYY'],
    ['2021-08-26T10:00', 'YYYY'],
    ['', 'YYYY'],
    ['0999', 'before 1000'],
  ])('refuses %s', (text, reason) => {
    const parsed = parseIsoDate(text)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.reason).toContain(reason)
  })

  it('gives consecutive months consecutive indices across a year boundary', () => {
    expect(monthIndex(20220100) - monthIndex(20211200)).toBe(1)
    expect(monthIndex(20211015)).toBe(monthIndex(20211000))
  })
})

describe('parseReaderDate', () => {
  it.each([
    ['2021', 20210000],
    ['2021-10', 20211000],
    ['2021-10-08', 20211008],
    ['Oct 2021', 20211000],
    ['oct 2021', 20211000],
    ['October 2021', 20211000],
    ['Sept 2021', 20210900],
    ['Oct. 2021', 20211000],
    ['8 Oct 2021', 20211008],
    ['08 October 2021', 20211008],
    ['Oct 8, 2021', 20211008],
    ['  Aug   2021 ', 20210800],
    ['2021/10', 20211000],
    ['2021-1', 20210100],
    ['2021/10/8', 20211008],
  ])('reads “%s”', (text, code) => {
    expect(parseReaderDate(text)).toEqual({ ok: true, code })
  })

  it.each([
    ['Octo 2021x', 'is not a date like 2021, Oct 2021, 2021-10 or 8 Oct 2021'],
    ['8/10/2021', 'is not a date like 2021, Oct 2021, 2021-10 or 8 Oct 2021'],
    ['Smarch 2021', 'has no month called “Smarch”'],
    ['Ju 2021', 'has no month called “Ju”'],
    ['30 Feb 2021', 'is not a day of the calendar (Feb 2021 has no day 30)'],
    ['2021-13', 'has no month 13'],
    ['', 'is not a date like 2021, Oct 2021, 2021-10 or 8 Oct 2021'],
  ])('refuses “%s”: %s', (text, reason) => {
    expect(parseReaderDate(text)).toEqual({ ok: false, reason })
  })

  it('reads back every date the page writes, as a label or in ISO form', () => {
    const code = fc
      .tuple(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 28 }),
      )
      .map(([year, month, day]) => year * 10000 + month * 100 + (month === 0 ? 0 : day))
    fc.assert(
      fc.property(code, (date) => {
        expect(parseReaderDate(formatDateLabel(date))).toEqual({ ok: true, code: date })
        expect(parseReaderDate(formatIsoDate(date))).toEqual({ ok: true, code: date })
      }),
    )
  })
})
