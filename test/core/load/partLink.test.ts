// The two workers' words over a real MessageChannel: the second's part crosses (its buffers
// transferred), and the first, done with its part while the second still reads, asks for the end
// of the second's part, reads it, and makes the store one worker makes of the whole file.

import { afterEach, describe, expect, it } from 'vitest'
import {
  bytesSource,
  runImportJob,
  runTailJob,
  type ByteSource,
  type ImportReply,
} from '../../../src/core/load/importJob'
import { firstEnd, secondEnd } from '../../../src/core/load/partLink'
import { plain } from '../../helpers/plain'

const encode = (text: string) => new TextEncoder().encode(text)
const REQUIRED = 'incident_id,date,target_group,killed_min,killed_max,injured_min,injured_max'
// The loader judges the encoding from the first 8 KB: a row of 8 KB first.
const text = `${REQUIRED},notes\nF,2021,g,,,,,"${'x'.repeat(8200)}"\n${Array.from(
  { length: 3000 },
  (_, i) => `A${i},2021-0${(i % 9) + 1},"g ${i % 5}",${i},,,,"said ""${i}"",\nthen ${i}"`,
).join('\n')}\n`
const bytes = encode(text)

// The same bytes, each read waiting a little: the second worker reads slowly, and the port's
// messages come in between its pieces, as they do between a Blob's reads in a browser.
const slowSource = (): ByteSource => ({
  size: bytes.length,
  read: async (start, end) => {
    await new Promise((done) => setTimeout(done, 2))
    return bytes.subarray(start, end)
  },
})

const channels: MessageChannel[] = []
afterEach(() => {
  for (const { port1, port2 } of channels.splice(0)) {
    port1.close()
    port2.close()
  }
})

const done = (replies: ImportReply[]) => {
  const last = replies.at(-1)
  if (last?.type !== 'done') throw new Error('expected done')
  return last
}

async function importWhole(): Promise<Extract<ImportReply, { type: 'done' }>> {
  const replies: ImportReply[] = []
  await runImportJob(bytesSource(bytes), null, (reply) => replies.push(reply), 256)
  return done(replies)
}

describe('the two workers over a MessageChannel', () => {
  it('takes over the end of the second part and makes the store of one reading', async () => {
    const channel = new MessageChannel()
    channels.push(channel)
    const second = secondEnd(channel.port2, 1)
    const first = firstEnd(channel.port1)
    const read = runTailJob(
      slowSource(),
      null,
      () => {},
      second.send,
      256,
      0,
      undefined,
      undefined,
      second.steal,
    )
    const replies: ImportReply[] = []
    await runImportJob(bytesSource(bytes), null, (reply) => replies.push(reply), 256, first.link, 0)
    await read
    const two = done(replies)
    expect(two.steps?.map((step) => step.name)).toContain(
      'first worker: read the rest of the second part',
    )
    const whole = await importWhole()
    expect(two.report).toEqual(whole.report)
    expect(plain(two.columns)).toEqual(plain(whole.columns))
  })

  it('gives no part and nothing to take over once stopped', async () => {
    const channel = new MessageChannel()
    channels.push(channel)
    const first = firstEnd(channel.port1)
    const asked = first.link.steal?.()
    first.stop()
    expect(await asked).toBeNull()
    expect(await first.link.part()).toBeNull()
    expect(await first.link.steal?.()).toBeNull()
  })
})
