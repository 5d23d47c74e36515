// Child process of bench/run.ts: imports one file read from disk in 4 MB pieces (as the page's
// worker reads a File) and reports its resident memory before and at the peak, so that the peak
// of the import is measured without the file itself held in memory.

import { closeSync, openSync, readSync } from 'node:fs'
import { resourceUsage } from 'node:process'
import { CsvLoader } from '../src/core/load/loader'
import { gtdReader } from './measure'

const [path, kind] = process.argv.slice(2)
if (!path) throw new Error('usage: importChild.ts <file> [schema|gtd]')
;(globalThis as { gc?: () => void }).gc?.()
const baselineRss = process.memoryUsage().rss
// maxRSS is in kilobytes; it also holds the start-up's peak, so the import's own peak is the
// larger of the samples taken after every piece and a maxRSS that grew during the import.
const maxRssBefore = resourceUsage().maxRSS * 1024
let sampled = baselineRss
const loader = new CsvLoader(kind === 'gtd' ? { readerFor: gtdReader } : {})
const fd = openSync(path, 'r')
for (;;) {
  // A fresh buffer per piece, as File.slice().arrayBuffer() gives the worker.
  const piece = new Uint8Array(4 << 20)
  const read = readSync(fd, piece, 0, piece.length, null)
  if (read === 0) break
  loader.push(piece.subarray(0, read))
  sampled = Math.max(sampled, process.memoryUsage().rss)
}
closeSync(fd)
const result = loader.finish()
sampled = Math.max(sampled, process.memoryUsage().rss)
const maxRssAfter = resourceUsage().maxRSS * 1024
const peakRss = maxRssAfter > maxRssBefore ? Math.max(sampled, maxRssAfter) : sampled
console.log(JSON.stringify({ baselineRss, peakRss, rows: result.summary.rowsLoaded }))
