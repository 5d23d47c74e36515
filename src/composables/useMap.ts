// The map for the view: its figures per province come from the dashboard's pass over the selected
// rows (useDashboard: the charts' figures and the map's in one pass, shown together, once the map
// has come into view: `show`), and a pure
// builder (core/chart/mapModel) draws them on the admin-1 regions of the countries the data names,
// whose names load when the data first names the country (src/boundaries/names/; the first visit
// ships only Afghanistan's, which the shipped data needs: the other countries' list and loaders
// come from otherCountries when the data names another country). The boundaries themselves, and
// the library that draws them, load only when the map is first shown (MapCanvas).

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
import afghanNames from '../boundaries/names/regions-of-Afghanistan.json'
import { createGlobalState } from './globalState'
import { useDashboard } from './useDashboard'
import { useTheme } from './useTheme'
import { useViewState } from './useViewState'

/** The countries with regions before the data names another: the shipped data's. */
const SHIPPED_COUNTRIES: readonly string[] = ['Afghanistan']

/** The countries of `sums` (with rows) among `list` (found by name or alias), in list order. */
export function countriesOnMap(sums: PlaceSums, list: readonly string[]): string[] {
  const matcher = new NameMatcher(list, COUNTRY_ALIASES)
  const found = new Set<string>()
  sums.countries.forEach((country, place) => {
    if ((sums.places.rows[place] ?? 0) === 0) return
    const name = list[matcher.find(country)]
    if (name !== undefined) found.add(name)
  })
  return list.filter((country) => found.has(country))
}

/** Whether `sums` has rows in a country (named) other than the shipped data's. */
export function namesOtherCountries(sums: PlaceSums): boolean {
  const matcher = new NameMatcher(SHIPPED_COUNTRIES, COUNTRY_ALIASES)
  return sums.countries.some(
    (country, place) =>
      (sums.places.rows[place] ?? 0) > 0 && country.trim() !== '' && matcher.find(country) === -1,
  )
}

/** The regions of `countries` (names given per country), in the order the map draws them. */
export function regionsOf(
  countries: readonly string[],
  names: Readonly<Record<string, readonly string[]>>,
): BoundaryRegion[] {
  return countries.flatMap((country) => (names[country] ?? []).map((name) => ({ country, name })))
}

function createMapState() {
  const { places, updating, placesUpdating, wantMapFigures } = useDashboard()
  const { metric } = useViewState()
  const { dark } = useTheme()
  /** The other countries' list and loaders, once the data has named another country. */
  const others = shallowRef<typeof import('./otherCountries') | null>(null)
  const needsOthers = computed(() => (places.value ? namesOtherCountries(places.value) : false))
  watch(
    needsOthers,
    (needed) => {
      if (needed && !others.value) {
        void import('./otherCountries').then((module) => (others.value = module))
      }
    },
    { immediate: true },
  )
  /** The countries the data names that have admin-1 regions. */
  const wanted = computed(() =>
    places.value
      ? countriesOnMap(places.value, others.value?.COUNTRIES_WITH_REGIONS ?? SHIPPED_COUNTRIES)
      : [],
  )
  /** The region names loaded so far, per country (the shipped data's come with the page). */
  const names = shallowRef<Readonly<Record<string, readonly string[]>>>({
    Afghanistan: afghanNames,
  })
  /** Alternative names of the regions: other countries' load with their names. */
  const aliases = shallowRef<RegionAliases>(REGION_ALIASES)
  /** True while the countries' list or a wanted country's names load: the map waits. */
  const loading = computed(
    () =>
      (needsOthers.value && !others.value) || wanted.value.some((country) => !names.value[country]),
  )
  watch(
    wanted,
    (list) => {
      const loaders = others.value
      if (!loaders) return
      for (const country of list) {
        if (names.value[country]) continue
        void Promise.all([
          loaders.loadRegionNames(country),
          loaders.loadRegionAliases(country),
        ]).then(([loaded, more]) => {
          aliases.value = joinAliases(aliases.value, more)
          names.value = { ...names.value, [country]: loaded }
        })
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
  const busy = computed(() => updating.value || placesUpdating.value || loading.value)
  // `show`: the map has come into view; its figures are summed from then on (useDashboard).
  return { model, countries, updating: busy, show: wantMapFigures }
}

export const useMap = createGlobalState(createMapState)

/** Stops and forgets the map's state (GlobalState's reset), for tests. */
export const resetMapForTests = useMap.reset
