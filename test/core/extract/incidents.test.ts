import { describe, expect, it } from 'vitest'
import { inferDocumentYear } from '../../../src/core/extract/dates'
import { findIncidents } from '../../../src/core/extract/incidents'
import { splitSentences } from '../../../src/core/extract/text'
import { readReport, summarizeRows as rows } from './reports'

function findIn(name: string) {
  const text = readReport(name)
  return findIncidents(text, splitSentences(text), inferDocumentYear(text))
}

// Each row is [report, its incidents as date|admin1|target groups, each figure as text:status].
describe('a report split into incidents', () => {
  it.each([
    [
      '01-herat-mosque-and-minibus',
      ['2023-03-14|Herat|shia worshippers', '2023-03|Balkh|students'],
      [
        'at least 21 worshippers:proposed',
        'more than 40 others:proposed',
        'at least 21 worshippers:aggregate',
        'six students:proposed',
        'a dozen:proposed',
        'hundreds of people:aggregate',
      ],
    ],
    [
      '03-kunduz-market-madrassa',
      [
        '2022-06-02|Kunduz|civilians',
        '2022-06-19|Kunduz|students',
        '2022-06-28|Kunduz|taliban security forces',
      ],
      [
        'thirteen people:proposed',
        'almost 50:proposed',
        'fewer than ten students:proposed',
        '3-5 Taliban fighters:proposed',
        'many:proposed',
      ],
    ],
    [
      '05-paktika-strike-khost-checkpoint',
      ['2022-05-17|Paktika|is-kp members', '2022-06|Khost|taliban security forces'],
      [
        'a senior IS-KP commander:proposed',
        'the commander:restatement',
        'roughly 15 Taliban soldiers:proposed',
        'some 30 wounded:proposed',
      ],
    ],
    [
      '18-badakhshan-vaccinators',
      ['2024-03|Badakhshan|civilians'],
      ['five polio vaccinators:proposed', 'a sixth:proposed', 'up to 15 civilians:not an attack'],
    ],
    [
      '21-kunduz-mosque-feature',
      ['2021-10-08|Kunduz|shia worshippers'],
      ['46 dead:superseded', '55:proposed', 'More than 140 people:proposed'],
    ],
    [
      '26-airstrike-paktia',
      ['2024-12-24|Paktia|civilians'],
      ['46 people:proposed', 'dozens:restatement'],
    ],
  ])('%s', (name, incidents, mentions) => {
    const found = findIn(name)
    expect(
      found.incidents.map((i) => `${i.date}|${i.admin1}|${i.rows.map((r) => r.group).join('+')}`),
    ).toEqual(incidents)
    expect(found.mentions.map((m) => `${m.text}:${m.status}`)).toEqual(mentions)
  })

  it('numbers the incidents in order and owns every coded figure by its incident and row', () => {
    const { incidents, owners } = findIn('02-kabul-checkpoint-and-achin')
    expect(incidents.map((i) => i.number)).toEqual([1, 2])
    expect(
      [...owners].map(([figure, { incident, row }]) => [figure.text, incident.number, row.group]),
    ).toEqual([
      ['12 civilians', 1, 'civilians'],
      ['between 20 and 25 people', 1, 'civilians'],
      ['three Taliban guards', 1, 'taliban security forces'],
      ['four Taliban fighters', 2, 'taliban security forces'],
      ['up to seven others', 2, 'taliban security forces'],
    ])
  })

  it('dates `recent` by the year it is given, and proposes nothing for a text without figures', () => {
    const text = 'A recent bombing in Kabul killed nine people.'
    expect(findIncidents(text, splitSentences(text), 2024).incidents[0]?.date).toBe('2024')
    const quiet = 'The governor visited Kunduz on 2 May 2023.'
    expect(findIncidents(quiet, splitSentences(quiet), null)).toEqual({
      incidents: [],
      mentions: [],
      owners: new Map(),
    })
  })
})

