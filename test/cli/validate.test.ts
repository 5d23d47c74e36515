import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runValidate } from '../../src/cli/validateFiles'

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url))

async function run(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runValidate(
    args,
    (line) => out.push(line),
    (line) => err.push(line),
  )
  return { code, out, err }
}

describe('validate command', () => {
  it('checks the shipped data and its source registry, each by its own rules', async () => {
    const { code, out } = await run(['data/attacks.csv', 'data/sources.csv'])
    expect(code).toBe(0)
    expect(out).toEqual(['8 rows valid, 0 rows with issues'])
  })

  it('names a source registry line without an id or with an id given twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sources-'))
    const file = join(dir, 'sources.csv')
    writeFileSync(file, 'id,outlet,kind\nsrc-1,AP,news agency\n,X,\nsrc-1,Y,local outlet\n')
    const { code, out } = await run([file])
    expect(code).toBe(1)
    expect(out).toEqual([
      `${file}:3: id: a source needs an id; left out`,
      `${file}:4: id: the source “src-1” is given twice (first on line 2); left out`,
      '1 rows valid, 2 rows with issues',
    ])
  })

  it('exits 0 and prints the summary for a valid file', async () => {
    const { code, out } = await run([fixture('valid-minimal.csv')])
    expect(code).toBe(0)
    expect(out).toEqual(['2 rows valid, 0 rows with issues'])
  })

  it('prints FILE:LINE: COLUMN: message per issue and exits 1', async () => {
    const file = fixture('bad-rows.csv')
    const { code, out } = await run([file])
    expect(code).toBe(1)
    expect(out[0]).toBe(
      `${file}:3: date: "2021-02-30" is not a day of the calendar (2021-02 has no day 30)`,
    )
    expect(out).toContain(`${file}:11: has 3 fields where the header has 8`)
    expect(out.at(-1)).toBe('2 rows valid, 9 rows with issues')
  })

  it.each(['binary.png', 'utf16le-no-bom.csv', 'empty.csv', 'missing-columns.csv'])(
    'gives %s one file-level issue without a line and exits 1',
    async (name) => {
      const { code, out } = await run([fixture(name)])
      expect(code).toBe(1)
      expect(out).toHaveLength(2)
      expect(out[0]).toMatch(
        new RegExp(`^${fixture(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\S`),
      )
    },
  )

  it('exits 2 when a file cannot be read, and still checks the others', async () => {
    const { code, err, out } = await run(['/nonexistent/file.csv', fixture('valid-minimal.csv')])
    expect(code).toBe(2)
    expect(err[0]).toMatch(/^\/nonexistent\/file\.csv: cannot be read/)
    expect(out.at(-1)).toBe('2 rows valid, 0 rows with issues')
  })

  it('prints the same as JSON with --json', async () => {
    const { code, out } = await run(['--json', fixture('bad-rows.csv')])
    expect(code).toBe(1)
    const json = JSON.parse(out.join('\n'))
    expect(json.rowsValid).toBe(2)
    expect(json.rowsWithIssues).toBe(9)
    expect(json.files[0].issues[0]).toMatchObject({ line: 3, column: 'date' })
  })

  it('reads a GTD, ACLED or UCDP file through the mapping convert uses, with the same warnings', async () => {
    const file = fixture('real/gtd-renamed-columns-1252.csv')
    const { code, out } = await run([file])
    expect(code).toBe(0)
    expect(out).toEqual([
      `${file}: warning: The file is not valid UTF-8; it was read as Windows-1252 (Western European). Check accented letters and symbols.`,
      `${file}: warning: Missing-value codes were read as no value (not a label, not 0) 4 times (a count read for both its minimum and maximum counts twice): "NA" 4 times.`,
      '3 rows valid, 0 rows with issues',
    ])
    const ucdp = await run([fixture('real/ucdp-ged-columns.csv')])
    expect(ucdp.out.filter((line) => line.includes('warning: low 9 is above best 6'))).toHaveLength(
      1,
    )
    expect(ucdp.out.at(-1)).toBe('8 rows valid, 0 rows with issues')
  })

  it('prints the Windows-1252 warning for a file of ours too', async () => {
    const { code, out } = await run([fixture('windows-1252.csv')])
    expect(out[0]).toContain('warning: The file is not valid UTF-8; it was read as Windows-1252')
    expect(code).toBe(0)
  })

  it('runs as npm run validate, with its exit status', () => {
    let status = 0
    try {
      execFileSync('npx', ['tsx', 'src/cli/validate.ts', fixture('bad-rows.csv')], {
        encoding: 'utf8',
      })
    } catch (error) {
      status = (error as { status: number }).status
    }
    expect(status).toBe(1)
    const ok = execFileSync('npx', ['tsx', 'src/cli/validate.ts', 'data/attacks.csv'], {
      encoding: 'utf8',
    })
    expect(ok).toMatch(/^\d+ rows valid, 0 rows with issues\n$/)
  })
})
