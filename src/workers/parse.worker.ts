// The import worker: reads a File off the main thread, so the page never freezes. A module worker
// of our own that imports the core (PapaParse's `worker: true` hangs in a Vite 8 production build:
// its Blob worker throws before `complete` or `error` fires). The page cancels an import by
// terminating the worker.
// A big file is read by two of these at once: one reads it up to a cut near its middle, the other
// from the cut on (`tail`), and sends its part over a MessagePort the page gave both; the first
// appends it and hands the page the whole store. The first, done with its part while the second
// still reads, takes over the end of the second's part (StealLink).

import type { TailPart } from '../core/load/loader'
import {
  blobSource,
  runImportJob,
  runTailJob,
  thinProgress,
  type ImportReply,
  type ImportRequest,
  type SplitPoint,
  type StealLink,
  type TailLink,
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

/** What the two workers of a file read in two say to each other over their port. */
type PortWord =
  | { type: 'steal' }
  | { type: 'cut'; cut: SplitPoint | null }
  | { type: 'part'; part: TailPart | null }

/** Settles the tail part: from the other worker's port, or null when the page says it stopped. */
let settleTail: ((part: TailPart | null) => void) | null = null
/** Settles a request for the end of the tail part (StealLink): the other's answer, or null. */
let settleSteal: ((cut: SplitPoint | null) => void) | null = null
/** The port to the other worker, held here for as long as this worker lives. */
const heldPorts = new Set<MessagePort>()

scope.onmessage = (event) => {
  const request = event.data
  if (request.type === 'tail-failed') {
    settleSteal?.(null)
    settleTail?.(null)
    return
  }
  const source = blobSource(request.file)
  if (request.type === 'tail') {
    const port = request.port
    heldPorts.add(port)
    // Asked between its pieces (reading a Blob lets messages in) whether the first worker may
    // read the end of this part.
    let asked = false
    port.onmessage = (message: MessageEvent<PortWord>) => {
      if (message.data.type === 'steal') asked = true
    }
    const tell = (word: PortWord, transfer: Transferable[] = []) => port.postMessage(word, transfer)
    const link: StealLink = { asked: () => asked, answer: (cut) => tell({ type: 'cut', cut }) }
    runTailJob(
      source,
      request.mapping,
      post,
      (part, transfer) => tell({ type: 'part', part }, transfer),
      undefined,
      undefined,
      undefined,
      undefined,
      link,
    ).catch(() => tell({ type: 'part', part: null }))
    return
  }
  const port = request.port
  let link: TailLink | undefined
  if (port) {
    heldPorts.add(port)
    let arrived = false
    const part = new Promise<TailPart | null>((resolve) => {
      settleTail = (part) => {
        arrived = true
        settleSteal?.(null)
        resolve(part)
      }
    })
    port.onmessage = (message: MessageEvent<PortWord>) => {
      const word = message.data
      if (word.type === 'cut') settleSteal?.(word.cut)
      else if (word.type === 'part') settleTail?.(word.part)
    }
    link = {
      part: () => part,
      steal: () =>
        arrived
          ? Promise.resolve(null)
          : new Promise<SplitPoint | null>((resolve) => {
              settleSteal = (cut) => {
                settleSteal = null
                resolve(cut)
              }
              port.postMessage({ type: 'steal' } satisfies PortWord)
            }),
    }
  }
  // The text columns in a reply of their own, after the rest (ImportReply `texts`).
  runImportJob(source, request.mapping, post, undefined, link, undefined, true).catch(
    (error: unknown) => post(failed(error)),
  )
}
