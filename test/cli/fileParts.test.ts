// A file read by two threads (this one up to a cut, a worker thread from it) gives what loadCsv
// gives on the whole file's bytes, issues and line numbers included.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadFileInParts } from '../../src/cli/fileParts'
import { loadCsv, type LoadResult } from '../../src/core/load/loader'
import { REQUIRED_HEADER } from '../helpers/fixtures'

const dir = mkdtempSync(join(tmpdir(), 'file-parts-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const same = (a: LoadResult, b: LoadResult) => {
  expect(a.store?.records()).toEqual(b.store?.records())
  expect(Array.from(a.store?.columns.line ?? [])).toEqual(Array.from(b.store?.columns.line ?? []))
  expect(a.rowIssues).toEqual(b.rowIssues)
  expect(a.rejected).toEqual(b.rejected)
  expect(a.fileIssues).toEqual(b.fileIssues)
  expect(a.summary).toEqual(b.summary)
}

describe('loadFileInParts', () => {
  it('reads a file in two threads as loadCsv reads it whole', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) =>
      i % 500 === 7
        ? `B${i},2021,,1,,,,"no group"`
        : `A${i % 40},2021-0${(i % 9) + 1},"group ${i % 7}",${i},,,,"said ""${i}"",\nthen more"`,
    )
    const text = `\ufeff${REQUIRED_HEADER},notes\r\n${rows.join('\r\n')}\r\n`
    const path = join(dir, 'rows.csv')
    writeFileSync(path, text)
    const whole = loadCsv(new TextEncoder().encode(text))
    expect(whole.rowIssues.length).toBe(6)
    const info = { parts: 0 }
    // The worker thread waited for before reading: it reads the part after a cut near the middle.
    same(await loadFileInParts(path, {}, 1024, info, { waitAt: 0, minRestBytes: 1024 }), whole)
    expect(info.parts).toBe(2)
    // Waited for once a third is read (in pieces that end inside rows): the rest is cut in two.
    const third = { waitAt: Math.floor(text.length / 3), pieceBytes: 4093, minRestBytes: 1024 }
    same(await loadFileInParts(path, {}, 1024, info, third), whole)
    expect(info.parts).toBe(2)
    // Not waited for, it is ready only once this thread has read the small file whole: one part.
    same(await loadFileInParts(path, {}, 1024, info, { minRestBytes: 1024 }), whole)
    expect(info.parts).toBe(1)
    // Too little left to cut once it is ready: one part.
    same(await loadFileInParts(path, {}, 1024, info, { waitAt: 0 }), whole)
    expect(info.parts).toBe(1)
    // Below the threshold: one thread, the same.
    same(await loadFileInParts(path, {}, undefined, info), whole)
    expect(info.parts).toBe(1)
  })

  it("gives the same when this thread also reads the end of the worker thread's part", async () => {
    // This thread's part is a tenth of the file: done long before the worker, it reads the end of
    // the worker's part.
    const rows = Array.from(
      { length: 40_000 },
      (_, i) => `A${i % 900},2021-0${(i % 9) + 1},"group ${i % 7}",${i},,,,"said ""${i}"",\nthen"`,
    )
    const text = `${REQUIRED_HEADER},notes\n${rows.join('\n')}\n`
    const path = join(dir, 'more.csv')
    writeFileSync(path, text)
    const whole = loadCsv(new TextEncoder().encode(text))
    for (const pieceBytes of [4093, 65_536]) {
      const info = { parts: 0 }
      const tuning = { waitAt: 0, pieceBytes, minRestBytes: 1024, minStealBytes: 1024, share: 0.1 }
      same(await loadFileInParts(path, {}, 1024, info, tuning), whole)
      expect(info.parts).toBe(3)
    }
  })
})
