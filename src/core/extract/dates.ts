// Dates at the precision the text gives (codebook, "Coding dates"): `In October 2021` -> 2021-10,
// `in 2021` -> 2021, `8 October 2021` -> 2021-10-08; `later that month` -> the month of the
// previous incident, never finer than that date; `recent` -> the year the text was written.
// No day or month is ever invented, and a weekday without a date gives no day.

import * as chrono from 'chrono-node'
import { MONTHS, parseNumberWord } from './numbers'

/** A date the text gives, as ISO 8601 at its precision, with where its words are. */
export interface DateMention {
  iso: string
  start: number
  end: number
  /**
   * How the date was found: written out, relative to the previous incident, `recent`, or from the
   * report's date (its dateline): a weekday (`Monday`), a day without a year (`on July 3`), or
   * nothing in the text at all (`dateline`).
   */
  kind: 'absolute' | 'relative' | 'recent' | 'weekday' | 'yearless' | 'dateline'
}

const MONTH_NAMES =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?'
const ABSOLUTE: [RegExp, (m: RegExpExecArray) => string | null][] = [
  [/\b(\d{4})-(\d{2})-(\d{2})\b/g, (m) => isoDay(Number(m[1]), Number(m[2]), Number(m[3]))],
  [
    new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAMES},?\\s+(\\d{4})\\b`, 'g'),
    (m) => isoDay(Number(m[3]), monthNumber(m[2]), Number(m[1])),
  ],
  [
    new RegExp(`\\b${MONTH_NAMES}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'g'),
    (m) => isoDay(Number(m[3]), monthNumber(m[1]), Number(m[2])),
  ],
  [
    new RegExp(`\\b(?:(?:early|mid|late)-?\\s*)?${MONTH_NAMES},?\\s+(?:of\\s+)?(\\d{4})\\b`, 'g'),
    (m) => isoMonth(Number(m[2]), monthNumber(m[1])),
  ],
  [/\b(?:in|during|of|by|early|late|mid-?|throughout)\s+((?:19|20)\d\d)\b/gi, (m) => String(m[1])],
]

function monthNumber(name: string | undefined): number {
  return MONTHS.get((name ?? '').toLowerCase().replace(/\.$/, '')) ?? 0
}
const pad = (n: number) => String(n).padStart(2, '0')

function isoMonth(year: number, month: number): string | null {
  return month >= 1 && month <= 12 ? `${year}-${pad(month)}` : null
}

function isoDay(year: number, month: number, day: number): string | null {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return month >= 1 && month <= 12 && day >= 1 && day <= last
    ? `${year}-${pad(month)}-${pad(day)}`
    : null
}

// Words before a date that make it background, not the incident's date ("since August 2021").
const BACKGROUND_BEFORE = /\b(?:since|until|till|before|after|from)\s+(?:\w+\s+){0,6}$/i

// The written-out dates of a sentence (offsets relative to the sentence), in order; dates in a
// `since ...` or `after ...` phrase are left out.
export function findAbsoluteDates(sentence: string): DateMention[] {
  const found: DateMention[] = []
  for (const [pattern, toIso] of ABSOLUTE) {
    pattern.lastIndex = 0
    for (let m = pattern.exec(sentence); m; m = pattern.exec(sentence)) {
      const start = m.index
      const end = start + m[0].length
      if (found.some((f) => start < f.end && end > f.start)) continue
      const iso = toIso(m)
      if (!iso) continue
      const before = sentence.slice(Math.max(0, start - 60), start)
      const clause = before.split(/[,;]/).at(-1) ?? ''
      if (BACKGROUND_BEFORE.test(clause)) continue
      found.push({ iso, start, end, kind: 'absolute' })
    }
  }
  return found.sort((a, b) => a.start - b.start)
}

type Step = { unit: 'day' | 'month' | 'year' | 'same-month' | 'same-year'; amount: number }

