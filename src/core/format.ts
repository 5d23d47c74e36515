// Numbers and ranges for people. A lower bound never reads as an exact figure: a total with an
// open upper bound is "at least 288", a closed range "236–250", an exact figure "183". Numbers go
// through Intl.NumberFormat so thousands separators follow the locale (en-US on this page).

const COUNT_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

/** A count with thousands separators: `1,234`. */
export function formatCount(value: number): string {
  return COUNT_FORMAT.format(value)
}

/** A summed figure: the sum of minima, the sum of maxima, and what keeps the maximum open. */
export interface RangeFigure {
  min: number
  /** Sum of maxima; meaningless when `openRows` > 0. */
  max: number
  /** Rows with a minimum but no maximum ("at least 47", "over 50"). */
  openRows: number
  /** Rows whose figure is words without a number ("scores", "many others"). */
  unquantifiedRows: number
}

// The text of a range figure. Any open row or unquantified row leaves the total without an upper
// bound, so it reads "at least N"; the number always comes first among the digits.
export function formatRange(figure: RangeFigure): string {
  if (figure.openRows > 0 || figure.unquantifiedRows > 0)
    return `at least ${formatCount(figure.min)}`
  if (figure.max > figure.min) return `${formatCount(figure.min)}–${formatCount(figure.max)}`
  return formatCount(figure.min)
}

// Short form for a chart label: `288+`, `236–250`, `183`.
export function formatRangeShort(figure: RangeFigure): string {
  if (figure.openRows > 0 || figure.unquantifiedRows > 0) return `${formatCount(figure.min)}+`
  if (figure.max > figure.min) return `${formatCount(figure.min)}–${formatCount(figure.max)}`
  return formatCount(figure.min)
}

/** `1 incident`, `2 incidents`. */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`
}

/** A piece of text, marked when it is one of the highlighted phrases. */
export interface TextSegment {
  text: string
  highlighted: boolean
}

// Splits `text` into plain and highlighted segments: every case-insensitive occurrence of each
// non-empty phrase is marked (overlaps merged). The page renders the segments as text nodes, never
// as HTML, so a quote can hold any characters.
export function splitHighlights(text: string, phrases: readonly string[]): TextSegment[] {
  const marked = new Uint8Array(text.length)
  const haystack = text.toLocaleLowerCase('en-US')
  for (const phrase of phrases) {
    const needle = phrase.trim().toLocaleLowerCase('en-US')
    // Lower-casing may change the length of some characters; then the offsets would not match.
    if (needle === '' || haystack.length !== text.length) continue
    let from = haystack.indexOf(needle)
    while (from !== -1) {
      marked.fill(1, from, from + needle.length)
      from = haystack.indexOf(needle, from + needle.length)
    }
  }
  const segments: TextSegment[] = []
  let start = 0
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || marked[i] !== marked[start]) {
      segments.push({ text: text.slice(start, i), highlighted: marked[start] === 1 })
      start = i
    }
  }
  return segments
}

// Breaks a label into lines of at most `width` characters at spaces and slashes, for axis labels
// on narrow screens. A word longer than `width` stays whole on its own line.
export function wrapLabel(label: string, width: number): string[] {
  const words = label.split(/(?<=[ /])/)
  const lines: string[] = []
  let line = ''
  for (const word of words) {
    if (line !== '' && (line + word).trimEnd().length > width) {
      lines.push(line.trimEnd())
      line = ''
    }
    line += word
  }
  if (line.trim() !== '') lines.push(line.trimEnd())
  return lines
}

/** Sources a list names before it says how many more there are. */
export const SOURCE_LINE_NAMES = 5

/** Sources as people read a list: the first few of a long one, then how many more. */
export function formatSourceList(sources: readonly string[]): string {
  const named = sources.slice(0, SOURCE_LINE_NAMES).join(', ')
  const more = sources.length - SOURCE_LINE_NAMES
  return more > 0 ? `${named} and ${formatCount(more)} more` : named
}

/** The line under a chart that says where its figures come from, and the file they were coded in. */
export function formatSourceLine(sources: readonly string[], datasetName: string): string {
  const list =
    sources.length === 0
      ? 'Source: not given'
      : `${sources.length === 1 ? 'Source' : 'Sources'}: ${formatSourceList(sources)}`
  return `${list}, coded in ${datasetName}.`
}
