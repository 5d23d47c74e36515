// Data from a link (`?data=<address of a CSV>`): downloads the file, with progress, and hands it
// to the page's import as a File, so it goes through the same worker, mapping step, progress and
// report as a picked file. Its description is read from beside it (`<name>.meta.json`) when the
// server has one; else the file's name and address describe it. A refusal says why, CORS included.
// One shared instance: the import control (or the embed) takes the file.

import { computed, shallowRef } from 'vue'
import {
  describeBlocked,
  describeRefusal,
  fileNameOf,
  metaAddressOf,
  readDataAddress,
} from '../core/dataAddress'
import { metaForFile, parseDatasetMeta } from '../core/datasetMeta'
import { createGlobalState } from './globalState'
import { useDataset } from './useDataset'

export type DataUrlPhase = 'none' | 'fetching' | 'ready' | 'imported' | 'failed'

/** Longest wait for the description file: it is a nicety, the data must not wait long for it. */
const META_TIMEOUT_MS = 5000

function createDataUrlState(win: Window = window) {
  const { expectMeta } = useDataset()
  const address = readDataAddress(win.location.search, win.location.href)
  const phase = shallowRef<DataUrlPhase>(address ? 'fetching' : 'none')
  const message = shallowRef(address && !address.ok ? address.message : '')
  if (address && !address.ok) phase.value = 'failed'
  const url = address?.ok ? address.url : ''
  const progress = shallowRef({ bytesRead: 0, total: 0 })
  /** The downloaded file, waiting for the import to take it. */
  const file = shallowRef<File | null>(null)

  async function readBody(response: Response): Promise<Blob> {
    const total = Number(response.headers.get('content-length') ?? 0) || 0
    progress.value = { bytesRead: 0, total }
    if (!response.body) return response.blob()
    const reader = response.body.getReader()
    const parts: Uint8Array[] = []
    let bytesRead = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      parts.push(value)
      bytesRead += value.byteLength
      progress.value = { bytesRead, total }
    }
    return new Blob(parts as BlobPart[])
  }

  async function readMeta(name: string) {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), META_TIMEOUT_MS)
    try {
      const response = await win.fetch(metaAddressOf(url), { signal: controller.signal })
      if (!response.ok) return metaForFile(name, url)
      const reading = parseDatasetMeta(await response.text())
      return reading.issues.length > 0 && reading.meta.title === ''
        ? metaForFile(name, url)
        : reading.meta
    } catch {
      return metaForFile(name, url)
    } finally {
      clearTimeout(timer)
    }
  }

  async function download(): Promise<void> {
    const name = fileNameOf(url)
    let response: Response
    try {
      response = await win.fetch(url, { credentials: 'omit' })
    } catch {
      message.value = describeBlocked(url, win.location.href)
      phase.value = 'failed'
      return
    }
    if (!response.ok) {
      message.value = describeRefusal(url, response.status, response.statusText)
      phase.value = 'failed'
      return
    }
    try {
      const [blob, meta] = await Promise.all([readBody(response), readMeta(name)])
      expectMeta(name, meta)
      file.value = new File([blob], name, { type: 'text/csv' })
      phase.value = 'ready'
    } catch {
      message.value = describeBlocked(url, win.location.href)
      phase.value = 'failed'
    }
  }

  /** Hands the downloaded file to `importFile` once, when it is there. */
  function takeFile(importFile: (file: File) => void): void {
    const ready = file.value
    if (!ready) return
    file.value = null
    phase.value = 'imported'
    importFile(ready)
  }

  if (url !== '') void download()

  return {
    /** The address the link names, as read; '' when none or refused. */
    url,
    /** True when the link names data: the shipped data is not loaded then. */
    linked: address !== null,
    phase,
    message,
    progress,
    file,
    fetching: computed(() => phase.value === 'fetching'),
    takeFile,
  }
}

export const useDataUrl = createGlobalState(() => createDataUrlState())

/** Forgets the shared state, for tests. */
export const resetDataUrlForTests = useDataUrl.reset
