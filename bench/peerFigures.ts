// The figures every engine of `npm run bench:peers` computes from the same file, in one shape, so
// that they can be compared value by value: the headline totals, the figures per target group and
// per month, as summarizeRows gives them (src/core/view/aggregate.ts) and as SQL gives them.
//
// How a measure is summed (the dashboard's rules): a row with a minimum adds it to `min`; its
// maximum, or its minimum when it has none (an open row), to `max`; a row with only a maximum adds
// it to `max`; a row with words and no number is unquantified. Year-only dates are left off months.

import type { ViewSums } from '../src/core/view/aggregate'

export interface Measure {
  min: number
  max: number
  open: number
  unquantified: number
  quantified: number
}

export interface Figures {
  rows: number
  incidents: number
  killed: Measure
  injured: Measure
  /** Per target group: rows, killed min/max, injured min/max. */
  groups: Record<string, [number, number, number, number, number]>
  /** Per month (`2021-08`): killed min/max, injured min/max, distinct incidents. */
  months: Record<string, [number, number, number, number, number]>
}

/** The group whose rows the filter change drops (the page's first target-group checkbox). */
export const DROPPED_GROUP = 'civilians'

function measureSql(column: 'killed' | 'injured'): string {
  const min = `${column}_min`
  const max = `${column}_max`
  return [
    `CAST(sum(coalesce(${min}, 0)) AS DOUBLE)`,
    `CAST(sum(coalesce(${max}, ${min}, 0)) AS DOUBLE)`,
    `CAST(count(*) FILTER (WHERE ${min} IS NOT NULL AND ${max} IS NULL) AS DOUBLE)`,
    `CAST(count(*) FILTER (WHERE ${min} IS NULL AND ${max} IS NULL AND coalesce(${column}_text, '') <> '') AS DOUBLE)`,
    `CAST(count(*) FILTER (WHERE ${min} IS NOT NULL OR ${max} IS NOT NULL) AS DOUBLE)`,
  ].join(', ')
}

/** The three queries of a view: totals, per group, per month; `where` is '' or a WHERE clause. */
export function figuresSql(table: string, where: string): [string, string, string] {
  const sums = (column: 'killed' | 'injured') =>
    `CAST(sum(coalesce(${column}_min, 0)) AS DOUBLE), CAST(sum(coalesce(${column}_max, ${column}_min, 0)) AS DOUBLE)`
  return [
    `SELECT CAST(count(*) AS DOUBLE), CAST(count(DISTINCT incident_id) AS DOUBLE), ${measureSql('killed')}, ${measureSql('injured')} FROM ${table} ${where}`,
    `SELECT target_group, CAST(count(*) AS DOUBLE), ${sums('killed')}, ${sums('injured')} FROM ${table} ${where} GROUP BY target_group`,
    `SELECT substr(CAST(date AS VARCHAR), 1, 7) AS month, ${sums('killed')}, ${sums('injured')}, CAST(count(DISTINCT incident_id) AS DOUBLE) FROM ${table} ${where} ${where ? 'AND' : 'WHERE'} length(CAST(date AS VARCHAR)) >= 7 GROUP BY month`,
  ]
}

/** The WHERE clause of the filter change, or '' for every row. */
export function filterWhere(dropped: boolean): string {
  return dropped ? `WHERE target_group <> '${DROPPED_GROUP}'` : ''
}

type Row = (string | number | null)[]

const measureOf = (row: Row, from: number): Measure => ({
  min: Number(row[from]),
  max: Number(row[from + 1]),
  open: Number(row[from + 2]),
  unquantified: Number(row[from + 3]),
  quantified: Number(row[from + 4]),
})

/** Figures from the rows of the three queries of figuresSql. */
export function figuresFromSql(totals: Row, groups: Row[], months: Row[]): Figures {
  const numbers = (row: Row) => row.slice(1).map(Number) as Figures['groups'][string]
  return {
    rows: Number(totals[0]),
    incidents: Number(totals[1]),
    killed: measureOf(totals, 2),
    injured: measureOf(totals, 7),
    groups: Object.fromEntries(groups.map((row) => [String(row[0] ?? ''), numbers(row)])),
    months: Object.fromEntries(months.map((row) => [String(row[0]), numbers(row)])),
  }
}

/** Figures from summarizeRows(store, rows, 'target_group', 'month'). */
export function figuresFromSums(sums: ViewSums): Figures {
  const { totals, groups, series } = sums
  const measure = (figure: ViewSums['totals']['killed']): Measure => ({
    min: figure.min,
    max: figure.max,
    open: figure.openRows,
    unquantified: figure.unquantifiedRows,
    quantified: figure.quantifiedRows,
  })
  const byGroup: Figures['groups'] = {}
  groups.labels.forEach((label, code) => {
    const rows = groups.rows[code] ?? 0
    if (rows === 0) return
    byGroup[label] = [
      rows,
      groups.killed.min[code] ?? 0,
      groups.killed.max[code] ?? 0,
      groups.injured.min[code] ?? 0,
      groups.injured.max[code] ?? 0,
    ]
  })
  const byMonth: Figures['months'] = {}
  series.periods.forEach((code, p) => {
    const incidents = series.totals.incidents[p] ?? 0
    if (incidents === 0) return
    const year = Math.floor(code / 10000)
    const month = Math.floor(code / 100) % 100
    byMonth[`${year}-${String(month).padStart(2, '0')}`] = [
      series.totals.killed.min[p] ?? 0,
      series.totals.killed.max[p] ?? 0,
      series.totals.injured.min[p] ?? 0,
      series.totals.injured.max[p] ?? 0,
      incidents,
    ]
  })
  return {
    rows: totals.rows,
    incidents: totals.incidents,
    killed: measure(totals.killed),
    injured: measure(totals.injured),
    groups: byGroup,
    months: byMonth,
  }
}

/** The differences between two engines' figures (at most `limit`), empty when every one is equal. */
export function differences(a: Figures, b: Figures, limit = 10): string[] {
  const out: string[] = []
  const walk = (path: string, x: unknown, y: unknown) => {
    if (out.length >= limit) return
    if (typeof x === 'object' && x !== null && typeof y === 'object' && y !== null) {
      const keys = new Set([...Object.keys(x), ...Object.keys(y)])
      for (const key of [...keys].sort())
        walk(
          `${path}.${key}`,
          (x as Record<string, unknown>)[key],
          (y as Record<string, unknown>)[key],
        )
    } else if (x !== y) out.push(`${path}: ${String(x)} against ${String(y)}`)
  }
  walk('figures', a, b)
  return out
}
