/// <reference lib="dom" />
// npm run bench:browser [-- --size 3m|1m|100k|10k --gtd --throttle N --trace --no-build --export --store --one-worker]
// The page itself, in Chromium, on the production build: builds it into node_modules/.bench-dist-PORT,
// serves it with vite preview on E2E_PORT (4184 by default), and measures
//   - first visit: gzip size of the JavaScript the index page loads before any interaction;
//   - importing the generated file through the page's "Import CSV" input: wall time, Long Tasks
//     (PerformanceObserver 'longtask') while it runs, and how often the progress bar moved;
//   - a filter change: click to the next painted frame, median of several;
//   - the incident table's DOM rows once the data is in;
//   - Export CSV of every row: time to the download, Long Tasks while it is written (files up to
//     1M rows; --export for bigger ones);
//   - the dataset kept in the browser (IndexedDB): time until the page says it is stored, and a
//     reload until the same row count and figures are painted again from storage (files up to 1M
//     rows; --store for bigger ones).
// Prints a table and writes bench/out/browser.json. Figures for reading, never for asserting.
//   --throttle N  slows the page's CPU N times (Chromium's CPU throttling): do the targets hold on a
//                 machine N times slower than this one?
//   --gtd         imports the GTD-shaped 200k-row file instead, through the column mapping step
//   --map         imports a 1M-row file of Afghanistan's provinces with coordinates and UCDP
//                 precision codes instead: the map has its regions and points to draw
//   --one-worker  the page told it has one core: a big file is read by one worker, not two
//   --trace       builds without minifying, records a Chromium trace of the import and the filter
//                 changes (bench/out/trace.json, for DevTools' Performance panel) and prints what
//                 each main-thread task of 40 ms or more was made of (bench/traceTasks.ts).

import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Page } from '@playwright/test'
// @ts-expect-error: a plain .mjs helper shared with the e2e configuration
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium-path.mjs'
import { ensureFile, SIZES } from './generate'
import { filterChange, firstVisitJs, importFile, RECORDER, serve, type Recorded } from './page'
import { breakDownLongTasks } from './traceTasks'

const HERE = dirname(fileURLToPath(import.meta.url))
const ROOT = resolve(HERE, '..')
const OUT = resolve(HERE, 'out')
const PORT = Number(process.env.E2E_PORT ?? 4184)
const URL_BASE = `http://127.0.0.1:${PORT}/`

const args = process.argv.slice(2)
const tracing = args.includes('--trace')
const throttle = args.includes('--throttle') ? Number(args[args.indexOf('--throttle') + 1]) : 1
if (!(throttle >= 1)) throw new Error('--throttle takes a factor of 1 or more')
const DIST = `node_modules/.bench-dist-${PORT}${tracing ? '-unminified' : ''}`
const gtd = args.includes('--gtd')
const oneWorker = args.includes('--one-worker')
/** The 1M-row file with Afghanistan's provinces and coordinates: the map has regions and points. */
const mapFile = args.includes('--map')
const size = (args[args.indexOf('--size') + 1] ?? '1m').toLowerCase()
const rows = gtd ? 200_000 : args.includes('--size') ? SIZES[size] : SIZES['1m']
if (!rows) throw new Error(`unknown size ${size}: use ${Object.keys(SIZES).join(',')}`)

function build(): void {
  const minify = tracing ? ['--minify', 'false'] : []
  const result = spawnSync(
    'npx',
    ['vite', 'build', '--logLevel', 'warn', '--outDir', DIST, ...minify],
    { cwd: ROOT, stdio: 'inherit' },
  )
  if (result.status !== 0) throw new Error('vite build failed')
}

/**
 * Export CSV of every row (the filter left by filterChange cleared first): time from the click to
 * the download, its size, and the Long Tasks meanwhile.
 */
