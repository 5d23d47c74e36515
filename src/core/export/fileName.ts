// The name a download is given: what the view shows and the day, so that files downloaded from
// several views of one dataset do not overwrite each other and say what they hold.

import type { Filters } from '../view/filter'

/** Lower-case words joined by `-`, ASCII letters and digits only: safe in any file name. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** The filters a file name describes (a subset of Filters, so the name follows what is active). */
export type FilterNameParts = Pick<
  Filters,
  'dateFrom' | 'dateTo' | 'targetGroups' | 'perpetrators' | 'admin1' | 'text'
> & { targetTypes?: readonly string[] }

// `casualties-<filters>-<YYYY-MM-DD>.csv`: <filters> is `all` without filters, else the active
// filters' values joined by `_` (`shia-worshippers_2021-10`), kept to 80 filename-safe characters.
export function exportFileName(filters: FilterNameParts, today: string): string {
  const parts: string[] = []
  for (const labels of [
    filters.targetGroups,
    filters.targetTypes ?? [],
    filters.perpetrators,
    filters.admin1,
  ]) {
    const slug = labels.map(slugify).filter(Boolean).join('+')
    if (slug) parts.push(slug)
  }
  const from = slugify(filters.dateFrom)
  const to = slugify(filters.dateTo)
  if (from || to) parts.push(from === to ? from : `${from || 'start'}-to-${to || 'end'}`)
  const text = slugify(filters.text)
  if (text) parts.push(`search-${text}`)
  let name = parts.join('_') || 'all'
  if (name.length > 80) name = name.slice(0, 80).replace(/[-_+]+$/, '')
  return `casualties-${name}-${today}.csv`
}
