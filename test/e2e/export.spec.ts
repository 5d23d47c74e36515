import { expect, test, type Page } from '@playwright/test'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { storeToCsv } from '../../src/core/export/exportCsv'
import { EXCEL_FRIENDLY } from '../../src/core/csv/write'
import { allRows } from '../../src/core/view/filter'
import { loadCsv } from '../../src/core/load/loader'

const HEADER = 'incident_id,date,target_group,killed_min,killed_max,injured_min,injured_max'

function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'export-e2e-')), name)
  writeFileSync(path, content)
  return path
}

async function exportCsv(page: Page): Promise<{ name: string; bytes: Buffer; path: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Export CSV/ }).click(),
  ])
  const path = await download.path()
  return { name: download.suggestedFilename(), bytes: readFileSync(path), path }
}

// The page's export of every row of `file`, byte for byte as the core writes the file read whole.
function expectExportOf(file: string, bytes: Buffer): void {
  const store = loadCsv(readFileSync(file)).store
  if (!store) throw new Error('the file did not load')
  const expected = Buffer.from(
    new TextEncoder().encode(storeToCsv(store, allRows(store), EXCEL_FRIENDLY)),
  )
  expect(bytes.length).toBe(expected.length)
  expect(bytes.equals(expected)).toBe(true)
}

test.beforeEach(async ({ page }) => {
  await page.goto('./')
  await expect(page.getByRole('button', { name: /Export CSV/ })).toBeEnabled()
})

