// One incident and what each sentence adds to it: opened from the sentence that first reports it,
// then joined by the sentences that go on with it, restate it or update its toll. Every figure
// coded keeps a pointer to its incident and row, so the mentions can name the row they went into.

import { hasCue } from './cues'
import { datesAgree, type DateMention } from './dates'
import type { FigureMention, ReportedMention } from './mentions'
import { findPerpetrator, qualifyActor } from './perpetrators'
import { findSite, pickPlaceName, type ResolvedPlace } from './places'
import { joinUpdatedQuote } from './quotes'
import type { DraftRow } from './rows'
import type { Sentence } from './text'
import { attackTypeOf, findActors } from './vocabulary'

/** An incident as the sentences tell it: the columns its rows share, and its rows. */
export interface Incident {
  /** 1, 2, ... in the order the text first reports them; the last part of the incident id. */
  number: number
  date: string
  dateNote: string
  country: string
  admin1: string
  admin2: string
  location: string
  perpetrator: string
  perpetratorNote: string
  attackType: string
  rows: DraftRow[]
  /** The last paragraph that tells of it: a sentence of the next paragraph may go on with it. */
  paragraph: number
  /** A later sentence restated it, which makes it surer. */
  restated: boolean
  /** Its date is the report's (its dateline or a caption), not one the text gives for it. */
  dateFromReport?: boolean
}

/** The incident and row a coded figure went into. */
export interface FigureOwner {
  incident: Incident
  row: DraftRow
}

/** Each coded figure's incident and row. */
export type FigureOwners = Map<FigureMention, FigureOwner>

/** How a sentence's rows join an incident already found. */
export type MergeKind = 'same' | 'restatement' | 'update'

function figureKey(m: FigureMention | null): string | null {
  if (!m || (m.min === null && m.max === null)) return null
  return `${m.kind}:${m.min}:${m.max}`
}

// A sentence that gives an incident's figures again, for the same group, with no date or place
// that disagrees (`The bombing in Herat killed at least 21 worshippers, the spokesman repeated`).
export function restatesIncident(
  incident: Incident,
  draft: readonly DraftRow[],
  date: DateMention | null,
  place: ResolvedPlace,
): boolean {
  if (date && !datesAgree(date.iso, incident.date)) return false
  if (place.admin1 && incident.admin1 && place.admin1 !== incident.admin1) return false
  // The same number for the same kind restates the incident whatever group each sentence names
  // (`12 people` and then `12 people` at a Shiite shrine).
  return draft.some((row) =>
    incident.rows.some(
      (existing) =>
        (figureKey(row.killed) !== null && figureKey(row.killed) === figureKey(existing.killed)) ||
        (figureKey(row.injured) !== null && figureKey(row.injured) === figureKey(existing.injured)),
    ),
  )
}

