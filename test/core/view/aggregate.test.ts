import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  figureAt,
  sumByGroup,
  sumOverTime,
  sumTotals,
  summarizeRows,
  summarizeRowsInSteps,
  type MeasureArrays,
} from '../../../src/core/view/aggregate'
import { runSteps } from '../../../src/core/steps'
import { allRows } from '../../../src/core/view/filter'
import { loadCsv } from '../../../src/core/load/loader'
import type { CasualtyRecord } from '../../../src/core/schema'
import { AIRPORT_CIVILIANS, record } from '../../helpers/record'
import { figureGiven } from '../../helpers/arbitraries'
import { storeFromRecords } from '../../../src/core/store/builder'
import { DEFAULT_GRADES, gradeScale } from '../../../src/core/grades'
import { emptySource, reconcileRecords, type ReconcileRule } from '../../../src/core/reports'
import { reportOrder } from '../../../src/core/view/reportIndex'

const totalsOf = (records: CasualtyRecord[]) => {
  const store = storeFromRecords(records)
  return sumTotals(store, allRows(store))
}

describe('sumTotals', () => {
  it.each<
    [
      string,
      Partial<CasualtyRecord>[],
      {
        min: number
        max: number
        openRows: number
        unquantifiedRows: number
        quantifiedRows: number
        maxOnlyRows: number
      },
    ]
  >([
    [
      'exact figures add up',
      [
        { killed_min: 170, killed_max: 170 },
        { killed_min: 13, killed_max: 13 },
      ],
      { min: 183, max: 183, openRows: 0, unquantifiedRows: 0, quantifiedRows: 2, maxOnlyRows: 0 },
    ],
    [
      'a range adds both ends',
      [
        { killed_min: 10, killed_max: 20 },
        { killed_min: 5, killed_max: 5 },
      ],
      { min: 15, max: 25, openRows: 0, unquantifiedRows: 0, quantifiedRows: 2, maxOnlyRows: 0 },
    ],
    [
      'an open bound is counted, its minimum joins the max',
      [{ killed_min: 51 }, { killed_min: 10, killed_max: 12 }],
      { min: 61, max: 63, openRows: 1, unquantifiedRows: 0, quantifiedRows: 2, maxOnlyRows: 0 },
    ],
    [
      'words without a number are unquantified, not zero',
      [{ killed_text: 'multiple casualties' }, { killed_min: 6, killed_text: 'at least six' }],
      { min: 6, max: 6, openRows: 1, unquantifiedRows: 1, quantifiedRows: 1, maxOnlyRows: 0 },
    ],
    [
      'no words and no number: not mentioned',
      [{}, { killed_min: 1 }],
      { min: 1, max: 1, openRows: 1, unquantifiedRows: 0, quantifiedRows: 1, maxOnlyRows: 0 },
    ],
    [
      'only a maximum ("up to 20") adds 0 to the minimum',
      [{ killed_max: 20 }],
      { min: 0, max: 20, openRows: 0, unquantifiedRows: 0, quantifiedRows: 1, maxOnlyRows: 1 },
    ],
    [
      'zero is a number',
      [{ killed_min: 0, killed_max: 0 }],
      { min: 0, max: 0, openRows: 0, unquantifiedRows: 0, quantifiedRows: 1, maxOnlyRows: 0 },
    ],
  ])('%s', (_name, rows, expected) => {
    // Each row its own incident: rows of one incident and group would be reports of one figure.
    expect(totalsOf(rows.map((r, i) => record({ incident_id: `I${i}`, ...r }))).killed).toEqual(
      expected,
    )
  })

  it('counts distinct incidents and incidents with unquantified figures', () => {
    const totals = totalsOf([
      record({ incident_id: 'A', killed_min: 170, killed_max: 170 }),
      record({ incident_id: 'A', killed_min: 13, killed_max: 13, target_group: 'us' }),
      record({ incident_id: 'B', killed_min: 51, injured_text: 'scores' }),
      record({ incident_id: 'C', killed_text: 'multiple', injured_text: 'multiple' }),
      record({ incident_id: 'C', injured_text: 'many', target_group: 'other' }),
    ])
    expect(totals.rows).toBe(5)
    expect(totals.incidents).toBe(3)
    expect(totals.unquantifiedIncidents).toEqual({ killed: 1, injured: 2, either: 2 })
  })

  it('sums a selection only', () => {
    const store = storeFromRecords([
      record({ incident_id: 'A', killed_min: 1 }),
      record({ incident_id: 'B', killed_min: 2 }),
      record({ incident_id: 'C', killed_min: 4 }),
    ])
    expect(sumTotals(store, Uint32Array.from([0, 2])).killed.min).toBe(5)
    expect(sumTotals(store, new Uint32Array(0))).toMatchObject({ rows: 0, incidents: 0 })
  })

  it('matches a plain sum over the shipped records', () => {
    const { store } = loadCsv(readFileSync('data/attacks.csv'))
    if (!store) throw new Error('the shipped data must load')
    const records = store.records()
    const totals = sumTotals(store, allRows(store))
    expect(totals.killed.min).toBe(records.reduce((sum, r) => sum + (r.killed_min ?? 0), 0))
    expect(totals.incidents).toBe(new Set(records.map((r) => r.incident_id)).size)
    expect(totals.killed.openRows).toBe(
      records.filter((r) => r.killed_min !== null && r.killed_max === null).length,
    )
    expect(totals.injured.quantifiedRows).toBe(
      records.filter((r) => r.injured_min !== null || r.injured_max !== null).length,
    )
  })
})

