// The whole view (filters, metric, grouping, time unit, tab, table order and page) and its URL.
// Read from the query on start and on back/forward; written with pushState for committed choices
// (a checkbox, a click on a bar) and replaceState while the user types, so the back button steps
// through choices, not keystrokes. Values the link gets wrong become notices, never a blank page.

import { computed, onScopeDispose, ref, watch } from 'vue'
import type { GroupColumn, Metric } from '../core/view/aggregate'
import type { TimeUnit } from '../core/view/figureIndex'
import { emptyFilters, type Filters } from '../core/view/filter'
import type { SortDirection, SortKey } from '../core/view/sort'
import type { CasualtyStore } from '../core/store/store'
import type { ReconcileRule } from '../core/reports'
import {
  defaultViewState,
  dropUnknownLabels,
  parseViewQuery,
  toLinkQuery,
  type KnownLabels,
  type Tab,
  type ViewState,
} from '../core/view/viewState'
import { createGlobalState } from './globalState'
import { useDataset } from './useDataset'
import { useFilters } from './useFilters'

/** Fields of Filters that hold lists of labels. */
export type ListFilter = 'targetGroups' | 'targetTypes' | 'perpetrators' | 'admin1'

/** The labels a store has for each list filter, in dictionary order. */
export function knownLabelsOf(store: CasualtyStore): KnownLabels {
  const { categories } = store.columns
  return {
    targetGroups: categories.target_group.values,
    targetTypes: categories.target_type.values,
    perpetrators: categories.perpetrator.values,
    admin1: categories.admin1.values.filter((value) => value !== ''),
  }
}

function createViewState() {
  const win = window
  const { store } = useDataset()
  const { filters } = useFilters()
  const defaults = defaultViewState()
  const metric = ref<Metric>(defaults.metric)
  const grouping = ref<GroupColumn>(defaults.grouping)
  const timeUnit = ref<TimeUnit>(defaults.timeUnit)
  const tab = ref<Tab>(defaults.tab)
  const sort = ref<SortKey>(defaults.sort)
  const sortDirection = ref<SortDirection>(defaults.sortDirection)
  const page = ref(defaults.page)
  const rule = ref<ReconcileRule>(defaults.rule)
  /** What the link got wrong, for the user to read. */
  const notices = ref<string[]>([])
  let typing = false

  const view = computed<ViewState>(() => ({
    filters: filters.value,
    metric: metric.value,
    grouping: grouping.value,
    timeUnit: timeUnit.value,
    tab: tab.value,
    sort: sort.value,
    sortDirection: sortDirection.value,
    page: page.value,
    rule: rule.value,
  }))

  function apply(next: ViewState): void {
    filters.value = next.filters
    metric.value = next.metric
    grouping.value = next.grouping
    timeUnit.value = next.timeUnit
    tab.value = next.tab
    sort.value = next.sort
    sortDirection.value = next.sortDirection
    page.value = next.page
    rule.value = next.rule
  }

  function writeUrl(mode: 'push' | 'replace'): void {
    const query = toLinkQuery(view.value, win.location.search)
    const url = `${win.location.pathname}${query === '' ? '' : `?${query}`}${win.location.hash}`
    const now = `${win.location.pathname}${win.location.search}${win.location.hash}`
    if (url === now) return
    if (mode === 'push') win.history.pushState(null, '', url)
    else win.history.replaceState(null, '', url)
  }

  // Drops list values the loaded data lacks; the link is then rewritten without them.
  function checkLabels(): void {
    if (!store.value) return
    const checked = dropUnknownLabels(view.value, knownLabelsOf(store.value))
    if (checked.notices.length === 0) return
    apply(checked.view)
    notices.value = [...notices.value, ...checked.notices]
    writeUrl('replace')
  }

  /** Reads the view from the URL (on start, and on back/forward). */
  function readUrl(): void {
    const parsed = parseViewQuery(win.location.search)
    apply(parsed.view)
    notices.value = parsed.notices
    typing = false
    checkLabels()
  }

  /** A committed choice: a new history entry. */
  function commit(patch: Partial<ViewState>): void {
    apply({ ...view.value, ...patch })
    typing = false
    writeUrl('push')
  }

  /** Typing: the first keystroke makes a history entry, the rest replace it. */
  function type(patch: Partial<ViewState>): void {
    apply({ ...view.value, ...patch })
    writeUrl(typing ? 'replace' : 'push')
    typing = true
  }

  /** New filters; the table goes back to its first page. */
  function commitFilters(patch: Partial<Filters>): void {
    commit({ filters: { ...filters.value, ...patch }, page: 1 })
  }

  function typeFilters(patch: Partial<Filters>): void {
    type({ filters: { ...filters.value, ...patch }, page: 1 })
  }

  function toggleFilterValue(field: ListFilter, value: string, on?: boolean): void {
    const current = filters.value[field]
    const has = current.includes(value)
    const want = on ?? !has
    if (want === has) return
    commitFilters({ [field]: want ? [...current, value] : current.filter((v) => v !== value) })
  }

  function resetFilters(): void {
    commitFilters(emptyFilters())
  }

  function dismissNotices(): void {
    notices.value = []
  }

  const onPopState = () => readUrl()
  win.addEventListener('popstate', onPopState)
  onScopeDispose(() => win.removeEventListener('popstate', onPopState))
  watch(store, checkLabels)
  readUrl()

  return {
    view,
    metric,
    grouping,
    timeUnit,
    tab,
    sort,
    sortDirection,
    page,
    rule,
    notices,
    commit,
    type,
    commitFilters,
    typeFilters,
    toggleFilterValue,
    resetFilters,
    dismissNotices,
    readUrl,
  }
}

export const useViewState = createGlobalState(createViewState)

/**
 * Stops and forgets the shared view (GlobalState's reset), for tests: its watchers stop and it no
 * longer listens for back/forward.
 */
export const resetViewStateForTests = useViewState.reset
