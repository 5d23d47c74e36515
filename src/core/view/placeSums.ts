// Figures per place for the map: per province (the rows' country and admin1 labels, as written)
// and per point (rows whose source places them at a known spot, see placePrecision). One pass over
// the selected rows' typed columns, summed like core/view/aggregate sums a group: a minimum adds
// to `min`, a row without a maximum counts in `openRows`, words without a number count in
// `unquantifiedRows` and add nothing; the reports of one figure (one incident and target group in
// several rows) add once, reconciled, at the place of the latest; incidents are counted
// distinctly per place.

import type { CasualtyStore } from '../store/store'
import { labelCount } from '../store/packedStrings'
import { STEP_ROWS, runSteps, type Steps } from '../steps'
import { unknownOrder, type Reconciling } from './aggregate'
import {
  KIND_STATES,
  countState,
  keyedPass,
  keyedSums,
  keyedSumsOf,
  type KeyedPass,
  type KeyedSums,
  type MeasureArrays,
} from './keyedSums'
import { DEFAULT_RULE } from '../reports'
import { NO_COUNT } from '../store/store'
import { FigureReconciler, reportIndexInSteps, type ReconciledCounts } from './reportIndex'
import { DistinctPairs } from './distinctPairs'
import { figureIndexInSteps } from './figureIndex'
export type { KeyedSums }
import { POINT_LEVELS, rowPointsInSteps, type PointLevel, type RowPoints } from './placePrecision'

/** The map's figures of a selection. */
export interface PlaceSums {
  /** Per place: its country and admin1 label as the rows write them ('' when not given). */
  countries: readonly string[]
  admin1: readonly string[]
  places: KeyedSums
  /** Points: rows at a known spot, by their coordinates (rounded to about 10 m). */
  points: { latitude: Float64Array; longitude: Float64Array; sums: KeyedSums }
  /** Selected rows with coordinates, by level (`exact` ones are the points). */
  levels: Record<PointLevel, number>
}

/** The places and points of a store's rows, found once per store. */
export interface StorePlaces {
  /** Per place: its country and admin1 label as the rows write them. */
  countries: string[]
  admin1: string[]
  /** Per row: its place (below `count`, the number of places). */
  placeOfRow: Uint32Array
  count: number
  /** Per row: its point, or -1 when it is not drawn. */
  pointOfRow: Int32Array
  latitude: Float64Array
  longitude: Float64Array
  /** Per row: its coordinates' level (0: none, else 1 + POINT_LEVELS index). */
  level: Uint8Array | null
}

const known = new WeakMap<CasualtyStore, StorePlaces>()

// Pairs of labels up to which places are looked up in an array rather than a Map (16 MB at most).
const DENSE_PAIRS = 1 << 22

// Rows [from, to): their place, numbered in order of first appearance by (country, admin1) pair.
// `placeOfPair` holds place + 1 per pair (0: not met yet), in an array when the pairs are few
// enough, else in a Map. A plain function: V8 optimizes its loop, not one inside a generator.
function numberPlaces(
  store: CasualtyStore,
  from: number,
  to: number,
  placeOfPair: Int32Array | Map<number, number>,
  found: { countries: string[]; admin1: string[] },
  placeOfRow: Uint32Array,
): void {
  const country = store.columns.categories.country.codes
  const admin1 = store.columns.categories.admin1.codes
  const admin1Count = labelCount(store.columns.categories.admin1)
  const dense = placeOfPair instanceof Int32Array ? placeOfPair : null
  for (let row = from; row < to; row++) {
    const pair = country[row]! * admin1Count + admin1[row]!
    const known = dense ? dense[pair]! : ((placeOfPair as Map<number, number>).get(pair) ?? 0)
    if (known > 0) {
      placeOfRow[row] = known - 1
      continue
    }
    const place = found.countries.length
    if (dense) dense[pair] = place + 1
    else (placeOfPair as Map<number, number>).set(pair, place + 1)
    found.countries.push(store.category('country', row))
    found.admin1.push(store.category('admin1', row))
    placeOfRow[row] = place
  }
}

// Coordinates rounded to 1e-4 degree (about 10 m) as one number: a spot's key.
const spotKey = (latitude: number, longitude: number): number =>
  (Math.round(latitude * 1e4) + 900_000) * 3_600_001 + (Math.round(longitude * 1e4) + 1_800_000)

