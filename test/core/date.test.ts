import { describe, expect, it } from 'vitest'
import {
  datePrecision,
  formatDateLabel,
  formatIsoDate,
  monthIndex,
  parseIsoDate,
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
