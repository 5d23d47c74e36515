// Dates as real files write them, read into ISO text at the precision they give: ISO (with or
// without a time of day), `9-May-20`, `09-May-2020`, `28 December 2022`, `May 9, 2020`,
// `05/09/2020` (month first, US spreadsheets) and `09/05/2020` (day first), and Excel's serial day
// numbers. Which of them a column uses is told from the whole column (DateFormatDetector), never
// from one value: `05/09/2020` alone cannot say whether it is May or September.

import { ENGLISH_MONTHS } from '../date'

/** How a column writes its dates. Serialisable: it travels in a column mapping. */
export type DateFormat = 'iso' | 'dmy' | 'mdy' | 'd-mon-y' | 'mon-d-y' | 'excel'

export const DATE_FORMATS: readonly DateFormat[] = [
  'iso',
  'dmy',
  'mdy',
  'd-mon-y',
  'mon-d-y',
  'excel',
]

/** Words for each format, with an example, for the mapping step and the messages. */
export const DATE_FORMAT_NAMES: Record<DateFormat, string> = {
  iso: 'ISO: 2020-05-09 (or 2020-05, 2020, with or without a time)',
  dmy: 'day/month/year: 09/05/2020',
  mdy: 'month/day/year: 05/09/2020',
  'd-mon-y': 'day month-name year: 9-May-20, 09-May-2020, 28 December 2022',
  'mon-d-y': 'month-name day, year: May 9, 2020',
  excel: 'Excel serial day numbers: 43960',
}

const pad2 = (n: number) => String(n).padStart(2, '0')

// A time of day after the date (`T00:00:00`, ` 14:30`, `.000Z`): dropped, we keep dates.
const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?(?: ?[AaPp][Mm])?)?`
const ISO = new RegExp(String.raw`^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?${TIME}$`)
const ISO_SLASH = new RegExp(String.raw`^(\d{4})/(\d{1,2})/(\d{1,2})${TIME}$`)
const NUMERIC = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})${TIME}$`)
const NUMERIC_MONTH_YEAR = /^(\d{1,2})[/.-](\d{4})$/
const DAY_NAME = new RegExp(
  String.raw`^(?:(\d{1,2})(?:st|nd|rd|th)?[ -]+)?([A-Za-z]{3,}\.?),?[ -]+(\d{2}|\d{4})${TIME}$`,
)
const NAME_DAY = new RegExp(
  String.raw`^([A-Za-z]{3,}\.?)(?:[ -]+(\d{1,2})(?:st|nd|rd|th)?)?,?[ -]+(\d{4}|\d{2})${TIME}$`,
)
const SERIAL = /^(\d{1,7})(?:\.\d+)?$/

/** Month number 1-12 of an English month name or its abbreviation (`Sep`, `Sept.`); 0 when none. */
export function monthNumber(name: string): number {
  const word = name.toLowerCase().replace(/\.$/, '')
  if (word.length < 3) return 0
  const index = ENGLISH_MONTHS.findIndex(
    (month) =>
      month === word || month.startsWith(word) || (word === 'sept' && month === 'september'),
  )
  return index + 1
}

// A two-digit year as spreadsheets read it: 00-29 is 2000-2029, 30-99 is 1930-1999.
function fullYear(text: string): number {
  const year = Number(text)
  if (text.length !== 2) return year
  return year < 30 ? 2000 + year : 1900 + year
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

// ISO text from parts; null when they are no date of the calendar (the 31st of June, month 13).
function iso(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999) return null
  if (month === 0) return String(year)
  if (month < 1 || month > 12) return null
  if (day === 0) return `${year}-${pad2(month)}`
  if (day < 1 || day > daysInMonth(year, month)) return null
  return `${year}-${pad2(month)}-${pad2(day)}`
}

// The ISO date of an Excel serial day number (1 is 1900-01-01; Excel counts a 29 February 1900
// that never was, so serials from 61 on are one day late). Computed from the civil calendar, never
// through `new Date()`, which would shift it by the local time zone.
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > 2958465) return null
  if (serial === 60) return null
  const days = serial < 60 ? serial - 1 : serial - 2 // days since 1900-01-01
  // Days from 1970-01-01 of 1900-01-01 is -25567; then the civil-from-days algorithm.
  let z = days - 25567 + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  z = yoe + era * 400 + (month <= 2 ? 1 : 0)
  return iso(z, month, day)
}

/** The Excel serial day number of an ISO day (the inverse of excelSerialToIso), for tests. */
export function isoToExcelSerial(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = month > 2 ? month - 3 : month + 9
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  const days = era * 146097 + doe - 719468 + 25567
  return days < 59 ? days + 1 : days + 2
}

