import { flushPromises, mount } from '@vue/test-utils'
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import ExportRows from '../../src/components/ExportRows.vue'
import { resetDatasetForTests, useDataset } from '../../src/composables/useDataset'
import { resetFiltersForTests, useFilters } from '../../src/composables/useFilters'
import { loadCsvWriter, type UseExportOptions } from '../../src/composables/useExport'
import { CSV_PART_ROWS, storeToCsv } from '../../src/core/export/exportCsv'
import { EXCEL_FRIENDLY } from '../../src/core/csv/write'
import { loadCsv } from '../../src/core/load/loader'
import { emptyRecord } from '../../src/core/schema'
import { storeFromRecords } from '../../src/core/store/builder'
import { FakeBlobWorker } from '../helpers/fakeBlobWorker'
import { REQUIRED_HEADER } from '../helpers/fixtures'

const CSV = `${REQUIRED_HEADER},notes,lat
A,2021-10,shia worshippers,47,,,,=HYPERLINK("http://x"),1
B,2021-11,civilians,3,3,,,<img src=x onerror=alert(1)>,2
`

// The file's text exactly as saved: Blob.text() would drop the byte-order mark.
async function textOf(blob: Blob | undefined): Promise<string> {
  if (!blob) return ''
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer())
}

function setup(options: Partial<UseExportOptions> = {}) {
  const downloads: [Blob, string][] = []
  const wrapper = mount(ExportRows, {
    props: {
      options: {
        download: (name: string, data: Blob) => downloads.push([data, name]),
        today: () => '2024-05-01',
        createBlobWorker: () => new FakeBlobWorker(),
        ...options,
      },
    },
  })
  return { wrapper, downloads }
}

/** A store of `rows` rows: several pieces of the writer (CSV_PART_ROWS rows a piece). */
function bigStore(rows: number) {
  const records = Array.from({ length: rows }, (_, i) => ({
    ...emptyRecord(),
    incident_id: `R${i}`,
    date: '2021-10',
    target_group: i % 2 ? 'civilians' : '=cmd',
    killed_min: i,
    notes: `note "${i}"\n`,
  }))
  return storeFromRecords(records)
}

// The CSV writer loads with the first export: loaded before these tests, which follow an export
// from its click; the first export's own wait is tested in useExport's.
beforeAll(async () => {
  await loadCsvWriter()
})

beforeEach(() => {
  FakeBlobWorker.made = []
  resetDatasetForTests()
  resetFiltersForTests()
  const store = loadCsv(CSV).store
  if (store) useDataset().replaceStore(store, 'test.csv')
})

