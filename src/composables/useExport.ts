// Exporting the rows the current filters show as CSV: exactly `useFilters().selection`, every
// column, values unchanged (the writer escapes formula-like values reversibly). The download is
// injectable so component tests can see what would be saved.
//
// A big selection is written in steps (core/export/exportCsv's storeCsvParts): each task writes
// pieces for about EXPORT_BUDGET_MS, posts them to a small worker that makes them into a Blob (so
// neither one huge string nor the cost of encoding it stays on the page) and lets the page paint,
// with progress and Cancel meanwhile. A small selection is done within the click's own task. The
// file is the same bytes either way.

import { computed, ref, shallowRef } from 'vue'
import { EXCEL_FRIENDLY, PLAIN_RFC4180 } from '../core/csv/write'
import { exportFileName } from '../core/export/fileName'
import { useDataset } from './useDataset'
import { useDownload } from './useDownload'
import { useFilters } from './useFilters'
import { yieldToPage } from './yieldToPage'

/** `excel`: UTF-8 BOM and CRLF, so Excel reads UTF-8 (default). `rfc4180`: plain RFC 4180. */
export type ExportDialect = 'excel' | 'rfc4180'

/**
 * How long one task of an export may write before the page gets to paint and handle input: small
 * enough that with the last piece, the hand-over to the worker and a repaint, a task stays well
 * short of a long task (one that holds the page long enough for input to feel late).
 */
export const EXPORT_BUDGET_MS = 8

const CSV_TYPE = 'text/csv;charset=utf-8'

/** What the page posts to the Blob worker (src/workers/blob.worker.ts). */
export type BlobRequest = { type: 'add'; texts: string[] } | { type: 'finish'; mime: string }
/** The worker's one answer, to `finish`: every text added, in order, as one Blob. */
export type BlobReply = { type: 'done'; blob: Blob }

