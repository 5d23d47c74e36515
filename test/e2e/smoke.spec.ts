import { expect, test } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { loadCsv } from '../../src/core/load/loader'

test('the page opens on the shipped dataset', async ({ page }) => {
  const shipped = loadCsv(readFileSync('data/attacks.csv'))
  await page.goto('./')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Casualty')
  await expect(page.getByTestId('row-count')).toHaveText(String(shipped.summary.rowsLoaded))
  await page.screenshot({ path: 'test-results/smoke.png', fullPage: true })
})
