// A stand-in for a canvas 2D context (happy-dom and node have none) that records what is done to
// it, and a stand-in Chart.js chart around it: a linear value axis and a category axis with fixed
// pixel positions. `drawnBy` reads the record back as what a reader would see: each stroke with the
// style and dash it was drawn in, each text with its font, alignment and colour.

import type { Chart } from 'chart.js'

export type Call = [name: string, ...args: unknown[]]

export interface RecordedGradient {
  from: [number, number]
  to: [number, number]
  stops: [number, string][]
  addColorStop(offset: number, color: string): void
}

const PROPERTIES = ['font', 'fillStyle', 'strokeStyle', 'textAlign', 'textBaseline', 'lineWidth']

/** A context whose texts measure `width(text)` pixels (7 a character unless told). */
export function recordingContext(width = (text: string) => text.length * 7) {
  const calls: Call[] = []
  const log =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push([name, ...args])
    }
  const ctx: Record<string, unknown> & { calls: Call[] } = {
    calls,
    measureText: (text: string) => ({ width: width(text) }),
    createLinearGradient: (x0: number, y0: number, x1: number, y1: number) => {
      calls.push(['createLinearGradient', x0, y0, x1, y1])
      const gradient: RecordedGradient = {
        from: [x0, y0],
        to: [x1, y1],
        stops: [],
        addColorStop: (offset, color) => gradient.stops.push([offset, color]),
      }
      return gradient
    },
  }
  for (const name of ['save', 'restore', 'beginPath', 'moveTo', 'lineTo', 'stroke', 'fillText']) {
    ctx[name] = log(name)
  }
  ctx.setLineDash = (dash: number[]) => calls.push(['setLineDash', [...dash]])
  for (const name of PROPERTIES) {
    let value: unknown
    Object.defineProperty(ctx, name, {
      get: () => value,
      set: (next: unknown) => {
        value = next
        calls.push([`${name}=`, next])
      },
    })
  }
  return ctx
}

export interface Stroke {
  from: [number, number]
  to: [number, number]
  style: unknown
  dash: number[]
  width: unknown
}

export interface Text {
  text: string
  x: number
  y: number
  font: unknown
  align: unknown
  baseline: unknown
  color: unknown
}

/** What the calls put on the canvas, in drawing order. */
export function drawnBy(calls: readonly Call[]): (Stroke | Text)[] {
  const drawn: (Stroke | Text)[] = []
  let state: Record<string, unknown> = { dash: [] }
  const saved: Record<string, unknown>[] = []
  let path: [number, number][] = []
  for (const [name, ...args] of calls) {
    if (name.endsWith('=')) state = { ...state, [name.slice(0, -1)]: args[0] }
    else if (name === 'setLineDash') state = { ...state, dash: args[0] }
    else if (name === 'save') saved.push(state)
    else if (name === 'restore') state = saved.pop() ?? { dash: [] }
    else if (name === 'beginPath') path = []
    else if (name === 'moveTo' || name === 'lineTo')
      path.push([args[0], args[1]] as [number, number])
    else if (name === 'stroke') {
      drawn.push({
        from: path[0]!,
        to: path[path.length - 1]!,
        style: state.strokeStyle,
        dash: state.dash as number[],
        width: state.lineWidth,
      })
    } else if (name === 'fillText') {
      const [text, x, y] = args as [string, number, number]
      drawn.push({
        text,
        x,
        y,
        font: state.font,
        align: state.textAlign,
        baseline: state.textBaseline,
        color: state.fillStyle,
      })
    }
  }
  return drawn
}

/** A bar as Chart.js placed it: its middle and its size, in pixels. */
export interface FakeBar {
  x: number
  y: number
  width: number
  height: number
}

export interface FakeDataset {
  /** The points as the chart model gives them ({x, y}: category and value, either way round). */
  points: { x: number; y: number }[]
  /** Where each point's bar was drawn. */
  bars: FakeBar[]
  hidden?: boolean
}

/**
 * The value axis puts 0 at 100 px and counts 2 px a unit rightwards (horizontal bars), or puts 0
 * at 300 px and counts 2 px a unit upwards (vertical bars). Category `i` is centred at 50 + 40i.
 */
export function valuePixel(horizontal: boolean): (value: number) => number {
  return horizontal ? (value) => 100 + 2 * value : (value) => 300 - 2 * value
}

export function indexPixel(index: number): number {
  return 50 + 40 * index
}

export function fakeChart(settings: {
  ctx: ReturnType<typeof recordingContext>
  horizontal: boolean
  labels: string[]
  datasets?: FakeDataset[]
  chartArea?: { width: number; height: number }
  /** Leave the scales out, as before Chart.js has built them. */
  noScales?: boolean
}): Chart<'bar'> {
  const { horizontal, datasets = [] } = settings
  const value = { getPixelForValue: valuePixel(horizontal) }
  const index = { getPixelForValue: indexPixel }
  const scales = settings.noScales
    ? {}
    : horizontal
      ? { x: value, y: index }
      : { x: index, y: value }
  const chart = {
    ctx: settings.ctx,
    options: { indexAxis: horizontal ? 'y' : 'x' },
    scales,
    chartArea: settings.chartArea ?? { width: 400, height: 400 },
    data: {
      labels: settings.labels,
      datasets: datasets.map((dataset) => ({ data: dataset.points })),
    },
    isDatasetVisible: (i: number) => !datasets[i]?.hidden,
    getDatasetMeta: (i: number) => ({
      data: (datasets[i]?.bars ?? []).map((bar) => ({ getProps: () => ({ ...bar }) })),
    }),
  }
  return chart as unknown as Chart<'bar'>
}
