// A store as the browser's database keeps it, and back: its columns, never row objects. Typed
// arrays are kept as they are (IndexedDB's structured clone writes their bytes), and each
// dictionary's labels as packed UTF-8 (core/store/transfer's packColumns), so a million-row store
// is some typed arrays, not a million objects or strings. Reading checks every length and offset
// before the store is made: a corrupted or truncated record is refused with a message, never shown
// as wrong figures.

import { CATEGORY_COLUMNS, COUNT_COLUMNS, TEXT_COLUMNS } from '../schema'
import type { Steps } from '../steps'
import { CasualtyStore, type TextData } from './store'
import { packColumns, unpackColumns, type PackedColumns } from './transfer'
import type { PackedStrings } from './packedStrings'

/** The layout of stored columns; a record of another version is refused, not guessed at. */
export const STORED_COLUMNS_VERSION = 1

/** A store's columns as they are kept: PackedColumns and the layout's version. */
export interface StoredColumns {
  version: typeof STORED_COLUMNS_VERSION
  columns: PackedColumns
}

export type ReadStored = { ok: true; columns: PackedColumns } | { ok: false; message: string }

// A view over part of a bigger buffer is copied to its own: structured clone writes a view's whole
// buffer, and the builder's arrays sit in buffers grown ahead of the rows.
function own<T extends Uint8Array | Uint32Array | Int32Array>(array: T): T {
  return array.byteOffset === 0 && array.byteLength === array.buffer.byteLength
    ? array
    : (array.slice() as T)
}

function ownText(data: TextData): TextData {
  return { bytes: own(data.bytes), offsets: own(data.offsets) }
}

/** The store's columns as kept in the browser's database. */
export function storeToStored(store: CasualtyStore): StoredColumns {
  const packed = packColumns(store.columns)
  const counts = { ...packed.counts }
  for (const column of COUNT_COLUMNS) counts[column] = own(counts[column])
  const categories = { ...packed.categories }
  for (const column of CATEGORY_COLUMNS) {
    const data = categories[column]
    categories[column] = { codes: own(data.codes), values: ownText(data.values) }
  }
  const texts = { ...packed.texts }
  for (const column of TEXT_COLUMNS) texts[column] = ownText(texts[column])
  return {
    version: STORED_COLUMNS_VERSION,
    columns: {
      length: packed.length,
      line: own(packed.line),
      date: own(packed.date),
      counts,
      categories,
      texts,
      extraNames: [...packed.extraNames],
      extras: packed.extras.map(ownText),
    },
  }
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

function codesFit(codes: Uint32Array, labels: number): boolean {
  for (let i = 0; i < codes.length; i++) if ((codes[i] as number) >= labels) return false
  return true
}

/**
 * Checks what was read from the database: the layout's version, every column's type and length,
 * every code within its dictionary, every offset within its bytes. The message says what is wrong.
 */
export function readStored(value: unknown): ReadStored {
  const refuse = (what: string): ReadStored => ({
    ok: false,
    message: `the stored data is damaged (${what})`,
  })
  if (!isObject(value) || !isObject(value.columns)) return refuse('no columns')
  if (value.version !== STORED_COLUMNS_VERSION) {
    return {
      ok: false,
      message: `the stored data has an unknown layout (${String(value.version)})`,
    }
  }
  const columns = value.columns
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
    !extras.every((data) => offsetsFit(data, length))
  ) {
    return refuse('extra columns')
  }
  return { ok: true, columns: columns as unknown as PackedColumns }
}

/** The store again from checked columns, its labels made strings in steps (core/steps). */
export function* storeFromStoredInSteps(columns: PackedColumns): Steps<CasualtyStore> {
  return new CasualtyStore(yield* unpackColumns(columns))
}
