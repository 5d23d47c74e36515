// Splitting work on big data into tasks, so the page paints and answers input in between.

/** From this many rows on, recomputing the view is split into tasks that each let the page paint. */
export const ASYNC_ROWS = 100_000

// Lets the browser paint and handle input before the caller goes on: a new task through a
// MessageChannel, which the browser may precede with a frame. Not scheduler.yield: Chromium runs
// its continuations ahead of rendering, so a chain of steps would still hold back the next frame;
// not setTimeout: browsers clamp nested timeouts to a minimum delay, which a chain of steps adds
// up.
let channel: MessageChannel | null = null
const waiting: (() => void)[] = []
export function yieldToPage(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((done) => setTimeout(done, 0))
  if (!channel) {
    channel = new MessageChannel()
    channel.port1.onmessage = () => waiting.shift()?.()
  }
  const port = channel.port2
  return new Promise((done) => {
    waiting.push(done)
    port.postMessage(null)
  })
}

/**
 * Waits until the page is idle (requestIdleCallback; at most `timeoutMs`), for work that must not
 * hold back what is about to be painted. A timeout of 0 where the browser has no idle callbacks.
 */
export function whenIdle(timeoutMs = 250): Promise<void> {
  if (typeof requestIdleCallback === 'undefined') {
    return new Promise((done) => setTimeout(done, 0))
  }
  return new Promise((done) => requestIdleCallback(() => done(), { timeout: timeoutMs }))
}

/** How long a task of `runInSteps` may run before it lets the page paint and handle input. */
export const STEP_BUDGET_MS = 12

/**
 * Runs work split into steps (a `Steps` generator, core/steps), letting the page run whenever a
 * task has taken `budgetMs`. Stops early, with null, once `wanted()` turns false (a newer import,
 * Cancel).
 */
export async function runInSteps<T>(
  steps: Generator<void, T, void>,
  wanted: () => boolean = () => true,
  budgetMs = STEP_BUDGET_MS,
): Promise<T | null> {
  let since = performance.now()
  for (;;) {
    const next = steps.next()
    if (next.done) return next.value
    if (performance.now() - since >= budgetMs) {
      await yieldToPage()
      if (!wanted()) return null
      since = performance.now()
    }
  }
}
