// npm run bench [-- --sizes 10k,100k,1m --runs 3 --no-gtd]
// Generates the seeded synthetic files (bench/generate.ts) and measures, in this process, medians
// of several runs: the floor (decode + newline scan), Papa.parse(text, { header: false }), our
// import (CsvLoader fed 4 MB chunks: decode + parse + validate + store), the store's retained
// memory, and the cost of a filter change against one plain typed-array pass. Peak memory while
// importing is measured in a child process that reads the file from disk in 4 MB pieces, so the
// file itself is not counted. Prints a table and writes bench/out/results.json.
// Timings are for reading, never for asserting: the machine is shared and noisy.

import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import Papa from 'papaparse'
import { CsvLoader, type LoadOptions } from '../src/core/load/loader'
import { filterChange, gtdReader, plainPass, retainedBytes } from './measure'
import { ensureFile, SIZES } from './generate'

const HERE = dirname(fileURLToPath(import.meta.url))
const OUT = resolve(HERE, 'out')
const CHUNK = 4 << 20

interface Args {
  sizes: string[]
  runs: number
  gtd: boolean
  child: boolean
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { sizes: ['10k', '100k', '1m'], runs: 5, gtd: true, child: true }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--sizes') args.sizes = (argv[++i] ?? '').toLowerCase().split(',').filter(Boolean)
    else if (arg === '--runs') args.runs = Math.max(1, Number(argv[++i]) || 1)
    else if (arg === '--no-gtd') args.gtd = false
    else if (arg === '--no-child') args.child = false
  }
  for (const size of args.sizes) {
    if (!(size in SIZES))
      throw new Error(`unknown size ${size}: use ${Object.keys(SIZES).join(',')}`)
  }
  return args
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc
  if (collect) {
    collect()
    collect()
  }
}

/** Medians of wall-clock time and of this process's CPU time (steadier when others share the CPUs). */
interface Timing {
  wall: number
  cpu: number
}

function timeRuns(runs: number, run: () => unknown): Timing {
  const walls: number[] = []
  const cpus: number[] = []
  run() // warm-up, not counted: the JIT compiles both sides before they are timed
  for (let i = 0; i < runs; i++) {
    gc()
    const cpu = process.cpuUsage()
    const start = performance.now()
    run()
    walls.push(performance.now() - start)
    const used = process.cpuUsage(cpu)
    cpus.push((used.user + used.system) / 1000)
  }
  return { wall: median(walls), cpu: median(cpus) }
}

/** Untimed turns first: the JIT compiles both sides (the page calls them on every change). */
const WARM_UP_TURNS = 3

// Runs each of `work` in turn, `runs` times after the warm-up turns; wall times per name, in turn
// order. Taken in turns, both sides see the same load of a shared machine.
function interleave<K extends string>(
  runs: number,
  work: Record<K, () => unknown>,
): Record<K, number[]> {
  const names = Object.keys(work) as K[]
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<
    K,
    number[]
  >
  // One collection first, none between turns: a forced full collection makes the pass after it
  // 1.5-2.5x slower (cold memory), which a page's filter change does not meet on every click.
  gc()
  for (let turn = -WARM_UP_TURNS; turn < runs; turn++) {
    for (const name of names) {
      const start = performance.now()
      work[name]()
      if (turn >= 0) times[name].push(performance.now() - start)
    }
  }
  return times
}

function floor(bytes: Uint8Array): number {
  const text = new TextDecoder().decode(bytes)
  let lines = 0
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++
  return lines
}

function importChunked(bytes: Uint8Array, options: LoadOptions = {}) {
  const loader = new CsvLoader(options)
  for (let at = 0; at < bytes.length; at += CHUNK) loader.push(bytes.subarray(at, at + CHUNK))
  return loader.finish()
}

interface ChildReport {
  baselineRss: number
  peakRss: number
  rows: number
}

function measurePeak(path: string, gtd: boolean): ChildReport {
  const out = execFileSync(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      'tsx',
      resolve(HERE, 'importChild.ts'),
      path,
      gtd ? 'gtd' : 'schema',
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  )
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as ChildReport
}

