// Colours the charts take from the page's theme, light or dark (the background is the chart
// card's surface): the same values as the CSS custom properties in src/style.css, so chart text
// and gridlines follow the system's dark mode.

export interface ChartColors {
  text: string
  muted: string
  grid: string
  background: string
  whisker: string
}

export function chartColors(dark: boolean): ChartColors {
  return dark
    ? {
        text: '#ececec',
        muted: '#b3b3b3',
        grid: '#3a3a3a',
        background: '#1c1c1c',
        whisker: '#ececec',
      }
    : {
        text: '#1a1a1a',
        muted: '#555555',
        grid: '#e3e3e3',
        background: '#f7f7f5',
        whisker: '#1a1a1a',
      }
}
