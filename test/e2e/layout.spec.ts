import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'

// The page at the widths people read it at, from a small phone to a wide desktop, light and dark:
// nothing scrolls sideways, axe-core finds no serious or critical violation, and a full-page
// screenshot is written for a person to look at (test-results/ unless LAYOUT_SHOT_DIR says where).
const SHOT_DIR = process.env.LAYOUT_SHOT_DIR ?? 'test-results/layout'
const WIDTHS = [320, 375, 768, 1024, 1440, 1920]

test.use({ contextOptions: { reducedMotion: 'reduce' } })

for (const scheme of ['light', 'dark'] as const) {
  for (const width of WIDTHS) {
    test(`${width} px, ${scheme}: no sideways scroll, axe-clean`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme })
      await page.setViewportSize({ width, height: 900 })
      await page.goto('./')
      await expect(page.locator('.chart-card canvas').first()).toBeVisible()
      await page.screenshot({ path: `${SHOT_DIR}/${width}-${scheme}.png`, fullPage: true })
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
