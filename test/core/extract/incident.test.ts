import { describe, expect, it } from 'vitest'
import { extractIncidents } from '../../../src/core/extract'
import { findAbsoluteDates, findRelativeDates } from '../../../src/core/extract/dates'
import {
  mergeIntoIncident,
  openIncident,
  restatesIncident,
  type FigureOwners,
  type Incident,
  type MergeKind,
  type OpeningContext,
} from '../../../src/core/extract/incident'
import type { ReportedMention } from '../../../src/core/extract/mentions'
import { findPlaces, resolvePlaces } from '../../../src/core/extract/places'
import { buildRows } from '../../../src/core/extract/rows'
import { readReport, readSentence } from './reports'

// A sentence of a report as the incident finder hands it on: its date (absolute, else relative to
// `previousDate`), its place, its figures as mentions, and the rows they give.
function readFacts(text: string, index: number, previousDate: string | null = null) {
  const { sentence, sentences, figures } = readSentence(text, index)
  const date =
    findAbsoluteDates(sentence.text)[0] ?? findRelativeDates(sentence.text, previousDate)[0] ?? null
  const place = resolvePlaces(findPlaces(sentence.tokens))
  const mentions = figures.map((m): ReportedMention => ({ ...m, status: 'proposed', row: null }))
  return {
    text,
    sentence,
    sentences,
    date,
    place,
    mentions,
    draft: buildRows(sentence, mentions, text),
  }
}

function open(text: string, index: number, context: Partial<OpeningContext> = {}): Incident {
  const { sentence, sentences, date, place, draft } = readFacts(text, index)
  return openIncident(1, sentence, sentences, draft, {
    date,
    contextDate: null,
    context: null,
    place,
    previous: null,
    documentCountry: 'Afghanistan',
    ...context,
  })
}

// Opens the incident of one sentence of a text and merges a later sentence into it.
function merge(text: string, first: number, later: number, how: MergeKind) {
  const incident = open(text, first)
  const facts = readFacts(text, later, incident.date)
  const owners: FigureOwners = new Map()
  const { draft, date, place, sentence, mentions } = facts
  mergeIntoIncident(incident, draft, date, place, sentence, mentions, owners, how)
  const rows = incident.rows.map(
    (r) => `${r.group}|${r.killed?.text ?? ''}|${r.injured?.text ?? ''}`,
  )
  const quotes = incident.rows.map((r) => facts.text.slice(r.quote.start, r.quote.end))
  return { incident, rows, quotes, owners, mentions }
}

describe('an incident opened from its first sentence', () => {
  // Each row is [report, sentence index, what the sentence does not say, the incident as
  // date|location|perpetrator|attack type, its date and perpetrator notes].
  it.each([
    [
      '01-herat-mosque-and-minibus',
      0,
      {},
      '2023-03-14|Herat|IS-KP|suicide bombing',
      ['', 'Perpetrator IS-KP from its claim of responsibility.'],
    ],
    [
      '04-kandahar-raid-and-police',
      0,
      {},
      '2023-07|Spin Boldak|Taliban (Special Forces)|Unknown',
      ['', ''],
    ],
    [
      '17-helmand-police-headquarters',
      0,
      {},
      '2023-08-09|police headquarters in Helmand province|Unknown|car bombing',
      ['', ''],
    ],
    [
      '25-daily-brief',
      2,
      {},
      '|Mahmud-i-Raqi|Unknown|Unknown',
      ['No date in the text: fill it in.', ''],
    ],
    [
      '25-daily-brief',
      2,
      { contextDate: '2023-05-10' },
      '2023-05-10|Mahmud-i-Raqi|Unknown|Unknown',
      ['Date not in the sentence: taken from the last date the text gave before it.', ''],
    ],
  ])('%s, sentence %i %o', (name, index, context, expected, notes) => {
    const incident = open(readReport(name), index, context)
    const { date, location, perpetrator, attackType } = incident
    expect([date, location, perpetrator, attackType].join('|')).toBe(expected)
    expect([incident.dateNote, incident.perpetratorNote]).toEqual(notes)
    expect(incident).toMatchObject({ number: 1, country: 'Afghanistan', restated: false })
  })

  it('notes a date resolved against the previous incident; unnamed gunmen are not its perpetrator', () => {
    const text = readReport('01-herat-mosque-and-minibus')
    const previous = open(text, 0)
    const { sentence, sentences, place, draft } = readFacts(text, 4)
    const date = findRelativeDates(sentence.text, previous.date)[0] ?? null
    const incident = openIncident(2, sentence, sentences, draft, {
      date,
      contextDate: previous.date,
      context: null,
      place,
      previous,
      documentCountry: 'Afghanistan',
    })
    expect(incident).toMatchObject({
      number: 2,
      date: '2023-03',
      admin1: 'Balkh',
      admin2: 'Mazar-i-Sharif',
      dateNote: 'Date from "Later that month", resolved against the previous incident.',
      perpetrator: 'Unknown',
      perpetratorNote: '',
    })
  })
})

