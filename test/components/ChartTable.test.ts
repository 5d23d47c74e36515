import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ChartTable from '../../src/components/ChartTable.vue'

describe('ChartTable', () => {
  it('lists exactly the cells it is given, with row headers and an explicit “none given”', () => {
    const wrapper = mount(ChartTable, {
      props: {
        table: {
          caption: 'Killed by target group',
          columns: [
            { key: 'target_group', label: 'Target group' },
            { key: 'killed_min', label: 'Killed, minimum' },
            { key: 'killed_max', label: 'Killed, maximum' },
          ],
          rows: [
            ['civilians', 1234, null],
            ['students', 6, 6],
          ],
        },
      },
    })
    expect(wrapper.get('caption').text()).toBe('Killed by target group')
    expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual([
      'Target group',
      'Killed, minimum',
      'Killed, maximum',
    ])
    const rows = wrapper.findAll('tbody tr').map((tr) => tr.findAll('th, td').map((c) => c.text()))
    expect(rows).toEqual([
      ['civilians', '1,234', 'none given'],
      ['students', '6', '6'],
    ])
    expect(wrapper.findAll('tbody th[scope="row"]')).toHaveLength(2)
  })

  it('offers a filter button per row when asked, and says which row was chosen', async () => {
    const wrapper = mount(ChartTable, {
      props: {
        table: {
          caption: 'c',
          columns: [
            { key: 'period', label: 'Month' },
            { key: 'incidents_total', label: 'Incidents' },
          ],
          rows: [
            ['Aug 2021', 1],
            ['Sep 2021', 0],
          ],
        },
        selectLabel: (header: string) => `Show only ${header}`,
      },
    })
    const buttons = wrapper.findAll('button.select')
    expect(buttons.map((b) => b.text())).toEqual(['Show only Aug 2021', 'Show only Sep 2021'])
    await buttons[1]?.trigger('click')
    expect(wrapper.emitted('select')).toEqual([[1]])
  })
})
