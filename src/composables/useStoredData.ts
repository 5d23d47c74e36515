// Keeps the user's work in the browser's own database (IndexedDB, through idb-keyval): every
// dataset the user made (an import, or the shipped data with rows accepted, added or edited) is
// stored as its columns (core/store/persist) with its change log and import report, saved after
// each change and opened again on the next visit. The shipped dataset is never stored: it comes
// with the page. Other tabs are told of each write (BroadcastChannel) and show the latest data.
// Where the browser keeps nothing (a private window without IndexedDB, a full disk, a damaged
// record) the page says so and goes on with the data in memory.

import { onScopeDispose, shallowRef, watch } from 'vue'
import { clear, createStore, delMany, get, getMany, keys, setMany, type UseStore } from 'idb-keyval'
import { isChangeLog, type ChangeEntry } from '../core/store/changeLog'
import type { StoredManifest } from '../core/store/persist'
import type { ImportReport } from '../core/load/importJob'
import { readDatasetMeta, type DatasetMeta } from '../core/datasetMeta'
import type { CasualtyStore } from '../core/store/store'
import { createGlobalState } from './globalState'
import { useDataset } from './useDataset'
import { useSources } from './useSources'
import type { Source } from '../core/reports'
import { ASYNC_ROWS, runInSteps, whenIdle } from './yieldToPage'

/** A stored dataset as the list shows it. */
export interface DatasetEntry {
  id: string
  name: string
  rows: number
  /** ISO 8601 date and time of the last save (UTC). */
  savedAt: string
}

/**
 * A stored dataset: the manifest of its columns (their bytes are in the parts named by `partsOf`,
 * core/store/persist), its change log and import report.
 */
interface StoredDataset {
  id: string
  name: string
  savedAt: string
  manifest: StoredManifest
  /** The save the parts belong to: part n is `part:<id>:<partsOf>:<n>`. */
  partsOf: string
  changeLog: ChangeEntry[]
  report: ImportReport | null
  /** What the data said about itself when saved (title, source, licence, grade scale). */
  meta?: DatasetMeta
  /** The source registry the data was shown with (its sources, graded on its scale). */
  sources?: Source[]
}

/** Whether the browser promised to keep the data (navigator.storage.persist's answer). */
export type Persistence = 'asking' | 'persistent' | 'best-effort' | 'unsupported'

/** `starting` until the stored data was looked for; `unavailable`: nothing can be stored here. */
export type StorageStatus = 'starting' | 'ready' | 'unavailable'

/** What tabs tell each other about the stored data. */
type TabMessage =
  | { type: 'saved'; id: string; savedAt: string }
  | { type: 'removed'; id: string }
  | { type: 'renamed'; id: string; name: string }
  | { type: 'cleared' }

export interface UseStoredDataOptions {
  /** The database; null: the browser keeps nothing (tests pass a store of fake-indexeddb). */
  openDatabase?: () => UseStore | null
  /** How the browser is asked to keep the data; by default navigator.storage. */
  storage?: Pick<StorageManager, 'persist' | 'persisted'> | null
  /** The channel to other tabs; null for none. */
  channel?: () => BroadcastChannel | null
}

export const DATABASE_NAME = 'casualty-dashboard'
const OBJECT_STORE = 'datasets'
const CHANNEL_NAME = 'casualty-dashboard-data'
const CURRENT = 'current'
const dataKey = (id: string) => `data:${id}`
const metaKey = (id: string) => `meta:${id}`
const partKey = (id: string, save: string, n: number) => `part:${id}:${save}:${n}`
const partsPrefix = (id: string) => `part:${id}:`
/** Up to this many parts (core/store/persist's PART_BYTES each), a save is one transaction. */
const ONE_WRITE_PARTS = 2

function openIndexedDb(): UseStore | null {
  if (typeof indexedDB === 'undefined') return null
  return createStore(DATABASE_NAME, OBJECT_STORE)
}

