// Places in a sentence: Afghanistan's provinces, capitals, districts and Kabul neighbourhoods
// (admin1/admin2, codebook "Places"), the world's countries (by name, or by demonym: `Pakistani
// police`, but not `Iranian-backed` or `Indian Ocean`), their first-level subdivisions and the
// cities of conflict reporting, and `the Afghan capital`. A city that shares its province's name
// (Kabul, Kunduz, Kandahar) gives the province only, whichever is meant. Also the words of the
// `location` column (the site a sentence names, or the place as written) and a text's main country.

import { AFGHANISTAN_PROVINCES, KABUL_NEIGHBOURHOODS } from './gazetteer'
import type { TextSpan, Token } from './text'
import { WORLD_CITIES, WORLD_COUNTRIES, WORLD_SUBDIVISIONS } from './world'

/** What a gazetteer name stands for. */
export interface GazetteerEntry {
  admin1: string
  admin2: string
  /** ISO 3166-2:AF code of an Afghan province, without the `AF-` ('' elsewhere). */
  code: string
  kind: 'province' | 'city' | 'district' | 'neighbourhood'
  country: string
}

/** A place named in the text. */
export interface PlaceMention extends TextSpan {
  /** The words as written. */
  name: string
  /** Gazetteer readings: one, or several when the name exists in several provinces. */
  entries: GazetteerEntry[]
  /** The country, for a country's own name or its demonym. */
  country: string
  /** The country came from a demonym (`Pakistani officials`): it does not place the sentence. */
  demonym?: boolean
  /** A dateline (`WASHINGTON (Wire) -`): where the report was filed, a place only failing others. */
  dateline?: boolean
  /** A part of a country (`in northern Iraq`): a place of its own, though no first-level unit. */
  region?: boolean
}

/** Lowercase, apostrophes dropped, hyphens and spaces folded, `-i-` and `-e-` read alike. */
const normalized = new Map<string, string>()

export function normalizePlaceName(name: string): string {
  const known = normalized.get(name)
  if (known !== undefined) return known
  const key = normalizeName(name)
  if (normalized.size > 50000) normalized.clear()
  normalized.set(name, key)
  return key
}

function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'‘]/g, '')
    .replace(/[-‐–\s]+/g, ' ')
    .replace(/\b[ie]\b/g, 'e')
    .trim()
}

function buildIndex(): Map<string, GazetteerEntry[]> {
  const index = new Map<string, GazetteerEntry[]>()
  const add = (name: string, entry: GazetteerEntry) => {
    const key = normalizePlaceName(name)
    const list = index.get(key) ?? []
    if (
      !list.some(
        (e) =>
          e.admin1 === entry.admin1 && e.admin2 === entry.admin2 && e.country === entry.country,
      )
    )
      list.push(entry)
    index.set(key, list)
  }
  for (const province of AFGHANISTAN_PROVINCES) {
    const base = { admin1: province.name, code: province.code, country: 'Afghanistan' }
    for (const name of [province.name, ...(province.variants ?? [])]) {
      add(name, { ...base, admin2: '', kind: 'province' })
    }
    for (const district of province.districts) {
      if (normalizePlaceName(district) === normalizePlaceName(province.name)) continue
      const kind = district === province.capital ? 'city' : 'district'
      add(district, { ...base, admin2: district, kind })
    }
  }
  for (const name of KABUL_NEIGHBOURHOODS) {
    add(name, {
      admin1: 'Kabul',
      admin2: '',
      code: 'KAB',
      kind: 'neighbourhood',
      country: 'Afghanistan',
    })
  }
  // A curated city outranks a subdivision of the same name (Colombo the city, not the district);
  // a name that is already an Afghan place stays Afghan only.
  const afghan = new Set(index.keys())
  const cities = new Set<string>()
  for (const city of WORLD_CITIES) {
    const key = normalizePlaceName(city.name)
    if (afghan.has(key)) continue
    cities.add(key)
    add(city.name, {
      admin1: city.admin1,
      admin2: '',
      code: '',
      kind: 'city',
      country: city.country,
    })
  }
  for (const unit of WORLD_SUBDIVISIONS) {
    for (const name of [unit.name, ...unit.variants]) {
      const key = normalizePlaceName(name)
      if (afghan.has(key) || cities.has(key) || name.length < 4) continue
      add(name, {
        admin1: unit.name,
        admin2: '',
        code: '',
        kind: 'province',
        country: unit.country,
      })
    }
  }
  return index
}

