// Running stepped work on the page: the result is the same as running it at once, and work that
// is no longer wanted stops at the next pause.

import { describe, expect, it } from 'vitest'
import { runInSteps } from '../../src/composables/yieldToPage'

// Three steps; counts how many ran.
function* counted(log: number[]): Generator<void, string, void> {
  for (let i = 1; i <= 3; i++) {
    log.push(i)
    if (i < 3) yield
  }
  return 'done'
}

describe('runInSteps', () => {
  it('returns what the steps return, in one task when they fit the budget', async () => {
    const log: number[] = []
    expect(await runInSteps(counted(log), () => true, 1_000)).toBe('done')
    expect(log).toEqual([1, 2, 3])
  })

  it('pauses after every step with no budget, and still finishes', async () => {
    const log: number[] = []
    expect(await runInSteps(counted(log), () => true, 0)).toBe('done')
    expect(log).toEqual([1, 2, 3])
  })

  it('stops with null at the first pause once the work is not wanted any more', async () => {
    const log: number[] = []
    let wanted = true
    const running = runInSteps(counted(log), () => wanted, 0)
    wanted = false
    expect(await running).toBeNull()
    expect(log).toEqual([1])
  })
})