describe('a later sentence restates an incident', () => {
  // Each row is [what the later sentence gives, report, the incident's sentence, the later
  // sentence, a date or place put in place of the later sentence's own, whether it restates].
  it.each([
    ['the same figures of the same group', '08-ghazni-university-pilgrims', 0, 2, null, true],
    [
      'the same figure for another group (worshippers not said to be Shia): a restatement too',
      '01-herat-mosque-and-minibus',
      0,
      3,
      null,
      true,
    ],
    ['the figures of another incident', '01-herat-mosque-and-minibus', 0, 4, null, false],
    ['the same figures in another year', '08-ghazni-university-pilgrims', 0, 2, 'year', false],
    [
      'the same figures in another province',
      '08-ghazni-university-pilgrims',
      0,
      2,
      'province',
      false,
    ],
  ])('%s (%s, sentences %i and %i)', (_given, name, first, later, other, expected) => {
    const text = readReport(name)
    const incident = open(text, first)
    const { draft, date, place } = readFacts(text, later)
    const otherDate = { iso: '2019', kind: 'absolute' as const, start: 0, end: 4 }
    const otherPlace = { ...place, admin1: 'Kabul' }
    expect(
      restatesIncident(
        incident,
        draft,
        other === 'year' ? otherDate : date,
        other === 'province' ? otherPlace : place,
      ),
    ).toBe(expected)
  })
})

describe('a later sentence merged into an incident', () => {
  it('adds the figures of a sentence that goes on with it to its rows', () => {
    const { rows, owners, incident } = merge(readReport('09-bagram-convoy-2019'), 0, 1, 'same')
    expect(rows).toEqual([
      'us service members|thirteen US service members|',
      'civilians|twenty-one Afghan civilians|over 60 people',
    ])
    expect([...owners].map(([m, owner]) => [m.text, owner.row.group])).toEqual([
      ['over 60 people', 'civilians'],
    ])
    expect(incident.restated).toBe(false)
  })

  it('marks a restatement, keeps its rows and owns the figure by the row it restates', () => {
    const { rows, owners, mentions, incident } = merge(
      readReport('08-ghazni-university-pilgrims'),
      0,
      2,
      'restatement',
    )
    expect(rows).toEqual(['students|17 students and a teacher|approximately 40 people'])
    expect(mentions.map((m) => [m.text, m.status])).toEqual([
      ['17 students and a teacher', 'restatement'],
    ])
    expect([...owners.values()].map((owner) => owner.row)).toEqual([incident.rows[0]])
    expect(incident.restated).toBe(true)
  })

  it('takes a more precise date, and the words and quote of the sentence that gives it', () => {
    const { incident, rows, quotes } = merge(
      readReport('05-paktika-strike-khost-checkpoint'),
      0,
      1,
      'same',
    )
    expect(incident.date).toBe('2022-05-17')
    expect(incident.dateNote).toBe('')
    expect(rows).toEqual(['is-kp members|the commander|'])
    expect(quotes).toEqual([
      'The strike, carried out in Barmal district on 17 May 2022, killed the commander',
    ])
  })

  it('replaces the toll a later sentence updates, and quotes both clauses', () => {
    const text =
      'A bomb killed 12 people in Kabul on 3 June 2022. The death toll rose to 15 on Sunday.'
    const { incident, rows, quotes, owners } = merge(text, 0, 1, 'update')
    expect(rows).toEqual(['civilians|15|'])
    expect(incident.rows[0]?.notes).toEqual([
      'The death toll was updated: "15" replaces the earlier "12 people".',
    ])
    expect(quotes).toEqual([
      'A bomb killed 12 people in Kabul on 3 June 2022. The death toll rose to 15',
    ])
    expect([...owners.keys()].map((m) => m.text)).toEqual(['15'])
  })

  it('keeps the earlier toll in notes when a later one replaces it', () => {
    const text =
      'A bomb killed 12 people in Kabul on 3 June 2022. The death toll rose to 15 on Sunday.'
    const [row] = extractIncidents(text).rows
    expect(row?.record.notes).toContain('"15" replaces the earlier "12 people"')
    expect(row?.record.source_quote).toContain('12 people')
    expect(row?.record.source_quote).toContain('15')
  })
})