interface Result {
  file: string
  rows: number
  bytes: number
  floorMs: number
  papaMs: number
  importMs: number
  importVsPapa: number
  /** The same ratio in CPU time. */
  importVsPapaCpu: number
  storeBytes: number
  storeVsFile: number
  heapDeltaBytes: number | null
  peakRssBytes: number | null
  peakVsFile: number | null
  plainPassMs: number | null
  filterChangeMs: number | null
  filterVsPlain: number | null
  /** Once per store after its import: the figure index, period slots and date order built. */
  prepareMs: number | null
  /** Each step of the filter change alone (the dashboard's functions). */
  filterStepsMs: Record<string, number>
  rowsLoaded: number
  rowIssues: number
}

async function benchFile(path: string, args: Args, gtd: boolean): Promise<Result> {
  const bytes = new Uint8Array(readFileSync(path))
  const runs = bytes.length > 100e6 ? Math.min(args.runs, 3) : args.runs
  const options: LoadOptions = gtd ? { readerFor: gtdReader } : {}
  const floorTime = timeRuns(runs, () => floor(bytes))
  let text: string | null = new TextDecoder().decode(bytes)
  const papaText = text
  const papaTime = timeRuns(runs, () => Papa.parse<string[]>(papaText, { header: false }))
  text = null
  const importTime = timeRuns(runs, () => importChunked(bytes, options))

  gc()
  const before = process.memoryUsage()
  let result: ReturnType<typeof importChunked> | null = importChunked(bytes, options)
  gc()
  const after = process.memoryUsage()
  const store = result.store
  const heapDelta = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers)
  const storeBytes = store ? retainedBytes(store) : 0

  let plainPassMs: number | null = null
  let filterChangeMs: number | null = null
  let filterVsPlain: number | null = null
  let prepareMs: number | null = null
  const filterSteps: Record<string, number> = {}
  if (store && !gtd) {
    const change = filterChange()
    prepareMs = change.prepare(store)
    // Taken in turns, so both see the same load on a shared machine; the ratio is the median of
    // the ratios of each turn.
    const turns = interleave(Math.max(runs, 15), {
      plain: () => plainPass(store),
      filter: () => change.run(store),
    })
    plainPassMs = median(turns.plain)
    filterChangeMs = median(turns.filter)
    filterVsPlain = median(turns.filter.map((ms, i) => ms / (turns.plain[i] ?? ms)))
    const stepTurns = interleave(Math.max(runs, 9), change.steps(store))
    for (const [name, times] of Object.entries(stepTurns)) filterSteps[name] = median(times)
  }
  const rowsLoaded = result.summary.rowsLoaded
  const rowIssues = result.rowIssues.length
  result = null
  const peak = args.child ? measurePeak(path, gtd) : null
  const peakRss = peak ? peak.peakRss - peak.baselineRss : null
  return {
    file: path.slice(OUT.length + 1),
    rows: rowsLoaded,
    bytes: bytes.length,
    floorMs: floorTime.wall,
    papaMs: papaTime.wall,
    importMs: importTime.wall,
    importVsPapa: importTime.wall / papaTime.wall,
    importVsPapaCpu: importTime.cpu / papaTime.cpu,
    storeBytes,
    storeVsFile: storeBytes / bytes.length,
    heapDeltaBytes: (globalThis as { gc?: unknown }).gc ? heapDelta : null,
    peakRssBytes: peakRss,
    peakVsFile: peakRss === null ? null : peakRss / bytes.length,
    plainPassMs,
    filterChangeMs,
    filterVsPlain,
    prepareMs,
    filterStepsMs: filterSteps,
    rowsLoaded,
    rowIssues,
  }
}

const mb = (bytes: number | null) => (bytes === null ? '-' : (bytes / 1e6).toFixed(1))
const ms = (value: number | null) => (value === null ? '-' : value.toFixed(value < 100 ? 1 : 0))
const ratio = (value: number | null) => (value === null ? '-' : `${value.toFixed(2)}x`)

