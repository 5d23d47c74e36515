// The map's figures for the view: one pass over the selected rows (core/view/placeSums) and a pure
// builder (core/chart/mapModel) on the admin-1 regions of the countries the data names, whose
// names ship with the first visit (src/boundaries/regions.json). The boundaries themselves, and
// the library that draws them, load only when the map is first shown (MapCanvas). On a big store
// the pass runs in steps after the page has painted, like the charts' figures.

import { computed, onScopeDispose, shallowRef, watch } from 'vue'
import { buildMapModel, type BoundaryRegion, type MapModel } from '../core/chart/mapModel'
import { COUNTRY_ALIASES, NameMatcher } from '../core/chart/placeNames'
import { summarizePlacesInSteps, type PlaceSums } from '../core/view/placeSums'
import { runSteps } from '../core/steps'
import type { CasualtyStore } from '../core/store/store'
import regionNames from '../boundaries/regions.json'
import { createGlobalState } from './globalState'
import { useFilters } from './useFilters'
import { useTheme } from './useTheme'
import { useViewState } from './useViewState'
import { useSources } from './useSources'
import { reportOrder } from '../core/view/reportIndex'
import { ASYNC_ROWS, STEP_BUDGET_MS, runInSteps, yieldToPage } from './yieldToPage'

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

/** How long the map's pass may take in one task for a new selection of a store on show. */
const SUMS_BUDGET_MS = 24

function createMapState() {
  const { selected, filtering } = useFilters()
  const { metric, rule } = useViewState()
  const { registry, scale } = useSources()
  const { dark } = useTheme()
  const sums = shallowRef<PlaceSums | null>(null)
  /** True while the map's figures belong to an earlier view. */
  const computing = shallowRef(false)
  let generation = 0
  let shownStore: CasualtyStore | null = null

  function update(): void {
    const gen = ++generation
    const now = selected.value
    if (!now) {
      sums.value = null
      computing.value = false
      return
    }
    const order = reportOrder(now.store, registry.value, scale.value)
    const steps = summarizePlacesInSteps(now.store, now.rows, { rule: rule.value, order })
    if (now.store.length < ASYNC_ROWS) {
      sums.value = runSteps(steps)
      shownStore = now.store
      computing.value = false
      return
    }
    computing.value = true
    void (async () => {
      // A new store's places are found in short steps, after the page has shown it; a new
      // selection of the store on show is summed in one task where it can.
      const newStore = now.store !== shownStore
      if (newStore) await yieldToPage()
      if (gen !== generation) return
      const budget = newStore ? STEP_BUDGET_MS : SUMS_BUDGET_MS
      const result = await runInSteps(steps, () => gen === generation, budget)
      if (result === null || gen !== generation) return
      sums.value = result
      shownStore = now.store
      computing.value = false
    })()
  }
  watch([selected, rule, registry, scale], update, { flush: 'sync', immediate: true })
  onScopeDispose(() => generation++)

  /** The countries drawn with their provinces. */
  const countries = computed(() => (sums.value ? countriesOnMap(sums.value) : []))
  const model = computed<MapModel | null>(() =>
    sums.value
      ? buildMapModel(sums.value, regionsOf(countries.value), metric.value, dark.value)
      : null,
  )
  /** True while the map shows the figures of an earlier view (a big store's filter or pass). */
  const updating = computed(() => filtering.value || computing.value)
  return { model, countries, updating }
}

export const useMap = createGlobalState(createMapState)

/** Stops and forgets the map's state (GlobalState's reset), for tests. */
export const resetMapForTests = useMap.reset