const RELATIVE: [RegExp, (m: RegExpExecArray) => Step][] = [
  [
    /\b(?:later|earlier) (?:that|the same|in the same) month\b|\b(?:that|the same) month\b/gi,
    () => ({ unit: 'same-month', amount: 0 }),
  ],
  [
    /\b(?:the following|the next) month\b|\ba month later\b/gi,
    () => ({ unit: 'month', amount: 1 }),
  ],
  [
    /\b(?:later|earlier) (?:that|the same|in the same) year\b|\b(?:that|the same) year\b/gi,
    () => ({ unit: 'same-year', amount: 0 }),
  ],
  [/\b(?:the following|the next) year\b|\ba year later\b/gi, () => ({ unit: 'year', amount: 1 })],
  [
    /\b(?:the (?:following|next) day|a day later|the day after)\b/gi,
    () => ({ unit: 'day', amount: 1 }),
  ],
  [/\b(?:the (?:following|next) week|a week later)\b/gi, () => ({ unit: 'day', amount: 7 })],
  // `A day earlier, ...`, `which came a day after IS-KP fighters attacked ...`: the incident told
  // here is before the one told already.
  [
    /\b(?:(?:a|one) day (?:earlier|before)|the (?:previous|day before)|came (?:a|one) day after)\b/gi,
    () => ({ unit: 'day', amount: -1 }),
  ],
  [
    /\b(?:(?:a|one) week (?:earlier|before)|came (?:a|one) week after)\b/gi,
    () => ({ unit: 'day', amount: -7 }),
  ],
  [
    /\b(\d+|two|three|four|five|six|seven|eight|nine|ten) (days|weeks|months) later\b/gi,
    (m) => {
      const n = Number(m[1]) || parseNumberWord(m[1] ?? '') || 0
      const unit = (m[2] ?? '').toLowerCase()
      return unit === 'months'
        ? { unit: 'month', amount: n }
        : { unit: 'day', amount: unit === 'weeks' ? n * 7 : n }
    },
  ],
]

// The date a relative expression gives from `previous` (the previous incident's date), never
// finer than `previous`: a day step on a month-precision date stays that month.
export function resolveRelativeDate(previous: string, step: Step): string {
  const [y, m, d] = previous.split('-').map(Number) as [number, number?, number?]
  switch (step.unit) {
    case 'same-month':
      return m ? `${y}-${pad(m)}` : `${y}`
    case 'same-year':
      return `${y}`
    case 'year':
      return `${y + step.amount}`
    case 'month': {
      if (!m) return `${y}`
      const total = y * 12 + (m - 1) + step.amount
      return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}`
    }
    case 'day': {
      if (!m) return `${y}`
      if (!d) return `${y}-${pad(m)}`
      const date = new Date(Date.UTC(y, m - 1, d + step.amount))
      return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
    }
  }
}

/** Relative date expressions of a sentence, resolved against `previous` when there is one. */
export function findRelativeDates(sentence: string, previous: string | null): DateMention[] {
  const found: DateMention[] = []
  if (!previous) return found
  for (const [pattern, toStep] of RELATIVE) {
    pattern.lastIndex = 0
    for (let m = pattern.exec(sentence); m; m = pattern.exec(sentence)) {
      const start = m.index
      const end = start + m[0].length
      if (found.some((f) => start < f.end && end > f.start)) continue
      found.push({ iso: resolveRelativeDate(previous, toStep(m)), start, end, kind: 'relative' })
    }
  }
  return found.sort((a, b) => a.start - b.start)
}

/** `recent`, `recently`: the incident is dated to the year the text was written. */
export function findRecentDate(sentence: string, documentYear: number | null): DateMention | null {
  if (documentYear === null) return null
  const m = /\brecent(?:ly)?\b/i.exec(sentence)
  return m
    ? { iso: String(documentYear), start: m.index, end: m.index + m[0].length, kind: 'recent' }
    : null
}

// The year a text was written, when it is not given: the latest year the text itself mentions
// (an article calling a May 2024 meeting recent was written in 2024 or later).
export function inferDocumentYear(text: string): number | null {
  let latest: number | null = null
  for (const m of text.matchAll(/\b(19[5-9]\d|20\d\d)\b/g)) {
    const year = Number(m[1])
    if (latest === null || year > latest) latest = year
  }
  return latest
}

/** Is date `a` the same as `b` or a coarser reading of it (`2021` and `2021-08`)? */
export function datesAgree(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}-`) || b.startsWith(`${a}-`)
}

