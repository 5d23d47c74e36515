import { describe, expect, it } from 'vitest'
import { buildMapModel, classBreaks, type BoundaryRegion } from '../../../src/core/chart/mapModel'
import { storeFromRecords } from '../../../src/core/store/builder'
import { allRows } from '../../../src/core/view/filter'
import { summarizePlaces } from '../../../src/core/view/placeSums'
import { record } from '../../helpers/record'

const REGIONS: BoundaryRegion[] = ['Kabul', 'Kunduz', 'Helmand', 'Nangarhar', 'Herat'].map(
  (name) => ({ country: 'Afghanistan', name }),
)
const afg = { country: 'Afghanistan' }
const store = storeFromRecords([
  record({ ...afg, incident_id: 'A', admin1: 'Kabul', killed_min: 170, killed_max: 170 }),
  record({ ...afg, incident_id: 'B', admin1: 'Kunduz province', killed_min: 51 }),
  record({
    ...afg,
    incident_id: 'C',
    admin1: 'Hilmand',
    killed_min: 0,
    killed_max: 0,
    injured_min: 4,
    injured_max: 6,
  }),
  record({ ...afg, incident_id: 'D', admin1: 'Nangrahar', killed_text: 'several' }),
  record({ ...afg, incident_id: 'E', admin1: 'Atlantis' }),
  record({ ...afg, incident_id: 'F', admin1: 'Atlantis' }),
  record({ ...afg, incident_id: 'G', admin1: '' }),
  record({ country: 'Iraq', incident_id: 'H', admin1: 'Nineveh', killed_min: 3, killed_max: 3 }),
])
const model = buildMapModel(summarizePlaces(store, allRows(store)), REGIONS, 'killed')
const region = (name: string) => model.regions.find((r) => r.name === name)!
const className = (name: string) => model.classes[region(name).classIndex]!.label

describe('buildMapModel', () => {
  it("places UCDP's province names on the map: `Kabul province`, `Hirat province`", async () => {
    const { readFileSync } = await import('node:fs')
    const { loadCsv } = await import('../../../src/core/load/loader')
    const { proposeMapping, readerFromMapping } = await import('../../../src/core/load/mapping')
    // A real cut of UCDP GED 25.1 (test/fixtures/real/README.md).
    const bytes = readFileSync(new URL('../../fixtures/real/ucdp-ged-extract.csv', import.meta.url))
    const header = new TextDecoder().decode(bytes).split('\n')[0]!.split(',')
    const ged = loadCsv(bytes, {
      readerFor: (h) => readerFromMapping(proposeMapping(header), h),
    }).store!
    const regions = ['Kabul', 'Nangarhar', 'Kunduz', 'Baghlan', 'Herat'].map((name) => ({
      country: 'Afghanistan',
      name,
    }))
    const ucdp = buildMapModel(summarizePlaces(ged, allRows(ged)), regions, 'killed')
    expect(ucdp.unmatched).toEqual([])
    expect(ucdp.regions.map((r) => [r.name, r.value])).toEqual([
      ['Kabul', 6 + 183 + 10 + 2],
      ['Nangarhar', 2 + 6],
      ['Kunduz', 4],
      ['Baghlan', 600 + 70],
      ['Herat', 20],
    ])
  })

  it.each([
    // region, value shaded, class, words
    ['Kabul', 170, '100 or more', 'Kabul: 1 incident; killed 170; injured: no figure given'],
    [
      'Kunduz',
      51,
      '50–99',
      'Kunduz: 1 incident; killed at least 51, no upper bound in 1 row; injured: no figure given',
    ],
    ['Helmand', 0, '0', 'Helmand: 1 incident; killed 0; injured 4–6'],
    [
      'Nangarhar',
      null,
      'Rows but no figure',
      'Nangarhar: 1 incident; killed not quantified in 1 row; injured: no figure given',
    ],
    ['Herat', null, 'No data', 'Herat: no data in this view'],
  ])('%s: value %j, class %j', (name, value, label, text) => {
    expect(region(name).value).toBe(value)
    expect(className(name)).toBe(label)
    expect(region(name).text).toBe(text)
  })

  it('lists the rows it cannot place, never drops them', () => {
    expect(model.unmatched).toEqual([
      { label: 'Atlantis, Afghanistan', rows: 2 },
      { label: 'Nineveh, Iraq', rows: 1 },
    ])
    expect(model.unmatchedRows).toBe(3)
    expect(model.noPlaceRows).toBe(1)
  })

  it('keeps the matched spellings, for the filter a click makes', () => {
    expect(region('Helmand').labels).toEqual(['Hilmand'])
    expect(region('Kunduz').labels).toEqual(['Kunduz province'])
  })

  it('tables the regions with rows, largest first: empty, not 0, for a figure not given', () => {
    expect(model.table.columns.map((c) => c.key)).toEqual([
      'admin1',
      'incidents',
      'killed_min',
      'killed_max',
      'killed_open_max_rows',
      'killed_unquantified_rows',
      'injured_min',
      'injured_max',
      'injured_open_max_rows',
      'injured_unquantified_rows',
      'rows',
      'country',
    ])
    expect(model.table.rows).toEqual([
      ['Kabul', 1, 170, 170, 0, 0, null, null, 0, 0, 1, 'Afghanistan'],
      ['Kunduz', 1, 51, null, 1, 0, null, null, 0, 0, 1, 'Afghanistan'],
      ['Helmand', 1, 0, 0, 0, 0, 4, 6, 0, 0, 1, 'Afghanistan'],
      ['Nangarhar', 1, null, null, 0, 1, null, null, 0, 0, 1, 'Afghanistan'],
    ])
  })

  it.each([
    ['incidents', 1, 1],
    ['injured', null, 4],
  ] as const)('follows the measure %s', (metric, kabul, helmand) => {
    const other = buildMapModel(summarizePlaces(store, allRows(store)), REGIONS, metric)
    expect(other.regions.find((r) => r.name === 'Kabul')!.value).toBe(kabul)
    expect(other.regions.find((r) => r.name === 'Helmand')!.value).toBe(helmand)
  })
})

describe('classBreaks', () => {
  it.each([
    [[], []],
    [[0], []],
    [[7], [1, 5]],
    [
      [1, 47, 51, 189],
      [1, 20, 50, 100],
    ],
    [
      [3, 30, 300, 3000, 30000],
      [1, 20, 200, 2000, 20000],
    ],
  ])('%j → %j', (values, breaks) => {
    expect(classBreaks(values)).toEqual(breaks)
  })
})
