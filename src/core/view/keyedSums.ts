// Sums of killed and injured figures over many cells (groups, periods, places, points), one array
// slot per cell, and how a pass over rows fills them without a branch per row on a figure's state:
// rows counted per kind in a histogram, minima and maxima summed per cell, both turned into these
// arrays once the pass is done. How a figure is summed: core/view/aggregate.

import { FigureState, STATES, YEAR_ONLY, injuredState, killedState } from './figureIndex'

/** Summed figures of one measure over many cells (groups, periods), one array slot per cell. */
export interface MeasureArrays {
  min: Float64Array
  /** Sum of maxima, with open rows counted at their minimum. */
  max: Float64Array
  openRows: Uint32Array
  unquantifiedRows: Uint32Array
  /** Rows with a number (a minimum, a maximum or both). */
  quantifiedRows: Uint32Array
  /** Rows with a maximum but no minimum ("up to 20"): they add nothing to `min`. */
  maxOnlyRows: Uint32Array
}

/** Sums for `size` cells, all zero. */
export function createMeasureArrays(size: number): MeasureArrays {
  return {
    min: new Float64Array(size),
    max: new Float64Array(size),
    openRows: new Uint32Array(size),
    unquantifiedRows: new Uint32Array(size),
    quantifiedRows: new Uint32Array(size),
    maxOnlyRows: new Uint32Array(size),
  }
}

/** Counts `count` rows of `state` in cell `cell` of `into` (their numbers are summed apart). */
export function countState(into: MeasureArrays, cell: number, state: FigureState, count = 1): void {
  if (state === FigureState.None) return
  if (state === FigureState.Unquantified) {
    into.unquantifiedRows[cell]! += count
    return
  }
  into.quantifiedRows[cell]! += count
  if (state === FigureState.Open) into.openRows[cell]! += count
  else if (state === FigureState.MaxOnly) into.maxOnlyRows[cell]! += count
}

/** Figures per key (a province, a point): arrays indexed by the key. */
export interface KeyedSums {
  rows: Uint32Array
  incidents: Uint32Array
  killed: MeasureArrays
  injured: MeasureArrays
}

/** Figures for `size` keys, all zero. */
export function keyedSums(size: number): KeyedSums {
  return {
    rows: new Uint32Array(size),
    incidents: new Uint32Array(size),
    killed: createMeasureArrays(size),
    injured: createMeasureArrays(size),
  }
}

/** Figure kinds without the year-only part: killed state + STATES * injured state. */
export const KINDS = STATES * STATES
/** Per kind byte (the year-only part included): the kind without it. */
export const KIND_STATES = Uint8Array.from({ length: 2 * KINDS }, (_, kind) => kind % YEAR_ONLY)

/**
 * What a pass over rows adds up per key before it becomes KeyedSums: rows per kind (a histogram,
 * kind by kind: `histogram[kind * keyCount + key]`, kinds without the year-only part) and per key
 * killed min, killed max, injured min, injured max (`sums[key * 4 + 0..3]`). `rows` counts every
 * row of the key, reports of a figure with several too (each such figure adds to the histogram
 * and sums once, reconciled). Incidents: rows of incidents without other rows are one each; the
 * others are counted once per key in `sharedIncidents`.
 */
export interface KeyedPass {
  keyCount: number
  rows: Uint32Array
  histogram: Uint32Array
  sums: Float64Array
  sharedRows: Uint32Array
  sharedIncidents: Uint32Array
}

export function keyedPass(keyCount: number): KeyedPass {
  return {
    keyCount,
    rows: new Uint32Array(keyCount),
    histogram: new Uint32Array(keyCount * KINDS),
    sums: new Float64Array(keyCount * 4),
    sharedRows: new Uint32Array(keyCount),
    sharedIncidents: new Uint32Array(keyCount),
  }
}

/** The pass' counts as figures per key. */
export function keyedSumsOf(pass: KeyedPass): KeyedSums {
  const { keyCount, histogram, sums } = pass
  const out = keyedSums(keyCount)
  for (let key = 0; key < keyCount; key++) {
    out.rows[key] = pass.rows[key]!
    out.incidents[key] = pass.rows[key]! - pass.sharedRows[key]! + pass.sharedIncidents[key]!
    out.killed.min[key] = sums[key * 4]!
    out.killed.max[key] = sums[key * 4 + 1]!
    out.injured.min[key] = sums[key * 4 + 2]!
    out.injured.max[key] = sums[key * 4 + 3]!
  }
  for (let kind = 0; kind < KINDS; kind++) {
    const killed = killedState(kind)
    const injured = injuredState(kind)
    for (let key = 0; key < keyCount; key++) {
      const count = histogram[kind * keyCount + key]!
      if (count === 0) continue
      countState(out.killed, key, killed, count)
      countState(out.injured, key, injured, count)
    }
  }
  return out
}
