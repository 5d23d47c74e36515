import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { loadCsv } from '../../src/core/load/loader'
import type { CasualtyRecord } from '../../src/core/schema'

// Expected figures come from the shipped CSV itself, read by the same core the page uses.
const shipped = loadCsv(readFileSync('data/attacks.csv'))
const records: CasualtyRecord[] = shipped.store?.records() ?? []

function expectedTotals(rows: CasualtyRecord[]) {
  return {
    incidents: new Set(rows.map((r) => r.incident_id)).size,
    killed: rows.reduce((sum, r) => sum + (r.killed_min ?? 0), 0),
    injured: rows.reduce((sum, r) => sum + (r.injured_min ?? 0), 0),
  }
}

/** The first number in a text, thousands separators allowed. */
function firstNumber(text: string): number {
  const match = /\d[\d,]*/.exec(text)
  if (!match) throw new Error(`no number in “${text}”`)
  return Number(match[0].replace(/,/g, ''))
}

// A figure no row gives is never 0 on a card: "not quantified" when rows give it in words only,
// "not given" when no row mentions it (0 only for a view without rows).
function noFigureText(rows: CasualtyRecord[], measure: 'killed' | 'injured'): string | null {
  if (rows.length === 0) return null
  if (rows.some((r) => r[`${measure}_min`] !== null || r[`${measure}_max`] !== null)) return null
  return rows.some((r) => r[`${measure}_text`] !== '') ? 'not quantified' : 'not given'
}

async function expectHeadline(page: Page, rows: CasualtyRecord[]) {
  const expected = expectedTotals(rows)
  for (const [id, value] of [
    ['kpi-incidents', expected.incidents],
    ['kpi-killed', expected.killed],
    ['kpi-injured', expected.injured],
  ] as const) {
    const text = (await page.getByTestId(id).textContent()) ?? ''
    const measure = id === 'kpi-killed' ? 'killed' : id === 'kpi-injured' ? 'injured' : null
    const words = measure && noFigureText(rows, measure)
    if (words) expect(text, id).toBe(words)
    else expect(firstNumber(text), `${id}: ${text}`).toBe(value)
  }
}

const groupCanvas = (page: Page) =>
  page.locator('#by-group-title').locator('xpath=ancestor::section[1]').locator('canvas')
const timeCanvas = (page: Page) =>
  page.locator('#over-time-title').locator('xpath=ancestor::section[1]').locator('canvas')

test.use({ contextOptions: { reducedMotion: 'reduce' } })

test('headline figures match the CSV and say what is uncertain', async ({ page }) => {
  await page.goto('./')
  await expectHeadline(page, records)
  // Some killed rows have no maximum, so the total is a lower bound.
  await expect(page.getByTestId('kpi-killed')).toContainText('at least')
  const unquantifiedIncidents = new Set(
    records
      .filter(
        (r) =>
          (r.killed_text !== '' && r.killed_min === null && r.killed_max === null) ||
          (r.injured_text !== '' && r.injured_min === null && r.injured_max === null),
      )
      .map((r) => r.incident_id),
  ).size
  await expect(
    page.getByText(`${unquantifiedIncidents} incidents with unquantified casualties`),
  ).toBeVisible()
  await expect(page.getByTestId('row-count')).toHaveText(String(records.length))
  await expect(page.getByTestId('table-range')).toHaveText(
    `Rows 1-${records.length} of ${records.length}`,
  )
})

test('clicking a bar filters by its group, the link restores the view, back undoes it', async ({
  page,
}) => {
  await page.goto('./')
  const canvas = groupCanvas(page)
  await expect(canvas).toBeVisible()
  const box = await canvas.boundingBox()
  if (!box) throw new Error('no chart')
  // The first band from the top is the group with the most killed.
  await canvas.click({ position: { x: box.width / 2, y: 30 } })
  await expect(page).toHaveURL(/group=/)
  const group = new URL(page.url()).searchParams.get('group') ?? ''
  const rows = records.filter((r) => r.target_group === group)
  expect(rows.length).toBeGreaterThan(0)
  await expectHeadline(page, rows)
  await expect(
    page.getByRole('button', { name: `Remove filter Target group: ${group}` }),
  ).toBeVisible()
  await expect(page.getByRole('checkbox', { name: group, exact: true })).toBeChecked()

  // The shared link shows the same view after a reload.
  await page.reload()
  await expectHeadline(page, rows)
  await expect(page.getByRole('checkbox', { name: group, exact: true })).toBeChecked()

  // Back returns to the whole dataset, forward to the filtered view.
  await page.goBack()
  await expect(page).not.toHaveURL(/group=/)
  await expectHeadline(page, records)
  await page.goForward()
  await expectHeadline(page, rows)

  await page.getByRole('button', { name: 'Reset filters' }).click()
  await expectHeadline(page, records)
})