function printTable(results: readonly Result[]): void {
  const head = [
    'file',
    'rows',
    'MB',
    'floor ms',
    'Papa ms',
    'import ms',
    'import/Papa (<=1.3)',
    'same, CPU time',
    'store MB',
    'store/file (<=1.2)',
    'heap delta MB',
    'peak RSS MB',
    'peak/file (<=1.5)',
    'plain pass ms',
    'filter change ms',
    'filter/plain (<=2)',
  ]
  const rows = results.map((r) => [
    r.file,
    String(r.rows),
    mb(r.bytes),
    ms(r.floorMs),
    ms(r.papaMs),
    ms(r.importMs),
    ratio(r.importVsPapa),
    ratio(r.importVsPapaCpu),
    mb(r.storeBytes),
    ratio(r.storeVsFile),
    mb(r.heapDeltaBytes),
    mb(r.peakRssBytes),
    ratio(r.peakVsFile),
    ms(r.plainPassMs),
    ms(r.filterChangeMs),
    ratio(r.filterVsPlain),
  ])
  console.log(`| ${head.join(' | ')} |`)
  console.log(`|${head.map(() => '---').join('|')}|`)
  for (const row of rows) console.log(`| ${row.join(' | ')} |`)
}

function growth(
  results: readonly Result[],
): Record<string, { msPerKRow: number; storeBytesPerRow: number }> {
  const out: Record<string, { msPerKRow: number; storeBytesPerRow: number }> = {}
  for (const r of results.filter((r) => r.file.startsWith('schema'))) {
    out[r.file] = {
      msPerKRow: (r.importMs / r.rows) * 1000,
      storeBytesPerRow: r.storeBytes / r.rows,
    }
  }
  return out
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  mkdirSync(OUT, { recursive: true })
  const results: Result[] = []
  for (const size of args.sizes) {
    const path = ensureFile(OUT, 'schema', SIZES[size] as number)
    console.error(`measuring ${path} (${mb(statSync(path).size)} MB)`)
    results.push(await benchFile(path, args, false))
  }
  if (args.gtd) {
    const path = ensureFile(OUT, 'gtd', 200_000)
    console.error(`measuring ${path} (${mb(statSync(path).size)} MB)`)
    results.push(await benchFile(path, args, true))
  }
  printTable(results)
  for (const r of results) {
    const steps = Object.entries(r.filterStepsMs)
    if (steps.length === 0) continue
    const list = steps.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join(', ')
    console.log(`\nfilter change on ${r.file}, step by step (ms): ${list}`)
    console.log(
      `  once per store after the import (figure index, date order): ${ms(r.prepareMs)} ms`,
    )
  }
  const perRow = growth(results)
  console.log('\ngrowth (import ms per 1000 rows, store bytes per row):')
  for (const [file, g] of Object.entries(perRow)) {
    console.log(
      `  ${file}: ${g.msPerKRow.toFixed(2)} ms/1k rows, ${g.storeBytesPerRow.toFixed(0)} B/row`,
    )
  }
  const report = {
    machine: {
      node: process.version,
      cpus: (await import('node:os')).cpus().length,
      papaparse: (
        JSON.parse(
          readFileSync(resolve(HERE, '../node_modules/papaparse/package.json'), 'utf8'),
        ) as {
          version: string
        }
      ).version,
    },
    date: new Date().toISOString(),
    runs: args.runs,
    results,
    growth: perRow,
  }
  writeFileSync(resolve(OUT, 'results.json'), `${JSON.stringify(report, null, 2)}\n`)
  console.log(`\nwritten ${resolve(OUT, 'results.json')}`)
}

// `npm run bench` runs plain tsx: start again under node --expose-gc, so the heap figures exist.
if ((globalThis as { gc?: unknown }).gc) {
  await main()
} else {
  const rerun = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  )
  process.exitCode = rerun.status ?? 1
}
