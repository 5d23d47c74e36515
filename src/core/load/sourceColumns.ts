// The columns of GTD, ACLED and UCDP GED exports that name sources beyond the row's own `source`
// (core/load/sourceFields reads them): a store without any of them has no sources to add, and
// the page need not load the reader.

/** GTD's citations and related events, UCDP GED's source fields, ACLED's source scale. */
export const SOURCE_COLUMNS: ReadonlySet<string> = new Set([
  'scite1',
  'scite2',
  'scite3',
  'related',
  'source_office',
  'source_date',
  'source_headline',
  'number_of_sources',
  'source_scale',
])

/** Does a file with these extra columns name sources of its own? */
export function namesSources(extraNames: readonly string[]): boolean {
  return extraNames.some((name) => SOURCE_COLUMNS.has(name))
}
