import { expect, test, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { pngSize, readPngText } from '../../src/core/export/pngText'
import { loadCsv } from '../../src/core/load/loader'

// Publishing: honest table downloads, the chart PNG for an article, the embed, the link and the
// page title, and data loaded from a link (?data=) from a local server with and without CORS.

const shippedMeta = JSON.parse(readFileSync('data/attacks.meta.json', 'utf8')) as {
  title: string
}

test.use({ contextOptions: { reducedMotion: 'reduce' } })

async function download(page: Page, name: RegExp | string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name }).click(),
  ])
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) }
}

const groupCard = (page: Page) =>
  page.locator('#by-group-title').locator('xpath=ancestor::section[1]')

test('the table CSV leaves a figure no row gives empty, never 0', async ({ page }) => {
  await page.goto('./')
  const { bytes } = await download(page, 'Download table CSV (by target group)')
  const lines = bytes.toString('utf8').trim().split(/\r?\n/)
  const header = lines[0]!.split(',').map((key) => key.replace(/"/g, ''))
  const shipped = loadCsv(readFileSync('data/attacks.csv')).store!.records()
  for (const line of lines.slice(1)) {
    const cells = line.split(',').map((cell) => cell.replace(/"/g, ''))
    const group = cells[0]!
    const rows = shipped.filter((r) => r.target_group === group)
    for (const measure of ['killed', 'injured'] as const) {
      const given = rows.filter((r) => r[`${measure}_min`] !== null)
      const min = cells[header.indexOf(`${measure}_min`)]
      if (given.length === 0) expect(min, `${group} ${measure}_min`).toBe('')
      else expect(Number(min)).toBe(given.reduce((sum, r) => sum + r[`${measure}_min`]!, 0))
    }
  }
})

test('Copy link copies the view; the page title follows the view', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('./?place=Kabul&from=2021&to=2021')
  await expect(page).toHaveTitle(`Killed by target group, Kabul, 2021 — ${shippedMeta.title}`)
  await page.getByRole('button', { name: 'Copy link' }).click()
  await expect(page.getByText('Link copied')).toBeVisible()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toBe(page.url())
  expect(new URL(copied).searchParams.get('place')).toBe('Kabul')
})

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the chart PNG is made for an article (page in ${colorScheme} mode)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme })
    await page.goto('./?group=civilians')
    const card = groupCard(page)
    await card.getByRole('button', { name: /Edit title/ }).click()
    await card.getByRole('textbox', { name: 'Title in the PNG and embed' }).fill('Civilians killed')
    const { name, bytes } = await download(page, 'Download chart PNG (by target group)')
    expect(name).toBe('killed-injured-by-target-group.png')
    const size = pngSize(new Uint8Array(bytes))
    expect(size?.width).toBeGreaterThanOrEqual(1200)
    const text = readPngText(new Uint8Array(bytes))
    expect(text.Title).toBe('Civilians killed')
    expect(text.Description).toContain('Only target group civilians.')
    expect(text.Source).toContain('Source: src-000')
    expect(text.Source).toContain(shippedMeta.title)
    expect(text.Comment).toBe(page.url())
    // Light whatever the page's theme: the corner pixel is white.
    const corner = await page.evaluate(async (base64) => {
      const image = new Image()
      image.src = `data:image/png;base64,${base64}`
      await image.decode()
      const canvas = document.createElement('canvas')
      canvas.width = image.width
      canvas.height = image.height
      const ctx = canvas.getContext('2d')!
      ctx.drawImage(image, 0, 0)
      return [...ctx.getImageData(2, 2, 1, 1).data]
    }, bytes.toString('base64'))
    expect(corner).toEqual([255, 255, 255, 255])
  })
}

async function embedAddressOf(page: Page): Promise<string> {
  const card = groupCard(page)
  await card.getByRole('button', { name: /^Embed/ }).click()
  const code = (await card.getByTestId('embed-code').textContent()) ?? ''
  expect(code).toMatch(/^<iframe /)
  const src = /src="([^"]+)"/.exec(code)?.[1] ?? ''
  return src.replace(/&amp;/g, '&')
}

for (const width of [320, 1200]) {
  test(`the embed shows one chart with its filters alone, at ${width} px`, async ({ page }) => {
    await page.goto('./?place=Kunduz')
    const address = await embedAddressOf(page)
    expect(new URL(address).searchParams.get('embed')).toBe('by-group')
    await page.setViewportSize({ width, height: 800 })
    await page.goto(address)
    await expect(
      page.getByRole('heading', { name: /Killed and injured by target group/ }),
    ).toBeVisible()
    await expect(page.locator('canvas')).toHaveCount(1)
    await expect(page.getByText(/^Sources?: /)).toBeVisible()
    await expect(page.getByTestId('embed-filters')).toHaveText('Only province Kunduz.')
    await expect(page.getByRole('searchbox')).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Reset filters' })).toHaveCount(0)
    const back = page.getByTestId('embed-full-view')
    const href = (await back.getAttribute('href')) ?? ''
    expect(new URL(href).searchParams.get('embed')).toBeNull()
    expect(new URL(href).searchParams.get('place')).toBe('Kunduz')
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow).toBeLessThanOrEqual(0)
  })
}

test('the embed snippet resizes its iframe to the chart', async ({ page }) => {
  await page.goto('./')
  const card = groupCard(page)
  await card.getByRole('button', { name: /^Embed/ }).click()
  const code = (await card.getByTestId('embed-code').textContent()) ?? ''
  await page.setContent(`<!doctype html><body style="margin:0;width:360px">${code}</body>`)
  const frame = page.locator('iframe')
  await expect(frame).toHaveAttribute('height', '520')
  await expect
    .poll(async () => frame.evaluate((f) => f.style.height), { timeout: 20_000 })
    .toMatch(/^\d+px$/)
  const inner = page.frameLocator('iframe')
  await expect(inner.getByRole('heading', { name: /Killed and injured/ })).toBeVisible()
})

