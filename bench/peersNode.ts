// Child process of bench/peers.ts: one engine imports one file and computes the figures, in a
// process of its own so that its memory is its own. Prints one line of JSON:
//   import wall and CPU ms, peak resident memory over the process's start, the figures of every
//   row, and the filter change (drop one target group, then back, median of the turns).
// Engines: `ours` (the file read by two threads, each a part of it, src/cli/fileParts.ts), `ours-1t`
// (CsvLoader fed the file in 4 MB pieces of one buffer, one thread), each then summarizeRows and
// the table's first page (as bench/measure.ts's filterChange), `duckdb` (@duckdb/node-api: read_csv into a
// table, then the same figures in SQL) with `--threads N`.

import { closeSync, openSync, readSync } from 'node:fs'
import { resourceUsage } from 'node:process'
import { loadFileInParts } from '../src/cli/fileParts'
import { CsvLoader } from '../src/core/load/loader'
import { summarizeRows } from '../src/core/view/aggregate'
import { allRows, emptyFilters, selectRows } from '../src/core/view/filter'
import { runSteps } from '../src/core/steps'
import { tableOrderInSteps } from '../src/core/view/sort'
import type { CasualtyStore } from '../src/core/store/store'
import {
  DROPPED_GROUP,
  figuresFromSql,
  figuresFromSums,
  figuresSql,
  filterWhere,
  type Figures,
} from './peerFigures'

const [engine, path, threadsArg] = process.argv.slice(2)
if (!path || (engine !== 'ours' && engine !== 'ours-1t' && engine !== 'duckdb'))
  throw new Error('usage: peersNode.ts ours|ours-1t|duckdb <file> [threads]')
const FILTER_TURNS = 8
const CHUNK = 4 << 20

export interface NodeReport {
  engine: string
  importMs: number
  importCpuMs: number
  peakRssBytes: number
  figures: Figures
  filterMs: number
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

const baselineRss = process.memoryUsage().rss
const maxRssBefore = resourceUsage().maxRSS * 1024
let sampledRss = baselineRss
const sample = () => {
  sampledRss = Math.max(sampledRss, process.memoryUsage().rss)
}
const peakRss = () => {
  sample()
  const after = resourceUsage().maxRSS * 1024
  return (after > maxRssBefore ? Math.max(sampledRss, after) : sampledRss) - baselineRss
}

async function runOurs(file: string): Promise<NodeReport> {
  const cpu = process.cpuUsage()
  const start = performance.now()
  let result
  if (engine === 'ours-1t') {
    const loader = new CsvLoader()
    const fd = openSync(file, 'r')
    // One buffer for every piece, as the page's worker reads a File (the loader keeps no view of it).
    const piece = new Uint8Array(CHUNK)
    for (;;) {
      const read = readSync(fd, piece, 0, piece.length, null)
      if (read === 0) break
      loader.push(piece.subarray(0, read))
      sample()
    }
    closeSync(fd)
    result = loader.finish()
  } else {
    // Two threads, each reading a part of the file (src/cli/fileParts.ts), as the page's two workers.
    result = await loadFileInParts(file)
  }
  const store = result.store as CasualtyStore
  const figures = figuresFromSums(summarizeRows(store, allRows(store), 'target_group', 'month'))
  const importMs = performance.now() - start
  const used = process.cpuUsage(cpu)
  const peak = peakRss()
  const groups = store.columns.categories.target_group.values
  const filters = (dropped: boolean) => ({
    ...emptyFilters(),
    targetGroups: dropped ? groups.filter((label) => label !== DROPPED_GROUP && label !== '') : [],
  })
  const times: number[] = []
  for (let turn = 0; turn < FILTER_TURNS + 2; turn++) {
    const begin = performance.now()
    const selection = selectRows(store, filters(turn % 2 === 0))
    summarizeRows(store, selection.rows, 'target_group', 'month')
    runSteps(tableOrderInSteps(store, selection.rows, 'date', 'asc', selection.test)).slice(0, 50)
    if (turn >= 2) times.push(performance.now() - begin)
  }
  return {
    engine: engine as string,
    importMs,
    importCpuMs: (used.user + used.system) / 1000,
    peakRssBytes: peak,
    figures,
    filterMs: median(times),
  }
}

async function runDuckDb(file: string, threads: number): Promise<NodeReport> {
  const { DuckDBInstance } = await import('@duckdb/node-api')
  const cpu = process.cpuUsage()
  const start = performance.now()
  const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) })
  const connection = await instance.connect()
  await connection.run(`CREATE TABLE t AS SELECT * FROM read_csv('${file.replace(/'/g, "''")}')`)
  const figuresOf = async (where: string) => {
    const rows = await Promise.all(
      figuresSql('t', where).map(async (sql) => (await connection.runAndReadAll(sql)).getRowsJS()),
    )
    const [totals, groups, months] = rows as unknown as (string | number | null)[][][]
    return figuresFromSql(totals?.[0] ?? [], groups ?? [], months ?? [])
  }
  const figures = await figuresOf('')
  const importMs = performance.now() - start
  const used = process.cpuUsage(cpu)
  const peak = peakRss()
  // The table's first page, in date order, as the dashboard shows it.
  const page = (where: string) =>
    connection.runAndReadAll(`SELECT * FROM t ${where} ORDER BY date LIMIT 50`)
  const times: number[] = []
  for (let turn = 0; turn < FILTER_TURNS + 2; turn++) {
    const begin = performance.now()
    const where = filterWhere(turn % 2 === 0)
    await figuresOf(where)
    await page(where)
    if (turn >= 2) times.push(performance.now() - begin)
  }
  connection.closeSync()
  return {
    engine: `duckdb-${threads}t`,
    importMs,
    importCpuMs: (used.user + used.system) / 1000,
    peakRssBytes: peak,
    figures,
    filterMs: median(times),
  }
}

const report =
  engine === 'duckdb' ? await runDuckDb(path, Number(threadsArg ?? 1) || 1) : await runOurs(path)
console.log(JSON.stringify(report))
