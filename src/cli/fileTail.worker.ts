// The worker thread of loadFileInParts (fileParts.ts): says it is ready, is told where the file is
// cut (or that it is not), reads the file from the cut to its end (or to where the other thread
// takes over, asked between pieces) and sends its part (transferred, never copied) to the thread
// that started it.

import { receiveMessageOnPort, workerData } from 'node:worker_threads'
import { runTailJob, type SplitPoint, type StealLink } from '../core/load/importJob'
import type { PortWord } from '../core/load/partLink'
import { fileSource, type TailWorkerData } from './fileParts'

const { path, port, minStealBytes, pieceBytes } = workerData as TailWorkerData
const tell = (word: PortWord, transfer: ArrayBuffer[] = []) => port.postMessage(word, transfer)
// The other thread's words as they come (a port hands over all it holds at once): first the cut,
// then perhaps a request for the end of this part.
let stealAsked = false
let cutGiven = false
port.on('message', (word: SplitPoint | null | PortWord) => {
  if (!cutGiven) {
    cutGiven = true
    start(word as SplitPoint | null)
  } else if ((word as PortWord).type === 'steal') stealAsked = true
})

function start(cut: SplitPoint | null): void {
  if (!cut) return port.close()
  const source = fileSource(path)
  // This thread reads without yielding to its event loop: the other's word is taken off the port.
  const steal: StealLink = {
    asked: () =>
      stealAsked || (receiveMessageOnPort(port)?.message as PortWord | undefined)?.type === 'steal',
    answer: (taken) => tell({ type: 'cut', cut: taken }),
    ...(minStealBytes !== undefined && { minBytes: minStealBytes }),
  }
  void runTailJob(
    source,
    null,
    () => {},
    (part, transfer) => {
      source.close()
      tell({ type: 'part', part }, transfer)
    },
    pieceBytes,
    undefined,
    undefined,
    cut,
    steal,
  )
}
port.postMessage('ready')
