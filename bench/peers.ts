// npm run bench:peers [-- --sizes 100k,1m --rounds 3 --no-build]
// The dashboard against what a user would pick instead, on the same generated files
// (bench/generate.ts), alternated A B A B in each round so that every engine meets the same load
// of a shared machine:
//   - in Chromium: the page (production build, "Import CSV", the import worker) against
//     DuckDB-WASM (its EH build in a page of its own, bench/duckdb.html: the File registered,
//     read_csv into a table, the same figures in SQL). Each run in a fresh browser: file chosen ->
//     first figures painted, the longest main-thread task meanwhile, the Chromium processes' peak
//     resident memory over their start, a filter change to painted figures (median of 7);
//   - in Node: our import (CsvLoader, 4 MB pieces) and figures against DuckDB's Node API with one
//     thread (read_csv into a table, the same figures in SQL), each in a process of its own
//     (bench/peersNode.ts): import wall and CPU time, peak resident memory, a filter change;
//   - first-visit bytes: gzip of what each page loads before a file can be chosen.
// Correctness first: each run's figures (headline totals, per target group, per month) are
// compared with DuckDB's in Node on the same file, value by value; a difference stops the bench.
// Prints medians and per-round ratios (ours / peer: below 1 is ours ahead), writes
// bench/out/peers.json, and ends with the line
//   first figures in the page vs DuckDB-WASM: R x (median of N rounds)
// Figures for reading, never for asserting.

import { execFileSync, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { chromium, type Browser, type Page } from '@playwright/test'
// @ts-expect-error: a plain .mjs helper shared with the e2e configuration
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium-path.mjs'
import { ensureFile, SIZES } from './generate'
import {
  filterChange,
  firstVisitJs,
  importFile,
  paintedAt,
  RECORDER,
  serve,
  watchPainted,
  type Recorded,
} from './page'
import { differences, type Figures } from './peerFigures'
import type { NodeReport } from './peersNode'

const HERE = dirname(fileURLToPath(import.meta.url))
const ROOT = resolve(HERE, '..')
const OUT = resolve(HERE, 'out')
const PORT = Number(process.env.E2E_PORT ?? 4184)
// DuckDB-WASM's page is served beside ours, on a port of its own.
const PEER_PORT = PORT + 1000
const OURS_DIST = `node_modules/.bench-dist-${PORT}`
const PEER_DIST = `node_modules/.bench-duckdb-${PORT}`
const FILTER_CLICKS = 7

interface Args {
  sizes: string[]
  rounds: number
  build: boolean
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { sizes: ['1m'], rounds: 3, build: true }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--sizes') args.sizes = (argv[++i] ?? '').toLowerCase().split(',').filter(Boolean)
    else if (arg === '--rounds') args.rounds = Math.max(1, Number(argv[++i]) || 1)
    else if (arg === '--no-build') args.build = false
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

function build(): void {
  const ours = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', OURS_DIST], {
    cwd: ROOT,
    stdio: 'inherit',
  })
  if (ours.status !== 0) throw new Error('vite build of the page failed')
  // DuckDB-WASM's page: bench/duckdb.html and its script, the wasm and worker as assets.
  const peer = spawnSync(
    'npx',
    [
      'vite',
      'build',
      '--config',
      'bench/duckdb.vite.config.ts',
      '--outDir',
      resolve(ROOT, PEER_DIST),
    ],
    { cwd: ROOT, stdio: 'inherit' },
  )
  if (peer.status !== 0) throw new Error('vite build of the DuckDB-WASM page failed')
}

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
function treeRss(root: number): number {
  const children = new Map<number, number[]>()
  const rss = new Map<number, number>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const parent = Number(fields[1])
      children.set(parent, [...(children.get(parent) ?? []), Number(name)])
      // Field 24 of stat (22 after the name and state): resident pages.
      rss.set(Number(name), Number(fields[21]) * 4096)
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0
  const todo = [root]
  while (todo.length > 0) {
    const pid = todo.pop() as number
    total += rss.get(pid) ?? 0
    todo.push(...(children.get(pid) ?? []))
  }
  return total
}

/** Chromium's main process: the child of this process started with the browser. */
function browserPid(before: ReadonlySet<number>): number {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || before.has(Number(name))) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (parent === process.pid && /chrom/i.test(stat)) return Number(name)
    } catch {
      // the process ended meanwhile
    }
  }
  throw new Error('Chromium process not found')
}

function pids(): Set<number> {
  return new Set(
    readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number),
  )
}

