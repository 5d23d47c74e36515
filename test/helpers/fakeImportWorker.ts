// A stand-in for the import worker: records what the page asks and lets a test answer.
import type { ImportReply, ImportRequest } from '../../src/core/load/importJob'
import type { ImportWorker } from '../../src/composables/useImport'

export class FakeImportWorker implements ImportWorker {
  static made: FakeImportWorker[] = []
  requests: ImportRequest[] = []
  terminated = false
  onmessage: ((event: MessageEvent<ImportReply>) => void) | null = null
  onerror: ((event: ErrorEvent) => void) | null = null

  constructor() {
    FakeImportWorker.made.push(this)
  }

  postMessage(message: ImportRequest): void {
    this.requests.push(message)
  }

  /** The `n`th request if it is an import (not a second worker's part or a notice). */
  importRequest(n = 0): Extract<ImportRequest, { type: 'import' }> | undefined {
    const request = this.requests[n]
    return request?.type === 'import' ? request : undefined
  }

  terminate(): void {
    this.terminated = true
  }

  /** Answers as the worker would. */
  reply(reply: ImportReply): void {
    this.onmessage?.({ data: reply } as MessageEvent<ImportReply>)
  }

  static last(): FakeImportWorker {
    const worker = FakeImportWorker.made.at(-1)
    if (!worker) throw new Error('no worker was made')
    return worker
  }
}
