// What the page's long tasks are made of, read from a Chromium trace (`npm run bench:browser --
// --trace`): for each main-thread task over a threshold, its time by kind of work (script, style,
// layout, paint, garbage collection, as the trace names them) and the JavaScript functions the
// CPU profiler sampled most inside it. For finding what to split or make cheaper, not a measure.

interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  pid: number
  tid: number
  id?: string
  args?: {
    name?: string
    data?: {
      startTime?: number
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }
      timeDeltas?: number[]
    }
  }
}

interface ProfileNode {
  id: number
  parent?: number
  callFrame: { functionName: string; url?: string; lineNumber?: number; scriptId?: number }
}

export interface TaskBreakdown {
  /** Milliseconds since the trace's first task on the page's main thread. */
  at: number
  ms: number
  /** Self time by trace event name, largest first (ms). */
  work: [string, number][]
  /** Sampled self time by JavaScript function, largest first (ms). */
  functions: [string, number][]
  /** Sampled time with the function anywhere on the stack, largest first (ms). */
  inclusive: [string, number][]
}

function mainThread(events: readonly TraceEvent[]): { pid: number; tid: number } | null {
  // The renderer main thread with the most tasks: the page measured, not one closed before.
  const counts = new Map<string, number>()
  const mains = events.filter(
    (event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain',
  )
  for (const event of events) {
    if (event.name !== 'RunTask') continue
    const key = `${event.pid}:${event.tid}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  let best: { pid: number; tid: number } | null = null
  let most = -1
  for (const main of mains) {
    const count = counts.get(`${main.pid}:${main.tid}`) ?? 0
    if (count > most) {
      most = count
      best = { pid: main.pid, tid: main.tid }
    }
  }
  return best
}

/** CPU samples of the thread as [time µs, stack] pairs (innermost function first). */
function samplesOf(events: readonly TraceEvent[], pid: number, tid: number): [number, string[]][] {
  const out: [number, string[]][] = []
  // A profile starts on the thread it samples; its chunks come from the profiler's own thread.
  const clocks = new Map<string, number>()
  for (const event of events)
    if (event.name === 'Profile' && event.pid === pid && event.tid === tid && event.id)
      clocks.set(event.id, event.args?.data?.startTime ?? event.ts)
  const names = new Map<string, Map<number, string>>()
  const parentsOf = new Map<string, Map<number, number>>()
  for (const event of events) {
    const data = event.args?.data
    if (event.name !== 'ProfileChunk' || event.pid !== pid || !data) continue
    if (event.id === undefined || !clocks.has(event.id)) continue
    const nodes = names.get(event.id) ?? new Map<number, string>()
    names.set(event.id, nodes)
    const parents = parentsOf.get(event.id) ?? new Map<number, number>()
    parentsOf.set(event.id, parents)
    for (const node of data.cpuProfile?.nodes ?? []) {
      const frame = node.callFrame
      const file = frame.url?.split('/').pop() || `script ${frame.scriptId ?? '?'}`
      const line = (frame.lineNumber ?? 0) + 1
      nodes.set(node.id, `${frame.functionName || '(anonymous)'} ${file}:${line}`)
      if (node.parent !== undefined) parents.set(node.id, node.parent)
    }
    const stackOf = (id: number): string[] => {
      const stack: string[] = []
      for (let at: number | undefined = id; at !== undefined; at = parents.get(at))
        stack.push(nodes.get(at) ?? '?')
      return stack
    }
    let clock = clocks.get(event.id) as number
    const samples = data.cpuProfile?.samples ?? []
    const deltas = data.timeDeltas ?? []
    for (let i = 0; i < samples.length; i++) {
      clock += deltas[i] ?? 0
      out.push([clock, stackOf(samples[i] as number)])
    }
    clocks.set(event.id, clock)
  }
  return out.sort((a, b) => a[0] - b[0])
}

function largest(totals: Map<string, number>, count: number): [string, number][] {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => [name, Math.round(us / 100) / 10])
}

/** The main thread's tasks of `overMs` or more, each taken apart. */
export function breakDownLongTasks(
  trace: { traceEvents: TraceEvent[] },
  overMs = 40,
): TaskBreakdown[] {
  const events = trace.traceEvents
  const thread = mainThread(events)
  if (!thread) return []
  const own = events
    .filter(
      (event) =>
        event.pid === thread.pid && event.tid === thread.tid && event.ph === 'X' && event.dur,
    )
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
  const samples = samplesOf(events, thread.pid, thread.tid)
  const tasks = own.filter((event) => event.name === 'RunTask')
  const origin = tasks[0]?.ts ?? 0
  const out: TaskBreakdown[] = []
  for (const task of tasks) {
    const dur = task.dur ?? 0
    if (dur < overMs * 1000) continue
    const end = task.ts + dur
    // Self time of each event nested in the task: its duration less its direct children's.
    const inside = own.filter((event) => event !== task && event.ts >= task.ts && event.ts < end)
    const self = new Map<string, number>()
    const stack: { event: TraceEvent; children: number }[] = []
    const endOf = (event: TraceEvent) => event.ts + (event.dur ?? 0)
    // Closes the open events that end by `upTo`, adding their self time.
    const close = (upTo: number) => {
      for (let open = stack.at(-1); open && endOf(open.event) <= upTo; open = stack.at(-1)) {
        stack.pop()
        const name = open.event.name
        self.set(name, (self.get(name) ?? 0) + (open.event.dur ?? 0) - open.children)
      }
    }
    let topLevel = 0
    for (const event of inside) {
      close(event.ts)
      const parent = stack.at(-1)
      if (parent) parent.children += event.dur ?? 0
      else topLevel += event.dur ?? 0
      stack.push({ event, children: 0 })
    }
    close(Number.POSITIVE_INFINITY)
    self.set('(task itself)', dur - topLevel)
    const functions = new Map<string, number>()
    const inclusive = new Map<string, number>()
    for (let i = 0; i < samples.length; i++) {
      const [time, stack] = samples[i] as [number, string[]]
      if (time < task.ts || time >= end) continue
      const us = Math.min((samples[i + 1]?.[0] ?? time) - time, 1000)
      const name = stack[0] ?? '?'
      functions.set(name, (functions.get(name) ?? 0) + us)
      for (const caller of new Set(stack)) inclusive.set(caller, (inclusive.get(caller) ?? 0) + us)
    }
    out.push({
      at: Math.round((task.ts - origin) / 1000),
      ms: Math.round(dur / 100) / 10,
      work: largest(self, 8),
      functions: largest(functions, 12),
      inclusive: largest(inclusive, 30),
    })
  }
  return out
}
