// dependency-cruiser: the import graph of src/ (and of the tests, bench and tools that import it)
// must have no cycle, counting type-only imports too: a cycle of types still ties the files of two
// steps together, and would become a run-time cycle with the first value imported along it.
// src/core stays below the page: it imports nothing from components, composables or charts.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
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
      name: 'papaparse-off-the-first-visit',
      severity: 'error',
      comment:
        'The page never parses with PapaParse (the import worker scans bytes): it stays out of the entry bundle. The worker, the command line and the tests may use it.',
      from: { path: '^src/main\\.ts$' },
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