const newId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`

const isEntry = (value: unknown): value is DatasetEntry =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as DatasetEntry).id === 'string' &&
  typeof (value as DatasetEntry).name === 'string' &&
  typeof (value as DatasetEntry).rows === 'number' &&
  typeof (value as DatasetEntry).savedAt === 'string'

// The words for an error of the database: a full disk is named as such.
function describeError(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : ''
  if (name === 'QuotaExceededError') {
    return "the browser's storage for this page is full. Export the data as CSV to keep it, or delete stored datasets you no longer need"
  }
  const message = error instanceof Error ? error.message : String(error)
  return message || 'the browser refused to store it'
}

const isSource = (value: unknown): value is Source =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Source).id === 'string' &&
  typeof (value as Source).grade === 'string'

function createStoredDataState(options: UseStoredDataOptions = {}) {
  const dataset = useDataset()
  const sources = useSources()
  const status = shallowRef<StorageStatus>('starting')
  const persistence = shallowRef<Persistence>('asking')
  const datasets = shallowRef<readonly DatasetEntry[]>([])
  /** What went wrong with storing, in words; '' when nothing did. */
  const problem = shallowRef('')
  /** News from another tab, or a confirmation; '' for none. */
  const notice = shallowRef('')
  /** Writes not yet finished: leaving the page now would lose them. */
  const pendingWrites = shallowRef(0)

  let db: UseStore | null = null
  let channel: BroadcastChannel | null = null
  /** Saves waiting per dataset: only the newest is written. */
  const latestSave = new Map<string, number>()
  let saves = 0
  let queue: Promise<void> = Promise.resolve()

  function enqueue(write: () => Promise<void>): Promise<void> {
    pendingWrites.value++
    const next = queue.then(write).finally(() => pendingWrites.value--)
    queue = next.catch(() => undefined)
    return next
  }

  function tell(message: TabMessage): void {
    try {
      channel?.postMessage(message)
    } catch {
      // A closed channel: the other tabs see the change on their next load.
    }
  }

  function unavailable(reason: string): void {
    status.value = 'unavailable'
    db = null
    problem.value = `This browser does not let the page store data (${reason}). Your work stays on show in this tab until it is closed; export it as CSV to keep it.`
  }

  async function refreshList(): Promise<void> {
    if (!db) return
    const all = await keys(db)
    const metaKeys = all.filter((key) => typeof key === 'string' && key.startsWith('meta:'))
    const entries = (await getMany(metaKeys, db)).filter(isEntry)
    datasets.value = entries.sort((a, b) => b.savedAt.localeCompare(a.savedAt))
  }

  // Saves the data on show under `id`, with its change log and report, and makes it the current one.
  function save(id: string, store: CasualtyStore): void {
    const turn = ++saves
    latestSave.set(id, turn)
    const { changeLog, report } = dataset.context.value
    const description = dataset.meta.value
    const registry = [...sources.registry.value.values()]
    const known = datasets.value.find((entry) => entry.id === id)
    const name = known?.name ?? dataset.sourceName.value
    void enqueue(async () => {
      if (!db || latestSave.get(id) !== turn) return
      // A big store, just imported, is stored once the page has painted its figures.
      if (store.length >= ASYNC_ROWS) await whenIdle()
      const savedAt = new Date().toISOString()
      const partsOf = newId()
      // The store's packing loads with the first save (or restore), not with the page.
      const { planStored } = await import('../core/store/persist')
      if (latestSave.get(id) !== turn) return
      const { manifest, parts } = planStored(store)
      const written: string[] = []
      const record: StoredDataset = {
        id,
        name,
        savedAt,
        manifest,
        partsOf,
        changeLog: [...changeLog],
        report,
        meta: description,
        sources: registry,
      }
      const entry: DatasetEntry = { id, name, rows: store.length, savedAt }
      // The manifest, the list entry and the choice of dataset go in one transaction, after the
      // parts or with them: a reader sees the old save or the new one whole.
      const last: [string, unknown][] = [
        [dataKey(id), record],
        [metaKey(id), entry],
        [CURRENT, id],
      ]
      try {
        if (manifest.parts <= ONE_WRITE_PARTS) {
          // Small data in one transaction, issued in the task that changed it: done at once, so
          // a reload right after an import or an edit finds it.
          const all = [...parts()].map((part, n): [string, unknown] => [
            partKey(id, partsOf, n),
            part,
          ])
          await setMany([...all, ...last], db)
        } else {
          // Big data one part per task and transaction, each when the page is idle (the first
          // too: after an import, the page's figures come first), so the page keeps painting and
          // a filter change's figures never wait behind a part; a newer save of the same dataset
          // meanwhile makes this one moot.
          for (const part of parts()) {
            await whenIdle()
            if (latestSave.get(id) !== turn) {
              await delMany(written, db)
              return
            }
            const key = partKey(id, partsOf, written.length)
            await setMany([[key, part]], db)
            written.push(key)
          }
          await setMany(last, db)
        }
        await delMany(await staleParts(id, partsOf), db)
        problem.value = ''
        datasets.value = [entry, ...datasets.value.filter((e) => e.id !== id)]
        tell({ type: 'saved', id, savedAt })
      } catch (error) {
        problem.value = `“${name}” was not saved: ${describeError(error)}. It stays on show in this tab.`
        await delMany(written, db).catch(() => undefined)
      }
    })
  }

  /**
   * Keeps the description of the data on show (its grade scale, edited on the page) and its source
   * registry (sources read from a file, regraded) with it: the stored dataset's record takes them,
   * without writing its columns again; the
   * shipped data, never stored as it is, becomes a stored dataset of its own, as on its first edit.
   */
  function keepDescription(): void {
    const store = dataset.store.value
    if (!store || !db) return
    const id = dataset.context.value.datasetId
    if (id === null) {
      const made = newId()
      dataset.context.value = { ...dataset.context.value, datasetId: made }
      save(made, store)
      return
    }
    const description = dataset.meta.value
    const registry = [...sources.registry.value.values()]
    void enqueue(async () => {
      if (!db) return
      try {
        const record = (await get(dataKey(id), db)) as StoredDataset | undefined
        if (!record) return save(id, store)
        await setMany([[dataKey(id), { ...record, meta: description, sources: registry }]], db)
        problem.value = ''
      } catch (error) {
        problem.value = `The dataset's description was not kept: ${describeError(error)}. It stays on show in this tab.`
      }
    })
  }

  // The parts of a dataset's earlier saves (all of them when `keep` is null).
  async function staleParts(id: string, keep: string | null): Promise<string[]> {
    if (!db) return []
    const all = await keys(db)
    return all.filter(
      (key): key is string =>
        typeof key === 'string' &&
        key.startsWith(partsPrefix(id)) &&
        (keep === null || !key.startsWith(`${partsPrefix(id)}${keep}:`)),
    )
  }

  function setCurrent(id: string | null): void {
    void enqueue(async () => {
      if (!db) return
      try {
        await setMany([[CURRENT, id]], db)
      } catch (error) {
        problem.value = `The choice of dataset was not kept: ${describeError(error)}.`
      }
    })
  }

  // Every change of the data on show is written: a new dataset for an import (or the first change
  // to the shipped data), the same one for later changes.
  watch(
    dataset.store,
    (next) => {
      if (!next || !db) return
      const change = dataset.lastChange.value
      if (change === 'restore') return
      if (change === 'shipped') return setCurrent(null)
      let id = dataset.context.value.datasetId
      if (id === null && change === 'undo') return setCurrent(null)
      if (id === null) {
        id = newId()
        dataset.context.value = { ...dataset.context.value, datasetId: id }
      }
      save(id, next)
    },
    { flush: 'sync' },
  )

  async function readDataset(
    id: string,
  ): Promise<
    { ok: true; record: StoredDataset; store: CasualtyStore } | { ok: false; message: string }
  > {
    if (!db) return { ok: false, message: 'nothing can be stored in this browser' }
    const record = (await get(dataKey(id), db)) as Partial<StoredDataset> | undefined
    if (!record) return { ok: false, message: 'it is no longer stored' }
    const { columnsFromParts, readManifest, storeFromStoredInSteps } =
      await import('../core/store/persist')
    const read = readManifest(record.manifest)
    if (!read.ok) return read
    const { manifest } = read
    const partsOf = typeof record.partsOf === 'string' ? record.partsOf : ''
    const partKeys = Array.from({ length: manifest.parts }, (_, n) => partKey(id, partsOf, n))
    // Each step is marked for the Performance panel and the bench (`restore: …` measures).
    const mark = (step: string, from: number) =>
      globalThis.performance?.measure?.(`restore: ${step}`, { start: from })
    let from = performance.now()
    const parts = await getMany(partKeys, db)
    mark('read the parts', from)
    from = performance.now()
    const checked = await runInSteps(columnsFromParts(manifest, parts))
    mark('join and check the columns', from)
    if (!checked) return { ok: false, message: 'it could not be read' }
    if (!checked.ok) return checked
    from = performance.now()
    const store = await runInSteps(storeFromStoredInSteps(checked.columns))
    mark('make the labels strings', from)
    if (!store) return { ok: false, message: 'it could not be read' }
    return {
      ok: true,
      store,
      record: {
        id,
        name: typeof record.name === 'string' ? record.name : 'Stored dataset',
        savedAt: typeof record.savedAt === 'string' ? record.savedAt : '',
        manifest,
        partsOf,
        changeLog: isChangeLog(record.changeLog) ? record.changeLog : [],
        report: (record.report as ImportReport | null | undefined) ?? null,
        // Read as a file's description is: a damaged one falls back to what the name gives.
        meta: record.meta === undefined ? undefined : readDatasetMeta(record.meta).meta,
        ...(Array.isArray(record.sources) ? { sources: record.sources.filter(isSource) } : {}),
      },
    }
  }

  /** Shows a stored dataset; says why when it cannot be read. */
  async function open(id: string): Promise<boolean> {
    let read: Awaited<ReturnType<typeof readDataset>>
    try {
      read = await readDataset(id)
    } catch (error) {
      read = { ok: false, message: describeError(error) }
    }
    const name = datasets.value.find((entry) => entry.id === id)?.name ?? 'A stored dataset'
    if (!read.ok) {
      problem.value = `“${name}” could not be opened: ${read.message}. The data on show is unchanged; the other stored datasets are untouched.`
      return false
    }
    const { record, store } = read
    dataset.replaceStore(store, record.name, {
      change: 'restore',
      context: { datasetId: id, changeLog: record.changeLog, report: record.report },
      // The description saved with it; one saved before descriptions were kept: by its name.
      ...(record.meta ? { meta: record.meta } : {}),
    })
    // Its sources as they were (a save from before sources were kept leaves the registry as it is).
    if (record.sources) sources.replaceRegistry(record.sources)
    setCurrent(id)
    return true
  }

  /** Shows the shipped dataset (it is never stored: it comes with the page). */
  function openShipped(): void {
    dataset.loadShipped()
  }

  async function rename(id: string, name: string): Promise<void> {
    const trimmed = name.trim()
    if (!db || trimmed === '') return
    await enqueue(async () => {
      if (!db) return
      try {
        const [record, entry] = (await getMany([dataKey(id), metaKey(id)], db)) as [
          StoredDataset | undefined,
          DatasetEntry | undefined,
        ]
        if (!record || !entry) return
        await setMany(
          [
            [dataKey(id), { ...record, name: trimmed }],
            [metaKey(id), { ...entry, name: trimmed }],
          ],
          db,
        )
        datasets.value = datasets.value.map((e) => (e.id === id ? { ...e, name: trimmed } : e))
        if (dataset.context.value.datasetId === id) dataset.sourceName.value = trimmed
        tell({ type: 'renamed', id, name: trimmed })
      } catch (error) {
        problem.value = `The new name was not kept: ${describeError(error)}.`
      }
    })
  }

  // The data on show stops being a stored dataset (it was deleted): a later change stores it anew.
  function forgetCurrent(): void {
    dataset.context.value = { ...dataset.context.value, datasetId: null }
  }

  async function remove(id: string): Promise<void> {
    await enqueue(async () => {
      if (!db) return
      try {
        await delMany([dataKey(id), metaKey(id), ...(await staleParts(id, null))], db)
        datasets.value = datasets.value.filter((e) => e.id !== id)
        tell({ type: 'removed', id })
      } catch (error) {
        problem.value = `The dataset was not deleted: ${describeError(error)}.`
      }
    })
    if (dataset.context.value.datasetId === id) {
      forgetCurrent()
      dataset.loadShipped()
    }
  }

  /** Deletes everything this page stored in the browser and shows the shipped data. */
  async function removeAll(): Promise<void> {
    await enqueue(async () => {
      if (!db) return
      try {
        await clear(db)
        datasets.value = []
        tell({ type: 'cleared' })
      } catch (error) {
        problem.value = `The stored data was not deleted: ${describeError(error)}.`
      }
    })
    // The data on show stays in this tab (a click loses no work), no longer stored.
    forgetCurrent()
    notice.value =
      'Everything this page stored in the browser was deleted. The data on show stays in this tab until you reload; a further change stores it again.'
  }

  /** The store of a stored dataset, for an export; null when it cannot be read. */
  async function storeOf(
    id: string,
  ): Promise<{ store: CasualtyStore; name: string; changeLog: readonly ChangeEntry[] } | null> {
    if (dataset.context.value.datasetId === id && dataset.store.value) {
      return {
        store: dataset.store.value,
        name: dataset.sourceName.value,
        changeLog: dataset.context.value.changeLog,
      }
    }
    const read = await readDataset(id).catch((error: unknown) => ({
      ok: false as const,
      message: describeError(error),
    }))
    if (!read.ok) {
      problem.value = `The dataset could not be read: ${read.message}.`
      return null
    }
    return { store: read.store, name: read.record.name, changeLog: read.record.changeLog }
  }

  async function askPersistence(): Promise<void> {
    const storage = options.storage === undefined ? globalThis.navigator?.storage : options.storage
    if (!storage?.persist) {
      persistence.value = 'unsupported'
      return
    }
    try {
      const kept = (await storage.persisted?.()) || (await storage.persist())
      persistence.value = kept ? 'persistent' : 'best-effort'
    } catch {
      persistence.value = 'best-effort'
    }
  }

  async function onTabMessage(message: TabMessage): Promise<void> {
    await refreshList().catch(() => undefined)
    const current = dataset.context.value.datasetId
    if (message.type === 'cleared') {
      forgetCurrent()
      notice.value =
        'Another tab deleted everything stored in this browser; the data on show here is no longer stored.'
      return
    }
    if (message.id !== current) {
      const entry = datasets.value.find((e) => e.id === message.id)
      if (message.type === 'saved' && entry) {
        notice.value = `Another tab stored changes to “${entry.name}”: open it from the list of datasets in this browser.`
      }
      return
    }
    if (message.type === 'removed') {
      forgetCurrent()
      notice.value = 'Another tab deleted this dataset; it stays on show here, no longer stored.'
    } else if (message.type === 'renamed') {
      dataset.sourceName.value = message.name
    } else if (pendingWrites.value === 0 && (await open(message.id))) {
      notice.value = 'This dataset was changed in another tab: the latest version is shown.'
    }
  }

  /**
   * Looks for the dataset the user had open and shows it, or the shipped data. The page shows
   * "Loading the data…" meanwhile.
   */
  /**
   * Opens the browser's storage and, unless `openData` is false (a link names other data to show),
   * the dataset that was on show last time, else the shipped one.
   */
  async function start({ openData = true }: { openData?: boolean } = {}): Promise<void> {
    try {
      db = (options.openDatabase ?? openIndexedDb)()
    } catch (error) {
      db = null
      unavailable(describeError(error))
    }
    if (!db) {
      if (status.value !== 'unavailable') unavailable('no IndexedDB')
      if (openData) dataset.loadShipped()
      persistence.value = 'unsupported'
      return
    }
    let current: unknown = null
    try {
      await refreshList()
      current = await get(CURRENT, db)
      status.value = 'ready'
    } catch (error) {
      unavailable(describeError(error))
    }
    if (openData && !(typeof current === 'string' && (await open(current)))) dataset.loadShipped()
    const makeChannel =
      options.channel ??
      (() => (typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL_NAME)))
    channel = status.value === 'ready' ? makeChannel() : null
    if (channel)
      channel.onmessage = (event: MessageEvent<TabMessage>) => void onTabMessage(event.data)
    if (status.value === 'ready') await askPersistence()
  }

  // Leaving while a write is under way would lose it: the browser asks first.
  const beforeUnload = (event: BeforeUnloadEvent) => {
    if (pendingWrites.value === 0) return
    event.preventDefault()
    event.returnValue = ''
  }
  globalThis.addEventListener?.('beforeunload', beforeUnload)

  onScopeDispose(() => {
    globalThis.removeEventListener?.('beforeunload', beforeUnload)
    channel?.close()
    channel = null
    db = null
  })

  /** Resolves once every write asked for so far is done (tests, and the bench). */
  const settled = () => queue

  return {
    status,
    persistence,
    datasets,
    problem,
    notice,
    pendingWrites,
    start,
    open,
    openShipped,
    rename,
    remove,
    removeAll,
    storeOf,
    keepDescription,
    settled,
  }
}

let storedDataOptions: UseStoredDataOptions = {}

/** Sets what the next made state uses (tests: a fake database); call before useStoredData(). */
export function configureStoredData(options: UseStoredDataOptions): void {
  storedDataOptions = options
}

export const useStoredData = createGlobalState(() => createStoredDataState(storedDataOptions))
