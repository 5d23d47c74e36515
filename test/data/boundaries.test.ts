import { readdirSync, readFileSync } from 'node:fs'
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
        .map((file) => file.replace(/\.json$/, '').replace(/^regions-of-/, ''))
        .sort()
    expect(files('adm1/')).toEqual([...countries].sort())
    expect(files('names/')).toEqual([...countries].sort())
    expect(countries).toEqual(expect.arrayContaining(['Afghanistan', 'Iraq', 'Syria', 'Somalia']))
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
  })

  it('keeps Afghanistan at its 34 provinces', () => {
    expect(read('names/regions-of-Afghanistan.json')).toHaveLength(34)
  })
})
