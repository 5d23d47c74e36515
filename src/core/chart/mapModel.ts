// The map: what each region of the boundaries shows for the view, its legend's classes, its
// "show as table" view and CSV, the points, and the rows the map cannot place. Pure: the page
// gives it the boundaries' region names (core knows nothing of TopoJSON) and the place sums.
//
// Honest like the charts: a region is shaded by the minimum of the measure (the sum of the rows'
// minima), its tooltip and table give the range and say when there is no upper bound; a region
// whose rows give no number is "no figure", never 0; a region without rows is "no data".

import { figureAt, type Metric, type MeasureArrays } from '../view/aggregate'
import type { KeyedSums, PlaceSums } from '../view/placeSums'
import { formatCount, formatRange, pluralize, type RangeFigure } from '../format'
import type { ChartTable } from './chartModel'
import { COUNTRY_ALIASES, NameMatcher, REGION_ALIASES, type RegionAliases } from './placeNames'

/** The admin-1 regions the map has boundaries for, in the boundaries' order. */
export interface BoundaryRegion {
  country: string
  name: string
}

/** A figure as the map shows it: the sums, and the rows that gave a number. */
export type PlaceFigure = RangeFigure & { quantifiedRows: number }

/** One region of the map and its figures in the view. */
export interface MapRegion extends BoundaryRegion {
  /** The rows' admin1 labels that matched it (several spellings may). */
  labels: string[]
  rows: number
  incidents: number
  killed: PlaceFigure
  injured: PlaceFigure
  /** The shaded value: the minimum of the measure, null when no row gives a number. */
  value: number | null
  /** Index into the model's classes. */
  classIndex: number
  /** The region in words: its name and figures, for the tooltip and the text alternative. */
  text: string
}

/** A class of the legend. */
export interface MapClass {
  label: string
  color: string
  /** `none`: no rows; `nofigure`: rows without a number; `value`: a range of minima. */
  kind: 'none' | 'nofigure' | 'value'
  /** For `value` classes: the smallest value in the class. */
  from?: number
}

/** A point of the map: rows the source places at a known spot. */
export interface MapPoint {
  latitude: number
  longitude: number
  value: number | null
  rows: number
  text: string
}

export interface MapModel {
  metric: Metric
  regions: MapRegion[]
  classes: MapClass[]
  /** Indices into `regions` of the table's rows, in order. */
  tableRegions: number[]
  table: ChartTable
  summary: string
  /** Place names the map does not know, with their rows, most rows first. */
  unmatched: { label: string; rows: number }[]
  unmatchedRows: number
  /** Rows that give no province. */
  noPlaceRows: number
  points: MapPoint[]
  /** Points with rows in the view not drawn because there are too many (the smallest). */
  pointsLeftOut: number
  /** Rows with coordinates that the source places only at an area's centre: not drawn. */
  areaRows: number
  /** Rows with coordinates but no precision code: not drawn. */
  unknownPrecisionRows: number
}

/** The most points drawn; more are listed as left out (the smallest figures first). */
export const MAX_POINTS = 2000

// Sequential reds (ColorBrewer "Reds"), light to dark; readable on the light and the dark page.
const VALUE_COLORS = ['#fcbba1', '#fc9272', '#fb6a4a', '#de2d26', '#a50f15'] as const
const ZERO_COLOR = '#fff5f0'

/** Colours of the classes that are not values. */
export function emptyClassColors(dark: boolean): { none: string; nofigure: string } {
  return dark ? { none: '#2e2e2e', nofigure: '#777777' } : { none: '#ececec', nofigure: '#a8a8a8' }
}

const NICE = [1, 2, 5]

// The largest "nice" number (1, 2, 5 times a power of ten) not above `value` (value >= 1).
function niceFloor(value: number): number {
  let best = 1
  for (let power = 1; power <= value; power *= 10) {
    for (const step of NICE) if (step * power <= value) best = step * power
  }
  return best
}

