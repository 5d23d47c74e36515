import { describe, expect, it, vi } from 'vitest'
import {
  blobSource,
  bytesSource,
  issueText,
  runImportJob,
  thinProgress,
  type ImportReply,
} from '../../../src/core/load/importJob'
import { proposeMapping } from '../../../src/core/load/mapping'
import { CasualtyStore } from '../../../src/core/store/store'
import { runSteps } from '../../../src/core/steps'
import { unpackColumns, type PackedColumns } from '../../../src/core/store/transfer'
import { fixtureBytes, REQUIRED_HEADER } from '../../helpers/fixtures'

async function run(
  bytes: Uint8Array,
  mapping = null as Parameters<typeof runImportJob>[1],
  chunk?: number,
) {
  const replies: { reply: ImportReply; transfer?: ArrayBuffer[] }[] = []
  await runImportJob(
    bytesSource(bytes),
    mapping,
    (reply, transfer) => replies.push({ reply, transfer }),
    chunk,
  )
  return replies
}

const encode = (text: string) => new TextEncoder().encode(text)
const storeOf = (columns: PackedColumns) => new CasualtyStore(runSteps(unpackColumns(columns)))

describe('runImportJob', () => {
  it('reads the file in slices, reports progress by bytes and hands over transferable columns', async () => {
    const text = `${REQUIRED_HEADER}\n${Array.from({ length: 50 }, (_, i) => `id${i},2021-10,civilians,${i},${i},,`).join('\n')}\n`
    const bytes = encode(text)
    const replies = await run(bytes, null, 100)
    const progress = replies.filter((r) => r.reply.type === 'progress').map((r) => r.reply)
    expect(progress[0]).toEqual({ type: 'progress', bytesRead: 0, total: bytes.length })
    expect(progress.at(-1)).toEqual({
      type: 'progress',
      bytesRead: bytes.length,
      total: bytes.length,
    })
    expect(progress.length).toBe(Math.ceil(bytes.length / 100) + 1)
    const done = replies.at(-1)
    if (done?.reply.type !== 'done') throw new Error('expected done')
    const store = storeOf(done.reply.columns)
    expect(store.length).toBe(50)
    expect(store.record(49).killed_min).toBe(49)
    expect(store.record(49).incident_id).toBe('id49')
    expect(done.transfer?.length).toBeGreaterThan(10)
    expect(done.transfer?.every((buffer) => buffer instanceof ArrayBuffer)).toBe(true)
    // The labels cross as bytes, their buffers in the transfer list: no string array to clone.
    const ids = done.reply.columns.categories.incident_id.values
    expect(done.transfer).toContain(ids.bytes.buffer)
    expect(done.transfer).toContain(ids.offsets.buffer)
  })

  it('reads a Blob slice by slice, a UTF-8 character split between slices intact', async () => {
    const bytes = encode(`${REQUIRED_HEADER},notes\nA,2021,civilians,1,1,,,çà😀\n`)
    const replies: ImportReply[] = []
    await runImportJob(blobSource(new Blob([bytes])), null, (reply) => replies.push(reply), 7)
    const done = replies.at(-1)
    if (done?.type !== 'done') throw new Error('expected done')
    expect(storeOf(done.columns).record(0).notes).toBe('çà😀')
  })

  it('reads a Blob in pieces of the size asked', async () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) % 256)
    for (const size of [1, 7, 999, 1000, 4096]) {
      const pieces: number[][] = []
      for await (const piece of blobSource(new Blob([bytes])).pieces?.(size) ?? []) {
        pieces.push(Array.from(piece))
      }
      expect(pieces.flat()).toEqual(Array.from(bytes))
      expect(pieces.slice(0, -1).every((piece) => piece.length === size)).toBe(true)
      expect(pieces.length).toBe(Math.ceil(bytes.length / size))
    }
  })

  // Chromium's byte stream of an empty Blob slice now and then never answers a read: an empty
  // range (the first worker's rest after appending the second's part) must open no stream.
  it('reads an empty range of a Blob without opening its stream', async () => {
    const blob = new Blob([encode('a,b\n1,2\n')])
    const stuck = {
      size: blob.size,
      slice: () => ({ stream: () => new ReadableStream({ type: 'bytes' }) }),
      stream: () => new ReadableStream({ type: 'bytes' }),
      arrayBuffer: () => blob.arrayBuffer(),
    } as unknown as Blob
    const pieces: Uint8Array[] = []
    for await (const piece of blobSource(stuck).pieces?.(4, blob.size, blob.size) ?? []) {
      pieces.push(piece)
    }
    expect(pieces).toEqual([])
  }, 2_000)

  it('reports issues, caps nothing in the count, and writes the rejected rows with their lines and messages', async () => {
    const bytes = fixtureBytes('bad-rows.csv')
    const replies = await run(bytes)
    const done = replies.at(-1)?.reply
    if (done?.type !== 'done') throw new Error('expected done')
    expect(done.report.rowIssueCount).toBe(done.report.rowIssues.length)
    expect(done.report.summary.rowsWithIssues).toBeGreaterThan(0)
    const lines = done.report.rejectedCsv.split('\r\n')
    expect(lines[0]?.startsWith('\uFEFF"line","issues","incident_id"')).toBe(true)
    expect(lines.length - 2).toBe(done.report.summary.rowsWithIssues)
    // Every rejected row carries the messages of its line, as the report lists them.
    for (const issue of done.report.rowIssues) {
      const row = lines.find((line) => line.startsWith(`"${issue.line}",`))
      expect(row).toContain(issueText(issue).replace(/"/g, '""'))
    }
  })

  it.each([
    ['empty.csv', 'The file is empty.'],
    ['binary.png', 'not CSV text'],
    ['utf16le-no-bom.csv', 'not CSV text'],
  ])('refuses %s with one clear message', async (name, message) => {
    const replies = await run(fixtureBytes(name))
    expect(replies).toHaveLength(1)
    const reply = replies[0]?.reply
    expect(reply?.type).toBe('failed')
    if (reply?.type === 'failed') expect(reply.message).toContain(message)
  })

  it('asks to map a header of other names, proposing what the names say', async () => {
    const [first] = await run(encode('foo,bar\n1,2\n'))
    if (first?.reply.type !== 'needs-mapping') throw new Error('expected needs-mapping')
    // No id column: the row's line is its id.
    expect(first.reply.proposal.sources).toEqual({ incident_id: { kind: 'line' } })
    const [renamed] = await run(
      encode(
        'Year,Month,Day,Country,State,City,Target,Terrorist,Killed,Wound\n2017,9,0,Iraq,Ninawa,Mosul,Police,ISIL,NA,3\n',
      ),
    )
    if (renamed?.reply.type !== 'needs-mapping') throw new Error('expected needs-mapping')
    expect(renamed.reply.proposal.sources).toMatchObject({
      date: { kind: 'gtdDate', year: 'Year', month: 'Month', day: 'Day' },
      country: { kind: 'column', name: 'Country' },
      admin1: { kind: 'column', name: 'State' },
      location: { kind: 'column', name: 'City' },
      target_group: { kind: 'column', name: 'Target' },
      perpetrator: { kind: 'column', name: 'Terrorist' },
      killed_min: { kind: 'column', name: 'Killed' },
      injured_max: { kind: 'column', name: 'Wound' },
    })
    expect(renamed.reply.samples?.City).toEqual(['Mosul'])
  })

  it.each([
    ['9-May-20', 'd-mon-y', false],
    ['05/09/2020\n01/02/2020', 'dmy', true],
    ['05/09/2020\n12/31/2020', 'mdy', false],
    ['2013-07-24T00:00:00', 'iso', false],
  ])('tells the date format of %j from the whole column', async (dates, format, ambiguous) => {
    const rows = dates.split('\n').map((date, i) => `E${i},${date},Civilians,1`)
    const [first] = await run(encode(`event_id,event_date,actor2,fatalities\n${rows.join('\n')}\n`))
    if (first?.reply.type !== 'needs-mapping') throw new Error('expected needs-mapping')
    expect(first.reply.proposal.sources.date).toEqual({
      kind: 'looseDate',
      name: 'event_date',
      format,
    })
    expect(first.reply.proposal.dateOrderAmbiguous ?? false).toBe(ambiguous)
  })

  it('asks for a mapping for a GTD export, then loads with it', async () => {
    const bytes = fixtureBytes('gtd-export.csv')
    const [first] = await run(bytes)
    if (first?.reply.type !== 'needs-mapping') throw new Error('expected needs-mapping')
    expect(first.reply.proposal).toEqual(proposeMapping(first.reply.header))
    expect(first.reply.missing).toContain('incident_id')
    const replies = await run(bytes, first.reply.proposal)
    const done = replies.at(-1)?.reply
    if (done?.type !== 'done') throw new Error('expected done')
    expect(done.report.format).toBe('gtd')
    expect(done.report.summary.rowsLoaded).toBe(3)
    expect(done.report.warnings.join(' ')).toContain('2 counts were written with a zero fraction')
  })

  it('caps the issues it sends but counts them all', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `id${i},someday,civilians,,,,`).join('\n')
    const replies = await run(encode(`${REQUIRED_HEADER}\n${rows}\n`))
    const done = replies.at(-1)?.reply
    if (done?.type !== 'done') throw new Error('expected done')
    expect(done.report.rowIssues).toHaveLength(1000)
    expect(done.report.rowIssueCount).toBe(1500)
    expect(done.report.summary.rowsWithIssues).toBe(1500)
  })
})

