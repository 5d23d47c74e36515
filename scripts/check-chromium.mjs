// Stops `npm test` with one line that says how to get a browser when none is found.
import { findChromium } from './chromium-path.mjs'

if (!findChromium()) {
  console.error(
    'No Chromium for the end-to-end tests: on Debian/Ubuntu run `apt-get install chromium`; elsewhere `npx playwright install chromium` (or set CHROMIUM_PATH).',
  )
  process.exit(1)
}
