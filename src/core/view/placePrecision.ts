// Where a row's coordinates put it, at the precision its source gives. GTD, ACLED and UCDP GED
// exports carry a latitude and longitude with a precision code, and often the coordinates are only
// the centre of a district, a province or the country the event was placed in: drawn as a point,
// such a row would claim a place the source does not know. So only rows the source places at a
// known spot are points on the map; every other row counts in its province (admin1) only.
//
// The codes, from each source's codebook:
// - UCDP GED `where_prec`: 1 the exact location; 2 within about 25 km of a known point; 3 only
//   the second-order administrative division (district); 4 only the first-order division
//   (province); 5 a larger area, a line or several provinces; 6 only the country; 7 international
//   waters or airspace.
// - ACLED `geo_precision`: 1 the town or place itself; 2 a nearby town or the district ("part of
//   a region"); 3 only the province or a larger region (its capital's coordinates).
// - GTD `specificity`: 1 the city, village or town, with its coordinates; 2 the town is known but
//   not its coordinates (the centroid of the smallest division found); 3 not in a town (the
//   centroid of the smallest division); 4 only the province (its centre); 5 only the country.
// Coordinates with no precision code (another file's `latitude`/`longitude`) are not drawn
// either: nothing says they are more than a province's centre.

import type { CasualtyStore, TextData } from '../store/store'
import { extraText } from '../store/repeat'
import { STEP_ROWS, runSteps, type Steps } from '../steps'

/** Where a row's coordinates put it. Only `exact` rows are drawn as points. */
export type PointLevel = 'exact' | 'near' | 'district' | 'province' | 'country' | 'unknown'

/** The precision codes we read, by the column that carries them. */
export type PrecisionScheme = 'where_prec' | 'geo_precision' | 'specificity'

const LEVELS: Record<PrecisionScheme, Record<string, PointLevel>> = {
  where_prec: {
    '1': 'exact',
    '2': 'near',
    '3': 'district',
    '4': 'province',
    '5': 'country',
    '6': 'country',
    '7': 'country',
  },
  geo_precision: { '1': 'exact', '2': 'district', '3': 'province' },
  specificity: { '1': 'exact', '2': 'district', '3': 'district', '4': 'province', '5': 'country' },
}

/** The level of a precision code under `scheme` ('unknown' for an empty or unknown code). */
export function pointLevel(scheme: PrecisionScheme | null, code: string): PointLevel {
  if (scheme === null) return 'unknown'
  // GTD and UCDP write some codes as `1.0`.
  const key = code.trim().replace(/\.0+$/, '')
  return LEVELS[scheme][key] ?? 'unknown'
}

/** Is a row at this level drawn as a point? Only when the source knows the spot. */
export const isDrawn = (level: PointLevel): boolean => level === 'exact'

/** Levels by number, as the store's per-row byte keeps them (0: no coordinates). */
export const POINT_LEVELS: readonly PointLevel[] = [
  'exact',
  'near',
  'district',
  'province',
  'country',
  'unknown',
]

const LATITUDE_NAMES = ['latitude', 'lat']
const LONGITUDE_NAMES = ['longitude', 'lon', 'lng', 'long']
const SCHEMES: PrecisionScheme[] = ['where_prec', 'geo_precision', 'specificity']

/** The extra columns that hold coordinates and their precision, by index; null without both. */
export interface CoordinateColumns {
  latitude: number
  longitude: number
  precision: number | null
  scheme: PrecisionScheme | null
}

// Finds the coordinate columns among a file's extra columns by name (case-insensitive).
export function findCoordinateColumns(names: readonly string[]): CoordinateColumns | null {
  const lower = names.map((name) => name.trim().toLowerCase())
  const find = (candidates: readonly string[]) => {
    for (const candidate of candidates) {
      const at = lower.indexOf(candidate)
      if (at >= 0) return at
    }
    return -1
  }
  const latitude = find(LATITUDE_NAMES)
  const longitude = find(LONGITUDE_NAMES)
  if (latitude < 0 || longitude < 0) return null
  for (const scheme of SCHEMES) {
    const at = lower.indexOf(scheme)
    if (at >= 0) return { latitude, longitude, precision: at, scheme }
  }
  return { latitude, longitude, precision: null, scheme: null }
}

