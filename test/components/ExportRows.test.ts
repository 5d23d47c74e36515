import { mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import ExportRows from '../../src/components/ExportRows.vue'
import { resetDatasetForTests, useDataset } from '../../src/composables/useDataset'
import { resetFiltersForTests, useFilters } from '../../src/composables/useFilters'
import { loadCsv } from '../../src/core/load'
import { REQUIRED_HEADER } from '../helpers/fixtures'

const CSV = `${REQUIRED_HEADER},notes,lat
A,2021-10,shia worshippers,47,,,,=HYPERLINK("http://x"),1
B,2021-11,civilians,3,3,,,<img src=x onerror=alert(1)>,2
`

function setup() {
  const downloads: [string, string][] = []
  const wrapper = mount(ExportRows, {
    props: {
      options: {
        download: (text: string, name: string) => downloads.push([text, name]),
        today: () => '2024-05-01',
      },
    },
  })
  return { wrapper, downloads }
}

beforeEach(() => {
  resetDatasetForTests()
  resetFiltersForTests()
  const store = loadCsv(CSV).store
  if (store) useDataset().replaceStore(store, 'test.csv')
})

describe('ExportRows', () => {
  it('downloads every shown row, every column, Excel-friendly by default', async () => {
    const { wrapper, downloads } = setup()
    const button = wrapper.get('button')
    expect(button.text()).toContain('Export CSV')
    await button.trigger('click')
    const [text, name] = downloads[0] ?? []
    expect(name).toBe('casualties-all-2024-05-01.csv')
    expect(text?.startsWith('\uFEFF"incident_id"')).toBe(true)
    expect(text).toContain('\r\n"A","2021-10"')
    expect(text).toContain('"\'=HYPERLINK(""http://x"")"')
    expect(text).toContain('"<img src=x onerror=alert(1)>","2"')
    expect(loadCsv(text ?? '').store?.records()).toEqual(useDataset().store.value?.records())
  })

  it('exports exactly the filtered rows, named after the filters', async () => {
    const { wrapper, downloads } = setup()
    useFilters().filters.value = {
      ...useFilters().filters.value,
      targetGroups: ['shia worshippers'],
    }
    await nextTick()
    expect(wrapper.get('button').text()).toContain('(1 rows)')
    await wrapper.get('button').trigger('click')
    const [text, name] = downloads[0] ?? []
    expect(name).toBe('casualties-shia-worshippers-2024-05-01.csv')
    expect(
      loadCsv(text ?? '')
        .store?.records()
        .map((r) => r.incident_id),
    ).toEqual(['A'])
  })

  it('writes plain RFC 4180 with an HXL row on request', async () => {
    const { wrapper, downloads } = setup()
    await wrapper.get('select').setValue('rfc4180')
    await wrapper.get('input[type="checkbox"]').setValue(true)
    await wrapper.get('button').trigger('click')
    const [text] = downloads[0] ?? []
    expect(text?.startsWith('"incident_id"')).toBe(true)
    expect(text?.split('\r\n')[1]).toContain('"#event+id","#date+occurred"')
    expect(loadCsv(text ?? '').summary.rowsLoaded).toBe(2)
  })
})
