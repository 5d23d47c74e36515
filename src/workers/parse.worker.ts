// The import worker: reads a File off the main thread, so the page never freezes. A module worker
// of our own that imports the core (PapaParse's `worker: true` hangs in a Vite 8 production build:
// its Blob worker throws before `complete` or `error` fires). The page cancels an import by
// terminating the worker.
// A big file is read by two of these at once: one reads it up to a cut near its middle, the other
// from the cut on (`tail`), and sends its part over a MessagePort the page gave both; the first
// appends it and hands the page the whole store.

import type { TailPart } from '../core/load/loader'
import {
  blobSource,
  runImportJob,
  runTailJob,
  thinProgress,
  type ImportReply,
  type ImportRequest,
} from '../core/load/importJob'

/** The parts of the worker's global scope we use (the app's tsconfig has the DOM lib, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null
  postMessage(message: ImportReply, transfer: Transferable[]): void
}

const scope = self as unknown as WorkerScope

const failed = (error: unknown): ImportReply => ({
  type: 'failed',
  message: `The file could not be read: ${error instanceof Error ? error.message : String(error)}`,
  warnings: [],
})

// Progress at most every PROGRESS_EVERY_MS: each report is a frame of the page's.
const post = thinProgress((reply: ImportReply, transfer: ArrayBuffer[] = []) =>
  scope.postMessage(reply, transfer),
)

/** Settles the tail part: from the other worker's port, or null when the page says it stopped. */
let settleTail: ((part: TailPart | null) => void) | null = null
/** The port to the other worker, held here for as long as this worker lives. */
const heldPorts = new Set<MessagePort>()

scope.onmessage = (event) => {
  const request = event.data
  if (request.type === 'tail-failed') {
    settleTail?.(null)
    return
  }
  const source = blobSource(request.file)
  if (request.type === 'tail') {
    const port = request.port
    heldPorts.add(port)
    runTailJob(source, request.mapping, post, (part, transfer) =>
      port.postMessage(part, transfer),
    ).catch(() => port.postMessage(null))
    return
  }
  const port = request.port
  if (port) heldPorts.add(port)
  const part = port
    ? new Promise<TailPart | null>((resolve) => {
        settleTail = resolve
        port.onmessage = (message: MessageEvent<TailPart | null>) => resolve(message.data)
      })
    : null
  const tail = part ? () => part : undefined
  // The text columns in a reply of their own, after the rest (ImportReply `texts`).
  runImportJob(source, request.mapping, post, undefined, tail, undefined, true).catch(
    (error: unknown) => post(failed(error)),
  )
}
