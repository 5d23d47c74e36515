import { describe, expect, it } from 'vitest'
import { emptyRecord, type CasualtyRecord } from '../../../src/core/schema'
import { evaluateExtraction, hasNumber, rates } from '../../../src/core/extract/evaluate'

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
