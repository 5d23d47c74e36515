// Importing a user's CSV file: runs the import worker, follows its progress, asks for a column
// mapping when the file needs one, and puts the result into the shared dataset (replacing the data
// on show, or adding to it). Also owns the page-wide drop zone. The Worker is injectable
// (VueUse style), so component tests pass a fake one.

import { computed, getCurrentScope, onScopeDispose, ref, shallowRef } from 'vue'
import type { ImportReply, ImportReport, ImportRequest } from '../core/load/importJob'
import type { ColumnMapping } from '../core/load/mapping'
import type { ImportStep } from '../core/load/loader'
import { TEXT_COLUMNS, type SchemaColumn, type TextColumn } from '../core/schema'
import { SPLIT_MIN_BYTES } from '../core/csv/split'
import { CasualtyStore } from '../core/store/store'
import { unpackColumns } from '../core/store/transfer'
import { useDataset } from './useDataset'
import { useSources } from './useSources'
import { runInSteps, whenIdle } from './yieldToPage'
import { parseDatasetMeta, type DatasetMeta } from '../core/datasetMeta'
import { gradeScale } from '../core/grades'
import { isRegistryHeader } from '../core/load/sourceChecks'
import { pluralize } from '../core/format'

/** The parts of a Worker the import uses. */
export interface ImportWorker {
  postMessage(message: ImportRequest, transfer?: Transferable[]): void
  terminate(): void
  onmessage: ((event: MessageEvent<ImportReply>) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
}

export interface UseImportOptions {
  /** Makes the worker; by default our module worker. */
  createWorker?: () => ImportWorker
  /** Listen for files dropped anywhere on this document; null for none. Default: `document`. */
  dropTarget?: Document | null
  /**
   * Read a file of this many bytes with two workers at once (each half of it)? By default for a
   * file of SPLIT_MIN_BYTES or more where the machine has two cores or more.
   */
  twoWorkers?: (bytes: number) => boolean
  /**
   * How long the workers may say nothing before the import counts as stalled (default
   * STALL_MS): two workers are replaced by one reading the whole file, one is stopped with a
   * message. Never silent for ever.
   */
  stallMs?: number
  /**
   * Start the workers of the next import ahead of it (default: with our module worker): when the
   * user points at the import control or drags a file over the page (warmUp), and after an
   * import, once the page is idle. A worker's start, its script fetched and run, is otherwise
   * about 60 ms of every import; two started workers waiting hold a few megabytes. Never on
   * the page's load: the first visit fetches no worker.
   */
  spareWorkers?: boolean
}

/**
 * No word from the import's workers for this long: stalled. They report progress at least every
 * fifth of a second while they read, and the longest quiet stretch of a sound import (the first
 * worker waiting for the second's part, joining it to its own and finishing a 3-million-row
 * store) is two to four seconds here.
 */
export const STALL_MS = 30_000

// Two workers read a big file where the machine has two cores. (They once stalled now and then:
// the first worker, with the second's part appended, opened a byte stream on the empty rest of the
// file, and Chromium sometimes never answered its read; an empty range now opens no stream.)
function twoWorkersByDefault(bytes: number): boolean {
  return bytes >= SPLIT_MIN_BYTES && (globalThis.navigator?.hardwareConcurrency ?? 1) >= 2
}

/** Files above this size show a progress bar (smaller ones load faster than a bar could draw). */
export const PROGRESS_MIN_BYTES = 1024 * 1024

export type ImportPhase = 'idle' | 'reading' | 'mapping' | 'done' | 'failed' | 'cancelled'

/** A file waiting for the user to confirm its column mapping. */
export interface PendingMapping {
  file: File
  header: string[]
  proposal: ColumnMapping
  missing: SchemaColumn[]
  /** The first values of each column, by header name. */
  samples: Record<string, string[]>
}

// A step as a performance measure (`import: …`), in this page's clock; where the page has no
// measures (a test's DOM), nothing.
function measure(name: string, start: number, end: number): void {
  try {
    performance.measure(name, { start, end })
  } catch {
    // no User Timing here
  }
}

// The workers' steps of an import, as measures the bench reads.
function keepSteps(steps: readonly ImportStep[]): void {
  const origin = performance.timeOrigin
  for (const step of steps) measure(`import: ${step.name}`, step.start - origin, step.end - origin)
}

function createModuleWorker(): ImportWorker {
  return new Worker(new URL('../workers/parse.worker.ts', import.meta.url), { type: 'module' })
}

export function useImport(options: UseImportOptions = {}) {
  const createWorker = options.createWorker ?? createModuleWorker
  const twoWorkers = options.twoWorkers ?? twoWorkersByDefault
  const stallMs = options.stallMs ?? STALL_MS
  const keepSpares = options.spareWorkers ?? options.createWorker === undefined
  const { replaceStore, appendStore, expectMeta } = useDataset()
  const sources = useSources()

  const phase = ref<ImportPhase>('idle')
  /** True: add the file's rows to the data on show. False (default): replace it. */
  const append = ref(false)
  const fileName = ref('')
  const progress = ref({ bytesRead: 0, total: 0 })
  const report = shallowRef<ImportReport | null>(null)
  /** Why the last file could not be used at all; the data on show stayed as it was. */
  const failure = ref<{ message: string; warnings: string[] } | null>(null)
  const pending = shallowRef<PendingMapping | null>(null)
  /** A file is being dragged over the page. */
  const dragging = ref(false)
  /** What the files picked with the data brought (its sources, its description), in words. */
  const companions = ref('')

  const busy = computed(() => phase.value === 'reading')
  const showProgress = computed(() => busy.value && progress.value.total > PROGRESS_MIN_BYTES)

  let worker: ImportWorker | null = null
  /** The second worker of a file read in two parts: it reads the part after the cut. */
  let tailWorker: ImportWorker | null = null
  /** Bytes read by each worker of a file read in two parts (the first's are the whole's else). */
  const partBytes = { head: 0, tail: 0 }
  /** Counts imports started and cancelled: a result that arrives for an older one is dropped. */
  let jobs = 0

  /** Workers started ahead of the next import (spareWorkers), not yet given a file. */
  let spares: ImportWorker[] = []
  let sparing = false
  let disposed = false

  // An import's worker: a spare one if there is one.
  function takeWorker(): ImportWorker {
    return spares.pop() ?? createWorker()
  }

  // Starts as many spare workers as the next import of a big file uses.
  function makeSpares(): void {
    if (disposed || phase.value === 'reading') return
    const wanted = twoWorkers(SPLIT_MIN_BYTES) ? 2 : 1
    try {
      while (spares.length < wanted) spares.push(createWorker())
    } catch {
      // No workers here (a test's DOM): each import makes its own, and says so if it cannot.
    }
  }

  // The spare workers, once the page is idle (after an import: its work on the page comes first).
  function prepareSpares(): void {
    if (!keepSpares || sparing || disposed) return
    sparing = true
    void whenIdle(2000).then(() => {
      sparing = false
      makeSpares()
    })
  }

  /** The user is about to choose or drop a file: the spare workers, now. */
  function warmUp(): void {
    if (keepSpares) makeSpares()
  }

  /** Fires when the workers have said nothing for stallMs (see watch). */
  let stallTimer: ReturnType<typeof setTimeout> | null = null

  /**
   * Settles the text columns the import's store waits for (a `done` reply with textsToFollow):
   * with their bytes, or null when they will not come (the workers were stopped).
   */
  let settleTexts: ((texts: Record<TextColumn, Uint8Array> | null) => void) | null = null

  function stopWorker(): void {
    const settle = settleTexts
    settleTexts = null
    settle?.(null)
    const used = worker !== null
    worker?.terminate()
    worker = null
    tailWorker?.terminate()
    tailWorker = null
    if (stallTimer !== null) clearTimeout(stallTimer)
    stallTimer = null
    if (used) prepareSpares()
  }

  // (Re)starts the stall watch of the import reading `file` with `mapping`: called when it starts
  // and on each word from its workers. When two workers stall, the second is stopped and the
  // first reads on alone from the cut, with the part it has (in the one stall seen, in a 3M-row
  // import, the silence began when the first had read its part); if that stalls too, one worker
  // reads the whole file again. One worker that stalls is stopped, and the page says so.
  function watch(file: File, mapping: ColumnMapping | null, split: boolean): void {
    if (stallTimer !== null) clearTimeout(stallTimer)
    stallTimer = setTimeout(() => {
      stallTimer = null
      if (phase.value !== 'reading') return
      if (split && tailWorker && worker) {
        tailWorker.terminate()
        tailWorker = null
        worker.postMessage({ type: 'tail-failed' })
        watch(file, mapping, split)
        return
      }
      if (split) {
        start(file, mapping, false)
        return
      }
      stopWorker()
      failure.value = {
        message: `the import stopped answering (nothing for ${Math.round(stallMs / 1000)} s). Try again; if it stops again, the file may be too big for this tab.`,
        warnings: [],
      }
      phase.value = 'failed'
    }, stallMs)
  }

  function handleReply(file: File, reply: ImportReply): void {
    switch (reply.type) {
      case 'progress':
        if (reply.part === 'tail') partBytes.tail = reply.bytesRead
        else partBytes.head = reply.bytesRead
        // The first worker reading on alone (the cut was no row boundary): its bytes are all.
        if (reply.part === undefined) partBytes.tail = 0
        progress.value = {
          bytesRead: Math.min(reply.total, partBytes.head + partBytes.tail),
          total: reply.total,
        }
        return
      case 'needs-mapping':
        stopWorker()
        pending.value = {
          file,
          header: reply.header,
          proposal: reply.proposal,
          missing: reply.missing,
          samples: reply.samples ?? {},
        }
        phase.value = 'mapping'
        return
      case 'failed':
        stopWorker()
        failure.value = { message: reply.message, warnings: reply.warnings }
        phase.value = 'failed'
        return
      case 'done': {
        const received = performance.now()
        keepSteps(reply.steps ?? [])
        // The text columns come in a reply of their own: the first worker stays on for it.
        const texts = reply.textsToFollow
          ? new Promise<Record<TextColumn, Uint8Array> | null>((settle) => {
              settleTexts = settle
            })
          : null
        if (texts) {
          tailWorker?.terminate()
          tailWorker = null
        } else stopWorker()
        // The labels arrive as UTF-8 bytes: made strings again in steps, so the page keeps
        // painting; a newer import or Cancel meanwhile drops the result.
        const job = jobs
        void runInSteps(unpackColumns(reply.columns), () => job === jobs).then((columns) => {
          if (!columns || job !== jobs) return
          measure('import: page: make the labels strings', received, performance.now())
          const store = new CasualtyStore(columns)
          report.value = reply.report
          // A file without one valid row never empties the view: the report says so instead.
          if (store.length === 0) {
            stopWorker()
            failure.value = { message: 'it has no valid row.', warnings: reply.report.warnings }
            phase.value = 'failed'
            return
          }
          // The store is whole once its text columns' bytes are in (until then they are empty);
          // the page prepares what needs no text meanwhile (useDataset's complete).
          const complete = texts?.then((bytes) => {
            if (!bytes || job !== jobs) return false
            for (const column of TEXT_COLUMNS) columns.texts[column].bytes = bytes[column]
            return true
          })
          const options = { report: reply.report }
          if (append.value) {
            // Adding up copies the text: it waits for it.
            if (!complete) appendStore(store, file.name, options)
            else void complete.then((whole) => whole && appendStore(store, file.name, options))
          } else replaceStore(store, file.name, { ...options, complete })
          if (!complete) phase.value = 'done'
          else
            void complete.then((whole) => {
              if (whole && job === jobs) phase.value = 'done'
            })
        })
        return
      }
      case 'texts': {
        keepSteps(reply.steps ?? [])
        const settle = settleTexts
        settleTexts = null
        stopWorker()
        settle?.(reply.texts)
        return
      }
    }
  }

  function start(file: File, mapping: ColumnMapping | null, maySplit = true): void {
    stopWorker()
    jobs++
    fileName.value = file.name
    report.value = null
    failure.value = null
    pending.value = null
    progress.value = { bytesRead: 0, total: file.size }
    phase.value = 'reading'
    partBytes.head = 0
    partBytes.tail = 0
    const current = takeWorker()
    worker = current
    const split = maySplit && twoWorkers(file.size)
    watch(file, mapping, split)
    current.onmessage = (event) => {
      if (worker !== current) return
      watch(file, mapping, split)
      handleReply(file, event.data)
    }
    current.onerror = (event) => {
      if (worker !== current) return
      stopWorker()
      failure.value = {
        message: `The import stopped: ${event.message || 'worker error'}`,
        warnings: [],
      }
      phase.value = 'failed'
    }
    if (!split) {
      current.postMessage({ type: 'import', file, mapping })
      return
    }
    // Two workers at once, each reading a part of the file; the second sends its part to the
    // first over a channel of their own, and only its progress to the page.
    const channel = new MessageChannel()
    const second = takeWorker()
    tailWorker = second
    second.onmessage = (event) => {
      if (worker !== current || event.data.type !== 'progress') return
      watch(file, mapping, split)
      handleReply(file, event.data)
    }
    second.onerror = () => {
      if (tailWorker !== second) return
      second.terminate()
      tailWorker = null
      // The first reads on alone.
      current.postMessage({ type: 'tail-failed' })
    }
    current.postMessage({ type: 'import', file, mapping, port: channel.port1 }, [channel.port1])
    second.postMessage({ type: 'tail', file, mapping, port: channel.port2 }, [channel.port2])
  }

  /** Imports a file; a file without our columns first goes through the mapping step. */
  function importFile(file: File): void {
    companions.value = ''
    start(file, null)
  }

  /**
   * Files picked or dropped together, as the page exports them: the rows' CSV, its source registry
   * (`…-sources.csv`, or any CSV of the registry's columns) and its description (`….meta.json`,
   * with the grade scale). The registry's entries join the registry, checked on the description's
   * scale; the description goes with the rows; then the rows are imported.
   */
  async function importFiles(files: readonly File[]): Promise<void> {
    const metaFile = files.find((file) => /\.json$/i.test(file.name))
    const rest = files.filter((file) => file !== metaFile)
    let registryFile: File | undefined
    let rowsFile: File | undefined
    for (const file of rest) {
      const registry =
        !registryFile &&
        (/(^|[-_])sources\.csv$/i.test(file.name) ||
          isRegistryHeader(await file.slice(0, 4096).text()))
      if (registry) registryFile = file
      else rowsFile ??= file
    }
    const said: string[] = []
    let meta: DatasetMeta | null = null
    if (metaFile) {
      const read = parseDatasetMeta(await metaFile.text())
      meta = read.meta
      said.push(`the description from ${metaFile.name}`)
      if (read.issues.length > 0) said.push(read.issues.join(' '))
    }
    if (registryFile) {
      const scale = meta?.grades ? gradeScale(meta.grades) : sources.scale.value
      // The registry's CSV reader loads when a registry file is read.
      const { parseSources } = await import('../core/load/sources')
      const read = parseSources(await registryFile.text(), scale)
      sources.addSources(read.sources.values(), read.issues)
      said.push(
        `${pluralize(read.sources.size, 'source')} from ${registryFile.name}` +
          (read.issues.length > 0
            ? ` (${pluralize(read.issues.length, 'issue')}, under Sources)`
            : ''),
      )
    }
    companions.value = said.length > 0 ? `Read with the data: ${said.join('; ')}.` : ''
    if (!rowsFile) return
    if (meta && !append.value) expectMeta(rowsFile.name, meta)
    start(rowsFile, null)
  }

  /** Loads the pending file with the mapping the user confirmed. */
  function confirmMapping(mapping: ColumnMapping): void {
    const file = pending.value?.file
    if (file) start(file, mapping)
  }

  /** Stops a running import or leaves the mapping step; the data on show stays as it was. */
  function cancel(): void {
    stopWorker()
    jobs++
    pending.value = null
    phase.value = 'cancelled'
  }

  // Page-wide drop zone. dragenter/dragleave fire for every element crossed, so count them.
  const target = options.dropTarget === undefined ? globalThis.document : options.dropTarget
  if (target) {
    let depth = 0
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false
    const handlers: Record<
      'dragenter' | 'dragover' | 'dragleave' | 'drop',
      (e: DragEvent) => void
    > = {
      dragenter(event) {
        if (!hasFiles(event)) return
        if (depth === 0) warmUp()
        depth++
        dragging.value = true
      },
      dragover(event) {
        if (!hasFiles(event)) return
        event.preventDefault() // lets the drop happen instead of the browser opening the file
        if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
        dragging.value = true
      },
      dragleave() {
        depth = Math.max(0, depth - 1)
        if (depth === 0) dragging.value = false
      },
      drop(event) {
        depth = 0
        dragging.value = false
        const files = [...(event.dataTransfer?.files ?? [])]
        if (files.length === 0) return
        event.preventDefault()
        if (files.length === 1) importFile(files[0]!)
        else void importFiles(files)
      },
    }
    const types = Object.keys(handlers) as (keyof typeof handlers)[]
    for (const type of types) target.addEventListener(type, handlers[type])
    if (getCurrentScope()) {
      onScopeDispose(() => {
        for (const type of types) target.removeEventListener(type, handlers[type])
      })
    }
  }
  if (getCurrentScope()) {
    onScopeDispose(() => {
      disposed = true
      stopWorker()
      for (const spare of spares) spare.terminate()
      spares = []
      jobs++
    })
  }

  return {
    phase,
    append,
    fileName,
    progress,
    showProgress,
    busy,
    report,
    failure,
    pending,
    dragging,
    companions,
    importFile,
    importFiles,
    confirmMapping,
    cancel,
    warmUp,
  }
}