// A small server for ?data=: the same CSV with and without the CORS header, and its description.
const CSV = [
  'incident_id,date,target_group,killed_min,killed_max,injured_min,injured_max,killed_text,injured_text,source',
  'L1,2022-03,civilians,7,7,,,seven people,,url-test',
  'L2,2022-04,police,,,2,2,many,two,url-test',
  'L3,2022-04,civilians,3,,,,at least three,,url-test',
].join('\n')

let server: Server
let origin = ''
test.beforeAll(async () => {
  server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0]
    const cors = path?.startsWith('/cors/') ?? false
    const headers: Record<string, string> = cors ? { 'Access-Control-Allow-Origin': '*' } : {}
    if (path?.endsWith('/linked.csv')) {
      response.writeHead(200, { ...headers, 'Content-Type': 'text/csv' })
      response.end(CSV)
    } else if (path?.endsWith('/linked.meta.json')) {
      response.writeHead(200, { ...headers, 'Content-Type': 'application/json' })
      response.end(JSON.stringify({ title: 'Linked test data', description: 'Three rows.' }))
    } else {
      response.writeHead(404, headers)
      response.end('not here')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

test('?data= loads a CSV from a server that allows it, and the link keeps it', async ({ page }) => {
  const data = `${origin}/cors/linked.csv`
  await page.goto(`./?data=${encodeURIComponent(data)}`)
  await expect(page.getByTestId('import-summary')).toContainText(
    '3 rows loaded, 0 rows with issues',
  )
  await expect(page.getByTestId('kpi-killed')).toHaveText('at least 10')
  await expect(page).toHaveTitle('Killed by target group — Linked test data')
  // A filter click rewrites the view's query and keeps the data's address.
  await page.getByRole('button', { name: /Show as table.*by target group/ }).click()
  await page.getByRole('button', { name: 'Show only police' }).click()
  await expect(page).toHaveURL(/group=police/)
  expect(new URL(page.url()).searchParams.get('data')).toBe(data)
  await expect(page.getByTestId('kpi-killed')).toHaveText('not quantified')
  // Opened again, the link gives the same data and view.
  await page.reload()
  await expect(page.getByTestId('kpi-injured')).toHaveText('2')
})

test('?data= explains a refusal: CORS, and a missing file', async ({ page }) => {
  await page.goto(`./?data=${encodeURIComponent(`${origin}/plain/linked.csv`)}`)
  const error = page.getByTestId('data-url-error')
  await expect(error).toContainText('Access-Control-Allow-Origin')
  await expect(error).toContainText('CORS')
  await error.getByRole('button', { name: 'Show the shipped data instead' }).click()
  await expect(page.getByTestId('kpi-killed')).toContainText('at least')

  await page.goto(`./?data=${encodeURIComponent(`${origin}/cors/missing.csv`)}`)
  await expect(page.getByTestId('data-url-error')).toContainText('404')

  await page.goto('./?data=javascript:alert(1)')
  await expect(page.getByTestId('data-url-error')).toContainText('not an http or https address')
})

test('the page has a link preview from the dataset’s description, with a built image', async ({
  page,
  request,
}) => {
  const meta = JSON.parse(readFileSync('data/attacks.meta.json', 'utf8')) as {
    title: string
    description: string
  }
  const html = await (await request.get('./')).text()
  const content = (key: string) =>
    new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1]
  const unescape = (text = '') => text.replace(/&#39;/g, "'").replace(/&quot;/g, '"')
  expect(unescape(content('og:title'))).toBe(meta.title)
  expect(unescape(content('og:description'))).toBe(meta.description)
  expect(content('twitter:card')).toBe('summary_large_image')
  const image = await request.get(content('og:image') ?? '')
  expect(image.ok()).toBe(true)
  expect(pngSize(new Uint8Array(await image.body()))).toEqual({ width: 1200, height: 630 })
  // On the page, the title follows the view.
  await page.goto('./?metric=injured')
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
    'content',
    `Injured by target group — ${meta.title}`,
  )
})

test('the data’s description downloads beside the exported CSV', async ({ page }) => {
  await page.goto('./')
  // The description's button is in the export options, beside the format choices.
  await page.getByRole('button', { name: /^Export options/ }).click()
  const { name, bytes } = await download(page, 'Description (.meta.json)')
  expect(name).toMatch(/^casualties-all-\d{4}-\d{2}-\d{2}\.meta\.json$/)
  expect(JSON.parse(bytes.toString('utf8'))).toEqual(
    JSON.parse(readFileSync('data/attacks.meta.json', 'utf8')),
  )
})

// The preview image is made from the embed of the chart over time, 1,200 x 630 px (the size link
// previews use). `npm run screenshots` writes it to public/; `npm test` to test-results/ only.
test('screenshot: the link preview image', async ({ page }) => {
  const path = process.env.SCREENSHOT_DIR ? 'public/og-image.png' : 'test-results/og-image.png'
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 1200, height: 630 })
  await page.goto('./?embed=over-time')
  await expect(page.locator('canvas')).toBeVisible()
  await page.screenshot({ path, clip: { x: 0, y: 0, width: 1200, height: 630 } })
  expect(pngSize(new Uint8Array(readFileSync(path)))).toEqual({ width: 1200, height: 630 })
})
