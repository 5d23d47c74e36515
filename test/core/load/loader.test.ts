import { describe, expect, it } from 'vitest'
import { CsvLoader, loadCsv } from '../../../src/core/load/loader'
import { fixtureBytes, REQUIRED_HEADER } from '../../helpers/fixtures'

describe('loadCsv on fixtures', () => {
  it.each([
    ['valid-minimal.csv', 2],
    ['utf8-bom-crlf.csv', 1],
    ['semicolon-decimal-comma.csv', 1],
    ['sep-line.csv', 1],
    ['utf16le-bom-tab.txt', 1],
    ['utf16be-bom-tab.txt', 1],
    ['windows-1252.csv', 1],
  ])('loads %s (%i rows) without issues', (name, rows) => {
    const result = loadCsv(fixtureBytes(name))
    expect(result.fileIssues).toEqual([])
    expect(result.rowIssues).toEqual([])
    expect(result.ok).toBe(true)
    expect(result.summary.rowsLoaded).toBe(rows)
    expect(result.store?.length).toBe(rows)
  })

  it('keeps the decimal comma of a semicolon file inside its note', () => {
    const result = loadCsv(fixtureBytes('semicolon-decimal-comma.csv'))
    expect(result.delimiter).toBe(';')
    expect(result.store?.record(0).notes).toBe('decimal 2,5; note')
  })

  it('names the line and column of every bad row and still loads the good rows', () => {
    const result = loadCsv(fixtureBytes('bad-rows.csv'))
    expect(result.ok).toBe(true)
    expect(result.store?.records().map((r) => r.incident_id)).toEqual(['OK1', 'OK2'])
    expect(result.rowIssues.map((issue) => [issue.line, issue.column ?? null])).toEqual([
      [3, 'date'],
      [4, 'killed_min'],
      [5, 'killed_min'],
      [7, 'killed_min'],
      [8, 'killed_max'],
      [9, 'incident_id'],
      [10, 'target_group'],
      [11, null],
      [12, null],
    ])
    expect(result.rejected.map((row) => row.line)).toEqual([3, 4, 5, 7, 8, 9, 10, 11, 12])
    expect(result.summary).toEqual({
      rowsLoaded: 2,
      rowsWithIssues: 9,
      blankLines: 0,
      skippedLines: 0,
    })
    expect(result.store?.line(1)).toBe(13)
  })

  it.each([
    ['empty.csv', /empty/],
    ['binary.png', /not CSV text/],
    ['utf16le-no-bom.csv', /not CSV text/],
    [
      'missing-columns.csv',
      /Required columns missing from the header \(line 1\): target_group, killed_max, injured_min, injured_max/,
    ],
  ])('refuses %s with one file-level issue', (name, message) => {
    const result = loadCsv(fixtureBytes(name))
    expect(result.ok).toBe(false)
    expect(result.store).toBeNull()
    expect(result.fileIssues).toHaveLength(1)
    expect(result.fileIssues[0]?.message).toMatch(message)
  })

  it('says when no column of the header is known', () => {
    const result = loadCsv('a,b,c\n1,2,3\n')
    expect(result.fileIssues[0]?.message).toMatch(/No known column/)
    expect(result.missingColumns).toHaveLength(7)
  })

  it('refuses a file of only white space', () => {
    expect(loadCsv(' \n\n').fileIssues[0]?.message).toMatch(/empty/)
  })

  it('loads a header-only file as zero rows', () => {
    const result = loadCsv(`${REQUIRED_HEADER}\n`)
    expect(result.ok).toBe(true)
    expect(result.summary.rowsLoaded).toBe(0)
    expect(result.summary.blankLines).toBe(0)
  })

  it('accounts for every line: loaded, with issues, blank or skipped', () => {
    const text = `sep=,\n${REQUIRED_HEADER},x\n#id,#date,,,,,,\nA,2021,g,1,,,,k\n\nB,2021-99,g,,,,,k\n,,,,,,,\n`
    const result = loadCsv(text)
    expect(result.summary).toEqual({
      rowsLoaded: 1,
      rowsWithIssues: 1,
      blankLines: 2,
      skippedLines: 2,
    })
    expect(result.rowIssues[0]).toMatchObject({ line: 6, column: 'date' })
    expect(result.store?.record(0).extra).toEqual({ x: 'k' })
  })
})

describe('CsvLoader', () => {
  it('gives the same result as loadCsv, whatever the chunk boundaries', () => {
    const bytes = new TextEncoder().encode(
      `${REQUIRED_HEADER},note\nA,2021,gruppé,1,,,,"a\nb"\nB,2022,ü,2,3,,,x\n`,
    )
    const whole = loadCsv(bytes)
    for (const size of [1, 2, 3, 7, 64]) {
      const loader = new CsvLoader()
      for (let at = 0; at < bytes.length; at += size) loader.push(bytes.subarray(at, at + size))
      expect(loader.bytesRead).toBe(bytes.length)
      const chunked = loader.finish()
      expect(chunked.store?.records()).toEqual(whole.store?.records())
      expect(chunked.summary).toEqual(whole.summary)
    }
  })
})
