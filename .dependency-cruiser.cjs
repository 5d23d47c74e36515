// dependency-cruiser: the import graph of src/ (and of the tests, bench and tools that import it)
// must have no cycle, counting type-only imports too: a cycle of types still ties the files of two
// steps together, and would become a run-time cycle with the first value imported along it.
// src/core stays below the page: it imports nothing from components, composables or charts.

// The steps of src/core and what each may not import: a step builds only on the steps before it
// (docs/architecture.md draws them). The loose files (schema, date, format, steps) import no step.
const STEPS_BELOW = {
  csv: ['store', 'load', 'view', 'chart', 'export', 'extract'],
  store: ['load', 'view', 'chart', 'export', 'extract'],
  load: ['view', 'chart', 'export', 'extract'],
  view: ['load', 'chart', 'export', 'extract'],
  chart: ['load', 'export', 'extract'],
  export: ['load', 'chart', 'extract'],
  extract: ['csv', 'store', 'load', 'view', 'chart', 'export'],
}
const layerRules = Object.entries(STEPS_BELOW).map(([step, later]) => ({
  name: `core-${step}-layer`,
  severity: 'error',
  comment: `src/core/${step} builds on the steps before it, never on ${later.join(', ')}.`,
  from: { path: `^src/core/${step}/` },
  to: { path: `^src/core/(${later.join('|')})/` },
}))

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'core-loose-files-below-the-steps',
      severity: 'error',
      comment: 'schema, date, format and steps are what every step builds on: they import no step.',
      from: { path: '^src/core/[^/]+\\.ts$' },
      to: { path: '^src/core/[^/]+/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycle anywhere, type-only imports included.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-plain-typescript',
      severity: 'error',
      comment: 'src/core runs in the page, the worker and the command line: no UI code.',
      from: { path: '^src/core/' },
      to: { path: '^src/(components|composables|charts|workers|cli)/' },
    },
    {
      name: 'papaparse-off-the-page',
      severity: 'error',
      comment:
        'Neither the page nor its workers parse with PapaParse (the import scans bytes with csv/scanner): it stays out of their bundles. The tests and the bench use it as the reference grammar.',
      from: { path: '^src/(main\\.ts|workers/)' },
      to: { path: '^node_modules/papaparse/', reachable: true },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'Every relative import resolves to a file.',
      from: {},
      to: { couldNotResolve: true, path: '^\\.' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|bench/out)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.test.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.vue', '.js', '.mjs'],
    },
  },
}