// Phrasings of wire and agency reports: each row is [rule, report, the rows as
// date|admin1|group|killed min-max|injured min-max|killed_text|injured_text].
describe('wire phrasings across sentences', () => {
  const line = (r: ReturnType<typeof rows>[number]) =>
    `${r.date}|${r.admin1}|${r.group}|${r.killed.join('-')}|${r.injured.join('-')}|${r.killed_text}|${r.injured_text}`
  it.each([
    [
      'the date and place of the sentence before, in the same paragraph',
      'Two rockets hit a market in Kabul on 12 October 2022. Officials said 11 people lost their lives and nearly 40 were hurt.',
      ['2022-10-12|Kabul|civilians|11-11|-39|11 people|nearly 40'],
    ],
    [
      'the police post of the sentence before gives the group',
      'A bomb went off at a police station in Kunduz on 2 May 2023. Six people were killed.',
      ['2023-05-02|Kunduz|taliban security forces|6-6|-|Six people|'],
    ],
    [
      'a later sentence with a date of its own starts its own incident',
      'A bomb hit Herat on 2 May 2023, killing two people. A mine exploded in Ghazni on 9 May 2023. Four farmers died.',
      [
        '2023-05-02|Herat|civilians|2-2|-|two people|',
        '2023-05-09|Ghazni|civilians|4-4|-|Four farmers|',
      ],
    ],
    [
      'the attack of the paragraph just before',
      'A bomb went off in Kunduz on 2 May 2023.\n\nSix people were killed.',
      ['2023-05-02|Kunduz|civilians|6-6|-|Six people|'],
    ],
    [
      'no context from a paragraph before that reports no attack',
      'The governor visited Kunduz on 2 May 2023.\n\nSix people were killed.',
      [],
    ],
    [
      'no context from two paragraphs before',
      'A bomb went off in Kunduz on 2 May 2023.\n\nResidents fled.\n\nSix people were killed.',
      [],
    ],
    [
      'a toll updated in the same sentence',
      'A bomb hit a market in Herat on 4 May 2023. Doctors counted 20 dead that night; by morning the toll had climbed to 26.',
      ['2023-05-04|Herat|civilians|26-26|-|26|'],
    ],
    [
      'more of the same figure, and treated for wounds',
      'A mine hit a bus in Ghazni on 5 May 2023. Seven passengers died and two more succumbed in hospital. Nine others were treated for wounds.',
      ['2023-05-05|Ghazni|civilians|9-9|9-9|Seven passengers died and two more|Nine others'],
    ],
    [
      'martyred, and a singular person with the group of its noun',
      'Baghlan, 1 July 2023: an attack on a security post was repelled; two mujahideen were martyred and a passer-by was wounded.',
      [
        '2023-07-01|Baghlan|taliban security forces|2-2|-|two mujahideen|',
        '2023-07-01|Baghlan|civilians|-|1-1||a passer-by',
      ],
    ],
    [
      'a quote in the next paragraph goes on with the incident',
      'A bomb hit a market in Kandahar on 16 April 2024, killing eight people.\n\n"We received 23 wounded," a doctor said.',
      ['2024-04-16|Kandahar|civilians|8-8|23-23|eight people|23 wounded'],
    ],
    [
      'an earlier incident told in a clause about the later one',
      'Two bombs killed eight people in Kandahar on 16 April 2024.\n\nNo one claimed the bombings, which came a day after IS-KP fighters attacked a Taliban checkpoint in Zabul province, killing three guards.',
      [
        '2024-04-16|Kandahar|civilians|8-8|-|eight people|',
        '2024-04-15|Zabul|taliban security forces|3-3|-|three guards|',
      ],
    ],
    [
      'a month alone is an aggregate',
      'A bomb killed two people in Herat on 3 August 2024.\n\nIn August alone, at least 25 people were killed in bomb attacks across the province.',
      ['2024-08-03|Herat|civilians|2-2|-|two people|'],
    ],
    [
      '"the strikes" right after the sentence that dates them, and a competing figure',
      'Aircraft struck villages in Paktia province on 24 December 2024, Taliban officials said. The strikes killed 46 people, according to a Taliban spokesman; Pakistani officials put the number of militants killed at "dozens".',
      ['2024-12-24|Paktia|civilians|46-46|-|46 people|'],
    ],
    [
      'a singular noun the vocabulary does not list',
      'The mission documented the killing of a tribal elder in Khost province on 20 January 2024.',
      ['2024-01-20|Khost|civilians|1-1|-|a tribal elder|'],
    ],
    [
      'an update of the death toll replaces the earlier figure',
      'A suicide bomber killed 12 worshippers at a mosque in Kabul on 3 June 2022, wounding 30.\n\nThe death toll later rose to 15, officials said.',
      ['2022-06-03|Kabul|civilians|15-15|30-30|15|30'],
    ],
    [
      'a disaster is not an attack',
      'In Badakhshan in March 2024, up to 15 civilians were killed when a landslide buried homes.',
      [],
    ],
    [
      'what the text says was not an attack',
      'On 3 March 2024, 4 people died in Kabul in a fire, though that was not an attack.',
      [],
    ],
    [
      'an active verb with a noun the vocabulary does not know',
      'Gunmen killed five polio vaccinators and wounded a sixth in Badakhshan province in March 2024.',
      ['2024-03|Badakhshan|civilians|5-5|1-1|five polio vaccinators|a sixth'],
    ],
    [
      'the attacker is not a casualty (A suicide bomber killed ...)',
      'A suicide bomber killed at least 15 people in Kunduz on 2 May 2023.',
      ['2023-05-02|Kunduz|civilians|15-|-|at least 15 people|'],
    ],
    [
      'a total in its own clause leaves the incident of the other clause',
      'A bomber killed herself and a soldier in Kunduz on 2 May 2023, as leaders said a string of earlier attacks had killed 110.',
      ['2023-05-02|Kunduz|civilians|1-1|-|a soldier|'],
    ],
    [
      'a part of a country is another place than the incident before',
      'A car bomb in Kabul killed four people on 12 October 2022. In northern Afghanistan, a roadside bomb killed one child.',
      ['2022-10-12|Kabul|civilians|4-4|-|four people|', '2022-10-12||civilians|1-1|-|one child|'],
    ],
    [
      'a stated zero',
      'A bomb exploded at a checkpoint in Khost on 2 May 2023 but did not kill anyone; five soldiers were wounded.',
      ['2023-05-02|Khost|civilians|0-0|5-5|did not kill anyone|five soldiers'],
    ],
  ])('%s', (_rule, text, expected) => {
    expect(rows(text).map(line)).toEqual(expected)
  })
})