describe('thinProgress', () => {
  const progress = (bytesRead: number): ImportReply => ({ type: 'progress', bytesRead, total: 100 })

  it('posts one progress report per interval: the first at once, the latest held back', () => {
    vi.useFakeTimers()
    try {
      let clock = 0
      const posted: ImportReply[] = []
      const post = thinProgress(
        (reply) => posted.push(reply),
        200,
        () => clock,
      )
      post(progress(1))
      clock = 50
      post(progress(2))
      clock = 120
      post(progress(3))
      expect(posted).toEqual([progress(1)])
      // The latest report, once the interval since the one before is over.
      clock = 200
      vi.advanceTimersByTime(150)
      expect(posted).toEqual([progress(1), progress(3)])
      // Long after: at once.
      clock = 1000
      post(progress(4))
      expect(posted).toEqual([progress(1), progress(3), progress(4)])
    } finally {
      vi.useRealTimers()
    }
  })

  it('posts every other reply at once, with its transfer list, and drops held progress after it', () => {
    vi.useFakeTimers()
    try {
      let clock = 0
      const posted: [ImportReply, ArrayBuffer[] | undefined][] = []
      const post = thinProgress(
        (reply, transfer) => posted.push([reply, transfer]),
        200,
        () => clock,
      )
      post(progress(1))
      clock = 10
      post(progress(2))
      const failed: ImportReply = { type: 'failed', message: 'no', warnings: [] }
      const buffers = [new ArrayBuffer(8)]
      post(failed, buffers)
      clock = 500
      vi.advanceTimersByTime(500)
      expect(posted).toEqual([
        [progress(1), undefined],
        [failed, buffers],
      ])
    } finally {
      vi.useRealTimers()
    }
  })
})
