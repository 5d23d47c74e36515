import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import HeadlineFigures from '../../src/components/HeadlineFigures.vue'
import { sumTotals } from '../../src/core/view/aggregate'
import { allRows } from '../../src/core/view/filter'
import type { CasualtyRecord } from '../../src/core/schema'
import { storeFromRecords } from '../../src/core/store/builder'
import { recordWith } from '../helpers/record'

const record = recordWith({ incident_id: 'A', date: '2021-08', target_group: 'civilians' })

function mountWith(records: CasualtyRecord[]) {
  const store = storeFromRecords(records)
  return mount(HeadlineFigures, { props: { totals: sumTotals(store, allRows(store)) } })
}

describe('HeadlineFigures', () => {
  it.each<[string, Partial<CasualtyRecord>[], string, string, string]>([
    [
      'exact figures',
      [
        { killed_min: 170, killed_max: 170 },
        { incident_id: 'B', killed_min: 13, killed_max: 13 },
      ],
      '2',
      '183',
      'not given',
    ],
    [
      'a range',
      [{ killed_min: 1200, killed_max: 1500, injured_min: 3, injured_max: 3 }],
      '1',
      '1,200–1,500',
      '3',
    ],
    [
      'an open bound',
      [{ killed_min: 51 }, { killed_min: 47, incident_id: 'B' }],
      '2',
      'at least 98',
      'not given',
    ],
    [
      'words only',
      [{ killed_text: 'multiple casualties', injured_text: 'scores' }],
      '1',
      'not quantified',
      'not quantified',
    ],
    ['only maxima', [{ killed_max: 20, injured_min: 0, injured_max: 0 }], '1', 'up to 20', '0'],
  ])('%s', (_name, rows, incidents, killed, injured) => {
    const wrapper = mountWith(rows.map(record))
    expect(wrapper.get('[data-testid="kpi-incidents"]').text()).toBe(incidents)
    expect(wrapper.get('[data-testid="kpi-killed"]').text()).toBe(killed)
    expect(wrapper.get('[data-testid="kpi-injured"]').text()).toBe(injured)
  })

  it('counts incidents with unquantified casualties, and says so', () => {
    const wrapper = mountWith([
      record({ incident_id: 'A', killed_min: 6, injured_text: 'many others' }),
      record({
        incident_id: 'B',
        killed_text: 'multiple casualties',
        injured_text: 'multiple casualties',
      }),
      record({ incident_id: 'B', target_group: 'police', killed_text: 'some' }),
    ])
    expect(wrapper.text()).toContain('2 incidents with unquantified casualties')
    expect(wrapper.text()).toContain('1 incident with killed not quantified')
    expect(wrapper.text()).toContain('2 incidents with injured not quantified')
    expect(wrapper.text()).toContain('1 row gives only a lower bound')
    expect(wrapper.get('[data-testid="kpi-killed"]').text()).toBe('at least 6')
  })
})

describe('HeadlineFigures caveat', () => {
  it.each([
    ['the dataset’s caveat beside the figures', 'All figures come from one article.', true],
    ['nothing when the dataset gives none', '', false],
  ])('shows %s', (_name, caveat, shown) => {
    const store = storeFromRecords([record({ killed_min: 3, killed_max: 3 })])
    const wrapper = mount(HeadlineFigures, {
      props: { totals: sumTotals(store, allRows(store)), caveat },
    })
    const note = wrapper.find('[data-testid="dataset-caveat"]')
    expect(note.exists()).toBe(shown)
    if (shown) {
      expect(note.attributes('role')).toBe('note')
      expect(note.text()).toContain(caveat)
    }
  })
})
