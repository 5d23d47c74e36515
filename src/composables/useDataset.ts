// Owns the dataset the page shows: the store, where it came from, and what loading it reported.
// One shared instance for the whole page (every component that calls useDataset() sees the same
// data). Large data lives in shallowRef: Vue must not make a million-row store deeply reactive.

import { shallowRef } from 'vue'
import { loadCsv, type LoadResult } from '../core/load'
import { concatStores, type CasualtyStore } from '../core/store'
import { ASYNC_ROWS, yieldToPage } from './yieldToPage'
import shippedCsv from '../../data/attacks.csv?raw'

/** The dataset shipped with the dashboard, coded from the source text (data/README.md). */
export const SHIPPED_DATASET_NAME = 'data/attacks.csv'

function createDatasetState() {
  /** The data on show; null before anything loaded. */
  const store = shallowRef<CasualtyStore | null>(null)
  /** What the last load reported (issues, counts), including a load that was refused. */
  const lastLoad = shallowRef<LoadResult | null>(null)
  /** A name for the data on show: the shipped file's path or the imported file's name. */
  const sourceName = shallowRef('')

  /** True while a big store waits for its own task to be shown. */
  const publishing = shallowRef(false)
  /** The store waiting to be shown, which an append must add to. */
  let pending: { store: CasualtyStore; name: string } | null = null
  let published = 0

  // Shows `next` instead of the current data. A big store is shown in a task of its own: it
  // arrives in the worker's message, whose decoding is already a long task, and drawing the page
  // for it is another; one after the other they would block the page twice as long.
  function replaceStore(next: CasualtyStore, name: string): void {
    const turn = ++published
    const show = () => {
      pending = null
      publishing.value = false
      store.value = next
      sourceName.value = name
    }
    if (next.length < ASYNC_ROWS) return show()
    pending = { store: next, name }
    publishing.value = true
    void yieldToPage().then(() => {
      if (turn === published) show()
    })
  }

  /** Adds the rows of `more` after the current data. */
  function appendStore(more: CasualtyStore, name: string): void {
    const base = pending ?? (store.value ? { store: store.value, name: sourceName.value } : null)
    if (!base) return replaceStore(more, name)
    replaceStore(concatStores(base.store, more), `${base.name} + ${name}`)
  }

  // Loads CSV text on the main thread: for the small shipped file. Imports go through the worker.
  function loadText(text: string, name: string): LoadResult {
    const result = loadCsv(text)
    lastLoad.value = result
    if (result.ok && result.store) replaceStore(result.store, name)
    return result
  }

  function loadShipped(): LoadResult {
    return loadText(shippedCsv, SHIPPED_DATASET_NAME)
  }

  return {
    store,
    lastLoad,
    sourceName,
    publishing,
    replaceStore,
    appendStore,
    loadText,
    loadShipped,
  }
}

let shared: ReturnType<typeof createDatasetState> | null = null

export function useDataset() {
  shared ??= createDatasetState()
  return shared
}

/** Forgets the shared state: for tests that mount the app more than once. */
export function resetDatasetForTests(): void {
  shared = null
}
