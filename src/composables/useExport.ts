// Exporting the rows the current filters show as CSV: exactly `useFilters().selection`, every
// column, values unchanged (the writer escapes formula-like values reversibly). The download is
// injectable so component tests can see what would be saved.
//
// A big selection is written in steps (core/exportCsv's storeCsvParts): each task writes pieces
// for about EXPORT_BUDGET_MS, hands them to a Blob (the browser keeps the bytes, not one huge
// string) and lets the page paint, with progress and Cancel meanwhile. A small selection is done
// within the click's own task. The file is the same bytes either way.

import { computed, ref, shallowRef } from 'vue'
import { EXCEL_FRIENDLY, PLAIN_RFC4180, exportFileName, storeCsvParts } from '../core/exportCsv'
import { useDataset } from './useDataset'
import { useFilters } from './useFilters'
import { yieldToPage } from './yieldToPage'

/** `excel`: UTF-8 BOM and CRLF, so Excel reads UTF-8 (default). `rfc4180`: plain RFC 4180. */
export type ExportDialect = 'excel' | 'rfc4180'

/** How long one task of an export may write before the page gets to paint and handle input. */
export const EXPORT_BUDGET_MS = 12

const CSV_TYPE = 'text/csv;charset=utf-8'

export interface UseExportOptions {
  /** Saves a file under a name; by default a browser download. */
  download?: (data: Blob, fileName: string) => void
  /** Today as YYYY-MM-DD, for the file name; by default the local date. */
  today?: () => string
  /** Milliseconds a task of the export may take before it yields (EXPORT_BUDGET_MS). */
  budgetMs?: number
}

/** Starts a browser download of `data` under `fileName`. */
export function downloadBlob(data: Blob, fileName: string): void {
  const url = URL.createObjectURL(data)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Starts a browser download of `text` as a CSV file. */
export function downloadText(text: string, fileName: string): void {
  downloadBlob(new Blob([text], { type: CSV_TYPE }), fileName)
}

/** The local date as YYYY-MM-DD (the user's day, which is what a file name should say). */
export function localIsoDay(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** `idle`; `preparing` while a big export is written; `cancelled` after Cancel or a new dataset. */
export type ExportPhase = 'idle' | 'preparing' | 'cancelled'

export function useExport(options: UseExportOptions = {}) {
  const download = options.download ?? downloadBlob
  const today = options.today ?? (() => localIsoDay())
  const budgetMs = options.budgetMs ?? EXPORT_BUDGET_MS
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

  /**
   * Writes the selected rows and downloads them. Resolves to the file (null when there is nothing
   * to export, or the export was cancelled or overtaken by a new dataset).
   */
  async function exportRows(): Promise<Blob | null> {
    const current = selected.value
    if (!current || !canExport.value) return null
    const id = ++job
    phase.value = 'idle'
    const name = fileName.value
    const format = dialect.value === 'excel' ? EXCEL_FRIENDLY : PLAIN_RFC4180
    const total = current.rows.length
    const blobs: Blob[] = []
    let texts: string[] = []
    let since = performance.now()
    for (const part of storeCsvParts(current.store, current.rows, { ...format, hxl: hxl.value })) {
      texts.push(part.text)
      if (part.rowsWritten < total && performance.now() - since >= budgetMs) {
        // The strings become bytes held by the Blob; the next task starts with none.
        blobs.push(new Blob(texts))
        texts = []
        progress.value = { rowsWritten: part.rowsWritten, total }
        phase.value = 'preparing'
        await yieldToPage()
        if (id !== job) return null
        if (store.value !== current.store) {
          job++
          phase.value = 'cancelled'
          return null
        }
        since = performance.now()
      }
    }
    blobs.push(new Blob(texts))
    const file = new Blob(blobs, { type: CSV_TYPE })
    progress.value = { rowsWritten: total, total }
    phase.value = 'idle'
    download(file, name)
    return file
  }

  /** Stops the export under way; nothing is downloaded. */
  function cancel(): void {
    if (phase.value !== 'preparing') return
    job++
    phase.value = 'cancelled'
  }

  return { dialect, hxl, rowCount, fileName, canExport, phase, progress, exportRows, cancel }
}
