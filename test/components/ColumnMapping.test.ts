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

describe('ColumnMapping dates', () => {
  const header = ['Incident', 'Date', 'Year', 'Month', 'Day', 'Victims', 'Deaths']
  function mountDates(proposal: Mapping, samples: Record<string, string[]> = {}) {
    return mount(ColumnMapping, {
      props: { header, proposal, missing: [], fileName: 'f.csv', samples },
    })
  }
  const confirmed = async (wrapper: ReturnType<typeof mountDates>) => {
    await wrapper.get('form').trigger('submit')
    return wrapper.emitted<[Mapping]>('confirm')?.[0]?.[0]
  }

  it('shows the date format told from the file, and lets the user change it', async () => {
    const proposal: Mapping = {
      format: 'custom',
      sources: { date: { kind: 'looseDate', name: 'Date', format: 'd-mon-y' } },
    }
    const wrapper = mountDates(proposal, { Date: ['9-May-20'] })
    expect(wrapper.get('[data-testid="date-format-detected"]').text()).toContain(
      'day month-name year',
    )
    expect(wrapper.get('[data-testid="date-format-example"]').text()).toContain(
      '“9-May-20” reads as 2020-05-09',
    )
    await wrapper.get('select#map-date-format').setValue('excel')
    expect((await confirmed(wrapper))?.sources.date).toEqual({
      kind: 'looseDate',
      name: 'Date',
      format: 'excel',
    })
  })

  it('asks which comes first when the file cannot tell, and uses the answer', async () => {
    const proposal: Mapping = {
      format: 'custom',
      sources: { date: { kind: 'looseDate', name: 'Date', format: 'dmy' } },
      dateOrderAmbiguous: true,
    }
    const wrapper = mountDates(proposal, { Date: ['05/09/2020'] })
    const question = wrapper.get('[data-testid="date-order-question"]')
    expect(question.findAll('input[type="radio"][required]')).toHaveLength(2)
    await question.get('input[value="mdy"]').setValue(true)
    expect(wrapper.get('[data-testid="date-format-example"]').text()).toContain('2020-05-09')
    expect((await confirmed(wrapper))?.sources.date).toMatchObject({ format: 'mdy' })
  })

  it('tells the format of another column the user picks from its first values', async () => {
    const proposal: Mapping = { format: 'custom', sources: {} }
    const wrapper = mountDates(proposal, { Date: ['05/09/2020', '12/31/2020'] })
    const select = wrapper.get('select#map-date')
    const options = [...(select.element as HTMLSelectElement).options]
    await select.setValue(String(options.findIndex((o) => o.text === 'Date (as a date)')))
    expect((wrapper.get('select#map-date-format').element as HTMLSelectElement).value).toBe('mdy')
    expect((await confirmed(wrapper))?.sources.date).toEqual({
      kind: 'looseDate',
      name: 'Date',
      format: 'mdy',
    })
  })

  it('builds the date from any Year + Month + Day columns the user picks', async () => {
    const wrapper = mountDates({ format: 'custom', sources: {} })
    const select = wrapper.get('select#map-date')
    const options = [...(select.element as HTMLSelectElement).options]
    await select.setValue(String(options.findIndex((o) => o.text.startsWith('Year + Month'))))
    await wrapper.get('select[name="parts-year"]').setValue('Year')
    await wrapper.get('select[name="parts-month"]').setValue('Month')
    expect((await confirmed(wrapper))?.sources.date).toEqual({
      kind: 'gtdDate',
      year: 'Year',
      month: 'Month',
      day: '',
    })
  })
})