describe('ExportRows', () => {
  it('downloads every shown row, every column, Excel-friendly by default', async () => {
    const { wrapper, downloads } = setup()
    const button = wrapper.get('button')
    expect(button.text()).toBe('Export CSV (2 rows)')
    await button.trigger('click')
    // A small export is written within the click.
    expect(downloads).toHaveLength(1)
    const [blob, name] = downloads[0] ?? []
    const text = await textOf(blob)
    expect(name).toBe('casualties-all-2024-05-01.csv')
    expect(blob?.type).toBe('text/csv;charset=utf-8')
    expect(text.startsWith('\uFEFF"incident_id"')).toBe(true)
    expect(text).toContain('\r\n"A","2021-10"')
    expect(text).toContain('"\'=HYPERLINK(""http://x"")"')
    expect(text).toContain('"<img src=x onerror=alert(1)>","2"')
    expect(loadCsv(text).store?.records()).toEqual(useDataset().store.value?.records())
  })

  it('exports exactly the filtered rows, named after the filters', async () => {
    const { wrapper, downloads } = setup()
    useFilters().filters.value = {
      ...useFilters().filters.value,
      targetGroups: ['shia worshippers'],
    }
    await nextTick()
    expect(wrapper.get('button').text()).toBe('Export CSV (1 row)')
    await wrapper.get('button').trigger('click')
    const [blob, name] = downloads[0] ?? []
    expect(name).toBe('casualties-shia-worshippers-2024-05-01.csv')
    expect(
      loadCsv(await textOf(blob))
        .store?.records()
        .map((r) => r.incident_id),
    ).toEqual(['A'])
  })

  it('writes plain RFC 4180 with an HXL row on request', async () => {
    const { wrapper, downloads } = setup()
    await wrapper.get('select').setValue('rfc4180')
    await wrapper.get('input[type="checkbox"]').setValue(true)
    await wrapper.get('button').trigger('click')
    const text = await textOf(downloads[0]?.[0])
    expect(text.startsWith('"incident_id"')).toBe(true)
    expect(text.split('\r\n')[1]).toContain('"#event+id","#date+occurred"')
    expect(loadCsv(text).summary.rowsLoaded).toBe(2)
  })

  it.each([
    ['in the Blob worker', true],
    ['on the page when there is no worker', false],
  ])(
    'writes a big export in steps with progress, %s, to the one-shot bytes',
    async (_name, worker) => {
      const store = bigStore(3000)
      useDataset().replaceStore(store, 'big.csv')
      // budgetMs 0: the export yields after every piece.
      const { wrapper, downloads } = setup({
        budgetMs: 0,
        createBlobWorker: () => (worker ? new FakeBlobWorker() : null),
      })
      await wrapper.get('button').trigger('click')
      expect(downloads).toHaveLength(0)
      const bar = wrapper.get('progress')
      expect(bar.attributes('aria-label')).toBe('Preparing the export')
      expect(bar.attributes('max')).toBe('3000')
      expect(bar.attributes('value')).toBe(String(CSV_PART_ROWS))
      expect(wrapper.get('[data-testid="export-status"]').text()).toContain(
        `Preparing the export… ${Math.floor((CSV_PART_ROWS / 3000) * 100)} % of 3,000 rows`,
      )
      expect(wrapper.get('button').attributes('disabled')).toBeDefined()
      await vi.waitFor(() => expect(downloads).toHaveLength(1))
      await nextTick()
      expect(wrapper.find('progress').exists()).toBe(false)
      const bytes = new Uint8Array(await (downloads[0]?.[0] as Blob).arrayBuffer())
      const expected = new TextEncoder().encode(
        storeToCsv(store, useFilters().selection.value, EXCEL_FRIENDLY),
      )
      expect(Buffer.from(bytes).equals(Buffer.from(expected))).toBe(true)
      expect(wrapper.get('button').attributes('disabled')).toBeUndefined()
      // One worker for the export, which sends it text only, and which is ended afterwards.
      expect(FakeBlobWorker.made).toHaveLength(worker ? 1 : 0)
      for (const made of FakeBlobWorker.made) {
        expect(made.requests.at(-1)).toEqual({ type: 'finish', mime: 'text/csv;charset=utf-8' })
        expect(made.requests.slice(0, -1).every((r) => r.type === 'add')).toBe(true)
        expect(made.terminated).toBe(true)
      }
    },
  )

  it('stops on Cancel export, downloads nothing, and can export again', async () => {
    useDataset().replaceStore(bigStore(3000), 'big.csv')
    const { wrapper, downloads } = setup({ budgetMs: 0 })
    await wrapper.get('button').trigger('click')
    const cancel = wrapper.findAll('button').find((button) => button.text() === 'Cancel export')
    await cancel?.trigger('click')
    expect(wrapper.find('progress').exists()).toBe(false)
    expect(wrapper.get('[role="status"]').text()).toBe('Export cancelled; nothing was downloaded.')
    await flushPromises()
    await new Promise((done) => setTimeout(done, 20))
    expect(downloads).toHaveLength(0)
    expect(FakeBlobWorker.made[0]?.terminated).toBe(true)
    await wrapper.get('button').trigger('click')
    await vi.waitFor(() => expect(downloads).toHaveLength(1))
    expect(loadCsv(await textOf(downloads[0]?.[0])).summary.rowsLoaded).toBe(3000)
  })

  it('stops when a new dataset replaces the one being exported', async () => {
    useDataset().replaceStore(bigStore(3000), 'big.csv')
    const { wrapper, downloads } = setup({ budgetMs: 0 })
    await wrapper.get('button').trigger('click')
    useDataset().replaceStore(bigStore(5), 'other.csv')
    await vi.waitFor(() =>
      expect(wrapper.find('[role="status"]').text()).toBe(
        'Export cancelled; nothing was downloaded.',
      ),
    )
    expect(downloads).toHaveLength(0)
  })

  it('says so when the Blob worker fails, and downloads nothing', async () => {
    useDataset().replaceStore(bigStore(3000), 'big.csv')
    const { wrapper, downloads } = setup({ budgetMs: 0 })
    await wrapper.get('button').trigger('click')
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    FakeBlobWorker.made[0]?.fail('out of memory')
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true))
    spy.mockRestore()
    expect(wrapper.get('[role="alert"]').text()).toContain('The export could not be prepared')
    expect(downloads).toHaveLength(0)
    expect(wrapper.get('button').attributes('disabled')).toBeUndefined()
  })
})
