import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readMax, tableToCsvRows, type ChartTable } from '../../../src/core/chart/chartModel'
import { buildGroupChart } from '../../../src/core/chart/groupChart'
import { buildTimeChart } from '../../../src/core/chart/timeChart'
import { formatDateLabel } from '../../../src/core/date'
import { storeFromRecords } from '../../../src/core/store/builder'
import { sumByGroup, sumOverTime, type MeasureArrays } from '../../../src/core/view/aggregate'
import { allRows } from '../../../src/core/view/filter'
import { record } from '../../helpers/record'
import { figureGiven } from '../../helpers/arbitraries'

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
    maxOnlyRows: Uint32Array.of(0, 0, 0),
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

// The honesty rule over any dataset: in every chart table (the "Table CSV" downloads), a 0 in a
// figure column is backed by a row of that line whose source gives 0, or by a row count of 0 on
// the same line. "Not given" is an empty field, never 0.
describe('chart tables never write 0 for a figure not given', () => {
  const figure = figureGiven(3, 2)
  const arbitraryRecord = fc.record({
    incident_id: fc.constantFrom('A', 'B', 'C', 'D'),
    date: fc.constantFrom('2020-01', '2021-08', '2021-08-30', '2021-11', '2022'),
    target_group: fc.constantFrom('civilians', 'police', 'taliban security forces'),
    target_type: fc.constantFrom('', 'Private Citizens & Property', 'Police'),
    killed: figure,
    injured: figure,
  })
  type Generated = {
    incident_id: string
    target_group: string
    killed: { min: number | null; max: number | null }
    injured: { min: number | null; max: number | null }
  }
  const saysZero = (rows: Generated[], measure: 'killed' | 'injured', end: 'min' | 'max') =>
    rows.some((r) => r[measure][end] === 0 || (end === 'max' && r[measure].min === 0))

  // Rows of one incident and target group are reports of one figure: reconciled, their figure is
  // drawn in the cell of one of them, so any of them may back a 0 in that cell.
  const withReports = (all: readonly Generated[], cell: readonly Generated[]) =>
    all.filter((r) =>
      cell.some((c) => c.incident_id === r.incident_id && c.target_group === r.target_group),
    )

  function checkTable(
    all: readonly Generated[],
    table: ChartTable,
    scopeOf: (line: readonly (string | number | null)[]) => Generated[],
  ) {
    const keys = table.columns.map((column) => column.key)
    const rowsAt = keys.indexOf('rows')
    expect(rowsAt).toBeGreaterThan(0)
    tableToCsvRows(table).forEach((line, index) => {
      keys.forEach((key, c) => {
        const match = /^(killed|injured)_(min|max)/.exec(key)
        if (!match || line[c] !== '0') return
        if (line[rowsAt] === '0') return
        const measure = match[1] as 'killed' | 'injured'
        const end = match[2] as 'min' | 'max'
        const scope = withReports(all, scopeOf(table.rows[index]!))
        const group = /^(?:killed|injured)_min_(.+)$/.exec(key)?.[1]
        const inCell =
          group && group !== 'total'
            ? scope.filter((r) => r.target_group.replace(/[^a-z0-9]+/g, '_') === group)
            : scope
        expect(saysZero(inCell, measure, end), `${key} = 0 on “${line.join(',')}”`).toBe(true)
      })
    })
  }

  it('holds for the tables by group and over time, per month and per year', () => {
    fc.assert(
      fc.property(fc.array(arbitraryRecord, { maxLength: 30 }), (generated) => {
        const records = generated.map((r) =>
          record({
            incident_id: r.incident_id,
            date: r.date,
            target_group: r.target_group,
            target_type: r.target_type,
            killed_min: r.killed.min,
            killed_max: r.killed.max,
            killed_text: r.killed.text,
            injured_min: r.injured.min,
            injured_max: r.injured.max,
            injured_text: r.injured.text,
          }),
        )
        const store = storeFromRecords(records)
        const rows = allRows(store)
        for (const column of ['target_group', 'target_type'] as const) {
          const groups = sumByGroup(store, rows, column)
          const model = buildGroupChart(groups)
          checkTable(generated, model.table, (line) =>
            generated.filter((r) => r[column] === line[0]),
          )
        }
        for (const unit of ['month', 'year'] as const) {
          const series = sumOverTime(store, rows, 'target_group', unit)
          for (const metric of ['killed', 'injured', 'incidents'] as const) {
            const model = buildTimeChart(series, metric)
            checkTable(generated, model.table, (line) =>
              generated.filter((r) => formatDateLabel(periodCode(r.date, unit)) === line[0]),
            )
            // The text alternative reads 0 for a period only where a source there says 0.
            model.labels.forEach((label) => {
              if (!new RegExp(`${label} 0(?![\\d,–])`).test(model.summary)) return
              const scope = withReports(
                generated,
                generated.filter((r) => formatDateLabel(periodCode(r.date, unit)) === label),
              )
              expect(metric !== 'incidents' && saysZero(scope, metric, 'max'), model.summary).toBe(
                true,
              )
            })
          }
        }
      }),
      { numRuns: 300 },
    )
  })
})

function periodCode(date: string, unit: 'month' | 'year'): number {
  const year = Number(date.slice(0, 4))
  const month = date.length >= 7 && unit === 'month' ? Number(date.slice(5, 7)) : 0
  return year * 10000 + month * 100
}
