// From a report's text to proposed rows in our schema (issue #6). Steps: sentences -> casualty
// figures -> rows of one sentence (one per target group) -> incidents (a new one, or the previous
// one continued, or an earlier one restated) -> CasualtyRecords with a confidence and the offsets
// of their words. Aggregates over time ("hundreds of people since 2021") and figures with no date
// or place are reported as mentions but never proposed.

import { emptyRecord, type CasualtyRecord } from '../schema'
import {
  datesAgree,
  findAbsoluteDates,
  findRecentDate,
  findRelativeDates,
  inferDocumentYear,
  type DateMention,
} from './dates'
import { findFigureMentions, type FigureMention } from './mentions'
import { findPlaces, resolvePlaces, lookUpPlace, type ResolvedPlace } from './places'
import { splitSentences, type Sentence, type TextSpan } from './text'
import { attackTypeOf, findActors, groupOfContext, targetTypeOf } from './vocabulary'
import { COUNTRIES } from './gazetteer'

/** Options of an extraction. */
export interface ExtractOptions {
  /** Id of the source document, for the `source` column. */
  source?: string
  /** The year the text was written, for incidents it calls `recent`; inferred when not given. */
  documentYear?: number | null
}

/** One proposed row: a record in our schema, how sure the assistant is, and where its words are. */
export interface ProposedRow {
  record: CasualtyRecord
  /** 0-1: lower when the date, place, perpetrator or target group came from context. */
  confidence: number
  /** Offsets of `killed_text` / `injured_text` in the text, null when empty. */
  killed: TextSpan | null
  injured: TextSpan | null
  /** Offsets of `source_quote` in the text. */
  quote: TextSpan
  /** Rows of one incident share this number (and their incident_id). */
  incident: number
}

/** What became of a casualty figure found in the text. */
export type MentionStatus =
  | 'proposed'
  | 'restatement'
  | 'aggregate'
  | 'subset'
  | 'no date or place'
  | 'not an attack'
  | 'superseded'

/** A casualty figure found in the text, with what became of it. */
export interface ReportedMention extends FigureMention {
  status: MentionStatus
  /** Index of the proposed row it went into (or restates), else null. */
  row: number | null
}

/** The assistant's answer for one text. */
export interface ExtractionResult {
  rows: ProposedRow[]
  mentions: ReportedMention[]
  /** The year used for `recent` incidents, or null when the text gives none. */
  documentYear: number | null
  sentenceCount: number
}

interface DraftRow {
  group: string
  groupNote: string
  killed: FigureMention | null
  injured: FigureMention | null
  /** Sentence span of each figure, to cut the quote from. */
  quote: TextSpan
  notes: string[]
}

interface Incident {
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
  paragraph: number
  restated: boolean
}

const STRONG_AGGREGATE =
  /\bsince\b|\bthroughout\b|\bover the (?:past|last) (?:\w+ )?(?:years?|months|decades?)\b|\bso far\b|\bto date\b|\bin total\b|\baltogether\b|\bcumulative\b|\bin recent years\b|\b(?:(?:19|20)\d\d|this year|last year|this month|last month|January|February|March|April|May|June|July|August|September|October|November|December) alone\b/i
const WEAK_AGGREGATE =
  /\b(?:these|such|those|the) (?:attacks|bombings|operations|incidents|raids|strikes)\b|\bfrequent\b|\bvarious\b|\bnumerous\b|\brepeated\b|\bcampaign\b|\bseries of (?:attacks|operations|raids)\b|\bacross the (?:province|country|region)\b/i
