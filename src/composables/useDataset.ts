// Owns the dataset the page shows: the store, where it came from, and what loading it reported. One
// shared instance for the whole page (every component that calls useDataset() sees the same data;
// createGlobalState). Large data lives in shallowRef: Vue must not make a million-row store deeply
// reactive.

import { computed, onScopeDispose, shallowRef } from 'vue'
import { formatDateLabel } from '../core/date'
import { formatSourceLine } from '../core/format'
import { dateSpanInSteps, dateSpanOf, figureIndexInSteps } from '../core/view/figureIndex'
import { reportIndexInSteps } from '../core/view/reportIndex'
import { allRowsInSteps } from '../core/view/filter'
import type { LoadResult } from '../core/load/loader'
import { fromShipped } from '../core/load/shipped'
import { shippedLoad } from 'virtual:shipped-data'
import { CATEGORY_COLUMNS } from '../core/schema'
import type { Steps } from '../core/steps'
import { labelCountsInSteps, type CasualtyStore } from '../core/store/store'
import { labelCount } from '../core/store/packedStrings'
import { concatStores, concatStoresInSteps } from '../core/store/concat'
import { createGlobalState } from './globalState'
import { ASYNC_ROWS, runInSteps, yieldToPage } from './yieldToPage'
import shippedMetaText from '../../data/attacks.meta.json?raw'
import { emptyMeta, metaForFile, parseDatasetMeta, type DatasetMeta } from '../core/datasetMeta'
import type { ImportReport } from '../core/load/importJob'
import { dataEntry, type ChangeEntry } from '../core/store/changeLog'

/** Dictionaries up to this size may be shown as lists: their label counts are made early. */
const LIST_LABELS = 1 << 16

/** The dataset shipped with the dashboard, coded from the source text (data/README.md). */
export const SHIPPED_DATASET_NAME = 'data/attacks.csv'

/**
 * Why the data on show changed: `shipped` (the shipped data opened), `import` (a file replaced
 * the data: a new dataset), `append` (rows added: a file, an accepted or added row), `edit` (a row
 * edited or deleted), `restore` (a stored dataset opened), `undo`.
 */
export type DataChange = 'shipped' | 'import' | 'append' | 'edit' | 'restore' | 'undo'

/** What goes with the data on show: which stored dataset it is, its change log, its import report. */
export interface DataContext {
  /** The stored dataset's id; null for the shipped data, or data not stored yet. */
  datasetId: string | null
  changeLog: readonly ChangeEntry[]
  report: ImportReport | null
}

/** How a change is told to replaceStore and appendStore. */
export interface ChangeOptions {
  change?: DataChange
  /** Entries for the change log (an import's or append's own entry is written when absent). */
  entries?: readonly ChangeEntry[]
  /** The context to show with the data (restore, undo); by default the change's own. */
  context?: DataContext
  report?: ImportReport | null
  /**
   * What the data says about itself; null keeps the description on show. By default an import or
   * a restore takes the description expected for its name (a link's `.meta.json`) or its file's;
   * an edit, an append and an undo keep the one on show (an undo brings back its step's).
   */
  meta?: DatasetMeta | null
  /**
   * Resolves when the store is whole (an import's text columns arrive after the rest): true, or
   * false when they never will (the import failed or was stopped), and the store is not shown.
   * Meanwhile what needs no text is prepared.
   */
  complete?: Promise<boolean>
}

/** A state of the data that Undo goes back to. */
export interface UndoStep {
  store: CasualtyStore
  name: string
  context: DataContext
  meta: DatasetMeta
  /** What the change after it did, for the Undo button: `Imported events.csv`. */
  what: string
}

/** Undo steps kept: each holds a whole store (shared where unchanged), so not without end. */
export const UNDO_STEPS = 20

const stamp = (what: string) => ({ at: new Date().toISOString(), what })

