// What the two workers of a file read in two say to each other over the port the page gave them:
// the second's part, and the first's request for the end of that part with the second's answer
// (StealLink). Each end of the port, made here, is what the import jobs take; the worker
// (src/workers/parse.worker.ts) only hands them over.

import type { SplitPoint, StealLink, TailLink } from './importJob'
import type { TailPart } from './loader'

/** A word over the port. */
export type PortWord =
  | { type: 'steal' }
  | { type: 'cut'; cut: SplitPoint | null }
  | { type: 'part'; part: TailPart | null }

/** The parts of a MessagePort used here. */
export interface WordPort {
  postMessage(word: PortWord, transfer?: Transferable[]): void
  onmessage: ((event: MessageEvent<PortWord>) => void) | null
}

/**
 * The second worker's end: asked (between its pieces, when reading lets messages in) whether the
 * first may read the end of its part, it answers with the cut; `send` sends its part.
 */
export function secondEnd(
  port: WordPort,
  /** The least left to take over (tests; MIN_STEAL_BYTES by default). */
  minBytes?: number,
): {
  steal: StealLink
  send: (part: TailPart | null, transfer?: Transferable[]) => void
} {
  let asked = false
  port.onmessage = (event) => {
    if (event.data.type === 'steal') asked = true
  }
  const answer = (cut: SplitPoint | null) => port.postMessage({ type: 'cut', cut })
  return {
    steal: { asked: () => asked, answer, ...(minBytes !== undefined && { minBytes }) },
    send: (part, transfer = []) => port.postMessage({ type: 'part', part }, transfer),
  }
}

/**
 * The first worker's end: the second's part, and the end of it to take over (null once the part
 * has come: nothing is left to take). `stop` settles both with null (the page says the second
 * stopped).
 */
export function firstEnd(port: WordPort): { link: TailLink; stop: () => void } {
  let settlePart: (part: TailPart | null) => void = () => {}
  let settleCut: ((cut: SplitPoint | null) => void) | null = null
  let arrived = false
  const part = new Promise<TailPart | null>((resolve) => (settlePart = resolve))
  const cutIs = (cut: SplitPoint | null) => {
    const settle = settleCut
    settleCut = null
    settle?.(cut)
  }
  const partIs = (word: TailPart | null) => {
    arrived = true
    cutIs(null)
    settlePart(word)
  }
  port.onmessage = (event) => {
    const word = event.data
    if (word.type === 'cut') cutIs(word.cut)
    else if (word.type === 'part') partIs(word.part)
  }
  const steal = () =>
    arrived
      ? Promise.resolve(null)
      : new Promise<SplitPoint | null>((resolve) => {
          settleCut = resolve
          port.postMessage({ type: 'steal' })
        })
  return { link: { part: () => part, steal }, stop: () => partIs(null) }
}
