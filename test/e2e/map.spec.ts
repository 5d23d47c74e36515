import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { readFileSync, writeFileSync } from 'node:fs'
import { loadCsv } from '../../src/core/load/loader'
import { summarizePlaces } from '../../src/core/view/placeSums'
import { allRows } from '../../src/core/view/filter'
import { buildMapModel } from '../../src/core/chart/mapModel'
import { formatCount } from '../../src/core/format'

const mapCard = (page: Page) => page.getByTestId('map-card')
const mapTable = (page: Page) => page.getByTestId('map-table')

/** The shipped data's figures per province, as the map's table must list them. */
function shippedProvinces() {
  const store = loadCsv(readFileSync('data/attacks.csv')).store!
  const sums = summarizePlaces(store, allRows(store))
  const regions = ['Kabul', 'Kunduz', 'Kandahar', 'Nangarhar'].map((name) => ({
    country: 'Afghanistan',
    name,
  }))
  return buildMapModel(sums, regions, 'killed').regions
}

test('the map names the shipped provinces with their figures, and a click filters to one', async ({
  page,
}) => {
  const scripts: string[] = []
  page.on('request', (request) => scripts.push(request.url()))
  await page.goto('./')
  const card = mapCard(page)
  await expect(card.getByTestId('map-table')).toBeAttached()
  // Below the fold, the map's library and boundaries are not loaded yet.
  expect(scripts.filter((url) => /MapCanvas|world|\/Afghanistan-/.test(url))).toEqual([])
  await card.scrollIntoViewIfNeeded()
  await expect(page.getByTestId('map-canvas')).toBeVisible()
  await expect(card.getByTestId('map-attribution')).toContainText('geoBoundaries')
  await card.getByRole('button', { name: /Show as table/ }).click()
  const table = mapTable(page)
  await expect(table).toBeVisible()
  for (const region of shippedProvinces()) {
    const row = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: region.name, exact: true }) })
    await expect(row).toHaveCount(1)
    await expect(row.getByRole('cell').nth(0)).toHaveText(formatCount(region.incidents))
    await expect(row.getByRole('cell').nth(1)).toHaveText(
      region.killed.quantifiedRows > 0 ? formatCount(region.killed.min) : 'none given',
    )
  }
  await page.screenshot({ path: 'test-results/map-table.png', fullPage: true })
  await card.getByRole('button', { name: /Show as map/ }).click()

  // A click on Kunduz on the canvas filters the view to it, and the filter is in the URL.
  const canvas = page.getByTestId('map-canvas')
  await expect(canvas).toHaveAttribute('data-centres', /Kunduz/)
  await card.screenshot({ path: 'test-results/map-card.png' })
  const centres = JSON.parse((await canvas.getAttribute('data-centres')) ?? '{}') as Record<
    string,
    [number, number]
  >
  // The publication PNG and the table's CSV download.
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('button', { name: 'Download map PNG (map by province)' }).click(),
  ])
  expect(png.suggestedFilename()).toBe('killed-by-province.png')
  const pngBytes = readFileSync((await png.path())!)
  expect(pngBytes.subarray(1, 4).toString()).toBe('PNG')
  writeFileSync('test-results/map-publication.png', pngBytes)
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('button', { name: 'Download table CSV (map by province)' }).click(),
  ])
  expect(readFileSync((await csv.path())!, 'utf8')).toContain('"Kunduz","1","51",""')
  const [x, y] = centres.Kunduz!
  await canvas.click({ position: { x, y } })
  await expect(page).toHaveURL(/place=Kunduz/)
  await expect(page.getByTestId('view-row-count')).toHaveText('1')
  await card.getByRole('button', { name: /Show as table/ }).click()
  await expect(table.getByRole('rowheader')).toHaveText(['Kunduz'])
})

