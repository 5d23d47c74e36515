// A stand-in for the export's Blob worker (src/workers/blob.worker.ts), same protocol, in the
// test's own thread: records what the page posts and answers `finish` in a later task.
import type { BlobReply, BlobRequest, BlobWorker } from '../../src/composables/useExport'

export class FakeBlobWorker implements BlobWorker {
  static made: FakeBlobWorker[] = []
  requests: BlobRequest[] = []
  terminated = false
  onmessage: ((event: MessageEvent<BlobReply>) => void) | null = null
  onerror: ((event: ErrorEvent) => void) | null = null
  private readonly parts: Blob[] = []

  constructor() {
    FakeBlobWorker.made.push(this)
  }

  postMessage(message: BlobRequest): void {
    if (this.terminated) throw new Error('posted to a terminated worker')
    this.requests.push(message)
    if (message.type === 'add') {
      this.parts.push(new Blob(message.texts))
      return
    }
    const blob = new Blob(this.parts, { type: message.mime })
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data: { type: 'done', blob } } as MessageEvent)
    }, 0)
  }

  terminate(): void {
    this.terminated = true
  }

  /** Fails as a worker that could not run would. */
  fail(message: string): void {
    this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent)
  }
}
