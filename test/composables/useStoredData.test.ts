// The storage layer on fake-indexeddb: the data on show is written after each change and comes back
// in a new page (a new state on the same database), with its name and change log; the shipped data
// is never stored; a damaged record, a full disk or a browser without IndexedDB is told in words
// and the page goes on with the data in memory.

import 'fake-indexeddb/auto'
import { IDBFactory } from 'fake-indexeddb'
import { createStore, keys, set, type UseStore } from 'idb-keyval'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { resetDatasetForTests, useDataset } from '../../src/composables/useDataset'
import {
  DATABASE_NAME,
  configureStoredData,
  useStoredData,
  type UseStoredDataOptions,
} from '../../src/composables/useStoredData'
import { resetSourcesForTests, useSources } from '../../src/composables/useSources'
import { emptySource } from '../../src/core/reports'
import { DEFAULT_GRADES } from '../../src/core/grades'
import { storeFromRecords } from '../../src/core/store/builder'
import { rowEntry } from '../../src/core/store/changeLog'
import { loadCsv } from '../../src/core/load/loader'
import { readFileSync } from 'node:fs'
import { recordWith } from '../helpers/record'

const record = recordWith({ incident_id: 'X', date: '2021-08', target_group: 'civilians' })
const shippedRows = loadCsv(readFileSync('data/attacks.csv')).summary.rowsLoaded
const noPersist = { persist: async () => false, persisted: async () => false }

// A new page: the shared state made again on the same database.
async function newPage(options: UseStoredDataOptions = {}) {
  useStoredData.reset()
  resetSourcesForTests()
  resetDatasetForTests()
  configureStoredData({ storage: noPersist, channel: () => null, ...options })
  const stored = useStoredData()
  await stored.start()
  await stored.settled()
  return { stored, dataset: useDataset() }
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory()
})
afterEach(() => {
  useStoredData.reset()
  resetSourcesForTests()
  resetDatasetForTests()
  configureStoredData({})
})