async function exportAll(
  page: Page,
): Promise<{ rows: number; ms: number; bytes: number; since: number }> {
  await page.evaluate(() => {
    const box = document.querySelector<HTMLInputElement>('.filter-panel input[type=checkbox]')
    if (box?.checked) box.click()
  })
  await page.waitForFunction(
    () => !document.querySelector('[data-testid=view-updating]')?.textContent?.trim(),
    undefined,
    { timeout: 5 * 60_000, polling: 50 },
  )
  const button = page.getByRole('button', { name: /Export CSV/ })
  const label = (await button.textContent()) ?? ''
  const since = await page.evaluate(() => performance.now())
  const start = Date.now()
  // Clicked from a task of the page's own: Playwright's click would wait out a frozen page.
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 15 * 60_000 }),
    page.evaluate(() => {
      setTimeout(() => {
        Array.from(document.querySelectorAll('button'))
          .find((b) => b.textContent?.includes('Export CSV'))
          ?.click()
      }, 0)
    }),
  ])
  const ms = Date.now() - start
  const bytes = statSync(await download.path()).size
  await download.delete()
  return { rows: Number(label.replace(/\D/g, '')), ms, bytes, since }
}

/** The figures are painted: the "Updating the figures" status is empty, and a frame went by. */
async function figuresPainted(page: Page): Promise<void> {
  await page.waitForFunction(
    () => !document.querySelector('[data-testid=view-updating]')?.textContent?.trim(),
    undefined,
    { timeout: 5 * 60_000, polling: 50 },
  )
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0))),
  )
}

/**
 * The imported dataset written to the browser's database: from `since` (the import's end) until the
 * page says it is stored, and the Long Tasks meanwhile. Waited for before the filter changes and
 * the export, so that neither is timed while the parts are written.
 */
async function stored(page: Page, since: number): Promise<{ ms: number; longestTaskMs: number }> {
  await page.waitForFunction(
    () =>
      document
        .querySelector('[data-testid=storage-status]')
        ?.textContent?.startsWith('Stored in this browser'),
    undefined,
    { timeout: 15 * 60_000, polling: 50 },
  )
  const storedAt = await page.evaluate(() => performance.now())
  const tasks = (
    (await page.evaluate(
      () => (window as unknown as { __longTasks: Recorded['longTasks'] }).__longTasks,
    )) as Recorded['longTasks']
  ).filter((task) => task.start >= since)
  return {
    ms: storedAt - since,
    longestTaskMs: tasks.reduce((max, task) => Math.max(max, task.duration), 0),
  }
}

