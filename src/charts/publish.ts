// Draws a chart for publishing: the chart again, by Chart.js, off the page at twice the pixel
// density in the light theme (whatever the page's theme), and around it on one canvas its title,
// the filters, the legend, the open-bound and not-quantified notes, the source line, the dataset
// and the view's address. The PNG carries the same texts as iTXt chunks.

import type { ChartOptions } from 'chart.js'
import type { ChartModel } from '../core/chart/chartModel'
import {
  footerLines,
  withLightColors,
  wrapText,
  type LegendEntry,
  type Publication,
} from '../core/chart/publication'
import { addPngText } from '../core/export/pngText'
import type { ChartSettings } from './options'
import { Chart } from './register'
import { chartColors } from './theme'

/** Width of the published chart in CSS pixels; drawn at SCALE, so 1,280 pixels wide. */
export const PUBLISH_WIDTH = 640
/** Pixels per CSS pixel: twice, for sharp text on high-density screens and in print. */
export const PUBLISH_SCALE = 2

const MARGIN = 24
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
const COLORS = chartColors(false)
const PAPER = '#ffffff'

interface TextBlock {
  lines: string[]
  font: string
  color: string
  lineHeight: number
}

/** What to draw: the chart's model and options, and the words around it. */
export interface PublishInput {
  model: ChartModel
  chartOptions: (settings: ChartSettings) => ChartOptions<'bar'>
  publication: Publication
  /** Height of the chart itself, in CSS pixels. */
  chartHeight: number
}

/** The drawn chart: its canvas and the texts written on it (for checks). */
export interface PublishedChart {
  canvas: HTMLCanvasElement
  texts: string[]
}

function block(
  ctx: CanvasRenderingContext2D,
  text: string,
  font: string,
  color: string,
  lineHeight: number,
  width: number,
): TextBlock {
  ctx.font = font
  return { lines: wrapText(text, width, (t) => ctx.measureText(t).width), font, color, lineHeight }
}

function blockHeight(text: TextBlock): number {
  return text.lines.length * text.lineHeight
}

// Legend entries laid out in rows: [x, y] of each entry's swatch, relative to the legend's top.
function layoutLegend(ctx: CanvasRenderingContext2D, legend: LegendEntry[], width: number) {
  ctx.font = `13px ${FONT}`
  const places: [number, number][] = []
  let x = 0
  let y = 0
  for (const entry of legend) {
    const entryWidth = 30 + ctx.measureText(entry.label).width + 16
    if (x > 0 && x + entryWidth > width) {
      x = 0
      y += 20
    }
    places.push([x, y])
    x += entryWidth
  }
  return { places, height: legend.length === 0 ? 0 : y + 20 }
}

function drawSwatch(ctx: CanvasRenderingContext2D, entry: LegendEntry, x: number, y: number) {
  ctx.save()
  ctx.lineWidth = 2
  ctx.strokeStyle = entry.color
  ctx.fillStyle = entry.color
  if (entry.kind === 'arrow' || entry.kind === 'whisker') {
    ctx.setLineDash(entry.kind === 'arrow' ? [4, 3] : [])
    ctx.beginPath()
    ctx.moveTo(x, y + 7)
    ctx.lineTo(x + 22, y + 7)
    if (entry.kind === 'arrow') {
      ctx.moveTo(x + 17, y + 3)
      ctx.lineTo(x + 22, y + 7)
      ctx.lineTo(x + 17, y + 11)
    } else {
      ctx.moveTo(x + 22, y + 2)
      ctx.lineTo(x + 22, y + 12)
    }
    ctx.stroke()
  } else {
    if (entry.kind === 'light') ctx.globalAlpha = 0.35
    ctx.fillRect(x, y + 2, 22, 10)
    ctx.globalAlpha = 1
    ctx.strokeRect(x, y + 2, 22, 10)
  }
  ctx.restore()
}