describe('useStoredData', () => {
  it('shows the shipped data when nothing is stored, and never stores it', async () => {
    const { stored, dataset } = await newPage()
    expect(dataset.store.value?.length).toBe(shippedRows)
    expect(stored.status.value).toBe('ready')
    expect(stored.datasets.value).toEqual([])
  })

  it('brings an imported dataset back in a new page, with its name and change log', async () => {
    const first = await newPage()
    const imported = storeFromRecords([record({ killed_min: 3 }), record({ incident_id: 'Y' })])
    first.dataset.replaceStore(imported, 'mine.csv')
    await first.stored.settled()
    expect(first.stored.datasets.value.map((e) => [e.name, e.rows])).toEqual([['mine.csv', 2]])

    const { dataset, stored } = await newPage()
    expect(dataset.store.value?.records()).toEqual(imported.records())
    expect(dataset.sourceName.value).toBe('mine.csv')
    expect(dataset.context.value.changeLog.map((e) => e.what)).toEqual([
      'Imported mine.csv (2 rows)',
    ])
    expect(stored.datasets.value).toHaveLength(1)
  })

  it('keeps the data’s grade scale and its sources, regraded, with it in a new page', async () => {
    const first = await newPage()
    first.dataset.replaceStore(storeFromRecords([record({ source: 'ap' })]), 'mine.csv')
    const sources = useSources()
    sources.addSources([
      { ...emptySource('ap'), outlet: 'AP', grade: 'fair' },
      { ...emptySource('bbc'), grade: 'weak' },
    ])
    const grades = [
      { label: 'verified', meaning: 'Seen by our staff.' },
      { label: 'reported', meaning: 'One outlet.' },
    ]
    expect(sources.setGrades(grades, new Map([['Fair', 'verified']]))).toEqual({
      renamed: 1,
      ungraded: 1,
    })
    expect(sources.scale.value.grades).toEqual(grades)
    first.stored.keepDescription()
    await first.stored.settled()

    const { dataset } = await newPage()
    expect(dataset.meta.value.grades).toEqual(grades)
    const again = useSources()
    expect(again.scale.value.rank('reported')).toBe(1)
    expect(again.registry.value.get('ap')).toMatchObject({ outlet: 'AP', grade: 'verified' })
    expect(again.registry.value.get('bbc')?.grade).toBe('')
  })

  it('keeps a scale set on the shipped data as a dataset of its own; the default is no scale', async () => {
    const first = await newPage()
    useSources().setGrades([{ label: 'only', meaning: '' }])
    first.stored.keepDescription()
    await first.stored.settled()
    expect(first.stored.datasets.value).toHaveLength(1)
    const { dataset } = await newPage()
    expect(dataset.store.value?.length).toBe(shippedRows)
    expect(dataset.meta.value.grades).toEqual([{ label: 'only', meaning: '' }])
    useSources().setGrades(DEFAULT_GRADES)
    expect(dataset.meta.value.grades).toBeUndefined()
  })

  it('asks before the page is left while a write is under way, and not after', async () => {
    const { stored, dataset } = await newPage()
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true })
      window.dispatchEvent(event)
      return event.defaultPrevented
    }
    expect(leave()).toBe(false)
    dataset.replaceStore(storeFromRecords([record({})]), 'mine.csv')
    expect(stored.pendingWrites.value).toBe(1)
    expect(leave()).toBe(true)
    await stored.settled()
    expect(leave()).toBe(false)
  })

  it('keeps the description of the data with it', async () => {
    const first = await newPage()
    first.dataset.appendStore(storeFromRecords([record({ incident_id: 'T1' })]), 'From text')
    await first.stored.settled()
    const title = first.dataset.meta.value.title
    expect(title).not.toBe('')
    const { dataset } = await newPage()
    expect(dataset.store.value?.length).toBe(shippedRows + 1)
    expect(dataset.meta.value.title).toBe(title)
  })

  it('stores a change to the shipped data as a dataset of its own, and later changes in it', async () => {
    const first = await newPage()
    const accepted = storeFromRecords([record({ incident_id: 'T1' })])
    const entry = rowEntry('accept', record({ incident_id: 'T1' }), { at: 'now', what: 'Accepted' })
    first.dataset.appendStore(accepted, 'From text', { entries: [entry] })
    first.dataset.appendStore(storeFromRecords([record({ incident_id: 'T2' })]), 'From text')
    await first.stored.settled()
    expect(first.stored.datasets.value).toHaveLength(1)

    const { dataset } = await newPage()
    expect(dataset.store.value?.length).toBe(shippedRows + 2)
    expect(dataset.context.value.changeLog).toHaveLength(2)
    // The shipped data is still there as it came.
    dataset.loadShipped()
    expect(dataset.store.value?.length).toBe(shippedRows)
  })

  it('goes back to the shipped data after Undo of the first change, and stays there', async () => {
    const first = await newPage()
    first.dataset.replaceStore(storeFromRecords([record({})]), 'mine.csv')
    expect(first.dataset.undo()).toBe(true)
    await first.stored.settled()
    const { dataset } = await newPage()
    expect(dataset.store.value?.length).toBe(shippedRows)
  })

  it('keeps the parts of the last save only, and deletes them with the dataset', async () => {
    const { stored, dataset } = await newPage()
    const parts = async () =>
      (await keys(createStore(DATABASE_NAME, 'datasets'))).filter((k) =>
        String(k).startsWith('part:'),
      )
    dataset.replaceStore(storeFromRecords([record({})]), 'a.csv')
    dataset.appendStore(storeFromRecords([record({})]), 'b.csv')
    await stored.settled()
    expect(await parts()).toHaveLength(1)
    await stored.remove(stored.datasets.value[0]!.id)
    expect(await parts()).toHaveLength(0)
  })

  it('renames, opens and deletes datasets; Delete data stored in this browser forgets all', async () => {
    const { stored, dataset } = await newPage()
    dataset.replaceStore(storeFromRecords([record({})]), 'a.csv')
    dataset.replaceStore(storeFromRecords([record({}), record({})]), 'b.csv')
    await stored.settled()
    const [b, a] = stored.datasets.value
    await stored.rename(a!.id, 'first file')
    expect(await stored.open(a!.id)).toBe(true)
    expect(dataset.sourceName.value).toBe('first file')
    expect(dataset.store.value?.length).toBe(1)
    await stored.remove(b!.id)
    expect(stored.datasets.value.map((e) => e.name)).toEqual(['first file'])
    await stored.removeAll()
    expect(stored.datasets.value).toEqual([])
    // The data on show stays in memory; the next page shows the shipped data.
    expect(dataset.store.value?.length).toBe(1)
    const next = await newPage()
    expect(next.dataset.store.value?.length).toBe(shippedRows)
  })

  it('says a damaged record cannot be opened, shows the shipped data, and keeps the others', async () => {
    const first = await newPage()
    first.dataset.replaceStore(storeFromRecords([record({})]), 'good.csv')
    await first.stored.settled()
    const db = createStore(DATABASE_NAME, 'datasets')
    await set('data:broken', { id: 'broken', name: 'broken', stored: { version: 1 } }, db)
    await set('meta:broken', { id: 'broken', name: 'broken.csv', rows: 1, savedAt: 'x' }, db)
    await set('current', 'broken', db)

    const { dataset, stored } = await newPage()
    expect(dataset.store.value?.length).toBe(shippedRows)
    expect(stored.problem.value).toContain('“broken.csv” could not be opened')
    expect(stored.problem.value).toContain('damaged')
    const good = stored.datasets.value.find((e) => e.name === 'good.csv')
    expect(await stored.open(good!.id)).toBe(true)
  })

  it('says when the browser stores nothing, and works on the data in memory', async () => {
    const { dataset, stored } = await newPage({ openDatabase: () => null })
    expect(stored.status.value).toBe('unavailable')
    expect(stored.problem.value).toContain('does not let the page store data')
    dataset.replaceStore(storeFromRecords([record({})]), 'mine.csv')
    expect(dataset.store.value?.length).toBe(1)
  })

  it('says when the disk is full, and keeps the data on show', async () => {
    const real = createStore(DATABASE_NAME, 'datasets')
    const full: UseStore = (mode, callback) =>
      mode === 'readwrite'
        ? Promise.reject(new DOMException('quota', 'QuotaExceededError'))
        : real(mode, callback)
    const { dataset, stored } = await newPage({ openDatabase: () => full })
    dataset.replaceStore(storeFromRecords([record({})]), 'mine.csv')
    await stored.settled()
    expect(stored.problem.value).toContain('“mine.csv” was not saved')
    expect(stored.problem.value).toContain('storage for this page is full')
    expect(dataset.store.value?.length).toBe(1)
    expect(stored.pendingWrites.value).toBe(0)
  })

  it.each([
    [true, 'persistent'],
    [false, 'best-effort'],
  ] as const)('asks the browser to keep the data (answer %s: %s)', async (answer, shown) => {
    const { stored } = await newPage({
      storage: { persist: async () => answer, persisted: async () => false },
    })
    expect(stored.persistence.value).toBe(shown)
  })
})
