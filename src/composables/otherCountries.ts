// The admin-1 regions of the countries other than Afghanistan, loaded when the data first names
// another country (the first visit ships only Afghanistan's, which the shipped data needs): the
// list of countries with regions, and per country its regions' names and other names, in files of
// their own (src/boundaries/names/) that load when the data names that country.

import { joinAliases, type RegionAliases } from '../core/chart/placeNames'
import countryList from '../boundaries/countries.json'

/** Per country with admin-1 boundaries but Afghanistan: its regions' names, in file order. */
const NAME_FILES = import.meta.glob<string[]>(
  ['../boundaries/names/regions-of-*.json', '!../boundaries/names/regions-of-Afghanistan.json'],
  { import: 'default' },
)
/**
 * Per country drawn as regions that Natural Earth splits further (Burkina Faso, the Philippines):
 * the names of each region's parts, which rows may name instead.
 */
const PART_NAME_FILES = import.meta.glob<Record<string, string[]>>(
  '../boundaries/names/aliases-of-*.json',
  { import: 'default' },
)

/** The countries whose admin-1 regions ship with the page. */
export const COUNTRIES_WITH_REGIONS: readonly string[] = countryList

/** Loads the region names of `country` (one of COUNTRIES_WITH_REGIONS but Afghanistan). */
export async function loadRegionNames(country: string): Promise<readonly string[]> {
  const load = NAME_FILES[`../boundaries/names/regions-of-${country}.json`]
  if (!load) throw new Error(`no region names for ${country}`)
  return load()
}

/** The alternative names of `country`'s regions: our list, and its regions' parts' names. */
export async function loadRegionAliases(country: string): Promise<RegionAliases> {
  const [{ MORE_REGION_ALIASES }, parts] = await Promise.all([
    import('../core/chart/moreRegionAliases'),
    PART_NAME_FILES[`../boundaries/names/aliases-of-${country}.json`]?.(),
  ])
  const ours = MORE_REGION_ALIASES[country]
  return joinAliases(ours ? { [country]: ours } : {}, parts ? { [country]: parts } : {})
}
