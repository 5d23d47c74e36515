import { describe, expect, it } from 'vitest'
import { readMax, tableToCsvRows } from '../../../src/core/chart/chartModel'
import type { MeasureArrays } from '../../../src/core/view/aggregate'

describe('tableToCsvRows', () => {
  it('writes counts as plain digits, labels as they are and no upper bound as an empty field', () => {
    const keys = ['period', 'injured_min_total', 'injured_max_total']
    const table = {
      caption: 'Injured per month',
      columns: keys.map((key) => ({ key, label: key })),
      rows: [
        ['Oct 2021', 51, null],
        ['Nov 2021', 0, 0],
      ],
    }
    expect(tableToCsvRows(table)).toEqual([
      ['Oct 2021', '51', ''],
      ['Nov 2021', '0', '0'],
    ])
  })
})

describe('readMax', () => {
  // Three groups: a closed range, one open row among closed ones, no rows at all.
  const arrays: MeasureArrays = {
    min: Float64Array.of(10, 51, 0),
    max: Float64Array.of(20, 60, 0),
    openRows: Uint32Array.of(0, 1, 0),
    unquantifiedRows: Uint32Array.of(0, 0, 0),
    quantifiedRows: Uint32Array.of(1, 2, 0),
  }

  it.each([
    ['a closed range', 0, 20],
    ['no upper bound when one row has none', 1, null],
    ['zero where no row is', 2, 0],
    ['zero past the end', 3, 0],
  ])('%s', (_name, index, expected) => {
    expect(readMax(arrays, index)).toBe(expected)
  })
})
