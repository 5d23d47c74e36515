// Dates at the precision the source gives them. A date is stored as one integer,
// year * 10000 + month * 100 + day, with 0 for a month or day that the source does not give, so
// `2021` is 20210000 and `2021-08` is 20210800. Integers sort in date order, fit an Int32Array and
// never pass through `new Date()`, which would invent a day and shift it by the local time zone.

import type { DatePrecision } from './schema'

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/

/** The parsed form of an ISO date, or the reason it is not one. */
export type ParsedDate = { ok: true; code: number } | { ok: false; reason: string }

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
    return leap ? 29 : 28
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` into a date code, refusing impossible dates (2021-02-30).
export function parseIsoDate(text: string): ParsedDate {
  const match = ISO_DATE.exec(text)
  if (!match) {
    return { ok: false, reason: 'is not a date as YYYY, YYYY-MM or YYYY-MM-DD' }
  }
  const year = Number(match[1])
  const month = match[2] === undefined ? 0 : Number(match[2])
  const day = match[3] === undefined ? 0 : Number(match[3])
  if (year < 1000) return { ok: false, reason: 'has a year before 1000' }
  if (match[2] !== undefined && (month < 1 || month > 12)) {
    return { ok: false, reason: `has no month ${match[2]}` }
  }
  if (match[3] !== undefined && (day < 1 || day > daysInMonth(year, month))) {
    return {
      ok: false,
      reason: `is not a day of the calendar (${year}-${match[2]} has no day ${match[3]})`,
    }
  }
  return { ok: true, code: year * 10000 + month * 100 + day }
}

export function dateYear(code: number): number {
  return Math.floor(code / 10000)
}

/** Month 1-12, or 0 when the date is known only to the year. */
export function dateMonth(code: number): number {
  return Math.floor(code / 100) % 100
}

/** Day 1-31, or 0 when the date is known only to the month or year. */
export function dateDay(code: number): number {
  return code % 100
}

export function datePrecision(code: number): DatePrecision {
  if (dateMonth(code) === 0) return 'year'
  return dateDay(code) === 0 ? 'month' : 'day'
}

const pad2 = (n: number) => String(n).padStart(2, '0')

/** The ISO text of a date code, at its own precision: the inverse of parseIsoDate. */
export function formatIsoDate(code: number): string {
  const year = String(dateYear(code))
  const month = dateMonth(code)
  if (month === 0) return year
  const day = dateDay(code)
  return day === 0 ? `${year}-${pad2(month)}` : `${year}-${pad2(month)}-${pad2(day)}`
}

/** English month names, lower case, January first: for reading dates written out in words. */
export const ENGLISH_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const

const MONTH_NAMES = ENGLISH_MONTHS.map((name) => name[0]?.toUpperCase() + name.slice(1, 3))

/** A date for people, at the precision the data gives: `2024`, `Aug 2021`, `8 Oct 2021`. */
export function formatDateLabel(code: number): string {
  const month = dateMonth(code)
  if (month === 0) return String(dateYear(code))
  const name = MONTH_NAMES[month - 1] ?? ''
  const day = dateDay(code)
  return day === 0 ? `${name} ${dateYear(code)}` : `${day} ${name} ${dateYear(code)}`
}

// A month written as a word: its full name or any start of it from three letters (`Oct`, `Sept`).
function monthFromWord(word: string): number {
  const lower = word.toLowerCase().replace(/\.$/, '')
  if (lower.length < 3) return 0
  return ENGLISH_MONTHS.findIndex((name) => name.startsWith(lower)) + 1
}

const MONTH_YEAR = /^([A-Za-z]+\.?)\s+(\d{4})$/
const DAY_MONTH_YEAR = /^(\d{1,2})\s+([A-Za-z]+\.?)\s+(\d{4})$/
const MONTH_DAY_YEAR = /^([A-Za-z]+\.?)\s+(\d{1,2}),?\s+(\d{4})$/
const LOOSE_ISO = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/

/**
 * Reads a date as people type it, including every way the page itself writes one: `2021`,
 * `2021-10`, `2021-10-08`, `Oct 2021`, `October 2021`, `8 Oct 2021`, `Oct 8, 2021`, `2021/10/8`.
 * Gives the same code as parseIsoDate for the same day, month or year, and refuses what is not a
 * date of the calendar. Day-month order in all-number dates (`8/10/2021`) is ambiguous: refused.
 */
export function parseReaderDate(text: string): ParsedDate {
  const value = text.trim().replace(/\s+/g, ' ')
  const iso = parseIsoDate(value)
  if (iso.ok || ISO_DATE.test(value)) return iso
  const pad = (n: string) => n.padStart(2, '0')
  const loose = LOOSE_ISO.exec(value)
  if (loose) {
    const [, year, month, day] = loose
    return parseIsoDate(
      day === undefined ? `${year}-${pad(month!)}` : `${year}-${pad(month!)}-${pad(day)}`,
    )
  }
  let year = ''
  let monthWord = ''
  let day = ''
  const monthYear = MONTH_YEAR.exec(value)
  const dayMonthYear = DAY_MONTH_YEAR.exec(value)
  const monthDayYear = MONTH_DAY_YEAR.exec(value)
  if (monthYear) [, monthWord = '', year = ''] = monthYear
  else if (dayMonthYear) [, day = '', monthWord = '', year = ''] = dayMonthYear
  else if (monthDayYear) [, monthWord = '', day = '', year = ''] = monthDayYear
  if (!year) {
    return {
      ok: false,
      reason: 'is not a date like 2021, Oct 2021, 2021-10 or 8 Oct 2021',
    }
  }
  const month = monthFromWord(monthWord)
  if (month === 0) return { ok: false, reason: `has no month called “${monthWord}”` }
  const isoText = day ? `${year}-${pad2(month)}-${pad(day)}` : `${year}-${pad2(month)}`
  const parsed = parseIsoDate(isoText)
  if (!parsed.ok && day) {
    return {
      ok: false,
      reason: `is not a day of the calendar (${formatDateLabel(Number(year) * 10000 + month * 100)} has no day ${Number(day)})`,
    }
  }
  return parsed
}

/** Months counted from year 0: a continuous index for a monthly time axis. */
export function monthIndex(code: number): number {
  return dateYear(code) * 12 + dateMonth(code) - 1
}
