// Splits a report into incidents: sentence by sentence, its casualty figures start a new incident,
// go on with the previous one, or restate an earlier one; figures that are no incident's (a part of
// a figure already given, a total over time, a disaster, a figure with no date or place) are kept
// as mentions with what became of them, and never proposed.

import { hasCue, reportsNoAttack } from './cues'
import {
  datesAgree,
  findAbsoluteDates,
  findRecentDate,
  findRelativeDates,
  findReportDates,
  type DateMention,
} from './dates'
import {
  enrichIncident,
  mergeIntoIncident,
  openIncident,
  restatesIncident,
  type FigureOwners,
  type Incident,
} from './incident'
import { findFigureMentions, type ReportedMention } from './mentions'
import { findDominantCountry, findPlaces, resolvePlaces, type ResolvedPlace } from './places'
import type { ReportFrame } from './report'
import { buildRows } from './rows'
import type { Sentence } from './text'

/** The incidents of a text, every figure found with what became of it, and who owns each. */
export interface IncidentFinding {
  incidents: Incident[]
  mentions: ReportedMention[]
  owners: FigureOwners
}

/** The date or place of a sentence without figures, for the figures of the sentences after it. */
interface CarriedContext {
  sentence: Sentence
  date: DateMention | null
  place: ResolvedPlace
}

/** The sentences of each paragraph joined, by paragraph number. */
function joinParagraphs(sentences: readonly Sentence[]): Map<number, string> {
  const paragraphs = new Map<number, string>()
  for (const s of sentences) {
    paragraphs.set(s.paragraph, `${paragraphs.get(s.paragraph) ?? ''} ${s.text}`)
  }
  return paragraphs
}

// Across a paragraph break only from the paragraph just before, and only when that sentence
// reports an attack (`... the day an IS-KP suicide bomber walked into the crowd.`).
function reachesSentence(carried: CarriedContext, sentence: Sentence): boolean {
  return (
    carried.sentence.paragraph === sentence.paragraph ||
    (carried.sentence.paragraph === sentence.paragraph - 1 &&
      (hasCue(carried.sentence.text, 'attack') ||
        /\b(?:took place|occurred|happened)\b/i.test(carried.sentence.text)))
  )
}

// A total over time (`since 2021`), or over several attacks (`these attacks`) when neither the
// sentence nor its context dates it to a month or a day.
function countsTotal(
  sentence: Sentence,
  absolute: readonly DateMention[],
  context: CarriedContext | null,
  previous: Incident | null,
): boolean {
  const previousDate = previous?.date ?? null
  // `At least 55 people were reported injured in the bombings` right after the incident: its
  // own bombings, unless a stronger cue (`these`, `a series of`, `across`) says otherwise.
  const onlyThe =
    previous !== null &&
    sentence.paragraph <= previous.paragraph + 2 &&
    !STRONG_TOTAL.test(sentence.text)
  // `More than 100 peacekeepers have been killed in Mali`: a total to date, with no date, no
  // first-level place and no attack of its own.
  const toDate =
    /\b(?:have|has) been killed\b/i.test(sentence.text) &&
    absolute.length === 0 &&
    !hasCue(sentence.text, 'attack') &&
    !resolvePlaces(findPlaces(sentence.tokens)).admin1
  return (
    toDate ||
    hasCue(sentence.text, 'totalOverTime') ||
    (hasCue(sentence.text, 'totalOverAttacks') &&
      !onlyThe &&
      !absolute.some((d) => d.iso.length >= 7) &&
      // `The strikes killed 46 people` right after the sentence that dates them.
      !(context?.date && context.date.iso.length >= 7) &&
      findRelativeDates(sentence.text, previousDate).length === 0)
  )
}

/** Cues of a total over several attacks stronger than `the attacks`. */
const STRONG_TOTAL =
  /\b(?:these|such|those)\b|\bfrequent\b|\bvarious\b|\bnumerous\b|\brepeated\b|\b(?:bombing|military|terror|insurgent|violent|suicide) campaign\b|\bcampaign of\b|\b(?:series|wave|spate|string) of\b|\bacross\b|\b(?:separate|coordinated|simultaneous|different) (?:\w+ )?(?:attacks|bombings|blasts|explosions|incidents|assaults|shootings)\b/i