// Rows [from, to) placed at a known spot: their point, one per spot.
function numberPoints(
  points: RowPoints,
  from: number,
  to: number,
  pointOfSpot: Map<number, number>,
  spots: { latitude: number[]; longitude: number[] },
  pointOfRow: Int32Array,
): void {
  const exact = 1 + POINT_LEVELS.indexOf('exact')
  for (let row = from; row < to; row++) {
    if (points.level[row] !== exact) continue
    const y = points.latitude[row]!
    const x = points.longitude[row]!
    const key = spotKey(y, x)
    let point = pointOfSpot.get(key)
    if (point === undefined) {
      point = spots.latitude.length
      pointOfSpot.set(key, point)
      spots.latitude.push(Math.round(y * 1e4) / 1e4)
      spots.longitude.push(Math.round(x * 1e4) / 1e4)
    }
    pointOfRow[row] = point
  }
}

/** The places and points of every row, found once per store, STEP_ROWS rows a step. */
export function* storePlacesInSteps(store: CasualtyStore): Steps<StorePlaces> {
  const cached = known.get(store)
  if (cached) return cached
  const found = { countries: [] as string[], admin1: [] as string[] }
  const pairs =
    labelCount(store.columns.categories.country) * labelCount(store.columns.categories.admin1)
  const placeOfPair = pairs <= DENSE_PAIRS ? new Int32Array(pairs) : new Map<number, number>()
  const placeOfRow = new Uint32Array(store.length)
  for (let from = 0; from < store.length; from += STEP_ROWS) {
    numberPlaces(
      store,
      from,
      Math.min(store.length, from + STEP_ROWS),
      placeOfPair,
      found,
      placeOfRow,
    )
    yield
  }
  const points = yield* rowPointsInSteps(store)
  const pointOfRow = new Int32Array(store.length).fill(-1)
  const spots = { latitude: [] as number[], longitude: [] as number[] }
  if (points) {
    const pointOfSpot = new Map<number, number>()
    for (let from = 0; from < store.length; from += STEP_ROWS) {
      numberPoints(
        points,
        from,
        Math.min(store.length, from + STEP_ROWS),
        pointOfSpot,
        spots,
        pointOfRow,
      )
      yield
    }
  }
  const result: StorePlaces = {
    countries: found.countries,
    admin1: found.admin1,
    placeOfRow,
    count: found.countries.length,
    pointOfRow,
    latitude: Float64Array.from(spots.latitude),
    longitude: Float64Array.from(spots.longitude),
    level: points?.level ?? null,
  }
  known.set(store, result)
  return result
}

// Adds rows[start..end) into `into` by `keyOf` (rows whose key is negative are skipped).
// A plain function: V8 optimizes its loop, not one inside a generator.
function addRows(
  store: CasualtyStore,
  rows: ArrayLike<number>,
  start: number,
  end: number,
  keyOf: ArrayLike<number>,
  kinds: Uint8Array,
  sharedOfRow: Int32Array,
  shared: DistinctPairs,
  into: KeyedPass,
  /** Per row: its figure when the figure has several reports (core/view/reportIndex), or -1. */
  figureOfRow: Int32Array,
  /** Gathers those reports, to add each figure once (addReconciled). */
  reconciler: FigureReconciler | null,
): void {
  const { killed_min: killedMin, killed_max: killedMax } = store.columns.counts
  const { injured_min: injuredMin, injured_max: injuredMax } = store.columns.counts
  const { keyCount, histogram, sums, sharedRows, sharedIncidents } = into
  const keyRows = into.rows
  for (let i = start; i < end; i++) {
    const row = rows[i]!
    // A report of a figure with several adds once, reconciled, at its latest report's key; a
    // figure whose latest report has no key is left out (addReconciled).
    const figure = figureOfRow[row]!
    if (figure >= 0) reconciler?.add(row, figure, kinds[row]!)
    const key = keyOf[row]!
    if (key < 0) continue
    keyRows[key]!++
    const incident = sharedOfRow[row]!
    if (incident >= 0) {
      sharedRows[key]!++
      if (shared.add(incident, key)) sharedIncidents[key]!++
    }
    if (figure >= 0) continue
    histogram[KIND_STATES[kinds[row]!]! * keyCount + key]!++
    // Branch-free sums (as in aggregate): an empty count is -1, so `v + (v >>> 31)` is v or 0,
    // and a missing maximum becomes the minimum.
    const at = key * 4
    let min = killedMin[row]!
    let max = killedMax[row]!
    let low = min + (min >>> 31)
    sums[at]! += low
    sums[at + 1]! += max + (max >>> 31) * (low + 1)
    min = injuredMin[row]!
    max = injuredMax[row]!
    low = min + (min >>> 31)
    sums[at + 2]! += low
    sums[at + 3]! += max + (max >>> 31) * (low + 1)
  }
}

