// Whether the page is a chart embedded in someone else's page (`?embed=by-group`), and which
// chart: read once from the address the page opened with.

import { readEmbed, type EmbedChart } from '../core/view/embed'
import { createGlobalState } from './globalState'

export const useEmbedMode = createGlobalState((): { chart: EmbedChart | null } => ({
  chart: typeof window === 'undefined' ? null : readEmbed(window.location.search),
}))