// Adds a sentence's rows to an incident already found: the sentence goes on with it (`same`),
// restates it (`restatement`) or updates its death toll (`update`). A more precise date, a place,
// an attack type or a named perpetrator the incident lacks are taken from the sentence.
export function mergeIntoIncident(
  incident: Incident,
  draft: readonly DraftRow[],
  date: DateMention | null,
  place: ResolvedPlace,
  sentence: Sentence,
  figures: ReportedMention[],
  owners: FigureOwners,
  how: MergeKind,
): void {
  const restatement = how === 'restatement'
  // A restatement with a more precise date (`in August 2021` after `in 2021`) refines the date,
  // and its words then become the row's words: the quote should carry the date it gives.
  const refines =
    date !== null && date.iso.length > incident.date.length && datesAgree(date.iso, incident.date)
  if (refines && date) {
    incident.date = date.iso
    incident.dateNote = ''
  }
  if (restatement) incident.restated = true
  incident.paragraph = Math.max(incident.paragraph, sentence.paragraph)
  if (!incident.admin1 && place.admin1) {
    incident.admin1 = place.admin1
    incident.admin2 = place.admin2
    incident.country ||= place.country
    incident.location = findSite(sentence.text) || pickPlaceName(place) || incident.location
  }
  if (incident.attackType === 'Unknown') incident.attackType = attackTypeOf(sentence.text)
  if (incident.perpetratorNote || incident.perpetrator === 'Unknown') {
    const actor = findActors(sentence.text).find((a) => a.asPerpetrator)
    if (actor && actor.name !== 'Taliban') {
      incident.perpetrator = qualifyActor(actor.name, sentence.text)
      incident.perpetratorNote = ''
    }
  }
  for (const row of draft) {
    // A figure whose group the sentence does not describe (`killed the commander`) belongs to
    // the incident's row of that group, or to its only row.
    const undescribed = row.groupNote.includes('not described')
    // A toll update (`the death toll rose to 15`) is the toll of the incident's one killed row.
    const killedRows = incident.rows.filter((r) => r.killed !== null)
    const existing =
      incident.rows.find((r) => r.group === row.group) ??
      (restatement
        ? incident.rows.find(
            (r) =>
              (figureKey(row.killed) !== null && figureKey(row.killed) === figureKey(r.killed)) ||
              (figureKey(row.injured) !== null && figureKey(row.injured) === figureKey(r.injured)),
          )
        : undefined) ??
      (undescribed && incident.rows.length === 1 ? incident.rows[0] : undefined) ??
      (how === 'update' && !row.injured && killedRows.length === 1 ? killedRows[0] : undefined)
    if (!existing) {
      incident.rows.push(row)
      for (const m of [row.killed, row.injured]) if (m) owners.set(m, { incident, row })
      continue
    }
    for (const slot of ['killed', 'injured'] as const) {
      const figure = row[slot]
      if (!figure) continue
      const current = existing[slot]
      const status = figures.find((f) => f.start === figure.start && f.end === figure.end)
      if (!current) {
        existing[slot] = figure
        existing.notes.push(...row.notes)
        owners.set(figure, { incident, row: existing })
      } else if (figureKey(current) === figureKey(figure) || (current.vague && figure.vague)) {
        if (status) status.status = 'restatement'
        owners.set(figure, { incident, row: existing })
        if (refines) {
          existing[slot] = figure
          existing.quote = row.quote
        }
      } else if (how === 'update' && slot === 'killed') {
        existing.notes.push(
          `The death toll was updated: "${figure.text}" replaces the earlier "${current.text}".`,
        )
        existing.killed = figure
        existing.quote = joinUpdatedQuote(existing.quote, row.quote)
        owners.set(figure, { incident, row: existing })
        const earlier = [...owners.entries()].find(([m]) => m === current)
        if (earlier) owners.delete(earlier[0])
      } else {
        existing.notes.push(`Another sentence gives "${figure.text}" for the same incident.`)
        if (status) status.status = 'restatement'
      }
    }
    if (refines) existing.quote = row.quote
  }
}

/** What an incident's first sentence does not say itself. */
export interface OpeningContext {
  /** The sentence's own date, or that of the sentence before that gave it. */
  date: DateMention | null
  /** The last date the text gave before the sentence, for a sentence without one. */
  contextDate: string | null
  /** The sentence before, in the same paragraph, that gave the date or place. */
  context: Sentence | null
  place: ResolvedPlace
  /** The incident before, when the sentence says it is another one (its perpetrator is implied). */
  previous: Incident | null
  /** The country the text mentions most, for a place that names none. */
  documentCountry: string
  /** The report's date (dateline or caption), for an incident the text does not date. */
  reference?: {
    reference: string | null
    referenceFrom: string | null
    referenceWords: string
  } | null
}

