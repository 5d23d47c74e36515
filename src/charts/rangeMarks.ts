// A Chart.js plugin of our own that draws the uncertainty on bars: a whisker from the bar's end
// (the minimum) to the maximum, or, when the maximum is open, a fading dashed arrow, so "at least
// 47" never looks like exactly 47. It also writes each mark's label (`51+`, `10–20`) at its end.
// chartjs-chart-error-bars draws closed ranges only and brings its own controllers; an open end
// needs this drawing anyway, so the few lines below replace it.

import type { Chart, ChartType, Plugin } from 'chart.js'
import type { CategoryNote, RangeMark } from '../core/chart/chartModel'
import { lighten } from '../core/chart/palette'

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

/** The middle of a mark's bar across the index axis, and the bar's thickness, in pixels. */
export interface Placement {
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

/** A point on the canvas, in pixels: [x, y]. */
export type Point = readonly [number, number]

/** A straight stroke between two points. */
export interface Segment {
  from: Point
  to: Point
}

/** Text at a point, with how it sits there. */
export interface TextSpot {
  text: string
  x: number
  y: number
  align: 'left' | 'center'
  baseline: 'middle' | 'bottom'
}

/** What the plugin draws for one range mark. */
export interface MarkGeometry {
  /** A closed range: the whisker from the bar's end to the maximum, and the cap across its end. */
  whisker: [Segment, Segment] | null
  /** An open upper bound: the dashed shaft that fades out, and the two strokes of its open head. */
  arrow: { shaft: Segment; head: [Segment, Segment] } | null
  /** The figure at the mark's end, or null where it is left out. */
  label: TextSpot | null
}

/** Font of the marks' labels. */
const MARK_FONT = '600 12px system-ui, sans-serif'

// Where a mark's strokes and label go. `pixelFor` is the value axis; `textWidth` measures a label
// in MARK_FONT. `labels` is about exact figures (max equal to min) only, which have no strokes:
// without it such a mark draws nothing (null). A range or an open bound always has its label.
export function layoutMark(
  mark: RangeMark,
  place: Placement,
  horizontal: boolean,
  pixelFor: (value: number) => number,
  labels: boolean,
  textWidth: (text: string) => number,
): MarkGeometry | null {
  // Value axis direction in pixels: right for horizontal bars, up for vertical ones.
  const sign = horizontal ? 1 : -1
  const { center } = place
  const cap = Math.max(3, Math.min(7, place.thickness * 0.35))
  const at = (value: number, across: number): Point =>
    horizontal ? [value, across] : [across, value]
  const start = pixelFor(mark.min)
  let whisker: MarkGeometry['whisker'] = null
  let arrow: MarkGeometry['arrow'] = null
  let labelAt = start
  if (mark.max !== null && mark.max > mark.min) {
    const end = pixelFor(mark.max)
    whisker = [
      { from: at(start, center), to: at(end, center) },
      { from: at(end, center - cap), to: at(end, center + cap) },
    ]
    labelAt = end
  } else if (mark.max === null) {
    const end = start + sign * OPEN_ARROW_LENGTH
    // An open arrowhead: the range goes on past what the source counted.
    const back = end - sign * cap
    arrow = {
      shaft: { from: at(start, center), to: at(end, center) },
      head: [
        { from: at(back, center - cap), to: at(end, center) },
        { from: at(back, center + cap), to: at(end, center) },
      ],
    }
    labelAt = end
  } else if (!labels) return null
  // Side by side on a long time axis, labels wider than their band would run into each other
  // (a black smear over ten years of months): there the mark stays, and the figure is in the
  // tooltip and the table view.
  const crowded = !horizontal && textWidth(mark.label) > place.thickness / BAR_SHARE
  const label: TextSpot | null = crowded
    ? null
    : horizontal
      ? { text: mark.label, x: labelAt + 4, y: center, align: 'left', baseline: 'middle' }
      : { text: mark.label, x: center, y: labelAt - 4, align: 'center', baseline: 'bottom' }
  return { whisker, arrow, label }
}

/** A note's text where it is drawn, in its font. */
export interface NoteSpot extends TextSpot {
  font: string
}

// Where the notes go: past the value `note.value` in the note's band, a `?` in bold and words in
// italics. A note beside a range mark on the whole band moves aside, so the two never overlap.
export function layoutNotes(
  notes: readonly CategoryNote[],
  marks: readonly RangeMark[],
  horizontal: boolean,
  indexPixel: (index: number) => number,
  valuePixel: (value: number) => number,
): NoteSpot[] {
  // Bands with a range mark on the whole category, found once (not once per note: a long time
  // axis has a thousand notes and marks).
  const markedBands = new Set(marks.filter((m) => m.datasetIndex === null).map((m) => m.index))
  return notes.map((note) => {
    const center = indexPixel(note.index)
    const at = valuePixel(note.value)
    const font =
      note.text.length === 1
        ? 'bold 14px system-ui, sans-serif'
        : 'italic 12px system-ui, sans-serif'
    const shift = markedBands.has(note.index) ? 10 : 0
    return horizontal
      ? { text: note.text, font, x: at + 6, y: center + shift, align: 'left', baseline: 'middle' }
      : { text: note.text, font, x: center + shift, y: at - 4, align: 'center', baseline: 'bottom' }
  })
}

function withAlpha(color: string, alpha: number): string {
  return color.startsWith('#') && color.length === 7 ? lighten(color, alpha) : color
}

function strokeSegment(ctx: CanvasRenderingContext2D, segment: Segment) {
  ctx.beginPath()
  ctx.moveTo(segment.from[0], segment.from[1])
  ctx.lineTo(segment.to[0], segment.to[1])
  ctx.stroke()
}

function drawNotes(ctx: CanvasRenderingContext2D, spots: readonly NoteSpot[], color: string) {
  ctx.save()
  ctx.fillStyle = color
  let font = ''
  for (const spot of spots) {
    // Setting ctx.font parses the font every time: only when it changes.
    if (spot.font !== font) ctx.font = font = spot.font
    ctx.textAlign = spot.align
    ctx.textBaseline = spot.baseline
    ctx.fillText(spot.text, spot.x, spot.y)
  }
  ctx.restore()
}

function drawMark(
  ctx: CanvasRenderingContext2D,
  geometry: MarkGeometry,
  options: RangeMarksOptions,
) {
  ctx.strokeStyle = options.color
  ctx.setLineDash([])
  if (geometry.whisker) geometry.whisker.forEach((segment) => strokeSegment(ctx, segment))
  if (geometry.arrow) {
    const { shaft, head } = geometry.arrow
    const gradient = ctx.createLinearGradient(
      shaft.from[0],
      shaft.from[1],
      shaft.to[0],
      shaft.to[1],
    )
    gradient.addColorStop(0, withAlpha(options.color, 1))
    gradient.addColorStop(1, withAlpha(options.color, 0.15))
    ctx.strokeStyle = gradient
    ctx.setLineDash([4, 3])
    strokeSegment(ctx, shaft)
    ctx.setLineDash([])
    head.forEach((segment) => strokeSegment(ctx, segment))
  }
  if (geometry.label) {
    ctx.fillStyle = options.textColor
    ctx.textAlign = geometry.label.align
    ctx.textBaseline = geometry.label.baseline
    ctx.fillText(geometry.label.text, geometry.label.x, geometry.label.y)
  }
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
    const valuePixel = (value: number) => valueScale.getPixelForValue(value)
    if (options.notes && options.notes.length > 0) {
      const indexPixel = (index: number) => indexScale.getPixelForValue(index)
      const spots = layoutNotes(
        options.notes,
        options.marks ?? [],
        horizontal,
        indexPixel,
        valuePixel,
      )
      drawNotes(ctx, spots, options.textColor)
    }
    if (!options.marks || options.marks.length === 0) return
    ctx.save()
    ctx.lineWidth = 2
    ctx.font = MARK_FONT
    const textWidth = (text: string) => ctx.measureText(text).width
    for (const mark of options.marks) {
      const place = placeMark(chart as unknown as Chart, mark, horizontal)
      if (!place) continue
      const geometry = layoutMark(mark, place, horizontal, valuePixel, options.labels, textWidth)
      if (geometry) drawMark(ctx, geometry, options)
    }
    ctx.restore()
  },
}
