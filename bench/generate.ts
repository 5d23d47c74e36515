// Seeded synthetic files for the benchmarks: our schema (long quoted source_quote, about a tenth of
// the other fields quoted with commas, doubled quotes and newlines) and a GTD-shaped file. The same
// seed always gives the same bytes, so every run measures the same data. Written in 1 MB pieces,
// never as one string.

import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { SCHEMA_COLUMNS } from '../src/core/schema'
import afghanProvinces from '../src/boundaries/names/regions-of-Afghanistan.json'

/** mulberry32: small, fast, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS = (
  'the a attack on near village district market convoy checkpoint police station school mosque ' +
  'killed wounded people civilians soldiers officials said according to reports local sources ' +
  'explosion gunmen fired rockets early morning late night during prayers outside inside border ' +
  'province capital road bridge residents witnesses hospital spokesman claimed responsibility ' +
  'group militants security forces at least dozens several including women children Kabul ' +
  'Mosul Aleppo Maiduguri Mogadishu Sanaa déjà-vu naïve São Tomé – — ‘quoted’'
).split(' ')

const TARGET_GROUPS = [
  'civilians',
  'police',
  'military',
  'government officials',
  'religious figures',
  'journalists',
  'aid workers',
  'students',
]
const TARGET_TYPES = [
  'Private Citizens & Property',
  'Police',
  'Military',
  'Government (General)',
  'Religious Figures/Institutions',
  'Journalists & Media',
  'NGO',
  'Educational Institution',
]
const ATTACK_TYPES = [
  'bombing',
  'suicide bombing',
  'armed assault',
  'rocket attack',
  'kidnapping',
  'assassination',
  'arson',
  'Unknown',
]

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)] as T
}

function sentence(random: () => number, words: number): string {
  const out: string[] = []
  for (let i = 0; i < words; i++) out.push(pick(random, WORDS))
  return out.join(' ')
}

function quoted(value: string): string {
  return `"${value.replace(/"/g, '""')}"`
}

/** A field that is quoted about one time in ten, then holding a comma, a "" and sometimes a newline. */
function sometimesQuoted(random: () => number, value: string): string {
  if (random() >= 0.1) return value
  const extra = random() < 0.5 ? `, "${pick(random, WORDS)}"` : `,\n${pick(random, WORDS)}`
  return quoted(value + extra)
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0')
}

