// Moving a store from the import worker to the page without a long task on the page. Typed arrays
// transfer for free, but an array of strings is structured-cloned, and the page decodes it in one
// go inside the message event: a million incident ids took ~0.4 s. So each dictionary's labels
// cross as UTF-8 bytes with offsets (transferable), and the page turns them back into strings in
// steps (`unpackColumns` yields between slices; the page runs it with yieldToPage in between).
// Work in steps is a generator (core/steps): `yield` marks where the caller may let the page run.

import { CATEGORY_COLUMNS, type CategoryColumn } from './schema'
import type { Steps } from './steps'
import { transferablesOf, type CategoryData, type StoreColumns } from './store'

/** Strings as UTF-8: string i is `bytes[offsets[i] .. offsets[i + 1]]`. */
export interface PackedStrings {
  bytes: Uint8Array
  offsets: Uint32Array
}

const encoder = new TextEncoder()
// ignoreBOM: a value that starts with U+FEFF keeps it.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true })

/**
 * Packs strings as UTF-8 with offsets. Lossless for well-formed text (anything decoded from a
 * file); a lone surrogate becomes U+FFFD, as in any UTF-8.
 */
export function packStrings(values: readonly string[]): PackedStrings {
  const offsets = new Uint32Array(values.length + 1)
  const joined = values.join('')
  const all = encoder.encode(joined)
  if (all.length === joined.length) {
    // All ASCII: one byte per UTF-16 unit, so the offsets are the string lengths.
    let at = 0
    values.forEach((value, i) => {
      at += value.length
      offsets[i + 1] = at
    })
    return { bytes: all, offsets }
  }
  // Encoded one by one, a string can take more bytes than in the joined text (two lone halves of
  // a surrogate pair at a boundary: 3 + 3 bytes instead of 4), at most 2 more per boundary.
  let bytes = new Uint8Array(all.length + 2 * values.length)
  let at = 0
  values.forEach((value, i) => {
    at += encoder.encodeInto(value, bytes.subarray(at)).written
    offsets[i + 1] = at
  })
  if (at < bytes.length) bytes = bytes.slice(0, at)
  return { bytes, offsets }
}

/** Strings unpacked per step of `unpackStrings`: some milliseconds of work for short labels. */
export const UNPACK_STEP = 8_192

/** The number of UTF-16 units of well-formed UTF-8 `bytes[start..end]`. */
function utf16Length(bytes: Uint8Array, start: number, end: number): number {
  let units = 0
  for (let i = start; i < end; i++) {
    const byte = bytes[i] as number
    // Every byte but a continuation byte starts a character; a 4-byte one is a surrogate pair.
    if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1
  }
  return units
}

// Appends strings from..to of `packed` to `out`: one decode of their bytes, then substrings. A
// plain function, not a generator: V8 optimizes a loop here, not one inside a generator.
function unpackSlice(packed: PackedStrings, from: number, to: number, out: string[]): void {
  const { bytes, offsets } = packed
  const base = offsets[from] as number
  const end = offsets[to] as number
  const text = decoder.decode(bytes.subarray(base, end))
  if (text.length === end - base) {
    for (let i = from; i < to; i++) {
      out.push(text.substring((offsets[i] as number) - base, (offsets[i + 1] as number) - base))
    }
    return
  }
  let unit = 0
  for (let i = from; i < to; i++) {
    const start = unit
    unit += utf16Length(bytes, offsets[i] as number, offsets[i + 1] as number)
    out.push(text.substring(start, unit))
  }
}

/**
 * The strings of `packed`, `step` at a time: each step decodes its slice of the bytes once and
 * cuts it into strings (substrings share their slice, which they cover whole).
 */
export function* unpackStrings(packed: PackedStrings, step = UNPACK_STEP): Steps<string[]> {
  const count = Math.max(0, packed.offsets.length - 1)
  const out: string[] = []
  for (let from = 0; from < count; from += step) {
    const to = Math.min(count, from + step)
    unpackSlice(packed, from, to, out)
    if (to < count) yield
  }
  return out
}

/** A dictionary-coded column as it crosses from the worker: its labels packed. */
export interface PackedCategory {
  codes: Uint32Array
  values: PackedStrings
}

/** A store's columns as the worker sends them: StoreColumns with every dictionary packed. */
export interface PackedColumns extends Omit<StoreColumns, 'categories'> {
  categories: Record<CategoryColumn, PackedCategory>
}

/** The columns with every dictionary's labels packed; the other columns are shared, not copied. */
export function packColumns(columns: StoreColumns): PackedColumns {
  const categories = {} as Record<CategoryColumn, PackedCategory>
  for (const column of CATEGORY_COLUMNS) {
    const data = columns.categories[column]
    categories[column] = { codes: data.codes, values: packStrings(data.values) }
  }
  return { ...columns, categories }
}

/** Every ArrayBuffer of packed columns, once each: the postMessage transfer list. */
export function transferablesOfPacked(columns: PackedColumns): ArrayBuffer[] {
  const buffers = new Set(transferablesOf(columns))
  for (const column of CATEGORY_COLUMNS) {
    const { bytes, offsets } = columns.categories[column].values
    buffers.add(bytes.buffer as ArrayBuffer)
    buffers.add(offsets.buffer as ArrayBuffer)
  }
  return [...buffers]
}

/** The store's columns again, the labels made strings in steps (see unpackStrings). */
export function* unpackColumns(columns: PackedColumns, step = UNPACK_STEP): Steps<StoreColumns> {
  const categories = {} as Record<CategoryColumn, CategoryData>
  for (const column of CATEGORY_COLUMNS) {
    const data = columns.categories[column]
    categories[column] = { codes: data.codes, values: yield* unpackStrings(data.values, step) }
    yield
  }
  return { ...columns, categories }
}
