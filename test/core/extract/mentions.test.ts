import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { loadCsv } from '../../../src/core/load/loader'
import { findFigureMentions } from '../../../src/core/extract/mentions'
import { splitSentences } from '../../../src/core/extract/text'

function figures(text: string) {
  return splitSentences(text).flatMap((sentence) =>
    findFigureMentions(sentence, text).map((m) => ({
      kind: m.kind,
      text: m.text,
      min: m.min,
      max: m.max,
      group: m.group,
      subset: m.subset,
    })),
  )
}

describe('casualty figures in a sentence', () => {
  it.each([
    ['killing over 50 worshippers at a Shia mosque', 'killed', 'over 50 worshippers', 51, null],
    ['The blast killed at least six and wounded many others.', 'killed', 'at least six', 6, null],
    ['It resulted in at least 47 deaths.', 'killed', 'at least 47 deaths', 47, null],
    ['resulting in the deaths of 170 Afghans', 'killed', '170 Afghans', 170, 170],
    ['Twenty-one people were killed.', 'killed', 'Twenty-one people', 21, 21],
    ['Five civilians, among them two women, died.', 'killed', 'Five civilians', 5, 5],
    [
      'killing their chief and some of his associates',
      'killed',
      'their chief and some of his associates',
      1,
      null,
    ],
    ['killing 17 students and a teacher', 'killed', '17 students and a teacher', 18, 18],
    [
      'A Taliban commander and two of his bodyguards were shot dead.',
      'killed',
      'A Taliban commander and two of his bodyguards',
      3,
      3,
    ],
    ['causing multiple casualties', 'casualties', 'multiple casualties', null, null],
    ['causing 20 casualties', 'casualties', '20 casualties', 20, 20],
    ['Some 20 others were wounded.', 'injured', 'Some 20 others', null, null],
    ['and less than 10 were injured', 'injured', 'less than 10', null, 9],
    ['left 10 or more fighters dead', 'killed', '10 or more fighters', 10, null],
    ['killing between four and six of them', 'killed', 'between four and six of them', 4, 6],
    ['wounding 11 passers-by', 'injured', '11 passers-by', 11, 11],
  ])('%s', (sentence, kind, text, min, max) => {
    expect(figures(sentence)[0]).toMatchObject({ kind, text, min, max })
  })

  it.each([
    'The attack killed them in a single incident in 2021.',
    'One of the deadliest attacks was carried out in 2014.',
    'About 30 of the injured were children.',
    'Residents said less than a hundred people had gathered for the exam.',
    'killing thirteen people, according to a hospital official',
    'Some IS-KP fighters managed to escape.',
    'He was one of five prisoners exchanged in 2014.',
  ])('finds no other figure in: %s', (sentence) => {
    const found = figures(sentence).filter((f) => !f.text.match(/thirteen people/))
    expect(found).toEqual([])
  })

  it('marks a part of a figure as a subset, not a figure of its own', () => {
    const found = figures('The blast killed nine people, including two children, and wounded 20.')
    expect(found.map((f) => [f.text, f.subset])).toEqual([
      ['nine people', false],
      ['two children', true],
      ['20', false],
    ])
  })

  it('names the group of each figure of a multi-group sentence', () => {
    const found = figures(
      'killing 12 civilians and three Taliban guards and wounding 13 US Marines',
    )
    expect(found.map((f) => [f.text, f.kind, f.group])).toEqual([
      ['12 civilians', 'killed', 'civilians'],
      ['three Taliban guards', 'killed', 'taliban security forces'],
      ['13 US Marines', 'injured', 'us service members'],
    ])
  })
})

