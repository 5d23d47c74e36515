// The import worker: reads a File off the main thread, so the page never freezes. A module worker
// of our own that imports the core (PapaParse's `worker: true` hangs in a Vite 8 production build:
// its Blob worker throws before `complete` or `error` fires). The page cancels an import by
// terminating the worker.

import {
  blobSource,
  runImportJob,
  type ImportReply,
  type ImportRequest,
} from '../core/load/importJob'

/** The parts of the worker's global scope we use (the app's tsconfig has the DOM lib, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null
  postMessage(message: ImportReply, transfer: Transferable[]): void
}

const scope = self as unknown as WorkerScope

scope.onmessage = (event) => {
  const request = event.data
  runImportJob(blobSource(request.file), request.mapping, (reply, transfer = []) =>
    scope.postMessage(reply, transfer),
  ).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error)
    scope.postMessage(
      { type: 'failed', message: `The file could not be read: ${message}`, warnings: [] },
      [],
    )
  })
}
