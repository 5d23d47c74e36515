// A chart in someone else's page: the address that opens one chart of a view alone (`embed=` and
// the view's query), the address of the full view to link back to, and the <iframe> snippet that
// shows it and follows its height. The embedded page posts its height the way publishing tools'
// embeds do (Datawrapper's `datawrapper-height` message), so a page that already listens for
// those resizes it too; the snippet brings its own few lines of listener for pages that do not.

/** The query key naming the chart an embed shows. */
export const EMBED_KEY = 'embed'

/** The charts an embed can show, by their ids on the page. */
export const EMBED_CHARTS = ['by-group', 'over-time'] as const
export type EmbedChart = (typeof EMBED_CHARTS)[number]

/** The chart a query asks to embed, or null for the full page. */
export function readEmbed(search: string): EmbedChart | null {
  const value = new URLSearchParams(search).get(EMBED_KEY)
  return (EMBED_CHARTS as readonly string[]).includes(value ?? '') ? (value as EmbedChart) : null
}

/** The address of `href`'s view with the chart `chart` alone (embed first, the view's keys after). */
export function embedAddress(href: string, chart: EmbedChart): string {
  const url = new URL(href)
  const params = new URLSearchParams(url.search)
  params.delete(EMBED_KEY)
  const query = new URLSearchParams({ [EMBED_KEY]: chart }).toString()
  const rest = params.toString()
  url.search = rest === '' ? query : `${query}&${rest}`
  url.hash = ''
  return url.href
}

/** The full view of an embed's address: the same view, without `embed`. */
export function fullViewAddress(href: string): string {
  const url = new URL(href)
  const params = new URLSearchParams(url.search)
  params.delete(EMBED_KEY)
  url.search = params.toString()
  return url.href
}

/** The message an embedded chart posts to its parent page: its id and its height in pixels. */
export function heightMessage(
  chart: string,
  height: number,
): Record<string, Record<string, number>> {
  return { 'datawrapper-height': { [chart]: Math.ceil(height) } }
}

function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
}

// The listener the snippet brings: sets the height of the iframe whose window sent the message.
// Plain ES5, so it runs on any page; it reads only a number from the message.
const RESIZER =
  '<script>window.addEventListener("message",function(e){var h=e.data&&e.data["datawrapper-height"];if(!h)return;var f=document.getElementsByTagName("iframe");for(var i=0;i<f.length;i++)if(f[i].contentWindow===e.source)for(var k in h){var n=Number(h[k]);if(n>0)f[i].style.height=n+"px"}});</script>'

/** The HTML to paste into an article: the iframe, and the listener that follows its height. */
export function embedSnippet(address: string, title: string, height = 520): string {
  const iframe = `<iframe src="${escapeAttribute(address)}" title="${escapeAttribute(title)}" width="100%" height="${height}" style="width:100%;min-width:320px;border:0" scrolling="no" loading="lazy"></iframe>`
  return `${iframe}\n${RESIZER}`
}