// A new incident from the sentence that first reports it: its date (with a note when it is not
// the sentence's own), place, site, perpetrator and attack type.
export function openIncident(
  number: number,
  sentence: Sentence,
  sentences: readonly Sentence[],
  draft: DraftRow[],
  context: OpeningContext,
): Incident {
  const { date, place } = context
  let iso = date?.iso ?? context.contextDate ?? ''
  let dateNote = ''
  let fromReport = false
  const before = context.context?.text ?? ''
  if (context.context) {
    const where =
      context.context.paragraph === sentence.paragraph
        ? 'in the same paragraph'
        : 'the paragraph before'
    dateNote = `Date and place from the sentence before (${where}): "${before.slice(0, 120)}".`
  } else if (date?.kind === 'relative') {
    dateNote = `Date from "${sentence.text.slice(date.start, date.end)}", resolved against the previous incident.`
  } else if (date?.kind === 'weekday') {
    const words = sentence.text.slice(date.start, date.end)
    dateNote = `Date guessed from "${words}": the last such day on or before the report's date (${context.reference?.reference ?? ''}, from its ${context.reference?.referenceFrom ?? 'dateline'} "${context.reference?.referenceWords ?? ''}"); check it.`
  } else if (date?.kind === 'yearless') {
    const words = sentence.text.slice(date.start, date.end)
    dateNote = `"${words}" gives no year: the year is the report's (${context.reference?.reference ?? ''}, from its ${context.reference?.referenceFrom ?? 'dateline'}); check it.`
  } else if (date?.kind === 'recent') {
    fromReport = true
    dateNote = `The text says only "${sentence.text.slice(date.start, date.end)}": ${date.iso} is the year the text was written (the latest year it mentions), not a year it gives; the incident may be somewhat earlier.`
  } else if (!date && context.contextDate) {
    dateNote = 'Date not in the sentence: taken from the last date the text gave before it.'
  } else if (!date && context.reference?.reference) {
    iso = context.reference.reference
    fromReport = true
    dateNote = `No date in the text for this incident: ${iso} is the report's date (its ${context.reference.referenceFrom ?? 'dateline'} "${context.reference.referenceWords}"); the incident may be a day or so earlier.`
  } else if (!date) {
    iso = ''
    dateNote = 'No date in the text: fill it in.'
  }
  if (!iso && context.reference?.reference) {
    iso = context.reference.reference
    fromReport = true
    dateNote = [
      dateNote,
      `No date in the text for this incident: ${iso} is the report's date (its ${context.reference.referenceFrom ?? 'dateline'} "${context.reference.referenceWords}"); the incident may be a day or so earlier.`,
    ]
      .filter(Boolean)
      .join(' ')
  }
  let { perpetrator, note } = findPerpetrator(
    sentence,
    sentences,
    context.previous?.perpetrator ?? null,
  )
  const named = findActors(before).find((a) => a.asPerpetrator)
  if (context.context && named && (perpetrator === 'Unknown' || note)) {
    perpetrator = qualifyActor(named.name, before)
    note = `Perpetrator ${perpetrator} from the sentence that gives the date and place.`
  }
  return {
    number,
    date: iso,
    dateNote,
    // A country only from an adjective (`the U.S. military`) yields to the text's main country.
    country: place.weakCountry
      ? context.documentCountry || place.country
      : place.country || context.documentCountry,
    admin1: place.admin1,
    admin2: place.admin2,
    location: findSite(sentence.text) || findSite(before) || pickPlaceName(place),
    perpetrator,
    perpetratorNote: note,
    attackType:
      attackTypeOf(sentence.text) === 'Unknown'
        ? attackTypeOf(before)
        : attackTypeOf(sentence.text),
    rows: draft,
    paragraph: sentence.paragraph,
    restated: false,
    dateFromReport: fromReport,
  }
}

// What a sentence without figures adds to the incident just told (`Paktiya provincial officials
// said the explosion in the Zurmat district was large`, `The attack happened Sunday in Aden`):
// the place the incident lacks, a date for one dated only by the report, and the claimant of a
// claim of responsibility. Only a sentence close to it (two paragraphs at most) that tells of the
// attack and does not open another one.
export function enrichIncident(
  incident: Incident,
  sentence: Sentence,
  date: DateMention | null,
  place: ResolvedPlace,
): void {
  if (sentence.paragraph > incident.paragraph + 2) return
  if (hasCue(sentence.text, 'newIncident')) return
  const tells =
    hasCue(sentence.text, 'attack') ||
    hasCue(sentence.text, 'previousIncident') ||
    /\b(?:took place|occurred|happened|went off|exploded|detonated|hit|struck|targeted|stormed|opened fire|missiles?|drones?)\b/i.test(
      sentence.text,
    )
  if (!tells) return
  const sameCountry = !place.country || !incident.country || place.country === incident.country
  if (!incident.admin1 && place.admin1 && sameCountry) {
    incident.admin1 = place.admin1
    incident.admin2 = place.admin2
    incident.country = place.country || incident.country
    incident.location ||= findSite(sentence.text) || pickPlaceName(place)
    incident.dateNote = [
      incident.dateNote,
      `Place from a later sentence: "${sentence.text.slice(0, 120)}".`,
    ]
      .filter(Boolean)
      .join(' ')
  }
  // A date only from a sentence that tells of this incident (`The attack happened Sunday`), not
  // of another death (`who was killed Tuesday`).
  const refersBack =
    hasCue(sentence.text, 'previousIncident') ||
    /\b(?:took place|occurred|happened|went off|struck|hit)\b/i.test(sentence.text)
  const otherDeath = /\b(?:killed|died|dead|shot|wounded|injured)\b/i.test(sentence.text)
  if (
    incident.dateFromReport &&
    date &&
    refersBack &&
    !otherDeath &&
    (date.kind === 'weekday' || date.kind === 'absolute' || date.kind === 'yearless')
  ) {
    incident.date = date.iso
    incident.dateFromReport = false
    const words = sentence.text.slice(date.start, date.end)
    incident.dateNote = `Date from "${words}" in a later sentence${date.kind === 'absolute' ? '' : `, resolved against the report's date`}: check it.`
  }
  if (
    (incident.perpetrator === 'Unknown' || incident.perpetratorNote) &&
    hasCue(sentence.text, 'claim')
  ) {
    const actor = findActors(sentence.text).find((a) => a.name !== 'Unknown')
    if (actor) {
      incident.perpetrator = actor.name
      incident.perpetratorNote = `Perpetrator ${actor.name} from its claim of responsibility.`
    }
  }
}
