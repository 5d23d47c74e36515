// `npx tsx bench/extract.ts`: how long the extraction assistant takes on a 10,000-word report,
// made of the published development reports (test/fixtures/extract/real/dev/) repeated, with their
// paragraphs and as one paragraph with no breaks. The target is 1 s in Node.

import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { extractIncidents } from '../src/core/extract'

const dir = fileURLToPath(new URL('../test/fixtures/extract/real/dev/', import.meta.url))
let text = ''
for (const name of readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort())
  text += `${readFileSync(join(dir, name), 'utf8')}\n\n`
while (text.split(/\s+/).length < 10000) text += text
const report = text.split(/(\s+)/).slice(0, 20000).join('')
const flat = report.replace(/\s+/g, ' ')

for (const [label, words] of [
  ['10,000 words, with paragraphs', report],
  ['10,000 words, one paragraph', flat],
] as const) {
  const start = performance.now()
  const result = extractIncidents(words)
  const ms = performance.now() - start
  console.log(
    `${label}: ${ms.toFixed(0)} ms (${result.rows.length} rows) ${ms <= 1000 ? 'within 1 s' : 'OVER 1 s'}`,
  )
}
