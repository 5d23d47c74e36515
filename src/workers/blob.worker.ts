// The export's Blob builder: turns the pieces of a big CSV export into one Blob off the main
// thread. Making a Blob from strings encodes them to UTF-8 and hands the bytes to the browser,
// which on the page cost as much as writing the CSV itself; here it costs the page nothing. The page
// posts only the text it wrote (never the store) and gets back one Blob, a handle to the bytes.
// The page cancels by terminating the worker.

import type { BlobReply, BlobRequest } from '../composables/useExport'

/** The parts of the worker's global scope we use (the app's tsconfig has the DOM lib, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<BlobRequest>) => void) | null
  postMessage(message: BlobReply): void
}

const scope = self as unknown as WorkerScope
const parts: Blob[] = []

scope.onmessage = (event) => {
  const request = event.data
  if (request.type === 'add') {
    parts.push(new Blob(request.texts))
    return
  }
  const blob = new Blob(parts, { type: request.mime })
  parts.length = 0
  scope.postMessage({ type: 'done', blob })
}
