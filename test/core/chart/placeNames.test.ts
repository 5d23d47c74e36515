import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import {
  COUNTRY_ALIASES,
  joinAliases,
  NameMatcher,
  REGION_ALIASES,
  plainName,
} from '../../../src/core/chart/placeNames'
import { MORE_REGION_ALIASES } from '../../../src/core/chart/moreRegionAliases'

// The names of the shipped boundaries (src/boundaries/adm1/Afghanistan.json).
const AFGHANISTAN = Object.keys(REGION_ALIASES.Afghanistan!)

describe('plainName', () => {
  it.each([
    ['Kunduz', 'kunduz'],
    ['Kunduz province', 'kunduz'],
    ['  KUNDUZ  Province ', 'kunduz'],
    ['Sar-e Pol', 'sarepol'],
    ['Sar e Pol', 'sarepol'],
    ['Wilayat Herat', 'herat'],
    ['Hérat', 'herat'],
    ["Côte d'Ivoire", 'cotedivoire'],
    ['', ''],
    ['Province', ''],
  ])('%j → %j', (name, plain) => {
    expect(plainName(name)).toBe(plain)
  })
})

describe('NameMatcher on the Afghan provinces', () => {
  const matcher = new NameMatcher(AFGHANISTAN, REGION_ALIASES.Afghanistan)
  it.each([
    // The map's own names, in any case and with the kind of region.
    ['Kabul', 'Kabul'],
    ['kabul province', 'Kabul'],
    ['Nangarhar', 'Nangarhar'],
    // Spellings of GTD, ACLED and UCDP exports and transliterations.
    ['Hilmand', 'Helmand'],
    ['Hilmand province', 'Helmand'],
    ['Nangrahar', 'Nangarhar'],
    ['Ningarhar', 'Nangarhar'],
    ['Ghanzi', 'Ghazni'],
    ['Sar-i-Pul', 'Sar-e Pol'],
    ['Sari Pul', 'Sar-e Pol'],
    ['Jawzjan', 'Jowzjan'],
    ['Daikundi', 'Daykundi'],
    ['Oruzgan', 'Uruzgan'],
    ['Maidan Wardak', 'Wardak'],
    ['Paktya', 'Paktia'],
    ['Nimroz', 'Nimruz'],
    ['Kondoz', 'Kunduz'],
    ['Khowst', 'Khost'],
  ])('%j is %j', (name, expected) => {
    expect(AFGHANISTAN[matcher.find(name)]).toBe(expected)
  })

  it.each([['Toraboraa'], [''], ['Province'], ['Islamabad'], ['Kabul Kandahar']])(
    '%j matches nothing',
    (name) => {
      expect(matcher.find(name)).toBe(-1)
    },
  )

  it('has the 34 provinces, each with a distinct plain name and aliases that name no other', () => {
    expect(AFGHANISTAN).toHaveLength(34)
    const seen = new Map<string, string>()
    for (const [name, aliases] of Object.entries(REGION_ALIASES.Afghanistan!)) {
      for (const spelling of [name, ...aliases]) {
        const plain = plainName(spelling)
        expect(seen.get(plain) ?? name, spelling).toBe(name)
        seen.set(plain, name)
      }
    }
  })
})

describe('NameMatcher on countries', () => {
  const names = ['Afghanistan', 'United States of America', 'Dem. Rep. Congo', 'Syria']
  const matcher = new NameMatcher(names, COUNTRY_ALIASES)
  it.each([
    ['Afghanistan', 'Afghanistan'],
    ['AFGHANISTAN', 'Afghanistan'],
    ['United States', 'United States of America'],
    ['Democratic Republic of the Congo', 'Dem. Rep. Congo'],
    ['Syrian Arab Republic', 'Syria'],
  ])('%j is %j', (name, expected) => {
    expect(names[matcher.find(name)]).toBe(expected)
  })
})

