// Places in a sentence: the gazetteer's provinces, capitals, districts and Kabul neighbourhoods
// (admin1/admin2, codebook "Places"), and countries. A city that shares its province's name
// (Kabul, Kunduz, Kandahar) gives the province only, whichever is meant. Also the words of the
// `location` column (the site a sentence names, or the place as written) and a text's main country.

import { AFGHANISTAN_PROVINCES, COUNTRIES, KABUL_NEIGHBOURHOODS } from './gazetteer'
import type { TextSpan, Token } from './text'

/** What a gazetteer name stands for. */
export interface GazetteerEntry {
  admin1: string
  admin2: string
  /** ISO 3166-2:AF code of the province, without the `AF-`. */
  code: string
  kind: 'province' | 'city' | 'district' | 'neighbourhood'
}

/** A place named in the text. */
export interface PlaceMention extends TextSpan {
  /** The words as written. */
  name: string
  /** Gazetteer readings: one, or several when the name exists in several provinces. */
  entries: GazetteerEntry[]
  /** The country, for a country's own name. */
  country: string
}

/** Lowercase, apostrophes dropped, hyphens and spaces folded, `-i-` and `-e-` read alike. */
export function normalizePlaceName(name: string): string {
  return name
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
    if (!list.some((e) => e.admin1 === entry.admin1 && e.admin2 === entry.admin2)) list.push(entry)
    index.set(key, list)
  }
  for (const province of AFGHANISTAN_PROVINCES) {
    const base = { admin1: province.name, code: province.code }
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
    add(name, { admin1: 'Kabul', admin2: '', code: 'KAB', kind: 'neighbourhood' })
  }
  return index
}

let gazetteerIndex: Map<string, GazetteerEntry[]> | null = null
const COUNTRY_NAMES = new Map(COUNTRIES.map((name) => [normalizePlaceName(name), name]))

/** The gazetteer readings of a name, or an empty list. */
export function lookUpPlace(name: string): GazetteerEntry[] {
  gazetteerIndex ??= buildIndex()
  return gazetteerIndex.get(normalizePlaceName(name)) ?? []
}

const isCapitalized = (token: Token | undefined) => token !== undefined && /^[A-Z]/.test(token.text)

// Every gazetteer place and country named in `tokens`, longest name first at each position.
export function findPlaces(tokens: readonly Token[]): PlaceMention[] {
  const found: PlaceMention[] = []
  for (let i = 0; i < tokens.length; i++) {
    if (!isCapitalized(tokens[i])) continue
    for (let n = Math.min(4, tokens.length - i); n >= 1; n--) {
      const words = tokens.slice(i, i + n)
      if (!isCapitalized(words[n - 1])) continue
      const name = words.map((t) => t.text).join(' ')
      const entries = lookUpPlace(name)
      const country = COUNTRY_NAMES.get(normalizePlaceName(name)) ?? ''
      if (entries.length === 0 && !country) continue
      const first = words[0] as Token
      const last = words[n - 1] as Token
      const unit = tokens[i + n]?.lower
      // `Achin district`, `Kunduz province`: the word after the name picks the reading.
      const picked =
        unit === 'province'
          ? entries.filter((e) => e.kind === 'province')
          : unit === 'district' || unit === 'city'
            ? entries.filter((e) => e.kind !== 'province')
            : entries
      found.push({
        name,
        start: first.start,
        end: last.end,
        entries: picked.length > 0 ? picked : entries,
        country,
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
}

// Resolves the places of one sentence to country/admin1/admin2: a district or city inside a
// province also named wins over the province; a name found in several provinces gives no province
// unless another place of the sentence picks one.
export function resolvePlaces(places: readonly PlaceMention[]): ResolvedPlace {
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
  const named = places.find((p) => p.country)?.country ?? ''
  const country = afghan.length > 0 ? 'Afghanistan' : named
  return { country, admin1, admin2, names }
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
  let best = ''
  let bestCount = 0
  for (const country of COUNTRIES) {
    const count = text.split(country).length - 1
    if (count > bestCount) {
      best = country
      bestCount = count
    }
  }
  if (!best && /\b(?:Kabul|Taliban)\b/.test(text)) return 'Afghanistan'
  return best
}
