// The map for the view: its figures per province come from the dashboard's pass over the selected
// rows (useDashboard: the charts' figures and the map's in one pass, shown together), and a pure
// builder (core/chart/mapModel) draws them on the admin-1 regions of the countries the data names,
// whose names ship with the first visit (src/boundaries/regions.json). The boundaries themselves,
// and the library that draws them, load only when the map is first shown (MapCanvas).

import { computed } from 'vue'
import { buildMapModel, type BoundaryRegion, type MapModel } from '../core/chart/mapModel'
import { COUNTRY_ALIASES, NameMatcher } from '../core/chart/placeNames'
import type { PlaceSums } from '../core/view/placeSums'
import regionNames from '../boundaries/regions.json'
import { createGlobalState } from './globalState'
import { useDashboard } from './useDashboard'
import { useTheme } from './useTheme'
import { useViewState } from './useViewState'

/** Per country with shipped admin-1 boundaries: its regions' names, in the file's order. */
const REGION_NAMES: Readonly<Record<string, readonly string[]>> = regionNames

/** The countries whose admin-1 regions ship with the page. */
export const COUNTRIES_WITH_REGIONS: readonly string[] = Object.keys(REGION_NAMES)

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

/** The regions of `countries`, in the order the map draws them (country by country). */
export function regionsOf(countries: readonly string[]): BoundaryRegion[] {
  return countries.flatMap((country) =>
    (REGION_NAMES[country] ?? []).map((name) => ({ country, name })),
  )
}

function createMapState() {
  const { places, updating } = useDashboard()
  const { metric } = useViewState()
  const { dark } = useTheme()
  /** The countries drawn with their provinces. */
  const countries = computed(() => (places.value ? countriesOnMap(places.value) : []))
  const model = computed<MapModel | null>(() =>
    places.value
      ? buildMapModel(places.value, regionsOf(countries.value), metric.value, dark.value)
      : null,
  )
  // `updating`: true while the map shows the figures of an earlier view, as the charts do.
  return { model, countries, updating }
}

export const useMap = createGlobalState(createMapState)

/** Stops and forgets the map's state (GlobalState's reset), for tests. */
export const resetMapForTests = useMap.reset
