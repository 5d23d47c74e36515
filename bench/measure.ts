// Pieces of the benchmark that look at a loaded store: its retained size, one plain typed-array
// pass, the filter change the dashboard does, and the column mapping a GTD file is read with.

import { summarizeRows, summarizeRowsInSteps } from '../src/core/view/aggregate'
import { storePlacesInSteps } from '../src/core/view/placeSums'
import { monthIndex } from '../src/core/date'
import {
  allRows,
  emptyFilters,
  selectRows,
  type Filters,
  type Selection,
} from '../src/core/view/filter'
import { proposeMapping, readerFromMapping } from '../src/core/load/mapping'
import { CATEGORY_COLUMNS, COUNT_COLUMNS, TEXT_COLUMNS } from '../src/core/schema'
import { tableOrderInSteps } from '../src/core/view/sort'
import { runSteps } from '../src/core/steps'
import { NO_COUNT, arraysOfExtra, type CasualtyStore } from '../src/core/store/store'
import type { RowReader } from '../src/core/load/validate'

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
    // A dictionary kept packed (incident_id on the page): its bytes and offsets.
    if (data.packed) total += data.packed.bytes.byteLength + data.packed.offsets.byteLength
  }
  for (const data of [...TEXT_COLUMNS.map((c) => columns.texts[c]), ...columns.extras]) {
    // The whole buffer: a view of a bigger buffer keeps all of it. A column that repeats one of
    // ours holds only the rows where it differs.
    for (const array of arraysOfExtra(data)) total += array.buffer.byteLength
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

const PAGE_ROWS = 50

/** What the page does on a filter change, as steps that can be timed one by one. */
export interface FilterChange {
  /** Prepares `store` once, as the page does after an import; returns the milliseconds it took. */
  prepare: (store: CasualtyStore) => number
  /** One filter change: select, sum every figure, read the table's first page. */
  run: (store: CasualtyStore) => number
  steps: (store: CasualtyStore) => Record<string, () => unknown>
}

// A filter change as the page does it (useFilters, then useDashboard): select the rows with one
// target group dropped (selectRows: the rows and the same filters as a row test), sum the headline figures, the per-group chart and the monthly
// chart in one pass (summarizeRows), then read the first 50 rows of the table in date order out of
// the store's sorted order (TableOrder) and their records. Building the store's figure index and
// date order happens once per store, after the import: `prepare` times it apart.
export function filterChange(): FilterChange {
  const filtersOf = (store: CasualtyStore): Filters => ({
    ...emptyFilters(),
    targetGroups: store.columns.categories.target_group.values.slice(1),
  })
  const sums = (store: CasualtyStore, rows: Uint32Array) =>
    summarizeRows(store, rows, 'target_group', 'month')
  const tablePage = (store: CasualtyStore, { rows, test }: Selection) => {
    const order = runSteps(tableOrderInSteps(store, rows, 'date', 'asc', test))
    return Array.from(order.slice(0, PAGE_ROWS), (row) => store.record(row))
  }
  return {
    prepare(store) {
      const start = performance.now()
      const rows = allRows(store)
      sums(store, rows)
      tablePage(store, { rows, test: null })
      return performance.now() - start
    },
    run(store) {
      const selection = selectRows(store, filtersOf(store))
      sums(store, selection.rows)
      tablePage(store, selection)
      return selection.rows.length
    },
    steps(store) {
      const filters = filtersOf(store)
      const selection = selectRows(store, filters)
      return {
        filterRows: () => selectRows(store, filters),
        summarizeRows: () => sums(store, selection.rows),
        // The page sums the map's provinces in the same pass (useDashboard).
        'summarizeRows with the map': () => {
          const places = runSteps(storePlacesInSteps(store))
          return runSteps(
            summarizeRowsInSteps(
              store,
              selection.rows,
              'target_group',
              'month',
              undefined,
              undefined,
              places,
            ),
          )
        },
        'table page': () => tablePage(store, selection),
      }
    },
  }
}

/** How the page reads a GTD export: the column mapping it proposes for the header. */
export function gtdReader(header: readonly string[]): RowReader {
  return readerFromMapping(proposeMapping(header), header)
}
