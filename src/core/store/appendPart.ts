// Appending a part to a store builder: the second part of a file read in two, read by another
// worker from the same header, added after the rows of the first (StoreBuilder.finish(true) makes
// such a part). Apart from the builder, because only the import's workers append parts: the page,
// which builds small stores (the shipped data, an edit), never loads this.

import { CATEGORY_COLUMNS, COUNT_COLUMNS, TEXT_COLUMNS } from '../schema'
import type { ByteKeys } from './byteKeys'
import {
  appendedText,
  TextBuilder,
  type CategoryBuilder,
  type EchoBuilder,
  type PartColumns,
  type StoreBuilder,
} from './builder'
import { packedCount, type PackedStrings } from './packedStrings'
import { MAX_TEXT_BYTES, isRepeat, type RepeatData, type TextData } from './store'

/**
 * The number here of each of `count` distinct keys given as UTF-8 with offsets (key k is
 * `bytes[offsets[k] .. offsets[k + 1]]`; a dictionary of the second part of a file read in two):
 * a key found keeps its number, the others are added after the keys here, in their order. All
 * at once: the lists grow once, and the new keys enter the lookup table only when find() is
 * called again (a whole dictionary appended is usually the last thing added).
 */
export function mergeKeys(
  keys: ByteKeys,
  bytes: Uint8Array,
  offsets: Uint32Array,
  count: number,
): Uint32Array {
  if (keys.stale) keys.rebuildTable()
  const numbers = new Uint32Array(count)
  const fresh = new Int32Array(count)
  const freshHashes = new Int32Array(count)
  let freshCount = 0
  let freshBytes = 0
  const mask = keys.table.length - 1
  for (let key = 0; key < count; key++) {
    const start = offsets[key] as number
    const end = offsets[key + 1] as number
    const h = keys.hash(bytes, start, end)
    let found = -1
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = keys.table[slot] as number
      if (entry === 0) break
      if (keys.hashes[entry - 1] === h && keys.equals(entry - 1, bytes, start, end)) {
        found = entry - 1
        break
      }
    }
    if (found !== -1) {
      numbers[key] = found
      continue
    }
    numbers[key] = keys.size + freshCount
    freshHashes[freshCount] = h
    fresh[freshCount++] = key
    freshBytes += end - start
  }
  if (freshCount === 0) return numbers
  const size = keys.size + freshCount
  if (size > keys.starts.length) {
    const starts = new Int32Array(size)
    const hashes = new Int32Array(size)
    starts.set(keys.starts.subarray(0, keys.size))
    hashes.set(keys.hashes.subarray(0, keys.size))
    keys.starts = starts
    keys.hashes = hashes
  }
  if (keys.used + freshBytes > keys.arena.length) {
    const arena = new Uint8Array(keys.used + freshBytes)
    arena.set(keys.arena.subarray(0, keys.used))
    keys.arena = arena
  }
  const arena = keys.arena
  for (let i = 0; i < freshCount; i++) {
    const key = fresh[i] as number
    const start = offsets[key] as number
    const end = offsets[key + 1] as number
    keys.starts[keys.size] = keys.used
    keys.hashes[keys.size] = freshHashes[i] as number
    keys.size++
    let at = keys.used
    for (let b = start; b < end; b++) {
      const byte = bytes[b] as number
      if (byte >= 0x80) keys.nonAscii = true
      arena[at++] = byte
    }
    keys.used = at
  }
  keys.stale = true
  return numbers
}

/**
 * Appends every value of a text column as it is (offsets shifted). Where the column can stay a
 * resizable buffer (Node), the bytes are copied in now; in browsers, where finish() copies the
 * column into a plain buffer anyway, they are kept as they are until then.
 */
export function appendText(text: TextBuilder, data: TextData, rows: number): void {
  text.flush()
  const size = data.offsets[rows] ?? 0
  const end = text.stored + text.appendedBytes
  if (end + size > MAX_TEXT_BYTES) throw new RangeError('A text column would exceed 4 GB.')
  text.offsets.appendShifted(data.offsets.subarray(1, rows + 1), end)
  if (size === 0) return
  if (!appendedText.copiedAtFinish) {
    text.copyIn(data.bytes.subarray(0, size))
    return
  }
  text.appended.push(data.bytes.subarray(0, size))
  text.appendedBytes += size
}

