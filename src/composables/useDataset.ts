// Owns the dataset the page shows: the store, where it came from, and what loading it reported.
// Large data lives in shallowRef: Vue must not make a million-row store deeply reactive.

import { shallowRef } from 'vue'
import { loadCsv, type LoadResult } from '../core/load'
import type { CasualtyStore } from '../core/store'
import shippedCsv from '../../data/attacks.csv?raw'

/** The dataset shipped with the dashboard, coded from the source text (data/README.md). */
export const SHIPPED_DATASET_NAME = 'data/attacks.csv'

export function useDataset() {
  const store = shallowRef<CasualtyStore | null>(null)
  const lastLoad = shallowRef<LoadResult | null>(null)
  const sourceName = shallowRef('')

  function loadText(text: string, name: string): LoadResult {
    const result = loadCsv(text)
    lastLoad.value = result
    if (result.ok && result.store) {
      store.value = result.store
      sourceName.value = name
    }
    return result
  }

  function loadShipped(): LoadResult {
    return loadText(shippedCsv, SHIPPED_DATASET_NAME)
  }

  return { store, lastLoad, sourceName, loadText, loadShipped }
}
