import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
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

async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()])
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') }
}

test('a grade scale of the data’s own: edited, used by the filter and the graded rule, kept and exported', async ({
  page,
}) => {
  const filter = page.getByTestId('grade-filter')
  await expect(filter.getByRole('checkbox', { name: 'confirmed' })).toBeVisible()
  await page.getByTestId('edit-grades').click()
  const editor = page.getByTestId('grade-scale-editor')
  await expect(editor).toBeVisible()
  await expect(editor.getByTestId('grade-row')).toHaveCount(5)

  // Rename the first grade, remove the last, add one and move it up to second place.
  await editor.getByLabel('Grade 1 label').fill('verified')
  await editor.getByLabel('Grade 1 meaning').fill('Seen by our own staff at the site.')
  await editor.getByRole('button', { name: 'Remove grade 5' }).click()
  await editor.getByTestId('add-grade').click()
  await editor.getByLabel('Grade 5 label').fill('Fair')
  await expect(editor.getByTestId('grade-scale-issues')).toContainText(
    'Grade 5: the grade “Fair” is given twice',
  )
  await expect(editor.getByTestId('save-grades')).toBeDisabled()
  await editor.getByLabel('Grade 5 label').fill('rumour')
  await editor.getByLabel('Grade 5 meaning').fill('Heard, not yet reported by any outlet.')
  await editor.getByRole('button', { name: 'Move grade 5 up' }).click()
  await editor.getByRole('button', { name: 'Move grade 4 up' }).click()
  await editor.getByRole('button', { name: 'Move grade 3 up' }).click()
  await editor.getByTestId('save-grades').click()
  await expect(editor.getByTestId('grade-scale-note')).toContainText('5 grades is saved')
  const labels = await filter.locator('label').allInnerTexts()
  expect(labels.map((label) => label.trim())).toEqual([
    'verified',
    'rumour',
    'fair',
    'weak',
    'contested',
    'ungraded',
  ])

  // Sources graded on it: a grade not on the scale is named by its line and column.
  await page.getByText(/^Sources \(/).click()
  await page
    .getByTestId('import-sources')
    .setInputFiles(
      tempFile(
        'sources.csv',
        'id,outlet,published,grade\nwire-1,Wire,2021-10-15,rumour\nlocal-2,Local,2021-10-16,discounted\nhospital-3,Hospital,2021-10-17,verified\n',
      ),
    )
  await expect(page.getByTestId('source-issues')).toContainText(
    'line 3, column grade: “discounted” is not a grade: use verified, rumour, fair, weak, contested',
  )
  await page.getByRole('radio', { name: 'highest-graded report' }).check()
  await expect(page.getByTestId('kpi-killed')).toHaveText('53')
  await filter.getByRole('checkbox', { name: 'rumour' }).check()
  await expect(page).toHaveURL(/grade=rumour/)
  await expect(page.getByTestId('kpi-killed')).toHaveText('at least 47')
  await expect(page.getByTestId('headline-grades')).toHaveText('reports graded rumour only')

  // Renaming a grade in use regrades its sources and follows in the filter.
  await editor.getByLabel('Grade 2 label').fill('hearsay')
  await editor.getByTestId('save-grades').click()
  await expect(editor.getByTestId('grade-scale-note')).toContainText(
    '1 source regraded by a new name',
  )
  await expect(page).toHaveURL(/grade=hearsay/)
  await expect(page.getByTestId('kpi-killed')).toHaveText('at least 47')

  // The scale travels in the data's description, and comes back with it from a CSV file.
  await page.getByRole('button', { name: /^Export options/ }).click()
  const meta = await download(page, () =>
    page.getByRole('button', { name: 'Description (.meta.json)' }).click(),
  )
  await page.getByRole('button', { name: 'Done' }).click()
  expect(meta.name).toMatch(/\.meta\.json$/)
  const grades = JSON.parse(meta.text).grades as { label: string; meaning: string }[]
  expect(grades.map((g) => g.label)).toEqual(['verified', 'hearsay', 'fair', 'weak', 'contested'])
  expect(grades[0]!.meaning).toBe('Seen by our own staff at the site.')
  const csv = await download(page, () => editor.getByTestId('export-grades').click())
  expect(csv.text).toContain('"hearsay","Heard, not yet reported by any outlet."')

  // Kept with the dataset: after a reload the scale is the data's still.
  await page.reload()
  await expect(page.getByTestId('kpi-incidents')).toHaveText('1')
  await expect(
    page.getByTestId('grade-filter').getByRole('checkbox', { name: 'hearsay' }),
  ).toBeVisible()
  await page.getByTestId('edit-grades').click()
  await expect(page.getByTestId('grade-scale-editor').getByLabel('Grade 1 meaning')).toHaveValue(
    'Seen by our own staff at the site.',
  )
  // A scale read from a description file replaces the form's, to be saved.
  await page
    .getByTestId('import-grades')
    .setInputFiles(tempFile('other.meta.json', JSON.stringify({ grades: ['high', 'low'] })))
  await expect(page.getByTestId('grade-row')).toHaveCount(2)
  await page.getByTestId('save-grades').click()
  await expect(page.getByTestId('grade-filter').locator('label')).toHaveCount(3)
  const axe = await new AxeBuilder({ page }).include('[data-testid="grade-scale-editor"]').analyze()
  expect(axe.violations).toEqual([])
  await page.screenshot({ path: 'test-results/grade-scale-editor.png', fullPage: true })
})

test('the charts’ tables and downloads give the reconciled figure, never the sum', async ({
  page,
}) => {
  const card = page
    .locator('section', { has: page.getByRole('heading', { name: /by target group/ }) })
    .first()
  const table = await download(page, () => card.getByRole('button', { name: 'Table CSV' }).click())
  const row = table.text.split(/\r?\n/).find((line) => line.includes('shia worshippers'))
  expect(row).toBeDefined()
  expect(row).toContain('47')
  expect(row).toContain('53')
  expect(row).not.toContain('151')
})

test('rows, sources and the grade scale export and import back together, the same bytes', async ({
  page,
  browser,
}) => {
  // A scale of the data's own, and sources graded on it.
  await page.getByTestId('edit-grades').click()
  const editor = page.getByTestId('grade-scale-editor')
  await editor.getByLabel('Grade 1 label').fill('verified')
  await editor.getByTestId('save-grades').click()
  await page.getByText(/^Sources \(/).click()
  await page
    .getByTestId('import-sources')
    .setInputFiles(
      tempFile(
        'sources.csv',
        'id,outlet,title,published,kind,grade\nwire-1,Wire,"Mosque attack, at least 47 dead",2021-10-15,news agency,weak\nlocal-2,Local,,2021-10-16,local outlet,fair\nhospital-3,Hospital,=53 dead,2021-10-17,official,verified\n',
      ),
    )
  await page.getByRole('radio', { name: 'highest-graded report' }).check()
  await expect(page.getByTestId('kpi-killed')).toHaveText('53')

  const rows = await download(page, () => page.getByRole('button', { name: /^Export CSV/ }).click())
  await page.getByRole('button', { name: /^Export options/ }).click()
  const meta = await download(page, () =>
    page.getByRole('button', { name: 'Description (.meta.json)' }).click(),
  )
  const sources = await download(page, () =>
    page.getByRole('button', { name: 'Sources (-sources.csv)' }).click(),
  )
  await page.getByRole('button', { name: 'Done' }).click()
  expect(sources.name).toBe(rows.name.replace(/\.csv$/, '-sources.csv'))
  expect(sources.text).toContain(`"'=53 dead"`)

  // Another browser: nothing stored; the three files picked together bring it all back.
  const other = await browser.newContext({ acceptDownloads: true })
  const fresh = await other.newPage()
  await fresh.goto(page.url().replace(/\?.*$/, ''))
  await expect(fresh.getByRole('heading', { level: 1 })).toBeVisible()
  await fresh
    .getByLabel('Import CSV')
    .setInputFiles([
      tempFile(rows.name, rows.text),
      tempFile(sources.name, sources.text),
      tempFile(meta.name, meta.text),
    ])
  await expect(fresh.getByTestId('import-summary')).toContainText(
    '3 rows loaded, 0 rows with issues',
  )
  await expect(fresh.getByTestId('import-companions')).toContainText('4 sources from')
  await expect(fresh.getByTestId('kpi-killed')).toHaveText('47–53')
  await expect(fresh.getByTestId('kpi-incidents')).toHaveText('1')
  await expect(
    fresh.getByTestId('grade-filter').getByRole('checkbox', { name: 'verified' }),
  ).toBeVisible()
  await fresh.getByRole('radio', { name: 'highest-graded report' }).check()
  await expect(fresh.getByTestId('kpi-killed')).toHaveText('53')

  const rowsAgain = await download(fresh, () =>
    fresh.getByRole('button', { name: /^Export CSV/ }).click(),
  )
  await fresh.getByRole('button', { name: /^Export options/ }).click()
  const sourcesAgain = await download(fresh, () =>
    fresh.getByRole('button', { name: 'Sources (-sources.csv)' }).click(),
  )
  const metaAgain = await download(fresh, () =>
    fresh.getByRole('button', { name: 'Description (.meta.json)' }).click(),
  )
  expect(rowsAgain.text).toBe(rows.text)
  expect(sourcesAgain.text).toBe(sources.text)
  expect(JSON.parse(metaAgain.text).grades).toEqual(JSON.parse(meta.text).grades)
  await other.close()
})
