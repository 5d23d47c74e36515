import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { UNGRADED, gradeScale } from '../../src/core/grades'
import {
  emptySource,
  findReportedIncident,
  reconcile,
  reconcileRecords,
  tollChanges,
  type ReconcileRule,
  type Report,
  type ReportFigure,
  type Source,
} from '../../src/core/reports'
import { record } from '../helpers/record'

const f = (
  min: number | null,
  max: number | null,
  words = min !== null || max !== null,
): ReportFigure => ({
  min,
  max,
  words,
})
const r = (figure: ReportFigure, gradeRank = UNGRADED): Report => ({ figure, gradeRank })
const atLeast47 = r(f(47, null))
const over50 = r(f(51, null))
const exactly53 = r(f(53, 53))

describe('reconcile', () => {
  it.each<[string, Report[], ReconcileRule, Partial<ReportFigure>]>([
    [
      'at least 47, over 50, 53: the range',
      [atLeast47, over50, exactly53],
      'range',
      { min: 47, max: 53 },
    ],
    ['the same in another order', [exactly53, atLeast47, over50], 'range', { min: 47, max: 53 }],
    ['open bounds only: open', [atLeast47, over50], 'range', { min: 47, max: null }],
    [
      'a minimum above every maximum: open',
      [r(f(60, null)), exactly53],
      'range',
      { min: 53, max: null },
    ],
    [
      'ranges: lowest min to highest max',
      [r(f(10, 12)), r(f(8, 9)), r(f(11, 20))],
      'range',
      { min: 8, max: 20 },
    ],
    ['up to 20 and 15: 15 to 20', [r(f(null, 20)), r(f(15, 15))], 'range', { min: 15, max: 20 }],
    ['up to 20 alone: up to 20', [r(f(null, 20)), r(f(null, 12))], 'range', { min: null, max: 20 }],
    [
      'words and a number: the number',
      [r(f(null, null, true)), exactly53],
      'range',
      { min: 53, max: 53 },
    ],
    [
      'words only: unquantified',
      [r(f(null, null, true)), r(f(null, null, true))],
      'range',
      { min: null, max: null, words: true },
    ],
    [
      'nothing said: none',
      [r(f(null, null, false))],
      'range',
      { min: null, max: null, words: false },
    ],
    [
      'latest: the last report with a number',
      [atLeast47, exactly53, r(f(null, null, true))],
      'latest',
      { min: 53, max: 53 },
    ],
    ['latest: an open bound last', [exactly53, over50], 'latest', { min: 51, max: null }],
    [
      'latest: words only',
      [r(f(null, null, true))],
      'latest',
      { min: null, max: null, words: true },
    ],
    [
      'graded: the best grade',
      [r(f(47, null), 0), r(f(53, 53), 2)],
      'graded',
      { min: 47, max: null },
    ],
    [
      'graded: of equal grades the latest',
      [r(f(47, null), 1), r(f(53, 53), 1)],
      'graded',
      { min: 53, max: 53 },
    ],
    [
      'graded: ungraded after graded',
      [r(f(53, 53)), r(f(47, null), 4)],
      'graded',
      { min: 47, max: null },
    ],
    [
      'graded: a graded report in words is passed over',
      [r(f(null, null, true), 0), over50],
      'graded',
      { min: 51, max: null },
    ],
  ])('%s', (_name, reports, rule, expected) => {
    expect(reconcile(reports, rule)).toMatchObject(expected)
  })

  it('names the reports it took the figure from', () => {
    expect(reconcile([atLeast47, r(f(null, null, true)), exactly53], 'range').from).toEqual([0, 2])
    expect(reconcile([atLeast47, exactly53], 'latest').from).toEqual([1])
  })

  const figure = fc
    .tuple(
      fc.option(fc.nat(1000), { nil: null }),
      fc.option(fc.nat(1000), { nil: null }),
      fc.boolean(),
    )
    .map(([min, extra, words]) =>
      f(min, min !== null && extra !== null ? min + extra : extra, words),
    )
  const reports = fc.array(
    fc.tuple(figure, fc.nat(5)).map(([fig, rank]) => r(fig, rank)),
    { minLength: 1, maxLength: 8 },
  )

  it('never adds reports: the figure is one of theirs or within them, whatever the order', () => {
    fc.assert(
      fc.property(
        reports,
        fc.constantFrom<ReconcileRule>('range', 'latest', 'graded'),
        (list, rule) => {
          const out = reconcile(list, rule)
          const mins = list.map((x) => x.figure.min).filter((v): v is number => v !== null)
          const maxes = list.map((x) => x.figure.max).filter((v): v is number => v !== null)
          const highest = Math.max(-1, ...mins, ...maxes)
          if (out.min !== null) expect(out.min).toBeLessThanOrEqual(highest)
          if (out.max !== null) expect(out.max).toBeLessThanOrEqual(highest)
          if (out.min !== null && out.max !== null) expect(out.min).toBeLessThanOrEqual(out.max)
          if (rule === 'range') {
            const again = reconcile([...list].reverse(), rule)
            expect([again.min, again.max]).toEqual([out.min, out.max])
            // The range holds every report's minimum.
            for (const min of mins) {
              expect(out.min).not.toBeNull()
              expect(out.min!).toBeLessThanOrEqual(min)
              if (out.max !== null) expect(out.max).toBeGreaterThanOrEqual(min)
            }
          }
        },
      ),
    )
  })

  it('a report repeated any number of times changes nothing', () => {
    fc.assert(
      fc.property(
        reports,
        fc.nat(6),
        fc.constantFrom<ReconcileRule>('range', 'latest', 'graded'),
        (list, times, rule) => {
          const repeated = [...list, ...Array.from({ length: times }, () => list[list.length - 1]!)]
          const a = reconcile(list, rule)
          const b = reconcile(repeated, rule)
          expect([b.min, b.max, b.words || b.min !== null || b.max !== null]).toEqual([
            a.min,
            a.max,
            a.words || a.min !== null || a.max !== null,
          ])
        },
      ),
    )
  })
})

