import { expect, test } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { parseDatasetMeta } from '../../src/core/datasetMeta'
import { loadCsv } from '../../src/core/load/loader'

test('the page opens on the shipped dataset', async ({ page }) => {
  const shipped = loadCsv(readFileSync('data/attacks.csv'))
  await page.goto('./')
  const { meta } = parseDatasetMeta(readFileSync('data/attacks.meta.json', 'utf8'))
  // The top of the page says what the data is, in the dataset's own words.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(meta.title)
  await expect(page.getByTestId('dataset-summary')).toHaveText(meta.description)
  await expect(page.getByTestId('dataset-caveat')).toContainText(meta.caveat)
  await expect(page.getByTestId('row-count')).toHaveText(String(shipped.summary.rowsLoaded))
  await page.screenshot({ path: 'test-results/smoke.png', fullPage: true })
})