function createDatasetState() {
  /** The data on show; null before anything loaded. */
  const store = shallowRef<CasualtyStore | null>(null)
  /** What the last load reported (issues, counts), including a load that was refused. */
  const lastLoad = shallowRef<LoadResult | null>(null)
  /** A name for the data on show: the shipped file's path or the imported file's name. */
  const sourceName = shallowRef('')
  /** What the data on show says about itself (title, description, source, licence, caveat). */
  const meta = shallowRef<DatasetMeta>(emptyMeta())

  /** Which stored dataset is on show, its change log and its import report. */
  const context = shallowRef<DataContext>({ datasetId: null, changeLog: [], report: null })
  /** Why the data on show last changed (core of what the storage does with it). */
  const lastChange = shallowRef<DataChange>('shipped')
  /** States the data can go back to, oldest first. */
  const undoSteps = shallowRef<readonly UndoStep[]>([])

  /** True while a big store is on its way: waiting for its own task, or being added up. */
  const publishing = shallowRef(false)
  interface Named {
    store: CasualtyStore
    name: string
    change?: DataChange
    context?: DataContext
    /** What the data says about itself; null keeps the description on show. */
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
    if (next.context) context.value = next.context
    lastChange.value = next.change ?? 'import'
    sourceName.value = next.name
    if (next.meta) meta.value = next.meta
    store.value = next.store
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

  // Keeps the data on show as an undo step before a change the user made.
  function keepForUndo(what: string): void {
    if (!store.value) return
    const step = {
      store: store.value,
      name: sourceName.value,
      context: context.value,
      meta: meta.value,
      what,
    }
    undoSteps.value = [...undoSteps.value, step].slice(-UNDO_STEPS)
  }

  const isUserChange = (change: DataChange) =>
    change === 'import' || change === 'append' || change === 'edit'

  // Shows `next` instead of the current data. A big store is shown in a task of its own: it
  // arrives after the steps that unpacked it, and drawing the page for it is another long piece
  // of work; one after the other they would block the page twice as long.
  function replaceStore(next: CasualtyStore, name: string, options: ChangeOptions = {}): void {
    const change = options.change ?? 'import'
    const entries = options.entries ?? [
      dataEntry('import', stamp(`Imported ${name} (${next.length} rows)`)),
    ]
    // An edit or an added row changes the dataset on show; an import makes a new one.
    const same = change === 'edit' || change === 'append'
    const nextContext: DataContext = options.context ?? {
      datasetId: same ? context.value.datasetId : null,
      changeLog: same ? [...context.value.changeLog, ...entries] : entries,
      report: options.report ?? (same ? context.value.report : null),
    }
    if (isUserChange(change)) keepForUndo(entries[0]?.what ?? change)
    const keepsMeta = same || change === 'undo'
    const description = options.meta !== undefined ? options.meta : keepsMeta ? null : metaFor(name)
    const named: Named = { store: next, name, change, context: nextContext, meta: description }
    const turn = ++published
    replaced++
    const { complete } = options
    if (next.length < ASYNC_ROWS && !complete) return show(named, turn)
    // Data added meanwhile is added to this store once it is whole.
    upcoming = complete ? complete.then((whole) => (whole ? named : null)) : named
    publishing.value = true
    void prepareToShow(next, turn, complete).then((ready) => ready && show(named, turn))
  }

  // Counts the rows of each label of the short dictionaries (the filter lists show them) in steps
  // before a big store is shown, so the task that shows it does not make a pass over the rows per
  // list; so too the selection of every row and the date span. One budget for all of it (a new
  // runInSteps per list gave each its own, and a task could hold several). Ends in a task of its
  // own, as showing must. Says whether `next` is to be shown: not when a newer change came, nor
  // when the store never became whole (`complete`; then nothing is on its way any more).
  async function prepareToShow(
    next: CasualtyStore,
    turn: number,
    complete?: Promise<boolean>,
  ): Promise<boolean> {
    if (!(await runInSteps(preparationSteps(next), () => turn === published))) return false
    if (complete && !(await complete)) {
      if (turn === published) {
        upcoming = null
        publishing.value = false
      }
      return false
    }
    await yieldToPage()
    return true
  }

  // Also the indexes of the rows' figures and reports that every view of the store reads (kept
  // with the store): they need none of its text, so they are built while an import's text
  // columns are still on their way.
  function* preparationSteps(next: CasualtyStore): Steps<true> {
    const { categories } = next.columns
    yield* allRowsInSteps(next)
    yield* dateSpanInSteps(next)
    yield
    for (const column of CATEGORY_COLUMNS) {
      if (labelCount(categories[column]) <= LIST_LABELS)
        yield* labelCountsInSteps(categories[column])
    }
    yield* figureIndexInSteps(next)
    yield* reportIndexInSteps(next)
    return true
  }

  /**
   * Adds the rows of `more` after the current data (or after the data on its way). Big data is
   * added up in steps (core/store concatStoresInSteps) while the page shows the data it had.
   */
  function appendStore(more: CasualtyStore, name: string, options: ChangeOptions = {}): void {
    const base = upcoming ?? (store.value ? { store: store.value, name: sourceName.value } : null)
    if (!base) return replaceStore(more, name, options)
    const entries = options.entries ?? [
      dataEntry('append', stamp(`Added ${name} (${more.length} rows)`)),
    ]
    const nextContext: DataContext = {
      datasetId: context.value.datasetId,
      changeLog: [...context.value.changeLog, ...entries],
      report: options.report ?? context.value.report,
    }
    const change = { change: 'append' as const, entries, context: nextContext, meta: null }
    if (!(base instanceof Promise) && base.store.length + more.length < ASYNC_ROWS) {
      return replaceStore(concatStores(base.store, more), `${base.name} + ${name}`, change)
    }
    keepForUndo(entries[0]?.what ?? 'append')
    const turn = ++published
    const replacement = replaced
    const wanted = () => replacement === replaced
    publishing.value = true
    const joined = Promise.resolve(base).then(async (from): Promise<Named | null> => {
      if (!from || !wanted()) return null
      const both = await runInSteps(concatStoresInSteps(from.store, more), wanted)
      return both && { store: both, name: `${from.name} + ${name}`, ...change }
    })
    upcoming = joined
    void joined.then(async (next) => {
      if (next && (await prepareToShow(next.store, turn))) show(next, turn)
    })
  }

  // The shipped file, read at build time by the import's loader (core/load/shipped): the page
  // builds its store from the rows. Imports go through the worker.
  function loadShipped(): LoadResult {
    expectMeta(SHIPPED_DATASET_NAME, parseDatasetMeta(shippedMetaText).meta)
    const shipped = { datasetId: null, changeLog: [], report: null }
    const result = fromShipped(shippedLoad)
    lastLoad.value = result
    if (result.ok && result.store) {
      replaceStore(result.store, SHIPPED_DATASET_NAME, { change: 'shipped', context: shipped })
    }
    return result
  }

  /** Goes back to the state before the last change; false when there is none. */
  function undo(): boolean {
    const step = undoSteps.value.at(-1)
    if (!step) return false
    undoSteps.value = undoSteps.value.slice(0, -1)
    const log = [...step.context.changeLog, dataEntry('undo', stamp(`Undid: ${step.what}`))]
    replaceStore(step.store, step.name, {
      change: 'undo',
      context: { ...step.context, changeLog: log },
      meta: step.meta,
    })
    return true
  }

  /** Forgets the undo steps (after everything stored was deleted). */
  function forgetUndo(): void {
    undoSteps.value = []
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
    context,
    lastChange,
    undoSteps,
    undo,
    forgetUndo,
    publishing,
    dateSpan,
    sources,
    sourceLine,
    replaceStore,
    appendStore,
    loadShipped,
    expectMeta,
  }
}

export const useDataset = createGlobalState(createDatasetState)

/** Forgets the shared state (GlobalState's reset): for tests that mount the app more than once. */
export const resetDatasetForTests = useDataset.reset
