/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'

// Tests run in UTC with an English locale, so dates and number formats never depend on the machine.
process.env.TZ = 'UTC'

export default defineConfig({
  plugins: [
    vue(),
    // An installable web app that opens without a network once visited: a service worker keeps
    // the built files (the shipped data is inside the JavaScript). A new version waits until the
    // user reloads for it (registerType 'prompt'), so a page in use is never swapped underneath.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Casualty statistics dashboard',
        short_name: 'Casualties',
        description:
          'Casualty figures coded from news reports, each with the source’s words and its uncertainty.',
        theme_color: '#0072b2',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: './',
        scope: './',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: 'index.html',
      },
    }),
  ],
  base: './',
  worker: { format: 'es' },
  test: {
    // A hang guard, not a speed target: property tests and the command-line tests that start tsx
    // take seconds on a busy 2-core machine.
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          environment: 'node',
          include: [
            'test/core/**/*.test.ts',
            'test/charts/**/*.test.ts',
            'test/cli/**/*.test.ts',
            'test/data/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'components',
          environment: 'happy-dom',
          include: ['test/components/**/*.test.ts', 'test/composables/**/*.test.ts'],
        },
      },
    ],
  },
})