// Reads one value in `format` into ISO text (`2020-05-09`, `2020-05`, `2020`); null when it does not
// fit the format. The caller decides what an empty value is.
export function readDate(raw: string, format: DateFormat): string | null {
  const value = raw.trim()
  if (value === '') return null
  switch (format) {
    case 'iso': {
      const m = ISO.exec(value) ?? ISO_SLASH.exec(value)
      if (!m) return null
      return iso(
        Number(m[1]),
        m[2] === undefined ? 0 : Number(m[2]),
        m[3] === undefined ? 0 : Number(m[3]),
      )
    }
    case 'dmy':
    case 'mdy': {
      const m = NUMERIC.exec(value)
      if (!m) {
        const my = NUMERIC_MONTH_YEAR.exec(value)
        return my ? iso(Number(my[2]), Number(my[1]), 0) : null
      }
      const [first, second] = [Number(m[1]), Number(m[2])]
      const year = fullYear(m[3] as string)
      return format === 'dmy' ? iso(year, second, first) : iso(year, first, second)
    }
    case 'd-mon-y': {
      const m = DAY_NAME.exec(value)
      if (!m) return null
      const month = monthNumber(m[2] as string)
      if (month === 0) return null
      return iso(fullYear(m[3] as string), month, m[1] === undefined ? 0 : Number(m[1]))
    }
    case 'mon-d-y': {
      const m = NAME_DAY.exec(value)
      if (!m) return null
      const month = monthNumber(m[1] as string)
      if (month === 0) return null
      return iso(fullYear(m[3] as string), month, m[2] === undefined ? 0 : Number(m[2]))
    }
    case 'excel': {
      const m = SERIAL.exec(value)
      if (!m) return null
      const serial = Number(m[1])
      // A four-digit number from 1000 is a year, as ISO reads it, not a day of 1902-1927.
      if (m[1]?.length === 4 && !value.includes('.')) return iso(serial, 0, 0)
      return excelSerialToIso(serial)
    }
  }
}

// Reads a value in the column's format, or else in a format that cannot be misread (ISO, a month
// written by name): a column that mixes `2021-10-08` and `15 October 2021` reads whole. Numeric
// dates are read only in the column's own day/month order.
export function readDateIn(raw: string, format: DateFormat): string | null {
  return (
    readDate(raw, format) ??
    readDate(raw, 'iso') ??
    readDate(raw, 'd-mon-y') ??
    readDate(raw, 'mon-d-y')
  )
}

/** What the detector found: the format, and whether the day/month order could not be told. */
export interface DetectedDateFormat {
  format: DateFormat
  /** Numeric dates whose day and month are both 12 or less everywhere: ask which comes first. */
  ambiguousOrder: boolean
  /** Values that fit the format, and values seen (not empty). */
  fitting: number
  seen: number
}

// Tells a column's date format from its values, fed one by one (a whole column of a big file,
// without keeping it). Each format counts the values it reads; the one that reads the most wins,
// ISO first on a tie. Numeric dates: a first part above 12 somewhere makes the column day first,
// a second part above 12 month first; neither, and the order cannot be told (day first is then
// proposed and the user asked).
export class DateFormatDetector {
  private readonly fits: Record<DateFormat, number> = {
    iso: 0,
    dmy: 0,
    mdy: 0,
    'd-mon-y': 0,
    'mon-d-y': 0,
    excel: 0,
  }
  private seen = 0
  private firstAbove12 = 0
  private secondAbove12 = 0

  add(raw: string): void {
    const value = raw.trim()
    if (value === '') return
    this.seen++
    for (const format of DATE_FORMATS) if (readDate(value, format) !== null) this.fits[format]++
    const m = NUMERIC.exec(value)
    if (m) {
      if (Number(m[1]) > 12) this.firstAbove12++
      if (Number(m[2]) > 12) this.secondAbove12++
    }
  }

  result(): DetectedDateFormat {
    let best: DateFormat = 'iso'
    for (const format of DATE_FORMATS) if (this.fits[format] > this.fits[best]) best = format
    let ambiguousOrder = false
    if (best === 'dmy' || best === 'mdy') {
      const dayFirst = this.fits.dmy
      const monthFirst = this.fits.mdy
      if (dayFirst === monthFirst) {
        // Every value reads both ways: the order is told only by a part above 12.
        ambiguousOrder = this.firstAbove12 === 0 && this.secondAbove12 === 0
        best = this.secondAbove12 > this.firstAbove12 ? 'mdy' : 'dmy'
      } else {
        best = dayFirst > monthFirst ? 'dmy' : 'mdy'
      }
    }
    return { format: best, ambiguousOrder, fitting: this.fits[best], seen: this.seen }
  }
}

/** The format of a list of values (a column in memory). */
export function detectDateFormat(values: Iterable<string>): DetectedDateFormat {
  const detector = new DateFormatDetector()
  for (const value of values) detector.add(value)
  return detector.result()
}

/** An ISO date's parts; month and day 0 when not given. */
export function isoParts(text: string): [number, number, number] | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text)
  if (!m) return null
  return [
    Number(m[1]),
    m[2] === undefined ? 0 : Number(m[2]),
    m[3] === undefined ? 0 : Number(m[3]),
  ]
}

// The most precise ISO prefix that holds every day from `start` to `end` (ISO texts): the day when
// they are one day, the month when they share it, the year when they share that. Null when the span
// crosses a year's end (no prefix holds it).
export function spanPrefix(start: string, end: string): string | null {
  const a = isoParts(start)
  const b = isoParts(end)
  if (!a || !b) return null
  if (a[0] !== b[0]) return null
  if (a[1] === 0 || b[1] === 0 || a[1] !== b[1]) return String(a[0])
  if (a[2] === 0 || b[2] === 0 || a[2] !== b[2]) return `${a[0]}-${pad2(a[1])}`
  return start
}

/** The ISO day `days` after (or before, when negative) an ISO day; null when `text` is no day. */
export function addDays(text: string, days: number): string | null {
  const parts = isoParts(text)
  if (!parts || parts[2] === 0) return null
  const serial = isoToExcelSerial(parts[0], parts[1], parts[2]) + days
  return excelSerialToIso(serial)
}

/** Shortens an ISO date to a precision no finer than `precision`. */
export function coarsen(text: string, precision: 'year' | 'month' | 'day'): string {
  if (precision === 'year') return text.slice(0, 4)
  if (precision === 'month') return text.slice(0, 7)
  return text
}
