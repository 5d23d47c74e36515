/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// Tests run in UTC with an English locale, so dates and number formats never depend on the machine.
process.env.TZ = 'UTC'

export default defineConfig({
  plugins: [vue()],
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