/** The parts of a Worker the export uses. */
export interface BlobWorker {
  postMessage(message: BlobRequest): void
  terminate(): void
  onmessage: ((event: MessageEvent<BlobReply>) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
}

function createModuleWorker(): BlobWorker | null {
  if (typeof Worker === 'undefined') return null
  try {
    return new Worker(new URL('../workers/blob.worker.ts', import.meta.url), { type: 'module' })
  } catch {
    // Workers not allowed here (a content security policy, say): the page makes the Blob.
    return null
  }
}

export interface UseExportOptions {
  /** Saves a file under a name; by default a browser download (useDownload's downloadBlob). */
  download?: (fileName: string, data: Blob) => void
  /** Today as YYYY-MM-DD, for the file name; by default the local date. */
  today?: () => string
  /** Milliseconds a task of the export may take before it yields (EXPORT_BUDGET_MS). */
  budgetMs?: number
  /** Makes the Blob worker of a big export; null builds the Blob on the page. */
  createBlobWorker?: () => BlobWorker | null
}

/** The local date as YYYY-MM-DD (the user's day, which is what a file name should say). */
export function localIsoDay(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/**
 * `idle`; `preparing` while a big export is written; `cancelled` after Cancel or a new dataset;
 * `failed` when the Blob worker failed.
 */
export type ExportPhase = 'idle' | 'preparing' | 'cancelled' | 'failed'

// Collects an export's text as Blobs: in the worker once there is one, else on the page.
class BlobCollector {
  private readonly blobs: Blob[] = []
  private reply: Promise<Blob> | null = null
  private fail: (error: Error) => void = () => undefined

  constructor(private readonly worker: BlobWorker | null) {
    if (!worker) return
    this.reply = new Promise<Blob>((resolve, reject) => {
      this.fail = reject
      worker.onmessage = (event) => resolve(event.data.blob)
      worker.onerror = (event) => {
        event.preventDefault()
        reject(new Error(event.message || 'the export worker failed'))
      }
    })
    // Seen only once finish() awaits it; until then a failure must not be an unhandled rejection.
    this.reply.catch(() => undefined)
  }

  add(texts: string[]): void {
    if (texts.length === 0) return
    if (this.worker) this.worker.postMessage({ type: 'add', texts })
    else this.blobs.push(new Blob(texts))
  }

  finish(): Promise<Blob> {
    if (!this.worker || !this.reply)
      return Promise.resolve(new Blob(this.blobs, { type: CSV_TYPE }))
    this.worker.postMessage({ type: 'finish', mime: CSV_TYPE })
    return this.reply
  }

  /** Ends the worker; a finish() still waiting rejects. */
  stop(): void {
    this.worker?.terminate()
    this.fail(new Error('export stopped'))
  }
}

// The CSV writer loads with the first export, not with the page; once loaded, an export starts
// within the click.
let csvWriter: typeof import('../core/export/exportCsv') | null = null

/** Loads the CSV writer (done by the first export; a test may do it first). */
export async function loadCsvWriter(): Promise<typeof import('../core/export/exportCsv')> {
  return (csvWriter ??= await import('../core/export/exportCsv'))
}

export function useExport(options: UseExportOptions = {}) {
  const download = options.download ?? useDownload().downloadBlob
  const today = options.today ?? (() => localIsoDay())
  const budgetMs = options.budgetMs ?? EXPORT_BUDGET_MS
  const createBlobWorker = options.createBlobWorker ?? createModuleWorker
  const { store } = useDataset()
  const { filters, selection, selected, filtering } = useFilters()

  const dialect = ref<ExportDialect>('excel')
  /** Add an HXL hashtag row under the header. */
  const hxl = ref(false)
  const phase = ref<ExportPhase>('idle')
  /** Rows written so far of the export being prepared. */
  const progress = shallowRef({ rowsWritten: 0, total: 0 })

  const rowCount = computed(() => selection.value.length)
  const fileName = computed(() => exportFileName(filters.value, today()))
  /** Export is possible: rows on show, no filter pass pending, no export under way. */
  const canExport = computed(
    () => rowCount.value > 0 && !filtering.value && phase.value !== 'preparing',
  )

  let job = 0
  let running: BlobCollector | null = null

  /**
   * Writes the selected rows and downloads them. Resolves to the file (null when there is nothing
   * to export, or the export was cancelled, overtaken by a new dataset, or failed).
   */
  async function exportRows(): Promise<Blob | null> {
    const current = selected.value
    if (!current || !canExport.value) return null
    const id = ++job
    phase.value = 'idle'
    const name = fileName.value
    const format = dialect.value === 'excel' ? EXCEL_FRIENDLY : PLAIN_RFC4180
    const total = current.rows.length
    // Written within this task: no Blob yet. A collector (and its worker) only once it yields.
    let texts: string[] = []
    let collector: BlobCollector | null = null
    const stillWanted = () => {
      if (id !== job) return false
      if (store.value === current.store) return true
      // A new dataset: the rows written so far describe data no longer on show.
      job++
      phase.value = 'cancelled'
      return false
    }
    try {
      const { storeCsvParts } = csvWriter ?? (await loadCsvWriter())
      if (!stillWanted()) return null
      let since = performance.now()
      const parts = storeCsvParts(current.store, current.rows, { ...format, hxl: hxl.value })
      for (const part of parts) {
        texts.push(part.text)
        if (part.rowsWritten < total && performance.now() - since >= budgetMs) {
          if (!collector) running = collector = new BlobCollector(createBlobWorker())
          collector.add(texts)
          texts = []
          progress.value = { rowsWritten: part.rowsWritten, total }
          phase.value = 'preparing'
          await yieldToPage()
          if (!stillWanted()) return null
          since = performance.now()
        }
      }
      let file: Blob
      if (collector) {
        collector.add(texts)
        file = await collector.finish()
        if (!stillWanted()) return null
      } else {
        file = new Blob(texts, { type: CSV_TYPE })
      }
      progress.value = { rowsWritten: total, total }
      phase.value = 'idle'
      download(name, file)
      return file
    } catch (error) {
      if (id !== job) return null
      job++
      phase.value = 'failed'
      console.error('Export failed:', error)
      return null
    } finally {
      collector?.stop()
      if (running === collector) running = null
    }
  }

  /** Stops the export under way; nothing is downloaded. */
  function cancel(): void {
    if (phase.value !== 'preparing') return
    job++
    running?.stop()
    running = null
    phase.value = 'cancelled'
  }

  return { dialect, hxl, rowCount, fileName, canExport, phase, progress, exportRows, cancel }
}