test('a UCDP file with mixed where_prec: only exact rows are points, the others count in their province', async ({
  page,
}) => {
  await page.goto('./')
  await page.getByLabel('Import CSV').setInputFiles('test/fixtures/ucdp-ged-where-prec.csv')
  const form = page.getByRole('form', { name: /Map the columns of ucdp-ged-where-prec\.csv/ })
  await form.getByRole('button', { name: 'Load with this mapping' }).click()
  await expect(page.getByTestId('row-count')).toHaveText('7')
  const card = mapCard(page)
  await card.scrollIntoViewIfNeeded()
  await expect(page.getByTestId('map-canvas')).toBeVisible()
  // where_prec 1 (Kunduz town, Kabul city): points; 2, 4 and 6: not drawn.
  const points = card.getByTestId('map-points')
  await expect(points).toContainText('2 points where the source gives the exact location')
  await expect(points).toContainText('36.729, 68.868')
  await expect(points).toContainText('34.555, 69.207')
  await expect(points).not.toContainText('34.290')
  await expect(card.getByTestId('map-notes')).toContainText(
    '5 rows with coordinates that the source gives only for an area',
  )
  await expect(card.getByTestId('map-notes')).toContainText('1 row gives no province')
  await expect(card.getByTestId('map-unmatched')).toContainText(
    '1 row with a province the map does not know: Toraboraa province, Afghanistan (1)',
  )
  await card.getByRole('button', { name: /Show as table/ }).click()
  const table = mapTable(page)
  // The province-level rows (where_prec 4, "Hilmand" matched to Helmand) are in their province.
  const expected: [string, string, string][] = [
    ['Kunduz', '46', '72'],
    ['Kabul', '19', '25'],
    ['Helmand', '10', '15'],
    ['Ghazni', '8', '12'],
    ['Nangarhar', '6', '9'],
  ]
  await expect(table.getByRole('rowheader')).toHaveText(expected.map(([name]) => name))
  for (const [name, min, max] of expected) {
    const row = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name, exact: true }) })
    await expect(row.getByRole('cell').nth(1)).toHaveText(min)
    await expect(row.getByRole('cell').nth(2)).toHaveText(max)
  }
  await card.getByRole('button', { name: /Show as map/ }).click()
  await card.screenshot({ path: 'test-results/map-ucdp.png' })
  const axe = await new AxeBuilder({ page }).include('[data-testid="map-card"]').analyze()
  expect(axe.violations).toEqual([])
})

// A real ACLED export of Burkina Faso written by R (test/fixtures/real/README.md says where it came
// from): ACLED's admin1 is Burkina Faso's 13 regions, which the map draws (Natural Earth's 45
// provinces merged into them), loading that country's boundaries and names only now.
test('an ACLED export of Burkina Faso is drawn on its regions', async ({ page }) => {
  const regionFiles: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/assets/regions/')) regionFiles.push(request.url())
  })
  await page.goto('./')
  await page.getByLabel('Import CSV').setInputFiles('test/fixtures/real/acled-r-export.csv')
  const form = page.getByRole('form', { name: /Map the columns of acled-r-export\.csv/ })
  await form.getByRole('button', { name: 'Load with this mapping' }).click()
  await expect(page.getByTestId('row-count')).toHaveText('25')
  const card = mapCard(page)
  await card.scrollIntoViewIfNeeded()
  await expect(page.getByTestId('map-canvas')).toBeVisible()
  await expect(card.getByTestId('map-unmatched')).toHaveCount(0)
  await card.getByRole('button', { name: /Show as table/ }).click()
  const table = mapTable(page)
  // Killed per region: the sum of ACLED's fatalities (a reported 0 is a zero, not "not given").
  const expected: [string, string][] = [
    ['Centre-Nord', '14'],
    ['Boucle du Mouhoun', '3'],
    ['Sahel', '2'],
    ['Centre', '1'],
  ]
  for (const [name, killed] of expected) {
    const row = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name, exact: true }) })
    await expect(row.getByRole('cell').nth(1)).toHaveText(killed)
  }
  for (const name of ['Nord', 'Est', 'Centre-Est']) {
    const row = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name, exact: true }) })
    await expect(row.getByRole('cell').nth(1)).toHaveText('0')
  }
  expect(regionFiles.some((url) => /Burkina(%20|\s)Faso/.test(url))).toBe(true)
  await card.getByRole('button', { name: /Show as map/ }).click()
  await card.screenshot({ path: 'test-results/map-burkina-faso.png' })
})

test.describe('on a phone in dark mode', () => {
  test.use({ colorScheme: 'dark', viewport: { width: 375, height: 800 } })
  test('the map fits the width, keeps its legend and passes axe', async ({ page }) => {
    await page.goto('./')
    const card = mapCard(page)
    await card.scrollIntoViewIfNeeded()
    const canvas = page.getByTestId('map-canvas')
    await expect(canvas).toBeVisible()
    const box = await canvas.boundingBox()
    expect(box!.x).toBeGreaterThanOrEqual(0)
    expect(box!.x + box!.width).toBeLessThanOrEqual(375)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await expect(card.getByTestId('map-legend')).toContainText('No data')
    // Keyboard: the map takes focus, the arrow keys go from province to province, Enter filters.
    await canvas.focus()
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/place=Kabul/)
    await card.screenshot({ path: 'test-results/map-375-dark.png' })
    const axe = await new AxeBuilder({ page }).include('[data-testid="map-card"]').analyze()
    expect(axe.violations).toEqual([])
  })
})
