// The view in words, for the page's title, a published chart's subtitle and a shared link's
// preview: "Killed by target group, Kabul, 2021 — IS-KP attacks in Afghanistan…". Only what the
// user chose; the labels are the data's own, written as text, never as markup.

import { formatDateLabel, parseIsoDate } from '../date'
import type { Filters } from './filter'
import type { ViewState } from './viewState'

const METRIC_TITLES: Record<ViewState['metric'], string> = {
  killed: 'Killed',
  injured: 'Injured',
  incidents: 'Incidents',
}
const GROUPING_NAMES: Record<ViewState['grouping'], string> = {
  target_group: 'target group',
  target_type: 'GTD target type',
}

/** Separates the view from the dataset's name in a title. */
export const TITLE_SEPARATOR = ' — '

function dateLabel(iso: string): string {
  const parsed = parseIsoDate(iso)
  return parsed.ok ? formatDateLabel(parsed.code) : iso
}

/** The date filter in words: `2021`, `Aug 2021 to 2022`, `from 2021`, `to Oct 2021`; '' for none. */
export function describeDates(filters: Pick<Filters, 'dateFrom' | 'dateTo'>): string {
  const { dateFrom, dateTo } = filters
  if (dateFrom === '' && dateTo === '') return ''
  if (dateFrom === dateTo) return dateLabel(dateFrom)
  if (dateTo === '') return `from ${dateLabel(dateFrom)}`
  if (dateFrom === '') return `to ${dateLabel(dateTo)}`
  return `${dateLabel(dateFrom)} to ${dateLabel(dateTo)}`
}

/** The active filters, shortest first-read form: places, groups, types, perpetrators, dates, text. */
export function filterParts(filters: Filters): string[] {
  const parts = [
    ...[filters.admin1, filters.targetGroups, filters.targetTypes, filters.perpetrators]
      .filter((list) => list.length > 0)
      .map((list) => list.join(' or ')),
    describeDates(filters),
  ]
  if (filters.text.trim() !== '') parts.push(`“${filters.text.trim()}”`)
  return parts.filter((part) => part !== '')
}

/** The active filters as a sentence, named by what they filter, for a chart's subtitle. */
export function describeFilters(filters: Filters): string {
  const parts: string[] = []
  const list = (name: string, values: readonly string[]) => {
    if (values.length > 0) parts.push(`${name} ${values.join(', ')}`)
  }
  list('province', filters.admin1)
  list('target group', filters.targetGroups)
  list('GTD target type', filters.targetTypes)
  list('perpetrator', filters.perpetrators)
  const dates = describeDates(filters)
  if (dates !== '') parts.push(`dates ${dates}`)
  if (filters.text.trim() !== '') parts.push(`text “${filters.text.trim()}”`)
  return parts.length === 0 ? 'All rows, no filter.' : `Only ${parts.join('; ')}.`
}

/** What the view shows, without the dataset: "Killed by target group, Kabul, 2021". */
export function viewHeading(view: ViewState): string {
  if (view.tab === 'text') return 'From text'
  const what = `${METRIC_TITLES[view.metric]} by ${GROUPING_NAMES[view.grouping]}`
  return [what, ...filterParts(view.filters)].join(', ')
}

/** The page's title for a view: the heading, then the dataset's title (or its file's name). */
export function viewTitle(view: ViewState, datasetTitle: string): string {
  const heading = viewHeading(view)
  return datasetTitle === '' ? heading : `${heading}${TITLE_SEPARATOR}${datasetTitle}`
}
