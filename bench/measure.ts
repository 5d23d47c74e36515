// Pieces of the benchmark that look at a loaded store: its retained size, one plain typed-array
// pass, the filter change the dashboard does, and the column mapping a GTD file is read with.

import { monthIndex } from '../src/core/date'
import { proposeMapping, readerFromMapping } from '../src/core/mapping'
import { CATEGORY_COLUMNS, COUNT_COLUMNS, TEXT_COLUMNS } from '../src/core/schema'
import { NO_COUNT, type CasualtyStore } from '../src/core/store'
import type { RowReader } from '../src/core/validate'

// Bytes a V8 string of `length` one-byte characters takes (header + characters, 8-byte aligned),
// plus its slot in the values array. Two-byte strings are counted as if one-byte: labels are short.
function stringBytes(value: string): number {
  return 8 + ((16 + value.length + 7) & ~7)
}

/** The store's typed arrays plus an estimate of its dictionary strings. */
export function retainedBytes(store: CasualtyStore): number {
  const { columns } = store
  let total = columns.line.byteLength + columns.date.byteLength
  for (const column of COUNT_COLUMNS) total += columns.counts[column].byteLength
  for (const column of CATEGORY_COLUMNS) {
    const data = columns.categories[column]
    total += data.codes.byteLength
    for (const value of data.values) total += stringBytes(value)
  }
  for (const data of [...TEXT_COLUMNS.map((c) => columns.texts[c]), ...columns.extras]) {
    // The whole buffer: a view of a bigger buffer keeps all of it.
    total += data.bytes.buffer.byteLength + data.offsets.buffer.byteLength
  }
  return total
}

/** The reference: one loop over the rows summing killed by target group x month. */
export function plainPass(store: CasualtyStore): number {
  const { columns } = store
  const groups = columns.categories.target_group
  const killed = columns.counts.killed_min
  const months = 200 * 12
  const firstMonth = 1900 * 12
  const sums = new Float64Array(groups.values.length * months)
  for (let row = 0; row < store.length; row++) {
    const value = killed[row] ?? NO_COUNT
    if (value === NO_COUNT) continue
    const month = monthIndex(columns.date[row] ?? 0) - firstMonth
    if (month < 0 || month >= months) continue
    const cell = (groups.codes[row] ?? 0) * months + month
    sums[cell] = (sums[cell] ?? 0) + value
  }
  return sums.length
}

interface DashboardModules {
  filterRows: (store: CasualtyStore, filters: unknown) => Uint32Array
  emptyFilters: () => Record<string, unknown>
  sumTotals: (store: CasualtyStore, rows: ArrayLike<number>) => unknown
  sumByGroup: (store: CasualtyStore, rows: ArrayLike<number>, column: string) => unknown
  sumOverTime: (
    store: CasualtyStore,
    rows: ArrayLike<number>,
    column: string,
    unit: string,
  ) => unknown
}

const PAGE_ROWS = 50

// A filter change as the page does it: select the rows (one target group dropped), then the
// headline totals, the per-group chart, the monthly chart and one table page of records. Uses the
// dashboard's filterRows and aggregate functions when they exist; else one fused pass of our own.
export async function filterPass(): Promise<{
  engine: string
  run: (store: CasualtyStore) => number
  /** The steps of run, to time one by one (empty for the bench's own pass). */
  steps: (store: CasualtyStore) => Record<string, () => unknown>
}> {
  const modules: Partial<DashboardModules> = {}
  try {
    // Paths in variables: the dashboard's modules land while this bench is being written.
    const filterPath = '../src/core/filter'
    const aggregatePath = '../src/core/aggregate'
    Object.assign(modules, await import(filterPath), await import(aggregatePath))
  } catch {
    // fall through to our own pass
  }
  const { filterRows, emptyFilters, sumTotals, sumByGroup, sumOverTime } = modules
  if (filterRows && emptyFilters && sumTotals && sumByGroup && sumOverTime) {
    return {
      engine: 'dashboard filterRows + sumTotals + sumByGroup + sumOverTime + page',
      run(store) {
        const groups = store.columns.categories.target_group.values
        const filters = { ...emptyFilters(), targetGroups: groups.slice(1) }
        const rows = filterRows(store, filters)
        sumTotals(store, rows)
        sumByGroup(store, rows, 'target_group')
        sumOverTime(store, rows, 'target_group', 'month')
        for (let i = 0; i < Math.min(PAGE_ROWS, rows.length); i++) store.record(rows[i] ?? 0)
        return rows.length
      },
      steps(store) {
        const groups = store.columns.categories.target_group.values
        const filters = { ...emptyFilters(), targetGroups: groups.slice(1) }
        const rows = filterRows(store, filters)
        return {
          filterRows: () => filterRows(store, filters),
          sumTotals: () => sumTotals(store, rows),
          sumByGroup: () => sumByGroup(store, rows, 'target_group'),
          sumOverTime: () => sumOverTime(store, rows, 'target_group', 'month'),
        }
      },
    }
  }
  return {
    engine: 'bench fused pass (dashboard functions not there yet)',
    run(store) {
      const { columns } = store
      const groups = columns.categories.target_group
      const months = 200 * 12
      const firstMonth = 1900 * 12
      const byMonth = new Float64Array(groups.values.length * months)
      const byGroup = new Float64Array(groups.values.length * 2)
      let killed = 0
      let injured = 0
      const rows = new Uint32Array(store.length)
      let count = 0
      for (let row = 0; row < store.length; row++) {
        const group = groups.codes[row] ?? 0
        if (group === 0) continue
        rows[count++] = row
        const k = columns.counts.killed_min[row] ?? NO_COUNT
        const w = columns.counts.injured_min[row] ?? NO_COUNT
        if (k !== NO_COUNT) {
          killed += k
          byGroup[group * 2] = (byGroup[group * 2] ?? 0) + k
          const month = monthIndex(columns.date[row] ?? 0) - firstMonth
          const cell = group * months + month
          if (month >= 0 && month < months) byMonth[cell] = (byMonth[cell] ?? 0) + k
        }
        if (w !== NO_COUNT) {
          injured += w
          byGroup[group * 2 + 1] = (byGroup[group * 2 + 1] ?? 0) + w
        }
      }
      for (let i = 0; i < Math.min(PAGE_ROWS, count); i++) store.record(rows[i] ?? 0)
      return killed + injured
    },
    steps: () => ({}),
  }
}

/** How the page reads a GTD export: the column mapping it proposes for the header. */
export function gtdReader(header: readonly string[]): RowReader {
  return readerFromMapping(proposeMapping(header), header)
}
