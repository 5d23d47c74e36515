import { describe, expect, it } from 'vitest'
import { inferDocumentYear } from '../../../src/core/extract/dates'
import { findIncidents } from '../../../src/core/extract/incidents'
import { buildIncidentId, proposeRows, scoreConfidence } from '../../../src/core/extract/records'
import { splitSentences } from '../../../src/core/extract/text'
import { readReport } from './reports'

function incidentsOf(name: string) {
  const text = readReport(name)
  return { text, ...findIncidents(text, splitSentences(text), inferDocumentYear(text)) }
}

describe('proposed rows of the incidents', () => {
  // Each row is [report, row index, the record's columns the row is about].
  it.each([
    [
      '01-herat-mosque-and-minibus',
      0,
      {
        incident_id: 'AFG-2023-03-HER-SUICIDE-BOMBING-1',
        date: '2023-03-14',
        country: 'Afghanistan',
        admin1: 'Herat',
        target_group: 'shia worshippers',
        target_type: 'Religious Figures/Institutions',
        perpetrator: 'IS-KP',
        killed_min: 21,
        killed_max: null,
        injured_min: 41,
        injured_max: null,
        killed_text: 'at least 21 worshippers',
        injured_text: 'more than 40 others',
        source: 'report-01',
        notes: 'Perpetrator IS-KP from its claim of responsibility.',
      },
    ],
    [
      // `casualties`: the words in both texts, no count in either.
      '06-jalalabad-school-surkh-rod',
      0,
      {
        target_group: 'students',
        killed_min: null,
        killed_max: null,
        injured_min: null,
        injured_max: null,
        killed_text: '20 casualties',
        injured_text: '20 casualties',
      },
    ],
    [
      // A vague figure: empty counts, never 0.
      '06-jalalabad-school-surkh-rod',
      1,
      {
        incident_id: 'AFG-2023-09-NAN-ARMED-ASSAULT-1',
        target_group: 'taliban security forces',
        killed_min: null,
        injured_min: null,
        injured_max: null,
        killed_text: '',
        injured_text: 'A number of Taliban guards',
      },
    ],
    [
      // Approximate figures: no bounds, a note for each.
      '05-paktika-strike-khost-checkpoint',
      1,
      {
        killed_min: null,
        killed_max: null,
        injured_min: null,
        injured_max: null,
        notes:
          '"roughly 15 Taliban soldiers" is approximate (about 15): no bounds coded. "some 30 wounded" is approximate (about 30): no bounds coded. Date from "the following month", resolved against the previous incident.',
      },
    ],
    [
      '02-kabul-checkpoint-and-achin',
      1,
      {
        incident_id: 'AFG-2022-10-KAB-CAR-BOMBING-1',
        target_group: 'taliban security forces',
        target_type: 'Military',
        killed_min: 3,
        killed_max: 3,
      },
    ],
  ])('%s, row %i', (name, index, columns) => {
    const { text, incidents } = incidentsOf(name)
    const row = proposeRows(incidents, text, `report-${name.slice(0, 2)}`)[index]
    expect(row?.record).toMatchObject(columns)
  })

  it('gives the offsets of each row’s words and numbers the rows by incident', () => {
    const { text, incidents } = incidentsOf('02-kabul-checkpoint-and-achin')
    const rows = proposeRows(incidents, text, '')
    expect(rows.map((r) => r.incident)).toEqual([1, 1, 2])
    for (const row of rows) {
      const { record, killed, injured, quote } = row
      expect(killed && text.slice(killed.start, killed.end)).toBe(record.killed_text || null)
      expect(injured && text.slice(injured.start, injured.end)).toBe(record.injured_text || null)
      expect(text.slice(quote.start, quote.end)).toBe(record.source_quote)
    }
  })
})

describe('the incident id', () => {
  // Each row is [report, the ids of its incidents].
  it.each([
    [
      '01-herat-mosque-and-minibus',
      ['AFG-2023-03-HER-SUICIDE-BOMBING-1', 'AFG-2023-03-BAL-ARMED-ASSAULT-2'],
    ],
    [
      '07-bamyan-bazaar-nili-convoy',
      ['AFG-2024-04-BAM-BOMBING-1', 'AFG-2024-04-DAY-MORTAR-ATTACK-2', 'AFG-2024-BAM-ATTACK-3'],
    ],
    ['25-daily-brief', ['AFG-2023-05-PAR-ATTACK-1', 'AFG-2023-05-KAP-ATTACK-2']],
  ])('%s', (name, ids) => {
    expect(incidentsOf(name).incidents.map(buildIncidentId)).toEqual(ids)
  })

  it('says NODATE, XXX and the country’s first letters for what the incident lacks', () => {
    const [incident] = incidentsOf('25-daily-brief').incidents
    if (!incident) throw new Error('no incident')
    expect(buildIncidentId({ ...incident, date: '', admin1: '', country: 'Pakistan' })).toBe(
      'PAK-NODATE-XXX-ATTACK-1',
    )
    expect(buildIncidentId({ ...incident, country: '' })).toBe('XXX-2023-05-PAR-ATTACK-1')
  })
})

describe('how sure the assistant is of a row', () => {
  // Each row is [report, the confidence of each row, in order].
  it.each([
    // Perpetrator from a claim in a later sentence: 0.05 less.
    ['01-herat-mosque-and-minibus', [0.85, 0.7]],
    // Restated by a later sentence: 0.05 more.
    ['08-ghazni-university-pilgrims', [0.85, 0.8]],
    ['04-kandahar-raid-and-police', [0.9, 0.9, 0.65, 0.6]],
    // Date taken from the last date the text gave.
    ['25-daily-brief', [0.8, 0.55]],
    // Date and place from the sentence before.
    ['19-kabul-market-rockets', [0.6]],
  ])('%s', (name, expected) => {
    const { incidents } = incidentsOf(name)
    const scores = incidents.flatMap((incident) =>
      incident.rows.map((row) => scoreConfidence(incident, row)),
    )
    expect(scores).toEqual(expected)
  })

  it('drops for each column missing or from context, and rises for a restated incident', () => {
    const [incident] = incidentsOf('25-daily-brief').incidents
    const row = incident?.rows[0]
    if (!incident || !row) throw new Error('no incident')
    const bare = { ...incident, date: '', admin1: '', perpetrator: 'Unknown' }
    const vague = { ...row, groupNote: 'Target group not described: coded civilians.' }
    expect(scoreConfidence(bare, vague)).toBe(0.15)
    expect(scoreConfidence({ ...incident, restated: true }, row)).toBe(0.85)
  })
})
