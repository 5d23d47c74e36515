// Paints the canvas with the page's background before a chart draws, so a downloaded PNG has the
// theme's background instead of a transparent one (black text on nothing in a dark viewer).

import type { ChartType, Plugin } from 'chart.js'

export interface CanvasBackgroundOptions {
  color: string
}

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- must match Chart.js's declaration
  interface PluginOptionsByType<TType extends ChartType> {
    canvasBackground?: Partial<CanvasBackgroundOptions>
  }
}

export const canvasBackgroundPlugin: Plugin<'bar', CanvasBackgroundOptions> = {
  id: 'canvasBackground',
  defaults: { color: '#ffffff' },
  beforeDraw(chart, _args, options) {
    const { ctx } = chart
    ctx.save()
    ctx.globalCompositeOperation = 'destination-over'
    ctx.fillStyle = options.color
    ctx.fillRect(0, 0, chart.width, chart.height)
    ctx.restore()
  },
}
