import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ColumnMapping from '../../src/components/ColumnMapping.vue'
import { proposeMapping, type ColumnMapping as Mapping } from '../../src/core/load/mapping'
import { SCHEMA_COLUMNS } from '../../src/core/schema'

const GTD_HEADER = [
  'eventid',
  'iyear',
  'imonth',
  'iday',
  'country_txt',
  'provstate',
  'city',
  'targtype1_txt',
  'attacktype1_txt',
  'gname',
  'nkill',
  'nwound',
  'summary',
  'latitude',
]

function mountMapping(header = GTD_HEADER) {
  return mount(ColumnMapping, {
    props: {
      header,
      proposal: proposeMapping(header),
      missing: ['incident_id'],
      fileName: 'gtd.csv',
    },
  })
}

describe('ColumnMapping', () => {
  it('names the recognised format and has a labelled choice for every column of ours', () => {
    const wrapper = mountMapping()
    expect(wrapper.get('[data-testid="mapping-format"]').text()).toContain(
      'Global Terrorism Database',
    )
    for (const column of SCHEMA_COLUMNS) {
      const select = wrapper.get(`select#map-${column}`)
      expect(wrapper.get(`label[for="map-${column}"]`).text()).toBe(column)
      expect(select.findAll('option').length).toBeGreaterThan(GTD_HEADER.length)
    }
  })

  it('proposes the GTD sources', () => {
    const wrapper = mountMapping()
    const shown = (column: string) =>
      (wrapper.get(`select#map-${column}`).element as HTMLSelectElement).selectedOptions[0]?.text
    expect(shown('incident_id')).toBe('eventid')
    expect(shown('date')).toBe('iyear + imonth + iday (0 = unknown)')
    expect(shown('killed_min')).toBe('nkill')
    expect(shown('admin2')).toBe('(leave empty)')
  })

  it('emits the proposal unchanged when confirmed as it is', async () => {
    const wrapper = mountMapping()
    await wrapper.get('form').trigger('submit')
    const [mapping] = wrapper.emitted<[Mapping]>('confirm')?.[0] ?? []
    const proposal = proposeMapping(GTD_HEADER)
    for (const column of SCHEMA_COLUMNS) {
      expect(mapping?.sources[column]).toEqual(proposal.sources[column] ?? { kind: 'none' })
    }
  })

  it('lets the user change a column’s source before loading', async () => {
    const wrapper = mountMapping()
    const select = wrapper.get('select#map-target_group')
    const index = (select.element as HTMLSelectElement).querySelectorAll('option')
    const gname = [...index].findIndex((option) => option.text === 'gname')
    await select.setValue(String(gname))
    await wrapper.get('select#map-admin2').setValue('0')
    await wrapper.get('form').trigger('submit')
    const [mapping] = wrapper.emitted<[Mapping]>('confirm')?.[0] ?? []
    expect(mapping?.sources.target_group).toEqual({ kind: 'column', name: 'gname' })
    expect(mapping?.sources.admin2).toEqual({ kind: 'none' })
  })

  it('warns when a needed column has no source, and can be cancelled', async () => {
    const wrapper = mountMapping(['what', 'when'])
    expect(wrapper.get('[role="status"]').text()).toContain('date, target_group')
    await wrapper.get('button[type="button"]').trigger('click')
    expect(wrapper.emitted('cancel')).toHaveLength(1)
  })
})
