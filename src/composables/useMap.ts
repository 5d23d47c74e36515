// The map's state: the boundaries (loaded on demand, shipped with the page: the world's countries
// and, per country the data names, its admin-1 regions) and the map's figures for the view. The
// figures are one pass over the selected rows (core/view/placeSums) and a pure builder
// (core/chart/mapModel); on a big store the pass runs in steps after the page has painted, like
// the charts' figures. Only the map card uses this, and it is itself loaded when first shown.

import { computed, onScopeDispose, shallowRef, watch } from 'vue'
import { buildMapModel, type BoundaryRegion, type MapModel } from '../core/chart/mapModel'
import { COUNTRY_ALIASES, NameMatcher } from '../core/chart/placeNames'
import { summarizePlacesInSteps, type PlaceSums } from '../core/view/placeSums'
import { runSteps } from '../core/steps'
import { createGlobalState } from './globalState'
import { useFilters } from './useFilters'
import { useTheme } from './useTheme'
import { useViewState } from './useViewState'
import { ASYNC_ROWS, runInSteps, yieldToPage } from './yieldToPage'

/** A TopoJSON topology as the map reads it: one geometry collection, each with `properties`. */
export interface BoundaryTopology {
  type: 'Topology'
  objects: Record<string, { type: string; geometries: { properties?: Record<string, unknown> }[] }>
  arcs: unknown[]
}

/** The boundaries on hand: the world's countries, and the admin-1 regions of some countries. */
export interface Boundaries {
  world: BoundaryTopology
  /** Per country (its name on the world map): its regions' topology. */
  regions: Map<string, BoundaryTopology>
}

// Each country's admin-1 file, loaded only when the data names the country.
const REGION_FILES = import.meta.glob<BoundaryTopology>('../boundaries/adm1/*.json', {
  import: 'default',
})
const countryOfFile = (path: string) => path.replace(/^.*\//, '').replace(/\.json$/, '')
const REGION_COUNTRIES = Object.keys(REGION_FILES).map(countryOfFile)

/** The countries whose admin-1 regions ship with the page. */
export const countriesWithRegions = (): readonly string[] => REGION_COUNTRIES

/** The regions of `boundaries`, in the order the map draws them (country by country). */
export function regionsOf(boundaries: Boundaries): BoundaryRegion[] {
  return [...boundaries.regions.entries()].flatMap(([country, topology]) =>
    Object.values(topology.objects).flatMap((object) =>
      object.geometries.map((geometry) => ({
        country,
        name: String(geometry.properties?.name ?? ''),
      })),
    ),
  )
}

function createMapState() {
  const { selected, filtering } = useFilters()
  const { metric } = useViewState()
  const { dark } = useTheme()
  const boundaries = shallowRef<Boundaries | null>(null)
  const sums = shallowRef<PlaceSums | null>(null)
  /** True while the figures on show belong to an earlier view. */
  const computing = shallowRef(false)
  const loadError = shallowRef('')
  let generation = 0
  let loading: Promise<void> = Promise.resolve()

  // Loads the world and the regions of the countries `sums` names that ship with the page.
  async function loadFor(now: PlaceSums): Promise<void> {
    const matcher = new NameMatcher(REGION_COUNTRIES, COUNTRY_ALIASES)
    const wanted = new Set<string>()
    now.countries.forEach((country, place) => {
      if ((now.places.rows[place] ?? 0) === 0) return
      const found = REGION_COUNTRIES[matcher.find(country)]
      if (found !== undefined) wanted.add(found)
    })
    const have = boundaries.value
    const missing = [...wanted].filter((country) => !have?.regions.has(country))
    if (have && missing.length === 0) return
    try {
      const world =
        have?.world ??
        ((await import('../boundaries/world.json')).default as unknown as BoundaryTopology)
      const regions = new Map(have?.regions ?? [])
      for (const country of missing) {
        const load = REGION_FILES[`../boundaries/adm1/${country}.json`]
        if (load) regions.set(country, await load())
      }
      boundaries.value = { world, regions }
    } catch {
      loadError.value = 'The map’s boundaries could not be loaded.'
    }
  }

  function update(): void {
    const gen = ++generation
    const now = selected.value
    if (!now) {
      sums.value = null
      return
    }
    const steps = summarizePlacesInSteps(now.store, now.rows)
    if (now.store.length < ASYNC_ROWS) {
      show(runSteps(steps))
      return
    }
    computing.value = true
    void (async () => {
      const result = await runInSteps(steps, () => gen === generation, 24)
      if (result === null || gen !== generation) return
      show(result)
    })()
  }
  function show(result: PlaceSums): void {
    sums.value = result
    computing.value = false
    loading = loading.then(() => loadFor(result))
  }
  watch(selected, update, { flush: 'sync', immediate: true })
  onScopeDispose(() => generation++)

  const regions = computed(() => (boundaries.value ? regionsOf(boundaries.value) : []))
  const model = computed<MapModel | null>(() =>
    sums.value && boundaries.value
      ? buildMapModel(sums.value, regions.value, metric.value, dark.value)
      : null,
  )
  /** Resolves when the boundaries the current view needs are loaded (for tests). */
  const ready = async () => {
    await yieldToPage()
    await loading
  }
  /** True while the map shows the figures of an earlier view (a big store's filter or pass). */
  const updating = computed(() => filtering.value || computing.value)
  return { boundaries, model, updating, loadError, ready }
}

export const useMap = createGlobalState(createMapState)

/** Stops and forgets the map's state (GlobalState's reset), for tests. */
export const resetMapForTests = useMap.reset
