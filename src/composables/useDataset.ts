// Owns the dataset the page shows: the store, where it came from, and what loading it reported. One
// shared instance for the whole page (every component that calls useDataset() sees the same data;
// createGlobalState). Large data lives in shallowRef: Vue must not make a million-row store deeply
// reactive.

import { computed, onScopeDispose, shallowRef } from 'vue'
import { formatDateLabel } from '../core/date'
import { formatSourceLine } from '../core/format'
import { dateSpanOf } from '../core/view/figureIndex'
import { allRowsInSteps } from '../core/view/filter'
import { loadCsv, type LoadResult } from '../core/load/loader'
import { CATEGORY_COLUMNS } from '../core/schema'
import type { Steps } from '../core/steps'
import { labelCountsInSteps, type CasualtyStore } from '../core/store/store'
import { labelCount } from '../core/store/packedStrings'
import { concatStores, concatStoresInSteps } from '../core/store/concat'
import { createGlobalState } from './globalState'
import { ASYNC_ROWS, runInSteps, yieldToPage } from './yieldToPage'
import shippedCsv from '../../data/attacks.csv?raw'
import shippedMetaText from '../../data/attacks.meta.json?raw'
import { emptyMeta, metaForFile, parseDatasetMeta, type DatasetMeta } from '../core/datasetMeta'

/** Dictionaries up to this size may be shown as lists: their label counts are made early. */
const LIST_LABELS = 1 << 16

/** The dataset shipped with the dashboard, coded from the source text (data/README.md). */
export const SHIPPED_DATASET_NAME = 'data/attacks.csv'

