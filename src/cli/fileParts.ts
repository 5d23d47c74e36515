// A file on disk read with two threads at once, the way the page reads a big File with two
// workers: this thread reads it up to a cut, a worker thread (fileTail.worker.ts) from the cut to
// the end, and its part is appended (the same store and issues as one reading, by construction:
// see CsvLoader.appendTail). A small file, one without a sure cut, or one this thread has nearly
// read before the worker is ready, is read by this thread alone.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads'
import { SPLIT_MIN_BYTES } from '../core/csv/split'
import {
  CHUNK_BYTES,
  FIRST_PART_SHARE,
  findSplit,
  readPartFrom,
  type ByteSource,
  type SplitPoint,
} from '../core/load/importJob'
import type { PortWord } from '../core/load/partLink'
import { CsvLoader, type LoadOptions, type LoadResult, type TailPart } from '../core/load/loader'

/**
 * A ByteSource over a file: read() copies a range, pieces() reads into one reused buffer, as
 * readInto() does into a given one (returning the bytes read).
 */
export function fileSource(
  path: string,
): ByteSource & { readInto(buffer: Uint8Array, start: number): number; close(): void } {
  const fd = openSync(path, 'r')
  const size = fstatSync(fd).size
  const readInto = (buffer: Uint8Array, start: number, length: number): number => {
    let filled = 0
    while (filled < length) {
      const read = readSync(fd, buffer, filled, length - filled, start + filled)
      if (read === 0) break
      filled += read
    }
    return filled
  }
  return {
    size,
    async read(start, end) {
      const bytes = new Uint8Array(Math.max(0, Math.min(size, end) - start))
      return bytes.subarray(0, readInto(bytes, start, bytes.length))
    },
    async *pieces(pieceSize, from = 0, to = size) {
      const buffer = new Uint8Array(Math.min(pieceSize, Math.max(1, to - from)))
      for (let start = from; start < to; start += pieceSize) {
        const read = readInto(buffer, start, Math.min(pieceSize, to - start))
        if (read === 0) return
        yield buffer.subarray(0, read)
      }
    },
    readInto: (buffer, start) => readInto(buffer, start, Math.min(buffer.length, size - start)),
    close: () => closeSync(fd),
  }
}

/** What the tail thread is given: the file, and its end of a channel to this thread. */
export interface TailWorkerData {
  path: string
  port: MessagePort
  /** The least left for this thread to take over (StealLink's minBytes). */
  minStealBytes?: number
  /** Bytes read at once (CHUNK_BYTES). */
  pieceBytes?: number
}

/**
 * The least that may be left to cut in two when the worker thread is ready: the worker starts cold
 * (its code not yet optimized), and appending its part costs time too. Measured through tsx
 * (2 cores): a 68 MB file (52 MB left at the cut) took 537-642 ms in two parts, 524-591 ms in
 * one; a 103 MB file 652-667 ms against 775-795 ms.
 */
export const MIN_REST_BYTES = 64 * 1024 * 1024

