// A Chart.js plugin of our own that draws the uncertainty on bars: a whisker from the bar's end
// (the minimum) to the maximum, or, when the maximum is open, a fading dashed arrow, so "at least
// 47" never looks like exactly 47. It also writes each mark's label (`51+`, `10–20`) at its end.
// chartjs-chart-error-bars draws closed ranges only and brings its own controllers; an open end
// needs this drawing anyway, so the few lines below replace it.

import type { Chart, ChartType, Plugin } from 'chart.js'
import type { CategoryNote, RangeMark } from '../core/chart/chartModel'

/** Options of the plugin, under `options.plugins.rangeMarks`. */
export interface RangeMarksOptions {
  marks: RangeMark[]
  /** Colour of whiskers and arrows. */
  color: string
  /** Colour of the labels. */
  textColor: string
  /** Draw labels for marks with a closed, exact figure too (direct labelling). */
  labels: boolean
  /** Words drawn in a category's band where it has no bar (`not quantified`). */
  notes: CategoryNote[]
}

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- must match Chart.js's declaration
  interface PluginOptionsByType<TType extends ChartType> {
    rangeMarks?: Partial<RangeMarksOptions>
  }
}

/** Pixel length of an open-ended arrow past the bar's end. */
export const OPEN_ARROW_LENGTH = 30

/** The share of its band a category's bar takes (Chart.js: categoryPercentage x barPercentage). */
const BAR_SHARE = 0.6

interface Placement {
  center: number
  thickness: number
}

// Where a mark sits across the index axis: on its own bar when it names a dataset, else on the
// category (the top of a stack).
function placeMark(chart: Chart, mark: RangeMark, horizontal: boolean): Placement | null {
  const indexScale = horizontal ? chart.scales.y : chart.scales.x
  if (!indexScale) return null
  if (mark.datasetIndex === null) {
    const step =
      chart.data.labels && chart.data.labels.length > 1
        ? Math.abs(indexScale.getPixelForValue(1) - indexScale.getPixelForValue(0))
        : (horizontal ? chart.chartArea.height : chart.chartArea.width) / 2
    return { center: indexScale.getPixelForValue(mark.index), thickness: step * BAR_SHARE }
  }
  if (!chart.isDatasetVisible(mark.datasetIndex)) return null
  const meta = chart.getDatasetMeta(mark.datasetIndex)
  const points = chart.data.datasets[mark.datasetIndex]?.data ?? []
  const position = points.findIndex(
    (point) => (point as { x: number; y: number })[horizontal ? 'y' : 'x'] === mark.index,
  )
  const element = meta.data[position]
  if (!element) return null
  const props = element.getProps(['x', 'y', 'width', 'height'], true) as Record<string, number>
  return horizontal
    ? { center: props.y ?? 0, thickness: props.height ?? 0 }
    : { center: props.x ?? 0, thickness: props.width ?? 0 }
}

function withAlpha(color: string, alpha: number): string {
  if (!color.startsWith('#') || color.length !== 7) return color
  const value = Number.parseInt(color.slice(1), 16)
  return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${alpha})`
}

export const rangeMarksPlugin: Plugin<'bar', RangeMarksOptions> = {
  id: 'rangeMarks',
  defaults: { marks: [], color: '#1a1a1a', textColor: '#1a1a1a', labels: true, notes: [] },
  afterDatasetsDraw(chart, _args, options) {
    const horizontal = chart.options.indexAxis === 'y'
    const valueScale = horizontal ? chart.scales.x : chart.scales.y
    const indexScale = horizontal ? chart.scales.y : chart.scales.x
    if (!valueScale || !indexScale) return
    const { ctx } = chart
    if (options.notes && options.notes.length > 0) {
      ctx.save()
      ctx.fillStyle = options.textColor
      ctx.textAlign = horizontal ? 'left' : 'center'
      ctx.textBaseline = horizontal ? 'middle' : 'bottom'
      // Bands with a range mark on the whole category, found once (not once per note: a long
      // time axis has a thousand notes and marks).
      const markedBands = new Set(
        (options.marks ?? []).filter((mark) => mark.datasetIndex === null).map((m) => m.index),
      )
      let font = ''
      for (const note of options.notes) {
        const center = indexScale.getPixelForValue(note.index)
        const at = valueScale.getPixelForValue(note.value)
        const noteFont =
          note.text.length === 1
            ? 'bold 14px system-ui, sans-serif'
            : 'italic 12px system-ui, sans-serif'
        // Setting ctx.font parses the font every time: only when it changes.
        if (noteFont !== font) ctx.font = font = noteFont
        // Beside a range mark of the same band, so the two never overlap.
        const shift = markedBands.has(note.index) ? 10 : 0
        if (horizontal) ctx.fillText(note.text, at + 6, center + shift)
        else ctx.fillText(note.text, center + shift, at - 4)
      }
      ctx.restore()
    }
    if (!options.marks || options.marks.length === 0) return
    // Value axis direction in pixels: right for horizontal bars, up for vertical ones.
    const sign = horizontal ? 1 : -1
    ctx.save()
    ctx.lineWidth = 2
    ctx.font = '600 12px system-ui, sans-serif'
    for (const mark of options.marks) {
      const place = placeMark(chart as unknown as Chart, mark, horizontal)
      if (!place) continue
      const cap = Math.max(3, Math.min(7, place.thickness * 0.35))
      const start = valueScale.getPixelForValue(mark.min)
      const at = (value: number, across: number) =>
        horizontal ? ([value, across] as const) : ([across, value] as const)
      const line = (a: readonly [number, number], b: readonly [number, number]) => {
        ctx.beginPath()
        ctx.moveTo(a[0], a[1])
        ctx.lineTo(b[0], b[1])
        ctx.stroke()
      }
      let labelAt = start
      ctx.strokeStyle = options.color
      ctx.setLineDash([])
      if (mark.max !== null && mark.max > mark.min) {
        const end = valueScale.getPixelForValue(mark.max)
        line(at(start, place.center), at(end, place.center))
        line(at(end, place.center - cap), at(end, place.center + cap))
        labelAt = end
      } else if (mark.max === null) {
        const end = start + sign * OPEN_ARROW_LENGTH
        const [x0, y0] = at(start, place.center)
        const [x1, y1] = at(end, place.center)
        const gradient = ctx.createLinearGradient(x0, y0, x1, y1)
        gradient.addColorStop(0, withAlpha(options.color, 1))
        gradient.addColorStop(1, withAlpha(options.color, 0.15))
        ctx.strokeStyle = gradient
        ctx.setLineDash([4, 3])
        line(at(start, place.center), at(end, place.center))
        ctx.setLineDash([])
        // An open arrowhead: the range goes on past what the source counted.
        const back = end - sign * cap
        line(at(back, place.center - cap), at(end, place.center))
        line(at(back, place.center + cap), at(end, place.center))
        labelAt = end
      } else if (!options.labels) continue
      // Side by side on a long time axis, labels wider than their band would run into each other
      // (a black smear over ten years of months): there the mark stays, and the figure is in the
      // tooltip and the table view.
      if (!horizontal && ctx.measureText(mark.label).width > place.thickness / BAR_SHARE) continue
      ctx.fillStyle = options.textColor
      if (horizontal) {
        ctx.textAlign = 'left'
        ctx.textBaseline = 'middle'
        ctx.fillText(mark.label, labelAt + 4, place.center)
      } else {
        ctx.textAlign = 'center'
        ctx.textBaseline = 'bottom'
        ctx.fillText(mark.label, place.center, labelAt - 4)
      }
    }
    ctx.restore()
  },
}