function createDatasetState() {
  /** The data on show; null before anything loaded. */
  const store = shallowRef<CasualtyStore | null>(null)
  /** What the last load reported (issues, counts), including a load that was refused. */
  const lastLoad = shallowRef<LoadResult | null>(null)
  /** A name for the data on show: the shipped file's path or the imported file's name. */
  const sourceName = shallowRef('')
  /** What the data on show says about itself (title, description, source, licence, caveat). */
  const meta = shallowRef<DatasetMeta>(emptyMeta())

  /** True while a big store is on its way: waiting for its own task, or being added up. */
  const publishing = shallowRef(false)
  interface Named {
    store: CasualtyStore
    name: string
    /** What the data says about itself; null keeps the description on show (an append). */
    meta?: DatasetMeta | null
  }
  /** A description waiting for the data of that name (a link's `.meta.json`, the shipped one). */
  let expected: { name: string; meta: DatasetMeta } | null = null
  /**
   * The data that will be shown once the work in flight is done (a store waiting for its task,
   * or a concatenation running in steps): what a further append must add to.
   */
  let upcoming: Named | Promise<Named | null> | null = null
  /** Counts every change of the data: only the latest one is shown. */
  let published = 0
  /** Counts replacements: a concatenation still running for an older one stops. */
  let replaced = 0

  function show(next: Named, turn: number): void {
    if (turn !== published) return
    upcoming = null
    publishing.value = false
    store.value = next.store
    sourceName.value = next.name
    if (next.meta) meta.value = next.meta
  }

  /** The description to show with the data of `name`: the one expected for it, or its file's. */
  function metaFor(name: string): DatasetMeta {
    const found = expected?.name === name ? expected.meta : metaForFile(name)
    expected = null
    return found
  }

  /** Data called `name` is on its way with this description (read from beside its file). */
  function expectMeta(name: string, description: DatasetMeta): void {
    expected = { name, meta: description }
  }

  // Shows `next` instead of the current data. A big store is shown in a task of its own: it
  // arrives after the steps that unpacked it, and drawing the page for it is another long piece
  // of work; one after the other they would block the page twice as long.
  function replaceStore(
    next: CasualtyStore,
    name: string,
    description: DatasetMeta | null = metaFor(name),
  ): void {
    const turn = ++published
    replaced++
    if (next.length < ASYNC_ROWS) return show({ store: next, name, meta: description }, turn)
    upcoming = { store: next, name, meta: description }
    publishing.value = true
    void prepareToShow(next, turn).then(() => show({ store: next, name, meta: description }, turn))
  }

  // Counts the rows of each label of the short dictionaries (the filter lists show them) in steps
  // before a big store is shown, so the task that shows it does not make a pass over the rows per
  // list; so too the selection of every row and the date span. One budget for all of it (a new
  // runInSteps per list gave each its own, and a task could hold several). Ends in a task of its
  // own, as showing must.
  async function prepareToShow(next: CasualtyStore, turn: number): Promise<void> {
    if (!(await runInSteps(preparationSteps(next), () => turn === published))) return
    await yieldToPage()
  }

  function* preparationSteps(next: CasualtyStore): Steps<true> {
    const { categories } = next.columns
    yield* allRowsInSteps(next)
    dateSpanOf(next)
    yield
    for (const column of CATEGORY_COLUMNS) {
      if (labelCount(categories[column]) <= LIST_LABELS)
        yield* labelCountsInSteps(categories[column])
    }
    return true
  }

  /**
   * Adds the rows of `more` after the current data (or after the data on its way). Big data is
   * added up in steps (core/store concatStoresInSteps) while the page shows the data it had.
   */
  function appendStore(more: CasualtyStore, name: string): void {
    const base = upcoming ?? (store.value ? { store: store.value, name: sourceName.value } : null)
    if (!base) return replaceStore(more, name)
    if (!(base instanceof Promise) && base.store.length + more.length < ASYNC_ROWS) {
      return replaceStore(concatStores(base.store, more), `${base.name} + ${name}`, null)
    }
    const turn = ++published
    const replacement = replaced
    const wanted = () => replacement === replaced
    publishing.value = true
    const joined = Promise.resolve(base).then(async (from): Promise<Named | null> => {
      if (!from || !wanted()) return null
      const both = await runInSteps(concatStoresInSteps(from.store, more), wanted)
      return both && { store: both, name: `${from.name} + ${name}` }
    })
    upcoming = joined
    void joined.then(async (next) => {
      if (!next) return
      await prepareToShow(next.store, turn)
      show(next, turn)
    })
  }

  // Loads CSV text on the main thread: for the small shipped file. Imports go through the worker.
  function loadText(text: string, name: string): LoadResult {
    const result = loadCsv(text)
    lastLoad.value = result
    if (result.ok && result.store) replaceStore(result.store, name)
    return result
  }

  function loadShipped(): LoadResult {
    expectMeta(SHIPPED_DATASET_NAME, parseDatasetMeta(shippedMetaText).meta)
    return loadText(shippedCsv, SHIPPED_DATASET_NAME)
  }

  /** The first and last date of the whole dataset, as people read them (`Aug 2021`, `2024`). */
  const dateSpan = computed(() => {
    const span = store.value ? dateSpanOf(store.value) : null
    return span && { first: formatDateLabel(span.first), last: formatDateLabel(span.last) }
  })

  /** The source ids of the data on show, as its rows name them. */
  const sources = computed(
    () => store.value?.columns.categories.source.values.filter((s) => s !== '') ?? [],
  )
  // A long list of sources is named by its first few and a count: a line of tens of thousands of
  // ids under each chart is slow for the browser to lay out, and nobody reads it.
  const sourceLine = computed(() => formatSourceLine(sources.value, sourceName.value))

  // Work still in flight for a forgotten state (a test's reset) stops at its next step.
  onScopeDispose(() => {
    published++
    replaced++
  })

  return {
    store,
    lastLoad,
    sourceName,
    meta,
    publishing,
    dateSpan,
    sources,
    sourceLine,
    replaceStore,
    appendStore,
    expectMeta,
    loadText,
    loadShipped,
  }
}

export const useDataset = createGlobalState(createDatasetState)

/** Forgets the shared state (GlobalState's reset): for tests that mount the app more than once. */
export const resetDatasetForTests = useDataset.reset
