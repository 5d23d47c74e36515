// The worker thread of loadFileInParts (fileParts.ts): says it is ready, is told where the file is
// cut (or that it is not), reads the file from the cut to its end and sends its part (transferred,
// never copied) to the thread that started it.

import { workerData } from 'node:worker_threads'
import { runTailJob, type SplitPoint } from '../core/load/importJob'
import { fileSource, type TailWorkerData } from './fileParts'

const { path, port } = workerData as TailWorkerData
port.once('message', (cut: SplitPoint | null) => {
  if (!cut) return port.close()
  const source = fileSource(path)
  void runTailJob(
    source,
    null,
    () => {},
    (part, transfer) => {
      source.close()
      port.postMessage(part, transfer)
    },
    undefined,
    undefined,
    undefined,
    cut,
  )
})
port.postMessage('ready')
