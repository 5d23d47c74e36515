import { describe, expect, it } from 'vitest'
import { AFGHANISTAN_PROVINCES } from '../../../src/core/extract/gazetteer'
import {
  findDominantCountry,
  findPlaces,
  findSite,
  lookUpPlace,
  pickPlaceName,
  resolvePlaces,
} from '../../../src/core/extract/places'
import { tokenize } from '../../../src/core/extract/text'
import { readReport, readSentence } from './reports'

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
    ['in Peshawar, Pakistan', 'Khyber Pakhtunkhwa', '', 'Pakistan'],
    ['in the region', '', '', ''],
  ])('%s -> %s / %s / %s', (sentence, admin1, admin2, country) => {
    expect(resolve(sentence)).toEqual([admin1, admin2, country])
  })
})

describe('the world gazetteer: countries, demonyms, first-level units, cities', () => {
  const world = (sentence: string, documentCountry = '') => {
    const { admin1, country } = resolvePlaces(findPlaces(tokenize(sentence)), documentCountry)
    return [admin1, country]
  }
  it.each([
    ['a suicide bomber struck a mosque in Peshawar', 'Pakistan', 'Khyber Pakhtunkhwa', 'Pakistan'],
    ['in the Somali capital, killing', 'Somalia', 'Banaadir', 'Somalia'],
    ['in Somalia’s capital Thursday', 'Somalia', 'Banaadir', 'Somalia'],
    ['the blast in the Afghan capital', '', 'Kabul', 'Afghanistan'],
    ['in the volatile northern Sinai Peninsula', 'Egypt', 'North Sinai', 'Egypt'],
    ['at al-Rawdah mosque in the town of Bir al-Abed', 'Egypt', 'North Sinai', 'Egypt'],
    ['in Saada province, near the border with Saudi Arabia', 'Yemen', 'Saada', 'Yemen'],
    ['Pakistani police say a blast in Karachi', '', 'Sindh', 'Pakistan'],
    ['a hotel in the Kenyan capital, Nairobi', 'Somalia', 'Nairobi', 'Kenya'],
    ['in a crowded São Paulo street in Brazil', 'Brazil', 'São Paulo', 'Brazil'],
    // A suburb may lie in another unit than its city.
    ['in a Damascus suburb on Saturday', 'Syria', '', ''],
    // Adjectives that are no incident's country.
    ['Iranian-backed militias attacked', '', '', ''],
    ['in the Indian Ocean', '', '', ''],
    // A place of another country than the text's is dropped (Burkina's Sahel in a Mali report).
    ['in West Africa’s Sahel region', 'Mali', '', ''],
    // A dateline's US state is not where an Afghan strike happened.
    ['WASHINGTON (Wire) - A US drone strike in Paktika province', '', 'Paktika', 'Afghanistan'],
  ])('%s (text in %s) -> %s / %s', (sentence, documentCountry, admin1, country) => {
    expect(world(sentence, documentCountry)).toEqual([admin1, country])
  })
})

describe('the words of the location column', () => {
  // Each row is [report, sentence index, the site the sentence names].
  it.each([
    ['10-helmand-policemen-gereshk', 2, 'Shia mosque in Gereshk'],
    ['17-helmand-police-headquarters', 0, 'police headquarters in Helmand province'],
    ['04-kandahar-raid-and-police', 2, 'Taliban police headquarters in Kandahar city'],
    ['01-herat-mosque-and-minibus', 4, 'minibus carrying students in Mazar-i-Sharif'],
    ['02-kabul-checkpoint-and-achin', 0, 'Taliban checkpoint in the Dasht-e-Barchi area of Kabul'],
    // `struck a Shia mosque` names no site with at, outside, near, inside or on.
    ['01-herat-mosque-and-minibus', 0, ''],
    // `at least 30` is a figure, not a site.
    ['13-kabul-wedding', 0, ''],
  ])('%s, sentence %i -> "%s"', (name, index, site) => {
    expect(findSite(readSentence(readReport(name), index).sentence.text)).toBe(site)
  })

  // Each row is [report, sentence index, the place's names as written, the name for location].
  it.each([
    ['01-herat-mosque-and-minibus', 0, ['HERAT', 'Herat'], 'Herat'],
    ['02-kabul-checkpoint-and-achin', 0, ['Dasht-e-Barchi', 'KABUL', 'Kabul'], 'Dasht-e-Barchi'],
    ['21-kunduz-mosque-feature', 0, ['KUNDUZ'], 'KUNDUZ'],
    ['20-nangarhar-minibus-khost-elder', 2, [], ''],
  ])('%s, sentence %i: %o -> "%s"', (name, index, names, expected) => {
    const place = resolvePlaces(findPlaces(readSentence(readReport(name), index).sentence.tokens))
    expect(place.names).toEqual(names)
    expect(pickPlaceName(place)).toBe(expected)
  })
})

describe('the country a text mentions most', () => {
  it.each([
    // No country named, but Kabul or the Taliban.
    ['01-herat-mosque-and-minibus', 'Afghanistan'],
    ['17-helmand-police-headquarters', 'Afghanistan'],
    // Places count for their country, demonyms half: `Paktia` and `Gardez` outweigh two
    // `Pakistani`, and Herat and Farah one `Iran`.
    ['26-airstrike-paktia', 'Afghanistan'],
    ['27-herat-mixed', 'Afghanistan'],
    ['18-badakhshan-vaccinators', 'Afghanistan'],
  ])('%s -> "%s"', (name, country) => {
    expect(findDominantCountry(readReport(name))).toBe(country)
  })
})
