// Builds src/core/extract/world.ts, the world gazetteer of the extraction assistant: every
// country's common name, other names and demonyms (world-countries, ODbL 1.0) and its first-level
// subdivisions (iso-3166-2, MIT, from ISO 3166-2), with the English names news reports use for
// them, and the cities of conflict reporting with their first-level unit (our own list).
// Run: node scripts/build-world-gazetteer.mjs (devDependencies world-countries and iso-3166-2).

import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const countries = require('world-countries/countries.json')
const iso = require('iso-3166-2')

const plain = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ʻ‘’`]/g, "'")

// English names news reports use for subdivisions whose ISO name is a transliteration.
const ENGLISH = {
  'PK-KP': [
    'Khyber Pakhtunkhwa',
    'Khyber-Pakhtunkhwa',
    'North-West Frontier Province',
    'Northwest Frontier Province',
  ],
  'PK-PB': ['Punjab'],
  'PK-BA': ['Balochistan', 'Baluchistan', 'Baluchestan'],
  'PK-TA': ['Federally Administered Tribal Areas', 'FATA'],
  'PK-IS': ['Islamabad'],
  'IQ-BG': ['Baghdad'],
  'IQ-AN': ['Anbar', 'Al Anbar'],
  'IQ-SD': ['Salah ad-Din', 'Salahuddin', 'Salaheddin'],
  'IQ-NI': ['Nineveh', 'Ninewa', 'Nineva'],
  'IQ-DI': ['Diyala'],
  'IQ-BB': ['Babil', 'Babylon'],
  'IQ-AR': ['Erbil', 'Irbil', 'Arbil'],
  'IQ-SU': ['Sulaymaniyah', 'Sulaimaniya'],
  'IQ-BA': ['Basra'],
  'IQ-KA': ['Karbala'],
  'IQ-NA': ['Najaf'],
  'IQ-WA': ['Wasit'],
  'IQ-QA': ['Qadisiyah'],
  'IQ-DQ': ['Dhi Qar'],
  'IQ-MA': ['Maysan'],
  'IQ-MU': ['Muthanna'],
  'IQ-DA': ['Duhok', 'Dohuk'],
  'IQ-KI': ['Kirkuk'],
  'SY-HL': ['Aleppo'],
  'SY-DI': ['Damascus'],
  'SY-RD': ['Rif Dimashq', 'Damascus countryside', 'Rural Damascus'],
  'SY-HI': ['Homs'],
  'SY-HM': ['Hama'],
  'SY-ID': ['Idlib'],
  'SY-RA': ['Raqqa', 'Ar-Raqqa'],
  'SY-DY': ['Deir ez-Zor', 'Deir el-Zour', 'Deir al-Zour'],
  'SY-HA': ['Hasakah', 'Al-Hasakah', 'Hasaka'],
  'SY-DR': ['Daraa', 'Deraa'],
  'SY-LA': ['Latakia'],
  'SY-TA': ['Tartus'],
  'SY-SU': ['Suwayda', 'Sweida'],
  'SY-QU': ['Quneitra'],
  'EG-SIN': ['North Sinai'],
  'EG-JS': ['South Sinai'],
  'EG-IS': ['Ismailia'],
  'EG-C': ['Cairo'],
  'EG-GZ': ['Giza'],
  'EG-ALX': ['Alexandria'],
  'EG-MN': ['Minya'],
  'EG-GH': ['Gharbia'],
  'EG-LX': ['Luxor'],
  'EG-ASN': ['Aswan'],
  'EG-SUZ': ['Suez'],
  'YE-SD': ['Saada', "Sa'ada", "Sa'dah"],
  'YE-HD': ['Hadramout', 'Hadramawt', 'Hadhramaut'],
  'YE-AD': ['Aden'],
  'YE-SA': ["Sana'a", 'Sanaa'],
  'YE-TA': ['Taiz'],
  'YE-HU': ['Hodeidah', 'Hudaydah'],
  'YE-MA': ['Marib'],
  'YE-AB': ['Abyan'],
  'YE-SH': ['Shabwa', 'Shabwah'],
  'YE-BA': ['Bayda', 'Al Bayda'],
  'YE-DA': ['Dhale', "Dhale'", 'Dhalea'],
  'YE-LA': ['Lahij', 'Lahj'],
  'SO-BN': ['Banaadir', 'Banadir', 'Benadir'],
  'SO-JD': ['Middle Juba'],
  'SO-JH': ['Lower Juba'],
  'SO-SH': ['Lower Shabelle'],
  'SO-SD': ['Middle Shabelle'],
  'SO-HI': ['Hiran', 'Hiiraan'],
  'SO-GE': ['Gedo'],
  'SO-MU': ['Mudug'],
  'SO-GA': ['Galgaduud', 'Galguduud'],
  'SO-BR': ['Bari'],
  'SO-BK': ['Bakool'],
  'ML-6': ['Timbuktu', 'Tombouctou'],
  'ML-8': ['Kidal'],
  'ML-7': ['Gao'],
  'ML-5': ['Mopti'],
  'BF-12': ['Sahel'],
  'BF-08': ['Est'],
  'BF-03': ['Centre'],
  'BF-05': ['Centre-Nord'],
  'BF-10': ['Nord'],
  'BF-01': ['Boucle du Mouhoun'],
  'BF-09': ['Hauts-Bassins'],
  'BF-04': ['Centre-Est'],
  'BF-06': ['Centre-Ouest'],
  'BF-07': ['Centre-Sud'],
  'BF-02': ['Cascades'],
  'BF-11': ['Plateau-Central'],
  'BF-13': ['Sud-Ouest'],
  'NG-FC': ['Federal Capital Territory', 'Abuja'],
  'LK-1': ['Western Province'],
  'LK-5': ['Eastern Province'],
  'LK-4': ['Northern Province'],
  'LK-2': ['Central Province'],
  'LK-3': ['Southern Province'],
  'IN-JK': ['Jammu and Kashmir', 'Jammu & Kashmir', 'Kashmir'],
  'CN-65': ['Xinjiang'],
  'CN-54': ['Tibet', 'Xizang'],
  'TR-21': ['Diyarbakir'],
  'TR-63': ['Sanliurfa', 'Urfa'],
}

// A country's first-level units: the ISO type with the fewest members when it has several kinds
// (Burkina Faso's regions, not its provinces; Sri Lanka's provinces, not its districts), plus its
// capital district or territory.
const CAPITAL_TYPES = /capital|federal|municipality|^district$/i
function firstLevel(code) {
  const data = iso.country(code)
  if (!data) return []
  const subs = Object.entries(data.sub)
  const byType = new Map()
  for (const [id, sub] of subs) {
    if (!byType.has(sub.type)) byType.set(sub.type, [])
    byType.get(sub.type).push([id, sub])
  }
  const main = [...byType.entries()]
    .filter(([type, list]) => !CAPITAL_TYPES.test(type) || byType.size === 1 || list.length > 3)
    .sort((a, b) => a[1].length - b[1].length)
  const kept = main.length > 0 ? [main[0]] : []
  // Large federations list one kind only; keep every kind of at least 5 members there.
  if (['US', 'IN', 'NG', 'CN', 'ML', 'YE', 'PK'].includes(code)) kept.push(...main.slice(1))
  const capitals = [...byType.entries()].filter(([type]) => CAPITAL_TYPES.test(type))
  return [...kept, ...capitals].flatMap(([, list]) => list)
}

// Names too common as words to stand for a place on their own.
const COMMON = new Set(
  'north south east west central centre center est nord sud ouest capital eastern western northern southern bay plateau rivers delta niger lakes coast upper lower middle island islands river valley'.split(
    ' ',
  ),
)

// Cities of conflict reporting and the first-level unit they lie in (country ISO alpha-2).
const CITIES = {
  PK: {
    'Khyber Pakhtunkhwa': [
      'Peshawar',
      'Mardan',
      'Kohat',
      'Bannu',
      'Dera Ismail Khan',
      'Swat',
      'Mingora',
      'Charsadda',
      'Nowshera',
      'Wana',
      'Miranshah',
      'Parachinar',
      'Usterzai',
      'Hangu',
      'Khyber',
      'Bajaur',
      'Mohmand',
      'North Waziristan',
      'South Waziristan',
      'Orakzai',
      'Kurram',
      'Lakki Marwat',
      'Tank',
      'Chitral',
      'Abbottabad',
    ],
    Balochistan: [
      'Quetta',
      'Mastung',
      'Gwadar',
      'Turbat',
      'Khuzdar',
      'Sibi',
      'Chaman',
      'Zhob',
      'Loralai',
      'Kalat',
      'Noshki',
    ],
    Punjab: [
      'Lahore',
      'Rawalpindi',
      'Faisalabad',
      'Multan',
      'Gujranwala',
      'Sialkot',
      'Bahawalpur',
      'Sargodha',
      'Dera Ghazi Khan',
    ],
    Sindh: ['Karachi', 'Hyderabad', 'Sukkur', 'Larkana', 'Shikarpur', 'Jacobabad'],
    Islamabad: ['Islamabad'],
  },
  IQ: {
    Baghdad: [
      'Baghdad',
      'Sadr City',
      'Kadhimiya',
      'Kazimiyah',
      'Abu Dsheer',
      'Abu Dshir',
      'Dora',
      'Karrada',
      'Adhamiya',
      'Mansour',
      'Abu Ghraib',
      'Taji',
    ],
    Nineveh: ['Mosul', 'Tal Afar', 'Sinjar'],
    Kirkuk: ['Kirkuk', 'Hawija'],
    'Salah ad-Din': ['Tikrit', 'Baiji', 'Samarra', 'Tuz Khurmato', 'Balad', 'Tuz'],
    Anbar: ['Fallujah', 'Fallujah', 'Ramadi', 'Haditha', 'Hit', 'Qaim'],
    Diyala: ['Baquba', 'Baqubah', 'Muqdadiya', 'Khalis', 'Balad Ruz'],
    Basra: ['Basra', 'Basrah'],
    Karbala: ['Karbala', 'Kerbala'],
    Najaf: ['Najaf', 'Kufa'],
    Babil: ['Hillah', 'Hilla', 'Iskandariya', 'Iskandariyah', 'Mahmudiya', 'Musayyib'],
    Erbil: ['Erbil', 'Irbil', 'Arbil'],
    Sulaymaniyah: ['Sulaymaniyah', 'Sulaimaniya'],
    Wasit: ['Kut'],
    'Dhi Qar': ['Nasiriyah', 'Nasiriya'],
  },
  SY: {
    Aleppo: ['Aleppo', 'Manbij', 'Azaz', 'al-Bab', 'Afrin'],
    Damascus: ['Damascus'],
    'Rif Dimashq': [
      'Sayyida Zeinab',
      'Sayyida Zaynab',
      'Douma',
      'Jaramana',
      'Ghouta',
      'Eastern Ghouta',
      'Hamoria',
      'Zabadani',
      'Darayya',
    ],
    Homs: ['Homs', 'Palmyra', 'Tadmur'],
    Hama: ['Hama'],
    Idlib: ['Idlib', 'Khan Sheikhoun', 'Maarat al-Numan'],
    Raqqa: ['Raqqa'],
    'Deir ez-Zor': ['Deir ez-Zor', 'Deir el-Zour', 'Albu Kamal', 'Mayadin'],
    Hasakah: ['Qamishli', 'Hasakah', 'Hasaka'],
    Daraa: ['Daraa', 'Deraa'],
    Latakia: ['Latakia'],
    Tartus: ['Tartus'],
  },
  SO: {
    Banaadir: ['Mogadishu', 'Wadajir', 'Hamar Weyne', 'Hamarweyne', 'Hodan', 'Dayniile', 'Karaan'],
    'Lower Juba': ['Kismayo', 'Kismaayo'],
    'Middle Juba': ['Jilib', "Bu'aale"],
    Bay: ['Baidoa'],
    Hiran: ['Beledweyne', 'Beletweyne', 'Bulo Burte'],
    Gedo: ['Garbaharey', 'Bardhere', 'Beled Hawo', 'Luuq'],
    'Lower Shabelle': ['Afgoye', 'Marka', 'Merca', 'Barawe', 'Kunya Barrow', 'Wanlaweyn'],
    'Middle Shabelle': ['Jowhar', 'Balcad'],
    Bari: ['Bosaso', 'Bossaso'],
    Mudug: ['Galkayo', 'Galkacyo'],
    Galgaduud: ['Dhusamareb', 'Guriel'],
  },
  NG: {
    Borno: [
      'Maiduguri',
      'Gwoza',
      'Konduga',
      'Bama',
      'Chibok',
      'Damboa',
      'Monguno',
      'Baga',
      'Dikwa',
      'Ngala',
      'Mafa',
      'Kukawa',
    ],
    Yobe: ['Damaturu', 'Potiskum', 'Geidam', 'Buni Yadi'],
    Kano: ['Kano'],
    Kaduna: ['Kaduna', 'Zaria', 'Kajuru', 'Birnin Gwari', 'Zonkwa'],
    Plateau: ['Jos', 'Bokkos', 'Barkin Ladi'],
    Adamawa: ['Yola', 'Mubi', 'Madagali'],
    Gombe: ['Gombe'],
    Bauchi: ['Bauchi'],
    Benue: ['Makurdi', 'Yelwata', 'Guma'],
    Katsina: ['Katsina', 'Malumfashi', 'Faskari'],
    Zamfara: ['Gusau', 'Maradun'],
    Sokoto: ['Sokoto'],
    Lagos: ['Lagos'],
  },
  ML: {
    Bamako: ['Bamako'],
    Gao: ['Gao', 'Ansongo'],
    Timbuktu: ['Timbuktu', 'Tombouctou', 'Goundam', 'Bambara-Maoude'],
    Kidal: ['Kidal', 'Aguelhok', 'Tessalit', 'Anefis'],
    Mopti: ['Mopti', 'Sevare', 'Djenne', 'Bandiagara', 'Ogossagou'],
    Menaka: ['Menaka'],
    Segou: ['Segou'],
  },
  BF: {
    Centre: ['Ouagadougou'],
    Sahel: ['Djibo', 'Dori', 'Nassoumbou', 'Arbinda', 'Gorom-Gorom', 'Seytenga', 'Solhan'],
    Est: ["Fada N'Gourma", 'Hantoukoura', 'Diapaga', 'Matiakoali', 'Kantchari', 'Pama'],
    'Centre-Nord': ['Kaya', 'Barsalogho', 'Bourzanga'],
    Nord: ['Ouahigouya'],
    'Boucle du Mouhoun': ['Dedougou'],
    'Hauts-Bassins': ['Bobo-Dioulasso'],
  },
  NE: {
    Niamey: ['Niamey'],
    Diffa: ['Diffa', 'Bosso'],
    Tillaberi: ['Tillaberi', 'Tillabery', 'Ouallam'],
    Tahoua: ['Tahoua'],
  },
  EG: {
    'North Sinai': [
      'Rafah',
      'El Arish',
      'El-Arish',
      'Arish',
      'al-Arish',
      'Sheikh Zuweid',
      'Bir al-Abed',
      'Bir al-Abd',
    ],
    'South Sinai': ['El Tor', 'Tur', 'Sharm el-Sheikh', 'Dahab', 'Taba'],
    Ismailia: ['Ismailia'],
    Cairo: ['Cairo', 'Maadi', 'Helwan'],
    Giza: ['Giza'],
    Alexandria: ['Alexandria'],
    Minya: ['Minya'],
    Gharbia: ['Tanta'],
    Luxor: ['Luxor'],
    Aswan: ['Aswan'],
  },
  YE: {
    "Sana'a": ['Sanaa', "Sana'a"],
    Aden: ['Aden'],
    Saada: ['Saada', "Sa'ada"],
    Taiz: ['Taiz'],
    Hodeidah: ['Hodeidah', 'Hudaydah'],
    Marib: ['Marib'],
    Hadramout: ['Mukalla', 'Seiyun', 'Shibam'],
    Abyan: ['Zinjibar', 'Jaar'],
    Shabwa: ['Ataq'],
    Dhale: ['Dhalea', 'Qatabah'],
  },
  KE: {
    Nairobi: ['Nairobi', 'Westgate'],
    Mombasa: ['Mombasa'],
    Garissa: ['Garissa'],
    Mandera: ['Mandera', 'Elwak'],
    Lamu: ['Lamu', 'Mpeketoni'],
    Wajir: ['Wajir'],
  },
  IN: {
    'Jammu and Kashmir': [
      'Srinagar',
      'Pulwama',
      'Anantnag',
      'Baramulla',
      'Kupwara',
      'Shopian',
      'Uri',
      'Pahalgam',
      'Jammu',
    ],
    Maharashtra: ['Mumbai', 'Pune', 'Malegaon', 'Nashik'],
    Delhi: ['New Delhi', 'Delhi'],
    Chhattisgarh: ['Sukma', 'Dantewada', 'Bijapur'],
    Manipur: ['Imphal'],
  },
  LK: {
    'Western Province': ['Colombo', 'Negombo', 'Piliyandala', 'Kochchikade', 'Katuwapitiya'],
    'Eastern Province': ['Batticaloa', 'Ampara', 'Trincomalee', 'Sainthamaruthu', 'Kalmunai'],
    'Central Province': ['Kandy'],
    'Northern Province': ['Jaffna', 'Kilinochchi', 'Mullaitivu', 'Vavuniya'],
  },
  US: {
    California: [
      'San Diego',
      'Poway',
      'Los Angeles',
      'San Francisco',
      'San Bernardino',
      'San Jose',
    ],
    Pennsylvania: ['Pittsburgh', 'Philadelphia'],
    Massachusetts: ['Boston'],
    'New York': ['New York City', 'Manhattan', 'Brooklyn'],
    Nevada: ['Las Vegas'],
    Florida: ['Orlando', 'Parkland', 'Miami'],
    Texas: ['El Paso', 'Dallas', 'Houston', 'Uvalde'],
  },
  CN: { Xinjiang: ['Kashgar', 'Urumqi', 'Hotan'] },
  TR: {
    Istanbul: ['Istanbul'],
    Ankara: ['Ankara'],
    Diyarbakir: ['Diyarbakir'],
    Gaziantep: ['Gaziantep'],
    Sanliurfa: ['Suruc'],
  },
  LY: { Tripoli: ['Tripoli'], Benghazi: ['Benghazi'] },
  PH: { 'Lanao del Sur': ['Marawi'], Sulu: ['Jolo'], Basilan: ['Sumisip', 'Isabela City'] },
  IR: { Tehran: ['Tehran'], 'Sistan and Baluchestan': ['Zahedan', 'Chabahar'], Kerman: ['Kerman'] },
  IL: { Jerusalem: ['Jerusalem'], 'Tel Aviv': ['Tel Aviv'] },
  LB: { Beirut: ['Beirut'] },
  BD: { Dhaka: ['Dhaka'] },
  CM: { 'Far North': ['Kolofata', 'Mora', 'Fotokol'] },
  TD: { "N'Djamena": ["N'Djamena"] },
  MZ: { 'Cabo Delgado': ['Palma', 'Mocimboa da Praia'] },
  CD: { 'North Kivu': ['Beni', 'Goma', 'Butembo'], Ituri: ['Bunia', 'Djugu'] },
}

const out = { countries: [], subdivisions: [], cities: [] }
for (const c of countries) {
  if (!c.independent && !['PS', 'EH', 'XK', 'TW'].includes(c.cca2)) continue
  const names = new Set([c.name.common, plain(c.name.common)])
  for (const alt of c.altSpellings) {
    if (
      alt.length >= 4 &&
      /^[A-Z]/.test(alt) &&
      !/[\u0080-\uffff]/.test(alt) &&
      !/^(?:Republic|Kingdom|State|Commonwealth|Federation|Islamic Republic|People's Republic|Democratic Republic) of/i.test(
        alt,
      ) === false
    )
      names.add(alt)
    else if (
      alt.length >= 4 &&
      /^[A-Z][a-z]/.test(alt) &&
      !/[\u0080-\uffff]/.test(alt) &&
      !/\bof\b/.test(alt)
    )
      names.add(alt)
  }
  if (c.cca2 === 'US') for (const n of ['United States', 'U.S.', 'USA', 'America']) names.add(n)
  if (c.cca2 === 'GB') for (const n of ['Britain', 'United Kingdom', 'UK', 'U.K.']) names.add(n)
  if (c.cca2 === 'CD') names.add('Democratic Republic of Congo')
  const demonyms = new Set()
  for (const d of Object.values(c.demonyms?.eng ?? {})) if (d && d.length >= 4) demonyms.add(d)
  if (c.cca2 === 'US') demonyms.add('American')
  if (c.cca2 === 'AF') demonyms.add('Afghan')
  if (c.cca2 === 'GB') demonyms.add('British')
  out.countries.push({
    name: c.name.common,
    code: c.cca2,
    names: [...names].filter((n) => n !== c.name.common),
    demonyms: [...demonyms],
    capital: c.capital?.[0] ? plain(c.capital[0]) : '',
  })
  if (c.cca2 === 'AF') continue
  for (const [id, sub] of firstLevel(c.cca2)) {
    const english = ENGLISH[id]
    const iso = plain(sub.name)
    // A name in Latin-1 letters (São Paulo) is kept as written; a transliteration with other
    // marks (Khaībar Pakhtūnkhwā) is written without them.
    const native = /^[\u0000-\u00ff]*$/.test(sub.name) ? sub.name : iso
    const name = english?.[0] ?? native
    const variants = new Set([...(english ?? []), iso, native].filter((n) => n !== name))
    if (COMMON.has(name.toLowerCase()) && !english) continue
    out.subdivisions.push({ country: c.name.common, name, variants: [...variants] })
  }
}
for (const [code, units] of Object.entries(CITIES)) {
  const country = countries.find((c) => c.cca2 === code).name.common
  for (const [admin1, cities] of Object.entries(units)) {
    if (!out.subdivisions.some((s) => s.country === country && s.name === admin1))
      out.subdivisions.push({ country, name: admin1, variants: [] })
    for (const city of new Set(cities)) out.cities.push({ name: city, admin1, country })
  }
}

const header = `// The world gazetteer of the extraction assistant, generated by scripts/build-world-gazetteer.mjs:
// countries with their other names and demonyms (world-countries, ODbL 1.0), their first-level
// subdivisions (iso-3166-2, MIT, after ISO 3166-2) under the English names news reports use, and
// the cities of conflict reporting with their first-level unit. Do not edit by hand.

/** A country: its common name, ISO 3166-1 alpha-2 code, other names, demonyms and capital. */
export interface WorldCountry {
  name: string
  code: string
  names: string[]
  demonyms: string[]
  capital: string
}

/** A first-level subdivision (province, state, region, governorate) and its other names. */
export interface WorldSubdivision {
  country: string
  name: string
  variants: string[]
}

/** A city and the first-level subdivision it lies in. */
export interface WorldCity {
  name: string
  admin1: string
  country: string
}
`
const body = [
  `export const WORLD_COUNTRIES: readonly WorldCountry[] = ${JSON.stringify(out.countries)}`,
  `export const WORLD_SUBDIVISIONS: readonly WorldSubdivision[] = ${JSON.stringify(out.subdivisions)}`,
  `export const WORLD_CITIES: readonly WorldCity[] = ${JSON.stringify(out.cities)}`,
].join('\n\n')
writeFileSync(new URL('../src/core/extract/world.ts', import.meta.url), `${header}\n${body}\n`)
console.log(
  out.countries.length,
  'countries,',
  out.subdivisions.length,
  'subdivisions,',
  out.cities.length,
  'cities',
)
