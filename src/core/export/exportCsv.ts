// The rows of a store -> CSV text that opens safely in a spreadsheet and reads back identically:
// every column the rows came with, values as they were read, written straight from the store's
// typed columns (csv/write.ts quotes and escapes each field), in one go or in parts.

import { formatIsoDate } from '../date'
import { labelAt, labelCount } from '../store/packedStrings'
import {
  CATEGORY_COLUMNS,
  COUNT_COLUMNS,
  SCHEMA_COLUMNS,
  isSchemaColumn,
  type CategoryColumn,
  type CountColumn,
  type SchemaColumn,
  type TextColumn,
} from '../schema'
import {
  indexOfRow,
  isRepeat,
  repeatedColumn,
  type CasualtyStore,
  type TextData,
} from '../store/store'
import { EXCEL_FRIENDLY, quoteField, type CsvWriteOptions } from '../csv/write'

/** The columns an export of `store` has: our schema, then the file's extra columns. */
export function exportColumns(store: CasualtyStore): string[] {
  return [...SCHEMA_COLUMNS, ...store.extraNames]
}

/** The fields of one stored row, in exportColumns order, values as they were read. */
export function rowFields(store: CasualtyStore, row: number): string[] {
  const record = store.record(row)
  const fields = SCHEMA_COLUMNS.map((column) => {
    const value = record[column]
    return value === null ? '' : String(value)
  })
  for (const name of store.extraNames) fields.push(record.extra[name] ?? '')
  return fields
}

/**
 * HXL hashtags (Humanitarian Exchange Language, hxlstandard.org) for our columns: the optional
 * second row of an export, for humanitarian-data tools. The importer skips such a row.
 */
export const HXL_TAGS: Record<SchemaColumn, string> = {
  incident_id: '#event+id',
  date: '#date+occurred',
  country: '#country+name',
  admin1: '#adm1+name',
  admin2: '#adm2+name',
  location: '#loc+name',
  target_group: '#group+target',
  target_type: '#group+target+type',
  attack_type: '#event+type',
  perpetrator: '#org+perpetrator',
  killed_min: '#affected+killed+min',
  killed_max: '#affected+killed+max',
  injured_min: '#affected+injured+min',
  injured_max: '#affected+injured+max',
  killed_text: '#description+killed',
  injured_text: '#description+injured',
  source: '#meta+source',
  source_quote: '#description+quote',
  notes: '#description+notes',
}

/** How an export is written: the CSV dialect, and whether an HXL hashtag row follows the header. */
export interface StoreExportOptions extends CsvWriteOptions {
  hxl?: boolean
}

/** Turns one stored row into its quoted CSV field, for one column. */
type FieldWriter = (row: number) => string

const EMPTY_FIELD = '""'
/** Category columns with up to this many labels quote each label once, on first use. */
const CACHED_LABELS_MAX = 1 << 16
// ignoreBOM: a value that starts with U+FEFF keeps it.
const textDecoder = new TextDecoder('utf-8', { ignoreBOM: true })

/** Fields up to this many bytes are decoded by decodeUtf8 itself. */
const SHORT_FIELD_BYTES = 4096
const codeUnits = new Uint16Array(SHORT_FIELD_BYTES)

// `bytes[start..end)` as text, exactly as TextDecoder('utf-8', { ignoreBOM: true }) reads it.
// Short valid UTF-8 is decoded here: in Chromium every string TextDecoder returns is an external
// string the garbage collector must visit one by one, and an export of a million rows made four
// million of them (major collections of seconds on the page: bench/README.md, "Figures behind the
// design"). Anything else (long or not valid
// UTF-8: the decoder's replacement rules) goes to TextDecoder.
export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  if (end - start > SHORT_FIELD_BYTES) return textDecoder.decode(bytes.subarray(start, end))
  let n = 0
  for (let i = start; i < end;) {
    const b0 = bytes[i] as number
    if (b0 < 0x80) {
      codeUnits[n++] = b0
      i++
      continue
    }
    const b1 = (bytes[i + 1] ?? 0) ^ 0x80
    const b2 = (bytes[i + 2] ?? 0) ^ 0x80
    const b3 = (bytes[i + 3] ?? 0) ^ 0x80
    // After `^ 0x80` a continuation byte is 0..0x3f; anything above 0x3f is not one.
    if (b0 >= 0xc2 && b0 < 0xe0 && i + 1 < end && b1 < 0x40) {
      codeUnits[n++] = ((b0 & 0x1f) << 6) | b1
      i += 2
      continue
    }
    if (b0 >= 0xe0 && b0 < 0xf0 && i + 2 < end && b1 < 0x40 && b2 < 0x40) {
      const code = ((b0 & 0x0f) << 12) | (b1 << 6) | b2
      if (code >= 0x800 && (code < 0xd800 || code > 0xdfff)) {
        codeUnits[n++] = code
        i += 3
        continue
      }
    } else if (b0 >= 0xf0 && b0 < 0xf5 && i + 3 < end && b1 < 0x40 && b2 < 0x40 && b3 < 0x40) {
      const code = ((b0 & 0x07) << 18) | (b1 << 12) | (b2 << 6) | b3
      if (code >= 0x10000 && code <= 0x10ffff) {
        codeUnits[n++] = 0xd800 + ((code - 0x10000) >> 10)
        codeUnits[n++] = 0xdc00 + ((code - 0x10000) & 0x3ff)
        i += 4
        continue
      }
    }
    return textDecoder.decode(bytes.subarray(start, end))
  }
  return String.fromCharCode.apply(null, codeUnits.subarray(0, n) as unknown as number[])
}

