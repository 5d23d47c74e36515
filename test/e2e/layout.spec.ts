import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'

// The page at the widths people read it at, from a small phone to a wide desktop, light and dark:
// nothing scrolls sideways, axe-core finds no serious or critical violation, and a full-page
// screenshot is written for a person to look at (test-results/ unless LAYOUT_SHOT_DIR says where).
const SHOT_DIR = process.env.LAYOUT_SHOT_DIR ?? 'test-results/layout'
// `npm run screenshots` (SCREENSHOT_DIR=docs/screenshots) also keeps the dark page at the README's
// two widths there, beside the light ones the dashboard spec takes.
const README_DIR = process.env.SCREENSHOT_DIR
const README_WIDTHS = [375, 1440]
const WIDTHS = [320, 375, 768, 1024, 1440, 1920]

test.use({ contextOptions: { reducedMotion: 'reduce' } })

for (const scheme of ['light', 'dark'] as const) {
  for (const width of WIDTHS) {
    test(`${width} px, ${scheme}: screenshot, no sideways scroll, axe-clean`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme })
      await page.setViewportSize({ width, height: 900 })
      await page.goto('./')
      await expect(page.locator('.chart-card canvas').first()).toBeVisible()
      await page.screenshot({ path: `${SHOT_DIR}/${width}-${scheme}.png`, fullPage: true })
      if (README_DIR && scheme === 'dark' && README_WIDTHS.includes(width)) {
        await page.screenshot({ path: `${README_DIR}/dashboard-${width}-dark.png`, fullPage: true })
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      )
      const results = await new AxeBuilder({ page }).analyze()
      const bad = results.violations.filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      )
      expect(
        bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([])
    })
  }
}

test('on a phone each incident is a card with its date, place, group, figures and quote', async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 800 })
  await page.goto('./')
  const cards = page.getByRole('region', { name: 'Incidents, row by row' }).getByRole('listitem')
  const first = cards.first()
  await expect(first).toBeVisible()
  for (const words of ['Killed', 'Injured']) await expect(first).toContainText(words)
  await expect(first.getByRole('button', { name: /^Quote/ })).toBeVisible()
  // Every part of the card is inside the screen: nothing to scroll sideways to.
  const box = await first.boundingBox()
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(375)
})

for (const width of [375, 1024, 1440]) {
  test(`"Show as table" shows every column of both charts at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 })
    await page.goto('./')
    for (const what of ['by target group', 'over time']) {
      await page.getByRole('button', { name: `Show as table (${what})` }).click()
    }
    const scrollers = page.locator('.chart-card .table-scroll')
    await expect(scrollers.nth(1)).toBeVisible()
    for (const scroller of await scrollers.all()) {
      const cut = await scroller.evaluate((element) => element.scrollWidth - element.clientWidth)
      expect(cut).toBeLessThanOrEqual(0)
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    )
  })
}