interface PageRun {
  firstFiguresMs: number
  longestTaskMs: number
  longTasksOver50: number
  peakRssBytes: number
  filterMs: number
  /** Where the figures shown could be checked against DuckDB's in Node: the differences. */
  differences: string[]
}

/** Opens a page in a fresh Chromium and measures its import of `file`, then a filter change. */
async function pageRun(
  engine: 'ours' | 'duckdb-wasm',
  file: string,
  rows: number,
  reference: Figures,
): Promise<PageRun> {
  const before = pids()
  const browser: Browser = await chromium.launch({
    executablePath: (findChromium() as string | null) ?? undefined,
    args: CHROMIUM_ARGS as string[],
  })
  try {
    const pid = browserPid(before)
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC' })
    const page = await context.newPage()
    await page.addInitScript(RECORDER)
    if (engine === 'ours') {
      await page.goto(`http://127.0.0.1:${PORT}/`, { waitUntil: 'networkidle' })
    } else {
      await page.goto(`http://127.0.0.1:${PEER_PORT}/duckdb.html`, { waitUntil: 'networkidle' })
      await page.waitForFunction(
        () => document.querySelector('[data-testid=state]')?.textContent === 'ready',
        undefined,
        { timeout: 120_000 },
      )
    }
    await page.waitForTimeout(500)
    const baseline = treeRss(pid)
    let peak = baseline
    const sampler = setInterval(() => {
      peak = Math.max(peak, treeRss(pid))
    }, 100)
    let imported: { ms: number; since: number; steps?: [string, number, number][] }
    try {
      imported =
        engine === 'ours' ? await importFile(page, file, rows) : await importPeer(page, file)
    } finally {
      clearInterval(sampler)
    }
    // Where our import's time went (the workers' and the page's steps, ms from the file chosen).
    if (imported.steps) {
      const steps = imported.steps.map(([name, start, ms]) => `${name} ${start}+${ms}`)
      console.log(`  our steps: ${steps.join(', ')}; painted ${imported.ms}`)
    }
    peak = Math.max(peak, treeRss(pid))
    const recorded = (await page.evaluate(
      () => (window as unknown as { __longTasks: Recorded['longTasks'] }).__longTasks,
    )) as Recorded['longTasks']
    const during = recorded.filter((task) => task.start >= imported.since)
    const found =
      engine === 'ours' ? await ourShownFigures(page, reference) : await peerShown(page, reference)
    const filterMs =
      engine === 'ours'
        ? median((await filterChange(page, FILTER_CLICKS)).figures)
        : await peerFilterChange(page)
    return {
      firstFiguresMs: imported.ms,
      longestTaskMs: during.reduce((max, task) => Math.max(max, task.duration), 0),
      longTasksOver50: during.filter((task) => task.duration > 50).length,
      peakRssBytes: peak - baseline,
      filterMs,
      differences: found,
    }
  } finally {
    await browser.close()
  }
}

async function importPeer(page: Page, file: string): Promise<{ ms: number; since: number }> {
  // Watched as our page is (bench/page.ts watchPainted): at each change of the page, never polled.
  const since = await watchPainted(page, 'peer')
  await page.locator('input[type=file]').setInputFiles(file)
  return { ms: Math.round((await paintedAt(page)) - since), since }
}

// The figures DuckDB-WASM wrote into its page, against DuckDB's in Node.
async function peerShown(page: Page, reference: Figures): Promise<string[]> {
  const text = await page.locator('[data-testid=figures]').textContent()
  return differences(JSON.parse(text ?? '{}') as Figures, reference)
}

// The page's headline figures (incidents, rows, killed minimum) against DuckDB's in Node; the
// rest of ours is checked in Node, on the same code.
async function ourShownFigures(page: Page, reference: Figures): Promise<string[]> {
  const digits = async (testId: string) =>
    ((await page.getByTestId(testId).first().textContent()) ?? '').replace(/,/g, '')
  const incidents = Number((await digits('kpi-incidents')).replace(/\D/g, ''))
  const killed = Number(/\d+/.exec(await digits('kpi-killed'))?.[0] ?? NaN)
  const out: string[] = []
  if (incidents !== reference.incidents)
    out.push(`page incidents: ${incidents} against ${reference.incidents}`)
  if (killed !== reference.killed.min)
    out.push(`page killed: ${killed} against ${reference.killed.min}`)
  return out
}

