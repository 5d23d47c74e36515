import { expect, test, type Page } from '@playwright/test'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// The chart over time where it used to break down: a long span of mostly empty months, and a
// measure with no number in view.
const HEADER = 'incident_id,date,target_group,killed_min,killed_max,injured_min,injured_max'

function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'edges-e2e-')), name)
  writeFileSync(path, content)
  return path
}

const timeCard = (page: Page) =>
  page.locator('#over-time-title').locator('xpath=ancestor::section[1]')

test.use({ contextOptions: { reducedMotion: 'reduce' } })

test('one row in 2024 beside rows in 2021 proposes the year view', async ({ page }) => {
  await page.goto('./')
  const csv = [
    HEADER,
    'A,2021-08,civilians,170,170,,',
    'B,2021-10,shia worshippers,47,,,',
    'C,2021-11,police,3,3,,',
    'D,2024-03,students,6,6,,',
  ].join('\n')
  await page.getByLabel('Import CSV').setInputFiles(tempFile('sparse.csv', `${csv}\n`))
  await expect(page.getByTestId('import-summary')).toContainText('4 rows loaded')
  const note = page.getByTestId('sparse-months')
  await expect(note).toContainText('28 of these 32 months have nothing to draw')
  await note.getByRole('button', { name: 'Show per year' }).click()
  await expect(page).toHaveURL(/time=year/)
  await expect(note).toBeHidden()
  await expect(page.getByRole('heading', { name: /per year/ })).toBeVisible()
  await page.screenshot({ path: 'test-results/sparse-years.png', fullPage: true })
})

test('a measure with no number in view is said in words, with no empty axis', async ({ page }) => {
  // In the shipped data every injured figure is words ("scores", "many others") or not given.
  await page.goto('./?metric=injured')
  const card = timeCard(page)
  await expect(card.getByTestId('nothing-drawn')).toContainText(
    'No injured figure in this view is a number',
  )
  await expect(card.locator('canvas')).toHaveCount(0)
  await expect(card.locator('ul.key li')).toHaveCount(0)
  await expect(card.getByRole('button', { name: 'Download chart PNG (over time)' })).toBeDisabled()
  // The table still lists the periods, with their words-only rows.
  await card.getByRole('button', { name: /Show as table \(over time/ }).click()
  await expect(card.getByRole('table')).toContainText('Injured: rows not quantified')
})

test('the key of the chart by target group lists only what it draws', async ({ page }) => {
  await page.goto('./')
  const key = page
    .locator('#by-group-title')
    .locator('xpath=ancestor::section[1]')
    .locator('ul.key')
  // Killed bars and open upper bounds are drawn; no injured figure is a number, so no injured bar.
  await expect(key).toContainText('Killed')
  await expect(key).toContainText('no upper bound')
  await expect(key).not.toContainText('Injured')
})
