/// <reference lib="dom" />
// The page in Chromium, for bench/browser.ts and bench/peers.ts: serving a production build,
// the JavaScript of a first visit, importing a file through the "Import CSV" input and timing a
// filter change frame by frame.

import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import type { Page } from '@playwright/test'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** Serves the build in `dist` with vite preview on `port`; resolves once `page` answers. */
export async function serve(dist: string, port: number, page = ''): Promise<ChildProcess> {
  const base = `http://127.0.0.1:${port}/`
  const server = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--outDir',
      dist,
      '--port',
      String(port),
      '--strictPort',
      '--host',
      '127.0.0.1',
    ],
    { cwd: ROOT, stdio: 'ignore', detached: true },
  )
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base + page)).ok) return server
    } catch {
      // not up yet
    }
    await new Promise((done) => setTimeout(done, 200))
  }
  throw new Error(`vite preview did not answer on ${base}`)
}

/** The JavaScript a first visit loads, by URL, with each file's gzip size from the build. */
export async function firstVisitJs(
  page: Page,
  base: string,
  dist: string,
): Promise<{ files: { path: string; gzip: number }[]; total: number }> {
  const urls = new Set<string>()
  page.on('request', (request) => {
    if (request.resourceType() === 'script' || request.url().endsWith('.js'))
      urls.add(request.url())
  })
  await page.goto(base, { waitUntil: 'networkidle' })
  const files = [...urls]
    .filter((url) => url.startsWith(base))
    .map((url) => {
      const path = new URL(url).pathname.replace(/^\//, '')
      const bytes = readFileSync(resolve(ROOT, dist, path))
      return { path, gzip: gzipSync(bytes, { level: 9 }).length }
    })
  return { files, total: files.reduce((sum, file) => sum + file.gzip, 0) }
}

// Long Tasks and progress-bar values, recorded in the page from its first script on.
export const RECORDER = `
  window.__longTasks = []
  window.__progress = []
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration })
  }).observe({ type: 'longtask', buffered: true })
  setInterval(() => {
    const bar = document.querySelector('progress')
    if (bar) window.__progress.push(Number(bar.value))
  }, 50)
`

export interface Recorded {
  longTasks: { start: number; duration: number }[]
  progress: number[]
}

/**
 * Arms a watch in the page for the end of an import: our page's (`ours`: no progress bar, the row
 * count `count` shown, the "Updating the figures" status empty) or DuckDB-WASM's (`peer`: its state
 * "done", once its figures are in the page), then one more frame painted. Tested at each change of
 * the page's DOM (a MutationObserver), never polled: a poll wakes the page's main thread every
 * interval or every frame, and adds up to its interval. The same afternoon, DuckDB-WASM's import
 * of the 1M-row file measured 3.7-4.1 s under a 50 ms poll, 3.3-3.7 s under a poll at every
 * frame, 3.2-3.4 s watched this way (ours 2.7-3.0 s, 2.6-3.1 s, 2.5-2.6 s).
 * Returns the page's time when armed; paintedAt() gives the time of that painted frame.
 */
export async function watchPainted(
  page: Page,
  which: 'ours' | 'peer',
  count = '',
): Promise<number> {
  return page.evaluate(
    ([which, count]) => {
      const done =
        which === 'peer'
          ? () => document.querySelector('[data-testid=state]')?.textContent === 'done'
          : () =>
              !document.querySelector('progress') &&
              document.querySelector('[data-testid=row-count]')?.textContent === count &&
              !document.querySelector('[data-testid=view-updating]')?.textContent?.trim()
      const scope = window as unknown as { __painted: Promise<number> }
      scope.__painted = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (!done()) return
          observer.disconnect()
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0))
        })
        observer.observe(document, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        })
      })
      return performance.now()
    },
    [which, count] as const,
  )
}

