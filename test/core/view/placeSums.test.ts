import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { storeFromRecords } from '../../../src/core/store/builder'
import { allRows } from '../../../src/core/view/filter'
import {
  figureAt,
  summarizeRowsInSteps,
  sumTotals,
  type MeasureArrays,
} from '../../../src/core/view/aggregate'
import { runSteps } from '../../../src/core/steps'
import { storePlacesInSteps, summarizePlacesInSteps } from '../../../src/core/view/placeSums'
import type { ReconcileRule } from '../../../src/core/reports'
import { summarizePlaces } from '../../../src/core/view/placeSums'
import { record } from '../../helpers/record'
import { figureGiven } from '../../helpers/arbitraries'

// Rows of three provinces, with coordinates at every UCDP precision.
const at = (where_prec: string, latitude = '34.5', longitude = '69.2') => ({
  extra: { latitude, longitude, where_prec },
})
const store = storeFromRecords([
  record({
    incident_id: 'A',
    country: 'Afghanistan',
    admin1: 'Kabul',
    killed_min: 10,
    killed_max: 12,
    ...at('1'),
  }),
  record({
    incident_id: 'A',
    country: 'Afghanistan',
    admin1: 'Kabul',
    target_group: 'police',
    killed_min: 5,
    ...at('1'),
  }),
  record({
    incident_id: 'B',
    country: 'Afghanistan',
    admin1: 'Kabul',
    killed_text: 'scores',
    ...at('4'),
  }),
  record({
    incident_id: 'C',
    country: 'Afghanistan',
    admin1: 'Kunduz',
    injured_min: 3,
    injured_max: 3,
    ...at('4', '36.7', '68.9'),
  }),
  record({
    incident_id: 'D',
    country: 'Afghanistan',
    admin1: '',
    killed_min: 2,
    killed_max: 2,
    ...at('6'),
  }),
  record({
    incident_id: 'E',
    country: 'Pakistan',
    admin1: 'Kabul',
    killed_min: 1,
    killed_max: 1,
    ...at('2'),
  }),
])
const sums = summarizePlaces(store, allRows(store))
const place = (country: string, admin1: string) =>
  sums.admin1.findIndex((name, i) => name === admin1 && sums.countries[i] === country)

describe('summarizePlaces', () => {
  it.each([
    // country, admin1, rows, incidents, killed min, killed max, open, unquantified, injured min
    ['Afghanistan', 'Kabul', 3, 2, 15, 17, 1, 1, 0],
    ['Afghanistan', 'Kunduz', 1, 1, 0, 0, 0, 0, 3],
    ['Afghanistan', '', 1, 1, 2, 2, 0, 0, 0],
    ['Pakistan', 'Kabul', 1, 1, 1, 1, 0, 0, 0],
  ])('%s %j', (country, admin1, rows, incidents, min, max, open, unquantified, injured) => {
    const p = place(country, admin1)
    expect(p).toBeGreaterThanOrEqual(0)
    expect(sums.places.rows[p]).toBe(rows)
    expect(sums.places.incidents[p]).toBe(incidents)
    expect(figureAt(sums.places.killed, p)).toMatchObject({
      min,
      max,
      openRows: open,
      unquantifiedRows: unquantified,
    })
    expect(sums.places.injured.min[p]).toBe(injured)
  })

  it('makes points only of rows placed at a known spot, one point per spot', () => {
    expect([...sums.points.latitude]).toEqual([34.5])
    expect([...sums.points.longitude]).toEqual([69.2])
    expect(sums.points.sums.rows[0]).toBe(2)
    expect(sums.points.sums.incidents[0]).toBe(1)
    expect(figureAt(sums.points.sums.killed, 0)).toMatchObject({ min: 15, max: 17, openRows: 1 })
    expect(sums.levels).toEqual({
      exact: 2,
      near: 1,
      district: 0,
      province: 2,
      country: 1,
      unknown: 0,
    })
  })

  it('sums only the selected rows', () => {
    const some = summarizePlaces(store, Uint32Array.of(1, 3))
    const kabul = some.admin1.findIndex(
      (name, i) => name === 'Kabul' && some.countries[i] === 'Afghanistan',
    )
    expect(some.places.rows[kabul]).toBe(1)
    expect(figureAt(some.places.killed, kabul)).toMatchObject({ min: 5, max: 5, openRows: 1 })
    expect(some.points.sums.rows[0]).toBe(1)
    expect(some.levels.province).toBe(1)
  })
})

