import { readdirSync, readFileSync } from 'node:fs'
import { geoArea } from 'd3-geo'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import { describe, expect, it } from 'vitest'

const DIR = new URL('../../src/boundaries/', import.meta.url)
const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, DIR), 'utf8'))
const countries = read('countries.json') as string[]

describe('shipped admin-1 boundaries', () => {
  it('lists a boundary file and a names file for each country, and no other', () => {
    const files = (folder: string) =>
      readdirSync(new URL(folder, DIR))
        .filter((file) => !file.startsWith('aliases-of-'))
        .map((file) => file.replace(/\.json$/, '').replace(/^regions-of-/, ''))
        .sort()
    expect(files('adm1/')).toEqual([...countries].sort())
    expect(files('names/')).toEqual([...countries].sort())
    expect(countries).toEqual(
      expect.arrayContaining([
        'Afghanistan',
        'Iraq',
        'Syria',
        'Somalia',
        'Burkina Faso',
        'Mozambique',
        'Kenya',
        'Colombia',
      ]),
    )
    expect(countries.length).toBeGreaterThan(170)
  })

  it.each(countries)('%s: valid TopoJSON whose regions are the names file, in order', (country) => {
    const topology = read(`adm1/${country}.json`) as Topology
    expect(topology.type).toBe('Topology')
    const regions = topology.objects.regions as GeometryCollection<{ name: string; country: string }>
    const names = read(`names/regions-of-${country}.json`) as string[]
    expect(regions.geometries.map((geometry) => (geometry.properties as { name: string }).name)).toEqual(names)
    expect(new Set(names).size).toBe(names.length)
    expect(names.every((name) => name.trim() !== '')).toBe(true)
    const features = feature(topology, regions).features
    expect(features.every((f) => f.properties.country === country && f.geometry !== null)).toBe(true)
    // d3-geo (which draws the map) reads a polygon wound the other way as the globe without it: a
    // region inside out would cover the whole map.
    const insideOut = features.filter((region) => geoArea(region) > 2 * Math.PI)
    expect(insideOut.map((region) => region.properties.name)).toEqual([])
  })

  it.each(['Burkina Faso', 'Philippines'])(
    '%s: drawn as its regions, each with the names of its provinces',
    (country) => {
      const names = read(`names/regions-of-${country}.json`) as string[]
      const parts = read(`names/aliases-of-${country}.json`) as Record<string, string[]>
      expect(Object.keys(parts).sort()).toEqual([...names].sort())
      expect(Object.values(parts).every((list) => list.length > 0)).toBe(true)
    },
  )

  it('keeps Burkina Faso at its 13 regions and Somalia with Somaliland', () => {
    expect(read('names/regions-of-Burkina Faso.json')).toHaveLength(13)
    expect(read('names/regions-of-Somalia.json')).toEqual(
      expect.arrayContaining(['Banaadir', 'Somaliland']),
    )
  })

  it('keeps Afghanistan at its 34 provinces', () => {
    expect(read('names/regions-of-Afghanistan.json')).toHaveLength(34)
  })
})