// The spellings GTD, ACLED and UCDP write, found among the shipped boundaries' own names (Natural
// Earth's) through the alternative names; every alias names a region the boundaries have.
describe('NameMatcher on the provinces of other countries', () => {
  const namesOf = (country: string): string[] =>
    JSON.parse(readFileSync(`src/boundaries/names/regions-of-${country}.json`, 'utf8')) as string[]
  // Our alternative names, and for countries drawn as regions the names of the regions' parts
  // (names/aliases-of-<Country>.json, written by the boundaries' build).
  const aliasesOf = (country: string) => {
    const file = `src/boundaries/names/aliases-of-${country}.json`
    const parts = existsSync(file)
      ? { [country]: JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]> }
      : {}
    return joinAliases({ [country]: MORE_REGION_ALIASES[country] ?? {} }, parts)[country]
  }
  it.each([
    ['Iraq', 'Nineveh', 'Ninawa'],
    ['Iraq', 'Anbar', 'Al-Anbar'],
    ['Iraq', 'Salah ad Din', 'Sala ad-Din'],
    ['Iraq', 'Kirkuk', "At-Ta'mim"],
    ['Iraq', 'Erbil', 'Arbil'],
    ['Iraq', 'Baghdad', 'Baghdad'],
    ['Syria', 'Deir ez-Zor', 'Dayr Az Zawr'],
    ['Syria', 'Raqqa', 'Ar Raqqah'],
    ['Syria', 'Rural Damascus', 'Rif Dimashq'],
    ['Syria', 'Homs', 'Homs (Hims)'],
    ['Pakistan', 'Khyber Pakhtunkhwa', 'K.P.'],
    ['Pakistan', 'Balochistan', 'Baluchistan'],
    ['Pakistan', 'Federally Administered Tribal Areas', 'F.A.T.A.'],
    ['Yemen', 'Hodeidah', 'Al Hudaydah'],
    ['Yemen', 'Aden', '`Adan'],
    ['Somalia', 'Lower Shabelle', 'Shabeellaha Hoose'],
    ['Somalia', 'Banadir', 'Banaadir'],
    ['Nigeria', 'Nasarawa', 'Nassarawa'],
    ['Nigeria', 'Borno State', 'Borno'],
    ['Somalia', 'Woqooyi Galbeed', 'Somaliland'],
    // From a real ACLED export (test/fixtures/real/acled-pandas-export.csv).
    ['Ethiopia', 'Oromia', 'Oromiya'],
    ['Ethiopia', 'Addis Abeba', 'Addis Ababa'],
    ['Egypt', 'North Sinai', "Shamal Sina'"],
    ['Egypt', 'Cairo', 'Al Qahirah'],
    // Natural Earth's Kenya is its 8 former provinces, of which the 47 counties are parts.
    ['Kenya', 'Mandera', 'North-Eastern'],
    ['Kenya', 'Kisumu', 'Nyanza'],
    ['Kenya', 'Nairobi', 'Nairobi'],
    ['Kenya', 'Lamu', 'Coast'],
    // The Democratic Republic of the Congo's 26 provinces of 2015 lie in its 11 older ones.
    ['Dem. Rep. Congo', 'Ituri', 'Orientale'],
    ['Dem. Rep. Congo', 'North Kivu', 'Nord-Kivu'],
    ['Dem. Rep. Congo', 'Tanganyika', 'Katanga'],
    ['Dem. Rep. Congo', 'Kinshasa', 'Kinshasa City'],
    // Burkina Faso and the Philippines are drawn as their regions; a province finds its region.
    ['Burkina Faso', 'Sahel', 'Sahel'],
    ['Burkina Faso', 'Centre-Nord', 'Centre-Nord'],
    ['Burkina Faso', 'Soum', 'Sahel'],
    ['Burkina Faso', 'Kadiogo', 'Centre'],
    [
      'Philippines',
      'Bangsamoro Autonomous Region in Muslim Mindanao',
      'Autonomous Region in Muslim Mindanao (ARMM)',
    ],
    ['Philippines', 'Sulu', 'Autonomous Region in Muslim Mindanao (ARMM)'],
    ['Philippines', 'Davao Region', 'Davao (Region XI)'],
    ['Philippines', 'Metro Manila', 'National Capital Region'],
    // Natural Earth's own spellings, without an alternative name.
    ['Mozambique', 'Cabo Delgado', 'Cabo Delgado'],
    ['Mali', 'Mopti', 'Mopti'],
    ['Ukraine', 'Donetsk', "Donets'k"],
  ])('%s: %s is %s', (country, written, boundary) => {
    const names = namesOf(country)
    const matcher = new NameMatcher(names, aliasesOf(country))
    expect(names[matcher.find(written)]).toBe(boundary)
  })

  it('names only regions the boundaries have, and no spelling two regions', () => {
    for (const [country, aliases] of Object.entries({
      ...REGION_ALIASES,
      ...MORE_REGION_ALIASES,
    })) {
      const names = namesOf(country)
      const seen = new Map<string, string>()
      for (const name of names) seen.set(plainName(name), name)
      for (const [name, others] of Object.entries(aliases)) {
        expect(names, `${country}: ${name}`).toContain(name)
        for (const spelling of others) {
          const plain = plainName(spelling)
          expect(seen.get(plain) ?? name, `${country}: ${spelling}`).toBe(name)
          seen.set(plain, name)
        }
      }
    }
  })
})

describe('joinAliases', () => {
  it.each([
    [
      'a new country',
      { A: { x: ['x1'] } },
      { B: { y: ['y1'] } },
      { A: { x: ['x1'] }, B: { y: ['y1'] } },
    ],
    ['a new region', { A: { x: ['x1'] } }, { A: { y: ['y1'] } }, { A: { x: ['x1'], y: ['y1'] } }],
    [
      'one region, lists joined once',
      { A: { x: ['x1', 'x2'] } },
      { A: { x: ['x2', 'x3'] } },
      { A: { x: ['x1', 'x2', 'x3'] } },
    ],
    ['nothing more', { A: { x: ['x1'] } }, {}, { A: { x: ['x1'] } }],
  ])('%s', (_, base, more, joined) => {
    expect(joinAliases(base, more)).toEqual(joined)
  })

  it('leaves both inputs as they were', () => {
    const base = { A: { x: ['x1'] } }
    joinAliases(base, { A: { x: ['x2'] } })
    expect(base).toEqual({ A: { x: ['x1'] } })
  })
})
