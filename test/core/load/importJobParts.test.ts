// A file read in two parts at once (runImportJob up to the cut, runTailJob from it, the tail part
// appended) must give the same store, byte for byte, and the same report as one worker reading it
// whole: the same dictionaries in the same order, the file's own line numbers, the same issues.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  bytesSource,
  findSplit,
  planImport,
  runImportJob,
  runTailJob,
  transferablesOfTail,
  type ImportReply,
  type SplitPoint,
} from '../../../src/core/load/importJob'
import type { TailPart } from '../../../src/core/load/loader'
import { SCHEMA_COLUMNS, TEXT_COLUMNS } from '../../../src/core/schema'
import { appendedText } from '../../../src/core/store/builder'
import { unpackColumns } from '../../../src/core/store/transfer'
import { packedCount } from '../../../src/core/store/packedStrings'
import { labelCounts } from '../../../src/core/store/store'
import { runSteps } from '../../../src/core/steps'
import { fixtureBytes } from '../../helpers/fixtures'
import { plain } from '../../helpers/plain'

const encode = (text: string) => new TextEncoder().encode(text)
const quote = (value: string) => `"${value.replace(/"/g, '""')}"`

type Done = Extract<ImportReply, { type: 'done' }>

type Mapping = Parameters<typeof runImportJob>[1]

async function importWhole(
  bytes: Uint8Array,
  chunk: number,
  mapping: Mapping = null,
): Promise<ImportReply[]> {
  const replies: ImportReply[] = []
  await runImportJob(bytesSource(bytes), mapping, (reply) => replies.push(reply), chunk)
  return replies
}

/** Both jobs in turns, the part crossing as it would between workers (buffers transferred). */
async function importInTwo(
  bytes: Uint8Array,
  chunk: number,
  minBytes = 0,
  mapping: Mapping = null,
  textsApart = false,
): Promise<{ replies: ImportReply[]; tailReplies: ImportReply[]; part: TailPart | null }> {
  const source = bytesSource(bytes)
  const tailReplies: ImportReply[] = []
  let part: TailPart | null = null
  const sent = new Promise<TailPart | null>((resolve) => {
    void runTailJob(
      source,
      mapping,
      (reply) => tailReplies.push(reply),
      (sentPart, transfer) => {
        part = sentPart
        resolve(sentPart && structuredClone(sentPart, { transfer }))
      },
      chunk,
      minBytes,
    )
  })
  const replies: ImportReply[] = []
  await runImportJob(
    source,
    mapping,
    (reply) => replies.push(reply),
    chunk,
    () => sent,
    minBytes,
    textsApart,
  )
  return { replies, tailReplies, part }
}

/**
 * Both jobs in turns, the first asking for the end of the second's part (StealLink) once the
 * second has read `askAfter` pieces: the parts cross as between workers. `cut`: where the first
 * took over (null: it did not).
 */
async function importStolen(
  bytes: Uint8Array,
  chunk: number,
  askAfter: number,
  cutFrom?: (from: number) => Promise<SplitPoint | null>,
): Promise<{ replies: ImportReply[]; cut: SplitPoint | null; part: TailPart | null }> {
  const source = bytesSource(bytes)
  let pieces = 0
  let answer: (cut: SplitPoint | null) => void = () => {}
  const answered = new Promise<SplitPoint | null>((resolve) => (answer = resolve))
  let part: TailPart | null = null
  const sent = new Promise<TailPart | null>((resolve) => {
    void runTailJob(
      source,
      null,
      () => pieces++,
      (sentPart, transfer) => {
        part = sentPart
        answer(null)
        resolve(sentPart && structuredClone(sentPart, { transfer }))
      },
      chunk,
      0,
      undefined,
      undefined,
      { asked: () => pieces >= askAfter, answer, minBytes: 1, ...(cutFrom && { cutFrom }) },
    )
  })
  const replies: ImportReply[] = []
  const link = { part: () => sent, steal: () => answered }
  await runImportJob(source, null, (reply) => replies.push(reply), chunk, link, 0)
  return { replies, cut: await answered, part }
}

