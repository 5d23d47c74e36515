// An extra column that repeats a column of ours (RepeatData in core/store/store), written out as a
// whole text column: for what needs every row's bytes at once (joining or cutting stores, the
// map's coordinates). Written once per column and kept while the column lives.

import {
  isCategoryColumn,
  isRepeat,
  repeatedColumn,
  type RepeatData,
  type StoreColumns,
  type TextData,
} from './store'
import { packedLabelsOf } from './transfer'

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

/** The text column a repeat stands for: the column of ours, with the rows it keeps its own. */
export function writeRepeat(columns: StoreColumns, data: RepeatData): TextData {
  const { length } = columns
  const column = repeatedColumn(data)
  const category = isCategoryColumn(column) ? columns.categories[column] : null
  const text = isCategoryColumn(column) ? null : columns.texts[column]
  const own = data.values
  const rows = data.rows
  const codes = category ? category.codes : null
  const labels = category ? packedLabelsOf(category) : null
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