/** Per row of a store: its coordinates and their level (level 0 = none, else 1 + POINT_LEVELS index). */
export interface RowPoints {
  latitude: Float64Array
  longitude: Float64Array
  level: Uint8Array
}

const known = new WeakMap<CasualtyStore, RowPoints | null>()

const MINUS = 45
const DOT = 46
const ZERO = 48
const PLUS = 43

// A decimal number written in ASCII in bytes[start, end), or NaN: `-12.5`, `68.868056`, ` 36 `.
// Read from the bytes, not decoded strings: a million rows' coordinates in a few milliseconds.
export function parseDecimalBytes(bytes: Uint8Array, start: number, end: number): number {
  while (start < end && bytes[start]! <= 32) start++
  while (end > start && bytes[end - 1]! <= 32) end--
  if (start === end) return Number.NaN
  let sign = 1
  if (bytes[start] === MINUS || bytes[start] === PLUS) {
    if (bytes[start] === MINUS) sign = -1
    start++
  }
  let value = 0
  let scale = 0
  let digits = 0
  for (let i = start; i < end; i++) {
    const byte = bytes[i]!
    if (byte === DOT) {
      if (scale !== 0) return Number.NaN
      scale = 1
      continue
    }
    const digit = byte - ZERO
    if (digit < 0 || digit > 9) return Number.NaN
    value = value * 10 + digit
    digits++
    if (scale !== 0) scale *= 10
  }
  if (digits === 0) return Number.NaN
  return (sign * value) / (scale === 0 ? 1 : scale)
}

const decoder = new TextDecoder()

// The coordinates and point levels of rows from..to. A plain function: V8 optimizes its loop,
// not one inside a generator.
function readPoints(
  lat: TextData,
  lon: TextData,
  precision: TextData | null,
  levelOf: (start: number, end: number) => number,
  into: RowPoints,
  from: number,
  to: number,
): void {
  const { latitude, longitude, level } = into
  for (let row = from; row < to; row++) {
    const y = parseDecimalBytes(lat.bytes, lat.offsets[row]!, lat.offsets[row + 1]!)
    const x = parseDecimalBytes(lon.bytes, lon.offsets[row]!, lon.offsets[row + 1]!)
    if (!(y >= -90 && y <= 90 && x >= -180 && x <= 180)) continue
    latitude[row] = y
    longitude[row] = x
    level[row] = precision
      ? levelOf(precision.offsets[row]!, precision.offsets[row + 1]!)
      : levelOf(0, 0)
  }
}

/** The coordinates of every row of `store`, read once and kept; null when it has none. */
export function* rowPointsInSteps(store: CasualtyStore): Steps<RowPoints | null> {
  const cached = known.get(store)
  if (cached !== undefined) return cached
  const columns = findCoordinateColumns(store.extraNames)
  if (!columns) {
    known.set(store, null)
    return null
  }
  const extra = (index: number) => extraText(store.columns, index)
  const lat = extra(columns.latitude)
  const lon = extra(columns.longitude)
  const precision = columns.precision === null ? null : extra(columns.precision)
  const points = {
    latitude: new Float64Array(store.length),
    longitude: new Float64Array(store.length),
    level: new Uint8Array(store.length),
  }
  // Precision codes are few: each distinct one is read once, found by its bytes as a number.
  const levelOfKey = new Map<number, number>()
  const levelOf = (start: number, end: number): number => {
    const bytes = precision?.bytes
    let key = end - start
    // Up to six bytes make an exact number (with the length, 7 * 8 bits < 2^53); longer codes
    // are no code of a scheme.
    if (!bytes || end - start > 6) key = 0
    else for (let i = start; i < end; i++) key = key * 256 + bytes[i]!
    let byte = levelOfKey.get(key)
    if (byte === undefined) {
      const code = bytes && end - start <= 6 ? decoder.decode(bytes.subarray(start, end)) : ''
      byte = 1 + POINT_LEVELS.indexOf(pointLevel(columns.scheme, code))
      levelOfKey.set(key, byte)
    }
    return byte
  }
  for (let from = 0; from < store.length; from += STEP_ROWS) {
    const to = Math.min(store.length, from + STEP_ROWS)
    readPoints(lat, lon, precision, levelOf, points, from, to)
    if (to < store.length) yield
  }
  known.set(store, points)
  return points
}

export const rowPoints = (store: CasualtyStore): RowPoints | null =>
  runSteps(rowPointsInSteps(store))
