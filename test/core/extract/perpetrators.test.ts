import { describe, expect, it } from 'vitest'
import { extractIncidents } from '../../../src/core/extract'
import { findPerpetrator, qualifyActor } from '../../../src/core/extract/perpetrators'
import { readReport, readSentence } from './reports'

describe('the perpetrator of an incident', () => {
  // Each row is [report, sentence index, the previous incident's perpetrator, the perpetrator,
  // the note that says where it came from].
  it.each([
    [
      '01-herat-mosque-and-minibus',
      0,
      null,
      'IS-KP',
      'Perpetrator IS-KP from its claim of responsibility.',
    ],
    ['04-kandahar-raid-and-police', 0, null, 'Taliban (Special Forces)', ''],
    [
      '04-kandahar-raid-and-police',
      1,
      null,
      'Taliban',
      'Perpetrator Taliban implied by the paragraph, not stated in the sentence.',
    ],
    ['05-paktika-strike-khost-checkpoint', 0, null, 'US forces', ''],
    [
      '09-bagram-convoy-2019',
      0,
      null,
      'Taliban',
      'Perpetrator Taliban from its claim of responsibility.',
    ],
    [
      '19-kabul-market-rockets',
      0,
      null,
      'Islamic State',
      'Perpetrator Islamic State from its claim of responsibility.',
    ],
    // A governor's blame is not a claim of responsibility.
    ['17-helmand-police-headquarters', 0, null, 'Unknown', ''],
    [
      '14-kunar-ghazni',
      2,
      'IS-KP',
      'IS-KP',
      'Perpetrator IS-KP implied by the previous incident ("another"), not stated in the sentence.',
    ],
    ['14-kunar-ghazni', 2, null, 'Unknown', ''],
    ['03-kunduz-market-madrassa', 4, 'Unknown', 'Unknown', ''],
  ])('%s, sentence %i, after %s -> %s', (name, index, previous, perpetrator, note) => {
    const { sentence, sentences } = readSentence(readReport(name), index)
    expect(findPerpetrator(sentence, sentences, previous)).toEqual({ perpetrator, note })
  })

  it.each([
    ['an IS-KP suicide bomber walked into the crowd', 'IS-KP'],
    ['Taliban gunmen opened fire on the protesters', 'Taliban'],
    ['Pakistani military aircraft struck the village', 'Pakistani military'],
    ['Iranian forces fired across the frontier', 'Iranian forces'],
  ])('reads the perpetrator from the attacker it names: %s', (text, name) => {
    const [row] = extractIncidents(`On 8 October 2021 in Kunduz, ${text}, killing 12 people.`).rows
    expect(row?.record.perpetrator).toBe(name)
  })
})

describe('a unit named with its force', () => {
  it.each([
    [
      'Special Forces',
      'Taliban special forces raided an IS-KP hideout',
      'Taliban (Special Forces)',
    ],
    ['Special Forces', 'Afghan special forces raided a compound', 'Special Forces'],
    ['IS-KP', 'IS-KP fighters attacked a Taliban checkpoint', 'IS-KP'],
  ])('%s in "%s" -> %s', (name, nearby, expected) => {
    expect(qualifyActor(name, nearby)).toBe(expected)
  })
})