function places(random: () => number, count: number, prefix: string): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix} ${pick(random, WORDS)} ${i}`)
}

interface Writer {
  write(text: string): void
  close(): void
}

function openWriter(path: string): Writer {
  const fd = openSync(path, 'w')
  let pending: string[] = []
  let size = 0
  const flush = () => {
    writeSync(fd, pending.join(''))
    pending = []
    size = 0
  }
  return {
    write(text) {
      pending.push(text)
      size += text.length
      if (size > 1 << 20) flush()
    },
    close() {
      flush()
      closeSync(fd)
    },
  }
}

// The map's file (`--map`): Afghanistan's provinces as the map knows them, one row in 50 spelt
// another way and one in 200 a province no map knows, and coordinates in the country with UCDP's
// precision codes (a third at the exact spot).
const MAP_PROVINCES = [...afghanProvinces, 'Hilmand', 'Nangrahar', 'Sar-i-Pul', 'Kunduz province']
const MAP_EXTRA_COLUMNS = ['latitude', 'longitude', 'where_prec']

function mapFields(random: () => number): string[] {
  const latitude = (29.5 + random() * 8.8).toFixed(4)
  const longitude = (61 + random() * 10).toFixed(4)
  const precision = random() < 0.34 ? 1 : 2 + Math.floor(random() * 5)
  return [latitude, longitude, String(precision)]
}

function mapProvince(random: () => number): string {
  const which = random()
  if (which < 0.005) return `Unknown province ${Math.floor(random() * 5)}`
  if (which < 0.025) return pick(random, MAP_PROVINCES.slice(-4))
  return pick(random, MAP_PROVINCES.slice(0, -4))
}

/**
 * Our schema's rows; `map` adds Afghanistan's provinces with coordinates, `reports` makes one row
 * in ten a later report of the row before (reconciled by the view, never added).
 */
function writeOurSchema(
  path: string,
  rows: number,
  seed: number,
  map = false,
  reports = true,
): void {
  const random = seededRandom(seed)
  const countries = places(random, 20, 'Country')
  const admin1 = places(random, 200, 'Province')
  const admin2 = places(random, 1000, 'District')
  const locations = places(random, 5000, 'Site')
  const perpetrators = places(random, 40, 'Group')
  const out = openWriter(path)
  out.write(`${[...SCHEMA_COLUMNS, ...(map ? MAP_EXTRA_COLUMNS : [])].join(',')}\n`)
  let incident = 0
  /** The target groups the current incident's rows have hit. */
  const hit = new Set<number>()
  let last: string[] = []
  for (let row = 0; row < rows; row++) {
    // With `reports`, one row in ten is a later report of the row before: the same incident, date and target
    // group from another source, with a revised figure (reconciled, never added, by the view).
    if (reports && row > 0 && random() < 0.1) {
      const before = Number(last[10] || '0')
      const revised = before + Math.floor(random() * 8)
      const open = random() < 0.3
      const report = [...last]
      report[10] = String(revised)
      report[11] = open ? '' : String(revised)
      report[14] = open ? `more than ${revised}` : `${revised} killed`
      report[16] = `src-${pad(Math.floor(random() * 20000), 5)}`
      out.write(`${report.join(',')}\n`)
      continue
    }
    // One incident in three hits several target groups: its rows share its id, never with the same
    // group (rows of one incident and group are reports of one figure, reconciled, not added).
    const continues = row > 0 && random() >= 0.67 && hit.size < TARGET_GROUPS.length
    if (!continues) {
      incident++
      hit.clear()
    }
    const year = 2010 + Math.floor(random() * 11)
    const month = 1 + Math.floor(random() * 12)
    const day = 1 + Math.floor(random() * 28)
    const precision = random()
    const date =
      precision < 0.8
        ? `${year}-${pad(month, 2)}-${pad(day, 2)}`
        : precision < 0.95
          ? `${year}-${pad(month, 2)}`
          : `${year}`
    let group = Math.floor(random() * TARGET_GROUPS.length)
    while (hit.has(group)) group = (group + 1) % TARGET_GROUPS.length
    hit.add(group)
    const killed = random() < 0.85 ? Math.floor(random() * random() * 60) : null
    const killedMax =
      killed !== null && random() < 0.2 ? killed + Math.floor(random() * 10) : killed
    const injured = random() < 0.6 ? Math.floor(random() * random() * 120) : null
    const killedText =
      killed === null ? 'scores' : random() < 0.3 ? `at least ${killed}` : `${killed} people`
    const fields = [
      `SYN-${year}-${pad(incident, 7)}`,
      date,
      map ? 'Afghanistan' : pick(random, countries),
      map ? mapProvince(random) : pick(random, admin1),
      random() < 0.5 ? pick(random, admin2) : '',
      sometimesQuoted(random, pick(random, locations)),
      TARGET_GROUPS[group] as string,
      TARGET_TYPES[group] as string,
      pick(random, ATTACK_TYPES),
      pick(random, perpetrators),
      killed === null ? '' : String(killed),
      killedMax === null ? '' : String(killedMax),
      injured === null ? '' : String(injured),
      injured === null ? '' : String(injured),
      sometimesQuoted(random, killedText),
      injured === null ? '' : sometimesQuoted(random, `${injured} wounded`),
      `src-${pad(Math.floor(random() * 20000), 5)}`,
      quoted(`${sentence(random, 10 + Math.floor(random() * 10))}, "${sentence(random, 3)}"`),
      random() < 0.3 ? sometimesQuoted(random, sentence(random, 4 + Math.floor(random() * 8))) : '',
      ...(map ? mapFields(random) : []),
    ]
    out.write(`${fields.join(',')}\n`)
    last = fields
  }
  out.close()
}

/** The GTD's layout: year, month and day apart, text labels, summary text, counts maybe decimal. */
export const GTD_COLUMNS = [
  'eventid',
  'iyear',
  'imonth',
  'iday',
  'country_txt',
  'provstate',
  'city',
  'attacktype1_txt',
  'targtype1_txt',
  'target1',
  'gname',
  'nkill',
  'nwound',
  'summary',
  'scite1',
] as const

function writeGtd(path: string, rows: number, seed: number): void {
  const random = seededRandom(seed)
  const countries = places(random, 120, 'Country')
  const provinces = places(random, 1500, 'Province')
  const cities = places(random, 20000, 'City')
  const groups = places(random, 3000, 'Group')
  const out = openWriter(path)
  out.write(`${GTD_COLUMNS.join(',')}\n`)
  for (let row = 0; row < rows; row++) {
    const year = 1970 + Math.floor(random() * 50)
    const month = Math.floor(random() * 13)
    const day = month === 0 ? 0 : Math.floor(random() * 29)
    const killed = random() < 0.9 ? String(Math.floor(random() * random() * 30)) : ''
    const wounded = random() < 0.85 ? String(Math.floor(random() * random() * 50)) : ''
    const fields = [
      `${year}${pad(month, 2)}${pad(day, 2)}${pad(row % 10000, 4)}`,
      String(year),
      String(month),
      String(day),
      pick(random, countries),
      pick(random, provinces),
      sometimesQuoted(random, pick(random, cities)),
      pick(random, ATTACK_TYPES),
      pick(random, TARGET_TYPES),
      sometimesQuoted(random, sentence(random, 3)),
      pick(random, groups),
      killed,
      wounded,
      random() < 0.6 ? quoted(`${year}: ${sentence(random, 10 + Math.floor(random() * 25))}`) : '',
      random() < 0.5 ? quoted(`"${sentence(random, 6)}," Source ${row % 500}, ${year}.`) : '',
    ]
    out.write(`${fields.join(',')}\n`)
  }
  out.close()
}

/** Bench file sizes by name. */
export const SIZES: Record<string, number> = {
  '10k': 10_000,
  '100k': 100_000,
  '1m': 1_000_000,
  '3m': 3_000_000,
}

const GENERATOR_VERSION = 6

/** Writes the file unless an identical one (same generator, rows, seed) is already there. */
export function ensureFile(
  dir: string,
  /** `single`: our schema with one report per figure, for engines that add rows (bench:peers). */
  kind: 'schema' | 'single' | 'gtd' | 'map',
  rows: number,
  seed = 20240901,
): string {
  const path = `${dir}/${kind}-${rows}.csv`
  const stamp = `${path}.json`
  const want = JSON.stringify({ GENERATOR_VERSION, kind, rows, seed })
  if (existsSync(path) && existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return path
  if (kind === 'gtd') writeGtd(path, rows, seed)
  else writeOurSchema(path, rows, seed, kind === 'map', kind !== 'single')
  writeFileSync(stamp, want)
  statSync(path)
  return path
}