const done = (replies: ImportReply[]): Done => {
  const last = replies.at(-1)
  if (last?.type !== 'done') throw new Error(`expected done, got ${JSON.stringify(last)}`)
  return last
}

/** Did the first worker take the tail part (no whole-file progress after the start)? */
const usedTwoParts = (replies: ImportReply[]) =>
  replies.filter((r) => r.type === 'progress').every((r, i) => i === 0 || r.part === 'head')

async function expectSame(bytes: Uint8Array, chunk: number): Promise<boolean> {
  const whole = done(await importWhole(bytes, chunk))
  const { replies } = await importInTwo(bytes, chunk)
  const two = done(replies)
  expect(plain(two.columns)).toEqual(plain(whole.columns))
  expect(two.report).toEqual(whole.report)
  return usedTwoParts(replies)
}

const HEADER = [...SCHEMA_COLUMNS, 'x'].join(',')
const REQUIRED = 'incident_id,date,target_group,killed_min,killed_max,injured_min,injured_max'

const value = fc.string({
  unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r\n', 'é', "'", '2'),
  maxLength: 80,
})
const FILLER = 'a "b",\nc '.repeat(900)
const row = fc
  .tuple(
    fc.array(value, { minLength: SCHEMA_COLUMNS.length, maxLength: SCHEMA_COLUMNS.length }),
    fc.constantFrom('2021', '2021-02-30', 'abc', '2020-01-01'),
    fc.array(fc.constantFrom('', '1', '7', 'x', '12'), { minLength: 4, maxLength: 4 }),
    fc.constantFrom('civilians', 'police', '', 'a "b"'),
    fc.integer({ min: -1, max: 1 }),
  )
  .map(([values, day, counts, group, widthChange]) => {
    const cells = SCHEMA_COLUMNS.map((column, i) => {
      if (column === 'date') return day
      if (column === 'target_group') return quote(group)
      if (column === 'incident_id') return `I${values[i]?.length ?? 0}`
      const at = ['killed_min', 'killed_max', 'injured_min', 'injured_max'].indexOf(column)
      if (at !== -1) return counts[at] as string
      const text = values[i] as string
      return /[",\n\r]/.test(text) || i % 4 === 0 ? quote(text) : text
    })
    cells.push(quote(values[0] ?? ''))
    if (widthChange === 1) cells.push('spare')
    if (widthChange === -1) cells.pop()
    return cells.join(',')
  })

const fileParts = fc.tuple(
  fc.array(fc.oneof({ weight: 8, arbitrary: row }, { weight: 1, arbitrary: fc.constant('') }), {
    minLength: 10,
    maxLength: 30,
  }),
  fc.constantFrom('\n', '\r\n'),
  fc.boolean(),
)

// The loader chooses the encoding from the first 8 KB: a row of 8 KB first, so that the cut falls
// among the rows after it. `copies` of the rows follow, then (`fillerLast`) the same long row.
function fileOf(
  [rows, newline, bom]: [string[], string, boolean],
  copies: number,
  fillerLast: boolean,
): string {
  const first = SCHEMA_COLUMNS.map((column) =>
    column === 'incident_id'
      ? 'F'
      : column === 'date'
        ? '2021'
        : column === 'notes'
          ? quote(FILLER)
          : '',
  )
  const filler = [...first, 'f'].join(',')
  const lines = [HEADER, filler, ...Array.from({ length: copies }, () => rows).flat()]
  const text = [...lines, ...(fillerLast ? [filler] : [])].join(newline) + newline
  return bom ? `\ufeff${text}` : text
}

const file = fileParts.map((parts) => fileOf(parts, 2, true))
/** Rows to the end: where the end of the second part is cut, there are rows to cut between. */
const rowsToTheEnd = fileParts.map((parts) => fileOf(parts, 4, false))

describe('an import in two parts', () => {
  // Browsers copy the second part's text once, with the first's, at the end; Node copies it in
  // when it is appended: both give the same store.
  // `runs` random files and piece sizes read whole and in two: how many were cut in two.
  async function sameInTwo(runs: number): Promise<number> {
    let split = 0
    await fc.assert(
      fc.asyncProperty(file, fc.integer({ min: 1, max: 200 }), async (text, chunk) => {
        if (await expectSame(encode(text), chunk)) split++
      }),
      { numRuns: runs },
    )
    return split
  }

  it('gives the same store when the appended text is copied at the end, as in browsers', async () => {
    const before = appendedText.copiedAtFinish
    appendedText.copiedAtFinish = !before
    try {
      expect(await sameInTwo(100)).toBeGreaterThan(15)
    } finally {
      appendedText.copiedAtFinish = before
    }
  })

  it('gives the store and report of the import in one, whatever the rows and pieces', async () => {
    // Many of these files are cut; in the others, random quotes leave both readings of the middle
    // possible (no cut), or the cut is found inside a value (read on alone).
    expect(await sameInTwo(200)).toBeGreaterThan(30)
  })

  it('cuts where a quoted value holds line breaks across the middle, and numbers lines as the file', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `B${i},2021,police,${i},,,`).join('\n')
    const tricky = quote(`${lines}\nstill "inside", the value\n`)
    const rows = [
      ...Array.from(
        { length: 3 },
        (_, i) => `A${i},2021-02,civilians,${i},${i + 1},,,${quote(`a\n${FILLER}`)}`,
      ),
      `Q,2021,civilians,1,,,,${tricky}`,
      ...Array.from({ length: 3 }, (_, i) => `C${i},2022,"police",${i},,,,${'x'.repeat(12000)}`),
      'D,2022,,1,,,,missing group',
    ]
    const text = `incident_id,date,target_group,killed_min,killed_max,injured_min,injured_max,notes\n${rows.join('\n')}\n`
    const bytes = encode(text)
    // The middle of the file is inside the long quoted value.
    const middle = text.slice(0, bytes.length / 2)
    expect(middle.lastIndexOf('"Q,') === -1 && middle.includes('B10,')).toBe(true)
    for (const chunk of [7, 64, 1 << 20]) expect(await expectSame(bytes, chunk)).toBe(true)
    const { replies, part } = await importInTwo(bytes, 64)
    expect(part).not.toBeNull()
    const report = done(replies).report
    const lineOfD = text.split('\n').findIndex((line) => line.startsWith('D,')) + 1
    expect(report.rowIssues.map((issue) => issue.line)).toEqual([lineOfD])
    expect(report.summary.rowsLoaded).toBe(7)
  })

  it('gives the same store when the first worker reads the end of the second part', async () => {
    let taken = 0
    await fc.assert(
      fc.asyncProperty(
        rowsToTheEnd,
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 40 }),
        async (text, chunk, askAfter) => {
          const bytes = encode(text)
          const whole = done(await importWhole(bytes, chunk))
          const { replies, cut, part } = await importStolen(bytes, chunk, askAfter)
          const stolen = done(replies)
          expect(plain(stolen.columns)).toEqual(plain(whole.columns))
          expect(stolen.report).toEqual(whole.report)
          // Its part ends where the first took over, unless that was no row boundary after all.
          if (cut && part) {
            if (part.at + part.bytes === cut.at) taken++
            else expect(part.at + part.bytes).toBe(bytes.length)
          }
        },
      ),
      { numRuns: 150 },
    )
    expect(taken).toBeGreaterThan(20)
  })

  it('moves the lines and issues of the part taken over by the lines before it', async () => {
    const rows = Array.from({ length: 400 }, (_, i) =>
      i % 97 === 5 ? `B${i},2021,,1,,,,"no\ngroup"` : `A${i},2021,g,${i},,,,"n\n${i}"`,
    )
    // The first row fills the 8 KB the loader judges the encoding from: the cut is after them.
    const text = `${REQUIRED},notes\nF,2021,g,,,,,${quote(FILLER)}\n${rows.join('\n')}\n`
    const bytes = encode(text)
    const whole = done(await importWhole(bytes, 64))
    const { replies, cut, part } = await importStolen(bytes, 64, 3)
    expect(cut).not.toBeNull()
    expect(part && part.at + part.bytes).toBe(cut?.at)
    const stolen = done(replies)
    expect(stolen.report.rowIssues.map((issue) => issue.line)).toEqual(
      whole.report.rowIssues.map((issue) => issue.line),
    )
    expect(stolen.report.rowIssues.length).toBe(5)
    expect(plain(stolen.columns)).toEqual(plain(whole.columns))
    expect(stolen.steps?.map((step) => step.name)).toContain(
      'first worker: read the rest of the second part',
    )
  })

  it('reads on to the end in the second part when it was cut inside a quoted value after all', async () => {
    // The part the first reads from the cut on is dropped: the same store as read whole.
    const rows = Array.from({ length: 1200 }, (_, i) => `A${i},2021,g,${i},,,,"x\ny${i}"`)
    const text = `${REQUIRED},notes\nF,2021,g,,,,,${quote(FILLER)}\n${rows.join('\n')}\n`
    const bytes = encode(text)
    // A cut just after the line break inside the last quarter's first quoted value.
    const inside = text.indexOf('"x\ny', Math.floor(text.length * 0.75)) + 3
    const header = text.slice(0, text.indexOf('\n')).split(',')
    const wrongCut = async () => ({ at: inside, header, delimiter: ',' as const })
    const whole = done(await importWhole(bytes, 64))
    const { replies, cut, part } = await importStolen(bytes, 64, 2, wrongCut)
    expect(cut?.at).toBe(inside)
    expect(part && part.at + part.bytes).toBe(bytes.length)
    const stolen = done(replies)
    expect(plain(stolen.columns)).toEqual(plain(whole.columns))
    expect(stolen.report).toEqual(whole.report)
  })

  it('reads CRLF and a BOM the same in two parts', async () => {
    const rows = Array.from(
      { length: 60 },
      (_, i) => `A${i},2021,"g ""${i % 3}""",${i},,,,"x\r\ny${'z'.repeat(300)}"`,
    )
    const text = `\ufeffincident_id,date,target_group,killed_min,killed_max,injured_min,injured_max,notes\r\n${rows.join('\r\n')}\r\n`
    expect(await expectSame(encode(text), 100)).toBe(true)
  })

  it('reads a file smaller than the threshold in one part', async () => {
    const text = `${REQUIRED}\n${Array.from({ length: 50 }, (_, i) => `A${i},2021,g,,,,`).join('\n')}\n`
    const bytes = encode(text)
    expect(await findSplit(bytesSource(bytes))).toBeNull()
    const { replies, tailReplies, part } = await importInTwo(bytes, 64, 1 << 20)
    expect(part).toBeNull()
    expect(tailReplies).toEqual([])
    expect(replies.some((r) => r.type === 'progress' && r.part)).toBe(false)
    expect(plain(done(replies).columns)).toEqual(plain(done(await importWhole(bytes, 64)).columns))
  })

  it('reads on alone when the second half is not UTF-8 (read as Windows-1252 from there)', async () => {
    const head = `${REQUIRED}\n${Array.from({ length: 40 }, (_, i) => `A${i},2021,g,${i},,,`).join('\n')}\n`
    const bytes = Uint8Array.of(
      ...encode(head),
      ...encode('Z,2021,caf'),
      0xe9,
      ...encode(',1,,,\n'),
    )
    const { replies, part } = await importInTwo(bytes, 32)
    expect(part).toBeNull()
    expect(usedTwoParts(replies)).toBe(false)
    const two = done(replies)
    const whole = done(await importWhole(bytes, 32))
    expect(two.report.encoding).toBe('windows-1252')
    expect(plain(two.columns)).toEqual(plain(whole.columns))
    expect(two.report).toEqual(whole.report)
  })

  it('reads on alone when a quote left open in the first half runs past the cut', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `A${i},2021,g,${i},,,`)
    rows.splice(5, 0, 'Z,2021,g,"1,,,')
    const bytes = encode(`${REQUIRED}\n${rows.join('\n')}\n`)
    const { replies } = await importInTwo(bytes, 16)
    expect(usedTwoParts(replies)).toBe(false)
    expect(done(replies).report).toEqual(done(await importWhole(bytes, 16)).report)
  })

  // A column mapping keeps the file's own columns too; those that one of ours repeats are kept as
  // ours plus the rows where they differ: the part's such rows are appended, moved on.
  it('reads a mapped file (GTD) the same in two parts', async () => {
    const fixture = new TextDecoder().decode(fixtureBytes('gtd-export.csv'))
    const [header, ...rows] = fixture.trimEnd().split('\n')
    const body = Array.from({ length: 60 }, (_, i) =>
      rows.map((row) => (i % 3 === 0 ? row.replace(',Kabul,', ', Kabul ,') : row)).join('\n'),
    )
    const bytes = encode(`${header}\n${body.join('\n')}\n`)
    const plan = await planImport(bytesSource(bytes))
    if (plan.kind !== 'map') throw new Error('expected a mapping')
    const mapping = plan.proposal
    const whole = done(await importWhole(bytes, 4096, mapping))
    const { replies, part } = await importInTwo(bytes, 4096, 0, mapping)
    expect(part).not.toBeNull()
    expect(usedTwoParts(replies)).toBe(true)
    const two = done(replies)
    expect(plain(two.columns)).toEqual(plain(whole.columns))
    expect(two.report).toEqual(whole.report)
  })

  it('sends the part with every buffer in its transfer list', async () => {
    const text = `${REQUIRED},notes\n${Array.from({ length: 50 }, (_, i) => `A${i},2021,g,,,,,n${i}`).join('\n')}\n`
    const { part } = await importInTwo(encode(text), 64)
    if (!part) throw new Error('expected a part')
    const buffers = transferablesOfTail(part)
    expect(new Set(buffers).size).toBe(buffers.length)
    expect(buffers.every((buffer) => buffer.byteLength === 0)).toBe(true)
  })

  it("reports both workers' steps, each timed, in the order they ran", async () => {
    const text = `${REQUIRED},notes\n${Array.from({ length: 1000 }, (_, i) => `A${i},2021,g,,,,,n${i}`).join('\n')}\n`
    const { replies } = await importInTwo(encode(text), 64)
    const steps = done(replies).steps ?? []
    expect(steps.map((step) => step.name)).toEqual([
      'read the header',
      'first worker: read its part',
      'first worker: wait for the second part',
      'second worker: find the cut',
      'second worker: read its part',
      'second worker: finish its part',
      'first worker: append the second part',
      'finish the store',
      'pack the labels',
    ])
    for (const step of steps) expect(step.end).toBeGreaterThanOrEqual(step.start)
    // One worker's steps follow one another.
    const own = steps.filter((step) => !step.name.startsWith('second worker'))
    for (let i = 1; i < own.length; i++) expect(own[i]!.start).toBe(own[i - 1]!.end)
    // Read alone, the file has no second worker's steps.
    const alone = done(await importWhole(encode(text), 64)).steps ?? []
    expect(alone.map((step) => step.name)).toEqual([
      'read the header',
      'read the file',
      'finish the store',
      'pack the labels',
    ])
  })
})

