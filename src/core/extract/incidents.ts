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
  previousDate: string | null,
): boolean {
  return (
    hasCue(sentence.text, 'totalOverTime') ||
    (hasCue(sentence.text, 'totalOverAttacks') &&
      !absolute.some((d) => d.iso.length >= 7) &&
      // `The strikes killed 46 people` right after the sentence that dates them.
      !(context?.date && context.date.iso.length >= 7) &&
      findRelativeDates(sentence.text, previousDate).length === 0)
  )
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
        findReportDates(sentence.text, reference)[0]
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
    const main = mentionsHere.filter((m) => !m.subset)
    if (main.length === 0) continue

    const context = carried && reachesSentence(carried, sentence) ? carried : null
    carried = null
    if (reportsNoAttack(sentence.text)) {
      for (const m of main) m.status = 'not an attack'
      continue
    }
    if (countsTotal(sentence, absolute, context, previous?.date ?? null)) {
      for (const m of main) m.status = 'aggregate'
      continue
    }
    const relative = findRelativeDates(sentence.text, previous?.date ?? null)
    const recent = findRecentDate(sentence.text, documentYear)
    const fromReport = absolute.length === 0 ? findReportDates(sentence.text, reference) : []
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
