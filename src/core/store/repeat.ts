// An extra column that repeats a column of ours (RepeatData in core/store/store), written out as a
// whole text column: for what needs every row's bytes at once (joining or cutting stores, the
// map's coordinates). Written once per column and kept while the column lives.

import { CATEGORY_COLUMNS, type CategoryColumn, type TextColumn } from '../schema'
import { builtPackedLabels, packStrings, packedCount, type PackedStrings } from './packedStrings'
import {
  isRepeat,
  repeatedColumn,
  type RepeatData,
  type StoreColumns,
  type TextData,
} from './store'

const written = new WeakMap<RepeatData, TextData>()

/** Extra column `index` as a text column (one that repeats a column of ours is written out). */
export function extraText(columns: StoreColumns, index: number): TextData {
  const data = columns.extras[index]
  if (!data) throw new RangeError(`No extra column ${index}`)
  if (!isRepeat(data)) return data
  let text = written.get(data)
  if (!text) {
    text = writeRepeat(columns, data)
    written.set(data, text)
  }
  return text
}

/** Every extra column as a text column. */
export function extraTexts(columns: StoreColumns): TextData[] {
  return columns.extras.map((_, index) => extraText(columns, index))
}

/** A dictionary's labels as UTF-8 with offsets (the builder's own bytes when it has them). */
function packedLabels(data: { values: string[]; packed?: PackedStrings }): PackedStrings {
  return data.packed ?? builtPackedLabels.get(data) ?? packStrings(data.values)
}

/** The text column a repeat stands for: the column of ours, with the rows it keeps its own. */
export function writeRepeat(columns: StoreColumns, data: RepeatData): TextData {
  const { length } = columns
  const column = repeatedColumn(data)
  const isCategory = (CATEGORY_COLUMNS as readonly string[]).includes(column)
  const category = isCategory ? columns.categories[column as CategoryColumn] : null
  const text = isCategory ? null : columns.texts[column as TextColumn]
  const own = data.values
  const rows = data.rows
  if (rows.length === 0 && text) {
    return { bytes: text.bytes.slice(0, text.offsets[length]), offsets: text.offsets.slice() }
  }
  const codes = category ? category.codes : null
  const labels = category ? packedLabels(category) : null
  if (rows.length === 0 && codes && labels) return labelsPerRow(codes, labels, length)
  // Sizes first, then one buffer of the exact size.
  const offsets = new Uint32Array(length + 1)
  let total = 0
  for (let row = 0, next = 0; row < length; row++) {
    if (next < rows.length && rows[next] === row) {
      total += own.offsets[next + 1]! - own.offsets[next]!
      next++
    } else if (codes) {
      const code = codes[row]!
      total += labels!.offsets[code + 1]! - labels!.offsets[code]!
    } else total += text!.offsets[row + 1]! - text!.offsets[row]!
    offsets[row + 1] = total
  }
  const bytes = new Uint8Array(total)
  for (let row = 0, next = 0; row < length; row++) {
    let source: Uint8Array
    let start: number
    if (next < rows.length && rows[next] === row) {
      source = own.bytes
      start = own.offsets[next++]!
    } else if (codes) {
      source = labels!.bytes
      start = labels!.offsets[codes[row]!]!
    } else {
      source = text!.bytes
      start = text!.offsets[row]!
    }
    let at = offsets[row]!
    const end = offsets[row + 1]!
    if (end - at < 64) for (let i = start; at < end; i++) bytes[at++] = source[i]!
    else bytes.set(source.subarray(start, start + end - at), at)
  }
  return { bytes, offsets }
}

// The text column of a dictionary-coded column's rows: each row's label bytes, one after another.
function labelsPerRow(codes: Uint32Array, labels: PackedStrings, length: number): TextData {
  const from = labels.offsets
  const source = labels.bytes
  // A column of distinct values in order of appearance (an id): the labels are the column.
  let inOrder = packedCount(labels) === length
  for (let row = 0; inOrder && row < length; row++) inOrder = codes[row] === row
  if (inOrder) {
    return { bytes: source.slice(from[0], from[length]), offsets: from.map((at) => at - from[0]!) }
  }
  const offsets = new Uint32Array(length + 1)
  let total = 0
  for (let row = 0; row < length; row++) {
    const code = codes[row]!
    total += from[code + 1]! - from[code]!
    offsets[row + 1] = total
  }
  const bytes = new Uint8Array(total)
  for (let row = 0, at = 0; row < length; row++) {
    const end = offsets[row + 1]!
    let i = from[codes[row]!]!
    if (end - at < 64) while (at < end) bytes[at++] = source[i++]!
    else {
      bytes.set(source.subarray(i, i + end - at), at)
      at = end
    }
  }
  return { bytes, offsets }
}
