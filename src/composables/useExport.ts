// Exporting the rows the current filters show as CSV: exactly `useFilters().selection`, every
// column, values unchanged (the writer escapes formula-like values reversibly). The download is
// injectable so component tests can see what would be saved.

import { computed, ref } from 'vue'
import { EXCEL_FRIENDLY, PLAIN_RFC4180, exportFileName, storeToCsv } from '../core/exportCsv'
import { useDataset } from './useDataset'
import { useFilters } from './useFilters'

/** `excel`: UTF-8 BOM and CRLF, so Excel reads UTF-8 (default). `rfc4180`: plain RFC 4180. */
export type ExportDialect = 'excel' | 'rfc4180'

export interface UseExportOptions {
  /** Saves text under a file name; by default a browser download. */
  download?: (text: string, fileName: string) => void
  /** Today as YYYY-MM-DD, for the file name; by default the local date. */
  today?: () => string
}

/** Starts a browser download of `text` as a CSV file. */
export function downloadText(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** The local date as YYYY-MM-DD (the user's day, which is what a file name should say). */
export function localIsoDay(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

export function useExport(options: UseExportOptions = {}) {
  const download = options.download ?? downloadText
  const today = options.today ?? (() => localIsoDay())
  const { store } = useDataset()
  const { filters, selection } = useFilters()

  const dialect = ref<ExportDialect>('excel')
  /** Add an HXL hashtag row under the header. */
  const hxl = ref(false)

  const rowCount = computed(() => selection.value.length)
  const fileName = computed(() => exportFileName(filters.value, today()))

  /** Downloads the selected rows; returns the CSV text (empty when there is no data). */
  function exportRows(): string {
    if (!store.value) return ''
    const format = dialect.value === 'excel' ? EXCEL_FRIENDLY : PLAIN_RFC4180
    const text = storeToCsv(store.value, selection.value, { ...format, hxl: hxl.value })
    download(text, fileName.value)
    return text
  }

  return { dialect, hxl, rowCount, fileName, exportRows }
}
