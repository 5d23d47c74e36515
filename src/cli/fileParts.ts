// A file on disk read with two threads at once, the way the page reads a big File with two
// workers: this thread reads it up to a cut near its middle, a worker thread (fileTail.worker.ts)
// from the cut to the end, and its part is appended (the same store and issues as one reading, by
// construction: see CsvLoader.appendTail). A small file, or one without a sure cut, is read by
// this thread alone.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import { CHUNK_BYTES, findSplit, type ByteSource } from '../core/load/importJob'
import { CsvLoader, type LoadOptions, type LoadResult, type TailPart } from '../core/load/loader'

/** A ByteSource over a file: read() copies a range, pieces() reads into one reused buffer. */
export function fileSource(path: string): ByteSource & { close(): void } {
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
    close: () => closeSync(fd),
  }
}

/** What the tail thread is given. */
export interface TailWorkerData {
  path: string
  minBytes?: number
  share: number
}

/**
 * The share of the file this thread reads: a little over half, as the worker thread starts some
 * 200 ms later (it loads its modules first; the head waited that long for the tail at 0.5).
 */
export const HEAD_SHARE = 0.55

// A worker thread running `file`. A TypeScript file (run through tsx, as the npm scripts do) is
// started by a line of JavaScript that registers tsx in the thread first: a worker does not take
// the loader of the thread that starts it.
function startWorker(file: URL, data: TailWorkerData): Worker {
  if (!file.pathname.endsWith('.ts')) return new Worker(file, { workerData: data })
  const api = import.meta.resolve('tsx/esm/api')
  const code = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(file.href)}) })`
  return new Worker(code, { eval: true, workerData: data })
}

/**
 * Loads the file at `path` by its header (as loadCsv on its bytes would), with two threads when
 * it is at least `minBytes` long and a cut is found.
 */
export async function loadFileInParts(
  path: string,
  options: LoadOptions = {},
  minBytes?: number,
  /** Told how many parts were read apart: 2 when the worker thread's part was appended. */
  info: { parts: number } = { parts: 1 },
): Promise<LoadResult> {
  const source = fileSource(path)
  info.parts = 1
  try {
    const loader = new CsvLoader(options)
    const split = options.readerFor ? null : await findSplit(source, minBytes, HEAD_SHARE)
    let from = 0
    if (split) {
      const worker = startWorker(new URL('./fileTail.worker.ts', import.meta.url), {
        path,
        minBytes,
        share: HEAD_SHARE,
      })
      const part = new Promise<TailPart | null>((resolve) => {
        worker.once('message', resolve)
        worker.once('error', () => resolve(null))
        worker.once('exit', () => resolve(null))
      })
      for await (const piece of source.pieces?.(CHUNK_BYTES, 0, split.at) ?? []) loader.push(piece)
      from = split.at
      if (loader.canAppend(split)) {
        const tail = await part
        if (tail && loader.canAppend(tail)) {
          loader.appendTail(tail)
          from = source.size
          info.parts = 2
        }
      }
      void worker.terminate()
    }
    for await (const piece of source.pieces?.(CHUNK_BYTES, from) ?? []) loader.push(piece)
    return loader.finish()
  } finally {
    source.close()
  }
}
