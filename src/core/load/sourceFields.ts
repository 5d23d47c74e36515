// Sources named by the columns of an imported GTD, ACLED or UCDP GED file, read after the column
// mapping from the rows' extra columns (the columns outside our schema, kept with each row) and
// their `source` labels. Entries for the source registry (core/reports Source):
//
// - UCDP GED: `source_article` is the row's source (the mapping's); `source_office`,
//   `source_date` and `source_headline` give its outlet, publication date and title;
//   `number_of_sources` is kept as a count of the reports behind the row.
// - ACLED: `source` is the row's source; `source_scale` says whether the outlet is international,
//   national or local, which becomes its kind where the scale names one.
// - GTD: `scite1`..`scite3` are citations of up to three sources per event. Each citation becomes an
//   entry whose id is the citation as written (one document cited by several events is one
//   source), its title, outlet and date read from the GTD's citation style (`"Title," Outlet,
//   January 2, 1970.`) where it follows it; the row's source is its first citation (the column
//   mapping's), and `sourcesOfRow` lists every citation of each row. `related` names the events of
//   one coordinated attack, which are other incidents, not other reports of one (kept in
//   `related`).

import { unescapeFormula } from '../csv/formula'
import { parseIsoDate } from '../date'
import { emptySource, type Source, type SourceKind } from '../reports'
import { extraValue, type CasualtyStore } from '../store/store'
import { labelAt } from '../store/packedStrings'
import { namesSources } from './sourceColumns'

/** What an import's own columns say about its sources. */
export interface ImportedSources {
  /** Registry entries, in the order of the rows that first name them. */
  sources: Source[]
  /** Per row (only GTD): the ids of the entries its citations became. */
  sourcesOfRow?: string[][]
  /** Per row (only UCDP GED): `number_of_sources`, or null where not given. */
  reportCounts?: (number | null)[]
  /** Per row (only GTD): the event ids `related` names. */
  related?: string[][]
}

// ACLED's source scales that name a kind of ours; the others (national, regional, new media,
// other, mixed scales) say where an outlet reports, not what kind of body it is.
const ACLED_KINDS: Record<string, SourceKind> = {
  international: 'news agency',
  'local partner': 'local outlet',
  subnational: 'local outlet',
}

/** A date of a source's own text (`2021-10-08 00:00:00.000`, `2021-10-08`), or ''. */
function isoDay(text: string): string {
  const day = /^(\d{4}-\d{2}-\d{2})/.exec(text.trim())?.[1] ?? ''
  return day !== '' && parseIsoDate(day).ok ? day : ''
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]

/**
 * A GTD citation as a registry entry: its id is the citation as written; `"Title," Outlet, Month
 * D, YYYY.` (the GTD's style) gives the title, the outlet and the date of publication. A citation
 * of another shape is the entry's title alone.
 */
export function gtdCitation(citation: string): Source {
  const entry = { ...emptySource(citation), title: citation }
  const match = /^"(.+?),?"\s*(.*?),\s*([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})\.?$/.exec(citation)
  if (!match) return entry
  const [, title, outlet, monthName, day, year] = match as unknown as string[]
  const month = MONTHS.indexOf(monthName!.toLowerCase()) + 1
  const iso = `${year}-${String(month).padStart(2, '0')}-${day!.padStart(2, '0')}`
  if (month === 0 || !parseIsoDate(iso).ok) return entry
  return { ...entry, title: title!.trim(), outlet: outlet!.trim(), published: iso }
}

/** The sources an imported file's columns name (empty when it has none of the columns above). */
export function sourcesFromImport(store: CasualtyStore): ImportedSources {
  const names = store.extraNames
  if (!namesSources(names)) return { sources: [] }
  const has = (name: string) => names.includes(name)
  const extra = (name: string, row: number): string =>
    extraValue(store.columns, names.indexOf(name), row)
  const source = store.columns.categories.source
  const seen = new Map<string, Source>()
  const out: Source[] = []
  const addEntry = (entry: Source) => {
    if (entry.id === '' || seen.has(entry.id)) return
    seen.set(entry.id, entry)
    out.push(entry)
  }

  if (has('scite1') || has('scite2') || has('scite3') || has('related')) {
    const sourcesOfRow: string[][] = []
    const related: string[][] = []
    for (let row = 0; row < store.length; row++) {
      const eventid = store.category('incident_id', row)
      const ids: string[] = []
      for (const n of [1, 2, 3]) {
        const citation = has(`scite${n}`) ? unescapeFormula(extra(`scite${n}`, row).trim()) : ''
        if (citation === '' || ids.includes(citation)) continue
        ids.push(citation)
        addEntry(gtdCitation(citation))
      }
      sourcesOfRow.push(ids)
      related.push(
        has('related')
          ? extra('related', row)
              .split(/[,;]\s*/)
              .map((id) => id.trim())
              .filter((id) => id !== '' && id !== eventid)
          : [],
      )
    }
    return { sources: out, sourcesOfRow, related }
  }

  const ucdp =
    has('source_office') || has('source_date') || has('source_headline') || has('number_of_sources')
  const acled = has('source_scale')
  if (!ucdp && !acled) return { sources: [] }
  const reportCounts: (number | null)[] = []
  for (let row = 0; row < store.length; row++) {
    const id = labelAt(source, source.codes[row]!)
    if (ucdp) {
      const count = has('number_of_sources') ? extra('number_of_sources', row).trim() : ''
      reportCounts.push(/^\d+$/.test(count) ? Number(count) : null)
      addEntry({
        ...emptySource(id),
        outlet: has('source_office') ? extra('source_office', row).trim() : '',
        title: has('source_headline') ? extra('source_headline', row).trim() : '',
        published: has('source_date') ? isoDay(extra('source_date', row)) : '',
      })
    } else {
      const scale = extra('source_scale', row).trim().toLowerCase()
      const kind = Object.entries(ACLED_KINDS).find(([name]) => scale.startsWith(name))?.[1] ?? ''
      addEntry({ ...emptySource(id), outlet: id, kind })
    }
  }
  return ucdp ? { sources: out, reportCounts } : { sources: out }
}
