import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import DatasetHeader from '../../src/components/DatasetHeader.vue'
import { emptyMeta, type DatasetMeta } from '../../src/core/datasetMeta'

function mountWith(meta: Partial<DatasetMeta>, rows: number | null = 7) {
  return mount(DatasetHeader, {
    props: {
      meta: { ...emptyMeta(), ...meta },
      rows,
      sourceName: 'data/attacks.csv',
      dateSpan: { first: 'Aug 2021', last: '2024' },
    },
  })
}

describe('DatasetHeader', () => {
  it('puts the dataset’s title and description at the top, with its source and licence', () => {
    const wrapper = mountWith({
      title: 'IS-KP attacks in Afghanistan',
      description: 'Deaths and injuries, from one article.',
      source: 'One news article',
      licence: 'CC BY 4.0',
    })
    expect(wrapper.get('h1').text()).toBe('IS-KP attacks in Afghanistan')
    expect(wrapper.get('[data-testid="dataset-summary"]').text()).toBe(
      'Deaths and injuries, from one article.',
    )
    expect(wrapper.text()).toContain('Source: One news article.')
    expect(wrapper.text()).toContain('Licence: CC BY 4.0.')
    expect(wrapper.text()).toContain('Aug 2021 to 2024')
  })

  it('describes a dataset that says nothing about itself in general terms', () => {
    const wrapper = mountWith({})
    expect(wrapper.get('h1').text()).toBe('Casualty statistics dashboard')
    expect(wrapper.get('[data-testid="dataset-summary"]').text()).toContain('news reports')
    expect(wrapper.text()).not.toContain('Source:')
  })

  it.each([
    [1, '1 row from data/attacks.csv'],
    [2, '2 rows from data/attacks.csv'],
    [12345, '12,345 rows from data/attacks.csv'],
  ])('counts %i rows in words', (rows, text) => {
    expect(mountWith({}, rows).get('[data-testid="dataset-rows"]').text()).toBe(text)
  })
})
