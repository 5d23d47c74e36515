import { describe, expect, it } from 'vitest'
import Papa from 'papaparse'
import { readFileSync } from 'node:fs'
import { runExtract } from '../../src/cli/extract'
import { evaluateRealSet, runEvalExtract } from '../../src/cli/evalExtract'
import { SCHEMA_COLUMNS } from '../../src/core/schema'

const REPORT = 'test/fixtures/extract/01-herat-mosque-and-minibus.txt'

function run(args: string[]) {
  let out = ''
  const err: string[] = []
  const code = runExtract(
    args,
    (text) => (out += text),
    (line) => err.push(line),
  )
  return { code, out, err }
}

describe('extract command', () => {
  it('prints the proposed rows as CSV in our schema with confidence and offsets', () => {
    const { code, out } = run([REPORT])
    expect(code).toBe(0)
    const parsed = Papa.parse<Record<string, string>>(out.trim(), { header: true })
    expect(parsed.meta.fields).toEqual([
      ...SCHEMA_COLUMNS,
      'confidence',
      'killed_start',
      'killed_end',
      'injured_start',
      'injured_end',
    ])
    expect(parsed.data).toHaveLength(2)
    expect(parsed.data[0]).toMatchObject({
      date: '2023-03-14',
      admin1: 'Herat',
      target_group: 'shia worshippers',
      killed_min: '21',
      killed_max: '',
      killed_text: 'at least 21 worshippers',
      source: '01-herat-mosque-and-minibus',
    })
    const text = readFileSync(REPORT, 'utf8')
    const first = parsed.data[0] as Record<string, string>
    expect(text.slice(Number(first.killed_start), Number(first.killed_end))).toBe(first.killed_text)
  })

  it('prints JSON with --json, and takes --source', () => {
    const { code, out } = run(['--json', '--source', 'wire-1', REPORT])
    expect(code).toBe(0)
    const rows = JSON.parse(out) as Record<string, unknown>[]
    expect(rows[1]).toMatchObject({
      date: '2023-03',
      admin1: 'Balkh',
      admin2: 'Mazar-i-Sharif',
      killed_min: 6,
      killed_max: 6,
      injured_min: 12,
      injured_max: 12,
      injured_text: 'a dozen',
      source: 'wire-1',
    })
    expect(typeof rows[1]?.confidence).toBe('number')
  })

  it.each([[['no/such/file.txt']], [[]], [['a.txt', 'b.txt']]])('exits 2 for %j', (args) => {
    const { code, err } = run(args)
    expect(code).toBe(2)
    expect(err.length).toBeGreaterThan(0)
  })
})

describe('eval:extract command', () => {
  it('prints per-field precision and recall and meets both targets on the fixtures', () => {
    const lines: string[] = []
    const code = runEvalExtract((line) => lines.push(line), undefined, null, null)
    for (const field of [
      'incident found',
      'killed_min',
      'injured_max',
      'date',
      'admin1',
      'target_group',
      'perpetrator',
    ]) {
      expect(lines.some((line) => line.startsWith(field))).toBe(true)
    }
    expect(lines.filter((line) => line.startsWith('target:') && line.endsWith('MET'))).toHaveLength(
      2,
    )
    expect(code).toBe(0)
  })
})

describe('eval:extract on published reports', () => {
  it('scores the dev and blind sets per incident, all and outside Afghanistan', () => {
    const lines: string[] = []
    runEvalExtract((line) => lines.push(line), undefined, null)
    for (const set of ['dev', 'blind']) {
      expect(lines.some((line) => line.startsWith(`${set}: `))).toBe(true)
    }
    expect(lines.filter((line) => line.includes('incidents, all'))).toHaveLength(2)
    expect(lines.filter((line) => line.includes('incidents, outside Afghan.'))).toHaveLength(2)
    expect(lines.filter((line) => line.includes('target (blind):'))).toHaveLength(3)
  })

  it('has at least 40 development and 15 blind reports, each hand-coded', () => {
    const dev = evaluateRealSet('test/fixtures/extract/real/dev')
    const blind = evaluateRealSet('test/fixtures/extract/real/blind')
    expect(dev.reports).toBeGreaterThanOrEqual(40)
    expect(blind.reports).toBeGreaterThanOrEqual(15)
    expect(dev.all.gold).toBeGreaterThan(dev.reports)
    expect(blind.outside.gold).toBeGreaterThan(0)
  })
})