describe('text columns sent after the rest', () => {
  const text = `${REQUIRED},notes,source_quote\n${Array.from({ length: 800 }, (_, i) => `A${i},2021,g,,,,,"n ""${i}""",é${i}`).join('\n')}\n`

  // The replies of an import whose text columns follow: `done` with each column's bytes empty and
  // its offsets final, then `texts` with the bytes (each buffer in the transfer list).
  function joined(replies: { reply: ImportReply; transfer?: ArrayBuffer[] }[]): Done {
    const [first, second] = replies.slice(-2)
    if (first?.reply.type !== 'done' || second?.reply.type !== 'texts')
      throw new Error('expected done, texts')
    expect(first.reply.textsToFollow).toBe(true)
    const { texts } = second.reply
    for (const column of TEXT_COLUMNS) {
      expect(first.reply.columns.texts[column].bytes).toHaveLength(0)
      expect(second.transfer).toContain(texts[column].buffer)
    }
    expect(second.reply.steps?.map((step) => step.name)).toEqual(['finish the text columns'])
    const columns = first.reply.columns
    for (const column of TEXT_COLUMNS) columns.texts[column].bytes = texts[column]
    return { ...first.reply, columns, textsToFollow: undefined }
  }

  it.each([false, true])(
    'make the same store as sent whole, read whole or in two parts (copied at the end: %s)',
    async (copiedAtFinish) => {
      const before = appendedText.copiedAtFinish
      appendedText.copiedAtFinish = copiedAtFinish
      try {
        const bytes = encode(text)
        const whole = done(await importWhole(bytes, 256))
        expect(whole.textsToFollow).toBeUndefined()
        const alone: { reply: ImportReply; transfer?: ArrayBuffer[] }[] = []
        await runImportJob(
          bytesSource(bytes),
          null,
          (reply, transfer) => alone.push({ reply, transfer }),
          256,
          undefined,
          undefined,
          true,
        )
        expect(plain(joined(alone).columns)).toEqual(plain(whole.columns))
        const source = bytesSource(bytes)
        const part = new Promise<TailPart | null>((resolve) => {
          void runTailJob(
            source,
            null,
            () => {},
            (sent, transfer) => resolve(sent && structuredClone(sent, { transfer })),
            256,
            0,
          )
        })
        const two: { reply: ImportReply; transfer?: ArrayBuffer[] }[] = []
        await runImportJob(
          source,
          null,
          (reply, transfer) => two.push({ reply, transfer }),
          256,
          () => part,
          0,
          true,
        )
        expect(usedTwoParts(two.map(({ reply }) => reply))).toBe(true)
        const joinedTwo = joined(two)
        expect(plain(joinedTwo.columns)).toEqual(plain(whole.columns))
        expect(joinedTwo.report).toEqual(whole.report)
      } finally {
        appendedText.copiedAtFinish = before
      }
    },
  )
})

describe('rows per label', () => {
  it('come with every dictionary, read whole or in two parts, as a count of its codes gives them', async () => {
    const text = `${REQUIRED},notes\n${Array.from({ length: 3000 }, (_, i) => `A${i % 700},2021,"g ${i % 7}",,,,,n${i}`).join('\n')}\n`
    const bytes = encode(text)
    const whole = done(await importWhole(bytes, 256))
    const { replies } = await importInTwo(bytes, 256)
    expect(usedTwoParts(replies)).toBe(true)
    for (const { columns } of [whole, done(replies)]) {
      for (const column of ['incident_id', 'target_group', 'country'] as const) {
        const { codes, values, counts } = columns.categories[column]
        const counted = new Uint32Array(packedCount(values))
        for (const code of codes) counted[code]!++
        expect(Array.from(counts ?? [])).toEqual(Array.from(counted))
      }
      // The page keeps them with the unpacked columns: not counted again.
      const unpacked = runSteps(unpackColumns(columns))
      const groups = unpacked.categories.target_group
      expect(labelCounts(groups)).toBe(columns.categories.target_group.counts)
    }
  })
})
