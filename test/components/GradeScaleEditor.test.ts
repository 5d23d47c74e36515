// The grade scale's editor: rename, reorder, add and remove grades; a label given twice stops the
// save; saved, the scale is the data's (its description), the sources follow a renamed grade, and
// the grade filter drops a removed one.

import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import GradeScaleEditor from '../../src/components/GradeScaleEditor.vue'
import { useDataset } from '../../src/composables/useDataset'
import { useFilters } from '../../src/composables/useFilters'
import { useSources } from '../../src/composables/useSources'
import { configureStoredData, useStoredData } from '../../src/composables/useStoredData'
import { emptySource } from '../../src/core/reports'
import { startDashboard } from './dashboardState'

beforeEach(() => {
  useStoredData.reset()
  configureStoredData({ openDatabase: () => null, storage: null, channel: () => null })
  startDashboard('?grade=fair&grade=discounted')
})
afterEach(() => {
  useStoredData.reset()
  configureStoredData({})
})

const labels = (wrapper: ReturnType<typeof mount>) =>
  wrapper.findAll('input[type="text"]').map((input) => (input.element as HTMLInputElement).value)

describe('GradeScaleEditor', () => {
  it('edits the scale and saves it with the data; sources and the filter follow', async () => {
    useSources().addSources([
      { ...emptySource('ap'), grade: 'fair' },
      { ...emptySource('x'), grade: 'discounted' },
    ])
    const wrapper = mount(GradeScaleEditor)
    expect(labels(wrapper)).toEqual(['confirmed', 'fair', 'weak', 'contested', 'discounted'])
    const save = wrapper.get('[data-testid="save-grades"]')
    expect(save.attributes('disabled')).toBeDefined()

    await wrapper.get('[aria-label="Grade 2 label"]').setValue('credible')
    await wrapper.get('[aria-label="Remove grade 5"]').trigger('click')
    await wrapper.get('[aria-label="Move grade 2 up"]').trigger('click')
    await wrapper.get('[data-testid="add-grade"]').trigger('click')
    await wrapper.get('[aria-label="Grade 5 label"]').setValue('Weak')
    expect(wrapper.get('[data-testid="grade-scale-issues"]').text()).toContain(
      'Grade 5: the grade “Weak” is given twice',
    )
    expect(save.attributes('disabled')).toBeDefined()
    await wrapper.get('[aria-label="Grade 5 label"]').setValue('rumour')
    await wrapper.get('[aria-label="Grade 5 meaning"]').setValue('Heard, not reported.')
    expect(save.attributes('disabled')).toBeUndefined()
    await save.trigger('click')
    await flushPromises()

    const grades = useDataset().meta.value.grades
    expect(grades?.map((g) => g.label)).toEqual([
      'credible',
      'confirmed',
      'weak',
      'contested',
      'rumour',
    ])
    expect(grades?.[4]?.meaning).toBe('Heard, not reported.')
    expect(useSources().scale.value.rank('credible')).toBe(0)
    expect(useSources().registry.value.get('ap')?.grade).toBe('credible')
    expect(useSources().registry.value.get('x')?.grade).toBe('')
    expect(useFilters().filters.value.grades).toEqual(['credible'])
    expect(wrapper.get('[data-testid="grade-scale-note"]').text()).toBe(
      'The scale of 5 grades is saved with the data; 1 source regraded by a new name; 1 source now ungraded (their grade was removed).',
    )
  })

  it('back to the default scale: the data keeps no scale of its own', async () => {
    useSources().setGrades([{ label: 'only', meaning: '' }])
    const wrapper = mount(GradeScaleEditor)
    expect(labels(wrapper)).toEqual(['only'])
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Default scale')!
      .trigger('click')
    await wrapper.get('[data-testid="save-grades"]').trigger('click')
    expect(useDataset().meta.value.grades).toBeUndefined()
    expect(useSources().scale.value.grades.map((g) => g.label)[0]).toBe('confirmed')
  })
})
