// Chart.js options for the two charts, built from a chart model and the theme. Data arrive
// pre-aggregated as {x, y} points, so parsing is off. A click anywhere on a category's band (bar,
// gap or axis label) selects that category, which makes short bars and unquantified groups easy
// to hit.

import type { ChartEvent, ChartOptions, TooltipItem } from 'chart.js'
import type { RangeMark } from '../core/chart/chartModel'
import type { GroupChartModel } from '../core/chart/groupChart'
import type { TimeChartModel } from '../core/chart/timeChart'
import { formatCount, wrapLabel } from '../core/format'
import type { Chart } from './register'
import { OPEN_ARROW_LENGTH } from './rangeMarks'
import type { ChartColors } from './theme'

/** What both charts are drawn with besides their model. */
export interface ChartSettings {
  colors: ChartColors
  animate: boolean
  /** A phone-sized chart: shorter axis labels. */
  narrow: boolean
  /** Called with the index of the category the user clicked. */
  onSelect: (index: number) => void
}

// The category under a pointer event, from the index axis; null outside the plot.
function categoryAt(chart: Chart, event: ChartEvent, horizontal: boolean): number | null {
  const scale = horizontal ? chart.scales.y : chart.scales.x
  const labels = chart.data.labels ?? []
  if (!scale || event.x === null || event.y === null || labels.length === 0) return null
  const { chartArea } = chart
  const across = horizontal ? event.y : event.x
  const along = horizontal ? event.x : event.y
  if (
    horizontal
      ? across < chartArea.top || across > chartArea.bottom
      : across < chartArea.left || across > chartArea.right
  )
    return null
  if (!horizontal && along > chart.height) return null
  const value = scale.getValueForPixel(across)
  if (value === undefined) return null
  const index = Math.round(value)
  return index >= 0 && index < labels.length ? index : null
}

function markFor(marks: readonly RangeMark[], datasetIndex: number | null, index: number) {
  return marks.find((mark) => mark.datasetIndex === datasetIndex && mark.index === index)
}

function interactions(settings: ChartSettings, horizontal: boolean) {
  return {
    onClick: (event: ChartEvent, _elements: unknown, chart: Chart) => {
      const index = categoryAt(chart, event, horizontal)
      if (index !== null) settings.onSelect(index)
    },
    onHover: (event: ChartEvent, _elements: unknown, chart: Chart) => {
      chart.canvas.style.cursor =
        categoryAt(chart, event, horizontal) === null ? 'default' : 'pointer'
    },
  }
}

function axisStyle(colors: ChartColors) {
  return {
    ticks: { color: colors.text, font: { size: 12 } },
    grid: { color: colors.grid },
    border: { color: colors.muted },
  }
}

export function groupChartOptions(
  model: GroupChartModel,
  settings: ChartSettings,
): ChartOptions<'bar'> {
  const { colors } = settings
  return {
    indexAxis: 'y',
    parsing: false,
    responsive: true,
    // Axis numbers in the page's number format (Intl.NumberFormat, like the rest of the page).
    locale: 'en-US',
    maintainAspectRatio: false,
    animation: settings.animate ? { duration: 400 } : false,
    layout: { padding: { right: OPEN_ARROW_LENGTH + 48 } },
    interaction: { mode: 'nearest', axis: 'y', intersect: false },
    ...interactions(settings, true),
    scales: {
      x: {
        ...axisStyle(colors),
        beginAtZero: true,
        suggestedMax: Math.max(1, model.valueMax),
        title: { display: true, text: 'people (minimum, with range)', color: colors.muted },
      },
      y: {
        ...axisStyle(colors),
        grid: { display: false },
        ticks: {
          ...axisStyle(colors).ticks,
          // Long group names wrap instead of being cut off on a phone.
          callback: (_value, index) =>
            wrapLabel(model.labels[index] ?? '', settings.narrow ? 12 : 22),
        },
      },
    },
    plugins: {
      tooltip: {
        callbacks: {
          label: (item: TooltipItem<'bar'>) => {
            const mark = markFor(model.marks, item.datasetIndex, item.parsed.y ?? -1)
            const name = item.datasetIndex === 0 ? 'Killed' : 'Injured'
            if (!mark) return `${name}: ${formatCount(item.parsed.x ?? 0)}`
            if (mark.max === null)
              return `${name}: at least ${formatCount(mark.min)} (no upper bound given)`
            return `${name}: ${mark.label}`
          },
        },
      },
      rangeMarks: {
        marks: model.marks,
        notes: model.notes,
        color: colors.whisker,
        textColor: colors.text,
        labels: true,
      },
      canvasBackground: { color: colors.background },
    },
  }
}

// Above this many bars the time chart is redrawn once per change instead of animated: every
// animation frame redraws every bar, and with ten years of months in eight groups (~1,000 bars)
// each filter change would keep the main thread busy for the whole animation.
const MAX_ANIMATED_BARS = 300

function barCount(model: TimeChartModel): number {
  return model.data.datasets.reduce((sum, dataset) => sum + dataset.data.length, 0)
}

export function timeChartOptions(
  model: TimeChartModel,
  settings: ChartSettings,
): ChartOptions<'bar'> {
  const { colors } = settings
  const unitName = model.metric === 'incidents' ? 'incidents' : `${model.metric} (minimum)`
  return {
    parsing: false,
    normalized: true,
    responsive: true,
    // Axis numbers in the page's number format (Intl.NumberFormat, like the rest of the page).
    locale: 'en-US',
    maintainAspectRatio: false,
    animation: settings.animate && barCount(model) <= MAX_ANIMATED_BARS ? { duration: 400 } : false,
    layout: { padding: { top: OPEN_ARROW_LENGTH + 24 } },
    interaction: { mode: 'index', axis: 'x', intersect: false },
    ...interactions(settings, false),
    scales: {
      x: {
        ...axisStyle(colors),
        stacked: true,
        grid: { display: false },
        // Period labels are all alike in width: measuring a few of them (not every one of ten
        // years of months) is enough to space them, and each update measures again.
        ticks: { ...axisStyle(colors).ticks, sampleSize: 24 },
      },
      y: {
        ...axisStyle(colors),
        stacked: true,
        beginAtZero: true,
        suggestedMax: Math.max(1, model.valueMax),
        ticks: { ...axisStyle(colors).ticks, precision: 0 },
        title: { display: true, text: unitName, color: colors.muted },
      },
    },
    plugins: {
      tooltip: {
        filter: (item: TooltipItem<'bar'>) => (item.parsed.y ?? 0) > 0,
        callbacks: {
          footer: (items: TooltipItem<'bar'>[]) => {
            const index = items[0]?.dataIndex
            if (index === undefined) return ''
            const mark = markFor(model.marks, null, index)
            if (mark)
              return `Total: ${mark.max === null ? `at least ${formatCount(mark.min)}` : mark.label}`
            return ''
          },
        },
      },
      rangeMarks: {
        marks: model.marks,
        notes: model.notes,
        color: colors.whisker,
        textColor: colors.text,
        labels: false,
      },
      canvasBackground: { color: colors.background },
    },
  }
}
