import { describe, expect, it } from 'vitest'
import { sumByGroup } from '../../../src/core/view/aggregate'
import { buildGroupChart } from '../../../src/core/chart/groupChart'
import { tableToCsvRows } from '../../../src/core/chart/chartModel'
import { OKABE_ITO } from '../../../src/core/chart/palette'
import { rows, store } from './sampleStore'

describe('buildGroupChart', () => {
  const model = buildGroupChart(sumByGroup(store, rows, 'target_group'))

  it('orders groups by killed, keeps one colour per group code', () => {
    expect(model.labels).toEqual(['civilians', 'worshippers', 'soldiers', 'police'])
    expect(model.codes).toEqual([0, 2, 1, 3])
    expect(model.colors).toEqual([OKABE_ITO[0], OKABE_ITO[2], OKABE_ITO[1], OKABE_ITO[3]])
  })

  it('draws the minimum as the bar, never a zero bar for an unquantified group', () => {
    const [killed, injured] = model.data.datasets
    expect(killed?.data).toEqual([
      { x: 171, y: 0 },
      { x: 51, y: 1 },
      { x: 23, y: 2 },
    ])
    expect(injured?.data).toEqual([{ x: 3, y: 2 }])
  })

  it.each([
    ['an open bound', 0, 0, { min: 171, max: null, label: '171+' }],
    ['a range', 0, 2, { min: 23, max: 33, label: '23–33' }],
    ['an exact figure', 1, 2, { min: 3, max: 3, label: '3' }],
    ['over 50', 0, 1, { min: 51, max: null, label: '51+' }],
  ])('marks %s', (_name, datasetIndex, index, expected) => {
    expect(model.marks.find((m) => m.datasetIndex === datasetIndex && m.index === index)).toEqual({
      datasetIndex,
      index,
      ...expected,
    })
  })

  it('lists unquantified rows beside the chart', () => {
    expect(model.unquantified).toEqual([
      { label: 'worshippers', code: 2, killedRows: 0, injuredRows: 1 },
      { label: 'police', code: 3, killedRows: 1, injuredRows: 1 },
    ])
    expect(model.summary).toContain('police: killed not quantified in 1 row')
    expect(model.summary).toContain('civilians: killed at least 171')
    expect(model.valueMax).toBe(171)
  })

  it('writes “not quantified” where a group has no bar at all', () => {
    expect(model.notes).toEqual([{ index: 3, value: 0, text: 'not quantified' }])
  })

  it('has a table of exactly the plotted numbers, with an empty maximum when open', () => {
    expect(model.table.columns.map((c) => c.key)).toEqual([
      'target_group',
      'killed_min',
      'killed_max',
      'killed_open_max_rows',
      'killed_unquantified_rows',
      'injured_min',
      'injured_max',
      'injured_open_max_rows',
      'injured_unquantified_rows',
      'rows',
    ])
    expect(tableToCsvRows(model.table)).toEqual([
      // No row gives an injured figure for civilians, or a killed one for police: empty, not 0.
      ['civilians', '171', '', '1', '0', '', '', '0', '0', '2'],
      ['worshippers', '51', '', '1', '0', '', '', '0', '1', '1'],
      ['soldiers', '23', '33', '0', '0', '3', '3', '0', '0', '2'],
      ['police', '', '', '0', '1', '', '', '0', '1', '1'],
    ])
  })

  it('groups by GTD target type with the same builder', () => {
    const gtd = buildGroupChart(sumByGroup(store, rows, 'target_type'))
    expect(gtd.labels).toEqual(['Private', 'Religious', 'Military'])
    expect(gtd.table.columns[0]?.key).toBe('target_type')
  })

  it('says when no row is in the view', () => {
    const empty = buildGroupChart(sumByGroup(store, new Uint32Array(0), 'target_group'))
    expect(empty.labels).toEqual([])
    expect(empty.summary).toContain('no rows')
  })
})
