// The import worker: reads a File off the main thread, so the page never freezes. A module worker
// of our own that imports the core (PapaParse's `worker: true` hangs in a Vite 8 production build:
// its Blob worker throws before `complete` or `error` fires). The page cancels an import by
// terminating the worker.
// A big file is read by two of these at once: one reads it up to a cut near its middle, the other
// from the cut on (`tail`), and sends its part over a MessagePort the page gave both; the first
// appends it and hands the page the whole store. The first, done with its part while the second
// still reads, takes over the end of the second's part (StealLink).

import {
  blobSource,
  runImportJob,
  runTailJob,
  thinProgress,
  type ImportReply,
  type ImportRequest,
  type TailLink,
} from '../core/load/importJob'
import { firstEnd, secondEnd } from '../core/load/partLink'

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

/** Stops the first worker's wait for the second's part (the page says the second stopped). */
let stopSecond: (() => void) | null = null
/** The port to the other worker, held here for as long as this worker lives. */
const heldPorts = new Set<MessagePort>()

scope.onmessage = (event) => {
  const request = event.data
  if (request.type === 'tail-failed') {
    stopSecond?.()
    return
  }
  const source = blobSource(request.file)
  if (request.type === 'tail') {
    const port = request.port
    heldPorts.add(port)
    // Asked between its pieces (reading a Blob lets messages in) whether the first worker may
    // read the end of this part.
    const { steal, send } = secondEnd(port)
    runTailJob(
      source,
      request.mapping,
      post,
      send,
      undefined,
      undefined,
      undefined,
      undefined,
      steal,
    ).catch(() => send(null))
    return
  }
  const port = request.port
  let link: TailLink | undefined
  if (port) {
    heldPorts.add(port)
    const first = firstEnd(port)
    link = first.link
    stopSecond = first.stop
  }
  // The text columns in a reply of their own, after the rest (ImportReply `texts`).
  runImportJob(source, request.mapping, post, undefined, link, undefined, true).catch(
    (error: unknown) => post(failed(error)),
  )
}