function textWriter(data: TextData): FieldWriter {
  return (row) => {
    const start = data.offsets[row] ?? 0
    const end = data.offsets[row + 1] ?? start
    return start === end ? EMPTY_FIELD : quoteField(decodeUtf8(data.bytes, start, end))
  }
}

// One writer per exported column, reading the typed columns directly: labels are quoted once per
// distinct value (when first written, in columns of few labels) and dates once per distinct code,
// so an export does not build a record per row (store.record() per row makes a big export take
// seconds).
function fieldWriters(store: CasualtyStore): FieldWriter[] {
  const { columns } = store
  const dates = new Map<number, string>()
  const schemaWriters = SCHEMA_COLUMNS.map((column): FieldWriter => {
    if (column === 'date') {
      return (row) => {
        const code = columns.date[row] ?? 0
        let field = dates.get(code)
        if (field === undefined) dates.set(code, (field = quoteField(formatIsoDate(code))))
        return field
      }
    }
    if ((COUNT_COLUMNS as readonly string[]).includes(column)) {
      const counts = columns.counts[column as CountColumn]
      return (row) => {
        // Counts are never negative; the store's NO_COUNT (-1) is an empty count.
        const value = counts[row] ?? -1
        return value < 0 ? EMPTY_FIELD : `"${value}"`
      }
    }
    if ((CATEGORY_COLUMNS as readonly string[]).includes(column)) {
      const data = columns.categories[column as CategoryColumn]
      // A column like incident_id has about one label per row: quoting them all up front would
      // be one long task before the first row is written, and keeping a million quoted copies
      // only feeds the garbage collector. Such labels are quoted as they are written.
      // A packed dictionary (core/store/packedStrings) has its labels decoded one at a time too.
      const count = labelCount(data)
      if (count > CACHED_LABELS_MAX) {
        return (row) => quoteField(labelAt(data, data.codes[row] ?? 0))
      }
      // '' marks a label not quoted yet (a quoted field is never empty).
      const quoted = new Array<string>(count).fill('')
      return (row) => {
        const code = data.codes[row] ?? 0
        let field = quoted[code]
        if (field === '') quoted[code] = field = quoteField(labelAt(data, code))
        return field ?? EMPTY_FIELD
      }
    }
    return textWriter(columns.texts[column as TextColumn])
  })
  return [
    ...schemaWriters,
    ...columns.extras.map((data): FieldWriter => {
      if (!isRepeat(data)) return textWriter(data)
      // A file's column one of ours repeats: our column's text, but where the file's differs.
      const ours = schemaWriters[SCHEMA_COLUMNS.indexOf(repeatedColumn(data))]!
      const own = textWriter(data.values)
      return (row) => {
        const at = indexOfRow(data.rows, row)
        return at === -1 ? ours(row) : own(at)
      }
    }),
  ]
}

// The header line of an export, and with `hxl` the hashtag row (extra columns get no tag).
function headerLines(store: CasualtyStore, options: StoreExportOptions): string[] {
  const header = exportColumns(store)
  const lines = [header.map(quoteField).join(',')]
  // isSchemaColumn, not `?? ''`: an extra column named `toString` must not find Object's.
  if (options.hxl) {
    lines.push(
      header.map((name) => quoteField(isSchemaColumn(name) ? HXL_TAGS[name] : '')).join(','),
    )
  }
  return lines
}

// Appends the lines of rows[from..to) to `lines`.
function writeRows(
  writers: readonly FieldWriter[],
  rows: ArrayLike<number>,
  from: number,
  to: number,
  lines: string[],
): void {
  // An array joined per row: `line += field` builds rope strings that cost more to flatten.
  const fields: string[] = new Array<string>(writers.length)
  for (let i = from; i < to; i++) {
    const row = rows[i] as number
    for (let c = 0; c < writers.length; c++) fields[c] = (writers[c] as FieldWriter)(row)
    lines.push(fields.join(','))
  }
}

// The rows `rows` of `store` as CSV: every schema column, then the extra columns they came with,
// values as they were read (formula-like ones escaped). With `hxl`, a hashtag row follows the
// header (extra columns get no tag).
export function storeToCsv(
  store: CasualtyStore,
  rows: ArrayLike<number>,
  options: StoreExportOptions = EXCEL_FRIENDLY,
): string {
  const lines = headerLines(store, options)
  writeRows(fieldWriters(store), rows, 0, rows.length, lines)
  return (options.bom ? '\uFEFF' : '') + lines.join(options.newline) + options.newline
}

/** Rows a piece of storeCsvParts holds at most. */
export const CSV_PART_ROWS = 256

/** One piece of an export's text, and how many of the rows are written once it is. */
export interface CsvPart {
  text: string
  rowsWritten: number
}

// storeToCsv in pieces, for big selections: the header (and HXL row) with the first rows, then
// `partRows` rows a piece, each piece ending with its newline. The pieces joined are exactly
// storeToCsv's text (a property test holds the two equal), so a caller on the page can pause
// between pieces and hand them to a Blob instead of building one huge string.
export function* storeCsvParts(
  store: CasualtyStore,
  rows: ArrayLike<number>,
  options: StoreExportOptions = EXCEL_FRIENDLY,
  partRows = CSV_PART_ROWS,
): Generator<CsvPart, void, void> {
  const { newline } = options
  const lines = headerLines(store, options)
  const writers = fieldWriters(store)
  let prefix = options.bom ? '\uFEFF' : ''
  let i = 0
  do {
    const end = Math.min(rows.length, i + Math.max(1, partRows))
    writeRows(writers, rows, i, end, lines)
    i = end
    yield { text: prefix + lines.join(newline) + newline, rowsWritten: i }
    prefix = ''
    lines.length = 0
  } while (i < rows.length)
}
