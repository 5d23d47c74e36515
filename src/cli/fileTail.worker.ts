// The worker thread of loadFileInParts (fileParts.ts): reads a file from the cut near its middle
// to its end and sends its part (transferred, never copied) to the thread that started it.

import { parentPort, workerData } from 'node:worker_threads'
import { runTailJob } from '../core/load/importJob'
import { fileSource, type TailWorkerData } from './fileParts'

const { path, minBytes, share } = workerData as TailWorkerData
const source = fileSource(path)
void runTailJob(
  source,
  null,
  () => {},
  (part, transfer) => {
    source.close()
    parentPort?.postMessage(part, transfer)
  },
  undefined,
  minBytes,
  share,
)
