// A chart made ready to publish: what its image says besides the bars (title, the filters, the
// legend, the notes on open bounds and unquantified figures, the source, the dataset, the view's
// address), and the chart's colours for a light page whatever the screen's theme. Pure: the canvas
// drawing is in src/charts/publish.ts.

import type { ChartModel } from './chartModel'
import type { GroupChartModel } from './groupChart'
import { colorForGroup, lighten } from './palette'
import type { TimeChartModel } from './timeChart'

/** A key entry: a solid swatch, a light (see-through) one, or the open-bound arrow. */
export interface LegendEntry {
  label: string
  color: string
  kind: 'solid' | 'light' | 'arrow' | 'whisker'
}

/** Everything a published chart writes around its bars. */
export interface Publication {
  title: string
  /** The active filters, in words. */
  subtitle: string
  legend: LegendEntry[]
  /** The open-bound and not-quantified notes, each a sentence. */
  notes: string[]
  sourceLine: string
  /** The dataset's title (or its file's name), its licence and the date of the data. */
  dataset: string
  /** The page address of the view. */
  address: string
}

/** The lines under a published chart, in order: notes, the source, the dataset, the address. */
export function footerLines(publication: Publication): string[] {
  return [
    ...publication.notes,
    publication.sourceLine,
    publication.dataset,
    publication.address,
  ].filter((line) => line.trim() !== '')
}

/** The dataset line: "Data: <title> (data of 2024; licence …)". */
export function datasetLine(
  meta: { title: string; licence: string; dataDate: string },
  fileName: string,
): string {
  const name = meta.title || fileName
  const about = [
    meta.dataDate && `data of ${meta.dataDate}`,
    meta.licence && `licence: ${meta.licence}`,
  ]
    .filter(Boolean)
    .join('; ')
  return `Data: ${name}${about ? ` (${about})` : ''}.`
}

/**
 * Breaks `text` into lines no wider than `width` as `measure` measures them, at spaces; a word
 * wider than a line stays whole on its own line.
 */
export function wrapText(text: string, width: number, measure: (text: string) => number): string[] {
  const words = text.split(/\s+/).filter((word) => word !== '')
  const lines: string[] = []
  let line = ''
  for (const word of words) {
    const next = line === '' ? word : `${line} ${word}`
    if (line !== '' && measure(next) > width) {
      lines.push(line)
      line = word
    } else line = next
  }
  if (line !== '') lines.push(line)
  return lines
}

function isGroupModel(model: ChartModel): model is GroupChartModel {
  return 'column' in model && 'unquantified' in model
}

/**
 * The model with the light theme's colours (a chart drawn for a dark screen has a light grey where
 * the light one has black): a published chart looks the same whatever the page's theme.
 */
export function withLightColors<T extends ChartModel>(model: T): T {
  if (isGroupModel(model)) {
    const colors = model.codes.map((code) => colorForGroup(code, false))
    const [killed, injured] = model.data.datasets
    const datasets = model.data.datasets.map((dataset) => {
      const points = dataset.data
      const solid = points.map((point) => colors[point.y] ?? '#000000')
      if (dataset === killed) return { ...dataset, backgroundColor: solid, borderColor: solid }
      if (dataset === injured)
        return { ...dataset, backgroundColor: solid.map((c) => lighten(c)), borderColor: solid }
      return dataset
    })
    return { ...model, colors, data: { ...model.data, datasets } }
  }
  const time = model as unknown as TimeChartModel
  if (!Array.isArray(time.codes)) return model
  const datasets = model.data.datasets.map((dataset, index) => {
    const color = colorForGroup(time.codes[index] ?? index, false)
    return { ...dataset, backgroundColor: color, borderColor: color }
  })
  return { ...model, data: { ...model.data, datasets } }
}
