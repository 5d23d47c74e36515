// A row edited or deleted by hand, as a new store (stores never change: the one before stays
// whole for Undo). The rows before and after are sliced column by column and joined around the new
// row (core/store/concat), so an edit on a million-row store copies typed arrays, never makes rows.

import { CATEGORY_COLUMNS, COUNT_COLUMNS, TEXT_COLUMNS, type CasualtyRecord } from '../schema'
import type { CategoryColumn, CountColumn, TextColumn } from '../schema'
import { runSteps, type Steps } from '../steps'
import { storeFromRecords } from './builder'
import { concatStoresInSteps } from './concat'
import { extraTexts } from './repeat'
import { CasualtyStore, type CategoryData, type TextData } from './store'

function sliceText(data: TextData, from: number, to: number): TextData {
  const start = data.offsets[from] ?? 0
  const end = data.offsets[to] ?? start
  const offsets = new Uint32Array(to - from + 1)
  for (let row = from; row <= to; row++) offsets[row - from] = (data.offsets[row] ?? end) - start
  return { bytes: data.bytes.slice(start, end), offsets }
}

/** Rows from..to (exclusive) of a store; dictionaries are shared, not copied. */
export function sliceStore(store: CasualtyStore, from: number, to: number): CasualtyStore {
  const c = store.columns
  const counts = {} as Record<CountColumn, Int32Array>
  for (const column of COUNT_COLUMNS) counts[column] = c.counts[column].slice(from, to)
  const categories = {} as Record<CategoryColumn, CategoryData>
  for (const column of CATEGORY_COLUMNS) {
    const data = c.categories[column]
    categories[column] = { ...data, codes: data.codes.slice(from, to) }
  }
  const texts = {} as Record<TextColumn, TextData>
  for (const column of TEXT_COLUMNS) texts[column] = sliceText(c.texts[column], from, to)
  return new CasualtyStore({
    length: to - from,
    line: c.line.slice(from, to),
    date: c.date.slice(from, to),
    counts,
    categories,
    texts,
    extraNames: [...c.extraNames],
    extras: extraTexts(c).map((data) => sliceText(data, from, to)),
  })
}

/**
 * The store with row `row` replaced by `records` (none: the row deleted), in steps. The new rows
 * keep the store's extra columns; an extra column a record names that the store lacks is added.
 */
export function* replaceRowInSteps(
  store: CasualtyStore,
  row: number,
  records: readonly CasualtyRecord[],
): Steps<CasualtyStore> {
  if (row < 0 || row >= store.length) throw new RangeError(`No row ${row} in the data`)
  const names = [
    ...new Set([...store.extraNames, ...records.flatMap((record) => Object.keys(record.extra))]),
  ]
  const before = sliceStore(store, 0, row)
  const after = sliceStore(store, row + 1, store.length)
  const middle = storeFromRecords(records, names)
  const head = yield* concatStoresInSteps(before, middle)
  return yield* concatStoresInSteps(head, after)
}

/** replaceRowInSteps without pausing: small stores and tests. */
export function replaceRow(
  store: CasualtyStore,
  row: number,
  records: readonly CasualtyRecord[],
): CasualtyStore {
  return runSteps(replaceRowInSteps(store, row, records))
}
