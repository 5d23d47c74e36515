import { expect, test } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { loadCsv } from '../../src/core/load/loader'

// Forgiving inputs: the date filter takes dates as the page writes them, and the filter lists
// count what each choice would give with the other filters on.
const records = loadCsv(readFileSync('data/attacks.csv')).store?.records() ?? []

for (const [typed, iso] of [
  ['Oct 2021', '2021-10'],
  ['2021-10', '2021-10'],
  ['8 Oct 2021', '2021-10-08'],
] as const) {
  test(`the date filter takes “${typed}”`, async ({ page }) => {
    // What the link with the date in ISO form shows...
    await page.goto(`./?from=${iso}`)
    const wanted = await page.getByTestId('table-range').textContent()
    // ...is what typing the date shows.
    await page.goto('./')
    const from = page.getByLabel('From')
    await from.fill(typed)
    await from.press('Enter')
    await expect(page).toHaveURL(new RegExp(`from=${iso}`))
    await expect(page.locator('#date-from-error')).toHaveText('')
    await expect(page.getByTestId('table-range')).toHaveText(wanted ?? '')
    await expect(page.getByTestId('table-range')).not.toHaveText(/of 7$/)
  })
}

test('a date the page cannot read is refused with the forms it takes', async ({ page }) => {
  await page.goto('./')
  await page.getByLabel('From').fill('Octember 2021')
  await page.getByLabel('From').press('Enter')
  await expect(page.locator('#date-from-error')).toContainText('has no month called “Octember”')
})

test('filter counts follow the other filters', async ({ page }) => {
  await page.goto('./')
  const perpetrators = page.getByRole('group', { name: 'Perpetrator' })
  const countOf = (label: string) =>
    perpetrators.locator('label', { hasText: label }).locator('.count')
  const all = records.filter((r) => r.perpetrator === 'IS-KP').length
  await expect(countOf('IS-KP')).toHaveText(String(all))
  await page.getByRole('checkbox', { name: 'Kunduz', exact: true }).check()
  const inKunduz = records.filter((r) => r.perpetrator === 'IS-KP' && r.admin1 === 'Kunduz')
  await expect(countOf('IS-KP')).toHaveText(String(inKunduz.length))
})
