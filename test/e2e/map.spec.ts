import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
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
  await page.goto('./')
  await expect(page.getByTestId('map-canvas')).toBeVisible()
  const card = mapCard(page)
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
  const [x, y] = centres.Kunduz!
  await canvas.click({ position: { x, y } })
  await expect(page).toHaveURL(/place=Kunduz/)
  await expect(page.getByTestId('view-row-count')).toHaveText('1')
  await card.getByRole('button', { name: /Show as table/ }).click()
  await expect(table.getByRole('rowheader')).toHaveText(['Kunduz'])
})
