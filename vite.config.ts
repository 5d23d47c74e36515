/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'

// Tests run in UTC with an English locale, so dates and number formats never depend on the machine.
process.env.TZ = 'UTC'

// The link preview (Open Graph, Twitter card) of the page, from the shipped dataset's own
// description: crawlers read the HTML and run no script, so the tags are written at build time.
// The preview image is public/og-image.png (made by `npm run screenshots`); SITE_URL, when set,
// makes its address absolute, as some crawlers want.
// `virtual:shipped-data`: data/attacks.csv and data/sources.csv read at build time by the
// import's own readers (core/load/shipped), so the first visit carries the rows, the sources and
// what was wrong with them, but no CSV reader.
// Modules of ours (and Vue's) that the page and lazily loaded parts share go to one file; those
// only lazily loaded parts use (a file reader, the extraction assistant, the CSV writer...) stay
// with them.
/** Boundaries and region names of every country but the shipped data's Afghanistan. */
const OTHER_COUNTRY_REGIONS =
  /\/src\/boundaries\/(adm1|names)\/(?!(regions-of-)?Afghanistan\.json$)/
const FIRST_VISIT_SHARED = /\/src\/|node_modules\/(@vue|vue)\//
const LAZY_ONLY =
  /src\/core\/(csv\/(scanner|dialect|decode)|load\/(sources|gradesCsv|mapping|dates|formats|loader|rowLoader|importJob|sourceFields)|extract\/|export\/exportCsv|store\/persist)\.ts/

function shippedData(): Plugin {
  const id = 'virtual:shipped-data'
  return {
    name: 'shipped-data',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    async load(resolved) {
      if (resolved !== `\0${id}`) return null
      this.addWatchFile(resolve('data/attacks.csv'))
      this.addWatchFile(resolve('data/sources.csv'))
      // The readers' TypeScript, run as it is (tsx), as the command-line tools run it.
      const { tsImport } = await import('tsx/esm/api')
      const { loadCsv } = (await tsImport(
        './src/core/load/loader.ts',
        import.meta.url,
      )) as typeof import('./src/core/load/loader')
      const { parseSources } = (await tsImport(
        './src/core/load/sources.ts',
        import.meta.url,
      )) as typeof import('./src/core/load/sources')
      const { toShipped } = (await tsImport(
        './src/core/load/shipped.ts',
        import.meta.url,
      )) as typeof import('./src/core/load/shipped')
      const rows = toShipped(loadCsv(readFileSync('data/attacks.csv', 'utf8')))
      const registry = parseSources(readFileSync('data/sources.csv', 'utf8'))
      const sources = { sources: [...registry.sources.values()], issues: registry.issues }
      return [
        `export const shippedLoad = ${JSON.stringify(rows)}`,
        `export const shippedSources = ${JSON.stringify(sources)}`,
      ].join('\n')
    },
  }
}

function socialPreview(): Plugin {
  return {
    name: 'social-preview',
    transformIndexHtml() {
      const json = JSON.parse(readFileSync('data/attacks.meta.json', 'utf8')) as unknown
      const field = (name: string) => {
        const value = (json as Record<string, unknown> | null)?.[name]
        return typeof value === 'string' ? value.trim() : ''
      }
      const meta = { title: field('title'), description: field('description') }
      const title = meta.title || 'Casualty statistics dashboard'
      const image = process.env.SITE_URL
        ? new URL('og-image.png', process.env.SITE_URL).href
        : './og-image.png'
      const tag = (key: 'property' | 'name', name: string, content: string): HtmlTagDescriptor => ({
        tag: 'meta',
        attrs: { [key]: name, content },
        injectTo: 'head',
      })
      return [
        tag('name', 'description', meta.description),
        tag('property', 'og:type', 'website'),
        tag('property', 'og:title', title),
        tag('property', 'og:description', meta.description),
        tag('property', 'og:image', image),
        tag('property', 'og:image:width', '1200'),
        tag('property', 'og:image:height', '630'),
        tag('property', 'og:image:alt', `A chart of ${title}`),
        tag('name', 'twitter:card', 'summary_large_image'),
        tag('name', 'twitter:title', title),
        tag('name', 'twitter:description', meta.description),
        tag('name', 'twitter:image', image),
      ]
    },
  }
}

export default defineConfig({
  plugins: [
    vue(),
    shippedData(),
    socialPreview(),
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
        // Other countries' provinces (about 1 MB gzip for 175 countries) are not fetched on
        // install: each is kept once the data has named its country, and read from there offline.
        globIgnores: ['assets/regions/**'],
        runtimeCaching: [
          {
            urlPattern: /\/assets\/regions\//,
            handler: 'CacheFirst',
            options: { cacheName: 'regions' },
          },
        ],
        navigateFallback: 'index.html',
      },
    }),
  ],
  base: './',
  worker: { format: 'es' },
  // Every component is written with <script setup> (the Composition API): Vue's Options API
  // support is left out of the build.
  define: { __VUE_OPTIONS_API__: false },
  build: {
    rollupOptions: {
      output: {
        chunkFileNames: (chunk) =>
          OTHER_COUNTRY_REGIONS.test(chunk.facadeModuleId ?? '')
            ? 'assets/regions/[name]-[hash].js'
            : 'assets/[name]-[hash].js',
        // Our modules (and Vue's) that the page and a lazily loaded part both use go to one shared
        // file, not to a small file each: every file compresses apart, and the first visit loaded
        // eight of them (about 3 KB gzip more, and a request each).
        codeSplitting: {
          groups: [
            {
              name: 'shared',
              test: (id: string) => FIRST_VISIT_SHARED.test(id) && !LAZY_ONLY.test(id),
              minShareCount: 2,
            },
          ],
        },
      },
    },
  },
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
