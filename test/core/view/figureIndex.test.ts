import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  FigureState,
  YEAR_ONLY,
  dateSpanInSteps,
  dateSpanOf,
  figureIndex,
  injuredState,
  killedState,
  periodOf,
  periodSlotsInSteps,
} from '../../../src/core/view/figureIndex'
import type { CasualtyRecord } from '../../../src/core/schema'
import { record } from '../../helpers/record'
import { STEP_ROWS, runSteps } from '../../../src/core/steps'
import { CasualtyStore } from '../../../src/core/store/store'
import { storeFromRecords } from '../../../src/core/store/builder'

describe('figureIndex', () => {
  it.each<[string, Partial<CasualtyRecord>, FigureState]>([
    ['no words, no number: none', {}, FigureState.None],
    ['170 and 170: closed', { killed_min: 170, killed_max: 170 }, FigureState.Closed],
    ['a range: closed', { killed_min: 10, killed_max: 20 }, FigureState.Closed],
    ['"at least 47": open', { killed_min: 47, killed_text: 'at least 47' }, FigureState.Open],
    ['"up to 20": a maximum only', { killed_max: 20 }, FigureState.MaxOnly],
    ['"scores": unquantified', { killed_text: 'scores' }, FigureState.Unquantified],
    ['zero is a number', { killed_min: 0, killed_max: 0 }, FigureState.Closed],
  ])('codes killed as %s', (_name, figures, state) => {
    const { kinds } = figureIndex(storeFromRecords([record(figures)]))
    expect(killedState(kinds[0]!)).toBe(state)
    expect(injuredState(kinds[0]!)).toBe(FigureState.None)
  })

  it('codes injured apart from killed', () => {
    const { kinds } = figureIndex(
      storeFromRecords([record({ killed_min: 51, injured_text: 'scores' })]),
    )
    expect(killedState(kinds[0]!)).toBe(FigureState.Open)
    expect(injuredState(kinds[0]!)).toBe(FigureState.Unquantified)
  })

  it('marks the rows of incidents with several rows, wherever they are, and year-only dates', () => {
    const store = storeFromRecords([
      record({ incident_id: 'A' }),
      record({ incident_id: 'B', date: '2024' }),
      record({ incident_id: 'C' }),
      record({ incident_id: 'A', target_group: 'police' }),
    ])
    const { kinds, sharedOfRow, sharedCount } = figureIndex(store)
    expect(Array.from(sharedOfRow)).toEqual([0, -1, -1, 0])
    expect(Array.from(kinds, (kind) => kind >= YEAR_ONLY)).toEqual([false, true, false, false])
    expect(sharedCount).toBe(1)
  })

  it('is built once per store', () => {
    const store = storeFromRecords([record({})])
    expect(figureIndex(store)).toBe(figureIndex(store))
  })
})

describe('period slots', () => {
  it.each<[number, 'month' | 'year', number]>([
    [20210800, 'month', 2021 * 12 + 7],
    [20210815, 'month', 2021 * 12 + 7],
    [20210000, 'month', -1],
    [20210815, 'year', 2021],
    [20210000, 'year', 2021],
  ])('period of %i on a %s axis is %i', (code, unit, period) => {
    expect(periodOf(code, unit)).toBe(period)
  })

  it("numbers every row from the store's first period; 0 for year-only dates by month", () => {
    const store = storeFromRecords([
      record({ date: '2021-10-08' }),
      record({ date: '2021' }),
      record({ date: '2021-08' }),
      record({ date: '2022-01' }),
    ])
    const months = runSteps(periodSlotsInSteps(store, 'month'))
    expect(months.first).toBe(2021 * 12 + 7)
    expect(months.length).toBe(6)
    expect(Array.from(months.slots)).toEqual([3, 0, 1, 6])
    const years = runSteps(periodSlotsInSteps(store, 'year'))
    expect([years.first, years.length, Array.from(years.slots)]).toEqual([2021, 2, [1, 1, 1, 2]])
  })
})

describe('dateSpanInSteps', () => {
  it('gives the first and last date of the store, as dateSpanOf does in one pass', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50_000_000, max: 50_000_000 }), { maxLength: 2_000 }),
        fc.integer({ min: 0, max: 3 * STEP_ROWS }),
        (codes, padding) => {
          // Over STEP_ROWS rows: the span is made in several steps.
          const dates = Int32Array.from([
            ...codes,
            ...Array.from({ length: padding }, () => 20210101),
          ])
          const store = new CasualtyStore({
            ...storeFromRecords([]).columns,
            length: dates.length,
            date: dates,
          })
          const again = new CasualtyStore({ ...store.columns })
          expect(runSteps(dateSpanInSteps(store))).toEqual(dateSpanOf(again))
        },
      ),
      { numRuns: 40 },
    )
  })
})
