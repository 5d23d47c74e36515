// Moving a store from the import worker to the page without a long task on the page. Typed arrays
// transfer for free, but an array of strings is structured-cloned, and the page decodes it in one
// go inside the message event, one long task for a million incident ids. So each dictionary's
// labels cross as UTF-8 bytes with offsets (transferable), and the page turns them back into
// strings in steps (`unpackColumns` yields between slices; the page runs it with yieldToPage in
// between). incident_id (about one label per row) is not unpacked at all: a million live strings
// make the young-generation GC pause the page long enough to be felt, so it stays packed
// (CategoryData's `packed`; readers go through labelAt/labelCount, core/store/packedStrings). Work
// in steps is a generator (core/steps): `yield` marks where the caller may let the page run.

import { CATEGORY_COLUMNS, type CategoryColumn } from '../schema'
import type { Steps } from '../steps'
import { packStrings, packedCount, unpackRange, type PackedStrings } from './packedStrings'
import { builtLabels } from './builder'
import {
  knowLabelCounts,
  knownLabelCounts,
  transferablesOf,
  type CategoryData,
  type StoreColumns,
} from './store'

/**
 * Dictionaries the page keeps packed (see core/store/packedStrings): incident_id (about one label
 * per row), and the places below the province (a city or village per incident: 98,000 locations
 * in the 1M-row bench file, whose strings took about half of the page's 45 ms of unpacking). The
 * page reads these one label at a time (a table row, an export) or decodes them at once where it
 * needs them all (labelsInRange: the text search, the sort by place), never as a list.
 */
export const KEPT_PACKED: readonly CategoryColumn[] = ['incident_id', 'admin2', 'location']

/** Strings unpacked per step of `unpackStrings`: some milliseconds of work for short labels. */
export const UNPACK_STEP = 8_192

/**
 * The strings of `packed`, `step` at a time: each step decodes its slice of the bytes once and
 * cuts it into strings (substrings share their slice, which they cover whole).
 */
export function* unpackStrings(packed: PackedStrings, step = UNPACK_STEP): Steps<string[]> {
  const count = packedCount(packed)
  const out: string[] = []
  for (let from = 0; from < count; from += step) {
    const to = Math.min(count, from + step)
    unpackRange(packed, from, to, out)
    if (to < count) yield
  }
  return out
}

/** A dictionary-coded column as it crosses from the worker: its labels packed. */
export interface PackedCategory {
  codes: Uint32Array
  values: PackedStrings
  /** Rows per label, where the sender knew them (the import counts them at its end). */
  counts?: Uint32Array
}

/** A store's columns as the worker sends them: StoreColumns with every dictionary packed. */
export interface PackedColumns extends Omit<StoreColumns, 'categories'> {
  categories: Record<CategoryColumn, PackedCategory>
}

// The bytes each unpacked label list was made from: packing it again (the page keeps every new
// store in the browser's database) takes them as they are instead of encoding every label again,
// which took 80-120 ms in one task on a million-row import. Keyed by the list itself, which
// nothing changes in place; its length is checked all the same.
const unpackedFrom = new WeakMap<readonly string[], PackedStrings>()

function packedOfValues(values: readonly string[]): PackedStrings | undefined {
  const packed = unpackedFrom.get(values)
  return packed && packedCount(packed) === values.length ? packed : undefined
}

/**
 * A dictionary's labels as UTF-8 with offsets: a dictionary kept packed on the page as it is, a
 * builder's as its bytes, one unpacked from bytes as those bytes, any other encoded.
 */
export function packedLabelsOf(data: CategoryData): PackedStrings {
  return data.packed ?? builtLabels(data) ?? packedOfValues(data.values) ?? packStrings(data.values)
}

/** The columns with every dictionary's labels packed; the other columns are shared, not copied. */
export function packColumns(columns: StoreColumns): PackedColumns {
  const categories = {} as Record<CategoryColumn, PackedCategory>
  for (const column of CATEGORY_COLUMNS) {
    const data = columns.categories[column]
    const counts = knownLabelCounts(data)
    categories[column] = {
      codes: data.codes,
      values: packedLabelsOf(data),
      ...(counts && { counts }),
    }
  }
  return { ...columns, categories }
}

/** Every ArrayBuffer of packed columns, once each: the postMessage transfer list. */
export function transferablesOfPacked(columns: PackedColumns): ArrayBuffer[] {
  const buffers = new Set(transferablesOf(columns))
  for (const column of CATEGORY_COLUMNS) {
    const { values, counts } = columns.categories[column]
    buffers.add(values.bytes.buffer as ArrayBuffer)
    buffers.add(values.offsets.buffer as ArrayBuffer)
    if (counts) buffers.add(counts.buffer as ArrayBuffer)
  }
  return [...buffers]
}

/**
 * The store's columns again, the labels made strings in steps (see unpackStrings), but those of
 * the KEPT_PACKED dictionaries, which stay packed (CategoryData's `packed`).
 */
export function* unpackColumns(columns: PackedColumns, step = UNPACK_STEP): Steps<StoreColumns> {
  const categories = {} as Record<CategoryColumn, CategoryData>
  for (const column of CATEGORY_COLUMNS) {
    const data = columns.categories[column]
    if (KEPT_PACKED.includes(column)) {
      categories[column] = { codes: data.codes, values: [], packed: data.values }
    } else {
      const values = yield* unpackStrings(data.values, step)
      unpackedFrom.set(values, data.values)
      categories[column] = { codes: data.codes, values }
    }
    if (data.counts) knowLabelCounts(categories[column], data.counts)
    if (!KEPT_PACKED.includes(column)) yield
  }
  return { ...columns, categories }
}