// Adds each figure of several reports once, reconciled, at the place (or point) of its latest
// selected report, as core/view/aggregate does for a group and a period.
function addReconciled(
  reconciler: FigureReconciler,
  keyOf: ArrayLike<number>,
  into: KeyedSums,
): void {
  const add = (arrays: MeasureArrays, key: number, figure: ReconciledCounts) => {
    countState(arrays, key, figure.state)
    const low = figure.min === NO_COUNT ? 0 : figure.min
    arrays.min[key]! += low
    arrays.max[key]! += figure.max === NO_COUNT ? low : figure.max
  }
  for (let i = 0; i < reconciler.metCount; i++) {
    const figure = reconciler.met[i]!
    const key = keyOf[reconciler.lead[figure]!]!
    if (key < 0) continue
    add(into.killed, key, reconciler.result(figure, 0))
    add(into.injured, key, reconciler.result(figure, 1))
  }
}

function countLevels(
  level: Uint8Array | null,
  rows: ArrayLike<number>,
): Record<PointLevel, number> {
  const counts = new Uint32Array(POINT_LEVELS.length + 1)
  if (level) for (let i = 0; i < rows.length; i++) counts[level[rows[i]!]!]!++
  return Object.fromEntries(POINT_LEVELS.map((name, i) => [name, counts[i + 1]!])) as Record<
    PointLevel,
    number
  >
}

// `rows` summed by `keyOf` into `count` keys: each row at its key (none when negative), each
// figure of several reports once, reconciled, at the key of its latest selected report.
function* keyedFiguresInSteps(
  store: CasualtyStore,
  rows: ArrayLike<number>,
  keyOf: ArrayLike<number>,
  count: number,
  reconciling: Reconciling,
): Steps<KeyedSums> {
  const { kinds, sharedOfRow, sharedCount } = yield* figureIndexInSteps(store)
  const reports = yield* reportIndexInSteps(store)
  const reconciler =
    reports.figureCount > 0
      ? new FigureReconciler(
          store,
          reports,
          reconciling.order ?? unknownOrder(store),
          reconciling.rule,
        )
      : null
  const pass = keyedPass(count)
  const shared = new DistinctPairs(sharedCount, count)
  for (let start = 0; start < rows.length; start += STEP_ROWS) {
    const end = Math.min(rows.length, start + STEP_ROWS)
    addRows(
      store,
      rows,
      start,
      end,
      keyOf,
      kinds,
      sharedOfRow,
      shared,
      pass,
      reports.figureOfRow,
      reconciler,
    )
    if (end < rows.length) yield
  }
  const sums = keyedSumsOf(pass)
  if (reconciler) addReconciled(reconciler, keyOf, sums)
  return sums
}

/** The map's figures of `rows`, after the store's places and figure index (built once). */
export function* summarizePlacesInSteps(
  store: CasualtyStore,
  rows: ArrayLike<number>,
  /** The view's rule and the reports' order (as the headline's); by default the range. */
  reconciling: Reconciling = { rule: DEFAULT_RULE },
): Steps<PlaceSums> {
  const placesOfStore = yield* storePlacesInSteps(store)
  const { placeOfRow, count } = placesOfStore
  const places = yield* keyedFiguresInSteps(store, rows, placeOfRow, count, reconciling)
  return yield* mapSumsInSteps(store, rows, places, reconciling)
}

/**
 * The map's figures of `rows` from their figures per place (which the dashboard's pass sums with
 * the charts' figures, core/view/aggregate): the points' figures, when the store has rows at a
 * known spot, and the rows per level of their coordinates.
 */
export function* mapSumsInSteps(
  store: CasualtyStore,
  rows: ArrayLike<number>,
  places: KeyedSums,
  reconciling: Reconciling = { rule: DEFAULT_RULE },
): Steps<PlaceSums> {
  const placesOfStore = yield* storePlacesInSteps(store)
  const { pointOfRow, latitude, longitude } = placesOfStore
  let points = keyedSums(0)
  if (latitude.length > 0) {
    yield
    points = yield* keyedFiguresInSteps(store, rows, pointOfRow, latitude.length, reconciling)
  }
  return {
    countries: placesOfStore.countries,
    admin1: placesOfStore.admin1,
    places,
    points: { latitude, longitude, sums: points },
    levels: countLevels(placesOfStore.level, rows),
  }
}

/** summarizePlacesInSteps without pausing. */
export function summarizePlaces(store: CasualtyStore, rows: ArrayLike<number>): PlaceSums {
  return runSteps(summarizePlacesInSteps(store, rows))
}
