// The shipped dataset read at build time: the page's first visit then needs no CSV reader (the
// import's reader runs in its worker, loaded when a file is chosen). The build reads
// data/attacks.csv with the same loader as any import (core/load/loader) and hands the page what
// it found as plain data: each row's values (our columns, then the file's own), its file line,
// and the report.

import type { LoadResult } from './loader'
import { SCHEMA_COLUMNS, type CasualtyRecord } from '../schema'
import { StoreBuilder } from '../store/builder'

type Value = string | number | null

/** A load's result as plain data (JSON): the store's rows as values, with their lines. */
export interface ShippedLoad extends Omit<LoadResult, 'store'> {
  rows: {
    extraNames: string[]
    /** Per row: its values in SCHEMA_COLUMNS order, then its extra columns' in extraNames order. */
    values: Value[][]
    lines: number[]
  } | null
}

/** The result of a load as plain data. */
export function toShipped(result: LoadResult): ShippedLoad {
  const { store, ...rest } = result
  if (!store) return { ...rest, rows: null }
  const extraNames = [...store.extraNames]
  const values = store
    .records()
    .map((record) => [
      ...SCHEMA_COLUMNS.map((column) => record[column] as Value),
      ...extraNames.map((name) => record.extra[name] ?? ''),
    ])
  return { ...rest, rows: { extraNames, values, lines: Array.from(store.columns.line) } }
}

/** The load again, with its store built from the rows. */
export function fromShipped(shipped: ShippedLoad): LoadResult {
  const { rows, ...rest } = shipped
  if (!rows) return { ...rest, store: null }
  const builder = new StoreBuilder(rows.extraNames)
  rows.values.forEach((values, i) => {
    const record = { extra: {} } as CasualtyRecord
    const fields = record as unknown as Record<string, Value>
    SCHEMA_COLUMNS.forEach((column, c) => (fields[column] = values[c] ?? null))
    rows.extraNames.forEach((name, e) => {
      record.extra[name] = String(values[SCHEMA_COLUMNS.length + e] ?? '')
    })
    builder.push(record, rows.lines[i] ?? 0)
  })
  return { ...rest, store: builder.finish() }
}