/** A reload, until the stored rows are painted again (read from the browser's database). */
async function restored(page: Page): Promise<number> {
  const count = new Intl.NumberFormat('en-US').format(rows as number)
  const start = Date.now()
  await page.reload({ waitUntil: 'commit' })
  await page.waitForFunction(
    (text) => document.querySelector('[data-testid=row-count]')?.textContent === text,
    count,
    { timeout: 15 * 60_000, polling: 50 },
  )
  await figuresPainted(page)
  const ms = Date.now() - start
  // What the page took for each step of reading the store back (useStoredData's measures).
  const steps = (await page.evaluate(() =>
    performance
      .getEntriesByType('measure')
      .filter((m) => m.name.startsWith('restore: '))
      .map((m) => [m.name, Math.round(m.duration)]),
  )) as [string, number][]
  for (const [name, duration] of steps) console.log(`${name}: ${duration} ms`)
  return ms
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[sorted.length >> 1] ?? 0
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true })
  const file = ensureFile(OUT, gtd ? 'gtd' : mapFile ? 'map' : 'schema', rows as number)
  if (!args.includes('--no-build') || !existsSync(resolve(ROOT, DIST, 'index.html'))) build()
  const server = await serve(DIST, PORT)
  const browser = await chromium.launch({
    executablePath: (findChromium() as string | null) ?? undefined,
    args: CHROMIUM_ARGS as string[],
  })
  try {
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC' })
    const firstPage = await context.newPage()
    const js = await firstVisitJs(firstPage, URL_BASE, DIST)
    await firstPage.close()

    const page = await context.newPage()
    await page.addInitScript(RECORDER)
    // --one-worker: the page sees one core, so it reads the file with one worker (as before the
    // import read big files in two parts): the two ways compared on the same build.
    if (oneWorker) {
      const cdp = await context.newCDPSession(page)
      await cdp.send('Emulation.setHardwareConcurrencyOverride', { hardwareConcurrency: 1 })
    }
    await page.goto(URL_BASE, { waitUntil: 'networkidle' })
    if (throttle > 1) {
      const cdp = await context.newCDPSession(page)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle })
    }
    if (tracing)
      await browser.startTracing(page, {
        categories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'v8',
          'disabled-by-default-v8.cpu_profiler',
        ],
      })
    const imported = await importFile(page, file, rows as number, gtd)
    // Where the import's time went: the workers' steps and the page's, from the file chosen.
    console.log('import steps (ms from the file chosen: start + duration):')
    for (const [name, start, ms] of imported.steps) console.log(`  ${start} + ${ms}  ${name}`)
    console.log(`  ${Math.round(imported.end - imported.since)}  figures painted`)
    const recorded = (await page.evaluate(() => {
      const w = window as unknown as { __longTasks: Recorded['longTasks']; __progress: number[] }
      return { longTasks: w.__longTasks, progress: w.__progress }
    })) as Recorded
    const during = recorded.longTasks.filter((task) => task.start >= imported.since)
    const longest = during.reduce((max, task) => Math.max(max, task.duration), 0)
    const progressSteps = new Set(recorded.progress).size
    const tableRows = await page.evaluate(
      () =>
        document
          .querySelector('[data-testid=table-range]')
          ?.closest('section')
          ?.querySelectorAll('tbody tr').length ?? document.querySelectorAll('tbody tr').length,
    )
    // Keeping a file of more than a million rows in the browser is left out: --store keeps it.
    const storing = (rows as number) <= 1_000_000 || args.includes('--store')
    const save = storing ? await stored(page, imported.end) : null
    const filterTimes = await filterChange(page, 7)
    // The same clicks, until the map too shows the new view (its figures and its canvas), the
    // map scrolled into view first (it loads its library and boundaries when first shown).
    await page.getByTestId('map-card').scrollIntoViewIfNeeded()
    if (mapFile) await page.getByTestId('map-canvas').waitFor({ timeout: 5 * 60_000 })
    const mapTimes = await filterChange(page, 7, true)
    // Every other click ticks the box (a new selection, summed anew); the others untick it, back
    // to every row, whose figures the page remembers.
    const newViews = [...filterTimes.figures, ...mapTimes.figures].filter((_, i) => i % 2 === 0)
    if (tracing) {
      const trace = await browser.stopTracing()
      writeFileSync(resolve(OUT, 'trace.json'), trace)
      const tasks = breakDownLongTasks(JSON.parse(trace.toString('utf8')))
      console.log(`Main-thread tasks of 40 ms or more (bench/out/trace.json):`)
      for (const task of tasks) {
        console.log(`\n${task.ms} ms at ${task.at} ms`)
        console.log(`  work: ${task.work.map(([name, ms]) => `${name} ${ms}`).join(', ')}`)
        for (const [name, ms] of task.functions) console.log(`  ${ms} ms  ${name}`)
        console.log('  with what they call:')
        for (const [name, ms] of task.inclusive.slice(0, 15)) console.log(`  ${ms} ms  ${name}`)
      }
      console.log('')
    }
    // Above a million rows the export (a download over 1 GB) is left out: --export keeps it.
    const exporting = (rows as number) <= 1_000_000 || args.includes('--export')
    const exported = exporting
      ? await exportAll(page)
      : { rows: 0, ms: 0, bytes: 0, since: Number.POSITIVE_INFINITY }
    const exportTasks = (
      (await page.evaluate(
        () => (window as unknown as { __longTasks: Recorded['longTasks'] }).__longTasks,
      )) as Recorded['longTasks']
    ).filter((task) => task.start >= exported.since)
    const exportLongest = exportTasks.reduce((max, task) => Math.max(max, task.duration), 0)
    const restoreMs = save ? await restored(page) : null
    const kept =
      save && restoreMs !== null
        ? { storedMs: save.ms, longestTaskMs: save.longestTaskMs, restoreMs }
        : null
    const report = {
      machine: { chromium: browser.version(), node: process.version, cpuThrottling: throttle },
      date: new Date().toISOString(),
      file: { path: file.slice(OUT.length + 1), rows, bytes: statSync(file).size },
      firstVisitJs: js,
      import: {
        ms: imported.ms,
        longTasks: during.length,
        longestTaskMs: longest,
        longTasksOver50ms: during.filter((task) => task.duration > 50).length,
        progressValuesSeen: progressSteps,
      },
      filterChangeMs: { median: median(filterTimes.frame), all: filterTimes.frame },
      filterFiguresMs: { median: median(filterTimes.figures), all: filterTimes.figures },
      filterMapMs: { median: median(mapTimes.figures), all: mapTimes.figures },
      filterNewViewMs: { median: median(newViews), all: newViews },
      tableDomRows: tableRows,
      export: {
        rows: exported.rows,
        ms: exported.ms,
        bytes: exported.bytes,
        longTasks: exportTasks.length,
        longestTaskMs: exportLongest,
      },
      storage: kept,
    }
    const kb = (bytes: number) => (bytes / 1024).toFixed(1)
    console.log(`| measure | value | target |`)
    console.log(`|---|---|---|`)
    console.log(
      `| first-visit JS, gzip | ${kb(js.total)} KB (${js.files.length} files) | <= 150 KB |`,
    )
    console.log(
      `| import ${report.file.path} (${(report.file.bytes / 1e6).toFixed(0)} MB) | ${(imported.ms / 1000).toFixed(1)} s | - |`,
    )
    console.log(
      `| longest main-thread task while importing | ${longest.toFixed(0)} ms (${during.length} long tasks) | <= 50 ms |`,
    )
    console.log(`| progress bar values seen | ${progressSteps} | moves all along |`)
    console.log(
      `| filter change to next frame (median of ${filterTimes.frame.length}) | ${median(filterTimes.frame).toFixed(0)} ms | <= 100 ms |`,
    )
    console.log(
      `| filter change until the new figures are painted (median) | ${median(filterTimes.figures).toFixed(0)} ms | <= 100 ms |`,
    )
    console.log(
      `| filter change until the figures and the map are painted (median) | ${median(mapTimes.figures).toFixed(0)} ms | as the figures |`,
    )
    console.log(
      `| the same, only the clicks to a view not computed before (median of ${newViews.length}) | ${median(newViews).toFixed(0)} ms | <= 100 ms |`,
    )
    console.log(`| incident table DOM rows | ${tableRows} | bounded |`)
    if (exporting)
      console.log(
        `| Export CSV of ${exported.rows} rows (${(exported.bytes / 1e6).toFixed(0)} MB) | ${(exported.ms / 1000).toFixed(1)} s | - |`,
      )
    if (exporting)
      console.log(
        `| longest main-thread task while exporting | ${exportLongest.toFixed(0)} ms (${exportTasks.length} long tasks) | <= 50 ms |`,
      )
    if (kept)
      console.log(
        `| stored in the browser, from the import's end | ${(kept.storedMs / 1000).toFixed(1)} s (longest task meanwhile ${kept.longestTaskMs.toFixed(0)} ms) | - |`,
      )
    if (kept)
      console.log(
        `| reload until the stored rows are painted | ${(kept.restoreMs / 1000).toFixed(1)} s | <= 5 s |`,
      )
    console.log(
      `\nChromium ${browser.version()}${throttle > 1 ? `, CPU throttled ${throttle}x` : ''}`,
    )
    writeFileSync(resolve(OUT, 'browser.json'), `${JSON.stringify(report, null, 2)}\n`)
    console.log(`written ${resolve(OUT, 'browser.json')}`)
  } finally {
    await browser.close()
    if (server.pid) process.kill(-server.pid)
  }
}

await main()
