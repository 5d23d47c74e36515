// The mapping step with files as people have them: a GTD extract whose columns were renamed (and
// saved as Windows-1252), an ACLED export re-saved by a spreadsheet (`9-May-20`), and dates whose
// day/month order the file cannot tell.
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadCsv } from '../../src/core/load/loader'

const fixture = (name: string) => join('test/fixtures/real', name)

function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'mapping-e2e-')), name)
  writeFileSync(path, content)
  return path
}

const summary = (page: Page) => page.getByTestId('import-summary')
const mappingForm = (page: Page, file: string) =>
  page.getByRole('form', { name: `Map the columns of ${file}` })

test.beforeEach(async ({ page }) => {
  await page.goto('./')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
})

async function exportRows(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Export CSV/ }).click(),
  ])
  return readFileSync(await download.path())
}

test('maps a GTD extract with renamed columns: date from Year + Month + Day', async ({ page }) => {
  await page.getByLabel('Import CSV').setInputFiles(fixture('gtd-renamed-columns-1252.csv'))
  const form = mappingForm(page, 'gtd-renamed-columns-1252.csv')
  await expect(form).toBeVisible()
  const shown = (column: string) =>
    form.getByLabel(column, { exact: true }).locator('option:checked')
  await expect(shown('date')).toHaveText('Year + Month + Day (0 = unknown)')
  await expect(shown('target_group')).toHaveText('Target')
  await expect(shown('perpetrator')).toHaveText('Terrorist')
  await expect(shown('killed_min')).toHaveText('Killed')
  await expect(shown('injured_max')).toHaveText('Wound')
  await expect(shown('incident_id')).toHaveText(/line in the file/)
  await page.screenshot({ path: 'test-results/mapping-renamed.png', fullPage: true })
  const axe = await new AxeBuilder({ page }).include('.column-mapping').analyze()
  expect(axe.violations).toEqual([])
  await form.getByRole('button', { name: 'Load with this mapping' }).click()
  await expect(summary(page)).toContainText('3 rows loaded, 0 rows with issues')
  const issues = page.getByTestId('import-issues')
  await expect(issues).toContainText('read as Windows-1252')
  await expect(issues).toContainText('"NA" 4 times')

  // The export: our columns, then every column of the file under its own name; NA is no value.
  const exported = loadCsv(await exportRows(page))
  expect(exported.header.slice(19)).toEqual([
    'Year',
    'Month',
    'Day',
    'Country',
    'State',
    'City',
    'Target',
    'Terrorist',
    'Killed',
    'Wound',
  ])
  const records = exported.store?.records() ?? []
  expect(records.map((r) => [r.date, r.location, r.killed_min, r.injured_min])).toEqual([
    ['2017-09-14', 'Medellín', 2, 3],
    ['2017-09', 'Popayán', 0, null],
    ['2017', 'Pichanaqui', null, 1],
  ])
})

test('maps an ACLED export re-saved by a spreadsheet: 9-May-20 dates', async ({ page }) => {
  await page.getByLabel('Import CSV').setInputFiles(fixture('acled-spreadsheet-dates.csv'))
  const form = mappingForm(page, 'acled-spreadsheet-dates.csv')
  await expect(form.getByTestId('mapping-format')).toContainText('ACLED')
  await expect(form.getByTestId('date-format-detected')).toContainText('day month-name year')
  await expect(form.getByLabel('Date format')).toHaveValue('d-mon-y')
  await expect(form.getByTestId('date-format-example')).toContainText(
    '“9-May-20” reads as 2020-05-09',
  )
  await form.getByRole('button', { name: 'Load with this mapping' }).click()
  await expect(summary(page)).toContainText('5 rows loaded, 0 rows with issues')
  const records = loadCsv(await exportRows(page)).store?.records() ?? []
  // time_precision 2 and 3: no day is invented.
  expect(records.map((r) => [r.incident_id, r.date, r.extra.event_date])).toEqual(
    expect.arrayContaining([
      ['AFG40001', '2020-05-09', '9-May-20'],
      ['AFG40002', '2022-12', '18-Dec-22'],
      ['AFG40003', '2022', '30-Dec-22'],
      ['AFG40004', '2021-06', '15-Jun-21'],
    ]),
  )
})

test('asks which comes first when no day is above 12, and the user can change the format', async ({
  page,
}) => {
  const csv = 'Incident,Date,Victims,Deaths\nU1,05/09/2020,Civilians,3\nU2,01/02/2021,Police,1\n'
  await page.getByLabel('Import CSV').setInputFiles(tempFile('ambiguous.csv', csv))
  const form = mappingForm(page, 'ambiguous.csv')
  const question = form.getByTestId('date-order-question')
  await expect(question).toBeVisible()
  await expect(form.getByTestId('date-format-example')).toContainText('answer the question')
  await page.screenshot({ path: 'test-results/mapping-date-order.png', fullPage: true })
  const axe = await new AxeBuilder({ page }).include('.column-mapping').analyze()
  expect(axe.violations).toEqual([])
  await question.getByLabel('Month first (month/day/year)').check()
  await expect(form.getByTestId('date-format-example')).toContainText('reads as 2020-05-09')
  await form.getByRole('button', { name: 'Load with this mapping' }).click()
  await expect(summary(page)).toContainText('2 rows loaded, 0 rows with issues')
  const records = loadCsv(await exportRows(page)).store?.records() ?? []
  expect(records.map((r) => r.date).sort()).toEqual(['2020-05-09', '2021-01-02'])

  // Again, choosing day/month/year in the format list instead.
  await page.getByLabel('Import CSV').setInputFiles(tempFile('ambiguous.csv', csv))
  await form.getByLabel('Date format').selectOption('dmy')
  await expect(question).toBeHidden()
  await form.getByRole('button', { name: 'Load with this mapping' }).click()
  await expect(summary(page)).toContainText('2 rows loaded')
  const again = loadCsv(await exportRows(page)).store?.records() ?? []
  expect(again.map((r) => r.date).sort()).toEqual(['2020-09-05', '2021-02-01'])
})