let gazetteerIndex: Map<string, GazetteerEntry[]> | null = null
let countryIndex: Map<string, string> | null = null
let demonymIndex: Map<string, string> | null = null
let capitals: Map<string, string> | null = null

function countryNames(): Map<string, string> {
  if (countryIndex) return countryIndex
  countryIndex = new Map()
  for (const c of WORLD_COUNTRIES) {
    for (const name of [c.name, ...c.names]) countryIndex.set(normalizePlaceName(name), c.name)
  }
  return countryIndex
}

function demonyms(): Map<string, string> {
  if (demonymIndex) return demonymIndex
  demonymIndex = new Map()
  for (const c of WORLD_COUNTRIES) {
    for (const d of c.demonyms)
      if (!demonymIndex.has(d.toLowerCase())) demonymIndex.set(d.toLowerCase(), c.name)
  }
  return demonymIndex
}

/** The capital city of a country, by the country's name ('' when not known). */
export function capitalOf(country: string): string {
  capitals ??= new Map(WORLD_COUNTRIES.map((c) => [c.name, c.capital]))
  return capitals.get(country) ?? ''
}

/** The country a name or a demonym stands for ('' when neither). */
export function countryOf(words: string): string {
  return countryNames().get(normalizePlaceName(words)) ?? demonyms().get(words.toLowerCase()) ?? ''
}

// Words after a demonym that make it no country of an incident: `Indian Ocean`, `Arabian Sea`.
const NOT_A_COUNTRY_AFTER =
  /^(?:ocean|sea|gulf|peninsula|subcontinent|desert|language|origin|descent|national|nationals|citizens?)$/

/** The gazetteer readings of a name, or an empty list. */
export function lookUpPlace(name: string): GazetteerEntry[] {
  gazetteerIndex ??= buildIndex()
  return gazetteerIndex.get(normalizePlaceName(name)) ?? []
}

// `Bir al-Abed`, `el-Arish`: an Arabic article before a capital counts as a capitalized word.
const isCapitalized = (token: Token | undefined) =>
  token !== undefined && /^(?:[A-Z]|(?:al|el|ad|an|ar|as|ash|at|az)-[A-Z])/.test(token.text)

/** Compass words before a country that make a part of it (`northern Iraq`). */
const REGION_WORDS =
  /^(?:north|south|east|west|northern|southern|eastern|western|central|north-?(?:east|west)(?:ern)?|south-?(?:east|west)(?:ern)?)$/

// `northern Sinai`, `south Sinai`: a compass word before a name, read as the name's direction.
const COMPASS: Record<string, string> = {
  north: 'North',
  northern: 'North',
  south: 'South',
  southern: 'South',
}

