// Long computations written as generators that pause (yield) every STEP_ROWS rows, so a caller on
// the page can let the browser paint between steps; runSteps runs the same steps without pausing.

/** Rows handled between two pauses. */
export const STEP_ROWS = 1 << 18

/** A computation that pauses (yields) between steps and returns its result when done. */
export type Steps<T> = Generator<void, T, void>

/** Runs `steps` to the end without pausing. */
export function runSteps<T>(steps: Steps<T>): T {
  let step = steps.next()
  while (!step.done) step = steps.next()
  return step.value
}