// DuckDB-WASM's filter change to painted figures, median of the clicks: drop a group, then back.
async function peerFilterChange(page: Page): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < FILTER_CLICKS; i++) {
    const ms = await page.evaluate(
      async (dropped) => {
        const start = performance.now()
        await (window as unknown as { __filter: (d: boolean) => Promise<void> }).__filter(dropped)
        await new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)))
        return performance.now() - start
      },
      i % 2 === 0,
    )
    times.push(ms)
    await page.waitForTimeout(300)
  }
  return median(times)
}

function nodeRun(engine: 'ours' | 'ours-1t' | 'duckdb', file: string): NodeReport {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', resolve(HERE, 'peersNode.ts'), engine, file, '1'],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  )
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as NodeReport
}

/** Gzip bytes of every file a page fetched before a file could be chosen. */
async function firstVisitBytes(engine: 'ours' | 'duckdb-wasm'): Promise<number> {
  const browser = await chromium.launch({
    executablePath: (findChromium() as string | null) ?? undefined,
    args: CHROMIUM_ARGS as string[],
  })
  try {
    const page = await browser.newPage()
    if (engine === 'ours')
      return (await firstVisitJs(page, `http://127.0.0.1:${PORT}/`, OURS_DIST)).total
    const base = `http://127.0.0.1:${PEER_PORT}/`
    const urls = new Set<string>()
    page.context().on('request', (request) => urls.add(request.url()))
    await page.goto(`${base}duckdb.html`, { waitUntil: 'networkidle' })
    await page.waitForFunction(
      () => document.querySelector('[data-testid=state]')?.textContent === 'ready',
      undefined,
      { timeout: 120_000 },
    )
    let total = 0
    for (const url of urls) {
      if (!url.startsWith(base)) continue
      const path = new URL(url).pathname.replace(/^\//, '')
      total += gzipSync(readFileSync(resolve(ROOT, PEER_DIST, path)), { level: 9 }).length
    }
    return total
  } finally {
    await browser.close()
  }
}

interface Round {
  page: { ours: PageRun; peer: PageRun }
  /** ours: two threads (src/cli/fileParts.ts); ours1t: one. */
  node: { ours: NodeReport; ours1t: NodeReport; peer: NodeReport }
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN)
const fmt = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}x` : '-')
const mb = (bytes: number) => (bytes / 1e6).toFixed(0)

async function benchSize(size: string, rounds: number): Promise<{ ratios: number[] }> {
  const rows = SIZES[size] as number
  const file = ensureFile(OUT, 'single', rows)
  const mbFile = statSync(file).size / 1e6
  console.log(
    `\n## ${file.slice(OUT.length + 1)}: ${rows.toLocaleString('en-US')} rows, ${mbFile.toFixed(0)} MB\n`,
  )
  const results: Round[] = []
  for (let round = 0; round < rounds; round++) {
    // Node first: its DuckDB figures are the reference the pages are checked against.
    const nodePeer = nodeRun('duckdb', file)
    const nodeOurs = nodeRun('ours', file)
    const nodeOurs1t = nodeRun('ours-1t', file)
    for (const run of [nodeOurs, nodeOurs1t]) {
      const wrongNode = differences(run.figures, nodePeer.figures)
      if (wrongNode.length > 0)
        throw new Error(`our figures differ from DuckDB's:\n${wrongNode.join('\n')}`)
    }
    const pageOurs = await pageRun('ours', file, rows, nodePeer.figures)
    const pagePeer = await pageRun('duckdb-wasm', file, rows, nodePeer.figures)
    for (const [name, run] of [
      ['the page', pageOurs],
      ['DuckDB-WASM', pagePeer],
    ] as const) {
      if (run.differences.length > 0)
        throw new Error(`${name}'s figures differ from DuckDB's:\n${run.differences.join('\n')}`)
    }
    results.push({
      page: { ours: pageOurs, peer: pagePeer },
      node: { ours: nodeOurs, ours1t: nodeOurs1t, peer: nodePeer },
    })
    console.log(
      `round ${round + 1}: first figures ${pageOurs.firstFiguresMs} / ${pagePeer.firstFiguresMs} ms (${fmt(ratio(pageOurs.firstFiguresMs, pagePeer.firstFiguresMs))}), ` +
        `Node import ${nodeOurs.importMs.toFixed(0)} / ${nodePeer.importMs.toFixed(0)} ms (${fmt(ratio(nodeOurs.importMs, nodePeer.importMs))}); figures equal`,
    )
  }
  const rowsOf: [string, (r: Round) => [number, number], (v: number) => string][] = [
    [
      'file chosen -> first figures painted (Chromium)',
      (r) => [r.page.ours.firstFiguresMs, r.page.peer.firstFiguresMs],
      (v) => `${v.toFixed(0)} ms`,
    ],
    [
      'longest main-thread task while importing',
      (r) => [r.page.ours.longestTaskMs, r.page.peer.longestTaskMs],
      (v) => `${v.toFixed(0)} ms`,
    ],
    [
      'Chromium peak memory over its start',
      (r) => [r.page.ours.peakRssBytes, r.page.peer.peakRssBytes],
      (v) => `${mb(v)} MB`,
    ],
    [
      'filter change -> figures painted (Chromium)',
      (r) => [r.page.ours.filterMs, r.page.peer.filterMs],
      (v) => `${v.toFixed(1)} ms`,
    ],
    [
      'import + figures, Node, wall (ours 2 threads, DuckDB 1 thread)',
      (r) => [r.node.ours.importMs, r.node.peer.importMs],
      (v) => `${v.toFixed(0)} ms`,
    ],
    [
      'import + figures, Node, CPU (ours 2 threads)',
      (r) => [r.node.ours.importCpuMs, r.node.peer.importCpuMs],
      (v) => `${v.toFixed(0)} ms`,
    ],
    [
      'import + figures, Node, wall, both 1 thread',
      (r) => [r.node.ours1t.importMs, r.node.peer.importMs],
      (v) => `${v.toFixed(0)} ms`,
    ],
    [
      'import + figures, Node, CPU, both 1 thread',
      (r) => [r.node.ours1t.importCpuMs, r.node.peer.importCpuMs],
      (v) => `${v.toFixed(0)} ms`,
    ],
    [
      'Node peak memory over its start',
      (r) => [r.node.ours.peakRssBytes, r.node.peer.peakRssBytes],
      (v) => `${mb(v)} MB`,
    ],
    [
      'filter change, Node',
      (r) => [r.node.ours.filterMs, r.node.peer.filterMs],
      (v) => `${v.toFixed(1)} ms`,
    ],
  ]
  console.log(`\n| measure | ours (median) | peer (median) | ours/peer per round | median ratio |`)
  console.log(`|---|---|---|---|---|`)
  const summary: Record<string, unknown> = {}
  for (const [name, pick, show] of rowsOf) {
    const pairs = results.map(pick)
    const ratios = pairs.map(([a, b]) => ratio(a, b))
    summary[name] = { ours: pairs.map((p) => p[0]), peer: pairs.map((p) => p[1]), ratios }
    console.log(
      `| ${name} | ${show(median(pairs.map((p) => p[0])))} | ${show(median(pairs.map((p) => p[1])))} | ${ratios.map(fmt).join(' / ')} | ${fmt(median(ratios))} |`,
    )
  }
  const over50 = results.map((r) => r.page.ours.longTasksOver50)
  console.log(
    `\nour main-thread tasks over 50 ms while importing, per round: ${over50.join(' / ')}`,
  )
  writeFileSync(
    resolve(OUT, `peers-${size}.json`),
    `${JSON.stringify({ date: new Date().toISOString(), file: file.slice(OUT.length + 1), rows, rounds: results, summary }, null, 2)}\n`,
  )
  return {
    ratios: results.map((r) => ratio(r.page.ours.firstFiguresMs, r.page.peer.firstFiguresMs)),
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  mkdirSync(OUT, { recursive: true })
  if (
    args.build ||
    !existsSync(resolve(ROOT, OURS_DIST, 'index.html')) ||
    !existsSync(resolve(ROOT, PEER_DIST, 'duckdb.html'))
  )
    build()
  const servers: ChildProcess[] = [
    await serve(OURS_DIST, PORT),
    await serve(PEER_DIST, PEER_PORT, 'duckdb.html'),
  ]
  try {
    const oursBytes = await firstVisitBytes('ours')
    const peerBytes = await firstVisitBytes('duckdb-wasm')
    console.log(
      `first-visit bytes, gzip: ours ${(oursBytes / 1024).toFixed(1)} KB, DuckDB-WASM ${(peerBytes / 1024).toFixed(1)} KB (JavaScript, worker and wasm) (${fmt(ratio(oursBytes, peerBytes))})`,
    )
    let last: number[] = []
    for (const size of args.sizes) last = (await benchSize(size, args.rounds)).ratios
    console.log(
      `first figures in the page vs DuckDB-WASM: ${median(last).toFixed(2)} x (median of ${last.length} rounds)`,
    )
  } finally {
    for (const server of servers) {
      try {
        if (server.pid) process.kill(-server.pid)
      } catch {
        // already gone
      }
    }
  }
}

await main()
