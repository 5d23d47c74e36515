// Matching the rows' place names to the map's boundaries. Sources spell provinces their own way
// ("Hilmand", "Nangrahar", "Kunduz province", "Sar-i-Pul"), so a name is compared in a plain form
// (no accents, case, punctuation, spaces or words like "province") and then through a list of
// alternative names per region. A name that still matches nothing is reported, never dropped.

/**
 * Alternative names of admin-1 regions, by country, by the region's name on the map. Spellings
 * from the sources the dashboard imports (GTD, ACLED, UCDP GED) and common transliterations.
 */
/** Per country, per region name on the boundaries: the other names it goes by. */
export type RegionAliases = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>

export const REGION_ALIASES: RegionAliases = {
  Afghanistan: {
    Badakhshan: ['Badakshan', 'Badakhshon'],
    Badghis: ['Badghes', 'Badgis', 'Badghis Province'],
    Baghlan: ['Baghlaan'],
    Balkh: ['Balk'],
    Bamyan: ['Bamiyan', 'Bamian'],
    Daykundi: ['Daikundi', 'Dai Kundi', 'Daykondi', 'Day Kundi'],
    Farah: ['Farrah'],
    Faryab: ['Fariab', 'Faryob'],
    Ghazni: ['Ghanzi', 'Ghazny'],
    Ghor: ['Ghowr', 'Ghur'],
    Helmand: ['Hilmand', 'Helmund', 'Hilmend'],
    Herat: ['Hirat', 'Heret'],
    Jowzjan: ['Jawzjan', 'Jozjan', 'Jouzjan', 'Juzjan'],
    Kabul: ['Kabol', 'Kaboul'],
    Kandahar: ['Qandahar', 'Kandahar Province', 'Qandehar'],
    Kapisa: ['Kapesa', 'Kapissa'],
    Khost: ['Khowst', 'Khost Province', 'Khvost'],
    Kunar: ['Konar', 'Kunar Province', 'Kunarha'],
    Kunduz: ['Kondoz', 'Qunduz', 'Kundoz', 'Konduz'],
    Laghman: ['Laghaman', 'Lagman'],
    Logar: ['Lowgar', 'Loghar'],
    Nangarhar: ['Nangrahar', 'Ningarhar', 'Nangahar', 'Nangarhaar', 'Ningrahar'],
    Nimruz: ['Nimroz', 'Nimrooz', 'Neemroz'],
    Nuristan: ['Nooristan', 'Nuristan Province'],
    Paktia: ['Paktya', 'Paktiya'],
    Paktika: ['Paktyka', 'Paktica'],
    Panjshir: ['Panjsher', 'Panjshayr', 'Panjsheer'],
    Parwan: ['Parvan', 'Perwan'],
    Samangan: ['Semangan'],
    'Sar-e Pol': ['Sar-i-Pul', 'Sari Pul', 'Sar-e-Pul', 'Sar-e Pul', 'Saripul', 'Sar-i Pul'],
    Takhar: ['Tahar', 'Takhor'],
    Uruzgan: ['Oruzgan', 'Urozgan', 'Orozgan', 'Uruzgan Province'],
    Wardak: ['Maidan Wardak', 'Maydan Wardak', 'Wardag', 'Vardak', 'Maidan Wardag'],
    Zabul: ['Zabol', 'Zabool'],
  },
}

/** `base` with the alternative names of `more` added, region by region (lists joined). */
export function joinAliases(base: RegionAliases, more: RegionAliases): RegionAliases {
  const joined: Record<string, Record<string, readonly string[]>> = { ...base }
  for (const [country, regions] of Object.entries(more)) {
    const into: Record<string, readonly string[]> = { ...(base[country] ?? {}) }
    for (const [region, names] of Object.entries(regions)) {
      into[region] = [...new Set([...(into[region] ?? []), ...names])]
    }
    joined[country] = into
  }
  return joined
}

/** Alternative names of countries, by the name on the world map. */
export const COUNTRY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'United States of America': ['United States', 'USA', 'US'],
  'United Kingdom': ['UK', 'Great Britain'],
  'Dem. Rep. Congo': [
    'Democratic Republic of the Congo',
    'Democratic Republic of Congo',
    'DR Congo',
    'Congo, DRC',
    'DRC',
    'Congo (Kinshasa)',
    'Zaire',
  ],
  Congo: [
    'Republic of the Congo',
    'Republic of Congo',
    'Congo-Brazzaville',
    'Congo (Brazzaville)',
    "People's Republic of the Congo",
  ],
  Czechia: ['Czech Republic'],
  'Timor-Leste': ['East Timor'],
  'Solomon Is.': ['Solomon Islands'],
  'Falkland Is.': ['Falkland Islands'],
  'N. Cyprus': ['Northern Cyprus'],
  Tanzania: ['United Republic of Tanzania'],
  Serbia: ['Republic of Serbia'],
  Vietnam: ['Viet Nam'],
  'Central African Rep.': ['Central African Republic'],
  'S. Sudan': ['South Sudan'],
  'Bosnia and Herz.': ['Bosnia and Herzegovina', 'Bosnia-Herzegovina'],
  Russia: ['Russian Federation'],
  Myanmar: ['Burma', 'Myanmar (Burma)'],
  "Côte d'Ivoire": ['Ivory Coast', 'Cote d’Ivoire'],
  Palestine: ['West Bank and Gaza Strip', 'Palestinian Territories', 'State of Palestine'],
  'Dominican Rep.': ['Dominican Republic'],
  'W. Sahara': ['Western Sahara'],
  'Eq. Guinea': ['Equatorial Guinea'],
  eSwatini: ['Eswatini', 'Swaziland'],
  Macedonia: ['North Macedonia'],
  Yemen: ['Yemen (North Yemen)'],
  Iran: ['Iran (Islamic Republic of)'],
  Syria: ['Syrian Arab Republic'],
}

// Words that name the kind of region rather than the region: dropped from either side.
const KIND_WORDS =
  /\b(province|provincia|provinz|wilayat|welayat|velayat|vilayet|governorate|muhafazah|state|region|oblast|prefecture)\b/g

// Plain forms already made: the map matches the same few hundred names at every filter change.
const plainForms = new Map<string, string>()
const PLAIN_FORMS_KEPT = 20_000

/** A name in the plain form names are compared in: `Kunduz province` → `kunduz`. */
export function plainName(name: string): string {
  let plain = plainForms.get(name)
  if (plain === undefined) {
    if (plainForms.size >= PLAIN_FORMS_KEPT) plainForms.clear()
    plain = makePlain(name)
    plainForms.set(name, plain)
  }
  return plain
}

function makePlain(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`ʿʾ]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(KIND_WORDS, ' ')
    .replace(/\s+/g, '')
}

/** Finds names in a list by their plain form or an alternative name. */
export class NameMatcher {
  private readonly byPlain = new Map<string, number>()

  /** `names[i]` is found as i; `aliases[name]` lists other names of `name`. */
  constructor(names: readonly string[], aliases: Readonly<Record<string, readonly string[]>> = {}) {
    names.forEach((name, index) => {
      this.byPlain.set(plainName(name), index)
    })
    names.forEach((name, index) => {
      for (const alias of aliases[name] ?? []) {
        const plain = plainName(alias)
        if (!this.byPlain.has(plain)) this.byPlain.set(plain, index)
      }
    })
  }

  /** The index of the name `name` stands for, or -1. */
  find(name: string): number {
    const plain = plainName(name)
    return plain === '' ? -1 : (this.byPlain.get(plain) ?? -1)
  }
}
