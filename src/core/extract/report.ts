// The frame of a published report: its headline, its dateline (the date the page or wire gives,
// on a line of its own or as `Monday, June 8, 2009`), photo captions and source lists. None of
// them is an incident sentence: a headline restates the body (`Suicide Attack Kills 13`), a caption
// describes a photo (`FILE - ... July 28, 2013` is another day), a source list names other
// reports. They are blanked (same length, so every offset still points into the text) before the
// text is split into sentences, and the dateline, or failing that a caption's date, becomes the
// report's date: the reference for `Monday`, `on July 3` and incidents the text does not date.

import * as chrono from 'chrono-node'
import type { TextSpan } from './text'

/** A report with its frame blanked, and the date it was published. */
export interface ReportFrame {
  /** The text with headline, dateline, captions and source lists replaced by spaces. */
  body: string
  /** What was blanked. */
  frame: TextSpan[]
  /** The report's date, ISO at the precision its dateline gives, or null. */
  reference: string | null
  /** Where the reference date came from: `dateline` or `caption`. */
  referenceFrom: 'dateline' | 'caption' | null
  /** The words of the reference date. */
  referenceWords: string
}

const pad = (n: number) => String(n).padStart(2, '0')

// The date a line gives, when chrono reads a day or a month with its year in it.
function dateOfLine(line: string): { iso: string; words: string } | null {
  if (!/\b(?:19|20)\d\d\b/.test(line)) return null
  const results = chrono.parse(line)
  for (const r of results) {
    const s = r.start
    if (!s.isCertain('year') || !s.isCertain('month')) continue
    const y = s.get('year') as number
    const m = s.get('month') as number
    const iso = s.isCertain('day')
      ? `${y}-${pad(m)}-${pad(s.get('day') as number)}`
      : `${y}-${pad(m)}`
    return { iso, words: r.text }
  }
  const year = /^(?:\w+\s+)?((?:19|20)\d\d)(?:-(\d\d))?$/.exec(line.trim())
  if (year) return { iso: year[2] ? `${year[1]}-${year[2]}` : String(year[1]), words: year[0] }
  return null
}

const SENTENCE_END = /[.!?]["”’)]?\s*$/
const wordCount = (line: string) => line.split(/\s+/).filter(Boolean).length

// A line that only dates or signs the report: `October 17, 2012`, `Monday, June 8, 2009`,
// `VOA News, April 28, 2019`, `Voice of America News`, `By Harun Maruf`, `Source: VOA`.
function isDatelineOrByline(line: string): boolean {
  const t = line.trim()
  if (/^(?:by|source|sources|published|posted|updated)\b[: ]/i.test(t)) return true
  if (/^(?:voice of america|voa)(?: news)?$/i.test(t)) return true
  if (wordCount(t) > 12) return false
  const date = dateOfLine(t)
  if (!date) return false
  const rest = t
    .replace(date.words, '')
    .replace(
      /\b(?:voa|news|published|updated|posted|by|on|the|of|at|\d+:\d+\s*(?:am|pm)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|[,.:|\s-])+/gi,
      '',
    )
  return rest.length <= 12
}

// A photo caption: one paragraph that ends with the photo's date (`..., Pakistan, January 10,
// 2013.`), or a `FILE -` photo.
function isCaption(line: string): boolean {
  const t = line.trim()
  if (/^FILE\b/.test(t)) return true
  const dated =
    /(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s*)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}\.?\)?\s*$/.exec(
      t,
    )
  if (!dated) return false
  // `..., Pakistan, January 10, 2013.`; or a photo's present tense (`are carried ... in Cairo
  // August 19, 2013.`): a body sentence dates its incident in the past tense.
  return (
    /,\s*$/.test(t.slice(0, dated.index)) ||
    /\b(?:stands?|carr(?:y|ies)|(?:is|are) (?:carried|transported|seen|pictured|shown|taken)|gathers?|walks?|holds?|receives?|inspects?|mourns?|looks?|rises|flies|attends?|addresses|sits?|waits?|prays?|clears?|cordons?|unloads?|talks?|rests?|weeps?|cries)\b/.test(
      t,
    )
  )
}

// Splits off the frame of a report: headline lines at the top (short, with no sentence end),
// dateline and byline lines, captions anywhere, and a trailing `Sources`/`References` list.
export function frameReport(text: string): ReportFrame {
  const frame: TextSpan[] = []
  let reference: { iso: string; words: string } | null = null
  let referenceFrom: ReportFrame['referenceFrom'] = null
  let captionDate: { iso: string; words: string } | null = null
  let top = true
  let sources = false
  let offset = 0
  for (const line of text.split('\n')) {
    const start = offset
    offset += line.length + 1
    const t = line.trim()
    if (!t) continue
    if (/^(?:sources?|references?|external links)\s*:?$/i.test(t)) sources = true
    let framed = sources
    if (!framed && isDatelineOrByline(t)) {
      framed = true
      const date = dateOfLine(t)
      if (date && !reference) {
        reference = date
        referenceFrom = 'dateline'
      }
    } else if (!framed && isCaption(t)) {
      framed = true
      const date = /^FILE\b/.test(t) ? null : dateOfLine(t.slice(-40))
      if (date && !captionDate) captionDate = date
    } else if (!framed && top && !SENTENCE_END.test(t) && wordCount(t) <= 16) {
      framed = true
    } else {
      top = false
    }
    if (framed) frame.push({ start, end: start + line.length })
  }
  if (!reference && captionDate) {
    reference = captionDate
    referenceFrom = 'caption'
  }
  const parts: string[] = []
  let at = 0
  for (const span of frame) {
    parts.push(text.slice(at, span.start), ' '.repeat(span.end - span.start))
    at = span.end
  }
  parts.push(text.slice(at))
  const body = parts.join('')
  return {
    body,
    frame,
    reference: reference?.iso ?? null,
    referenceFrom,
    referenceWords: reference?.words ?? '',
  }
}
