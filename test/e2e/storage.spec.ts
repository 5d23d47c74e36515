// The user's work kept in the browser: an import, an accepted row, rows added and edited by hand
// come back after a reload; Undo steps back; a file without a valid row leaves the data; two tabs
// see each other's changes; "Delete data stored in this browser" forgets everything.
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadCsv } from '../../src/core/load/loader'

const HEADER = 'incident_id,date,target_group,killed_min,killed_max,injured_min,injured_max'
const shippedRows = loadCsv(readFileSync('data/attacks.csv')).summary.rowsLoaded

function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'storage-e2e-')), name)
  writeFileSync(path, content)
  return path
}

const rowCount = (page: Page) => page.getByTestId('row-count')
const storageStatus = (page: Page) => page.getByTestId('storage-status')

/** The headline figures, as the page shows them. */
async function figures(page: Page): Promise<string[]> {
  return Promise.all(
    ['kpi-incidents', 'kpi-killed', 'kpi-injured'].map((id) => page.getByTestId(id).innerText()),
  )
}

async function exportBytes(page: Page): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Export CSV/ }).click(),
  ])
  return readFileSync(await download.path())
}

async function saved(page: Page): Promise<void> {
  await expect(storageStatus(page)).toContainText('Stored in this browser')
}

test.beforeEach(async ({ page }) => {
  await page.goto('./')
  await expect(rowCount(page)).toHaveText(String(shippedRows))
})

test('an imported file comes back after a reload: same figures, same export bytes', async ({
  page,
}) => {
  await page.getByLabel('Import CSV').setInputFiles('test/fixtures/bad-rows.csv')
  await expect(page.getByTestId('import-summary')).toContainText('rows loaded')
  await saved(page)
  const before = await figures(page)
  const bytes = await exportBytes(page)

  await page.reload()
  await expect(page.getByText(/rows from bad-rows\.csv/)).toBeVisible()
  expect(await figures(page)).toEqual(before)
  expect((await exportBytes(page)).equals(bytes)).toBe(true)
  await expect(page.getByRole('button', { name: 'Add a row' })).toBeVisible()
  await expect(
    page.getByRole('button', { name: 'Delete data stored in this browser' }),
  ).toBeVisible()
  await expect(storageStatus(page)).toContainText(/persistent storage (granted|not granted)/)
  await page.screenshot({ path: 'test-results/storage-restored.png', fullPage: true })

  // The list names it with its rows; the import report is kept with it.
  await page.getByText('Datasets in this browser (2)').click()
  await expect(page.getByTestId('stored-dataset')).toHaveCount(1)
  await expect(page.getByTestId('stored-dataset')).toContainText('bad-rows.csv')
  await expect(page.getByText(/Import report of this dataset/)).toBeVisible()
  const axe = await new AxeBuilder({ page }).include('.datasets-panel').analyze()
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([])
})

test('a row accepted from text is still there after a reload', async ({ page }) => {
  await page.getByRole('tab', { name: 'From text' }).click()
  await page
    .getByLabel('Report text')
    .fill(
      'KUNDUZ (Wire) - Two explosions tore through a crowded market in Kunduz on 2 June 2022, ' +
        'killing thirteen people and injuring almost 50, according to a hospital official.',
    )
  await page.getByRole('button', { name: 'Find casualty figures' }).click()
  await page.getByRole('button', { name: 'Accept proposal 1' }).click()
  await page.getByRole('tab', { name: 'Dashboard' }).click()
  await expect(rowCount(page)).toHaveText(String(shippedRows + 1))
  await saved(page)

  await page.reload()
  await expect(rowCount(page)).toHaveText(String(shippedRows + 1))
  // The shipped dataset itself is untouched and can be opened again.
  await page.getByText(/Datasets in this browser/).click()
  await page.getByRole('button', { name: 'Open data/attacks.csv', exact: true }).click()
  await expect(rowCount(page)).toHaveText(String(shippedRows))
})

test('add a row, edit it, undo the edit; a bad field is named as an import names it', async ({
  page,
}) => {
  await page.getByRole('button', { name: 'Add a row' }).click()
  const editor = page.getByTestId('row-editor')
  await editor.getByLabel('incident_id', { exact: true }).fill('HAND-1')
  await editor.getByLabel('date', { exact: true }).fill('2022-13')
  await editor.getByLabel('target_group', { exact: true }).fill('civilians')
  await editor.getByLabel('location', { exact: true }).fill('Handtown')
  await editor.getByLabel('killed_min', { exact: true }).fill('seven')
  await editor.getByRole('button', { name: 'Add this row' }).click()
  await expect(editor.getByText(/column killed_min: "seven" is not a count/)).toBeVisible()
  await expect(editor.getByText(/column date: "2022-13"/)).toBeVisible()
  await page.screenshot({ path: 'test-results/storage-row-editor.png', fullPage: true })
  await editor.getByLabel('date', { exact: true }).fill('2022-06')
  await editor.getByLabel('killed_min', { exact: true }).fill('7')
  await editor.getByLabel('killed_max', { exact: true }).fill('7')
  await editor.getByRole('button', { name: 'Add this row' }).click()
  await expect(editor).toBeHidden()
  await expect(rowCount(page)).toHaveText(String(shippedRows + 1))

  // Edit it from the incident list: the search finds it by its location.
  await page.getByLabel('Search location, notes and quotes').fill('Handtown')
  await expect(page.getByTestId('table-range')).toHaveText('Rows 1-1 of 1')
  await page.getByRole('button', { name: /^Edit .*HAND-1/ }).click()
  await editor.getByLabel('killed_max', { exact: true }).fill('9')
  await editor.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.locator('.incident-table')).toContainText('7–9')
  await page.getByRole('button', { name: /^Edit .*HAND-1/ }).click()
  await expect(editor.getByTestId('row-history')).toContainText('killed_max: “7” → “9”')
  await editor.getByRole('button', { name: 'Cancel' }).click()

  await page.getByRole('button', { name: 'Undo', exact: true }).click()
  await expect(page.locator('.incident-table')).not.toContainText('7–9')
  await saved(page)
  await page.reload()
  await expect(rowCount(page)).toHaveText(String(shippedRows + 1))
  await page.getByLabel('Search location, notes and quotes').fill('Handtown')
  await expect(page.getByTestId('table-range')).toHaveText('Rows 1-1 of 1')
  await expect(page.locator('.incident-table')).not.toContainText('7–9')

  // Delete it, then undo the delete.
  await page.getByRole('button', { name: /^Edit .*HAND-1/ }).click()
  await editor.getByRole('button', { name: 'Delete this row' }).click()
  await expect(rowCount(page)).toHaveText(String(shippedRows))
  await page.getByRole('button', { name: 'Undo', exact: true }).click()
  await expect(rowCount(page)).toHaveText(String(shippedRows + 1))
})

