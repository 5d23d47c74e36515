import { describe, expect, it } from 'vitest'
import { runSteps, type Steps } from '../../src/core/steps'

function* countTo(n: number, pauses: number[]): Steps<number> {
  let sum = 0
  for (let i = 1; i <= n; i++) {
    sum += i
    pauses.push(i)
    yield
  }
  return sum
}

describe('runSteps', () => {
  it.each([
    [0, 0],
    [1, 1],
    [10, 55],
  ])('runs the steps of counting to %i to the end: %i', (n, sum) => {
    const pauses: number[] = []
    expect(runSteps(countTo(n, pauses))).toBe(sum)
    expect(pauses).toHaveLength(n)
  })

  it('gives the same result as running the generator by hand, pausing between steps', () => {
    const steps = countTo(4, [])
    let paused = 0
    let step = steps.next()
    while (!step.done) {
      paused++
      step = steps.next()
    }
    expect([paused, step.value]).toEqual([4, runSteps(countTo(4, []))])
  })
})
