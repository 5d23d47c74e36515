/// <reference lib="dom" />
/// <reference types="vite/client" />
// The page DuckDB-WASM runs in for `npm run bench:peers` (bench/duckdb.html, built by Vite): what a
// user would pick instead of the dashboard. DuckDB starts when the page opens (its EH build, one
// thread, in its own worker); a chosen file is registered from the File, read with read_csv into
// a table, and the same figures as the dashboard's are queried and written into the page. The
// bench times file chosen -> figures painted, and the filter change through window.__filter.

import * as duckdb from '@duckdb/duckdb-wasm'
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url'
import { figuresFromSql, figuresSql, filterWhere, type Figures } from './peerFigures'

const state = document.querySelector('[data-testid=state]') as HTMLElement
const shown = document.querySelector('[data-testid=figures]') as HTMLElement
const input = document.querySelector('input[type=file]') as HTMLInputElement

const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(workerUrl))
const ready = db.instantiate(wasmUrl).then(() => db.connect())

type Row = (string | number | null)[]

async function figures(where: string): Promise<Figures> {
  const connection = await ready
  const tables = await Promise.all(figuresSql('t', where).map((sql) => connection.query(sql)))
  const rows = tables.map((table) =>
    table
      .toArray()
      .map((row: { toArray(): unknown[] }) =>
        row.toArray().map((value) => (typeof value === 'bigint' ? Number(value) : value)),
      ),
  ) as Row[][]
  return figuresFromSql(rows[0]?.[0] ?? [], rows[1] ?? [], rows[2] ?? [])
}

function show(result: Figures): void {
  shown.textContent = JSON.stringify(result)
}

void ready.then(() => {
  state.textContent = 'ready'
})

input.addEventListener('change', async () => {
  const file = input.files?.[0]
  if (!file) return
  state.textContent = 'importing'
  const connection = await ready
  await db.registerFileHandle('data.csv', file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true)
  await connection.query(`CREATE TABLE t AS SELECT * FROM read_csv('data.csv')`)
  show(await figures(''))
  state.textContent = 'done'
})

// One filter change: the figures with one target group dropped (or every row again) and the
// table's first page in date order, written into the page.
;(window as unknown as { __filter: (dropped: boolean) => Promise<void> }).__filter = async (
  dropped,
) => {
  const where = filterWhere(dropped)
  const connection = await ready
  const [result] = await Promise.all([
    figures(where),
    connection.query(`SELECT * FROM t ${where} ORDER BY date LIMIT 50`),
  ])
  show(result)
}
