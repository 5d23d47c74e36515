// Counts (incident, key) pairs once each, keys being small integers. An incident has few keys (a
// period, a group or three), so its first two live in a typed array (key + 1, 0 for none) and only
// further ones go to a Set: a Set entry per row would make a million-row pass many times slower.
export class DistinctPairs {
  private readonly inline: Int32Array
  private readonly more = new Set<number>()
  constructor(
    incidentCount: number,
    private readonly keyCount: number,
  ) {
    this.inline = new Int32Array(incidentCount * 2)
  }

  /** True the first time `incident` is seen with `key`. */
  add(incident: number, key: number): boolean {
    const at = incident * 2
    const stored = key + 1
    const a = this.inline[at]!
    if (a === stored) return false
    if (a === 0) {
      this.inline[at] = stored
      return true
    }
    const b = this.inline[at + 1]!
    if (b === stored) return false
    if (b === 0) {
      this.inline[at + 1] = stored
      return true
    }
    const pair = incident * this.keyCount + key
    if (this.more.has(pair)) return false
    this.more.add(pair)
    return true
  }
}
