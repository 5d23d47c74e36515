// Strings kept as UTF-8 bytes with offsets, not as JS strings. A dictionary with about one label
// per row (incident_id: a million of them) costs a million live strings on the page, and creating
// them is what makes the young-generation GC pause the page while a big file is shown. Kept
// packed, such a dictionary is two typed arrays, and a label becomes a string only where it is
// read (one row of the table, one row of an export), and dies young.

/** Strings as UTF-8: string i is `bytes[offsets[i] .. offsets[i + 1]]`. */
export interface PackedStrings {
  bytes: Uint8Array
  offsets: Uint32Array
}

const encoder = new TextEncoder()
// ignoreBOM: a value that starts with U+FEFF keeps it.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true })

/**
 * Packs strings as UTF-8 with offsets. Lossless for well-formed text (anything decoded from a
 * file); a lone surrogate becomes U+FFFD, as in any UTF-8.
 */
export function packStrings(values: readonly string[]): PackedStrings {
  const offsets = new Uint32Array(values.length + 1)
  const joined = values.join('')
  const all = encoder.encode(joined)
  if (all.length === joined.length) {
    // All ASCII: one byte per UTF-16 unit, so the offsets are the string lengths.
    let at = 0
    values.forEach((value, i) => {
      at += value.length
      offsets[i + 1] = at
    })
    return { bytes: all, offsets }
  }
  // Encoded one by one, a string can take more bytes than in the joined text (two lone halves of
  // a surrogate pair at a boundary: 3 + 3 bytes instead of 4), at most 2 more per boundary.
  let bytes = new Uint8Array(all.length + 2 * values.length)
  let at = 0
  values.forEach((value, i) => {
    at += encoder.encodeInto(value, bytes.subarray(at)).written
    offsets[i + 1] = at
  })
  if (at < bytes.length) bytes = bytes.slice(0, at)
  return { bytes, offsets }
}

/** How many strings `packed` holds. */
export function packedCount(packed: PackedStrings): number {
  return Math.max(0, packed.offsets.length - 1)
}

// Labels up to this many bytes that are all ASCII are made with String.fromCharCode, which is
// cheaper than a TextDecoder call for short text.
const ASCII_FAST_MAX = 64

/** String `index` of `packed`; '' when out of range. */
export function packedAt(packed: PackedStrings, index: number): string {
  if (!Number.isInteger(index) || index < 0 || index + 1 >= packed.offsets.length) return ''
  const start = packed.offsets[index] as number
  const end = packed.offsets[index + 1] as number
  if (start >= end) return ''
  const { bytes } = packed
  if (end - start <= ASCII_FAST_MAX) {
    let ascii = true
    for (let i = start; i < end; i++) {
      if ((bytes[i] as number) >= 0x80) {
        ascii = false
        break
      }
    }
    if (ascii) {
      return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[])
    }
  }
  return decoder.decode(bytes.subarray(start, end))
}

/** The number of UTF-16 units of well-formed UTF-8 `bytes[start..end]`. */
function utf16Length(bytes: Uint8Array, start: number, end: number): number {
  let units = 0
  for (let i = start; i < end; i++) {
    const byte = bytes[i] as number
    // Every byte but a continuation byte starts a character; a 4-byte one is a surrogate pair.
    if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1
  }
  return units
}

/**
 * Appends strings from..to of `packed` to `out`: one decode of their bytes, then substrings (which
 * share their slice, and cover it whole). A plain function, not a generator: V8 optimizes a loop
 * here, not one inside a generator.
 */
export function unpackRange(packed: PackedStrings, from: number, to: number, out: string[]): void {
  const { bytes, offsets } = packed
  const base = offsets[from] as number
  const end = offsets[to] as number
  const text = decoder.decode(bytes.subarray(base, end))
  if (text.length === end - base) {
    for (let i = from; i < to; i++) {
      out.push(text.substring((offsets[i] as number) - base, (offsets[i + 1] as number) - base))
    }
    return
  }
  let unit = 0
  for (let i = from; i < to; i++) {
    const start = unit
    unit += utf16Length(bytes, offsets[i] as number, offsets[i + 1] as number)
    out.push(text.substring(start, unit))
  }
}

/**
 * A dictionary's labels: `values`, or the UTF-8 of `packed` when given (CategoryData in
 * core/store; here so that modules the store cannot be imported into at run time can read them).
 */
export interface Labels {
  values: readonly string[]
  packed?: PackedStrings
}

/**
 * The labels of each dictionary the store builder made, as UTF-8 with offsets: its `values` are
 * made strings only when first read (core/store/builder).
 */
export const builtPackedLabels = new WeakMap<object, PackedStrings>()

/** How many labels a dictionary has (codes run 0 .. labelCount - 1). */
export function labelCount(data: Labels): number {
  // A built dictionary is counted from its bytes: reading `values` would make every label a
  // string (a million incident ids, for a count).
  const packed = data.packed ?? builtPackedLabels.get(data)
  return packed ? packedCount(packed) : data.values.length
}

/** Label `code` of a dictionary; '' when there is none. Decodes a packed one's label each call. */
export function labelAt(data: Labels, code: number): string {
  return data.packed ? packedAt(data.packed, code) : (data.values[code] ?? '')
}

/** Labels from..to of a dictionary (a packed one's decoded at once: for a pass in steps). */
export function labelsInRange(data: Labels, from: number, to: number): string[] {
  if (!data.packed) return data.values.slice(from, to)
  const out: string[] = []
  if (to > from) unpackRange(data.packed, from, to, out)
  return out
}