test('a file with a header only leaves the data on show, and the report says so', async ({
  page,
}) => {
  const before = await figures(page)
  await page.getByLabel('Import CSV').setInputFiles(tempFile('header-only.csv', `${HEADER}\n`))
  await expect(page.getByTestId('import-issues')).toContainText(
    'header-only.csv was not loaded: it has no valid row. The data on show is unchanged.',
  )
  await expect(rowCount(page)).toHaveText(String(shippedRows))
  expect(await figures(page)).toEqual(before)
})

test('Undo steps back over an import that replaced added rows', async ({ page }) => {
  await page.getByRole('button', { name: 'Add a row' }).click()
  const editor = page.getByTestId('row-editor')
  await editor.getByLabel('incident_id', { exact: true }).fill('HAND-2')
  await editor.getByLabel('date', { exact: true }).fill('2023')
  await editor.getByLabel('target_group', { exact: true }).fill('civilians')
  await editor.getByRole('button', { name: 'Add this row' }).click()
  await expect(rowCount(page)).toHaveText(String(shippedRows + 1))
  await page.getByLabel('Import CSV').setInputFiles('test/fixtures/valid-minimal.csv')
  await expect(rowCount(page)).toHaveText('2')
  await page.getByRole('button', { name: 'Undo', exact: true }).click()
  await expect(rowCount(page)).toHaveText(String(shippedRows + 1))
  await saved(page)
  await page.reload()
  await expect(rowCount(page)).toHaveText(String(shippedRows + 1))
})

test('a second tab sees the first tab’s changes', async ({ page, context }) => {
  const other = await context.newPage()
  await other.goto('./')
  await expect(rowCount(other)).toHaveText(String(shippedRows))
  await page.getByLabel('Import CSV').setInputFiles('test/fixtures/valid-minimal.csv')
  await expect(rowCount(page)).toHaveText('2')
  await saved(page)
  // The other tab showed the shipped data: it is told that the stored data changed.
  await expect(other.getByTestId('storage-notice')).toBeVisible()
  await other.getByText(/Datasets in this browser/).click()
  await expect(other.getByTestId('stored-dataset')).toContainText('valid-minimal.csv')
  await other.getByRole('button', { name: 'Open valid-minimal.csv' }).click()
  await expect(rowCount(other)).toHaveText('2')

  // Now both show the same dataset: a row added in one appears in the other.
  await page.getByRole('button', { name: 'Add a row' }).click()
  const editor = page.getByTestId('row-editor')
  await editor.getByLabel('incident_id', { exact: true }).fill('HAND-3')
  await editor.getByLabel('date', { exact: true }).fill('2024')
  await editor.getByLabel('target_group', { exact: true }).fill('civilians')
  await editor.getByRole('button', { name: 'Add this row' }).click()
  await expect(rowCount(page)).toHaveText('3')
  await expect(rowCount(other)).toHaveText('3')
  await expect(other.getByTestId('storage-notice')).toContainText('changed in another tab')
})

test('Delete data stored in this browser forgets every dataset', async ({ page }) => {
  await page.getByLabel('Import CSV').setInputFiles('test/fixtures/valid-minimal.csv')
  await expect(rowCount(page)).toHaveText('2')
  await saved(page)
  await page.getByRole('button', { name: 'Delete data stored in this browser' }).click()
  await expect(page.getByTestId('storage-notice')).toContainText('deleted')
  await page.reload()
  await expect(rowCount(page)).toHaveText(String(shippedRows))
  await page.getByText(/Datasets in this browser/).click()
  await expect(page.getByTestId('stored-dataset')).toHaveCount(0)
})

test('opens without a network once visited, with the stored dataset', async ({ page, context }) => {
  // The service worker has kept the built files once it is active.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  await page.getByLabel('Import CSV').setInputFiles('test/fixtures/valid-minimal.csv')
  await expect(rowCount(page)).toHaveText('2')
  await saved(page)
  const before = await figures(page)

  await context.setOffline(true)
  await page.reload()
  await expect(page.getByText('2 rows from valid-minimal.csv')).toBeVisible()
  expect(await figures(page)).toEqual(before)
  // The shipped data too: it is in the kept JavaScript.
  await page.getByText(/Datasets in this browser/).click()
  await page.getByRole('button', { name: 'Open data/attacks.csv', exact: true }).click()
  await expect(rowCount(page)).toHaveText(String(shippedRows))
  await context.setOffline(false)
})