describe('summarizePlaces with several reports of one figure', () => {
  // Incident R's civilians killed, reported three times: one figure, never added up.
  const reports = storeFromRecords([
    record({ incident_id: 'R', admin1: 'Kabul', source: 's1', killed_min: 10, killed_max: 10 }),
    record({ incident_id: 'R', admin1: 'Kabul', source: 's2', killed_min: 12, killed_max: 15 }),
    record({ incident_id: 'R', admin1: 'Kabul', source: 's3', killed_text: 'dozens' }),
    record({ incident_id: 'S', admin1: 'Kunduz', killed_min: 4, killed_max: 4 }),
  ])
  const rows = allRows(reports)
  const places = summarizePlaces(reports, rows)

  it('adds each figure once, as the headline figures do', () => {
    const totals = sumTotals(reports, rows)
    const sum = (arrays: MeasureArrays) => arrays.min.reduce((a, b) => a + b, 0)
    expect(sum(places.places.killed)).toBe(totals.killed.min)
    const kabul = places.admin1.indexOf('Kabul')
    expect(places.places.rows[kabul]).toBe(3)
    expect(places.places.incidents[kabul]).toBe(1)
    expect(places.places.killed.quantifiedRows[kabul]).toBe(1)
    expect(places.places.killed.min[kabul]).toBeLessThan(22)
  })
})

// Every selected row is in exactly one place, and every figure adds once at one place: summed over
// the places, the map's figures are the headline's, whatever the rows, reports and rule.
describe('summarizePlaces against the headline totals', () => {
  const figure = figureGiven(1000, 50)
  const arbitraryRecord = fc.record({
    incident_id: fc.constantFrom('A', 'B', 'C', 'D', 'E'),
    date: fc.constantFrom('2019', '2021-08', '2021-08-30', '2024'),
    target_group: fc.constantFrom('civilians', 'police'),
    admin1: fc.constantFrom('', 'Kabul', 'Kunduz', 'Nangarhar'),
    source: fc.constantFrom('', 's1', 's2'),
    killed: figure,
    injured: figure,
  })
  const total = (arrays: MeasureArrays) => {
    const sum = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0)
    return {
      min: sum(arrays.min),
      max: sum(arrays.max),
      openRows: sum(arrays.openRows),
      unquantifiedRows: sum(arrays.unquantifiedRows),
      quantifiedRows: sum(arrays.quantifiedRows),
      maxOnlyRows: sum(arrays.maxOnlyRows),
    }
  }

  it('gives the same killed and injured figures and rows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(arbitraryRecord, fc.boolean()), { maxLength: 30 }),
        fc.constantFrom<ReconcileRule>('range', 'latest', 'graded'),
        (pairs, rule) => {
          const data = storeFromRecords(
            pairs.map(([r]) =>
              record({
                incident_id: r.incident_id,
                date: r.date,
                target_group: r.target_group,
                admin1: r.admin1,
                source: r.source,
                killed_min: r.killed.min,
                killed_max: r.killed.max,
                killed_text: r.killed.text,
                injured_min: r.injured.min,
                injured_max: r.injured.max,
                injured_text: r.injured.text,
              }),
            ),
          )
          const rows = Uint32Array.from([...pairs.keys()].filter((i) => pairs[i]![1]))
          const places = runSteps(summarizePlacesInSteps(data, rows, { rule }))
          const sums = runSteps(
            summarizeRowsInSteps(data, rows, 'target_group', 'year', 1e9, { rule }),
          )
          const { totals } = sums
          // The dashboard's pass with the places too: the same figures per place, the rest as
          // without them.
          const rowPlaces = runSteps(storePlacesInSteps(data))
          const both = runSteps(
            summarizeRowsInSteps(
              data,
              rows,
              'target_group',
              'year',
              2,
              { rule },
              {
                placeOfRow: rowPlaces.placeOfRow,
                count: rowPlaces.countries.length,
              },
            ),
          )
          expect(both.places).toEqual(places.places)
          expect({ ...both, places: null }).toEqual(sums)
          expect(total(places.places.killed)).toEqual(totals.killed)
          expect(total(places.places.injured)).toEqual(totals.injured)
          expect(places.places.rows.reduce((a, b) => a + b, 0)).toBe(rows.length)
          expect(Math.max(0, ...places.places.incidents)).toBeLessThanOrEqual(totals.incidents)
        },
      ),
    )
  })
})
