// The shared registry and grade scale: the scale is the data's own (its description's grades),
// the same object while its grades stay the same, and setGrades regrades the sources.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { resetDatasetForTests, useDataset } from '../../src/composables/useDataset'
import { resetSourcesForTests, useSources } from '../../src/composables/useSources'
import { emptySource } from '../../src/core/reports'

beforeEach(() => {
  resetSourcesForTests()
  resetDatasetForTests()
  useDataset().loadShipped()
})
afterEach(() => {
  resetSourcesForTests()
  resetDatasetForTests()
})

describe('useSources', () => {
  it('keeps one scale object while the grades stay the same', () => {
    const { scale } = useSources()
    const { meta } = useDataset()
    const before = scale.value
    meta.value = { ...meta.value, title: 'Another title' }
    expect(scale.value).toBe(before)
    meta.value = { ...meta.value, grades: [{ label: 'a', meaning: '' }] }
    expect(scale.value).not.toBe(before)
    expect(scale.value.grades.map((g) => g.label)).toEqual(['a'])
  })

  it('regrades sources: a renamed grade by its new name, a removed one to none', () => {
    const sources = useSources()
    sources.addSources([
      { ...emptySource('a'), grade: 'Fair' },
      { ...emptySource('b'), grade: 'weak' },
      { ...emptySource('c'), grade: 'confirmed' },
      { ...emptySource('d') },
    ])
    const result = sources.setGrades(
      [
        { label: 'good', meaning: '' },
        { label: 'Confirmed', meaning: '' },
      ],
      new Map([['fair', 'good']]),
    )
    expect(result).toEqual({ renamed: 1, ungraded: 1 })
    const grade = (id: string) => sources.registry.value.get(id)?.grade
    expect(['a', 'b', 'c', 'd'].map(grade)).toEqual(['good', '', 'Confirmed', ''])
    expect(sources.gradesInUse.value.map((g) => g.label)).toEqual(['good', 'Confirmed'])
    expect(sources.filterContext.value.gradeOf('a')).toBe('good')
  })
})
