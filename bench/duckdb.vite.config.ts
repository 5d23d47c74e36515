// Builds DuckDB-WASM's page for `npm run bench:peers` (bench/duckdb.html): its script, worker and
// wasm as plain assets; the bench gives the output folder.
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const HERE = dirname(fileURLToPath(import.meta.url))

export default defineConfig({
  root: HERE,
  logLevel: 'warn',
  build: { emptyOutDir: true, rollupOptions: { input: resolve(HERE, 'duckdb.html') } },
})