const ANAPHOR =
  /^(?:however,\s*)?["“]?(?:the|this|that) (?:suicide )?(?:attack|blast|bombing|incident|explosion|assault|raid|operation|strike|airstrike|ambush|shooting)\b|^(?:it|they)\b/i
const NEW_INCIDENT =
  /\b(?:another|a separate|a second|a third|a further) (?:\w+ )?(?:attack|bombing|blast|explosion|incident|raid|operation|strike|ambush|shooting)\b|\belsewhere\b|\bseparately\b|\bin a separate\b/i
const REFERS_BACK =
  /^["“]?(?:these|this|the|those) (?:\w+ )?(?:attacks?|bombings?|blasts?|incidents?|killings?|operations?)\b/i
const GENERIC_PEOPLE = new Set(['people', 'persons', 'individuals'])
/** A disaster or an accident, not an attack: its dead are not coded (the dataset is of attacks). */
const DISASTER =
  /\b(?:landslides?|mudslides?|floods?|flooding|earthquakes?|avalanches?|storms?|lightning|heavy (?:rain|snow)(?:fall)?|(?:traffic|road|bus|car|truck) (?:accident|crash)e?s?)\b/i
const ATTACK_WORDS =
  /\b(?:attack|attacked|attackers?|bomb|bombs|bombing|bomber|blast|explosion|explosives?|gunmen|gunfire|shooting|shot|rockets?|mortars?|strike|airstrike|raid|ambush|suicide|militants?|grenade|IED)\b/i
/** Nouns that suggest combatants: never coded civilians by default (codebook, unnamed people). */
const COMBATANT_HEAD =
  /^(?:gunmen|attackers?|assailants?|rebels?|recruits?|cadets?|guerrillas?|jihadists?|snipers?|bombers?|combatants?|conscripts?|mercenaries|paramilitaries|guardsmen|troopers?|sappers?)$/
const NOT_AN_ATTACK = /\bnot an? (?:attack|act of violence)\b/i
// `The death toll rose to 15`: a later figure for the incident already reported (codebook:
// the later figure replaces the earlier one, and notes keep the earlier words).
const TOLL_UPDATE =
  /\btoll\b(?:\s+[\w’'-]+){0,4}?\s+(?:rose|has risen|had risen|climbed|has climbed|increased|has increased|jumped|grew)\b/i
const CLAIM =
  /\bclaimed (?:responsibility|the (?:\w+ )?(?:attack|bombing|blast|strike|killings?|raid|shooting|assault))\b/i
const DATELINE = /^[A-Z][A-Z .’'-]+(?:,[^-—–()]{0,40})?\s*(?:\([^)]{0,30}\))?\s*[-—–]+\s+/
const QUOTE_MARK = /["“”«»]/g

function figureKey(m: FigureMention | null): string | null {
  if (!m || (m.min === null && m.max === null)) return null
  return `${m.kind}:${m.min}:${m.max}`
}

/** The site the sentence names: `at a Shia mosque in Kunduz` -> `Shia mosque in Kunduz`. */
function findSite(sentence: string): string {
  const site =
    /\b(?:at|outside|near|inside|on(?=\s+(?:an?|the)\s))\s+(?!least\b|most\b)(?:an?\s+|the\s+)?((?:[\w’'‐-]+\s+){0,9}?[\w’'‐-]+?)(?=\s+(?:during|on|killing|killed|wounding|injuring|wounded|injured|resulting|later|earlier|when|as|after|which|who|while|that|on|in\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|\d{4}))\b|\s*[,;.:]|$)/.exec(
      sentence,
    )
  return site?.[1] ?? ''
}

/** The place's words for `location`: a name as the sentence writes it, not a dateline's capitals. */
function placeName(place: ResolvedPlace): string {
  return place.names.find((name) => name !== name.toUpperCase()) ?? place.names[0] ?? ''
}

function countryCode(country: string): string {
  return country === 'Afghanistan' ? 'AFG' : country.slice(0, 3).toUpperCase() || 'XXX'
}

function slug(words: string): string {
  return words
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

function describeFigure(m: FigureMention): string {
  if (m.kind === 'casualties') {
    const number = m.min ?? m.approximate
    return number !== null && !m.vague
      ? `"${m.text}": casualties not split into killed and injured, so the number ${number} is given here and in neither count.`
      : `"${m.text}" does not say killed or injured: the words are in both texts and all four counts are empty (not zero).`
  }
  if (m.approximate !== null) {
    return `"${m.text}" is approximate (about ${m.approximate}): no bounds coded.`
  }
  if (m.vague) return `"${m.text}" is not quantified: ${m.kind} counts empty (not zero).`
  if (m.countable && m.max === null) {
    return `"${m.text}": ${m.min} countable; the others are not quantified, so no max.`
  }
  return ''
}

// Proposes coded rows for every incident `text` reports, each tied to its words.
export function extractIncidents(text: string, options: ExtractOptions = {}): ExtractionResult {
  const sentences = splitSentences(text)
  const documentYear =
    options.documentYear === undefined ? inferDocumentYear(text) : options.documentYear
  const documentCountry = dominantCountry(text)
  const incidents: Incident[] = []
  const reported: ReportedMention[] = []
  const owners = new Map<FigureMention, { incident: Incident; row: DraftRow }>()
  let lastDateSeen: string | null = null
  // The date or place of a sentence without figures (`Two rockets hit a market in Kabul on 12
  // October 2022.`), for the figures of the next sentences of the same paragraph.
  let carried: CarriedContext | null = null
  const paragraphs = new Map<number, string>()
  for (const s of sentences) {
    paragraphs.set(s.paragraph, `${paragraphs.get(s.paragraph) ?? ''} ${s.text}`)
  }

  for (const sentence of sentences) {
    const absolute = findAbsoluteDates(sentence.text)
    const figures = findFigureMentions(sentence, text, paragraphs.get(sentence.paragraph))
    const previous = incidents.at(-1) ?? null
    if (figures.length === 0) {
      if (absolute[0]) lastDateSeen = absolute[0].iso
      const when = absolute[0] ?? findRelativeDates(sentence.text, previous?.date ?? null)[0]
      const where = resolvePlaces(findPlaces(sentence.tokens))
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

    // Across a paragraph break only from the paragraph just before, and only when that sentence
    // reports an attack (`... the day an IS-KP suicide bomber walked into the crowd.`).
    const context =
      carried?.sentence.paragraph === sentence.paragraph ||
      (carried?.sentence.paragraph === sentence.paragraph - 1 &&
        ATTACK_WORDS.test(carried.sentence.text))
        ? carried
        : null
    carried = null
    if (
      NOT_AN_ATTACK.test(sentence.text) ||
      (DISASTER.test(sentence.text) && !ATTACK_WORDS.test(sentence.text))
    ) {
      for (const m of main) m.status = 'not an attack'
      continue
    }
    const isAggregate =
      STRONG_AGGREGATE.test(sentence.text) ||
      (WEAK_AGGREGATE.test(sentence.text) &&
        !absolute.some((d) => d.iso.length >= 7) &&
        // `The strikes killed 46 people` right after the sentence that dates them.
        !(context?.date && context.date.iso.length >= 7) &&
        findRelativeDates(sentence.text, previous?.date ?? null).length === 0)
    if (isAggregate) {
      for (const m of main) m.status = 'aggregate'
      continue
    }
    const relative = findRelativeDates(sentence.text, previous?.date ?? null)
    const recent = findRecentDate(sentence.text, documentYear)
    let date: DateMention | null = absolute[0] ?? relative[0] ?? recent
    if (absolute[0]) lastDateSeen = absolute[0].iso
    let place = resolvePlaces(findPlaces(sentence.tokens))
    // Figures with no date or place of their own take those of the sentence before them in the
    // paragraph (`Hospital officials said 11 people lost their lives`).
    const fromContext = !date && !place.admin1 && !place.country ? context : null
    if (fromContext) {
      date = fromContext.date
      place = fromContext.place
    }
    const newCue = NEW_INCIDENT.test(sentence.text)
    const update = TOLL_UPDATE.test(sentence.text) && !newCue
    const anaphor = (ANAPHOR.test(sentence.text) || update) && !newCue
    const draft = buildRows(sentence, main, text, fromContext?.sentence.text ?? '', update)
    // A toll the same sentence updates (`46 dead ...; the toll had climbed to 55`) is not coded.
    const coded = draft.flatMap((r) => [r.killed?.start, r.injured?.start])
    for (const m of main) {
      if (!coded.includes(m.start)) m.status = update ? 'superseded' : 'restatement'
    }

    const continues =
      previous !== null &&
      !newCue &&
      (!date || datesAgree(date.iso, previous.date)) &&
      (!place.admin1 || !previous.admin1 || place.admin1 === previous.admin1) &&
      (anaphor ||
        (!date &&
          !place.admin1 &&
          // A quote in the next paragraph (`"We received 23 wounded," the doctor said`) goes on.
          (sentence.paragraph === previous.paragraph ||
            (sentence.paragraph === previous.paragraph + 1 && !fromContext))))
    if (continues && previous) {
      mergeInto(previous, draft, date, place, sentence, main, owners, update ? 'update' : 'same')
      continue
    }
    if (!date && !place.admin1 && !place.country) {
      for (const m of main) m.status = 'no date or place'
      continue
    }
    const restated = newCue
      ? undefined
      : incidents.find((incident) => restates(incident, draft, date, place))
    if (restated) {
      mergeInto(restated, draft, date, place, sentence, main, owners, 'restatement')
      continue
    }
    const incident = startIncident(incidents.length + 1, sentence, sentences, draft, {
      date,
      contextDate: lastDateSeen,
      context: fromContext?.sentence ?? null,
      place,
      previous: newCue ? previous : null,
      documentCountry,
    })
    incidents.push(incident)
    for (const row of draft) {
      for (const m of [row.killed, row.injured]) if (m) owners.set(m, { incident, row })
    }
  }

  const rows = finishRows(incidents, text, options.source ?? '')
  const rowIndex = new Map<DraftRow, number>()
  let n = 0
  for (const incident of incidents) for (const row of incident.rows) rowIndex.set(row, n++)
  for (const mention of reported) {
    const owner = [...owners.entries()].find(
      ([m]) => m.start === mention.start && m.end === mention.end,
    )?.[1]
    if (owner) mention.row = rowIndex.get(owner.row) ?? null
  }
  return { rows, mentions: reported, documentYear, sentenceCount: sentences.length }
}

/** The country a text mentions most (its default for places it does not name). */
function dominantCountry(text: string): string {
  let best = ''
  let bestCount = 0
  for (const country of COUNTRIES) {
    const count = text.split(country).length - 1
    if (count > bestCount) {
      best = country
      bestCount = count
    }
  }
  if (!best && /\b(?:Kabul|Taliban)\b/.test(text)) return 'Afghanistan'
  return best
}

// The rows one sentence gives: one per target group. An injured figure without a group of its
// own goes with the killed figure before it (`killing over 50 worshippers and injuring scores`).
function buildRows(
  sentence: Sentence,
  figures: readonly FigureMention[],
  text: string,
  before = '',
  update = false,
): DraftRow[] {
  const context = groupOfContext(`${before} ${sentence.text}`)
  const rows: DraftRow[] = []
  const quote = quoteSpan(sentence, figures, text)
  const newRow = (group: string | null): DraftRow => {
    const row: DraftRow = {
      group: group ?? context.group,
      groupNote: group
        ? ''
        : context.fromContext
          ? `Target group ${context.group} from the sentence's context, not from the figure's words.`
          : 'Target group not described: coded civilians.',
      killed: null,
      injured: null,
      quote,
      notes: [],
    }
    rows.push(row)
    return row
  }
  for (const figure of figures) {
    const note = describeFigure(figure)
    if (figure.kind === 'casualties') {
      const row = newRow(figure.group)
      row.killed = figure
      row.injured = figure
      if (note) row.notes.push(note)
      continue
    }
    const slot = figure.kind
    let row: DraftRow | undefined
    // `46 dead that evening; by the next morning the toll had climbed to 55`: the later figure.
    const updated = update && slot === 'killed' ? rows.find((r) => r.killed !== null) : undefined
    if (updated?.killed && rows.filter((r) => r.killed !== null).length === 1) {
      updated.notes.push(
        `The death toll was updated: "${figure.text}" replaces the earlier "${updated.killed.text}".`,
      )
      updated.killed = figure
      continue
    }
    // `... put the number of militants killed at "dozens"`: a second, competing figure for a row
    // the sentence already counted is a note, not a row of its own (codebook: differing figures).
    const counted = rows.find((r) => r.group === context.group && r[slot] !== null)
    if (!figure.group && slot === 'killed' && counted?.killed) {
      counted.notes.push(
        `The same sentence also gives "${figure.text}" for the dead; not coded, check which figure to keep.`,
      )
      continue
    }
    if (figure.group) row = rows.find((r) => r.group === figure.group && r[slot] === null)
    else if (slot === 'injured') {
      // `wounding 20 people`: generic people are civilians before the context's group.
      const preferred = GENERIC_PEOPLE.has(figure.head) ? 'civilians' : context.group
      row =
        rows.find((r) => r.injured === null && r.group === preferred) ??
        rows.find((r) => r.injured === null)
    } else row = rows.find((r) => r[slot] === null && r.group === context.group)
    row ??= newRow(figure.group)
    row[slot] = figure
    if (note) row.notes.push(note)
    if (!figure.group && COMBATANT_HEAD.test(figure.head) && row.group === 'civilians') {
      row.groupNote = `"${figure.text}" suggests combatants, not civilians, and the vocabulary has no label for them: check the target group.`
    }
    if (slot === 'injured' && !figure.group && rows.length > 1) {
      row.notes.push(
        `The injured figure "${figure.text}" is not split by group; the sentence names ${rows.map((r) => r.group).join(', ')}.`,
      )
    }
  }
  return rows
}

// The clause that carries the figures: from the sentence start, or from an opening quotation
// mark inside it, to the end of the last figure's words.
function quoteSpan(sentence: Sentence, figures: readonly FigureMention[], text: string): TextSpan {
  const first = Math.min(...figures.map((f) => f.start))
  const last = Math.max(...figures.map((f) => f.end))
  let start = sentence.start
  for (const m of sentence.text.matchAll(QUOTE_MARK)) {
    const at = sentence.start + (m.index ?? 0)
    if (at < first) start = at + 1
  }
  while (start < first && /\s/.test(text[start] ?? '')) start++
  // A wire dateline (`KUNDUZ (Wire) - `) is not part of the clause.
  const dateline = DATELINE.exec(text.slice(start, first))
  if (dateline) start += dateline[0].length
  return { start, end: last }
}

function restates(
  incident: Incident,
  draft: readonly DraftRow[],
  date: DateMention | null,
  place: ResolvedPlace,
): boolean {
  if (date && !datesAgree(date.iso, incident.date)) return false
  if (place.admin1 && incident.admin1 && place.admin1 !== incident.admin1) return false
  return draft.some((row) =>
    incident.rows.some(
      (existing) =>
        existing.group === row.group &&
        ((figureKey(row.killed) !== null && figureKey(row.killed) === figureKey(existing.killed)) ||
          (figureKey(row.injured) !== null &&
            figureKey(row.injured) === figureKey(existing.injured))),
    ),
  )
}

function mergeInto(
  incident: Incident,
  draft: readonly DraftRow[],
  date: DateMention | null,
  place: ResolvedPlace,
  sentence: Sentence,
  figures: ReportedMention[],
  owners: Map<FigureMention, { incident: Incident; row: DraftRow }>,
  how: 'same' | 'restatement' | 'update',
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
    incident.location = findSite(sentence.text) || placeName(place) || incident.location
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
          owners.set(figure, { incident, row: existing })
        }
      } else if (how === 'update' && slot === 'killed') {
        existing.notes.push(
          `The death toll was updated: "${figure.text}" replaces the earlier "${current.text}".`,
        )
        existing.killed = figure
        existing.quote = updatedQuote(existing.quote, row.quote)
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
  void sentence
}

// The quote of a row whose toll a later sentence updated: both clauses when they are close
// (the quote must carry the row's figures), else the update's clause.
function updatedQuote(first: TextSpan, update: TextSpan): TextSpan {
  const joined = {
    start: Math.min(first.start, update.start),
    end: Math.max(first.end, update.end),
  }
  return joined.end - joined.start <= 320 ? joined : update
}

interface CarriedContext {
  sentence: Sentence
  date: DateMention | null
  place: ResolvedPlace
}

interface StartContext {
  date: DateMention | null
  contextDate: string | null
  /** The sentence before, in the same paragraph, that gave the date or place. */
  context: Sentence | null
  place: ResolvedPlace
  previous: Incident | null
  documentCountry: string
}

function startIncident(
  number: number,
  sentence: Sentence,
  sentences: readonly Sentence[],
  draft: DraftRow[],
  context: StartContext,
): Incident {
  const { date, place } = context
  let iso = date?.iso ?? context.contextDate ?? ''
  let dateNote = ''
  const before = context.context?.text ?? ''
  if (context.context) {
    const where =
      context.context.paragraph === sentence.paragraph
        ? 'in the same paragraph'
        : 'the paragraph before'
    dateNote = `Date and place from the sentence before (${where}): "${before.slice(0, 120)}".`
  } else if (date?.kind === 'relative') {
    dateNote = `Date from "${sentence.text.slice(date.start, date.end)}", resolved against the previous incident.`
  } else if (date?.kind === 'recent') {
    dateNote = `The text says only "${sentence.text.slice(date.start, date.end)}": ${date.iso} is the year the text was written (the latest year it mentions), not a year it gives; the incident may be somewhat earlier.`
  } else if (!date && context.contextDate) {
    dateNote = 'Date not in the sentence: taken from the last date the text gave before it.'
  } else if (!date) {
    iso = ''
    dateNote = 'No date in the text: fill it in.'
  }
  let { perpetrator, note } = findPerpetrator(sentence, sentences, context.previous)
  const named = findActors(before).find((a) => a.asPerpetrator)
  if (context.context && named && (perpetrator === 'Unknown' || note)) {
    perpetrator = qualifyActor(named.name, before)
    note = `Perpetrator ${perpetrator} from the sentence that gives the date and place.`
  }
  return {
    number,
    date: iso,
    dateNote,
    country: place.country || context.documentCountry,
    admin1: place.admin1,
    admin2: place.admin2,
    location: findSite(sentence.text) || findSite(before) || placeName(place),
    perpetrator,
    perpetratorNote: note,
    attackType:
      attackTypeOf(sentence.text) === 'Unknown'
        ? attackTypeOf(before)
        : attackTypeOf(sentence.text),
    rows: draft,
    paragraph: sentence.paragraph,
    restated: false,
  }
}

/** Names a unit (`Special Forces`) with the force of its sentence or paragraph (`Taliban`). */
function qualifyActor(name: string, nearby: string): string {
  if (name !== 'Special Forces') return name
  return /\btaliban/i.test(nearby) ? 'Taliban (Special Forces)' : name
}

// The perpetrator as the sentence names it; else implied by context (codebook: "notes says it is
// implied"): the next sentence referring back ("These attacks demonstrated IS-KP's ..."), the
// previous incident for "Another attack", or the subject of an earlier sentence of the paragraph.
function findPerpetrator(
  sentence: Sentence,
  sentences: readonly Sentence[],
  previous: Incident | null,
): { perpetrator: string; note: string } {
  const before = sentences[sentence.index - 1]
  const nearby = `${before?.paragraph === sentence.paragraph ? before.text : ''} ${sentence.text}`
  const own = findActors(sentence.text).find((a) => a.asPerpetrator)
  if (own) {
    const unit = /\btaliban(?:[’'‘]s)?\s+special forces\b/i.test(sentence.text)
    const name = unit ? 'Taliban (Special Forces)' : qualifyActor(own.name, nearby)
    return { perpetrator: name, note: '' }
  }
  const implied = (name: string, from: string) => ({
    perpetrator: name,
    note: `Perpetrator ${name} implied by ${from}, not stated in the sentence.`,
  })
  // A claim of responsibility in the sentences that follow, before the next dated incident.
  for (let k = sentence.index + 1; k <= sentence.index + 3; k++) {
    const later = sentences[k]
    if (!later || later.paragraph > sentence.paragraph + 1) break
    if (findAbsoluteDates(later.text).length > 0 || NEW_INCIDENT.test(later.text)) break
    if (!CLAIM.test(later.text)) continue
    const actor = findActors(later.text).find((a) => a.asPerpetrator && a.name !== 'Unknown')
    if (actor) {
      return {
        perpetrator: actor.name,
        note: `Perpetrator ${actor.name} from its claim of responsibility.`,
      }
    }
  }
  const next = sentences[sentence.index + 1]
  if (next && next.paragraph === sentence.paragraph && REFERS_BACK.test(next.text)) {
    const actor = findActors(next.text).find((a) => a.name !== 'Unknown')
    if (actor) return implied(actor.name, 'the next sentence')
  }
  if (previous && previous.perpetrator !== 'Unknown') {
    return implied(previous.perpetrator, 'the previous incident ("another")')
  }
  for (let k = sentence.index - 1; k >= 0 && k >= sentence.index - 3; k--) {
    const earlier = sentences[k]
    if (!earlier || earlier.paragraph !== sentence.paragraph) break
    const actor = findActors(earlier.text).find((a) => a.asSubject || a.asPerpetrator)
    if (actor && actor.name !== 'Unknown') return implied(actor.name, 'the paragraph')
  }
  return { perpetrator: 'Unknown', note: '' }
}

function finishRows(incidents: readonly Incident[], text: string, source: string): ProposedRow[] {
  const rows: ProposedRow[] = []
  for (const incident of incidents) {
    const code = lookUpPlace(incident.admin1).find((e) => e.kind === 'province')?.code ?? 'XXX'
    const datePart = incident.date.slice(0, 7) || 'NODATE'
    const label = incident.attackType === 'Unknown' ? 'ATTACK' : slug(incident.attackType)
    const id = `${countryCode(incident.country)}-${datePart}-${code}-${label}-${incident.number}`
    for (const draft of incident.rows) {
      const record = emptyRecord()
      const killed = draft.killed
      const injured = draft.injured
      const counts = (m: FigureMention | null) =>
        m && m.kind !== 'casualties' ? { min: m.min, max: m.max } : { min: null, max: null }
      Object.assign(record, {
        incident_id: id,
        date: incident.date,
        country: incident.country,
        admin1: incident.admin1,
        admin2: incident.admin2,
        location: incident.location,
        target_group: draft.group,
        target_type: targetTypeOf(draft.group),
        attack_type: incident.attackType,
        perpetrator: incident.perpetrator,
        killed_min: counts(killed).min,
        killed_max: counts(killed).max,
        injured_min: counts(injured).min,
        injured_max: counts(injured).max,
        killed_text: killed?.text ?? '',
        injured_text: injured?.text ?? '',
        source,
        source_quote: text.slice(draft.quote.start, draft.quote.end),
        notes: [
          ...new Set([
            ...draft.notes,
            incident.dateNote,
            incident.perpetratorNote,
            draft.groupNote,
          ]),
        ]
          .filter(Boolean)
          .join(' '),
      })
      rows.push({
        record,
        confidence: confidenceOf(incident, draft),
        killed: killed ? { start: killed.start, end: killed.end } : null,
        injured: injured ? { start: injured.start, end: injured.end } : null,
        quote: draft.quote,
        incident: incident.number,
      })
    }
  }
  return rows
}

function confidenceOf(incident: Incident, row: DraftRow): number {
  let score = 0.9
  if (!incident.date) score -= 0.4
  else if (incident.dateNote) score -= incident.dateNote.includes('year the text') ? 0.2 : 0.1
  if (!incident.admin1) score -= 0.1
  if (incident.perpetrator === 'Unknown') score -= 0.1
  else if (incident.perpetratorNote) score -= 0.05
  if (row.groupNote) score -= row.groupNote.includes('not described') ? 0.15 : 0.05
  const figures = [row.killed, row.injured].filter((m): m is FigureMention => m !== null)
  if (figures.every((m) => m.vague || m.approximate !== null || m.kind === 'casualties'))
    score -= 0.1
  if (incident.restated) score += 0.05
  return Math.round(Math.min(0.99, Math.max(0.05, score)) * 100) / 100
}
