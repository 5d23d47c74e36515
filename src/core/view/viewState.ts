// The whole view as a URL query and back, so a link shares exactly what is on screen. Parsing
// never fails: a value it cannot use (a month 13, a metric it does not know, a group the data does
// not have) is dropped and said in a notice, and the rest of the view still applies.

import type { GroupColumn, Metric } from './aggregate'
import type { TimeUnit } from './figureIndex'
import { parseIsoDate } from '../date'
import { dateCodeEnd, emptyFilters, type Filters } from './filter'
import { SORT_KEYS, type SortDirection, type SortKey } from './sort'
import { DEFAULT_RULE, RECONCILE_RULES, type ReconcileRule } from '../reports'

/** The two tabs of the page. */
export type Tab = 'dashboard' | 'text'

/** Everything a link restores. */
export interface ViewState {
  filters: Filters
  /** What the chart over time counts. */
  metric: Metric
  /** What both charts group by. */
  grouping: GroupColumn
  timeUnit: TimeUnit
  tab: Tab
  sort: SortKey
  sortDirection: SortDirection
  /** Page of the incident table, from 1. */
  page: number
  /** How several reports of one figure become one figure (core/reports). */
  rule: ReconcileRule
}

export function defaultViewState(): ViewState {
  return {
    filters: emptyFilters(),
    metric: 'killed',
    grouping: 'target_group',
    timeUnit: 'month',
    tab: 'dashboard',
    sort: 'date',
    sortDirection: 'asc',
    page: 1,
    rule: DEFAULT_RULE,
  }
}

/** A view read from a query, with a notice for every value that was ignored. */
export interface ParsedView {
  view: ViewState
  notices: string[]
}

const METRICS: readonly Metric[] = ['killed', 'injured', 'incidents']
const GROUPINGS: Record<string, GroupColumn> = { group: 'target_group', gtd: 'target_type' }
const TIME_UNITS: readonly TimeUnit[] = ['month', 'year']
/** Tab names in links; `extract` and `from-text` are accepted as other names for `text`. */
const TABS: Record<string, Tab> = {
  dashboard: 'dashboard',
  text: 'text',
  extract: 'text',
  'from-text': 'text',
}

/** The query keys of the list filters. */
const LIST_KEYS = {
  group: 'targetGroups',
  type: 'targetTypes',
  perp: 'perpetrators',
  place: 'admin1',
  grade: 'grades',
} as const satisfies Record<string, keyof Filters>

function ignored(key: string, value: string, why: string): string {
  return `Ignored “${key}=${value}” in the link: ${why}.`
}

// Reads a view from a query string (`?from=2021-10&group=civilians`). Unknown keys are ignored
// silently (other tools add their own); known keys with bad values get a notice.
export function parseViewQuery(search: string): ParsedView {
  const params = new URLSearchParams(search)
  const view = defaultViewState()
  const notices: string[] = []
  const single = (key: string): string | null => {
    const values = params.getAll(key)
    return values.length === 0 ? null : (values[values.length - 1] ?? null)
  }
  for (const key of ['from', 'to'] as const) {
    const value = single(key)
    if (value === null || value === '') continue
    const date = parseIsoDate(value)
    if (!date.ok) notices.push(ignored(key, value, `“${value}” ${date.reason}`))
    else view.filters[key === 'from' ? 'dateFrom' : 'dateTo'] = value
  }
  const { dateFrom, dateTo } = view.filters
  if (dateFrom !== '' && dateTo !== '') {
    const from = parseIsoDate(dateFrom)
    const to = parseIsoDate(dateTo)
    if (from.ok && to.ok && from.code > dateCodeEnd(to.code)) {
      notices.push(`Ignored the dates in the link: ${dateFrom} comes after ${dateTo}.`)
      view.filters.dateFrom = ''
      view.filters.dateTo = ''
    }
  }
  for (const [key, field] of Object.entries(LIST_KEYS)) {
    const values = params.getAll(key).filter((value) => value !== '')
    view.filters[field] = [...new Set(values)]
  }
  view.filters.text = single('q') ?? ''

  const metric = single('metric')
  if (metric !== null) {
    if ((METRICS as readonly string[]).includes(metric)) view.metric = metric as Metric
    else notices.push(ignored('metric', metric, 'use killed, injured or incidents'))
  }
  const grouping = single('by')
  if (grouping !== null) {
    const column = GROUPINGS[grouping]
    if (column) view.grouping = column
    else notices.push(ignored('by', grouping, 'use group or gtd'))
  }
  const time = single('time')
  if (time !== null) {
    if ((TIME_UNITS as readonly string[]).includes(time)) view.timeUnit = time as TimeUnit
    else notices.push(ignored('time', time, 'use month or year'))
  }
  const tab = single('tab')
  if (tab !== null) {
    const known = Object.prototype.hasOwnProperty.call(TABS, tab) ? TABS[tab] : undefined
    if (known) view.tab = known
    else notices.push(ignored('tab', tab, 'use dashboard or text'))
  }
  const sort = single('sort')
  if (sort !== null) {
    const key = sort.replace(/^-/, '')
    if ((SORT_KEYS as readonly string[]).includes(key)) {
      view.sort = key as SortKey
      view.sortDirection = sort.startsWith('-') ? 'desc' : 'asc'
    } else notices.push(ignored('sort', sort, `use one of ${SORT_KEYS.join(', ')}`))
  }
  const rule = single('rule')
  if (rule !== null) {
    if ((RECONCILE_RULES as readonly string[]).includes(rule)) view.rule = rule as ReconcileRule
    else notices.push(ignored('rule', rule, `use ${RECONCILE_RULES.join(', ')}`))
  }
  const page = single('page')
  if (page !== null) {
    if (/^[1-9]\d{0,8}$/.test(page)) view.page = Number(page)
    else notices.push(ignored('page', page, 'a page is a whole number from 1'))
  }
  return { view, notices }
}

