import { describe, expect, it } from 'vitest'
import { countriesOnMap, namesOtherCountries } from '../../src/composables/useMap'
import { COUNTRIES_WITH_REGIONS } from '../../src/composables/otherCountries'
import type { PlaceSums } from '../../src/core/view/placeSums'

/** The map's figures with only what the country lookup reads: each place's country and rows. */
function sumsOf(places: [country: string, rows: number][]): PlaceSums {
  return {
    countries: places.map(([country]) => country),
    places: { rows: Float64Array.from(places.map(([, rows]) => rows)) },
  } as unknown as PlaceSums
}

describe('countriesOnMap', () => {
  it.each<[string, [string, number][], string[]]>([
    ['the shipped data', [['Afghanistan', 8]], ['Afghanistan']],
    [
      'names as sources write them',
      [
        ['Democratic Republic of Congo', 3],
        ['Burkina Faso', 2],
      ],
      ['Burkina Faso', 'Dem. Rep. Congo'],
    ],
    [
      'a country without rows in the view',
      [
        ['Iraq', 0],
        ['Syria', 4],
      ],
      ['Syria'],
    ],
    ['a name the map does not know', [['Narnia', 5]], []],
    ['no country given', [['', 5]], []],
  ])('%s', (_, places, expected) => {
    expect(countriesOnMap(sumsOf(places), COUNTRIES_WITH_REGIONS).sort()).toEqual(expected.sort())
  })

  it("before the other countries load, finds only the shipped data's", () => {
    expect(
      countriesOnMap(
        sumsOf([
          ['Afghanistan', 1],
          ['Iraq', 1],
        ]),
        ['Afghanistan'],
      ),
    ).toEqual(['Afghanistan'])
  })
})

describe('namesOtherCountries', () => {
  it.each<[string, [string, number][], boolean]>([
    ['only Afghanistan', [['Afghanistan', 8]], false],
    ['Afghanistan as written otherwise', [['afghanistan', 2]], false],
    [
      'another country with rows',
      [
        ['Afghanistan', 8],
        ['Pakistan', 1],
      ],
      true,
    ],
    [
      'another country without rows in the view',
      [
        ['Afghanistan', 8],
        ['Pakistan', 0],
      ],
      false,
    ],
    ['rows with no country', [['', 3]], false],
    ['a name the map does not know', [['Narnia', 1]], true],
  ])('%s', (_, places, expected) => {
    expect(namesOtherCountries(sumsOf(places))).toBe(expected)
  })
})
