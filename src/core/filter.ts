// Which rows the current view shows. A filter pass is one loop over typed-array columns that
// returns the matching row indices; everything downstream (headline figures, charts, table page,
// export) reads only those rows.

import type { CasualtyStore } from './store'

/** The filters of the view. Empty arrays and empty strings mean "no restriction". */
export interface Filters {
  /** Inclusive date bounds as ISO text at any precision (`2021`, `2021-10`, `2021-10-08`). */
  dateFrom: string
  dateTo: string
  targetGroups: string[]
  perpetrators: string[]
  admin1: string[]
  /** Case-insensitive search over location, notes and quotes. */
  text: string
}

export function emptyFilters(): Filters {
  return { dateFrom: '', dateTo: '', targetGroups: [], perpetrators: [], admin1: [], text: '' }
}

/** The indices of every row: the selection with no filter. */
export function allRows(store: CasualtyStore): Uint32Array {
  const rows = new Uint32Array(store.length)
  for (let i = 0; i < rows.length; i++) rows[i] = i
  return rows
}
