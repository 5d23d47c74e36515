// Where a file can be cut in two so that two workers scan a half each: a row boundary near a given
// byte. A line break there may be inside a quoted value (values hold line breaks), and whether it
// is depends on every quote before it, so a window of bytes after the cut is read twice: once as
// if it started outside quotes, once as if inside. The reading that runs into malformed quotes
// (a closing quote followed by something else than a delimiter or a line break) is wrong; the
// other gives the boundary; when both hold (quotes that never tell them apart), there is no cut.
// It is a guess for a window without a quote inside a value longer than the window, or with
// malformed quotes that happen to fit one reading: the one who scans the first half checks that a
// row really starts there (it is at a row's start when it has scanned every byte before it), and
// scans on alone when not.

/**
 * Files from this size on are read in two parts at once where a second worker can run: below it,
 * starting a second worker costs about what it saves.
 */
export const SPLIT_MIN_BYTES = 16 * 1024 * 1024

const QUOTE = 34
const LF = 10
const CR = 13
const SPACE = 32
const TAB = 9

/** How one reading of the window went. */
interface Reading {
  /** Where it ran into malformed quotes; -1 when it read to the window's end. */
  broken: number
  /** Where its first row after a line feed starts; -1 when none. */
  rowStart: number
}

// Reads bytes[start..] as CSV, starting at a row's start or inside a quoted value.
function read(bytes: Uint8Array, start: number, insideQuotes: boolean, delimiter: number): Reading {
  const end = bytes.length
  let rowStart = insideQuotes ? -1 : start
  let at = start
  let quoted = insideQuotes
  for (;;) {
    if (quoted) {
      // Inside a quoted value: to its closing quote (a doubled quote is one quote of the value).
      for (;;) {
        while (at < end && bytes[at] !== QUOTE) at++
        if (at + 1 >= end) return { broken: -1, rowStart }
        if (bytes[at + 1] === QUOTE) {
          at += 2
          continue
        }
        break
      }
      at++
      while (at < end && (bytes[at] === SPACE || bytes[at] === TAB)) at++
      if (at >= end) return { broken: -1, rowStart }
      const next = bytes[at]
      if (next !== delimiter && next !== LF && next !== CR) return { broken: at, rowStart }
      quoted = false
    } else {
      // A field's start: a quote opens a quoted value; else to the delimiter or line break (a
      // quote inside an unquoted value is a character of it).
      if (at >= end) return { broken: -1, rowStart }
      if (bytes[at] === QUOTE) {
        quoted = true
        at++
        continue
      }
      while (at < end) {
        const c = bytes[at]
        if (c === delimiter || c === LF || c === CR) break
        at++
      }
      if (at >= end) return { broken: -1, rowStart }
    }
    // At a delimiter or a line break.
    if (bytes[at] === LF && rowStart === -1) rowStart = at + 1
    at++
  }
}

/** Line feeds tried as the boundary before giving up. */
const CANDIDATES = 64

// The boundary the two readings from just after the line feed at `lineFeed` agree on, or -1.
function boundaryAfter(window: Uint8Array, lineFeed: number, delimiter: number): number {
  const start = lineFeed + 1
  // A boundary is found by what follows it: at least one whole row.
  if (window.indexOf(LF, start) === -1) return -1
  const outside = read(window, start, false, delimiter)
  const inside = read(window, start, true, delimiter)
  if (outside.broken === -1 && inside.broken !== -1) return outside.rowStart
  if (inside.broken === -1 && outside.broken !== -1) return inside.rowStart
  if (outside.broken !== -1) return -1
  // Both hold. Read as inside quotes, the window never leaves them (it has no quote at all, say):
  // outside is the usual case. Else they agree on the boundary, or nothing is sure here.
  if (inside.rowStart === -1 || inside.rowStart === outside.rowStart) return outside.rowStart
  return -1
}

/**
 * Where a row starts in `window` (a piece of a file from anywhere in a row), as an offset into the
 * window: after the first line feed where one reading holds and the other breaks (a line feed
 * inside a quoted value usually leaves both possible: a quote inside an unquoted value is a
 * character of it, so the next is tried). -1 when none of the first line feeds tells. `delimiter`
 * is the file's delimiter.
 */
export function rowBoundaryIn(window: Uint8Array, delimiter: string): number {
  const code = delimiter.charCodeAt(0)
  let lineFeed = window.indexOf(LF)
  for (let tried = 0; lineFeed !== -1 && tried < CANDIDATES; tried++) {
    const at = boundaryAfter(window, lineFeed, code)
    if (at !== -1) return at
    lineFeed = window.indexOf(LF, lineFeed + 1)
  }
  return -1
}
