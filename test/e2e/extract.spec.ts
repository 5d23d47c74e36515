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
