// A store as the browser's database keeps it, and back: its columns, never row objects. The
// typed arrays' bytes (each dictionary's labels packed as UTF-8 by core/store/transfer's
// packColumns) are laid one after the other and cut into parts of PART_BYTES, which the page
// writes one per task: a million-row store is a few hundred megabytes, and one value that size
// would be copied by the browser in one long task. A manifest says how to cut them apart again.
// Reading checks every length, code and offset before the store is made: a damaged or truncated
// record is refused with a message, never shown as wrong figures.

import { CATEGORY_COLUMNS, COUNT_COLUMNS, TEXT_COLUMNS } from '../schema'
import type { Steps } from '../steps'
import { CasualtyStore, arraysOfExtra, isRepeat } from './store'
import { packColumns, unpackColumns, type PackedColumns } from './transfer'
import type { PackedStrings } from './packedStrings'

/** The layout of stored columns; a record of another version is refused, not guessed at. */
export const STORED_COLUMNS_VERSION = 2

/** Bytes per stored part: each is written in a task, and a transaction, of its own. */
export const PART_BYTES = 1 << 22

type ArrayKind = 'u8' | 'u32' | 'i32'
type AnyArray = Uint8Array | Uint32Array | Int32Array

/**
 * What the database keeps beside the parts: the store's row count and extra column names, and the
 * type and length of each typed array, in the order `arraysOf` lists them. The arrays' bytes, each
 * padded to 4 bytes, one after the other, cut into `parts` parts of PART_BYTES (the last shorter).
 */
export interface StoredManifest {
  version: typeof STORED_COLUMNS_VERSION
  length: number
  extraNames: string[]
  /**
   * Per extra column, the column of ours it repeats (RepeatData: its rows and their own texts are
   * stored) or -1 (its text is stored). Absent: every extra column's text is stored.
   */
  repeats?: number[]
  arrays: { kind: ArrayKind; length: number }[]
  parts: number
}

export type ReadStored = { ok: true; columns: PackedColumns } | { ok: false; message: string }

// Every typed array of the columns, in one fixed order (the manifest's).
function arraysOf(columns: PackedColumns): AnyArray[] {
  const out: AnyArray[] = [columns.line, columns.date]
  for (const column of COUNT_COLUMNS) out.push(columns.counts[column])
  for (const column of CATEGORY_COLUMNS) {
    const { codes, values } = columns.categories[column]
    out.push(codes, values.bytes, values.offsets)
  }
  for (const column of TEXT_COLUMNS) {
    out.push(columns.texts[column].bytes, columns.texts[column].offsets)
  }
  for (const data of columns.extras) out.push(...arraysOfExtra(data))
  return out
}

// How many arrays the columns are stored as: a repeated extra column takes three, others two.
const arrayCount = (repeats: readonly number[]) =>
  2 +
  COUNT_COLUMNS.length +
  3 * CATEGORY_COLUMNS.length +
  2 * TEXT_COLUMNS.length +
  repeats.reduce((sum, slot) => sum + (slot === -1 ? 2 : 3), 0)

const kindOf = (array: AnyArray): ArrayKind =>
  array instanceof Uint8Array ? 'u8' : array instanceof Uint32Array ? 'u32' : 'i32'
const BYTES: Record<ArrayKind, number> = { u8: 1, u32: 4, i32: 4 }
/** An array's bytes rounded up to 4, so that the next array starts aligned. */
const padded = (bytes: number) => Math.ceil(bytes / 4) * 4

