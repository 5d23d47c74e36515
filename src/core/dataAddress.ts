// Data from a link: `?data=<address of a CSV>` names a file on the web for the page to load, so a
// link shares data and view together. Only http(s) addresses are read; the file is data (it goes
// through the same import as a picked file) and nothing in it ever runs. A refusal (the server's
// status, or the browser's CORS rule) becomes a sentence a person can act on.

/** The query key of the data's address. */
export const DATA_KEY = 'data'

/** An address read from a link: usable, or why not. */
export type DataAddress = { ok: true; url: string } | { ok: false; message: string }

/**
 * The data address of a query (`search`), resolved against the page's address (`base`); null when
 * the link names none. Anything but http(s) is refused with a message.
 */
export function readDataAddress(search: string, base: string): DataAddress | null {
  const value = new URLSearchParams(search).get(DATA_KEY)?.trim() ?? ''
  if (value === '') return null
  let url: URL
  try {
    url = new URL(value, base)
  } catch {
    return { ok: false, message: `The link's data address “${value}” is not a web address.` }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      ok: false,
      message: `The link's data address “${value}” is not an http or https address; only those are loaded.`,
    }
  }
  return { ok: true, url: url.href }
}

/** The file name an address ends in (`attacks.csv`), for the import's messages. */
export function fileNameOf(url: string): string {
  const path = new URL(url).pathname
  const last = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1))
  return last === '' ? 'data.csv' : last
}

/**
 * The address of a CSV's metadata file: beside it, with `.meta.json` for its extension
 * (`…/attacks.csv` → `…/attacks.meta.json`), the same query kept.
 */
export function metaAddressOf(url: string): string {
  const address = new URL(url)
  const path = address.pathname
  const slash = path.lastIndexOf('/')
  const name = path.slice(slash + 1)
  const dot = name.lastIndexOf('.')
  const base = dot > 0 ? name.slice(0, dot) : name || 'data'
  address.pathname = `${path.slice(0, slash + 1)}${base}.meta.json`
  address.hash = ''
  return address.href
}

/** Why the page could not read the file: an HTTP status from the server. */
export function describeRefusal(url: string, status: number, statusText: string): string {
  const host = new URL(url).host
  const said = statusText.trim() === '' ? `status ${status}` : `${status} ${statusText.trim()}`
  return `The server at ${host} refused the data file ${fileNameOf(url)} (${said}). Check the address in the link.`
}

/**
 * Why the page could not read the file when the browser gives no status: the server could not be
 * reached, or it does not allow other sites' pages to read the file (CORS), which the browser
 * does not tell a page apart. `pageUrl` is the page's own address.
 */
export function describeBlocked(url: string, pageUrl: string): string {
  const target = new URL(url)
  const page = new URL(pageUrl)
  if (page.protocol === 'https:' && target.protocol === 'http:') {
    return `The data file ${target.href} is on plain http, and this page is on https: the browser does not load it. Use an https address for the data.`
  }
  const corsNote =
    target.origin === page.origin
      ? ''
      : ` A page may read a file from another site (here ${target.host}) only when that server allows it with the header “Access-Control-Allow-Origin” (CORS); many servers do not. Ask the file's publisher to allow it, or download the file and load it with Import CSV.`
  return `The data file ${target.href} could not be read: the server could not be reached or did not allow this page to read it.${corsNote}`
}