/**
 * Appends a column coded by another dictionary (labels as UTF-8 with offsets): its labels are
 * looked up once each, new ones added in its order (its codes number labels by first
 * appearance, so the dictionary ends as if its rows had been pushed one by one), and its codes
 * are mapped in one pass.
 */
export function appendCategory(
  category: CategoryBuilder,
  codes: Uint32Array,
  labels: PackedStrings,
  rows: number,
): void {
  const count = packedCount(labels)
  const remap = mergeKeys(category.keys, labels.bytes, labels.offsets, count)
  const mapped = new Uint32Array(rows)
  for (let row = 0; row < rows; row++) mapped[row] = remap[codes[row] as number] as number
  category.codes.append(mapped)
  category.last = -1
}

/**
 * Appends the rows of a part (see appendPart), the first of them row `first`: `own` is
 * the part's column as written out, `from` the schema column it repeats there; the rows where
 * they differ are kept.
 */
export function appendEchoPart(
  echo: EchoBuilder,
  first: number,
  own: TextData,
  from: { codes: Uint32Array; labels: PackedStrings } | TextData,
  rows: number,
): void {
  const source = 'codes' in from ? from.labels : from
  for (let row = 0; row < rows; row++) {
    const index = 'codes' in from ? from.codes[row]! : row
    const start = own.offsets[row]!
    const end = own.offsets[row + 1]!
    const theirs = source.offsets[index]!
    let same = source.offsets[index + 1]! - theirs === end - start
    for (let i = 0; same && i < end - start; i++)
      same = own.bytes[start + i] === source.bytes[theirs + i]
    if (!same) echo.differsBytes(first + row, own.bytes, start, end, false)
  }
}

/** Appends a part's repeat of the same column, its first row being row `first` here. */
export function appendEchoRepeat(echo: EchoBuilder, first: number, part: RepeatData): void {
  const { rows, values } = part
  for (let at = 0; at < rows.length; at++) {
    echo.differsBytes(
      first + rows[at]!,
      values.bytes,
      values.offsets[at]!,
      values.offsets[at + 1]!,
      false,
    )
  }
}

/**
 * Appends the rows of columns built by another builder from the same header (the second part of
 * a file read in two), their lines moved on by `lineOffset`: the result is the store one
 * builder would have made of both parts' rows. The part's text columns are emptied.
 */
export function appendPart(builder: StoreBuilder, part: PartColumns, lineOffset: number): void {
  const rows = part.length
  if (part.extraNames.join('\n') !== builder.extraNames.join('\n')) {
    throw new Error('The parts of a file must have the same columns.')
  }
  builder.line.appendShifted(part.line.subarray(0, rows), lineOffset)
  builder.date.append(part.date.subarray(0, rows) as Int32Array<ArrayBuffer>)
  for (const column of COUNT_COLUMNS)
    builder.counts[column].append(part.counts[column].subarray(0, rows) as Int32Array<ArrayBuffer>)
  for (const column of CATEGORY_COLUMNS) {
    const data = part.categories[column]
    appendCategory(builder.categories[column], data.codes, data.values, rows)
  }
  // Each text column of the part is let go once copied (the part is used up): its bytes can be
  // freed before the next column's are copied, so the part and the copy of it are never whole
  // at once. An extra column is taken before the text columns it may repeat.
  const emptyText = (): TextData => ({ bytes: new Uint8Array(0), offsets: new Uint32Array(1) })
  builder.extras.forEach((extra, index) => {
    const own = part.extras[index]!
    if (extra instanceof TextBuilder) {
      if (isRepeat(own)) throw new Error('The parts of a file must have the same columns.')
      appendText(extra, own, rows)
    } else if (isRepeat(own)) appendEchoRepeat(extra, builder.rows, own)
    else {
      const slot = extra.slot
      const repeated =
        slot < CATEGORY_COLUMNS.length
          ? {
              codes: part.categories[CATEGORY_COLUMNS[slot]!].codes,
              labels: part.categories[CATEGORY_COLUMNS[slot]!].values,
            }
          : part.texts[TEXT_COLUMNS[slot - CATEGORY_COLUMNS.length]!]
      appendEchoPart(extra, builder.rows, own, repeated, rows)
    }
    part.extras[index] = emptyText()
  })
  for (const column of TEXT_COLUMNS) {
    appendText(builder.texts[column], part.texts[column], rows)
    part.texts[column] = emptyText()
  }
  builder.rows += rows
}
