import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// Three reports of one figure, as a first wire report, a later one and hospital officials give it.
const HEADER =
  'incident_id,date,admin1,target_group,killed_min,killed_max,injured_min,injured_max,killed_text,source'
const REPORTS = [
  HEADER,
  'KAN-MOSQUE,2021-10-15,Kandahar,shia worshippers,47,,,,at least 47 deaths,wire-1',
  'KAN-MOSQUE,2021-10-15,Kandahar,shia worshippers,51,,,,over 50 worshippers,local-2',
  'KAN-MOSQUE,2021-10-15,Kandahar,shia worshippers,53,53,,,53 people,hospital-3',
].join('\n')

function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'reports-e2e-')), name)
  writeFileSync(path, content)
  return path
}

test.beforeEach(async ({ page }) => {
  await page.goto('./')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.getByLabel('Import CSV').setInputFiles(tempFile('three-reports.csv', `${REPORTS}\n`))
  await expect(page.getByTestId('import-summary')).toContainText(
    '3 rows loaded, 0 rows with issues',
  )
})

test('the headline shows one reconciled figure, never the sum of the reports', async ({ page }) => {
  await expect(page.getByTestId('kpi-killed')).toHaveText('47–53')
  await expect(page.getByTestId('kpi-incidents')).toHaveText('1')
  await expect(page.getByTestId('headline-rule')).toHaveText('range across reports')
  await expect(page.getByTestId('headline-grades')).toContainText('every grade')

  // Another rule: kept in the link, and the figures follow it.
  await page.getByRole('radio', { name: 'latest report' }).check()
  await expect(page).toHaveURL(/rule=latest/)
  await expect(page.getByTestId('kpi-killed')).toHaveText('53')
  await page.goBack()
  await expect(page.getByTestId('kpi-killed')).toHaveText('47–53')
})

test('the incident shows its reports in order, with the reconciled figure and a timeline', async ({
  page,
}) => {
  await page.getByTestId('open-reports').first().click()
  const history = page.getByTestId('incident-reports')
  await expect(history).toBeVisible()
  await expect(history.getByRole('heading', { name: /KAN-MOSQUE/ })).toBeVisible()
  const reports = history.getByTestId('report-item')
  await expect(reports).toHaveCount(3)
  await expect(reports.nth(0)).toContainText('at least 47')
  await expect(reports.nth(0)).toContainText('at least 47 deaths')
  await expect(reports.nth(0)).toContainText('wire-1')
  await expect(reports.nth(1)).toContainText('at least 51')
  await expect(reports.nth(1)).toContainText('over 50 worshippers')
  await expect(reports.nth(2)).toContainText('53')
  await expect(reports.nth(2)).toContainText('hospital-3')
  await expect(history.getByTestId('reconciled-figure')).toContainText('killed: 47–53')
  await expect(history.getByTestId('reconciled-figure')).toContainText('range across reports')
  const timeline = history.getByTestId('toll-timeline')
  await expect(timeline.getByRole('img')).toHaveAttribute(
    'aria-label',
    'Killed toll as reported: at least 47 (wire-1), then at least 51 (local-2), then 53 (hospital-3)',
  )
  const axe = await new AxeBuilder({ page }).include('[data-testid="incident-reports"]').analyze()
  expect(axe.violations).toEqual([])
  await page.screenshot({ path: 'test-results/incident-reports.png', fullPage: true })
})