describe('sumByGroup', () => {
  const store = storeFromRecords([
    record({ target_group: 'civilians', target_type: 'Private', killed_min: 170, killed_max: 170 }),
    record({ target_group: 'soldiers', target_type: 'Military', killed_min: 13, killed_max: 13 }),
    record({
      target_group: 'police',
      target_type: 'Military',
      killed_min: 5,
      killed_max: 9,
      injured_text: 'dozens',
    }),
    record({ incident_id: 'Y', target_group: 'civilians', target_type: 'Private', killed_min: 47 }),
  ])
  it('sums per target group', () => {
    const totals = sumByGroup(store, allRows(store), 'target_group')
    expect(totals.labels).toEqual(['civilians', 'soldiers', 'police'])
    expect(Array.from(totals.rows)).toEqual([2, 1, 1])
    expect(figureAt(totals.killed, 0)).toEqual({
      min: 217,
      max: 217,
      openRows: 1,
      unquantifiedRows: 0,
      quantifiedRows: 2,
      maxOnlyRows: 0,
    })
    expect(figureAt(totals.killed, 2)).toMatchObject({ min: 5, max: 9, openRows: 0 })
    expect(figureAt(totals.injured, 2)).toMatchObject({
      min: 0,
      unquantifiedRows: 1,
      quantifiedRows: 0,
    })
  })
  it('sums per GTD target type', () => {
    const totals = sumByGroup(store, allRows(store), 'target_type')
    expect(totals.labels).toEqual(['Private', 'Military'])
    expect(figureAt(totals.killed, 1)).toMatchObject({ min: 18, max: 22 })
  })
})