// The chart alone, drawn by Chart.js off the page at PUBLISH_SCALE in the light theme.
function drawChart(input: PublishInput, width: number, doc: Document): HTMLCanvasElement {
  const canvas = doc.createElement('canvas')
  canvas.width = width
  canvas.height = input.chartHeight
  const base = input.chartOptions({
    colors: COLORS,
    animate: false,
    narrow: false,
    onSelect: () => undefined,
  })
  const options: ChartOptions<'bar'> = {
    ...base,
    responsive: false,
    maintainAspectRatio: false,
    devicePixelRatio: PUBLISH_SCALE,
    animation: false,
    events: [],
    plugins: {
      ...base.plugins,
      tooltip: { enabled: false },
      canvasBackground: { color: PAPER },
    },
  }
  const model = withLightColors(input.model)
  const chart = new Chart(canvas, { type: 'bar', data: model.data, options })
  chart.draw()
  const image = doc.createElement('canvas')
  image.width = canvas.width
  image.height = canvas.height
  image.getContext('2d')?.drawImage(canvas, 0, 0)
  chart.destroy()
  return image
}

/** Draws the chart with everything a reader of an article needs around it. */
export function drawPublication(input: PublishInput, doc: Document = document): PublishedChart {
  const { publication } = input
  const inner = PUBLISH_WIDTH - 2 * MARGIN
  const canvas = doc.createElement('canvas')
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('This browser cannot draw on a canvas.')
  const title = block(ctx, publication.title, `700 22px ${FONT}`, COLORS.text, 28, inner)
  const subtitle = block(ctx, publication.subtitle, `14px ${FONT}`, COLORS.muted, 19, inner)
  const legend = layoutLegend(ctx, publication.legend, inner)
  const footer = footerLines(publication).map((line, index) =>
    block(
      ctx,
      line,
      `12px ${FONT}`,
      index < publication.notes.length ? COLORS.text : COLORS.muted,
      16,
      inner,
    ),
  )
  const chartImage = drawChart(input, inner, doc)
  const height =
    MARGIN +
    blockHeight(title) +
    4 +
    blockHeight(subtitle) +
    10 +
    legend.height +
    8 +
    input.chartHeight +
    12 +
    footer.reduce((sum, text) => sum + blockHeight(text) + 2, 0) +
    MARGIN

  canvas.width = PUBLISH_WIDTH * PUBLISH_SCALE
  canvas.height = Math.ceil(height * PUBLISH_SCALE)
  ctx.scale(PUBLISH_SCALE, PUBLISH_SCALE)
  ctx.fillStyle = PAPER
  ctx.fillRect(0, 0, PUBLISH_WIDTH, height)
  ctx.textBaseline = 'top'
  ctx.textAlign = 'left'
  const texts: string[] = []
  let y = MARGIN
  const write = (text: TextBlock) => {
    ctx.font = text.font
    ctx.fillStyle = text.color
    for (const line of text.lines) {
      ctx.fillText(line, MARGIN, y + (text.lineHeight - 14) / 2)
      texts.push(line)
      y += text.lineHeight
    }
  }
  write(title)
  y += 4
  write(subtitle)
  y += 10
  ctx.font = `13px ${FONT}`
  publication.legend.forEach((entry, index) => {
    const [x, dy] = legend.places[index] ?? [0, 0]
    drawSwatch(ctx, entry, MARGIN + x, y + dy + 2)
    ctx.fillStyle = COLORS.text
    ctx.fillText(entry.label, MARGIN + x + 30, y + dy + 3)
    texts.push(entry.label)
  })
  y += legend.height + 8
  ctx.drawImage(chartImage, MARGIN, y, inner, input.chartHeight)
  y += input.chartHeight + 12
  for (const text of footer) {
    write(text)
    y += 2
  }
  return { canvas, texts }
}

/** The published chart as PNG bytes, with its texts also as iTXt chunks. */
export async function publicationPng(published: PublishedChart, publication: Publication) {
  const blob = await new Promise<Blob | null>((resolve) =>
    published.canvas.toBlob(resolve, 'image/png'),
  )
  if (!blob) throw new Error('The chart could not be made into a PNG.')
  const bytes = new Uint8Array(await blob.arrayBuffer())
  const withText = addPngText(bytes, {
    Title: publication.title,
    Description: [publication.subtitle, ...publication.notes].join(' '),
    Source: [publication.sourceLine, publication.dataset].join(' '),
    Comment: publication.address,
  })
  return new Blob([withText as BlobPart], { type: 'image/png' })
}
