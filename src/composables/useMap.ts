// The map for the view: its figures per province come from the dashboard's pass over the selected
// rows (useDashboard: the charts' figures and the map's in one pass, shown together), and a pure
// builder (core/chart/mapModel) draws them on the admin-1 regions of the countries the data names,
// whose names load when the data first names the country (src/boundaries/names/; only the list of
// countries ships with the first visit). The boundaries themselves, and the library that draws
// them, load only when the map is first shown (MapCanvas).

import { computed, shallowRef, watch } from 'vue'
import { buildMapModel, type BoundaryRegion, type MapModel } from '../core/chart/mapModel'
import {
  COUNTRY_ALIASES,
  joinAliases,
  NameMatcher,
  REGION_ALIASES,
  type RegionAliases,
} from '../core/chart/placeNames'
import type { PlaceSums } from '../core/view/placeSums'
import countryList from '../boundaries/countries.json'
import afghanNames from '../boundaries/names/regions-of-Afghanistan.json'
import { createGlobalState } from './globalState'
import { useDashboard } from './useDashboard'
import { useTheme } from './useTheme'
import { useViewState } from './useViewState'

/**
 * Per country with shipped admin-1 boundaries but Afghanistan (whose names the shipped data needs,
 * so they come with the page): a loader of its regions' names, in file order.
 */
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

/** Loads the region names of `country` (one of COUNTRIES_WITH_REGIONS). */
export async function loadRegionNames(country: string): Promise<readonly string[]> {
  if (country === 'Afghanistan') return afghanNames
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

/** The countries of `sums` (with rows) whose regions ship with the page, in shipped order. */
export function countriesOnMap(sums: PlaceSums): string[] {
  const matcher = new NameMatcher(COUNTRIES_WITH_REGIONS, COUNTRY_ALIASES)
  const found = new Set<string>()
  sums.countries.forEach((country, place) => {
    if ((sums.places.rows[place] ?? 0) === 0) return
    const name = COUNTRIES_WITH_REGIONS[matcher.find(country)]
    if (name !== undefined) found.add(name)
  })
  return COUNTRIES_WITH_REGIONS.filter((country) => found.has(country))
}

/** The regions of `countries` (names given per country), in the order the map draws them. */
export function regionsOf(
  countries: readonly string[],
  names: Readonly<Record<string, readonly string[]>>,
): BoundaryRegion[] {
  return countries.flatMap((country) => (names[country] ?? []).map((name) => ({ country, name })))
}

function createMapState() {
  const { places, updating } = useDashboard()
  const { metric } = useViewState()
  const { dark } = useTheme()
  /** The countries the data names that have admin-1 regions. */
  const wanted = computed(() => (places.value ? countriesOnMap(places.value) : []))
  /** The region names loaded so far, per country (the shipped data's come with the page). */
  const names = shallowRef<Readonly<Record<string, readonly string[]>>>({
    Afghanistan: afghanNames,
  })
  /** Alternative names of the regions: other countries' load with their names. */
  const aliases = shallowRef(REGION_ALIASES)
  /** True while a wanted country's names are loading: the map waits (no "unknown province"). */
  const loading = computed(() => wanted.value.some((country) => !names.value[country]))
  watch(
    wanted,
    (list) => {
      for (const country of list) {
        if (names.value[country]) continue
        void Promise.all([loadRegionNames(country), loadRegionAliases(country)]).then(
          ([loaded, more]) => {
            aliases.value = joinAliases(aliases.value, more)
            names.value = { ...names.value, [country]: loaded }
          },
        )
      }
    },
    { immediate: true },
  )
  /** The countries drawn with their provinces (all loaded). */
  const countries = computed(() => (loading.value ? [] : wanted.value))
  const model = computed<MapModel | null>(() =>
    places.value && !loading.value
      ? buildMapModel(
          places.value,
          regionsOf(countries.value, names.value),
          metric.value,
          dark.value,
          aliases.value,
        )
      : null,
  )
  // `updating`: true while the map shows the figures of an earlier view, as the charts do, or
  // waits for a country's region names.
  const busy = computed(() => updating.value || loading.value)
  return { model, countries, updating: busy }
}

export const useMap = createGlobalState(createMapState)

/** Stops and forgets the map's state (GlobalState's reset), for tests. */
export const resetMapForTests = useMap.reset
