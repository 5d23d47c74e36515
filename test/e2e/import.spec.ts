import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadCsv } from '../../src/core/load/loader'

const fixture = (name: string) => join('test/fixtures', name)
const HEADER = 'incident_id,date,target_group,killed_min,killed_max,injured_min,injured_max'

function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'import-e2e-')), name)
  writeFileSync(path, content)
  return path
}

async function importFile(page: Page, path: string) {
  await page.getByLabel('Import CSV').setInputFiles(path)
}

const summary = (page: Page) => page.getByTestId('import-summary')
/** `1 row`, `2 rows`, as the import summary counts. */
const count = (n: number, noun: string) => `${n} ${n === 1 ? noun : `${noun}s`}`

test.beforeEach(async ({ page }) => {
  await page.goto('./')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
})

test('imports a file chosen with the file input, replacing the data on show', async ({ page }) => {
  await importFile(page, fixture('valid-minimal.csv'))
  await expect(summary(page)).toContainText(
    '2 rows loaded, 0 rows with issues (0 blank lines ignored)',
  )
  await expect(page.getByText('2 rows from valid-minimal.csv')).toBeVisible()
  await page.screenshot({ path: 'test-results/import-file-input.png', fullPage: true })
})

test('adds the rows to the data on show when asked', async ({ page }) => {
  const shipped = loadCsv(readFileSync('data/attacks.csv')).summary.rowsLoaded
  await page.getByLabel('Add to current data').check()
  await importFile(page, fixture('valid-minimal.csv'))
  await expect(summary(page)).toContainText('2 rows loaded')
  await expect(
    page.getByText(`${shipped + 2} rows from data/attacks.csv + valid-minimal.csv`),
  ).toBeVisible()
})

test('imports a file dropped on the page', async ({ page }) => {
  const bytes = [...readFileSync(fixture('valid-minimal.csv'))]
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer()
    transfer.items.add(new File([new Uint8Array(content)], 'dropped.csv', { type: 'text/csv' }))
    return transfer
  }, bytes)
  await page.dispatchEvent('body', 'dragenter', { dataTransfer })
  await page.dispatchEvent('body', 'dragover', { dataTransfer })
  await expect(page.getByText('Drop the CSV file to import it')).toBeVisible()
  await page.screenshot({ path: 'test-results/import-drop-overlay.png' })
  await page.dispatchEvent('body', 'drop', { dataTransfer })
  await expect(summary(page)).toContainText('2 rows loaded, 0 rows with issues')
  await expect(page.getByText('Drop the CSV file to import it')).toBeHidden()
  await expect(page.getByText('2 rows from dropped.csv')).toBeVisible()
})

test.describe('encodings, delimiters and line endings', () => {
  const cases: [string, string | Uint8Array, string][] = [
    ['utf8-bom-crlf.csv', readFileSync(fixture('utf8-bom-crlf.csv')), 'UTF-8 with BOM, CRLF'],
    [
      'semicolon-decimal-comma.csv',
      readFileSync(fixture('semicolon-decimal-comma.csv')),
      'semicolons',
    ],
    ['sep-line.csv', readFileSync(fixture('sep-line.csv')), 'a sep= line'],
    ['utf16le-bom-tab.txt', readFileSync(fixture('utf16le-bom-tab.txt')), 'UTF-16 LE, tabs'],
    ['utf16be-bom-tab.txt', readFileSync(fixture('utf16be-bom-tab.txt')), 'UTF-16 BE, tabs'],
    ['cr-only.csv', `${HEADER}\rA,2021,civilians,1,1,,\rB,2022,civilians,,,,\r`, 'CR line endings'],
    [
      'mixed.csv',
      `${HEADER}\r\nA,2021,civilians,1,1,,\nB,2022,"two\r\nlines",,,,\r\n\r\n`,
      'mixed line endings',
    ],
  ]
  for (const [name, content, what] of cases) {
    test(`${what} (${name})`, async ({ page }) => {
      const path = tempFile(name, content)
      const expected = loadCsv(readFileSync(path))
      expect(expected.summary.rowsLoaded).toBeGreaterThan(0)
      await importFile(page, path)
      await expect(summary(page)).toContainText(
        `${count(expected.summary.rowsLoaded, 'row')} loaded, 0 rows with issues (${count(expected.summary.blankLines, 'blank line')} ignored)`,
      )
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: /Export CSV/ }).click(),
      ])
      expect(loadCsv(readFileSync(await download.path())).store?.records()).toEqual(
        expected.store?.records(),
      )
    })
  }
})