describe('sumOverTime', () => {
  const store = storeFromRecords([
    record(AIRPORT_CIVILIANS),
    record({
      incident_id: 'A',
      date: '2021-08',
      target_group: 'soldiers',
      killed_min: 13,
      killed_max: 13,
    }),
    record({ incident_id: 'B', date: '2021-10-08', target_group: 'civilians', killed_min: 51 }),
    record({
      incident_id: 'C',
      date: '2021-10',
      target_group: 'civilians',
      killed_min: 47,
      injured_text: 'scores',
    }),
    record({ incident_id: 'D', date: '2022', target_group: 'soldiers', killed_min: 1 }),
  ])
  it('fills gap months with zeros on a continuous axis and leaves year-only rows out', () => {
    const series = sumOverTime(store, allRows(store), 'target_group', 'month')
    expect(Array.from(series.periods)).toEqual([20210800, 20210900, 20211000])
    expect(series.yearOnlyRows).toBe(1)
    // cells are period * 2 groups + group
    expect(Array.from(series.killed.min)).toEqual([170, 13, 0, 0, 98, 0])
    expect(Array.from(series.killed.openRows)).toEqual([0, 0, 0, 0, 2, 0])
    expect(Array.from(series.injured.unquantifiedRows)).toEqual([0, 0, 0, 0, 1, 0])
    expect(Array.from(series.incidents)).toEqual([1, 1, 0, 0, 2, 0])
    expect(Array.from(series.totals.incidents)).toEqual([1, 0, 2])
    expect(Array.from(series.totals.killed.min)).toEqual([183, 0, 98])
  })
  it('includes year-only rows in the yearly view', () => {
    const series = sumOverTime(store, allRows(store), 'target_group', 'year')
    expect(Array.from(series.periods)).toEqual([20210000, 20220000])
    expect(series.yearOnlyRows).toBe(1)
    expect(Array.from(series.totals.killed.min)).toEqual([281, 1])
    expect(Array.from(series.totals.incidents)).toEqual([3, 1])
  })
  it('counts an incident once per cell even when its rows are not adjacent', () => {
    const spread = storeFromRecords([
      record({ incident_id: 'A', target_group: 'a', killed_min: 1 }),
      record({ incident_id: 'A', target_group: 'b', killed_min: 1 }),
      record({ incident_id: 'A', target_group: 'a', killed_min: 1 }),
      record({ incident_id: 'A', target_group: 'b', killed_min: 1 }),
    ])
    const series = sumOverTime(spread, allRows(spread), 'target_group', 'month')
    expect(Array.from(series.incidents)).toEqual([1, 1])
    expect(Array.from(series.totals.incidents)).toEqual([1])
  })
  it('spans only the selection when the store covers more periods than the grid holds', () => {
    // 9,000 years of months: more cells than summarizeRows keeps for a whole store.
    const wide = storeFromRecords([
      record({ incident_id: 'old', date: '1000-01', killed_min: 1, killed_max: 1 }),
      record({ incident_id: 'A', date: '2021-08', killed_min: 170, killed_max: 170 }),
      record({ incident_id: 'A', date: '2021-08', target_group: 'soldiers', killed_min: 13 }),
      record({ incident_id: 'B', date: '2021-10', killed_text: 'scores' }),
      record({ incident_id: 'C', date: '2021', killed_min: 2, killed_max: 2 }),
      record({ incident_id: 'new', date: '9999-12', killed_min: 1, killed_max: 1 }),
    ])
    const middle = Uint32Array.from([1, 2, 3, 4])
    const { totals, groups, series } = summarizeRows(wide, middle, 'target_group', 'month')
    expect(Array.from(series.periods)).toEqual([20210800, 20210900, 20211000])
    expect(Array.from(series.totals.killed.min)).toEqual([183, 0, 0])
    expect(Array.from(series.totals.killed.unquantifiedRows)).toEqual([0, 0, 1])
    expect(Array.from(series.totals.incidents)).toEqual([1, 0, 1])
    expect(series.yearOnlyRows).toBe(1)
    expect(totals.killed).toEqual({
      min: 185,
      max: 185,
      openRows: 1,
      unquantifiedRows: 1,
      quantifiedRows: 3,
      maxOnlyRows: 0,
    })
    expect(totals.incidents).toBe(3)
    expect(Array.from(groups.rows)).toEqual([3, 1])
    const all = summarizeRows(wide, allRows(wide), 'target_group', 'month').series
    expect(all.periods.length).toBe((9999 - 1000) * 12 + 12)
    expect(all.periods[0]).toBe(10000100)
    expect(all.totals.killed.min[all.periods.length - 1]).toBe(1)
  })
  it('is empty when nothing is dated to a month', () => {
    const only = storeFromRecords([record({ date: '2024', killed_min: 1 })])
    const series = sumOverTime(only, allRows(only), 'target_group', 'month')
    expect(series.periods.length).toBe(0)
    expect(series.yearOnlyRows).toBe(1)
  })
})

