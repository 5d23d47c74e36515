// Shared by the chart components' tests: a quiet Chart.js in happy-dom, and the CSV a click downloads.
import { Chart } from 'chart.js'
import { vi } from 'vitest'

// happy-dom has no 2D canvas: Chart.js says so on the console, draws nothing, and its update for a
// new view (the components follow the view, as on the page) would fail without a context. These
// tests cover what the components render around the chart; drawing is tested in Chromium (e2e).
export function quietCanvas() {
  vi.spyOn(console, 'error').mockImplementation(() => {})
  vi.spyOn(Chart.prototype, 'update').mockImplementation(() => {})
}

export async function csvOf(click: () => Promise<void>): Promise<string> {
  let blob: Blob | null = null
  vi.spyOn(URL, 'createObjectURL').mockImplementation((value) => {
    blob = value as Blob
    return 'blob:test'
  })
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
  // happy-dom would follow the download link and leave the test page.
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
  await click()
  if (!blob) throw new Error('nothing was downloaded')
  return (await (blob as Blob).text()).replace(/^\uFEFF/, '')
}