/** A file of our schema of about `megabytes` MB. */
function bigFile(megabytes: number): { path: string; rows: number } {
  const row = (i: number) =>
    `ID-${i},2021-10-${String((i % 28) + 1).padStart(2, '0')},civilians,${i % 50},${(i % 50) + 3},,,"a note with some words, to make the row longer"\n`
  const parts = [`${HEADER},notes\n`]
  let size = parts[0]?.length ?? 0
  let rows = 0
  while (size < megabytes * 1024 * 1024) {
    const line = row(rows++)
    parts.push(line)
    size += line.length
  }
  return { path: tempFile(`big-${megabytes}mb.csv`, parts.join('')), rows }
}

test('shows a progress bar for a 20 MB file, then loads it', async ({ page }) => {
  test.setTimeout(120_000)
  const { path, rows } = bigFile(20)
  const charts = page.locator('.chart-card canvas')
  const shippedLabels = await charts.evaluateAll((all) => all.map((c) => c.ariaLabel))
  await importFile(page, path)
  const bar = page.getByRole('progressbar', { name: /Reading big-20mb\.csv/ })
  await expect(bar).toBeVisible()
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible()
  await page.screenshot({ path: 'test-results/import-progress.png' })
  await expect(summary(page)).toContainText(`${rows} rows loaded, 0 rows with issues`, {
    timeout: 90_000,
  })
  await expect(bar).toBeHidden()
  // Over 100,000 rows each chart is drawn in a task of its own after the figures: both are there,
  // and they chart the new data.
  await expect(page.getByTestId('view-updating')).toBeEmpty()
  await expect(charts).toHaveCount(2)
  const labels = await charts.evaluateAll((all) => all.map((c) => c.ariaLabel))
  expect(labels).toHaveLength(2)
  for (const [i, label] of labels.entries()) expect(label).not.toBe(shippedLabels[i])
  await page.screenshot({ path: 'test-results/import-big-loaded.png', fullPage: true })
})

test('a view of more months than the chart can draw is shown per year, and says how to see months', async ({
  page,
}) => {
  // A typo of a thousand years: 12,002 months in three groups.
  const csv = `${HEADER}\nA,1024-05,civilians,3,3,,\nB,2024-06-01,police,5,,2,2\nC,2023-02,military,1,1,,\n`
  await importFile(page, tempFile('typo.csv', csv))
  await expect(summary(page)).toContainText('3 rows loaded, 0 rows with issues')
  const title = page.locator('#over-time-title')
  await expect(title).toHaveText('Killed per year, by target group')
  await expect(page.getByTestId('months-as-years')).toContainText('this view spans 12,002 months')
  await page.getByLabel('From').fill('2020')
  await page.getByLabel('From').press('Enter')
  await expect(title).toHaveText('Killed per month, by target group')
  await expect(page.getByTestId('months-as-years')).toBeHidden()
})

test('a list of 250 places shows the 200 with the most rows and finds the others by name', async ({
  page,
}) => {
  const lines = [`${HEADER},admin1`]
  for (let i = 0; i < 250; i++) {
    const place = `Place ${String(i).padStart(3, '0')}`
    for (let r = 0; r < (i < 200 ? 2 : 1); r++)
      lines.push(`I${i}-${r},2021,civilians,1,1,,,${place}`)
  }
  await importFile(page, tempFile('places.csv', `${lines.join('\n')}\n`))
  await expect(summary(page)).toContainText('450 rows loaded, 0 rows with issues')
  const places = page.getByRole('group', { name: 'Place (province)' })
  await expect(places.getByRole('checkbox')).toHaveCount(200)
  await expect(places.getByRole('checkbox', { name: /^Place 249/ })).toHaveCount(0)
  await places.getByLabel('Find a place').fill('249')
  await places.getByRole('checkbox', { name: /^Place 249/ }).check()
  await expect(page.getByRole('button', { name: 'Remove filter Place: Place 249' })).toBeVisible()
  await expect(page.getByRole('button', { name: /Export CSV \(1 row\)/ })).toBeVisible()
  const axe = await new AxeBuilder({ page }).include('.filter-panel').analyze()
  expect(axe.violations).toEqual([])
})

