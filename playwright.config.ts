import { defineConfig } from '@playwright/test'
// @ts-expect-error: a plain .mjs helper shared with scripts/check-chromium.mjs
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium-path.mjs'

const executablePath = (findChromium() as string | null) ?? undefined
// E2E_PORT lets several checkouts (or developers) run the suite at once without sharing a build.
const PORT = Number(process.env.E2E_PORT ?? 4173)
const OUT_DIR = PORT === 4173 ? 'dist' : `node_modules/.e2e-dist-${PORT}`

// End-to-end tests run against the production build (`vite build` + `vite preview`): some bugs
// exist only there (PapaParse's own worker mode, for one, hangs in a production build alone).
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    browserName: 'chromium',
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    locale: 'en-US',
    timezoneId: 'UTC',
    acceptDownloads: true,
    trace: 'off',
  },
  webServer: {
    command: `npx vite build --logLevel warn --outDir ${OUT_DIR} && npx vite preview --outDir ${OUT_DIR} --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
})
