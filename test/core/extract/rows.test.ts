import { describe, expect, it } from 'vitest'
import { extractIncidents } from '../../../src/core/extract'
import { buildRows, describeFigure } from '../../../src/core/extract/rows'
import { readReport, readSentence } from './reports'

function rowsOf(name: string, index: number, before = '', update = false) {
  const text = readReport(name)
  const { sentence, figures } = readSentence(text, index)
  return buildRows(sentence, figures, text, before, update)
}

describe('the rows of one sentence', () => {
  // Each row is [report, sentence index, whether the sentence updates a toll, its rows as
  // group|killed_text|injured_text].
  it.each([
    [
      '01-herat-mosque-and-minibus',
      0,
      false,
      ['shia worshippers|at least 21 worshippers|more than 40 others'],
    ],
    [
      '02-kabul-checkpoint-and-achin',
      0,
      false,
      [
        'civilians|12 civilians|between 20 and 25 people',
        'taliban security forces|three Taliban guards|',
      ],
    ],
    [
      '04-kandahar-raid-and-police',
      2,
      false,
      ['taliban security forces|no fewer than 9 officers|', 'civilians||a couple of bystanders'],
    ],
    ['06-jalalabad-school-surkh-rod', 0, false, ['students|20 casualties|20 casualties']],
    [
      '22-interior-ministry-bulletin',
      2,
      false,
      ['taliban security forces|two mujahideen|', 'civilians||a passer-by'],
    ],
    ['21-kunduz-mosque-feature', 3, false, ['civilians|46 dead|']],
    ['21-kunduz-mosque-feature', 3, true, ['civilians|55|']],
    ['26-airstrike-paktia', 1, false, ['civilians|46 people|']],
  ])('%s, sentence %i, toll update %s', (name, index, update, expected) => {
    const rows = rowsOf(name, index, '', update)
    expect(rows.map((r) => `${r.group}|${r.killed?.text ?? ''}|${r.injured?.text ?? ''}`)).toEqual(
      expected,
    )
  })

  // Each row is [report, sentence index, whether it updates a toll, the first row's group note
  // and notes].
  it.each([
    [
      '06-jalalabad-school-surkh-rod',
      0,
      false,
      "Target group students from the sentence's context, not from the figure's words.",
      [
        '"20 casualties": casualties not split into killed and injured, so the number 20 is given here and in neither count.',
      ],
    ],
    ['25-daily-brief', 2, false, 'Target group not described: coded civilians.', []],
    [
      '02-kabul-checkpoint-and-achin',
      0,
      false,
      '',
      [
        'The injured figure "between 20 and 25 people" is not split by group; the sentence names civilians, taliban security forces.',
      ],
    ],
    [
      '26-airstrike-paktia',
      1,
      false,
      'Target group not described: coded civilians.',
      [
        'The same sentence also gives "dozens" for the dead; not coded, check which figure to keep.',
      ],
    ],
    [
      '21-kunduz-mosque-feature',
      3,
      true,
      'Target group not described: coded civilians.',
      ['The death toll was updated: "55" replaces the earlier "46 dead".'],
    ],
  ])('%s, sentence %i: notes', (name, index, update, groupNote, notes) => {
    const [row] = rowsOf(name, index, '', update)
    expect(row?.groupNote).toBe(groupNote)
    expect(row?.notes).toEqual(notes)
  })

  it('takes the group from the sentence before when the figures do not name it', () => {
    const before = readSentence(readReport('17-helmand-police-headquarters'), 0).sentence.text
    const [alone] = rowsOf('23-radio-transcript-kandahar', 2)
    const [after] = rowsOf('23-radio-transcript-kandahar', 2, before)
    expect([alone?.group, after?.group]).toEqual(['civilians', 'taliban security forces'])
  })

  it('quotes the clause of its figures, the same for every row of the sentence', () => {
    const text = readReport('02-kabul-checkpoint-and-achin')
    const quotes = rowsOf('02-kabul-checkpoint-and-achin', 0).map((r) =>
      text.slice(r.quote.start, r.quote.end),
    )
    expect(new Set(quotes)).toEqual(
      new Set([
        'A car bomb exploded near a Taliban checkpoint in the Dasht-e-Barchi area of Kabul on 8 October 2022, killing 12 civilians and three Taliban guards and wounding between 20 and 25 people',
      ]),
    )
  })

  it.each([
    ['Security forces killed three attackers in Kabul on 2 May 2023.', true],
    ['Gunmen killed three deminers in Kabul on 2 May 2023.', false],
  ])(
    'flags a noun that suggests combatants instead of calling them civilians: %s',
    (text, flagged) => {
      const [row] = extractIncidents(text).rows
      expect(row?.record.notes.includes('suggests combatants')).toBe(flagged)
    },
  )
})

describe('the note a figure calls for', () => {
  // Each row is [report, sentence index, the figure's words, its note].
  it.each([
    [
      '06-jalalabad-school-surkh-rod',
      0,
      '20 casualties',
      '"20 casualties": casualties not split into killed and injured, so the number 20 is given here and in neither count.',
    ],
    [
      '08-ghazni-university-pilgrims',
      0,
      'approximately 40 people',
      '"approximately 40 people" is approximate (about 40): no bounds coded.',
    ],
    [
      '10-helmand-policemen-gereshk',
      2,
      'scores',
      '"scores" is not quantified: injured counts empty (not zero).',
    ],
    [
      '01-herat-mosque-and-minibus',
      6,
      'hundreds of people',
      '"hundreds of people" is not quantified: killed counts empty (not zero).',
    ],
    ['11-kabul-ministry-baghlan-takhar', 5, 'A Taliban commander and two of his bodyguards', ''],
    ['03-kunduz-market-madrassa', 4, '3-5 Taliban fighters', ''],
  ])('%s, sentence %i: "%s"', (name, index, words, note) => {
    const figure = readSentence(readReport(name), index).figures.find((f) => f.text === words)
    expect(figure && describeFigure(figure)).toBe(note)
  })

  it.each([
    [
      'In November 2021, a series of bombings in Kabul targeted Taliban vehicles, causing multiple casualties.',
      '"multiple casualties" does not say killed or injured: the words are in both texts and all four counts are empty (not zero).',
    ],
    [
      'An airstrike in Achin killed their chief and some of his associates.',
      '"their chief and some of his associates": 1 countable; the others are not quantified, so no max.',
    ],
  ])('%s', (text, note) => {
    const [figure] = readSentence(text, 0).figures
    expect(figure && describeFigure(figure)).toBe(note)
  })
})