// The one-pass summary against sums written the plain way, record by record, on random data:
// incidents spread over groups, periods and non-adjacent rows; every kind of figure; year-only
// dates; a selection of some rows; both axes and both group columns.
describe('summarizeRows against plain sums over records', () => {
  const figure = figureGiven(1000, 50)
  const arbitraryRecord = fc.record({
    incident_id: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'),
    date: fc.constantFrom('2019', '2021-08', '2021-08-30', '2021-10', '2023-01-02', '2024'),
    target_group: fc.constantFrom('civilians', 'police', 'students'),
    target_type: fc.constantFrom('', 'Private Citizens & Property', 'Police'),
    source: fc.constantFrom('', 's1', 's2', 's3'),
    killed: figure,
    injured: figure,
  })
  type Cell = {
    min: number
    max: number
    openRows: number
    unquantifiedRows: number
    quantifiedRows: number
    maxOnlyRows: number
  }
  const emptyCell = (): Cell => ({
    min: 0,
    max: 0,
    openRows: 0,
    unquantifiedRows: 0,
    quantifiedRows: 0,
    maxOnlyRows: 0,
  })
  const add = (cell: Cell, f: { min: number | null; max: number | null; text: string }) => {
    if (f.min === null && f.max === null) {
      if (f.text !== '') cell.unquantifiedRows++
      return
    }
    cell.quantifiedRows++
    cell.min += f.min ?? 0
    cell.max += f.max ?? f.min ?? 0
    if (f.max === null) cell.openRows++
    if (f.min === null) cell.maxOnlyRows++
  }
  const column = (arrays: MeasureArrays, cells: number[]): Cell[] =>
    cells.map((i) => figureAt(arrays, i))

  it('gives the same totals, groups and series', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(arbitraryRecord, fc.boolean()), { maxLength: 40 }),
        fc.constantFrom('target_group', 'target_type') as fc.Arbitrary<
          'target_group' | 'target_type'
        >,
        fc.constantFrom('month', 'year') as fc.Arbitrary<'month' | 'year'>,
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom<ReconcileRule>('range', 'latest', 'graded'),
        fc.array(fc.tuple(fc.constantFrom('', '2021', '2021-10', '2021-10-08'), fc.nat(5)), {
          minLength: 3,
          maxLength: 3,
        }),
        (pairs, groupColumn, unit, step, rule, sourceFacts) => {
          const records = pairs.map(([r]) =>
            record({
              incident_id: r.incident_id,
              date: r.date,
              target_group: r.target_group,
              target_type: r.target_type,
              source: r.source,
              killed_min: r.killed.min,
              killed_max: r.killed.max,
              killed_text: r.killed.text,
              injured_min: r.injured.min,
              injured_max: r.injured.max,
              injured_text: r.injured.text,
            }),
          )
          const data = storeFromRecords(records)
          const registry = new Map(
            sourceFacts.map(([published, rank], i) => [
              `s${i + 1}`,
              { ...emptySource(`s${i + 1}`), published, grade: DEFAULT_GRADES[rank]?.label ?? '' },
            ]),
          )
          const reconciling = { rule, order: reportOrder(data, registry) }
          const picked = [...records.keys()].filter((i) => pairs[i]![1])
          const got = runSteps(
            summarizeRowsInSteps(
              data,
              Uint32Array.from(picked),
              groupColumn,
              unit,
              1e9,
              reconciling,
            ),
          )
          // Added up a few rows at a time (as the page does on big data), the same sums.
          const stepped = runSteps(
            summarizeRowsInSteps(
              data,
              Uint32Array.from(picked),
              groupColumn,
              unit,
              step,
              reconciling,
            ),
          )
          expect(stepped).toEqual(got)
          // The reference: the selected rows made figures by the plain-value rules (core/reports),
          // each figure at its latest report's date and type; then summed record by record.
          const histories = reconcileRecords(
            picked.map((i) => records[i]!),
            registry,
            rule,
            gradeScale().rank,
          )
          const asText = (f: { min: number | null; max: number | null; words: boolean }) => ({
            min: f.min,
            max: f.max,
            text: f.words ? 'words' : '',
          })
          const chosen = histories.map((h) => {
            const lead = pairs[picked[h.reports[h.reports.length - 1]!]!]![0]
            return { ...lead, killed: asText(h.killed), injured: asText(h.injured) }
          })

          // Headline totals.
          const killed = emptyCell()
          const injured = emptyCell()
          chosen.forEach((r) => (add(killed, r.killed), add(injured, r.injured)))
          const ids = (keep: (r: (typeof chosen)[number]) => boolean) =>
            new Set(chosen.filter(keep).map((r) => r.incident_id)).size
          expect(got.totals).toEqual({
            rows: picked.length,
            incidents: ids(() => true),
            killed,
            injured,
            unquantifiedIncidents: {
              killed: ids(
                (r) => r.killed.min === null && r.killed.max === null && r.killed.text !== '',
              ),
              injured: ids(
                (r) => r.injured.min === null && r.injured.max === null && r.injured.text !== '',
              ),
              either: ids(
                (r) =>
                  (r.killed.min === null && r.killed.max === null && r.killed.text !== '') ||
                  (r.injured.min === null && r.injured.max === null && r.injured.text !== ''),
              ),
            },
          })

          // Per group, by dictionary code.
          const labels = data.columns.categories[groupColumn].values
          const groupOf = (r: (typeof chosen)[number]) => labels.indexOf(r[groupColumn])
          labels.forEach((_, g) => {
            const mine = chosen.filter((r) => groupOf(r) === g)
            const k = emptyCell()
            const w = emptyCell()
            mine.forEach((r) => (add(k, r.killed), add(w, r.injured)))
            expect(got.groups.rows[g]).toBe(mine.length)
            expect(figureAt(got.groups.killed, g)).toEqual(k)
            expect(figureAt(got.groups.injured, g)).toEqual(w)
          })

          // The series: every period from the first to the last, year-only rows on a yearly axis.
          const periodOf = (date: string) =>
            unit === 'year'
              ? Number(date.slice(0, 4))
              : date.length === 4
                ? null
                : Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1
          const onAxis = chosen.filter((r) => periodOf(r.date) !== null)
          const periods = onAxis.map((r) => periodOf(r.date)!)
          const first = Math.min(...periods)
          const length = onAxis.length === 0 ? 0 : Math.max(...periods) - first + 1
          const { series } = got
          expect(series.periods.length).toBe(length)
          expect(series.yearOnlyRows).toBe(chosen.filter((r) => r.date.length === 4).length)
          for (let p = 0; p < length; p++) {
            const inPeriod = onAxis.filter((r) => periodOf(r.date) === first + p)
            const total = { killed: emptyCell(), injured: emptyCell() }
            inPeriod.forEach((r) => (add(total.killed, r.killed), add(total.injured, r.injured)))
            expect(figureAt(series.totals.killed, p)).toEqual(total.killed)
            expect(figureAt(series.totals.injured, p)).toEqual(total.injured)
            expect(series.totals.rows[p]).toBe(inPeriod.length)
            expect(series.totals.incidents[p]).toBe(
              new Set(inPeriod.map((r) => r.incident_id)).size,
            )
            labels.forEach((_, g) => {
              const inCell = inPeriod.filter((r) => groupOf(r) === g)
              const cell = p * labels.length + g
              const k = emptyCell()
              inCell.forEach((r) => add(k, r.killed))
              expect(column(series.killed, [cell])).toEqual([k])
              expect(series.rows[cell]).toBe(inCell.length)
              expect(series.incidents[cell]).toBe(new Set(inCell.map((r) => r.incident_id)).size)
            })
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('several reports of one figure', () => {
  const kandahar = { incident_id: 'KAN', date: '2021-10', target_group: 'shia worshippers' }
  const reports = [
    record({ ...kandahar, killed_min: 47, killed_text: 'at least 47', source: 'a' }),
    record({ ...kandahar, killed_min: 51, killed_text: 'over 50', source: 'b' }),
    record({ ...kandahar, killed_min: 53, killed_max: 53, killed_text: '53', source: 'c' }),
  ]

  it('at least 47, over 50 and 53 make 47–53, never 47 + 51 + 53', () => {
    const totals = totalsOf(reports)
    expect(totals.killed).toMatchObject({ min: 47, max: 53, openRows: 0, quantifiedRows: 1 })
    expect(totals).toMatchObject({ rows: 3, incidents: 1 })
  })

  it.each<[ReconcileRule, { min: number; max: number; openRows: number }]>([
    ['range', { min: 47, max: 53, openRows: 0 }],
    ['latest', { min: 51, max: 51, openRows: 1 }],
    ['graded', { min: 47, max: 47, openRows: 1 }],
  ])('by the %s rule', (rule, expected) => {
    const store = storeFromRecords(reports)
    const registry = new Map([
      ['a', { ...emptySource('a'), published: '2021-10-15', grade: 'fair' }],
      ['b', { ...emptySource('b'), published: '2021-10-18', grade: 'weak' }],
      ['c', { ...emptySource('c'), published: '2021-10-16', grade: 'weak' }],
    ])
    const sums = runSteps(
      summarizeRowsInSteps(store, allRows(store), 'target_group', 'month', 1e9, {
        rule,
        order: reportOrder(store, registry),
      }),
    )
    expect(sums.totals.killed).toMatchObject(expected)
  })

  // Any number of further reports of figures already there, in any order, from sources that
  // repeat a figure or give one within the range: the range totals stay as they were.
  it('never counts a figure twice, whatever the order and number of reports', () => {
    const figure = fc
      .tuple(fc.nat(100), fc.option(fc.nat(20), { nil: null }))
      .map(([min, extra]) => ({ min, max: extra === null ? null : min + extra }))
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.constantFrom('A', 'B', 'C', 'D'), fc.constantFrom('x', 'y')), {
          selector: ([i, g]) => `${i} ${g}`,
          minLength: 1,
          maxLength: 8,
        }),
        fc.array(figure, { minLength: 8, maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(7), fc.nat(20)), { maxLength: 20 }),
        fc.nat(1000),
        (keys, figures, repeats, seed) => {
          const firsts = keys.map(([incident_id, target_group], i) =>
            record({
              incident_id,
              target_group,
              killed_min: figures[i]!.min,
              killed_max: figures[i]!.max,
              source: 'first',
            }),
          )
          // A repeat restates its figure, or narrows it to a part of its range.
          const more = repeats.map(([k, cut], j) => {
            const of = firsts[k % firsts.length]!
            const max = of.killed_max
            const min = max === null ? of.killed_min! + cut : Math.min(max, of.killed_min! + cut)
            return {
              ...of,
              killed_min: min,
              killed_max: max === null ? null : max,
              source: `r${j}`,
            }
          })
          const all = [...firsts, ...more]
          // A shuffle by the seed.
          const shuffled = all
            .map((r, i) => ({ r, key: (i * 7919 + seed * 104729) % 1000003 }))
            .sort((a, b) => a.key - b.key)
            .map(({ r }) => r)
          const once = totalsOf(firsts)
          const many = totalsOf(shuffled)
          expect(many.killed).toEqual(once.killed)
          expect(many.incidents).toBe(once.incidents)
        },
      ),
    )
  })
})