// The clause of a sentence around a text offset: clauses end at `;` and at `, as`, `, while`,
// `, but` that join another statement.
function clauseAround(sentence: Sentence, offset: number): string {
  const at = offset - sentence.start
  const breaks = /;\s*|,\s+(?:as|while|but|whereas)\s+/g
  let start = 0
  for (const m of sentence.text.matchAll(breaks)) {
    const index = m.index ?? 0
    if (index >= at) return sentence.text.slice(start, index)
    start = index + m[0].length
  }
  return sentence.text.slice(start)
}

// Two days given for one incident (`on Monday afternoon and Tuesday morning`): the month both
// are in, never one of the days.
function spanOfDays(dates: DateMention[]): DateMention[] {
  const first = dates[0]
  if (!first || !dates.some((d) => d.iso !== first.iso)) return dates
  const month = first.iso.slice(0, 7)
  return dates.every((d) => d.iso.startsWith(month)) ? [{ ...first, iso: month }] : dates
}

// Whether a sentence goes on with the incident before it: no date or place that disagrees, and
// either it refers to it (`The attack ...`, a toll update) or it has no date or place of its own
// and stays in its paragraph or the next one (a quote, `"We received 23 wounded," the doctor
// said`, unless its date and place came from a sentence of its own paragraph).
function continuesIncident(
  previous: Incident,
  sentence: Sentence,
  date: DateMention | null,
  place: ResolvedPlace,
  anaphor: boolean,
  fromContext: boolean,
): boolean {
  return (
    (!date || datesAgree(date.iso, previous.date)) &&
    (!place.admin1 || !previous.admin1 || place.admin1 === previous.admin1) &&
    (anaphor ||
      (!date &&
        !place.admin1 &&
        // `In northern Iraq, a bomb ...` after an attack in Baghdad: another place.
        !(place.region && previous.admin1) &&
        (sentence.paragraph === previous.paragraph ||
          (sentence.paragraph === previous.paragraph + 1 && !fromContext))))
  )
}

