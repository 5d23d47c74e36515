// The boundaries shipped with the page (src/boundaries, built by `npm run boundaries`).
import { readFileSync, statSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { REGION_ALIASES } from '../../src/core/chart/placeNames'

interface Topology {
  type: string
  objects: Record<string, { geometries: { properties: Record<string, string> }[] }>
}

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Topology
const names = (topology: Topology, object: string) =>
  topology.objects[object]!.geometries.map((geometry) => geometry.properties.name)

describe('shipped boundaries', () => {
  it('has Afghanistan’s 34 provinces, named as the alternative-names list names them', () => {
    const afghanistan = read('src/boundaries/adm1/Afghanistan.json')
    const provinces = names(afghanistan, 'regions')
    expect(provinces).toHaveLength(34)
    expect([...provinces].sort()).toEqual(Object.keys(REGION_ALIASES.Afghanistan!).sort())
    expect(
      afghanistan.objects.regions!.geometries.every((g) => g.properties.country === 'Afghanistan'),
    ).toBe(true)
  })

  it('has the world’s countries, Afghanistan among them', () => {
    const countries = names(read('src/boundaries/world.json'), 'countries')
    expect(countries.length).toBeGreaterThan(170)
    expect(countries).toContain('Afghanistan')
  })

  it.each([
    ['src/boundaries/world.json', 80_000],
    ['src/boundaries/adm1/Afghanistan.json', 30_000],
  ])('%s stays small (under %i bytes)', (path, limit) => {
    expect(statSync(path).size).toBeLessThan(limit)
  })
})
