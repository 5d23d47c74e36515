// What a dataset says about itself: a small JSON file beside the CSV (`data/attacks.meta.json` for
// the shipped data) with a title, a description, where the figures come from, their licence and the
// date of the data, and the grade scale its sources are graded on when it is not the default. The
// page shows it at the top and in every published chart; exports carry it.

import { readGrades, type Grade } from './grades'

/** A dataset's own description. Every field is optional text; unknown fields are ignored. */
export interface DatasetMeta {
  title: string
  description: string
  source: string
  licence: string
  /** The date of the data, as the codebook writes dates (YYYY, YYYY-MM or YYYY-MM-DD). */
  dataDate: string
  /** A warning the reader must see next to the figures (for example "one article, not checked"). */
  caveat: string
  /**
   * The scale the sources' grades are on, best first (core/grades); absent: the default scale.
   * Kept with the data, so a dataset graded on its own scale keeps it in the browser and in an
   * export's `.meta.json`.
   */
  grades?: Grade[]
}

export const META_FIELDS = [
  'title',
  'description',
  'source',
  'licence',
  'dataDate',
  'caveat',
] as const

/** Longest text kept per field: the metadata is a caption, not a document. */
export const MAX_META_CHARS = 2000

export interface MetaReading {
  meta: DatasetMeta
  /** One message per field that was present but could not be used. */
  issues: string[]
}

/** An empty description: a dataset that says nothing about itself. */
export function emptyMeta(): DatasetMeta {
  return { title: '', description: '', source: '', licence: '', dataDate: '', caveat: '' }
}

/**
 * Reads parsed JSON as a dataset's metadata. Never throws: a field that is not text is left empty
 * with an issue naming it; an over-long field is cut with an issue. The text is only ever shown as
 * text, never as HTML.
 */
export function readDatasetMeta(json: unknown): MetaReading {
  const meta = emptyMeta()
  const issues: string[] = []
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { meta, issues: ['The metadata is not a JSON object; it is ignored.'] }
  }
  const record = json as Record<string, unknown>
  for (const field of META_FIELDS) {
    const value = record[field]
    if (value === undefined || value === null) continue
    if (typeof value !== 'string') {
      issues.push(`Metadata field "${field}" is not text; it is ignored.`)
      continue
    }
    const text = value.trim()
    if (text.length > MAX_META_CHARS) {
      issues.push(
        `Metadata field "${field}" is longer than ${MAX_META_CHARS} characters; it is cut.`,
      )
    }
    meta[field] = text.slice(0, MAX_META_CHARS)
  }
  if (record.grades !== undefined && record.grades !== null) {
    const read = readGrades(record.grades)
    if (read.grades) meta.grades = read.grades
    issues.push(...read.issues.map((issue) => `Metadata field "grades": ${issue}`))
  }
  return { meta, issues }
}

/** Parses a metadata file's text; a file that is not JSON gives an empty description and an issue. */
export function parseDatasetMeta(text: string): MetaReading {
  try {
    return readDatasetMeta(JSON.parse(text) as unknown)
  } catch {
    return { meta: emptyMeta(), issues: ['The metadata file is not valid JSON; it is ignored.'] }
  }
}

/**
 * A description for data that came without one: its file's name (without the extension) as the
 * title, and where it came from (`address` for data read from a link) as the source.
 */
export function metaForFile(fileName: string, address = ''): DatasetMeta {
  const meta = emptyMeta()
  meta.title = fileName.replace(/\.(csv|tsv|txt)$/i, '').slice(0, MAX_META_CHARS)
  meta.source = (address === '' ? `Imported file ${fileName}` : address).slice(0, MAX_META_CHARS)
  return meta
}

/** The metadata as a file to save beside an exported CSV (`<name>.meta.json`). */
export function formatDatasetMeta(meta: DatasetMeta): string {
  const record: Record<string, unknown> = {}
  for (const field of META_FIELDS) if (meta[field] !== '') record[field] = meta[field]
  if (meta.grades) {
    record.grades = meta.grades.map(({ label, meaning }) => ({ label, meaning }))
  }
  return `${JSON.stringify(record, null, 2)}\n`
}