test('Cancel stops a big import and leaves the data as it was', async ({ page }) => {
  test.setTimeout(120_000)
  const before = await page.getByText(/rows from data\/attacks\.csv/).textContent()
  const { path } = bigFile(20)
  await importFile(page, path)
  await expect(page.getByRole('progressbar')).toBeVisible()
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByText('Import of big-20mb.csv cancelled')).toBeVisible()
  await expect(page.getByRole('progressbar')).toBeHidden()
  await expect(page.getByText(/rows from data\/attacks\.csv/)).toHaveText(before ?? '')
})

// A file this big is read by two workers at once, each half of it: the issues of the second half
// name the file's own lines (its quoted values hold line breaks), and every row is there.
test('names the file’s own lines in the second half of a big file read by two workers', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const row = (i: number) =>
    i % 50_000 === 7
      ? `ID-${i},2021-13,civilians,1,2,,,"a month that is not one"\n`
      : `ID-${i},2021-10-0${(i % 9) + 1},"group ${i % 5}",${i % 50},${(i % 50) + 3},,,"a note, ""quoted"",\nover two lines"\n`
  const parts = [`${HEADER},notes\n`]
  let size = 0
  for (let i = 0; size < 20 * 1024 * 1024; i++) {
    parts.push(row(i))
    size += (parts.at(-1) as string).length
  }
  const text = parts.join('')
  const path = tempFile('two-parts.csv', text)
  const expected = loadCsv(readFileSync(path))
  const lastIssue = expected.rowIssues.at(-1)
  expect(lastIssue && lastIssue.line > expected.summary.rowsLoaded).toBe(true)
  await importFile(page, path)
  await expect(summary(page)).toContainText(
    `${expected.summary.rowsLoaded} rows loaded, ${expected.summary.rowsWithIssues} rows with issues`,
    { timeout: 90_000 },
  )
  await expect(page.getByTestId('import-issues')).toContainText(
    `line ${lastIssue?.line}, column date:`,
  )
})

test('lists the issues by line and column, and downloads the rows with issues', async ({
  page,
}) => {
  await importFile(page, fixture('bad-rows.csv'))
  const expected = loadCsv(readFileSync(fixture('bad-rows.csv')))
  await expect(summary(page)).toContainText(
    `${count(expected.summary.rowsLoaded, 'row')} loaded, ${count(expected.summary.rowsWithIssues, 'row')} with issues`,
  )
  const issues = page.getByTestId('import-issues')
  await expect(issues).toContainText('line 3, column date:')
  await expect(issues).toContainText('line 4, column killed_min:')
  await page.screenshot({ path: 'test-results/import-issues.png', fullPage: true })
  const reportAxe = await new AxeBuilder({ page }).include('.data-toolbar').analyze()
  expect(reportAxe.violations).toEqual([])
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    issues.getByRole('button', { name: /Download rows with issues/ }).click(),
  ])
  expect(download.suggestedFilename()).toBe('bad-rows-rows-with-issues.csv')
  const rejected = loadCsv(readFileSync(await download.path()), {
    readerFor: (header) => ({
      width: header.length,
      sources: {},
      extras: header.map((name, index) => ({ name, index })),
    }),
  })
  expect(rejected.header.slice(0, 3)).toEqual(['line', 'issues', 'incident_id'])
  expect(rejected.rejected.map((row) => Number(row.fields[0]))).toEqual(
    expected.rejected.map((row) => row.line),
  )
  expect(rejected.rejected.map((row) => row.fields.slice(2))).toEqual(
    expected.rejected.map((row) => row.fields),
  )
  // Each row says what is wrong with it, in the report's words.
  const byLine = new Map(rejected.rejected.map((row) => [Number(row.fields[0]), row.fields[1]]))
  expect(byLine.get(3)).toMatch(/^column date: /)
  expect(byLine.get(4)).toMatch(/column killed_min: /)
  for (const messages of byLine.values()) expect(messages).not.toBe('')
})