/** The store as it is written: a manifest, and its parts, made one at a time (each a copy). */
export function planStored(store: CasualtyStore): {
  manifest: StoredManifest
  parts: () => Generator<Uint8Array, void, void>
} {
  const packed = packColumns(store.columns)
  const arrays = arraysOf(packed)
  const total = arrays.reduce((sum, array) => sum + padded(array.byteLength), 0)
  const manifest: StoredManifest = {
    version: STORED_COLUMNS_VERSION,
    length: packed.length,
    extraNames: [...packed.extraNames],
    repeats: packed.extras.map((data) => (isRepeat(data) ? data.repeats : -1)),
    arrays: arrays.map((array) => ({ kind: kindOf(array), length: array.length })),
    parts: Math.ceil(total / PART_BYTES),
  }
  function* parts(): Generator<Uint8Array, void, void> {
    let emitted = 0
    let part = new Uint8Array(Math.min(PART_BYTES, total))
    let fill = 0
    for (const array of arrays) {
      const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength)
      const size = padded(bytes.length)
      for (let at = 0; at < size;) {
        const take = Math.min(size - at, part.length - fill)
        part.set(bytes.subarray(at, Math.min(bytes.length, at + take)), fill)
        fill += take
        at += take
        if (fill === part.length) {
          yield part
          emitted += part.length
          part = new Uint8Array(Math.min(PART_BYTES, total - emitted))
          fill = 0
        }
      }
    }
  }
  return { manifest, parts }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null

// Offsets that start at 0, never go down and end within the bytes: every row's slice is readable.
function offsetsFit(data: unknown, count: number): data is PackedStrings {
  if (!isObject(data)) return false
  const { bytes, offsets } = data
  if (!(bytes instanceof Uint8Array) || !(offsets instanceof Uint32Array)) return false
  if (offsets.length !== count + 1 || offsets[0] !== 0) return false
  for (let i = 1; i < offsets.length; i++) {
    if ((offsets[i] as number) < (offsets[i - 1] as number)) return false
  }
  return (offsets[count] as number) <= bytes.length
}

// A repeated extra column (RepeatData): a column of ours, rows ascending within the store, and
// one text for each of them.
function repeatFits(data: unknown, length: number): boolean {
  if (!isObject(data)) return false
  const { repeats, rows, values } = data
  if (typeof repeats !== 'number' || !Number.isInteger(repeats) || repeats < 0) return false
  if (repeats >= CATEGORY_COLUMNS.length + TEXT_COLUMNS.length) return false
  if (!(rows instanceof Uint32Array) || !offsetsFit(values, rows.length)) return false
  for (let i = 0; i < rows.length; i++) {
    if ((rows[i] as number) >= length || (i > 0 && (rows[i] as number) <= (rows[i - 1] as number)))
      return false
  }
  return true
}

function codesFit(codes: Uint32Array, labels: number): boolean {
  for (let i = 0; i < codes.length; i++) if ((codes[i] as number) >= labels) return false
  return true
}

/** Checks a manifest read from the database: its version, and the arrays its columns need. */
export function readManifest(
  value: unknown,
): { ok: true; manifest: StoredManifest } | { ok: false; message: string } {
  if (!isObject(value)) return { ok: false, message: 'the stored data is damaged (no layout)' }
  if (value.version !== STORED_COLUMNS_VERSION) {
    return {
      ok: false,
      message: `the stored data has an unknown layout (${String(value.version)})`,
    }
  }
  const { length, extraNames, arrays, parts, repeats } = value
  const count = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0
  const slots = CATEGORY_COLUMNS.length + TEXT_COLUMNS.length
  const fits =
    count(length) &&
    count(parts) &&
    Array.isArray(extraNames) &&
    extraNames.every((name) => typeof name === 'string') &&
    (repeats === undefined ||
      (Array.isArray(repeats) &&
        repeats.length === extraNames.length &&
        repeats.every((slot) => slot === -1 || (count(slot) && slot < slots)))) &&
    Array.isArray(arrays) &&
    arrays.length === arrayCount(repeats ?? extraNames.map(() => -1)) &&
    arrays.every((a) => isObject(a) && count(a.length) && Object.hasOwn(BYTES, String(a.kind)))
  if (!fits) return { ok: false, message: 'the stored data is damaged (layout)' }
  return { ok: true, manifest: value as unknown as StoredManifest }
}

/**
 * The columns again from the manifest and its parts, copied into one buffer in steps (core/steps)
 * and checked (checkColumns). A missing or short part is named.
 */
