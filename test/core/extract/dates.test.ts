import { describe, expect, it } from 'vitest'
import {
  datesAgree,
  findAbsoluteDates,
  findRecentDate,
  findRelativeDates,
  findReportDates,
  inferDocumentYear,
} from '../../../src/core/extract/dates'

describe('dates at the precision the text gives', () => {
  it.each([
    ['In October 2021, IS-KP struck.', '2021-10'],
    ['It was carried out in 2021 at the airport.', '2021'],
    ['on 14 March 2023, killing', '2023-03-14'],
    ['on March 14, 2023, killing', '2023-03-14'],
    ['on 2023-03-14', '2023-03-14'],
    ['in Sept. 2022', '2022-09'],
    ['during Friday prayers', null],
    ['After the Taliban retook power in August 2021, IS-KP attacked', null],
    ['Since 2015, attacks have killed dozens', null],
    ['on 31 February 2023 (no such day: the month stands)', '2023-02'],
  ])('%s -> %s', (sentence, iso) => {
    expect(findAbsoluteDates(sentence)[0]?.iso ?? null).toBe(iso)
  })

  it.each([
    ['later that month', '2021-10', '2021-10'],
    ['later that month', '2021-10-08', '2021-10'],
    ['Earlier that year', '2023-09-03', '2023'],
    ['The following day', '2022-10-08', '2022-10-09'],
    ['The following day', '2022-10', '2022-10'],
    ['The next day', '2024-02-29', '2024-03-01'],
    ['the following month', '2022-12-17', '2023-01'],
    ['Two days later', '2023-07', '2023-07'],
    ['Three weeks later', '2023-03-27', '2023-04-17'],
    ['Later that year', '2024-04-11', '2024'],
    ['A day earlier', '2024-03-01', '2024-02-29'],
    ['which came a day after IS-KP fighters attacked', '2024-04-16', '2024-04-15'],
    ['A week earlier', '2024-03', '2024-03'],
    ['the day before', '2023-01-01', '2022-12-31'],
  ])('%s after %s -> %s', (sentence, previous, iso) => {
    expect(findRelativeDates(sentence, previous)[0]?.iso).toBe(iso)
  })

  it('gives no relative date without a previous incident', () => {
    expect(findRelativeDates('later that month', null)).toEqual([])
  })

  it('dates a recent incident to the year the text was written', () => {
    expect(findRecentDate('During a recent operation', 2024)?.iso).toBe('2024')
    expect(findRecentDate('During a recent operation', null)).toBeNull()
    expect(inferDocumentYear('in 2014 ... in May 2024 ... in 2009')).toBe(2024)
  })

  it.each([
    ['2021', '2021-08', true],
    ['2021-08-26', '2021-08', true],
    ['2021-08', '2021-09', false],
    ['2021', '2022', false],
  ])('%s agrees with %s: %s', (a, b, agree) => {
    expect(datesAgree(a, b)).toBe(agree)
  })
})

describe('dates against the report’s date (chrono-node reads them)', () => {
  it.each([
    // A weekday is the last such day on or before the report's date.
    ['killed Monday in an attack', '2013-01-16', '2013-01-14', 'weekday'],
    ['at about 9 AM Monday, when', '2004-12-13', '2004-12-13', 'weekday'],
    ['late Thursday attack', '2014-03-01', '2014-02-27', 'weekday'],
    // Against a month-precision date a weekday gives that month, never an invented day.
    ['on Friday', '2017-09', '2017-09', 'weekday'],
    ['said yesterday', '2010-05-05', '2010-05-04', 'weekday'],
    // A day and month without a year take the report's year, or the year before.
    ['the September 28 assassination', '2008-10-14', '2008-09-28', 'yearless'],
    ['on December 30 gunmen', '2013-01-16', '2012-12-30', 'yearless'],
    ['In September, al-Shabab claimed', '2013-12-27', '2013-09', 'yearless'],
    ['in the capital, Ouagadougou, in January, killing', '2016-12-19', '2016-01', 'yearless'],
  ])('%s (report of %s) -> %s', (sentence, reference, iso, kind) => {
    const found = findReportDates(sentence, reference)[0]
    expect(found?.iso).toBe(iso)
    expect(found?.kind).toBe(kind)
  })

  it.each([
    ['on March 25 Street where', '2005-12-24'],
    ['since July 12.', '2014-01-01'],
    ['Monday', null],
    ['with no date words at all', '2014-01-01'],
  ])('%s (report of %s) -> no date', (sentence, reference) => {
    expect(findReportDates(sentence, reference)).toEqual([])
  })
})
