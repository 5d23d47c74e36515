// A big file is read by two workers at once: the page starts both, hands them the two ends of a
// channel, shows the bytes both have read, tells the first when the second stopped, and stops both.

import { effectScope } from 'vue'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useImport } from '../../src/composables/useImport'
import { FakeImportWorker } from '../helpers/fakeImportWorker'

const scope = effectScope()
afterEach(() => {
  FakeImportWorker.made = []
  vi.useRealTimers()
})

function start(twoWorkers: boolean, size = 1000, stallMs?: number) {
  const state = scope.run(() =>
    useImport({
      createWorker: () => new FakeImportWorker(),
      dropTarget: null,
      twoWorkers: () => twoWorkers,
      stallMs,
    }),
  )
  if (!state) throw new Error('no scope')
  state.importFile(new File([new Uint8Array(size)], 'big.csv'))
  return state
}

describe('useImport with two workers', () => {
  it('starts one worker for a file read whole', () => {
    start(false)
    expect(FakeImportWorker.made).toHaveLength(1)
    expect(FakeImportWorker.last().requests[0]).toMatchObject({ type: 'import' })
    expect(FakeImportWorker.last().requests[0]).not.toHaveProperty('port')
  })

  it('gives each worker an end of one channel, and shows the bytes both read', () => {
    const state = start(true)
    const [head, tail] = FakeImportWorker.made
    if (!head || !tail) throw new Error('expected two workers')
    const first = head.requests[0]
    const second = tail.requests[0]
    expect(first?.type).toBe('import')
    expect(second?.type).toBe('tail')
    if (first?.type !== 'import' || second?.type !== 'tail') return
    expect(typeof first.port?.postMessage).toBe('function')
    expect(typeof second.port.postMessage).toBe('function')
    expect(first.port === second.port).toBe(false)
    head.reply({ type: 'progress', bytesRead: 300, total: 1000, part: 'head' })
    tail.reply({ type: 'progress', bytesRead: 200, total: 1000, part: 'tail' })
    expect(state.progress.value).toEqual({ bytesRead: 500, total: 1000 })
    // The first reading on alone: its bytes are all.
    head.reply({ type: 'progress', bytesRead: 600, total: 1000 })
    expect(state.progress.value).toEqual({ bytesRead: 600, total: 1000 })
    state.cancel()
    expect(head.terminated && tail.terminated).toBe(true)
  })

  it('tells the first worker when the second stopped, so that it reads on alone', () => {
    start(true)
    const [head, tail] = FakeImportWorker.made
    tail?.onerror?.({ message: 'boom' } as ErrorEvent)
    expect(tail?.terminated).toBe(true)
    expect(head?.requests.at(-1)).toEqual({ type: 'tail-failed' })
    expect(head?.terminated).toBe(false)
  })

  // A stalled import never leaves the page waiting for ever.
  it('reads on with the first worker, then with one new worker, when the two stop answering', () => {
    vi.useFakeTimers()
    const state = start(true, 1000, 30_000)
    const [head, tail] = FakeImportWorker.made
    // Word from either worker keeps the watch from firing.
    vi.advanceTimersByTime(20_000)
    tail?.reply({ type: 'progress', bytesRead: 200, total: 1000, part: 'tail' })
    vi.advanceTimersByTime(20_000)
    expect(FakeImportWorker.made).toHaveLength(2)
    // Quiet for the whole while: the second is stopped, the first reads on alone from the cut.
    vi.advanceTimersByTime(10_001)
    expect(tail?.terminated).toBe(true)
    expect(head?.terminated).toBe(false)
    expect(head?.requests.at(-1)).toEqual({ type: 'tail-failed' })
    expect(FakeImportWorker.made).toHaveLength(2)
    // The first quiet too: one worker reads the whole file again.
    vi.advanceTimersByTime(30_001)
    expect(head?.terminated).toBe(true)
    expect(FakeImportWorker.made).toHaveLength(3)
    const alone = FakeImportWorker.last()
    expect(alone.requests[0]).toMatchObject({ type: 'import' })
    expect(alone.requests[0]).not.toHaveProperty('port')
    expect(state.phase.value).toBe('reading')
    expect(state.progress.value).toEqual({ bytesRead: 0, total: 1000 })
    // One worker that stops answering too: the page says so, and stops it.
    vi.advanceTimersByTime(30_001)
    expect(alone.terminated).toBe(true)
    expect(state.phase.value).toBe('failed')
    expect(state.failure.value?.message).toMatch(/stopped answering \(nothing for 30 s\)/)
    expect(FakeImportWorker.made).toHaveLength(3)
  })

  it('stops watching once the import is done, failed or cancelled', () => {
    vi.useFakeTimers()
    const state = start(false, 1000, 30_000)
    FakeImportWorker.last().reply({ type: 'failed', message: 'no rows', warnings: [] })
    vi.advanceTimersByTime(60_000)
    expect(state.failure.value?.message).toBe('no rows')
    const again = start(true, 1000, 30_000)
    again.cancel()
    vi.advanceTimersByTime(60_000)
    expect(again.phase.value).toBe('cancelled')
    expect(FakeImportWorker.made).toHaveLength(3)
  })

  it('starts the workers when the user points at the import, uses them, and has more after it', async () => {
    const own = effectScope()
    const state = own.run(() =>
      useImport({
        createWorker: () => new FakeImportWorker(),
        dropTarget: null,
        twoWorkers: () => true,
        spareWorkers: true,
      }),
    )
    if (!state) throw new Error('no scope')
    // Not on the page's load, even once it is idle: a first visit fetches no worker.
    await new Promise((done) => setTimeout(done, 50))
    expect(FakeImportWorker.made).toHaveLength(0)
    state.warmUp()
    state.warmUp()
    expect(FakeImportWorker.made).toHaveLength(2)
    const spares = [...FakeImportWorker.made]
    state.importFile(new File([new Uint8Array(1000)], 'big.csv'))
    expect(FakeImportWorker.made).toHaveLength(2)
    expect(spares.map((worker) => worker.requests[0]?.type).sort()).toEqual(['import', 'tail'])
    // Pointing at the import while it runs starts nothing.
    state.warmUp()
    expect(FakeImportWorker.made).toHaveLength(2)
    const head = spares.find((worker) => worker.requests[0]?.type === 'import')
    head?.reply({ type: 'failed', message: 'no rows', warnings: [] })
    expect(spares.every((worker) => worker.terminated)).toBe(true)
    // Two more for the import after it, once the page is idle.
    await vi.waitFor(() => expect(FakeImportWorker.made).toHaveLength(4))
    const next = FakeImportWorker.made.slice(2)
    expect(next.every((worker) => worker.requests.length === 0 && !worker.terminated)).toBe(true)
    own.stop()
    expect(next.every((worker) => worker.terminated)).toBe(true)
  })

  it('starts the workers when a file is dragged over the page', () => {
    const target = document.implementation.createHTMLDocument('drop')
    const own = effectScope()
    own.run(() =>
      useImport({
        createWorker: () => new FakeImportWorker(),
        dropTarget: target,
        twoWorkers: () => false,
        spareWorkers: true,
      }),
    )
    const event = new Event('dragenter') as DragEvent
    Object.defineProperty(event, 'dataTransfer', { value: { types: ['Files'] } })
    target.dispatchEvent(event)
    expect(FakeImportWorker.made).toHaveLength(1)
    own.stop()
    expect(FakeImportWorker.last().terminated).toBe(true)
  })

  it('starts no spare workers by default when the workers are given', async () => {
    start(false)
    await new Promise((done) => setTimeout(done, 50))
    expect(FakeImportWorker.made).toHaveLength(1)
  })
})
