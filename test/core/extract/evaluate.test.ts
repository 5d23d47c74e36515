import { describe, expect, it } from 'vitest'
import { emptyRecord, type CasualtyRecord } from '../../../src/core/schema'
import {
  evaluateExtraction,
  hasNumber,
  incidentMatches,
  incidentRates,
  rates,
  scoreIncidents,
} from '../../../src/core/extract/evaluate'

function row(fields: Partial<CasualtyRecord>): CasualtyRecord {
  return {
    ...emptyRecord(),
    date: '2021-10',
    admin1: 'Kunduz',
    target_group: 'civilians',
    ...fields,
  }
}

describe('evaluation', () => {
  it.each([
    ['170 Afghans', true],
    ['at least six', true],
    ['a dozen', true],
    ['about 30', true],
    ['scores', false],
    ['many others', false],
    ['', false],
  ])('%j carries a number: %s', (words, expected) => {
    expect(hasNumber(words)).toBe(expected)
  })

  it('scores a perfect proposal as 1 everywhere', () => {
    const gold = [row({ incident_id: 'A', killed_min: 51, killed_text: 'over 50' })]
    const tally = evaluateExtraction(gold, [
      row({ incident_id: 'X', killed_min: 51, killed_text: 'over 50' }),
    ])
    expect(rates(tally.incidents)).toEqual({ precision: 1, recall: 1 })
    expect(rates(tally.fields.killed_min)).toEqual({ precision: 1, recall: 1 })
    expect(tally.numberedFigures).toEqual({ total: 1, right: 1 })
    expect(tally.proposedIncidents).toEqual({ total: 1, notInGold: 0 })
  })

  it('counts a wrong bound, a missed incident and an invented one', () => {
    const gold = [
      row({ incident_id: 'A', killed_min: 51, killed_text: 'over 50' }),
      row({
        incident_id: 'B',
        date: '2022-04',
        admin1: 'Kabul',
        killed_min: 6,
        killed_text: 'at least six',
      }),
    ]
    const proposed = [
      row({ incident_id: 'X', killed_min: 50, killed_max: 50, killed_text: 'over 50' }),
      row({ incident_id: 'Y', date: '2019', admin1: 'Herat', killed_min: 3, killed_max: 3 }),
    ]
    const tally = evaluateExtraction(gold, proposed)
    expect(tally.incidents).toEqual({ correct: 1, proposed: 2, gold: 2 })
    expect(tally.fields.killed_min.correct).toBe(0)
    expect(tally.numberedFigures).toEqual({ total: 2, right: 0 })
    expect(tally.proposedIncidents).toEqual({ total: 2, notInGold: 1 })
    expect(tally.misses).toHaveLength(2)
  })
})

describe('incidents matched on place, date prefix and the figures’ bounds', () => {
  const gold = row({
    incident_id: 'G1',
    date: '2013-01',
    country: 'Pakistan',
    admin1: 'Balochistan',
    killed_min: 81,
    killed_max: 81,
    killed_text: '81 people',
  })
  const proposal = (fields: Partial<CasualtyRecord>) =>
    row({ ...gold, incident_id: 'P1', ...fields })
  it.each([
    ['the same', {}, true],
    ['a finer date that agrees', { date: '2013-01-10' }, true],
    ['a coarser date', { date: '2013' }, false],
    ['another month', { date: '2013-02-10' }, false],
    ['the place spelled with other marks', { admin1: 'Baluchistan' }, false],
    ['the place with accents or case changed', { admin1: 'BALOCHISTAN' }, true],
    ['other bounds', { killed_min: 81, killed_max: null }, false],
  ])('%s -> %s', (_what, fields, expected) => {
    expect(incidentMatches([gold], [proposal(fields)])).toBe(expected)
  })

  it('takes the country when the gold row names no admin-1, and any date when it gives none', () => {
    const undated = row({ ...gold, date: '', admin1: '', country: 'Mali' })
    expect(incidentMatches([undated], [proposal({ admin1: '', country: 'Mali' })])).toBe(true)
    expect(incidentMatches([undated], [proposal({ admin1: '', country: 'Niger' })])).toBe(false)
  })

  it('counts recall over gold incidents and precision over proposed ones, each used once', () => {
    const { score, missed, extra } = scoreIncidents(
      [gold, row({ ...gold, incident_id: 'G2', killed_min: 11, killed_max: 11 })],
      [
        proposal({}),
        proposal({ incident_id: 'P2' }),
        proposal({ incident_id: 'P3', killed_min: 5 }),
      ],
    )
    expect(score).toEqual({ gold: 2, found: 1, proposed: 3, right: 1 })
    expect(missed).toHaveLength(1)
    expect(extra).toHaveLength(2)
    expect(incidentRates(score)).toEqual({ recall: 0.5, precision: 1 / 3 })
  })
})
