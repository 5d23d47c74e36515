import { describe, expect, it } from 'vitest'
import {
  COUNTRY_ALIASES,
  NameMatcher,
  REGION_ALIASES,
  plainName,
} from '../../../src/core/chart/placeNames'

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
