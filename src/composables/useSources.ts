// The source registry of the data on show (data/sources.csv for the shipped data; sources an import
// names are added to it), the grade scale, and what they make of the rows: the order of each
// figure's reports (publication date, grade) for the figures' pass, each source's grade for the
// grade filter, and the checks of the rows against the registry. Shared by the whole page.

import { computed, shallowRef, watch } from 'vue'
import { gradeScale, type GradeScale } from '../core/grades'
import { checkReports, parseSources } from '../core/load/sources'
import type { RowIssue } from '../core/load/validate'
import type { Source } from '../core/reports'
import type { FilterContext } from '../core/view/filter'
import { createGlobalState } from './globalState'
import { useDataset } from './useDataset'
import shippedSourcesCsv from '../../data/sources.csv?raw'
import { sourcesFromImport } from '../core/load/sourceFields'
import { ASYNC_ROWS } from './yieldToPage'

function createSourcesState() {
  const { store } = useDataset()
  const shipped = parseSources(shippedSourcesCsv)
  /** Every known source by id. */
  const registry = shallowRef<ReadonlyMap<string, Source>>(shipped.sources)
  /** What was wrong in the registry files read (line and column of each). */
  const registryIssues = shallowRef<RowIssue[]>(shipped.issues)
  const scale = shallowRef<GradeScale>(gradeScale())

  /** Adds sources (an import's); an entry for an id already known takes the place of the old. */
  function addSources(entries: Iterable<Source>, issues: RowIssue[] = []): void {
    const next = new Map(registry.value)
    for (const entry of entries) next.set(entry.id, entry)
    registry.value = next
    registryIssues.value = [...registryIssues.value, ...issues]
  }

  // An imported GTD, ACLED or UCDP file names its sources in columns of its own: they join the
  // registry (a pass that decodes those columns: done for stores the page handles at once).
  watch(store, (data) => {
    if (!data || data.length >= ASYNC_ROWS) return
    const imported = sourcesFromImport(data).sources.filter((s) => !registry.value.has(s.id))
    if (imported.length > 0) addSources(imported)
  })

  /** The grade filter's view of the registry. */
  const filterContext = computed<FilterContext>(() => {
    const sources = registry.value
    return { gradeOf: (id) => sources.get(id)?.grade ?? '' }
  })

  /** The grades the data's sources have (labels of the scale, in its order), for the filter. */
  const gradesInUse = computed(() => {
    const used = new Set(
      [...registry.value.values()].map((source) => source.grade.trim().toLowerCase()),
    )
    return scale.value.grades.filter((grade) => used.has(grade.label.toLowerCase()))
  })

  /**
   * The rows checked against the registry (unknown sources, two reports of one figure from one
   * source). A pass over the rows: made only when read.
   */
  const reportIssues = computed<RowIssue[]>(() =>
    store.value ? checkReports(store.value, registry.value) : [],
  )

  return {
    registry,
    registryIssues,
    scale,
    addSources,
    filterContext,
    gradesInUse,
    reportIssues,
  }
}

export const useSources = createGlobalState(createSourcesState)

/** Forgets the shared registry (GlobalState's reset), for tests. */
export const resetSourcesForTests = useSources.reset
