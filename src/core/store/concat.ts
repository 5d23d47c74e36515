// Two stores made one (the user's "Add to current data"): rows of the first, then of the second,
// in steps so that the page paints meanwhile. Labels of the second are coded into the first's
// dictionaries; typed arrays and text bytes are copied, never turned into rows.

import {
  CATEGORY_COLUMNS,
  COUNT_COLUMNS,
  TEXT_COLUMNS,
  type CategoryColumn,
  type CountColumn,
  type TextColumn,
} from '../schema'
import { STEP_ROWS, runSteps, type Steps } from '../steps'
import {
  labelCount,
  labelsInRange,
  packStrings,
  packedCount,
  type PackedStrings,
} from './packedStrings'
import { extraText } from './repeat'
import { CasualtyStore, MAX_TEXT_BYTES, type CategoryData, type TextData } from './store'

/** Rows of `a` then rows of `b`; extra columns are the union, in order of first appearance. */
export function concatStores(a: CasualtyStore, b: CasualtyStore): CasualtyStore {
  return runSteps(concatStoresInSteps(a, b))
}

/** Values looked up or copied per step of concatStoresInSteps; rows go STEP_ROWS at a time. */
const CONCAT_VALUES = 1 << 15
/** Bytes copied per step. */
const CONCAT_BYTES = 1 << 24
const NO_CODE = 0xffffffff

/**
 * concatStores column by column, in steps (core/steps): typed arrays are copied, `b`'s labels
 * coded into `a`'s dictionaries (new labels after `a`'s, in `b`'s order), text bytes appended.
 * Its records are `a`'s then `b`'s, as adding them one by one would give.
 */
export function* concatStoresInSteps(a: CasualtyStore, b: CasualtyStore): Steps<CasualtyStore> {
  const x = a.columns
  const y = b.columns
  const length = x.length + y.length
  const join = <T extends Int32Array | Uint32Array>(first: T, second: T, out: T): T => {
    out.set(first.subarray(0, x.length))
    out.set(second.subarray(0, y.length), x.length)
    return out
  }
  const line = join(x.line, y.line, new Uint32Array(length))
  const date = join(x.date, y.date, new Int32Array(length))
  const counts = {} as Record<CountColumn, Int32Array>
  for (const column of COUNT_COLUMNS) {
    counts[column] = join(x.counts[column], y.counts[column], new Int32Array(length))
  }
  yield
  const categories = {} as Record<CategoryColumn, CategoryData>
  for (const column of CATEGORY_COLUMNS) {
    categories[column] = yield* concatCategory(
      x.categories[column],
      x.length,
      y.categories[column],
      y.length,
    )
  }
  const texts = {} as Record<TextColumn, TextData>
  for (const column of TEXT_COLUMNS) {
    texts[column] = yield* concatText(x.texts[column], x.length, y.texts[column], y.length)
  }
  const extraNames = [...new Set([...x.extraNames, ...y.extraNames])]
  const extras: TextData[] = []
  for (const name of extraNames) {
    // A column that repeats one of ours is written out: the two stores' columns of ours differ.
    const first = x.extraNames.includes(name) ? extraText(x, x.extraNames.indexOf(name)) : undefined
    const second = y.extraNames.includes(name)
      ? extraText(y, y.extraNames.indexOf(name))
      : undefined
    extras.push(yield* concatText(first, x.length, second, y.length))
  }
  return new CasualtyStore({ length, line, date, counts, categories, texts, extraNames, extras })
}

/** Calls `each` for every label of a dictionary, CONCAT_VALUES of them per step. */
function* eachInSteps(
  data: CategoryData,
  each: (value: string, code: number) => void,
): Steps<void> {
  const count = labelCount(data)
  for (let from = 0; from < count; from += CONCAT_VALUES) {
    const to = Math.min(count, from + CONCAT_VALUES)
    // A packed dictionary's labels are decoded a step at a time and dropped after it.
    if (data.packed) eachInRange(labelsInRange(data, from, to), from, from, to, each)
    else eachInRange(data.values, 0, from, to, each)
    yield
  }
}