test('exports every row and column of the shipped data, and the export re-imports to the same data', async ({
  page,
}) => {
  const shipped = loadCsv(readFileSync('data/attacks.csv'))
  const first = await exportCsv(page)
  expect(first.name).toMatch(/^casualties-all-\d{4}-\d{2}-\d{2}\.csv$/)
  expect([...first.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  expect(first.bytes.toString('utf8')).toContain('\r\n')
  const exported = loadCsv(first.bytes)
  expect(exported.rowIssues).toEqual([])
  expect(exported.store?.records()).toEqual(shipped.store?.records())

  // Through the page: import the downloaded file, export again, get the same bytes.
  await page.getByLabel('Import CSV').setInputFiles(first.path)
  await expect(page.getByTestId('import-summary')).toContainText(
    `${shipped.summary.rowsLoaded} rows loaded, 0 rows with issues (0 blank lines ignored)`,
  )
  const second = await exportCsv(page)
  expect(second.bytes.equals(first.bytes)).toBe(true)
})

test('escapes a formula cell on export and gives it back unchanged on import', async ({ page }) => {
  const formula = '=HYPERLINK("http://example.com/x","click me")'
  const csv = `${HEADER},notes,link\nF1,2021-10,civilians,1,1,,,"${formula.replace(/"/g, '""')}","@SUM(A1)"\nF2,2021-10,civilians,-5,,,,"-5",plain\n`
  await page.getByLabel('Import CSV').setInputFiles(tempFile('formulas.csv', csv))
  await expect(page.getByTestId('import-summary')).toContainText('1 row loaded, 1 row with issues')
  const { bytes, path } = await exportCsv(page)
  const text = bytes.toString('utf8')
  expect(text).toContain(`"'=HYPERLINK(""http://example.com/x"",""click me"")"`)
  expect(text).toContain(`"'@SUM(A1)"`)
  // No cell starts a formula, even after its opening quote.
  for (const cell of text.replace(/^\uFEFF/, '').split(/","|^"|"\r\n"?/m)) {
    expect(cell).not.toMatch(/^[=+@\t\r]/)
  }
  await page.getByLabel('Import CSV').setInputFiles(path)
  await expect(page.getByTestId('import-summary')).toContainText('1 row loaded, 0 rows with issues')
  const again = loadCsv((await exportCsv(page)).bytes)
  expect(again.store?.record(0).notes).toBe(formula)
  expect(again.store?.record(0).extra.link).toBe('@SUM(A1)')
})

test('exports only the rows the filters show, named after the filters', async ({ page }) => {
  const shipped = loadCsv(readFileSync('data/attacks.csv'))
  const group = 'shia worshippers'
  await page.getByRole('checkbox', { name: new RegExp(`^${group}`) }).check()
  const wanted = shipped.store?.records().filter((r) => r.target_group === group) ?? []
  await expect(page.getByRole('button', { name: /Export CSV/ })).toContainText(
    `(${wanted.length} rows)`,
  )
  const { name, bytes } = await exportCsv(page)
  expect(name).toMatch(/^casualties-shia-worshippers-\d{4}-\d{2}-\d{2}\.csv$/)
  expect(loadCsv(bytes).store?.records()).toEqual(wanted)
})

test('writes plain RFC 4180 with an HXL hashtag row on request', async ({ page }) => {
  // The format choices are in a small dialog beside the button.
  await page.getByRole('button', { name: /^Export options/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Export options' })
  await dialog.getByLabel('Format').selectOption('rfc4180')
  await dialog.getByLabel('HXL hashtag row').check()
  await dialog.getByRole('button', { name: 'Done' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('button', { name: /^Export options/ })).toHaveAccessibleName(
    'Export options (plain RFC 4180, HXL row)',
  )
  const { bytes } = await exportCsv(page)
  expect(bytes[0]).toBe(0x22) // '"': no byte-order mark
  const lines = bytes.toString('utf8').split('\r\n')
  expect(lines[1]).toContain('"#event+id","#date+occurred","#country+name","#adm1+name"')
  expect(lines[1]).toContain('"#affected+killed+min","#affected+killed+max"')
  const reloaded = loadCsv(bytes)
  expect(reloaded.summary.skippedLines).toBe(1)
  expect(reloaded.rowIssues).toEqual([])
})

test('writes a big export in steps, through the Blob worker, to the bytes of the one-shot writer', async ({
  page,
}) => {
  test.setTimeout(120_000)
  // 40,000 rows (about 9 MB): more than a task's worth of writing anywhere, so the export yields
  // and hands its pieces to the worker. Quotes, line breaks, formulas and non-ASCII text included.
  const lines = [`${HEADER},notes,extra col`]
  for (let i = 0; i < 40_000; i++) {
    const note = [`a "quoted" note ${i}`, `=SUM(A${i})`, `two\r\nlines é ${i}`, '', `‘x’ ${i}`][
      i % 5
    ]
    lines.push(
      `B${i},2021-${String((i % 12) + 1).padStart(2, '0')},group ${i % 7},${i % 90},${i % 3 ? (i % 90) + 2 : ''},,,"${note?.replace(/"/g, '""')}",${i % 4 ? `+${i}` : ''}`,
    )
  }
  const file = tempFile('big-export.csv', `${lines.join('\n')}\n`)
  const workers: string[] = []
  page.on('worker', (worker) => workers.push(worker.url()))
  await page.getByLabel('Import CSV').setInputFiles(file)
  await expect(page.getByTestId('import-summary')).toContainText(
    '40000 rows loaded, 0 rows with issues',
    { timeout: 60_000 },
  )
  await expect(page.getByRole('button', { name: /Export CSV \(40,000 rows\)/ })).toBeEnabled()
  workers.length = 0
  const first = await exportCsv(page)
  expect(workers.some((url) => /blob\.worker/.test(url))).toBe(true)
  expectExportOf(file, first.bytes)
  await expect(page.getByRole('progressbar', { name: 'Preparing the export' })).toBeHidden()

  await page.getByLabel('Import CSV').setInputFiles(first.path)
  await expect(page.getByTestId('import-summary')).toContainText(
    '40000 rows loaded, 0 rows with issues',
    { timeout: 60_000 },
  )
  const second = await exportCsv(page)
  expect(second.bytes.equals(first.bytes)).toBe(true)
})

// A file of 16 MB or more is read by two workers, each a part of it, and the first joins the
// second's part to its own (its text copied once, at the end, in a browser): the export of what
// the page holds is the export of the file read whole, byte for byte.
test('exports a big file read by two workers exactly as the file read whole', async ({ page }) => {
  test.setTimeout(180_000)
  const lines = [`${HEADER},source_quote,notes,kept`]
  let size = 0
  for (let i = 0; size < 18 * 1024 * 1024; i++) {
    const quote = `"${i % 3 ? 'killing' : 'at least'} ${i % 90} ""people"", near Kābul – ${'é'.repeat(i % 4)}"`
    const note = i % 5 === 0 ? '' : `"note ${i}\nsecond line"`
    const line = `T${i % 70_000},2021-${String((i % 12) + 1).padStart(2, '0')},group ${i % 9},${i % 90},${i % 4 ? (i % 90) + 1 : ''},,,${quote},${note},k${i % 13}`
    lines.push(line)
    size += line.length + 1
  }
  const file = tempFile('two-workers.csv', `${lines.join('\n')}\n`)
  const rows = lines.length - 1
  await page.getByLabel('Import CSV').setInputFiles(file)
  await expect(page.getByTestId('import-summary')).toContainText(
    `${rows} rows loaded, 0 rows with issues`,
    { timeout: 120_000 },
  )
  // Read in two parts: the page kept the second worker's steps.
  const steps = await page.evaluate(() =>
    performance.getEntriesByType('measure').map((entry) => entry.name),
  )
  expect(steps).toContain('import: second worker: read its part')
  expect(steps).toContain('import: first worker: append the second part')
  const exported = await exportCsv(page)
  expectExportOf(file, exported.bytes)
})