describe('reconcileRecords', () => {
  const sources = new Map<string, Source>([
    ['a', { ...emptySource('a'), published: '2021-10-16' }],
    ['b', { ...emptySource('b'), published: '2021-10-15', grade: 'confirmed' }],
    ['c', { ...emptySource('c'), published: '2021-10-17', grade: 'weak' }],
  ])
  const rows = [
    record({
      incident_id: 'K',
      target_group: 'shia worshippers',
      killed_min: 51,
      killed_text: 'over 50',
      source: 'a',
    }),
    record({
      incident_id: 'K',
      target_group: 'shia worshippers',
      killed_min: 47,
      killed_text: 'at least 47',
      source: 'b',
    }),
    record({
      incident_id: 'K',
      target_group: 'shia worshippers',
      killed_min: 53,
      killed_max: 53,
      killed_text: '53',
      source: 'c',
    }),
    record({
      incident_id: 'K',
      target_group: 'civilians',
      killed_min: 2,
      killed_max: 2,
      killed_text: 'two',
      source: 'a',
    }),
  ]
  const rank = gradeScale().rank

  it('orders reports by publication and reconciles each figure apart', () => {
    const [worshippers, civilians] = reconcileRecords(rows, sources, 'range', rank)
    expect(worshippers!.reports).toEqual([1, 0, 2])
    expect(worshippers!.killed).toMatchObject({ min: 47, max: 53 })
    expect(civilians!.killed).toMatchObject({ min: 2, max: 2 })
  })

  it.each<[ReconcileRule, number | null, number | null]>([
    ['latest', 53, 53],
    ['graded', 47, null],
  ])('%s', (rule, min, max) => {
    expect(reconcileRecords(rows, sources, rule, rank)[0]!.killed).toMatchObject({ min, max })
  })
})

describe('tollChanges', () => {
  it('keeps the reports where the toll changed', () => {
    const changes = tollChanges([
      f(47, null),
      f(47, null),
      f(null, null, true),
      f(51, null),
      f(53, 53),
    ])
    expect(changes.map((c) => c.index)).toEqual([0, 3, 4])
  })
})

describe('findReportedIncident', () => {
  const data = [
    record({
      incident_id: 'KDZ',
      date: '2021-10-08',
      admin1: 'Kunduz',
      target_group: 'shia worshippers',
      location: 'Shia mosque in Kunduz',
    }),
    record({
      incident_id: 'KAN',
      date: '2021-10',
      admin1: 'Kandahar',
      target_group: 'shia worshippers',
      location: 'Shia mosque in Kandahar',
    }),
  ]
  it.each([
    [
      'same day, province and group',
      { date: '2021-10-08', admin1: 'Kunduz', location: '', target_group: 'shia worshippers' },
      'KDZ',
    ],
    [
      'a month that holds the day',
      { date: '2021-10', admin1: 'Kandahar', location: '', target_group: 'shia worshippers' },
      'KAN',
    ],
    [
      'the same place, another group',
      {
        date: '2021-10-15',
        admin1: '',
        location: 'shia mosque in kandahar',
        target_group: 'civilians',
      },
      'KAN',
    ],
    [
      'another month: new',
      { date: '2021-11', admin1: 'Kunduz', location: '', target_group: 'shia worshippers' },
      null,
    ],
    [
      'another province: new',
      { date: '2021-10-08', admin1: 'Herat', location: '', target_group: 'shia worshippers' },
      null,
    ],
    [
      'its own id, known',
      { incident_id: 'KAN', date: '2022', admin1: '', location: '', target_group: 'x' },
      'KAN',
    ],
  ])('%s', (_name, proposal, expected) => {
    expect(findReportedIncident(data, proposal)).toBe(expected)
  })
})