export function* columnsFromParts(
  manifest: StoredManifest,
  parts: readonly unknown[],
): Steps<ReadStored> {
  const sizes = manifest.arrays.map((a) => padded(a.length * BYTES[a.kind]))
  const total = sizes.reduce((sum, size) => sum + size, 0)
  if (parts.length !== manifest.parts || Math.ceil(total / PART_BYTES) !== manifest.parts) {
    return { ok: false, message: 'the stored data is damaged (parts missing)' }
  }
  const all = new Uint8Array(total)
  for (const [index, part] of parts.entries()) {
    const expected = Math.min(PART_BYTES, total - index * PART_BYTES)
    if (!(part instanceof Uint8Array) || part.length !== expected) {
      return {
        ok: false,
        message: `the stored data is damaged (part ${index + 1} of ${parts.length})`,
      }
    }
    all.set(part, index * PART_BYTES)
    yield
  }
  let offset = 0
  const arrays = manifest.arrays.map((a, i) => {
    const view =
      a.kind === 'u8'
        ? new Uint8Array(all.buffer, offset, a.length)
        : a.kind === 'u32'
          ? new Uint32Array(all.buffer, offset, a.length)
          : new Int32Array(all.buffer, offset, a.length)
    offset += sizes[i] as number
    return view
  })
  let next = 0
  const take = () => arrays[next++]
  const columns = {
    length: manifest.length,
    line: take(),
    date: take(),
    counts: Object.fromEntries(COUNT_COLUMNS.map((c) => [c, take()])),
    categories: Object.fromEntries(
      CATEGORY_COLUMNS.map((c) => [
        c,
        { codes: take(), values: { bytes: take(), offsets: take() } },
      ]),
    ),
    texts: Object.fromEntries(TEXT_COLUMNS.map((c) => [c, { bytes: take(), offsets: take() }])),
    extraNames: manifest.extraNames,
    extras: manifest.extraNames.map((_, index) => {
      const repeats = manifest.repeats?.[index] ?? -1
      if (repeats === -1) return { bytes: take(), offsets: take() }
      return { repeats, rows: take(), values: { bytes: take(), offsets: take() } }
    }),
  }
  yield
  return checkColumns(columns)
}

/**
 * Checks columns read back: every column's type and length, every code within its dictionary,
 * every offset within its bytes. The message says what is wrong.
 */
export function checkColumns(columns: unknown): ReadStored {
  const refuse = (what: string): ReadStored => ({
    ok: false,
    message: `the stored data is damaged (${what})`,
  })
  if (!isObject(columns)) return refuse('no columns')
  const length = columns.length
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 0) {
    return refuse('row count')
  }
  const rows = (array: unknown, type: typeof Int32Array | typeof Uint32Array) =>
    array instanceof type && array.length === length
  if (!rows(columns.line, Uint32Array)) return refuse('line')
  if (!rows(columns.date, Int32Array)) return refuse('date')
  const counts = columns.counts
  const categories = columns.categories
  const texts = columns.texts
  if (!isObject(counts) || !isObject(categories) || !isObject(texts)) return refuse('columns')
  for (const column of COUNT_COLUMNS) if (!rows(counts[column], Int32Array)) return refuse(column)
  for (const column of CATEGORY_COLUMNS) {
    const data = categories[column]
    if (!isObject(data) || !rows(data.codes, Uint32Array) || !isObject(data.values)) {
      return refuse(column)
    }
    const labels = (data.values.offsets as Uint32Array | undefined)?.length ?? 0
    if (!offsetsFit(data.values, labels - 1) || !codesFit(data.codes as Uint32Array, labels - 1)) {
      return refuse(column)
    }
  }
  for (const column of TEXT_COLUMNS) if (!offsetsFit(texts[column], length)) return refuse(column)
  const { extraNames, extras } = columns
  if (
    !Array.isArray(extraNames) ||
    !extraNames.every((name) => typeof name === 'string') ||
    !Array.isArray(extras) ||
    extras.length !== extraNames.length ||
    !extras.every((data) => offsetsFit(data, length) || repeatFits(data, length))
  ) {
    return refuse('extra columns')
  }
  return { ok: true, columns: columns as unknown as PackedColumns }
}

/** The store again from checked columns, its labels made strings in steps (core/steps). */
export function* storeFromStoredInSteps(columns: PackedColumns): Steps<CasualtyStore> {
  return new CasualtyStore(yield* unpackColumns(columns))
}
