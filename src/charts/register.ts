// Registers the Chart.js pieces the dashboard uses, once, in one place: both charts are bar charts
// on a category and a linear axis, with tooltips and our two plugins. Nothing else is bundled.

import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js'
import { canvasBackgroundPlugin } from './background'
import { rangeMarksPlugin } from './rangeMarks'

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  rangeMarksPlugin,
  canvasBackgroundPlugin,
)

export { Chart }