// The query string of a view (without `?`): only what differs from the default, in a fixed order,
// so equal views give equal links.
export function toViewQuery(view: ViewState): string {
  const params = new URLSearchParams()
  const { filters } = view
  if (filters.dateFrom !== '') params.set('from', filters.dateFrom)
  if (filters.dateTo !== '') params.set('to', filters.dateTo)
  for (const [key, field] of Object.entries(LIST_KEYS)) {
    for (const value of filters[field]) params.append(key, value)
  }
  if (filters.text !== '') params.set('q', filters.text)
  const defaults = defaultViewState()
  if (view.metric !== defaults.metric) params.set('metric', view.metric)
  if (view.grouping !== defaults.grouping) params.set('by', 'gtd')
  if (view.timeUnit !== defaults.timeUnit) params.set('time', view.timeUnit)
  if (view.tab !== defaults.tab) params.set('tab', view.tab)
  if (view.sort !== defaults.sort || view.sortDirection !== defaults.sortDirection) {
    params.set('sort', `${view.sortDirection === 'desc' ? '-' : ''}${view.sort}`)
  }
  if (view.page !== 1) params.set('page', String(view.page))
  if (view.rule !== defaults.rule) params.set('rule', view.rule)
  return params.toString()
}

/** The labels the data has, per list filter. */
export interface KnownLabels {
  targetGroups: readonly string[]
  targetTypes: readonly string[]
  perpetrators: readonly string[]
  admin1: readonly string[]
}

const LIST_NAMES: Record<keyof KnownLabels, [key: string, name: string]> = {
  targetGroups: ['group', 'no such target group in this data'],
  targetTypes: ['type', 'no such GTD target type in this data'],
  perpetrators: ['perp', 'no such perpetrator in this data'],
  admin1: ['place', 'no such place in this data'],
}

// Drops the list-filter values the data does not have (a stale link, a typo), with a notice each.
export function dropUnknownLabels(view: ViewState, known: KnownLabels): ParsedView {
  const notices: string[] = []
  const filters = { ...view.filters }
  for (const field of Object.keys(LIST_NAMES) as (keyof KnownLabels)[]) {
    const allowed = new Set(known[field])
    const [key, why] = LIST_NAMES[field]
    const kept: string[] = []
    for (const value of filters[field]) {
      if (allowed.has(value)) kept.push(value)
      else notices.push(ignored(key, value, why))
    }
    filters[field] = kept
  }
  return { view: { ...view, filters }, notices }
}

/**
 * Query keys a view's link keeps as they came: the address of the data on show (`data`) and the
 * chart an embed shows (`embed`). They are not part of the view; rewriting the view's query must
 * not drop them, so a link shares data and view together.
 */
export const CARRIED_KEYS = ['data', 'embed'] as const

/** The query (without `?`) of `view` after the carried keys of `search` (in their order). */
export function toLinkQuery(view: ViewState, search: string): string {
  const from = new URLSearchParams(search)
  const carried = new URLSearchParams()
  for (const key of CARRIED_KEYS) {
    const value = from.get(key)
    if (value !== null && value !== '') carried.set(key, value)
  }
  return [carried.toString(), toViewQuery(view)].filter((part) => part !== '').join('&')
}
