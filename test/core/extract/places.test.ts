import { describe, expect, it } from 'vitest'
import { AFGHANISTAN_PROVINCES } from '../../../src/core/extract/gazetteer'
import { findPlaces, lookUpPlace, resolvePlaces } from '../../../src/core/extract/places'
import { tokenize } from '../../../src/core/extract/text'

const resolve = (sentence: string) => {
  const { admin1, admin2, country } = resolvePlaces(findPlaces(tokenize(sentence)))
  return [admin1, admin2, country]
}

describe('gazetteer', () => {
  it('has the 34 provinces, each with a distinct ISO code', () => {
    expect(AFGHANISTAN_PROVINCES).toHaveLength(34)
    expect(new Set(AFGHANISTAN_PROVINCES.map((p) => p.code)).size).toBe(34)
  })

  it.each(AFGHANISTAN_PROVINCES.map((p) => [p.name]))('finds the province %s', (name) => {
    expect(lookUpPlace(name).some((e) => e.kind === 'province' && e.admin1 === name)).toBe(true)
  })
})

describe('places to admin1 and admin2', () => {
  it.each([
    ['a Shia mosque in Kunduz during Friday prayers', 'Kunduz', '', 'Afghanistan'],
    ['at Kabul International Airport', 'Kabul', '', 'Afghanistan'],
    ['in Achin district of Nangarhar province', 'Nangarhar', 'Achin', 'Afghanistan'],
    ['in Mazar-i-Sharif', 'Balkh', 'Mazar-i-Sharif', 'Afghanistan'],
    ['in Mazar-e-Sharif', 'Balkh', 'Mazar-i-Sharif', 'Afghanistan'],
    ['in Jalalabad', 'Nangarhar', 'Jalalabad', 'Afghanistan'],
    ['in the Dasht-e-Barchi area of Kabul', 'Kabul', '', 'Afghanistan'],
    ['in Behsud district of Nangarhar', 'Nangarhar', 'Behsud', 'Afghanistan'],
    ['in Behsud', '', '', 'Afghanistan'],
    ['in Peshawar, Pakistan', '', '', 'Pakistan'],
    ['in the region', '', '', ''],
  ])('%s -> %s / %s / %s', (sentence, admin1, admin2, country) => {
    expect(resolve(sentence)).toEqual([admin1, admin2, country])
  })
})
