// `npm run convert` on real exports (test/fixtures/real/README.md says where each comes from):
// what each row becomes, what is printed, and the exit status.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runConvert } from '../../src/cli/convertFile'
import { loadCsv } from '../../src/core/load/loader'
import { storeToCsv } from '../../src/core/export/exportCsv'
import { PLAIN_RFC4180 } from '../../src/core/csv/write'
import { SCHEMA_COLUMNS } from '../../src/core/schema'
import { parseCsvText } from '../../src/core/csv/papaParse'

const real = (name: string) => fileURLToPath(new URL(`../fixtures/real/${name}`, import.meta.url))
const out = () => join(mkdtempSync(join(tmpdir(), 'convert-')), 'out.csv')

async function convert(input: string, ...args: string[]) {
  const output = out()
  const lines: string[] = []
  const errors: string[] = []
  const code = await runConvert(
    [input, '-o', output, ...args],
    (line) => lines.push(line),
    (line) => errors.push(line),
  )
  let written: ReturnType<typeof loadCsv> | null = null
  try {
    written = loadCsv(readFileSync(output))
  } catch {
    written = null
  }
  return { code, lines, errors, output, written, records: written?.store?.records() ?? [] }
}

describe('convert', () => {
  it.each([
    // file, rows valid, rows with issues, exit status
    ['gtd-r-extract.csv', 38, 0, 0],
    ['gtd-r-columns-na.csv', 0, 35, 1],
    ['gtd-renamed-columns-1252.csv', 3, 0, 0],
    ['gtd-camelcase-columns.csv', 20, 0, 0],
    ['gtd-approxdate.csv', 3, 0, 0],
    ['acled-pandas-export.csv', 34, 0, 0],
    ['acled-r-export.csv', 25, 0, 0],
    ['acled-spreadsheet-dates.csv', 5, 0, 0],
    ['acled-r-long-dates.csv', 2, 0, 0],
    ['ucdp-ged-columns.csv', 8, 0, 0],
    ['ucdp-ged-extract.csv', 10, 0, 0],
    ['us-dates-renamed.csv', 3, 0, 0],
    ['duplicate-columns.csv', 1, 0, 1],
    ['sep-pipe-blank-lines.csv', 1, 0, 0],
  ])('%s: %i valid, %i with issues, exit %i', async (name, valid, issues, status) => {
    const { code, lines, records } = await convert(real(name))
    expect(lines.at(-1)).toMatch(new RegExp(`^${valid} rows valid, ${issues} rows with issues`))
    expect(code).toBe(status)
    expect(records).toHaveLength(valid)
    for (const line of lines.slice(0, -1)) {
      expect(line.startsWith(`${real(name)}:`) || line.startsWith(`${real(name)}: `)).toBe(true)
    }
  })

  it('reads the GTD extract written by R: an unnamed row-name column, the date from eventid, -999 as no count', async () => {
    const { lines, records, written } = await convert(real('gtd-r-extract.csv'))
    expect(lines[0]).toMatch(/"-999" 20 times/)
    expect(records[0]).toMatchObject({
      incident_id: '201709230015',
      date: '2017-09-23',
      country: 'Afghanistan',
      target_group: 'Police',
      attack_type: 'Armed Assault',
      killed_min: 2,
      killed_max: 2,
      injured_min: 3,
    })
    expect(records[0]?.extra.nkillter).toBe('-999')
    const header = parseCsvText(readFileSync(real('gtd-r-extract.csv'), 'utf8')).header
    expect(written?.header).toEqual([...SCHEMA_COLUMNS, ...header])
    const minus = records.find((r) => r.extra.nkill === '-999')
    expect(minus?.killed_min).toBeNull()
  })

  it('reads CamelCase column names word by word, and the target type as the target group', async () => {
    const { code, records } = await convert(real('gtd-camelcase-columns.csv'))
    expect(code).toBe(0)
    expect(records.slice(0, 3)).toMatchObject([
      {
        date: '1970-07-02',
        country: 'Dominican Republic',
        location: 'Santo Domingo',
        target_group: 'Private Citizens & Property',
        attack_type: 'Assassination',
        perpetrator: 'MANO-D',
        killed_min: 1,
        killed_max: 1,
        injured_min: null,
      },
      // Month and day 0: the year only, never an invented day.
      { date: '1970', target_group: 'Government (Diplomatic)', killed_min: 0 },
      { date: '1970-01', attack_type: 'Assassination', killed_min: 1 },
    ])
    expect(records[0]?.extra).toMatchObject({ Target: 'Julio Guzman', NoOfKills: '1' })
    // `Region` holds GTD's world regions ("Central America & Caribbean"): not taken as provinces.
    expect(records.every((record) => record.admin1 === '')).toBe(true)
    expect(records[0]?.extra.Region).toBe('Central America & Caribbean')
  })

  it('never invents a day: ACLED time_precision, UCDP date_prec and spans, GTD approxdate', async () => {
    const acled = (await convert(real('acled-spreadsheet-dates.csv'))).records
    expect(acled.map((r) => [r.date, r.extra.time_precision])).toEqual([
      ['2020-05-09', '1'],
      ['2022-12', '2'],
      ['2022', '2'],
      ['2021-06', '3'],
      ['2021-07-01', '1'],
    ])
    expect(acled[4]?.killed_min).toBeNull() // fatalities NA
    expect(acled[3]?.target_group).toBe('Explosions/Remote violence') // actor2 empty
    const ucdp = (await convert(real('ucdp-ged-columns.csv'))).records
    expect(ucdp.map((r) => [r.incident_id, r.date])).toEqual([
      ['100001', '2013-07-24'],
      ['100002', '2013-07'],
      ['100003', '2013'],
      ['100004', '2013-07'],
      ['100005', '2013'],
      ['100006', '2013-07-24'],
      ['100007', '2013-07-24'],
      ['100008', '2013-07-24'],
    ])
    expect(ucdp[1]?.extra).toMatchObject({ date_prec: '2', date_end: '2013-07-25 00:00:00.000' })
    const gtd = (await convert(real('gtd-approxdate.csv'))).records
    expect(gtd.map((r) => [r.date, r.killed_min, r.injured_min])).toEqual([
      ['2017-09', 4, null],
      ['2017', null, 2],
      ['2017-08-02', 1, 0],
    ])
  })

  it("reads an analyst's 12-column cut of UCDP GED: the date from the span, killed from best", async () => {
    const { code, records, written } = await convert(real('ucdp-ged-extract.csv'))
    expect(code).toBe(0)
    expect(records.map((r) => [r.date, r.admin1, r.killed_min, r.killed_max])).toEqual([
      ['2017-07-31', 'Kabul province', 6, 6],
      ['2021-08-26', 'Kabul province', 183, 183],
      ['2021-08-28', 'Nangarhar province', 2, 2],
      ['2021-08-29', 'Kabul province', 10, 10],
      // 7 to 13 January: the month; 30 January to 5 February: the year. No day invented.
      ['1989-01', 'Nangarhar province', 6, 6],
      ['1989-01', 'Kunduz province', 4, 4],
      ['1989-01', 'Baghlan province', 600, 600],
      ['1989', 'Kabul province', 2, 2],
      ['1989-01-31', 'Baghlan province', 70, 70],
      ['1989-02-04', 'Hirat province', 20, 20],
    ])
    expect(records[1]).toMatchObject({ country: 'Afghanistan', injured_min: null })
    expect(records[1]?.extra).toMatchObject({ deaths_civilians: '141', side_b: 'IS' })
    // The file's own columns follow ours under their own names, `country` included.
    const header = parseCsvText(readFileSync(real('ucdp-ged-extract.csv'), 'utf8')).header
    expect(written?.header).toEqual([...SCHEMA_COLUMNS, ...header])
  })

  it('warns per row about UCDP estimates out of order, and keeps the rows with their bounds', async () => {
    const { lines, records } = await convert(real('ucdp-ged-columns.csv'))
    const file = real('ucdp-ged-columns.csv')
    expect(lines).toContain(
      `${file}:7: low: warning: low 9 is above best 6: the row is kept with 9–12 as the bounds`,
    )
    expect(lines).toContain(
      `${file}:8: high: warning: best 14 is above high 10: the row is kept with 2–10 as the bounds`,
    )
    expect(records[5]).toMatchObject({ killed_min: 9, killed_max: 12 })
  })

  it('names a duplicate column on the header line and says which copy is read', async () => {
    const file = real('duplicate-columns.csv')
    const { lines, records } = await convert(file)
    expect(lines[0]).toBe(
      `${file}:1: date: the header names this column 2 times (columns 2, 8): column 2 is read; the other is kept as the extra column "date"`,
    )
    expect(records[0]?.date).toBe('2021-10-08')
  })

  it('honours sep=| and skips and counts blank lines before the header', async () => {
    const { lines, records } = await convert(real('sep-pipe-blank-lines.csv'))
    expect(lines.at(-1)).toBe(
      '1 rows valid, 0 rows with issues (2 blank lines skipped, 1 line skipped)',
    )
    expect(records[0]?.notes).toBe('a, b; c')
  })

  it('prints the Windows-1252 warning, as the page does', async () => {
    const { lines } = await convert(real('gtd-renamed-columns-1252.csv'))
    expect(lines[0]).toContain('warning: The file is not valid UTF-8; it was read as Windows-1252')
  })

  it.each([
    ['workbook-saved-as.csv', 'Excel workbook'],
    ['../empty.csv', 'empty'],
    ['../binary.png', 'not CSV text'],
    ['/nonexistent.csv', 'cannot be read'],
  ])('exits 2 when %s cannot be read', async (name, message) => {
    const { code, errors } = await convert(name.startsWith('/') ? name : real(name))
    expect(code).toBe(2)
    expect(errors.join('\n')).toContain(message)
  })

  it('takes --format and --date-format', async () => {
    const file = real('us-dates-renamed.csv')
    const dmy = await convert(file, '--date-format', 'dmy')
    expect(dmy.code).toBe(1)
    expect(dmy.lines).toContain(
      `${file}:3: date: "12/31/2020" in Date is not a date written as day/month/year: 09/05/2020`,
    )
    const ours = await convert(real('acled-r-export.csv'), '--format', 'ours')
    expect(ours.code).toBe(2)
    const bad = await convert(file, '--format', 'xls')
    expect(bad.code).toBe(2)
    expect(bad.errors[0]).toContain('--format must be one of auto, gtd, acled, ucdp, ours')
  })

  it('writes our columns then every column of the file; its export imports back to the same bytes', async () => {
    const { output } = await convert(real('acled-pandas-export.csv'))
    const bytes = readFileSync(output)
    const again = loadCsv(bytes)
    expect(again.fileIssues).toEqual([])
    expect(again.rowIssues).toEqual([])
    const rows = Uint32Array.from({ length: again.store?.length ?? 0 }, (_, i) => i)
    const text = storeToCsv(again.store!, rows, PLAIN_RFC4180)
    expect(text).toBe(new TextDecoder().decode(bytes))
    // And once more through convert itself.
    const second = await convert(output)
    expect(readFileSync(second.output)).toEqual(bytes)
  })

  it('runs as npm run convert, with its exit status', () => {
    const output = out()
    const stdout = execFileSync(
      'npx',
      ['tsx', 'src/cli/convert.ts', real('acled-r-long-dates.csv'), '-o', output],
      { encoding: 'utf8' },
    )
    expect(stdout).toBe('2 rows valid, 0 rows with issues\n')
    expect(loadCsv(readFileSync(output)).store?.length).toBe(2)
    let status = 0
    try {
      execFileSync(
        'npx',
        ['tsx', 'src/cli/convert.ts', real('workbook-saved-as.csv'), '-o', output],
        {
          encoding: 'utf8',
          stdio: 'pipe',
        },
      )
    } catch (error) {
      status = (error as { status: number }).status
    }
    expect(status).toBe(2)
    writeFileSync(output, '')
  })
})
