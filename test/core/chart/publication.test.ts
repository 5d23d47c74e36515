import { describe, expect, it } from 'vitest'
import { buildGroupChart } from '../../../src/core/chart/groupChart'
import {
  datasetLine,
  footerLines,
  withLightColors,
  wrapText,
} from '../../../src/core/chart/publication'
import { buildTimeChart } from '../../../src/core/chart/timeChart'
import { storeFromRecords } from '../../../src/core/store/builder'
import { sumByGroup, sumOverTime } from '../../../src/core/view/aggregate'
import { allRows } from '../../../src/core/view/filter'
import { record } from '../../helpers/record'

describe('wrapText', () => {
  const measure = (text: string) => text.length
  it.each([
    ['one two three', 7, ['one two', 'three']],
    ['averyveryverylongword x', 5, ['averyveryverylongword', 'x']],
    ['  spaced   out ', 20, ['spaced out']],
    ['', 10, []],
  ])('%j in %i', (text, width, lines) => {
    expect(wrapText(text, width, measure)).toEqual(lines)
  })
})

describe('the publication’s texts', () => {
  it('names the dataset with its date and licence', () => {
    expect(datasetLine({ title: 'T', licence: 'CC BY 4.0', dataDate: '2024' }, 'f.csv')).toBe(
      'Data: T (data of 2024; licence: CC BY 4.0).',
    )
    expect(datasetLine({ title: '', licence: '', dataDate: '' }, 'f.csv')).toBe('Data: f.csv.')
  })
  it('writes the notes, source, dataset and address under the chart, skipping empty ones', () => {
    expect(
      footerLines({
        title: 't',
        subtitle: 's',
        legend: [],
        notes: ['n1', ''],
        sourceLine: 'Source: a',
        dataset: 'Data: d.',
        address: 'https://d.org/',
      }),
    ).toEqual(['n1', 'Source: a', 'Data: d.', 'https://d.org/'])
  })
})

describe('withLightColors', () => {
  // Eight groups: the eighth is black in the light theme and light grey in the dark one.
  const groups = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']
  const store = storeFromRecords(
    groups.map((g) => record({ target_group: g, killed_min: 1, killed_max: 1 })),
  )
  it.each([
    ['by group', () => buildGroupChart(sumByGroup(store, allRows(store), 'target_group'), true)],
    [
      'over time',
      () =>
        buildTimeChart(sumOverTime(store, allRows(store), 'target_group', 'month'), 'killed', true),
    ],
  ])('gives the %s chart the light theme’s colours', (_name, build) => {
    const dark = build()
    expect(JSON.stringify(dark.data)).toContain('#BBBBBB')
    const light = withLightColors(dark)
    expect(JSON.stringify(light.data)).not.toContain('#BBBBBB')
    expect(JSON.stringify(light.data)).toContain('#000000')
    expect(light.table).toBe(dark.table)
  })
})
