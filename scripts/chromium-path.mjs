// Where the end-to-end tests find Chromium: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else
// the browser Playwright downloaded itself (`npx playwright install chromium`), else none.
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  for (const path of candidates) if (path && existsSync(path)) return path
  try {
    const own = chromium.executablePath()
    if (own && existsSync(own)) return own
  } catch {
    // Playwright has no browser of its own here.
  }
  return null
}

/** The flags this machine's closed network and root user need (see README, "Testing"). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
