import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  COUNTRY_ALIASES,
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
  ])('%s: %s is %s', (country, written, boundary) => {
    const names = namesOf(country)
    const matcher = new NameMatcher(names, MORE_REGION_ALIASES[country])
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
