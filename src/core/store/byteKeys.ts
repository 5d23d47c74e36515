// The label dictionary of the store builder: an open-addressing hash set of byte strings, so that
// a label the import has seen before is found by its UTF-8 bytes and costs no string at all.

// ignoreBOM: a label that starts with U+FEFF keeps it.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true })

// A fresh string for bytes (never a slice of a bigger string: V8 slices keep their parent alive,
// and a label must not keep a whole file chunk).
function stringOfBytes(bytes: Uint8Array, start: number, end: number): string {
  return decoder.decode(bytes.subarray(start, end))
}

/**
 * An open-addressing hash set of byte strings, numbered in order of first appearance. Labels are
 * looked up by their UTF-8 bytes, so a label seen before costs no string at all.
 */
export class ByteKeys {
  // Read and grown by mergeKeys (appendPart.ts) too.
  arena = new Uint8Array(4096)
  used = 0
  starts = new Int32Array(256)
  hashes = new Int32Array(256)
  table = new Int32Array(512)
  size = 0

  hash(bytes: Uint8Array, start: number, end: number): number {
    let h = 0x811c9dc5 | 0
    for (let i = start; i < end; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193)
    return h
  }

  /** Is key number `key` the bytes `bytes[start..end]`? */
  equals(key: number, bytes: Uint8Array, start: number, end: number): boolean {
    const from = this.starts[key] as number
    const to = key + 1 < this.size ? (this.starts[key + 1] as number) : this.used
    if (to - from !== end - start) return false
    for (let i = 0; i < to - from; i++) if (this.arena[from + i] !== bytes[start + i]) return false
    return true
  }

  /** The number of the key `bytes[start..end]`, adding it when new; `added` says which. */
  find(bytes: Uint8Array, start: number, end: number): number {
    if (this.stale) this.rebuildTable()
    const h = this.hash(bytes, start, end)
    const mask = this.table.length - 1
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot] as number
      if (entry === 0) break
      if (this.hashes[entry - 1] === h && this.equals(entry - 1, bytes, start, end)) {
        this.added = false
        return entry - 1
      }
    }
    return this.add(bytes, start, end, h)
  }

  added = false
  /** Has any key a byte outside ASCII? */
  nonAscii = false

  /** Every key as a string, in number order. */
  strings(): string[] {
    const out: string[] = new Array<string>(this.size)
    if (!this.nonAscii) {
      // One decode for all keys, then a substring each: keys are the whole arena, so the
      // substrings share it without keeping anything else alive.
      const all = stringOfBytes(this.arena, 0, this.used)
      for (let key = 0; key < this.size; key++) {
        const start = this.starts[key] as number
        const end = key + 1 < this.size ? (this.starts[key + 1] as number) : this.used
        out[key] = all.substring(start, end)
      }
      return out
    }
    for (let key = 0; key < this.size; key++) {
      const start = this.starts[key] as number
      const end = key + 1 < this.size ? (this.starts[key + 1] as number) : this.used
      out[key] = stringOfBytes(this.arena, start, end)
    }
    return out
  }

  /**
   * Every key as UTF-8 with offsets, in number order: the arena as it is (key k is
   * `bytes[offsets[k] .. offsets[k + 1]]`), with no string made. The last call: no key may be
   * added after it.
   */
  packed(): { bytes: Uint8Array; offsets: Uint32Array } {
    const offsets = new Uint32Array(this.size + 1)
    offsets.set(this.starts.subarray(0, this.size))
    offsets[this.size] = this.used
    // The arena as it is when at most an eighth of it is spare (a million ids: 16 MB not copied
    // again), else cut to size. No key is added after.
    const spare = this.arena.length - this.used
    const bytes =
      spare * 8 <= this.arena.length
        ? this.arena.subarray(0, this.used)
        : this.arena.slice(0, this.used)
    return { bytes, offsets }
  }

  /** True while keys added by mergeKeys are not in the lookup table (find() puts them there). */
  stale = false

  // The lookup table made again for every key, big enough for them.
  rebuildTable(): void {
    let slots = this.table.length
    while (this.size * 2 > slots) slots *= 2
    this.table = new Int32Array(slots)
    for (let key = 0; key < this.size; key++) this.place(key)
    this.stale = false
  }

  private add(bytes: Uint8Array, start: number, end: number, h: number): number {
    const key = this.size++
    if (key === this.starts.length) {
      const starts = new Int32Array(key * 2)
      const hashes = new Int32Array(key * 2)
      starts.set(this.starts)
      hashes.set(this.hashes)
      this.starts = starts
      this.hashes = hashes
    }
    if (this.used + end - start > this.arena.length) {
      const arena = new Uint8Array(Math.max(this.arena.length * 2, this.used + end - start))
      arena.set(this.arena.subarray(0, this.used))
      this.arena = arena
    }
    const arena = this.arena
    let at = this.used
    for (let i = start; i < end; i++) {
      const b = bytes[i] as number
      if (b >= 0x80) this.nonAscii = true
      arena[at++] = b
    }
    this.starts[key] = this.used
    this.hashes[key] = h
    this.used += end - start
    if (this.size * 2 > this.table.length) this.rebuildTable()
    else this.place(key)
    this.added = true
    return key
  }

  private place(key: number): void {
    const mask = this.table.length - 1
    let slot = (this.hashes[key] as number) & mask
    while (this.table[slot] !== 0) slot = (slot + 1) & mask
    this.table[slot] = key + 1
  }
}