test('clicking a month filters to that month; year-only rows are left out of months and counted', async ({
  page,
}) => {
  await page.goto('./')
  const yearOnly = records.filter((r) => /^\d{4}$/.test(r.date)).length
  await expect(page.getByTestId('year-only-note')).toContainText(
    `${yearOnly} row dated only to a year`,
  )
  const canvas = timeCanvas(page)
  const box = await canvas.boundingBox()
  if (!box) throw new Error('no chart')
  // The first month on the axis sits at the left of the plot.
  await canvas.click({ position: { x: 70, y: box.height / 2 } })
  await expect(page).toHaveURL(/from=\d{4}-\d{2}&to=\d{4}-\d{2}/)
  const month = new URL(page.url()).searchParams.get('from') ?? ''
  await expectHeadline(
    page,
    records.filter((r) => r.date.startsWith(month)),
  )
  await page.goto('./?time=year')
  await expect(page.getByTestId('year-only-note')).toHaveCount(0)
  await page.getByRole('button', { name: /Show as table \(over time/ }).click()
  const table = page.getByRole('table').filter({ hasText: 'per year' })
  await expect(table.getByRole('rowheader', { name: '2024' })).toBeVisible()
})

test('a bad or stale link is ignored with a notice, never a blank page', async ({ page }) => {
  await page.goto('./?from=2021-13&group=martians&metric=wounded&group=civilians')
  const notices = page.getByTestId('view-notices')
  await expect(notices).toContainText('from=2021-13')
  await expect(notices).toContainText('group=martians')
  await expect(notices).toContainText('metric=wounded')
  await expectHeadline(
    page,
    records.filter((r) => r.target_group === 'civilians'),
  )
  await expect(page).toHaveURL(/group=civilians/)
  await expect(page).not.toHaveURL(/martians/)
})

test('an empty result says so and offers the way back', async ({ page }) => {
  await page.goto('./')
  await page.getByLabel('Search location, notes and quotes').fill('no such place anywhere')
  await expect(page.getByTestId('empty-state')).toContainText('No rows match these filters')
  await page.getByTestId('empty-state').getByRole('button', { name: 'Show all rows' }).click()
  await expectHeadline(page, records)
})

test('the chart tables and downloads carry the plotted numbers', async ({ page }) => {
  await page.goto('./')
  await page.getByRole('button', { name: /Show as table \(by target group\)/ }).click()
  const table = page.getByRole('table').filter({ hasText: 'Killed, minimum' }).first()
  const civilians = records.filter((r) => r.target_group === 'civilians')
  await expect(table.getByRole('row', { name: /civilians/ })).toContainText(
    String(civilians.reduce((s, r) => s + (r.killed_min ?? 0), 0)),
  )
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download table CSV (by target group)' }).click(),
  ])
  const text = readFileSync((await csv.path()) ?? '', 'utf8')
  expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
    '"target_group","killed_min","killed_max","killed_open_max_rows","killed_unquantified_rows","injured_min","injured_max","injured_open_max_rows","injured_unquantified_rows","rows"',
  )
  await page.getByRole('button', { name: /Show as chart \(by target group\)/ }).click()
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download chart PNG (by target group)' }).click(),
  ])
  expect(png.suggestedFilename()).toMatch(/\.png$/)
  const bytes = readFileSync((await png.path()) ?? '')
  expect(bytes.subarray(1, 4).toString()).toBe('PNG')
})

test('works with the keyboard alone', async ({ page }) => {
  await page.goto('./')
  // Tab to the first target-group checkbox and tick it with Space.
  const firstGroup = page.getByRole('group', { name: 'Target group' }).getByRole('checkbox').first()
  const name =
    (await firstGroup.evaluate((el) => el.closest('label')?.textContent ?? ''))
      .trim()
      .split(/\s+\d+$/)[0] ?? ''
  for (
    let i = 0;
    i < 20 && !(await firstGroup.evaluate((el) => el === document.activeElement));
    i++
  ) {
    await page.keyboard.press('Tab')
  }
  await expect(firstGroup).toBeFocused()
  await page.keyboard.press('Space')
  await expect(page).toHaveURL(/group=/)
  await expectHeadline(
    page,
    records.filter((r) => r.target_group === name),
  )
  // The chart's table view filters like a click on a bar.
  const show = page.getByRole('button', { name: /Show as table \(by target group\)/ })
  await show.focus()
  await page.keyboard.press('Enter')
  const only = page.getByRole('button', { name: `Show only ${name}` })
  await only.focus()
  await page.keyboard.press('Enter')
  await expect(
    page.getByRole('button', { name: `Remove filter Target group: ${name}` }),
  ).toBeVisible()
  await expectHeadline(
    page,
    records.filter((r) => r.target_group === name),
  )
  // Sort the table by killed with Enter on its header.
  const killedHeader = page
    .getByRole('region', { name: 'Incidents, row by row' })
    .getByRole('columnheader', { name: /Killed/ })
  await killedHeader.getByRole('button').focus()
  await page.keyboard.press('Enter')
  await expect(killedHeader).toHaveAttribute('aria-sort', 'descending')
  // Open a source quote: the figure's words are highlighted.
  const quote = page.getByRole('button', { name: /^Quote/ }).first()
  await quote.focus()
  await page.keyboard.press('Enter')
  await expect(quote).toHaveAttribute('aria-expanded', 'true')
  await expect(page.locator('blockquote mark').first()).toBeVisible()
  // Switch tabs with the arrow keys.
  await page.getByRole('tab', { name: 'Dashboard' }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('tab', { name: 'From text' })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  await expect(page).toHaveURL(/tab=text/)
  await page.goBack()
  await expect(page.getByRole('tab', { name: 'Dashboard' })).toHaveAttribute(
    'aria-selected',
    'true',
  )
})

for (const scheme of ['light', 'dark'] as const) {
  test(`no serious or critical axe-core violation (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme })
    await page.goto('./')
    await page
      .getByRole('button', { name: /^Quote/ })
      .first()
      .click()
    await page.getByRole('button', { name: /Show as table \(by target group\)/ }).click()
    const results = await new AxeBuilder({ page }).analyze()
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
      [],
    )
  })
}

// Screenshots go to test-results/ (ignored by git), so `npm test` changes no tracked file;
// `npm run screenshots` runs these tests with SCREENSHOT_DIR=docs/screenshots to refresh the README's.
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots'

for (const width of [1440, 375]) {
  test(`screenshot at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 })
    await page.goto('./')
    await expect(groupCanvas(page)).toBeVisible()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    )
    await page.screenshot({ path: `${SCREENSHOT_DIR}/dashboard-${width}.png`, fullPage: true })
  })
}
