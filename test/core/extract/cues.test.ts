import { describe, expect, it } from 'vitest'
import { hasCue, reportsNoAttack, type Cue } from '../../../src/core/extract/cues'
import { readReport, readSentence } from './reports'

const sentenceOf = (name: string, index: number) =>
  readSentence(readReport(name), index).sentence.text

describe('cues of a sentence', () => {
  // Each row is [report, sentence index, cue, whether the sentence carries it].
  it.each([
    ['01-herat-mosque-and-minibus', 6, 'totalOverTime', true],
    ['12-nangarhar-mine-and-minibus', 3, 'totalOverTime', true],
    ['01-herat-mosque-and-minibus', 0, 'totalOverTime', false],
    ['08-ghazni-university-pilgrims', 3, 'totalOverAttacks', true],
    ['08-ghazni-university-pilgrims', 0, 'totalOverAttacks', false],
    ['09-bagram-convoy-2019', 1, 'previousIncident', true],
    ['05-paktika-strike-khost-checkpoint', 1, 'previousIncident', true],
    ['01-herat-mosque-and-minibus', 4, 'previousIncident', false],
    ['05-paktika-strike-khost-checkpoint', 2, 'newIncident', true],
    ['16-takhar-badakhshan', 1, 'newIncident', true],
    ['27-herat-mixed', 2, 'newIncident', true],
    ['01-herat-mosque-and-minibus', 4, 'newIncident', false],
    ['09-bagram-convoy-2019', 1, 'refersBack', true],
    ['09-bagram-convoy-2019', 2, 'refersBack', false],
    ['17-helmand-police-headquarters', 0, 'attack', true],
    ['21-kunduz-mosque-feature', 0, 'attack', false],
    ['18-badakhshan-vaccinators', 1, 'disaster', true],
    ['18-badakhshan-vaccinators', 0, 'disaster', false],
    ['21-kunduz-mosque-feature', 3, 'tollUpdate', true],
    ['21-kunduz-mosque-feature', 4, 'tollUpdate', false],
    ['01-herat-mosque-and-minibus', 2, 'claim', true],
    ['09-bagram-convoy-2019', 2, 'claim', true],
    // A governor's blame is not a claim.
    ['17-helmand-police-headquarters', 1, 'claim', false],
  ] satisfies [string, number, Cue, boolean][])(
    '%s, sentence %i: %s -> %s',
    (name, index, cue, expected) => {
      expect(hasCue(sentenceOf(name, index), cue)).toBe(expected)
    },
  )
})

describe('a sentence that reports no attack', () => {
  it.each([
    // A landslide.
    [sentenceOf('18-badakhshan-vaccinators', 1), true],
    ['On 3 March 2024, 4 people died in Kabul in a fire, though that was not an attack.', true],
    // A disaster with an attack in it is still an attack.
    ['A bomb went off in a market in Kabul during the floods, killing four people.', false],
    [sentenceOf('18-badakhshan-vaccinators', 0), false],
    [sentenceOf('17-helmand-police-headquarters', 0), false],
  ])('%s -> %s', (sentence, expected) => {
    expect(reportsNoAttack(sentence)).toBe(expected)
  })
})
