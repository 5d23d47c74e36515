import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { extractIncidents } from '../../../src/core/extract'
import { readAllReports, readReport, summarizeRows as rows } from './reports'

const reports = readAllReports()

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

describe('each mention names the row it went into', () => {
  it.each([
    [
      '01-herat-mosque-and-minibus',
      [
        ['at least 21 worshippers', 'proposed', 0],
        ['more than 40 others', 'proposed', 0],
        ['at least 21 worshippers', 'aggregate', null],
        ['six students', 'proposed', 1],
        ['a dozen', 'proposed', 1],
        ['hundreds of people', 'aggregate', null],
      ],
    ],
    [
      '05-paktika-strike-khost-checkpoint',
      [
        ['a senior IS-KP commander', 'proposed', 0],
        ['the commander', 'restatement', 0],
        ['roughly 15 Taliban soldiers', 'proposed', 1],
        ['some 30 wounded', 'proposed', 1],
      ],
    ],
    [
      '21-kunduz-mosque-feature',
      [
        ['46 dead', 'superseded', null],
        ['55', 'proposed', 0],
        ['More than 140 people', 'proposed', 0],
      ],
    ],
  ])('%s', (name, expected) => {
    const { mentions } = extractIncidents(readReport(name))
    expect(mentions.map((m) => [m.text, m.status, m.row])).toEqual(expected)
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