test('caps a long issues list with "and N more"', async ({ page }) => {
  const lines = Array.from({ length: 2500 }, (_, i) => `id${i},not a date,civilians,,,,`)
  await importFile(page, tempFile('many-issues.csv', `${HEADER}\n${lines.join('\n')}\n`))
  await expect(summary(page)).toContainText('0 rows loaded, 2500 rows with issues')
  await expect(page.getByTestId('import-issues')).toContainText('and 2400 more')
})

test.describe('a file that cannot be used leaves the data as it was', () => {
  for (const [name, message] of [
    ['empty.csv', 'The file is empty.'],
    ['binary.png', 'not CSV text'],
    ['real/workbook-saved-as.csv', 'Excel workbook'],
  ] as const) {
    test(name, async ({ page }) => {
      const before = await page.getByText(/rows from data\/attacks\.csv/).textContent()
      const path = fixture(name)
      await importFile(page, path)
      const issues = page.getByTestId('import-issues')
      await expect(issues).toContainText(`${name.replace('real/', '')} was not loaded`)
      await expect(issues).toContainText(message)
      await expect(page.getByText(/rows from data\/attacks\.csv/)).toHaveText(before ?? '')
    })
  }
})

test('maps the columns of a GTD export before loading', async ({ page }) => {
  await importFile(page, fixture('gtd-export.csv'))
  const form = page.getByRole('form', { name: /Map the columns of gtd-export\.csv/ })
  await expect(form).toBeVisible()
  await expect(form.getByTestId('mapping-format')).toContainText('Global Terrorism Database')
  await expect(form.getByLabel('date', { exact: true })).toHaveValue('1')
  await expect(
    form.getByLabel('incident_id', { exact: true }).locator('option:checked'),
  ).toHaveText('eventid')
  await form.getByLabel('admin2', { exact: true }).selectOption({ label: 'region_txt' })
  await page.screenshot({ path: 'test-results/import-mapping.png', fullPage: true })
  const mappingAxe = await new AxeBuilder({ page }).include('.column-mapping').analyze()
  expect(mappingAxe.violations).toEqual([])
  await form.getByRole('button', { name: 'Load with this mapping' }).click()
  await expect(summary(page)).toContainText('3 rows loaded, 1 row with issues')
  await expect(page.getByTestId('import-issues')).toContainText(
    'line 5, column killed_min: "1.5" is not a count',
  )
  await expect(page.getByTestId('import-issues')).toContainText(
    '2 counts were written with a zero fraction',
  )
})

test('reads Windows-1252 bytes with a visible warning, 0x80-0x9F included', async ({ page }) => {
  // é is 0xE9, € is 0x80 and ’ is 0x92 in Windows-1252; none is valid UTF-8 alone.
  const text = `${HEADER},notes\nW1,2021,civilians,1,1,,,caf\u00e9 \u20ac5 it\u2019s\n`
  const bytes = Uint8Array.from(
    [...text].map(
      (char) => ({ '\u00e9': 0xe9, '\u20ac': 0x80, '\u2019': 0x92 })[char] ?? char.charCodeAt(0),
    ),
  )
  await importFile(page, tempFile('latin.csv', bytes))
  await expect(summary(page)).toContainText('1 row loaded')
  await expect(page.getByTestId('import-issues')).toContainText('read as Windows-1252')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Export CSV/ }).click(),
  ])
  const exported = loadCsv(readFileSync(await download.path()))
  expect(exported.store?.record(0).notes).toBe('caf\u00e9 \u20ac5 it\u2019s')
})

test('keeps markup in a value as text, in the data and in the issues list', async ({ page }) => {
  const markup = '<img src=x onerror="window.__xss=1">'
  const csv = `${HEADER}\nX1,2021,"${markup.replace(/"/g, '""')}",1,1,,\nX2,2021,civilians,"${markup.replace(/"/g, '""')}",,,\n`
  await importFile(page, tempFile('markup.csv', csv))
  await expect(summary(page)).toContainText('1 row loaded, 1 row with issues')
  await expect(page.getByTestId('import-issues')).toContainText(markup)
  await expect(page.locator('img[src="x"]')).toHaveCount(0)
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined()
})
