import { describe, expect, it } from 'vitest'
import {
  datesAgree,
  findAbsoluteDates,
  findRecentDate,
  findRelativeDates,
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