/**
 * Lower bounds of the value classes for these values (all >= 1): at most `count` classes, at
 * quantiles of the values, rounded down to nice numbers; the first is 1.
 */
export function classBreaks(values: readonly number[], count = VALUE_COLORS.length): number[] {
  const sorted = values.filter((value) => value >= 1).sort((a, b) => a - b)
  if (sorted.length === 0) return []
  const breaks = new Set<number>([1])
  for (let k = 1; k < count; k++) {
    const at = sorted[Math.floor((k / count) * sorted.length)]!
    breaks.add(niceFloor(at))
  }
  return [...breaks].sort((a, b) => a - b)
}

const METRIC_WORDS: Record<Metric, string> = {
  killed: 'killed',
  injured: 'injured',
  incidents: 'incidents',
}

function valueOf(metric: Metric, sums: KeyedSums, key: number): number | null {
  if (metric === 'incidents') return sums.incidents[key] ?? 0
  const arrays = sums[metric]
  return (arrays.quantifiedRows[key] ?? 0) > 0 ? (arrays.min[key] ?? 0) : null
}

// A measure in words: `killed at least 51`, `killed 236–250`, `killed not quantified in 2 rows`.
function describe(figure: PlaceFigure, name: string): string {
  const parts: string[] = []
  if (figure.quantifiedRows > 0)
    parts.push(`${name} ${formatRange({ ...figure, unquantifiedRows: 0 })}`)
  if (figure.unquantifiedRows > 0)
    parts.push(`${name} not quantified in ${pluralize(figure.unquantifiedRows, 'row')}`)
  if (figure.openRows > 0 && figure.quantifiedRows > 0)
    parts.push(`no upper bound in ${pluralize(figure.openRows, 'row')}`)
  return parts.length > 0 ? parts.join(', ') : `${name}: no figure given`
}

function describeSums(sums: KeyedSums, key: number): string {
  return [
    pluralize(sums.incidents[key] ?? 0, 'incident'),
    describe(figureAt(sums.killed, key), 'killed'),
    describe(figureAt(sums.injured, key), 'injured'),
  ].join('; ')
}

function addInto(from: MeasureArrays, key: number, into: PlaceFigure): void {
  const figure = figureAt(from, key)
  into.min += figure.min
  into.max += figure.max
  into.openRows += figure.openRows
  into.unquantifiedRows += figure.unquantifiedRows
  into.quantifiedRows += figure.quantifiedRows
}

const emptyFigure = (): PlaceFigure => ({
  min: 0,
  max: 0,
  openRows: 0,
  unquantifiedRows: 0,
  quantifiedRows: 0,
})

// The max cell of a figure: the sum of maxima, or null when a row gives no upper bound (or none
// gives a number).
const maxCell = (figure: PlaceFigure): number | null =>
  figure.quantifiedRows === 0 || figure.openRows > 0 ? null : figure.max

function figureCells(figure: PlaceFigure): (number | null)[] {
  return [
    figure.quantifiedRows > 0 ? figure.min : null,
    maxCell(figure),
    figure.openRows,
    figure.unquantifiedRows,
  ]
}

function figureColumns(prefix: string, name: string) {
  return [
    { key: `${prefix}_min`, label: `${name}, minimum` },
    { key: `${prefix}_max`, label: `${name}, maximum` },
    { key: `${prefix}_open_max_rows`, label: `${name}: rows with no upper bound` },
    { key: `${prefix}_unquantified_rows`, label: `${name}: rows not quantified` },
  ]
}

/**
 * The map of `sums` on the regions `boundaries` (every admin-1 region the map draws), shaded by
 * `metric`. Places are matched to regions by country and name (placeNames); `countries` are the
 * world map's country names, for the countries whose provinces are not in `boundaries`.
 */