/** The page's time of the painted frame that watchPainted waits for (at most 15 minutes). */
export async function paintedAt(page: Page): Promise<number> {
  const painted = page.evaluate(
    () => (window as unknown as { __painted: Promise<number> }).__painted,
  )
  const late = new Promise<never>((_, fail) =>
    setTimeout(() => fail(new Error('no painted figures after 15 minutes')), 15 * 60_000).unref(),
  )
  return Promise.race([painted, late])
}

/** Imports `path` (of `rows` rows) through the page's Import input, until its figures are painted. */
export async function importFile(
  page: Page,
  path: string,
  rows: number,
  gtd = false,
): Promise<{ ms: number; since: number; end: number; steps: [string, number, number][] }> {
  const input = page.getByLabel('Import CSV', { exact: true }).and(page.locator('input[type=file]'))
  // As a person must, the pointer goes to "Import CSV" before a file is chosen (the file dialog
  // then stays open for seconds; here half of one): the page starts its import workers then.
  await page.locator('label.file-button').hover()
  await page.waitForTimeout(500)
  const count = new Intl.NumberFormat('en-US').format(rows)
  // Big views update in steps after the row count shows: watchPainted waits for those too.
  const since = await watchPainted(page, 'ours', count)
  await input.setInputFiles(path)
  // A GTD export goes through the column mapping step, as the page proposes it.
  if (gtd) await page.getByRole('button', { name: 'Load with this mapping' }).click()
  const end = await paintedAt(page)
  return { ms: Math.round(end - since), since, end, steps: await importSteps(page, since) }
}

/**
 * The import's steps as the page keeps them (`import: …` measures: the workers' steps and the
 * page's), each as [name, start, duration] in ms from `since`, in order of their start.
 */
export async function importSteps(page: Page, since: number): Promise<[string, number, number][]> {
  const steps = (await page.evaluate(() =>
    performance
      .getEntriesByType('measure')
      .filter((entry) => entry.name.startsWith('import: '))
      .map((entry) => [entry.name.slice(8), entry.startTime, entry.duration]),
  )) as [string, number, number][]
  return steps
    .filter(([, start]) => start >= since)
    .map(([name, start, ms]): [string, number, number] => [
      name,
      Math.round(start - since),
      Math.round(ms),
    ])
    .sort((a, b) => a[1] - b[1])
}

/**
 * Click a filter checkbox `times` times; per click, the time to the first frame painted after it,
 * and to the first frame painted with the new figures (the "Updating the figures" status empty).
 * Frame by frame: a requestAnimationFrame callback sees the DOM that frame paints, and a timeout
 * set from it runs once that frame is painted.
 */
export async function filterChange(
  page: Page,
  times: number,
  /** Also wait for the map: its canvas drawn with the new view's figures. */
  map = false,
): Promise<{ frame: number[]; figures: number[] }> {
  const results = { frame: [] as number[], figures: [] as number[] }
  for (let i = 0; i < times; i++) {
    // No named functions inside evaluate: tsx wraps them in a `__name` helper the page lacks.
    const ms = await page.evaluate(async (withMap) => {
      const box = document.querySelector<HTMLInputElement>('.filter-panel input[type=checkbox]')
      if (!box) return [-1, -1]
      const start = performance.now()
      box.click()
      let frame = -1
      for (let frames = 0; frames < 600; frames++) {
        const shown = await new Promise<boolean>((done) =>
          requestAnimationFrame(() => {
            const busy =
              document.querySelector('[data-testid=view-updating]')?.textContent?.trim() ||
              (withMap && document.querySelector('[data-testid=map-card] [aria-busy=true]'))
            setTimeout(() => done(!busy), 0)
          }),
        )
        const now = performance.now() - start
        if (frame < 0) frame = now
        if (shown) return [frame, now]
      }
      return [frame, -1]
    }, map)
    results.frame.push(ms[0] ?? -1)
    results.figures.push(ms[1] ?? -1)
    await page.waitForTimeout(300)
  }
  return results
}