// A worker thread running `file`. A TypeScript file (run through tsx, as the npm scripts do) is
// started by a line of JavaScript that registers tsx in the thread first: a worker does not take
// the loader of the thread that starts it.
function startWorker(file: URL, data: TailWorkerData): Worker {
  const options = { workerData: data, transferList: [data.port] }
  if (!file.pathname.endsWith('.ts')) return new Worker(file, options)
  const api = import.meta.resolve('tsx/esm/api')
  const code = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(file.href)}) })`
  return new Worker(code, { ...options, eval: true })
}

/**
 * Loads the file at `path` by its header (as loadCsv on its bytes would), with two threads when
 * it is at least `minBytes` long and a cut is found. The worker thread takes some 150 ms to start
 * (more than reading 10 MB): this thread reads from the file's start meanwhile, and when the worker
 * says it is ready, cuts what is left near its middle (FIRST_PART_SHARE) and reads up to the cut
 * while the worker reads the rest; done first, it reads the end of the worker's part (StealLink).
 */
export async function loadFileInParts(
  path: string,
  options: LoadOptions = {},
  minBytes = SPLIT_MIN_BYTES,
  /**
   * Told how many parts were read apart: 2 when the worker thread's part was appended, 3 when this
   * thread also read the end of that part.
   */
  info: { parts: number } = { parts: 1 },
  /**
   * For tests: this thread reads `pieceBytes` at a time, waits for the worker once it has read
   * `waitAt` bytes (0: before reading), cuts what is left from `minRestBytes` on (this thread's
   * `share` of it before the cut) and takes over the end of the worker's part from `minStealBytes`
   * on, so that a small file is read in parts.
   */
  tuning: {
    waitAt?: number
    pieceBytes?: number
    minRestBytes?: number
    minStealBytes?: number
    share?: number
  } = {},
): Promise<LoadResult> {
  const { waitAt, pieceBytes = CHUNK_BYTES, minRestBytes = MIN_REST_BYTES, minStealBytes } = tuning
  const share = tuning.share ?? FIRST_PART_SHARE
  const source = fileSource(path)
  info.parts = 1
  try {
    const loader = new CsvLoader(options)
    // The file can be cut (UTF-8, a header and a delimiter found) and is big enough for what is
    // left once the worker is ready to be worth cutting: a worker thread is started.
    const sure =
      options.readerFor || source.size < minRestBytes ? null : await findSplit(source, minBytes)
    let from = 0
    if (sure) {
      const { port1: port, port2 } = new MessageChannel()
      const worker = startWorker(new URL('./fileTail.worker.ts', import.meta.url), {
        path,
        port: port2,
        ...(minStealBytes !== undefined && { minStealBytes }),
        pieceBytes,
      })
      const stopped = new Promise<null>((resolve) => {
        worker.once('error', () => resolve(null))
        worker.once('exit', () => resolve(null))
      })
      // Its first word says it is ready; later come its answer and its part. Kept as they come:
      // a port hands over every word it holds at once, whether someone listens or not.
      const words: unknown[] = []
      let waiting: ((word: unknown) => void) | null = null
      port.on('message', (word: unknown) => {
        if (waiting) waiting(word)
        else words.push(word)
        waiting = null
      })
      const nextWord = () =>
        words.length > 0
          ? Promise.resolve(words.shift())
          : Promise.race([new Promise<unknown>((resolve) => (waiting = resolve)), stopped])
      // The cut in what is left after `from`; null when too little is left.
      const cutAfter = (from: number) => findSplit(source, minRestBytes, share, from)
      let ready = false
      let cut: SplitPoint | null = null
      const buffer = new Uint8Array(pieceBytes)
      while (!ready && from < source.size) {
        if (waitAt !== undefined && from >= waitAt) {
          if ((await nextWord()) === null) break
        } else {
          const read = source.readInto(buffer, from)
          if (read === 0) break
          loader.push(buffer.subarray(0, read))
          from += read
          // Asked between pieces without waiting: this thread does not yield to its event loop
          // while it reads.
          if (words.length === 0 && receiveMessageOnPort(port) === undefined) continue
          words.length = 0
        }
        ready = true
        cut = await cutAfter(from)
      }
      // Told where the cut is, or (null) that there is none; not told at all when this thread read
      // the whole file first: it is stopped.
      if (ready) port.postMessage(cut)
      if (cut) {
        for await (const piece of source.pieces?.(pieceBytes, from, cut.at) ?? [])
          loader.push(piece)
        from = cut.at
        if (loader.canAppend(cut)) {
          // The worker still reading, this thread reads the end of its part (StealLink).
          port.postMessage({ type: 'steal' } satisfies PortWord)
          let word = (await nextWord()) as PortWord | null
          let last: TailPart | null = null
          if (word?.type === 'cut') {
            if (word.cut) last = await readPartFrom(source, word.cut, pieceBytes)
            word = (await nextWord()) as PortWord | null
          }
          const tail = word?.type === 'part' ? word.part : null
          if (tail && loader.canAppend(tail)) {
            loader.appendTail(tail)
            from = tail.at + tail.bytes
            info.parts = 2
            if (last && loader.canAppend(last)) {
              loader.appendTail(last)
              from = source.size
              info.parts = 3
            }
          }
        }
      }
      port.close()
      void worker.terminate()
    }
    for await (const piece of source.pieces?.(CHUNK_BYTES, from) ?? []) loader.push(piece)
    return loader.finish()
  } finally {
    source.close()
  }
}