export function buildMapModel(
  sums: PlaceSums,
  boundaries: readonly BoundaryRegion[],
  metric: Metric,
  dark = false,
  /** Alternative names of the regions, per country (more load with other countries' names). */
  aliases: RegionAliases = REGION_ALIASES,
): MapModel {
  // Regions by country, each with a matcher over its names and alternative names.
  const byCountry = new Map<string, { indices: number[]; matcher: NameMatcher }>()
  const countryNames = [...new Set(boundaries.map((region) => region.country))]
  const countryMatcher = new NameMatcher(countryNames, COUNTRY_ALIASES)
  for (const country of countryNames) {
    const indices = boundaries.flatMap((region, i) => (region.country === country ? [i] : []))
    const names = indices.map((i) => boundaries[i]!.name)
    byCountry.set(country, { indices, matcher: new NameMatcher(names, aliases[country]) })
  }

  const regions: MapRegion[] = boundaries.map((region) => ({
    ...region,
    labels: [],
    rows: 0,
    incidents: 0,
    killed: emptyFigure(),
    injured: emptyFigure(),
    value: null,
    classIndex: 0,
    text: '',
  }))
  // A region's incidents are summed over its places (two spellings of one province are rarely
  // one incident).
  const unmatched = new Map<string, number>()
  let noPlaceRows = 0
  const { places } = sums
  for (let place = 0; place < sums.admin1.length; place++) {
    const rows = places.rows[place] ?? 0
    if (rows === 0) continue
    const label = sums.admin1[place] ?? ''
    if (label.trim() === '') {
      noPlaceRows += rows
      continue
    }
    const country = countryNames[countryMatcher.find(sums.countries[place] ?? '')]
    const entry = country === undefined ? undefined : byCountry.get(country)
    const found = entry ? entry.matcher.find(label) : -1
    if (!entry || found < 0) {
      const country = sums.countries[place] ?? ''
      const name = country === '' ? label : `${label}, ${country}`
      unmatched.set(name, (unmatched.get(name) ?? 0) + rows)
      continue
    }
    const index = entry.indices[found]!
    const region = regions[index]!
    if (!region.labels.includes(label)) region.labels.push(label)
    region.rows += rows
    region.incidents += places.incidents[place] ?? 0
    addInto(places.killed, place, region.killed)
    addInto(places.injured, place, region.injured)
  }

  // Values and classes.
  for (const region of regions) {
    if (region.rows === 0) continue
    if (metric === 'incidents') region.value = region.incidents
    else region.value = region[metric].quantifiedRows > 0 ? region[metric].min : null
  }
  const values = regions.flatMap((region) => (region.value === null ? [] : [region.value]))
  const breaks = classBreaks(values)
  const empty = emptyClassColors(dark)
  const classes: MapClass[] = [
    { label: 'No data', color: empty.none, kind: 'none' },
    { label: 'Rows but no figure', color: empty.nofigure, kind: 'nofigure' },
  ]
  if (values.some((value) => value === 0)) {
    classes.push({ label: '0', color: ZERO_COLOR, kind: 'value', from: 0 })
  }
  const colorOffset = VALUE_COLORS.length - breaks.length
  breaks.forEach((from, i) => {
    const next = breaks[i + 1]
    const label =
      next === undefined
        ? `${formatCount(from)} or more`
        : next - 1 === from
          ? formatCount(from)
          : `${formatCount(from)}–${formatCount(next - 1)}`
    classes.push({ label, color: VALUE_COLORS[colorOffset + i]!, kind: 'value', from })
  })
  for (const region of regions) {
    if (region.rows === 0) region.classIndex = 0
    else if (region.value === null) region.classIndex = 1
    else {
      // The last value class that starts at or below the value (classes go up).
      const value = region.value
      classes.forEach((c, i) => {
        if (c.kind === 'value' && (c.from ?? 0) <= value) region.classIndex = i
      })
    }
    region.text =
      region.rows === 0
        ? `${region.name}: no data in this view`
        : `${region.name}: ${[
            pluralize(region.incidents, 'incident'),
            describe(region.killed, 'killed'),
            describe(region.injured, 'injured'),
          ].join('; ')}`
  }

  const tableRegions = regions
    .map((region, index) => ({ region, index }))
    .filter(({ region }) => region.rows > 0)
    .sort(
      (a, b) =>
        (b.region.value ?? -1) - (a.region.value ?? -1) ||
        b.region.rows - a.region.rows ||
        a.region.name.localeCompare(b.region.name, 'en'),
    )
    .map(({ index }) => index)
  const what = METRIC_WORDS[metric]
  const table: ChartTable = {
    caption: `Incidents, killed and injured by province (admin-1): sums of the rows' minimum and maximum figures. An empty maximum means at least one row gives no upper bound; "none given" means no row gives a number. The map is shaded by the minimum ${metric === 'incidents' ? 'number of incidents' : what}.`,
    columns: [
      { key: 'admin1', label: 'Province' },
      { key: 'incidents', label: 'Incidents' },
      ...figureColumns('killed', 'Killed'),
      ...figureColumns('injured', 'Injured'),
      { key: 'rows', label: 'Rows' },
      { key: 'country', label: 'Country' },
    ],
    rows: tableRegions.map((index) => {
      const region = regions[index]!
      return [
        region.name,
        region.incidents,
        ...figureCells(region.killed),
        ...figureCells(region.injured),
        region.rows,
        region.country,
      ]
    }),
  }

  const unmatchedList = [...unmatched.entries()]
    .map(([label, rows]) => ({ label, rows }))
    .sort((a, b) => b.rows - a.rows || a.label.localeCompare(b.label, 'en'))
  const unmatchedRows = unmatchedList.reduce((n, entry) => n + entry.rows, 0)

  // Points: sites with rows in the view, the largest figures first.
  const pointSums = sums.points.sums
  const sites: number[] = []
  for (let site = 0; site < sums.points.latitude.length; site++) {
    if ((pointSums.rows[site] ?? 0) > 0) sites.push(site)
  }
  sites.sort(
    (a, b) => (valueOf(metric, pointSums, b) ?? -1) - (valueOf(metric, pointSums, a) ?? -1),
  )
  const points: MapPoint[] = sites.slice(0, MAX_POINTS).map((site) => {
    const latitude = sums.points.latitude[site] ?? 0
    const longitude = sums.points.longitude[site] ?? 0
    return {
      latitude,
      longitude,
      value: valueOf(metric, pointSums, site),
      rows: pointSums.rows[site] ?? 0,
      text: `Point ${latitude.toFixed(3)}, ${longitude.toFixed(3)}: ${describeSums(pointSums, site)}`,
    }
  })
  const { levels } = sums
  const areaRows = levels.near + levels.district + levels.province + levels.country

  const shaded = tableRegions
    .map((index) => regions[index]!.text)
    .slice(0, 40)
    .join('. ')
  const countriesText = countryNames.join(', ')
  const summary =
    tableRegions.length === 0
      ? `Map of ${countriesText || 'the data'} by province: no rows of this view on the map.`
      : `Map of ${countriesText} by province, shaded by the minimum ${what}. ${shaded}.${
          tableRegions.length > 40 ? ` And ${tableRegions.length - 40} more provinces.` : ''
        } ${pluralize(regions.length - tableRegions.length, 'province')} without data.${
          points.length > 0 ? ` ${pluralize(points.length, 'point')} at known locations.` : ''
        }`

  return {
    metric,
    regions,
    classes,
    tableRegions,
    table,
    summary,
    unmatched: unmatchedList,
    unmatchedRows,
    noPlaceRows,
    points,
    pointsLeftOut: Math.max(0, sites.length - MAX_POINTS),
    areaRows,
    unknownPrecisionRows: levels.unknown,
  }
}
