// The source registry of the data on show (data/sources.csv for the shipped data; sources an import
// names are added to it), the grade scale (the dataset's own, kept in its description; else the
// default), and what they make of the rows: the order of each
// figure's reports (publication date, grade) for the figures' pass, each source's grade for the
// grade filter, and the checks of the rows against the registry. Shared by the whole page.

import { computed, shallowRef, watch } from 'vue'
import {
  DEFAULT_GRADES,
  UNGRADED,
  gradeScale,
  normalGrade,
  sameGrades,
  type Grade,
} from '../core/grades'
import { checkReports } from '../core/load/sourceChecks'
import type { RowIssue } from '../core/load/validate'
import type { Source } from '../core/reports'
import type { FilterContext } from '../core/view/filter'
import { createGlobalState } from './globalState'
import { useDataset } from './useDataset'
import { shippedSources } from 'virtual:shipped-data'
import { namesSources } from '../core/load/sourceColumns'
import { ASYNC_ROWS } from './yieldToPage'

function createSourcesState() {
  const { store, meta } = useDataset()
  // data/sources.csv, read at build time by the registry's reader (core/load/sources).
  const shipped = {
    sources: new Map(shippedSources.sources.map((source) => [source.id, source])),
    issues: shippedSources.issues,
  }
  /** Every known source by id. */
  const registry = shallowRef<ReadonlyMap<string, Source>>(shipped.sources)
  /** What was wrong in the registry files read (line and column of each). */
  const registryIssues = shallowRef<RowIssue[]>(shipped.issues)
  /** The data's grade scale: its description's `grades`, else the default. */
  // The same scale object while its grades stay the same: a new description (an import's) does
  // not make the figures be summed again.
  let lastScale = gradeScale()
  const scale = computed(() => {
    const grades = meta.value.grades ?? DEFAULT_GRADES
    if (!sameGrades(grades, lastScale.grades)) lastScale = gradeScale(grades)
    return lastScale
  })

  /**
   * Puts `grades` (best first) in the place of the data's scale. `renamed` maps a grade's label
   * before (any case) to its label now: the sources graded so are graded by the new name. A source
   * whose grade is no longer on the scale becomes ungraded. The default scale is kept as no scale
   * of the data's own. Returns the sources renamed and made ungraded.
   */
  function setGrades(
    grades: readonly Grade[],
    renamed: ReadonlyMap<string, string> = new Map(),
  ): { renamed: number; ungraded: number } {
    const next = gradeScale(grades)
    const names = new Map([...renamed].map(([from, to]) => [normalGrade(from), to]))
    let renamedCount = 0
    let ungraded = 0
    let changed = false
    const sources = new Map(registry.value)
    const regrade = (id: string, source: Source, grade: string) => {
      sources.set(id, { ...source, grade })
      changed = true
    }
    for (const [id, source] of sources) {
      if (source.grade === '') continue
      const to = names.get(normalGrade(source.grade))
      const rank = next.rank(to ?? source.grade)
      if (rank === UNGRADED) {
        regrade(id, source, '')
        ungraded++
        continue
      }
      // The grade as the scale writes it now (a new name, or the same in other letters).
      const label = next.grades[rank]!.label
      if (label === source.grade) continue
      regrade(id, source, label)
      if (to !== undefined) renamedCount++
    }
    if (changed) registry.value = sources
    const own = sameGrades(grades, DEFAULT_GRADES) ? undefined : grades.map((g) => ({ ...g }))
    const description = { ...meta.value }
    delete description.grades
    meta.value = own ? { ...description, grades: own } : description
    return { renamed: renamedCount, ungraded }
  }

  /** Adds sources (an import's); an entry for an id already known takes the place of the old. */
  function addSources(entries: Iterable<Source>, issues: RowIssue[] = []): void {
    const next = new Map(registry.value)
    for (const entry of entries) next.set(entry.id, entry)
    registry.value = next
    registryIssues.value = [...registryIssues.value, ...issues]
  }

  /** Puts `entries` in the place of the registry (a stored dataset's, as it was saved). */
  function replaceRegistry(entries: Iterable<Source>): void {
    registry.value = new Map([...entries].map((entry) => [entry.id, entry]))
  }

  // An imported GTD, ACLED or UCDP file names its sources in columns of its own: they join the
  // registry (a pass that decodes those columns: done for stores the page handles at once).
  // The reader loads only for a file with such columns.
  watch(store, async (data) => {
    if (!data || data.length >= ASYNC_ROWS || !namesSources(data.extraNames)) return
    const { sourcesFromImport } = await import('../core/load/sourceFields')
    if (store.value !== data) return
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
    setGrades,
    addSources,
    replaceRegistry,
    filterContext,
    gradesInUse,
    reportIssues,
  }
}

export const useSources = createGlobalState(createSourcesState)

/** Forgets the shared registry (GlobalState's reset), for tests. */
export const resetSourcesForTests = useSources.reset