// Groups the casualty figures of `sentences` (the sentences of `text`) into incidents; a
// sentence that says only `recent` is dated by `documentYear`.
export function findIncidents(
  text: string,
  sentences: readonly Sentence[],
  documentYear: number | null,
  frame: Pick<ReportFrame, 'reference' | 'referenceFrom' | 'referenceWords'> | null = null,
): IncidentFinding {
  const reference = frame?.reference ?? null
  const nearest = frame?.referenceFrom === 'caption'
  const documentCountry = findDominantCountry(text)
  const incidents: Incident[] = []
  const reported: ReportedMention[] = []
  const owners: FigureOwners = new Map()
  let lastDateSeen: string | null = null
  // The date or place of a sentence without figures (`Two rockets hit a market in Kabul on 12
  // October 2022.`), for the figures of the next sentences of the same paragraph.
  let carried: CarriedContext | null = null
  const paragraphs = joinParagraphs(sentences)

  for (const sentence of sentences) {
    const absolute = findAbsoluteDates(sentence.text)
    // The paragraph says whether worshippers are Shia; a very long one (a text with no paragraph
    // breaks) is cut to the sentence, which keeps the search linear in the text's length.
    const paragraph = paragraphs.get(sentence.paragraph) ?? sentence.text
    const figures = findFigureMentions(
      sentence,
      text,
      paragraph.length > 4000 ? sentence.text : paragraph,
    )
    const previous = incidents.at(-1) ?? null
    if (figures.length === 0) {
      if (absolute[0]) lastDateSeen = absolute[0].iso
      const when =
        absolute[0] ??
        findRelativeDates(sentence.text, previous?.date ?? null)[0] ??
        spanOfDays(findReportDates(sentence.text, reference, nearest))[0]
      const where = resolvePlaces(findPlaces(sentence.tokens), documentCountry)
      if (previous) enrichIncident(previous, sentence, when ?? null, where)
      if (when || where.admin1) carried = { sentence, date: when ?? null, place: where }
      continue
    }
    const mentionsHere = figures.map((m): ReportedMention => ({
      ...m,
      status: 'proposed',
      row: null,
    }))
    reported.push(...mentionsHere)
    for (const m of mentionsHere) if (m.subset) m.status = 'subset'
    let main = mentionsHere.filter((m) => !m.subset)
    if (main.length === 0) continue

    const context = carried && reachesSentence(carried, sentence) ? carried : null
    carried = null
    if (reportsNoAttack(sentence.text)) {
      for (const m of main) m.status = 'not an attack'
      continue
    }
    if (countsTotal(sentence, absolute, context, previous)) {
      // `... killed herself and a soldier ..., as local leaders reported the death count from a
      // string of earlier attacks had reached 110`: only the clause with the total is one.
      // A clause of its own is a total too when it tells of several attacks (`while bombings in
      // Baiji, Hawija and Tikrit killed three more`).
      const inTotal = (m: ReportedMention) => {
        const clause = clauseAround(sentence, m.start)
        return (
          hasCue(clause, 'totalOverTime') ||
          hasCue(clause, 'totalOverAttacks') ||
          /\b(?:bombings|attacks|blasts|explosions|strikes|raids)\b/i.test(clause)
        )
      }
      const totals = main.filter(inTotal)
      for (const m of totals.length > 0 ? totals : main) m.status = 'aggregate'
      if (totals.length === 0 || totals.length === main.length) continue
      main = main.filter((m) => !totals.includes(m))
    }
    const relative = findRelativeDates(sentence.text, previous?.date ?? null)
    const recent = findRecentDate(sentence.text, documentYear)
    const fromReport =
      absolute.length === 0 ? spanOfDays(findReportDates(sentence.text, reference, nearest)) : []
    let date: DateMention | null = absolute[0] ?? relative[0] ?? fromReport[0] ?? recent
    if (absolute[0]) lastDateSeen = absolute[0].iso
    let place = resolvePlaces(findPlaces(sentence.tokens), documentCountry)
    // Figures with no date or place of their own take those of the sentence before them in the
    // paragraph (`Hospital officials said 11 people lost their lives`).
    const fromContext =
      !date && !place.admin1 && (!place.country || place.weakCountry) ? context : null
    if (fromContext) {
      date = fromContext.date
      place = fromContext.place
    }
    const newCue = hasCue(sentence.text, 'newIncident')
    const update = hasCue(sentence.text, 'tollUpdate') && !newCue
    // `Somalia's information minister says the death toll has risen to 358` after an attack in
    // Egypt: the toll of an attack the text does not tell, found but not proposed.
    if (
      update &&
      previous &&
      place.country &&
      previous.country &&
      place.country !== previous.country &&
      !date
    ) {
      for (const m of main) m.status = 'no date or place'
      continue
    }
    const anaphor = (hasCue(sentence.text, 'previousIncident') || update) && !newCue
    const draft = buildRows(sentence, main, text, fromContext?.sentence.text ?? '', update)
    // A toll the same sentence updates (`46 dead ...; the toll had climbed to 55`) is not coded.
    const coded = draft.flatMap((r) => [r.killed?.start, r.injured?.start])
    for (const m of main) {
      if (!coded.includes(m.start)) m.status = update ? 'superseded' : 'restatement'
    }

    // Only the vague figures of a sentence that names no other date or place restate the
    // incident just told (`many of those killed were civilians`), never open one.
    const vagueOnly = main.every((m) => m.vague || m.min === null)
    const continues =
      previous !== null &&
      !newCue &&
      (continuesIncident(previous, sentence, date, place, anaphor, fromContext !== null) ||
        (fromContext !== null &&
          (!date || datesAgree(date.iso, previous.date)) &&
          (!place.admin1 || !previous.admin1 || place.admin1 === previous.admin1) &&
          sentence.paragraph <= previous.paragraph + 1) ||
        (vagueOnly &&
          (!date || datesAgree(date.iso, previous.date) || previous.dateFromReport === true) &&
          (!place.admin1 || !previous.admin1 || place.admin1 === previous.admin1) &&
          sentence.paragraph <= previous.paragraph + 4))
    if (continues) {
      const how = update ? 'update' : 'same'
      mergeIntoIncident(previous, draft, date, place, sentence, main, owners, how)
      continue
    }
    if (!date && !place.admin1 && !place.country) {
      for (const m of main) m.status = 'no date or place'
      continue
    }
    const restated = newCue
      ? undefined
      : incidents.find((incident) => restatesIncident(incident, draft, date, place))
    if (restated) {
      mergeIntoIncident(restated, draft, date, place, sentence, main, owners, 'restatement')
      continue
    }
    const incident = openIncident(incidents.length + 1, sentence, sentences, draft, {
      date,
      contextDate: lastDateSeen,
      context: fromContext?.sentence ?? null,
      place,
      previous: newCue ? previous : null,
      documentCountry,
      reference: frame?.reference ? frame : null,
    })
    incidents.push(incident)
    for (const row of draft) {
      for (const m of [row.killed, row.injured]) if (m) owners.set(m, { incident, row })
    }
  }
  return { incidents, mentions: reported, owners }
}