// One dictionary-coded column of both stores. The Map indexes the smaller dictionary: adding one
// row to a million-row store looks up the million labels once, never builds a million-entry Map.
// When either dictionary is packed, so is the result (a's bytes, then b's new labels' bytes).
function* concatCategory(
  a: CategoryData,
  aRows: number,
  b: CategoryData,
  bRows: number,
): Steps<CategoryData> {
  const codes = new Uint32Array(aRows + bRows)
  codes.set(a.codes.subarray(0, aRows))
  if ((a.packed ?? a.values) === (b.packed ?? b.values)) {
    codes.set(b.codes.subarray(0, bRows), aRows)
    return a.packed ? { codes, values: [], packed: a.packed } : { codes, values: a.values }
  }
  const aCount = labelCount(a)
  const bCount = labelCount(b)
  // remap[code in b] = code in the result, whose labels are a's, then fromB's (codes in b)
  const remap = new Uint32Array(bCount).fill(NO_CODE)
  const fromB: number[] = []
  let count = aCount
  if (bCount <= aCount) {
    // b's labels, each with its first code in b
    const inB = new Map<string, number>()
    yield* eachInSteps(b, (value, code) => {
      if (!inB.has(value)) inB.set(value, code)
    })
    yield* eachInSteps(a, (value, code) => {
      const at = inB.get(value)
      if (at !== undefined && remap[at] === NO_CODE) remap[at] = code
    })
    yield* eachInSteps(b, (value, code) => {
      if (remap[code] !== NO_CODE) return
      const first = inB.get(value) as number
      // A label b holds twice (never from StoreBuilder) takes the code of its first copy.
      if (first !== code) {
        remap[code] = remap[first] as number
      } else {
        remap[code] = count++
        fromB.push(code)
      }
    })
  } else {
    // a's labels, each with its first code in a
    const inA = new Map<string, number>()
    yield* eachInSteps(a, (value, code) => {
      if (!inA.has(value)) inA.set(value, code)
    })
    yield* eachInSteps(b, (value, code) => {
      let at = inA.get(value)
      if (at === undefined) {
        at = count++
        fromB.push(code)
        inA.set(value, at)
      }
      remap[code] = at
    })
  }
  for (let from = 0; from < bRows; from += STEP_ROWS) {
    remapCodes(b.codes, remap, from, Math.min(bRows, from + STEP_ROWS), codes, aRows)
    yield
  }
  if (!a.packed && !b.packed) {
    return { codes, values: a.values.concat(fromB.map((code) => b.values[code] ?? '')) }
  }
  const packed = yield* joinPacked(
    a.packed ?? packStrings(a.values),
    b.packed ?? packStrings(b.values),
    fromB,
  )
  return { codes, values: [], packed }
}

// The labels of `a`, then labels `fromB` (codes) of `b`, packed; bytes copied in steps.
function* joinPacked(
  a: PackedStrings,
  b: PackedStrings,
  fromB: readonly number[],
): Steps<PackedStrings> {
  const aCount = packedCount(a)
  const aBytes = a.offsets[aCount] ?? 0
  let size = aBytes
  for (const code of fromB) size += (b.offsets[code + 1] as number) - (b.offsets[code] as number)
  if (size > MAX_TEXT_BYTES) {
    throw new RangeError('A column would exceed 4 GB: the files are too large to add up.')
  }
  const bytes = new Uint8Array(size)
  bytes.set(a.bytes.subarray(0, aBytes))
  const offsets = new Uint32Array(aCount + fromB.length + 1)
  offsets.set(a.offsets.subarray(0, aCount + 1))
  for (let from = 0; from < fromB.length; from += CONCAT_VALUES) {
    copyLabels(b, fromB, from, Math.min(fromB.length, from + CONCAT_VALUES), bytes, offsets, aCount)
    yield
  }
  return { bytes, offsets }
}

// The loops of a step in plain functions: V8 optimizes a loop here, not one inside a generator.
function remapCodes(
  codes: Uint32Array,
  remap: Uint32Array,
  from: number,
  to: number,
  out: Uint32Array,
  at: number,
): void {
  for (let row = from; row < to; row++) out[at + row] = remap[codes[row] as number] as number
}

function shiftOffsets(
  offsets: Uint32Array | undefined,
  by: number,
  from: number,
  to: number,
  out: Uint32Array,
  at: number,
): void {
  for (let row = from; row <= to; row++)
    out[at + row] = by + (offsets ? (offsets[row] as number) : 0)
}

// Calls `each` for codes from..to, whose labels are `values[code - first]`.
function eachInRange(
  values: readonly string[],
  first: number,
  from: number,
  to: number,
  each: (value: string, code: number) => void,
): void {
  for (let code = from; code < to; code++) each(values[code - first] as string, code)
}

// Appends labels fromB[from..to] of `b` after label `before` of `out`; each label's end offset
// goes to `offsets`, the offset of label `before` + i having been set.
function copyLabels(
  b: PackedStrings,
  fromB: readonly number[],
  from: number,
  to: number,
  bytes: Uint8Array,
  offsets: Uint32Array,
  before: number,
): void {
  let at = offsets[before + from] as number
  for (let i = from; i < to; i++) {
    const code = fromB[i] as number
    const end = b.offsets[code + 1] as number
    for (let byte = b.offsets[code] as number; byte < end; byte++)
      bytes[at++] = b.bytes[byte] as number
    offsets[before + i + 1] = at
  }
}

// One text column of both stores; a column one store lacks (an extra column) is empty there.
function* concatText(
  a: TextData | undefined,
  aRows: number,
  b: TextData | undefined,
  bRows: number,
): Steps<TextData> {
  const aBytes = a ? (a.offsets[aRows] ?? 0) : 0
  const bBytes = b ? (b.offsets[bRows] ?? 0) : 0
  if (aBytes + bBytes > MAX_TEXT_BYTES) {
    throw new RangeError('A text column would exceed 4 GB: the files are too large to add up.')
  }
  const bytes = new Uint8Array(aBytes + bBytes)
  for (const [source, size, at] of [
    [a, aBytes, 0],
    [b, bBytes, aBytes],
  ] as const) {
    for (let from = 0; source && from < size; from += CONCAT_BYTES) {
      bytes.set(source.bytes.subarray(from, Math.min(size, from + CONCAT_BYTES)), at + from)
      yield
    }
  }
  const offsets = new Uint32Array(aRows + bRows + 1)
  if (a) offsets.set(a.offsets.subarray(0, aRows + 1))
  for (let from = 1; from <= bRows; from += STEP_ROWS) {
    shiftOffsets(b?.offsets, aBytes, from, Math.min(bRows, from + STEP_ROWS - 1), offsets, aRows)
    yield
  }
  return { bytes, offsets }
}
