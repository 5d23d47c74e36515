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

  it("prints the rows' source warnings with line and column, and still exits 0", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reports-'))
    const rows = join(dir, 'kunduz.csv')
    writeFileSync(
      rows,
      'incident_id,date,target_group,killed_min,killed_max,injured_min,injured_max,source\n' +
        'K,2021-10-08,shia worshippers,47,,,,ap\n' +
        'K,2021-10-08,shia worshippers,51,,,,ap\n' +
        'K,2021-10-09,shia worshippers,53,53,,,bbc\n' +
        'L,2021-10-15,shia worshippers,47,,,,tolo\n',
    )
    // The registry beside the file (the export's `<name>-sources.csv`) is the one checked against.
    writeFileSync(join(dir, 'kunduz-sources.csv'), 'id,outlet\nap,AP\nbbc,BBC\n')
    const { code, out } = await run([rows])
    expect(code).toBe(0)
    expect(out).toEqual([
      `${rows}:3: source: warning: two reports of one figure from the same source: “ap” already reported K (shia worshippers) on line 2`,
      `${rows}:5: source: warning: “tolo” is not in the source registry: a report of an unknown source`,
      '4 rows valid, 0 rows with issues',
    ])
    // A registry given on the command line takes the place of the one beside the file.
    const other = join(dir, 'sources.csv')
    writeFileSync(other, 'id,outlet\nap,AP\nbbc,BBC\ntolo,TOLOnews\n')
    const given = await run([rows, other])
    expect(given.code).toBe(0)
    expect(given.out.filter((line) => line.includes('unknown source'))).toEqual([])
    expect(given.out.at(-1)).toBe('7 rows valid, 0 rows with issues')
    const json = JSON.parse((await run(['--json', rows])).out.join('\n'))
    expect(json.files[0].warnings).toContainEqual({
      file: rows,
      line: 5,
      column: 'source',
      message: 'warning: “tolo” is not in the source registry: a report of an unknown source',
    })
    expect(json.exitCode).toBe(0)
  })

  it('knows the sources a GTD export names itself: no unknown source', async () => {
    const { code, out } = await run([fixture('real/gtd-citations.csv')])
    expect(code).toBe(0)
    expect(out.filter((line) => line.includes('source'))).toEqual([])
  })

  it("checks grades on the dataset's own scale (its .meta.json), else the default", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grades-'))
    const rows = join(dir, 'events.csv')
    const sources = join(dir, 'sources.csv')
    writeFileSync(
      rows,
      'incident_id,date,target_group,killed_min,killed_max,injured_min,injured_max,source\n' +
        'K,2021-10-08,civilians,47,,,,ap\n',
    )
    writeFileSync(sources, 'id,outlet,grade\nap,AP,verified\n')
    const plain = await run([rows, sources])
    expect(plain.code).toBe(1)
    expect(plain.out).toContain(
      `${sources}:2: grade: “verified” is not a grade: use confirmed, fair, weak, contested, discounted`,
    )
    writeFileSync(
      join(dir, 'events.meta.json'),
      JSON.stringify({
        title: 'Events',
        grades: [
          { label: 'verified', meaning: 'Seen by our own staff.' },
          { label: 'unverified', meaning: 'Not seen.' },
        ],
      }),
    )
    const scaled = await run([rows, sources])
    expect(scaled.code).toBe(0)
    expect(scaled.out).toEqual(['2 rows valid, 0 rows with issues'])
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
