import { expect, test } from '@playwright/test'

// A real ACLED export (pandas, test/fixtures/real/README.md) of many countries: the provinces of
// the countries with Natural Earth admin-1 regions load on demand and show in the map table.
test('an ACLED export of other countries: their provinces load and show in the map table', async ({
  page,
}) => {
  await page.goto('./')
  await page.getByLabel('Import CSV').setInputFiles('test/fixtures/real/acled-pandas-export.csv')
  const form = page.getByRole('form', { name: /Map the columns of acled-pandas-export\.csv/ })
  await form.getByRole('button', { name: 'Load with this mapping' }).click()
  const card = page.getByTestId('map-card')
  await card.scrollIntoViewIfNeeded()
  const table = page.getByTestId('map-table')
  await expect(table).toContainText('Bay')
  await expect(table).toContainText('Somalia')
  await expect(table).toContainText('Lusaka')
  await expect(table).toContainText('Zambia')
  await page.screenshot({ path: 'test-results/map-countries.png', fullPage: true })
})
