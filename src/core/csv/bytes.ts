// Byte helpers of the CSV scanner and the store: white space and trimming as String.prototype.trim
// sees them, UTF-8 sequence lengths as TextDecoder's fatal mode judges them, and copying a quoted
// field's bytes with its `""` pairs undone. They read UTF-8 in place, never decoding it.

const QUOTE = 34
const LF = 10
const CR = 13

// Byte length of the white space character (as String.prototype.trim sees it) that starts at `at`,
// or 0. LF and CR are left out: they end rows.
export function whitespaceLength(bytes: Uint8Array, at: number, end: number): number {
  const b = bytes[at] ?? 0
  if (b === 32 || b === 9 || b === 11 || b === 12) return 1
  if (b < 0x80) return 0
  if (b === 0xc2 && at + 1 < end && bytes[at + 1] === 0xa0) return 2 // U+00A0
  if (b === 0xef && at + 2 < end && bytes[at + 1] === 0xbb && bytes[at + 2] === 0xbf) return 3 // U+FEFF
  if (b === 0xe1 && at + 2 < end && bytes[at + 1] === 0x9a && bytes[at + 2] === 0x80) return 3 // U+1680
  if (b === 0xe3 && at + 2 < end && bytes[at + 1] === 0x80 && bytes[at + 2] === 0x80) return 3 // U+3000
  if (b === 0xe2 && at + 2 < end) {
    const b1 = bytes[at + 1] ?? 0
    const b2 = bytes[at + 2] ?? 0
    // U+2000-U+200A, U+2028, U+2029, U+202F
    if (b1 === 0x80 && ((b2 >= 0x80 && b2 <= 0x8a) || b2 === 0xa8 || b2 === 0xa9 || b2 === 0xaf)) {
      return 3
    }
    if (b1 === 0x81 && b2 === 0x9f) return 3 // U+205F
  }
  return 0
}

// Byte length of the white space character that ends just before `end`, or 0.
export function whitespaceLengthBefore(bytes: Uint8Array, start: number, end: number): number {
  const b = bytes[end - 1] ?? 0
  if (b < 0x80) return b === 32 || b === 9 || b === 11 || b === 12 ? 1 : 0
  for (const length of [2, 3]) {
    if (end - length >= start && whitespaceLength(bytes, end - length, end) === length)
      return length
  }
  return 0
}

/** Where trimRange puts its answer (no array per call: it runs for every field). */
export const trimmed = { start: 0, end: 0 }

/**
 * Sets `trimmed` to the range of `bytes[start..end]` without the white space trim() removes
 * (line breaks included: inside a quoted value they are white space like any other).
 */
export function trimRange(bytes: Uint8Array, start: number, end: number): void {
  let s = start
  let e = end
  while (s < e) {
    const b = bytes[s] as number
    if (b === 32 || b === 9 || b === LF || b === CR) s++
    else if (b < 0x80 && b !== 11 && b !== 12) break
    else {
      const w = whitespaceLength(bytes, s, e)
      if (w === 0) break
      s += w
    }
  }
  while (e > s) {
    const b = bytes[e - 1] as number
    if (b === 32 || b === 9 || b === LF || b === CR) e--
    else if (b < 0x80 && b !== 11 && b !== 12) break
    else {
      const w = whitespaceLengthBefore(bytes, s, e)
      if (w === 0) break
      e -= w
    }
  }
  trimmed.start = s
  trimmed.end = e
}

// Length of the valid UTF-8 sequence that starts with the non-ASCII byte at `at`; 0 when it is not
// valid UTF-8 (as TextDecoder's fatal mode judges: no overlongs, no surrogates, at most U+10FFFF);
// -1 when `end` cuts it short and the next piece may complete it.
export function utf8SequenceLength(bytes: Uint8Array, at: number, end: number): number {
  const b0 = bytes[at] as number
  let length: number
  let low = 0x80
  let high = 0xbf
  if (b0 < 0xc2) return 0
  if (b0 < 0xe0) length = 2
  else if (b0 < 0xf0) {
    length = 3
    if (b0 === 0xe0) low = 0xa0
    else if (b0 === 0xed) high = 0x9f
  } else if (b0 < 0xf5) {
    length = 4
    if (b0 === 0xf0) low = 0x90
    else if (b0 === 0xf4) high = 0x8f
  } else return 0
  for (let i = 1; i < length; i++) {
    if (at + i >= end) return -1
    const b = bytes[at + i] as number
    if (b < low || b > high) return 0
    low = 0x80
    high = 0xbf
  }
  return length
}

const SHORT_FIELD = 256

/** Writes `bytes[start..end]` into `out` at `at` with every `""` made one `"`; returns the end. */
export function copyUnescaped(
  bytes: Uint8Array,
  start: number,
  end: number,
  out: Uint8Array,
  at: number,
): number {
  let o = at
  // A short field (a label, a citation) byte by byte: a native copy per run between quotes costs
  // more than the bytes themselves.
  if (end - start <= SHORT_FIELD) {
    for (let i = start; i < end; i++) {
      const byte = bytes[i]!
      out[o++] = byte
      // Skip the second quote of a pair; a lone quote (in malformed input) stays, as in PapaParse.
      if (byte === QUOTE && i + 1 < end && bytes[i + 1] === QUOTE) i++
    }
    return o
  }
  let from = start
  // Copy the runs between quotes natively: quotes are few, the runs long.
  for (let q = bytes.indexOf(QUOTE, from); q !== -1 && q < end; q = bytes.indexOf(QUOTE, from)) {
    out.set(bytes.subarray(from, q + 1), o)
    o += q + 1 - from
    // Skip the second quote of a pair; a lone quote (in malformed input) stays, as in PapaParse.
    from = q + 1 < end && bytes[q + 1] === QUOTE ? q + 2 : q + 1
  }
  if (from < end) {
    out.set(bytes.subarray(from, end), o)
    o += end - from
  }
  return o
}