// Every gazetteer place and country named in `tokens`, longest name first at each position.
export function findPlaces(tokens: readonly Token[]): PlaceMention[] {
  const found: PlaceMention[] = []
  for (let i = 0; i < tokens.length; i++) {
    const compass = COMPASS[tokens[i]?.lower ?? '']
    const named = tokens[i + 1]
    if (compass && named && isCapitalized(named)) {
      const entries = lookUpPlace(`${compass} ${named.text}`)
      if (entries.length > 0) {
        found.push({
          name: `${compass} ${named.text}`,
          start: (tokens[i] as Token).start,
          end: named.end,
          entries,
          country: '',
        })
        i++
        continue
      }
    }
    if (!isCapitalized(tokens[i])) continue
    for (let n = Math.min(4, tokens.length - i); n >= 1; n--) {
      const words = tokens.slice(i, i + n)
      if (!isCapitalized(words[n - 1])) continue
      // `Somalia's capital`, `Mogadishu's Hamar Weyne district`: the name without its 's.
      const name = words
        .map((t) => t.text)
        .join(' ')
        .replace(/['’]s$/, '')
      const possessive = name.length < (words[n - 1] as Token).end - (words[0] as Token).start
      const entries = lookUpPlace(name)
      const next = tokens[i + n]
      const hyphenated =
        next !== undefined && next.text === '-' && next.start === (words[n - 1] as Token).end
      let country = countryNames().get(normalizePlaceName(name)) ?? ''
      // `U.S. officials`, `US drone strike`, `UK troops`: an abbreviation is an adjective.
      let byDemonym = country !== '' && /^(?:[A-Z]\.){2,}$|^[A-Z]{2,3}$/.test(name)
      if (!country && n <= 2) {
        const demonym = demonyms().get(name.toLowerCase()) ?? ''
        if (demonym && !hyphenated && !NOT_A_COUNTRY_AFTER.test(next?.lower ?? '')) {
          country = demonym
          byDemonym = true
        }
      }
      // `WASHINGTON (Wire) -`, `ISLAMABAD —`: a dateline says where the report was filed.
      const capsAtStart = i === 0 && name.length > 2 && name === name.toUpperCase()
      const dateline =
        !country &&
        i === 0 &&
        ((capsAtStart && ['(', '-', '—', '–', ','].includes(next?.text ?? '')) ||
          ['—', '–'].includes(next?.text ?? ''))
      if (entries.length === 0 && !country) continue
      const first = words[0] as Token
      const last = words[n - 1] as Token
      // `the Afghan capital`, `Somalia's capital`: the country's capital city.
      const after = next
      if (country && entries.length === 0 && after?.lower === 'capital') {
        const capital = lookUpPlace(capitalOf(country))
        if (capital.length > 0) {
          found.push({
            name: capitalOf(country),
            start: first.start,
            end: after.end,
            entries: capital,
            country,
          })
          i += n - 1
          break
        }
      }
      // `a Damascus suburb`: the suburb may lie in another unit than the city.
      if (['suburb', 'suburbs', 'outskirts', 'countryside'].includes(next?.lower ?? '')) {
        i += n - 1
        break
      }
      const unit = possessive ? '' : next?.lower
      // `Achin district`, `Kunduz province`: the word after the name picks the reading.
      const picked =
        unit === 'province'
          ? entries.filter((e) => e.kind === 'province')
          : unit === 'district' || unit === 'city'
            ? entries.filter((e) => e.kind !== 'province')
            : entries
      const region =
        country !== '' &&
        entries.length === 0 &&
        REGION_WORDS.test(tokens[i - 1]?.lower ?? '') &&
        !byDemonym
      found.push({
        name,
        start: first.start,
        end: last.end,
        entries: picked.length > 0 ? picked : entries,
        country,
        demonym: byDemonym,
        dateline,
        region,
      })
      i += n - 1
      break
    }
  }
  return found
}

/** A place resolved to the codebook's columns. */
export interface ResolvedPlace {
  country: string
  admin1: string
  admin2: string
  /** The place's words as written, most precise first. */
  names: string[]
  /** The country came only from a demonym (`Pakistani officials said`). */
  weakCountry?: boolean
  /** The sentence names a part of a country (`In northern Iraq, ...`). */
  region?: boolean
}

// Resolves the places of one sentence to country/admin1/admin2: a district or city inside a
// province also named wins over the province; a name found in several provinces gives no province
// unless another place of the sentence picks one.
export function resolvePlaces(
  mentions: readonly PlaceMention[],
  documentCountry = '',
): ResolvedPlace {
  // A name found in several countries keeps the readings of a country the sentence names, or
  // else of the text's main country; a place of another country than those is dropped when the
  // sentence names a country (`in West Africa's Sahel region` in a report on Mali).
  const named = mentions
    .filter((p) => p.country && p.entries.length === 0 && !p.demonym)
    .map((p) => p.country)
  const adjectives = mentions.filter((p) => p.demonym).map((p) => p.country)
  // The countries a place may be in: those the sentence names (by name or demonym), and the
  // text's main country; a place elsewhere is dropped unless the text has no main country.
  const wanted = new Set([
    ...mentions.map((p) => p.country).filter(Boolean),
    ...(documentCountry ? [documentCountry] : []),
  ])
  const bodyUnits = new Set(
    mentions.filter((p) => !p.dateline).flatMap((p) => p.entries.map((e) => e.admin1)),
  )
  const places = mentions.map((p) => {
    if (p.dateline) {
      const cities = p.entries.filter((e) => e.kind !== 'province' || e.code !== '')
      p = {
        ...p,
        entries: bodyUnits.size > 0 ? cities.filter((e) => bodyUnits.has(e.admin1)) : cities,
      }
    }
    if (p.entries.length === 0 || wanted.size === 0) return p
    const inWanted = p.entries.filter((e) => wanted.has(e.country))
    return { ...p, entries: inWanted }
  })
  const afghan = places.filter((p) => p.entries.length > 0)
  const provinces = new Set(
    afghan
      .filter((p) => p.entries.length === 1)
      .map((p) => (p.entries[0] as GazetteerEntry).admin1),
  )
  let admin1 = ''
  let admin2 = ''
  const names: string[] = []
  const ranked = [...afghan].sort((a, b) => rank(b) - rank(a))
  for (const place of ranked) {
    const candidates =
      place.entries.length === 1
        ? place.entries
        : place.entries.filter((e) => provinces.has(e.admin1))
    const entry = candidates.length === 1 ? candidates[0] : undefined
    names.push(place.name)
    if (!entry) continue
    if (!admin1) admin1 = entry.admin1
    if (entry.admin1 === admin1 && !admin2 && entry.admin2 && entry.kind !== 'neighbourhood') {
      admin2 = entry.admin2
    }
  }
  const entryCountry = ranked
    .flatMap((p) => (p.entries.length === 1 ? p.entries : []))
    .find((e) => e.admin1 === admin1)?.country
  const country =
    (admin1 ? entryCountry : '') ||
    named[0] ||
    (afghan.length === 0 ? adjectives[0] : '') ||
    (afghan.length > 0 && afghan.every((p) => p.entries.every((e) => e.country === 'Afghanistan'))
      ? 'Afghanistan'
      : '')
  const weakCountry = country !== '' && !admin1 && !named.includes(country)
  const region = mentions.some((p) => p.region)
  return { country, admin1, admin2, names, weakCountry, region }
}

function rank(place: PlaceMention): number {
  const kind = place.entries[0]?.kind
  return kind === 'neighbourhood' ? 3 : kind === 'district' || kind === 'city' ? 2 : 1
}

/** The site the sentence names: `at a Shia mosque in Kunduz` -> `Shia mosque in Kunduz`. */
export function findSite(sentence: string): string {
  const site =
    /\b(?:at|outside|near|inside|on(?=\s+(?:an?|the)\s))\s+(?!least\b|most\b)(?:an?\s+|the\s+)?((?:[\w’'‐-]+\s+){0,9}?[\w’'‐-]+?)(?=\s+(?:during|on|killing|killed|wounding|injuring|wounded|injured|resulting|later|earlier|when|as|after|which|who|while|that|on|in\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|\d{4}))\b|\s*[,;.:]|$)/.exec(
      sentence,
    )
  return site?.[1] ?? ''
}

/** The place's words for `location`: a name as the sentence writes it, not a dateline's capitals. */
export function pickPlaceName(place: ResolvedPlace): string {
  return place.names.find((name) => name !== name.toUpperCase()) ?? place.names[0] ?? ''
}

/** The country a text mentions most (its default for places it does not name). */
export function findDominantCountry(text: string): string {
  const counts = new Map<string, number>()
  const count = (country: string, weight: number) =>
    counts.set(country, (counts.get(country) ?? 0) + weight)
  const words = /\b[A-Z][\w'’-]*(?:[ ][A-Z][\w'’-]*){0,3}/g
  for (let m = words.exec(text); m; m = words.exec(text)) {
    // Longest name first: `Islamic Republic of Pakistan`, `Dera Ismail Khan`, then `Pakistani`.
    const parts = m[0].split(' ')
    for (let n = parts.length; n >= 1; n--) {
      const name = parts
        .slice(0, n)
        .join(' ')
        .replace(/['’]s$/, '')
      const country = countryNames().get(normalizePlaceName(name))
      if (country) {
        count(country, 1)
        break
      }
      const places = new Set(lookUpPlace(name).map((e) => e.country))
      if (places.size === 1) {
        count([...places][0] as string, 1)
        break
      }
      const demonym = n <= 2 ? demonyms().get(name.toLowerCase()) : undefined
      if (demonym) {
        count(demonym, 0.5)
        break
      }
    }
  }
  let best = ''
  let bestCount = 0
  for (const [country, n] of counts) {
    if (n > bestCount) {
      best = country
      bestCount = n
    }
  }
  if (!best && /\b(?:Kabul|Taliban)\b/.test(text)) return 'Afghanistan'
  return best
}