/** Words without which chrono finds nothing this reads: a weekday, a month, `yesterday`. */
const DATE_WORDS =
  /\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|yesterday|today|tonight|last night|this morning)/i

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

function isoOf(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
}

function referenceDay(reference: string): Date | null {
  const [y, m, d] = reference.split('-').map(Number)
  return y && m && d ? new Date(Date.UTC(y, m - 1, d)) : null
}

// Dates a sentence gives against the report's date `reference` (chrono-node reads them): a
// weekday is the last such day on or before the report's date (`Monday` in a report of
// Wednesday 16 January is the 14th), a day and month without a year take the report's year (or
// the year before, for a day after the report's date), `yesterday` is the day before it. None is
// finer than the reference: a weekday against a month-precision dateline gives that month.
export function findReportDates(
  sentence: string,
  reference: string | null,
  nearest = false,
): DateMention[] {
  if (!reference || !DATE_WORDS.test(sentence)) return []
  const day = referenceDay(reference)
  const found: DateMention[] = []
  const results = chrono.parse(sentence, day ?? new Date(`${reference.slice(0, 4)}-06-15`))
  for (const r of results) {
    const start = r.index
    const end = start + r.text.length
    const s = r.start
    const before = sentence.slice(Math.max(0, start - 60), start)
    const clause = before.split(/[,;]/).at(-1) ?? ''
    if (BACKGROUND_BEFORE.test(clause)) continue
    if (/^(?:yesterday|last night)\b/i.test(r.text)) {
      if (day)
        found.push({ iso: isoOf(new Date(day.getTime() - 86400000)), start, end, kind: 'weekday' })
      continue
    }
    if (/^(?:today|this morning|tonight)\b/i.test(r.text)) {
      found.push({ iso: reference, start, end, kind: 'weekday' })
      continue
    }
    if (s.isCertain('year')) continue
    // `March 25 Street`, `Route 7`: a name, not a date.
    if (/^\s*(?:street|st\.|road|avenue|square|bridge|boulevard)\b/i.test(sentence.slice(end)))
      continue
    if (s.isCertain('month') && !s.isCertain('day') && !s.isCertain('weekday')) {
      // `In September`, `in January`: the report's year, or the year before for a later month.
      const lead =
        /\b(?:in|during|of|late|early|mid)\s*$/i.test(before) || /^(?:in|during)\b/i.test(r.text)
      if (!lead) continue
      const month = s.get('month') as number
      let year = Number(reference.slice(0, 4))
      if (`${year}-${pad(month)}` > reference.slice(0, 7)) year -= 1
      found.push({ iso: `${year}-${pad(month)}`, start, end, kind: 'yearless' })
      continue
    }
    if (s.isCertain('month') && s.isCertain('day')) {
      const month = s.get('month') as number
      const date = s.get('day') as number
      let year = Number(reference.slice(0, 4))
      const iso = isoDay(year, month, date)
      if (iso && day && iso > isoOf(new Date(day.getTime() + 86400000))) year -= 1
      const dated = isoDay(year, month, date)
      if (dated) found.push({ iso: dated, start, end, kind: 'yearless' })
      continue
    }
    if (s.isCertain('weekday') && !s.isCertain('day')) {
      if (!day) {
        found.push({ iso: reference, start, end, kind: 'weekday' })
        continue
      }
      // Against a caption's date (a photo may be of the day before or after the report's
      // incident) the nearest such day; against a dateline the last on or before it.
      let back = (day.getUTCDay() - (s.get('weekday') as number) + 7) % 7
      if (nearest && back > 3) back -= 7
      found.push({
        iso: isoOf(new Date(day.getTime() - back * 86400000)),
        start,
        end,
        kind: 'weekday',
      })
      continue
    }
  }
  return found
}

/** The weekday's name of an ISO day, for notes. */
export function weekdayOf(iso: string): string {
  const day = referenceDay(iso)
  return day ? (WEEKDAYS[day.getUTCDay()] ?? '') : ''
}