// Wire phrasings beyond the vocabulary, from reports held out while the rules were written: each
// row is [sentence, the figures as kind:text:min:max].
describe('unseen wire phrasings', () => {
  it.each([
    [
      'Gunmen killed five polio vaccinators and wounded a sixth.',
      ['killed:five polio vaccinators:5:5', 'injured:a sixth:1:1'],
    ],
    ['Militants shot dead two deminers on Monday.', ['killed:two deminers:2:2']],
    ['Three tribal elders were killed in the blast.', ['killed:Three tribal elders:3:3']],
    ['The raid killed four tribesmen.', ['killed:four tribesmen:4:4']],
    ['leaving 9 dead and 17 wounded', ['killed:9 dead:9:9', 'injured:17 wounded:17:17']],
    ['leaving 3 dead and 8 injured', ['killed:3 dead:3:3', 'injured:8 injured:8:8']],
    [
      'Officials said 11 people lost their lives and nearly 40 were hurt.',
      ['killed:11 people:11:11', 'injured:nearly 40:null:39'],
    ],
    [
      'The blast killed four people and wounded another three.',
      ['killed:four people:4:4', 'injured:another three:3:3'],
    ],
    [
      'killing a guard and wounding a second person',
      ['killed:a guard:1:1', 'injured:a second person:1:1'],
    ],
    [
      'Seven passengers died and two more succumbed to their injuries.',
      ['killed:Seven passengers died and two more:9:9'],
    ],
    ['Two mujahideen were martyred.', ['killed:Two mujahideen:2:2']],
    ['The gunmen executed nine of them.', ['killed:nine of them:9:9']],
    ['Two others escaped with gunshot injuries.', ['injured:Two others:2:2']],
    ['Three guards sustained burns.', ['injured:Three guards:3:3']],
    [
      'Six pupils were dead and eleven were in hospital.',
      ['killed:Six pupils:6:6', 'injured:eleven:11:11'],
    ],
    ['Four people were hospitalised.', ['injured:Four people:4:4']],
    ['Two Taliban border guards were wounded.', ['injured:Two Taliban border guards:2:2']],
    ['Fourteen others were treated for shrapnel wounds.', ['injured:Fourteen others:14:14']],
    ['By morning the toll had climbed to 55.', ['killed:55:55:55']],
    ['the killing of a tribal elder in Khost', ['killed:a tribal elder:1:1']],
    [
      'Two guards were killed and a passer-by was wounded.',
      ['killed:Two guards:2:2', 'injured:a passer-by:1:1'],
    ],
  ])('%s', (sentence, expected) => {
    const found = figures(sentence).map((f) => `${f.kind}:${f.text}:${f.min}:${f.max}`)
    expect(found).toEqual(expected)
  })

  it.each([
    'The attack killed five hours after the convoy left.',
    'Rockets killed 3 cows and 2 goats in the village.',
    'The bomb killed a second time in the same market.',
    'The blast wounded a third of the crowd.',
    'The gunmen fled five minutes later.',
    'The blast killed a quarter of the herd.',
  ])('reads no people figure in: %s', (sentence) => {
    expect(figures(sentence)).toEqual([])
  })
})

describe('nouns the vocabulary does not list (properties)', () => {
  const agent = fc
    .tuple(fc.stringMatching(/^[a-z]{3,8}$/), fc.constantFrom('ers', 'ors', 'ists', 'ians'))
    .map(([stem, suffix]) => stem + suffix)

  it('a plural agent noun after `killed` is read as people, with the exact number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 999 }), agent, (n, noun) => {
        expect(figures(`Gunmen killed ${n} ${noun} in the village.`)).toEqual([
          expect.objectContaining({ kind: 'killed', text: `${n} ${noun}`, min: n, max: n }),
        ])
      }),
    )
  })

  it('a plural noun for time, distance or things after `killed` is never a figure', () => {
    const things = fc.constantFrom('hours', 'minutes', 'kilometres', 'vehicles', 'homes', 'cows')
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 999 }), things, (n, noun) => {
        expect(figures(`The attack killed ${n} ${noun} in the village.`)).toEqual([])
      }),
    )
  })
})

// The shipped dataset's own clauses: each one's figures must be read as data/attacks.csv codes them.
describe('the source_quote clauses of data/attacks.csv', () => {
  const records = loadCsv(readFileSync('data/attacks.csv')).store?.records() ?? []
  it('are all there', () => expect(records).toHaveLength(7))

  it.each(records.map((r) => [r.incident_id, r.target_group, r] as const))(
    '%s (%s)',
    (_id, _group, record) => {
      const found = figures(record.source_quote)
      const killed = found.find((f) => f.text === record.killed_text && f.kind !== 'injured')
      const injured = found.find((f) => f.text === record.injured_text && f.kind !== 'killed')
      if (record.killed_text) {
        expect(killed).toBeDefined()
        if (killed?.kind === 'killed') {
          expect([killed.min, killed.max]).toEqual([record.killed_min, record.killed_max])
        }
      }
      if (record.injured_text) {
        expect(injured).toBeDefined()
        if (injured?.kind === 'injured') {
          expect([injured.min, injured.max]).toEqual([record.injured_min, record.injured_max])
        }
      }
    },
  )
})
