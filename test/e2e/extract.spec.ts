import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { loadCsv } from '../../src/core/load/loader'

const REPORT =
  'KUNDUZ (Wire) - Two explosions tore through a crowded market in Kunduz on 2 June 2022, ' +
  'killing thirteen people and injuring almost 50, according to a hospital official.\n\n' +
  'IS-KP has killed hundreds of people since 2021.'

test('a report pasted in From text, one proposal accepted, and the data grows by one row', async ({
  page,
}) => {
  const shipped = loadCsv(readFileSync('data/attacks.csv')).summary.rowsLoaded
  await page.goto('./')
  await expect(page.getByTestId('row-count')).toHaveText(String(shipped))

  await page.getByRole('tab', { name: 'From text' }).click()
  await page.getByLabel('Report text').fill(REPORT)
  await page.getByRole('button', { name: 'Find casualty figures' }).click()

  const proposals = page.getByTestId('extract-proposal')
  await expect(proposals).toHaveCount(1)
  await expect(page.getByTestId('extract-text-view').locator('mark.killed')).toHaveText(
    /thirteen people/,
  )
  await expect(page.getByLabel('Killed min')).toHaveValue('13')
  await expect(page.getByLabel('Injured max')).toHaveValue('49')
  await page.screenshot({ path: 'test-results/extract.png', fullPage: true })
  const axe = await new AxeBuilder({ page }).include('#panel-text').analyze()
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([])

  await page.getByRole('button', { name: 'Accept proposal 1' }).click()
  await expect(page.getByTestId('proposal-status-0')).toHaveText('accepted')

  await page.getByRole('tab', { name: 'Dashboard' }).click()
  await expect(page.getByTestId('row-count')).toHaveText(String(shipped + 1))
})

test('a later toll of an incident already in the data is proposed as a new report of it, not a new incident', async ({
  page,
}) => {
  const shipped = loadCsv(readFileSync('data/attacks.csv'))
  const incidents = new Set(shipped.store!.records().map((r) => r.incident_id)).size
  await page.goto('./')
  await expect(page.getByTestId('row-count')).toHaveText(String(shipped.summary.rowsLoaded))
  await expect(page.getByTestId('kpi-incidents')).toHaveText(String(incidents))

  await page.getByRole('tab', { name: 'From text' }).click()
  await page
    .getByLabel('Report text')
    .fill(
      "KANDAHAR, 17 October 2021 (Wire) - The death toll from Friday's suicide bombing at a Shia mosque in Kandahar has risen to 63, hospital officials said.",
    )
  await page.getByRole('button', { name: 'Find casualty figures' }).click()
  await expect(page.getByTestId('extract-proposal')).toHaveCount(1)
  await expect(page.getByTestId('proposal-report-of-0')).toContainText(
    'A report of incident AFG-2021-10-KAN-SHIA-MOSQUE, already in the data',
  )
  await page.getByRole('button', { name: 'Accept proposal 1' }).click()
  await expect(page.getByTestId('proposal-status-0')).toHaveText('accepted')

  // One more row, no more incidents: the Kandahar figure is the range of its two reports.
  await page.getByRole('tab', { name: 'Dashboard' }).click()
  await expect(page.getByTestId('row-count')).toHaveText(String(shipped.summary.rowsLoaded + 1))
  await expect(page.getByTestId('kpi-incidents')).toHaveText(String(incidents))
  await page.getByRole('checkbox', { name: /^Kandahar/ }).check()
  await expect(page.getByTestId('kpi-killed')).toHaveText('47–63')
  await expect(page.getByTestId('kpi-incidents')).toHaveText('1')
  await page.getByTestId('open-reports').first().click()
  const reports = page.getByTestId('incident-reports').getByTestId('report-item')
  await expect(reports).toHaveCount(2)
  await expect(reports.nth(0)).toContainText('at least 47')
  await expect(reports.nth(1)).toContainText('63')
})
