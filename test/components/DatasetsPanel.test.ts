// The panel of the user's work: Add a row opens the form, Undo says what it would undo, the
// stored datasets are listed with their rows, the change log downloads as CSV, and "Delete data
// stored in this browser" is always there.

import 'fake-indexeddb/auto'
import { IDBFactory } from 'fake-indexeddb'
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import DatasetsPanel from '../../src/components/DatasetsPanel.vue'
import { resetDatasetForTests, useDataset } from '../../src/composables/useDataset'
import { useRowEditor } from '../../src/composables/useRowEditor'
import { configureStoredData, useStoredData } from '../../src/composables/useStoredData'
import { storeFromRecords } from '../../src/core/store/builder'
import { recordWith } from '../helpers/record'

const record = recordWith({ incident_id: 'X', date: '2021-08', target_group: 'civilians' })

function reset(): void {
  useStoredData.reset()
  useRowEditor.reset()
  resetDatasetForTests()
}

beforeEach(async () => {
  reset()
  globalThis.indexedDB = new IDBFactory()
  configureStoredData({
    storage: { persist: async () => true, persisted: async () => false },
    channel: () => null,
  })
  await useStoredData().start()
  await useStoredData().settled()
})
afterEach(() => {
  reset()
  configureStoredData({})
})

function setup() {
  const downloads: [string, string][] = []
  const wrapper = mount(DatasetsPanel, {
    props: { download: (name: string, text: string) => downloads.push([name, text]) },
    attachTo: document.body,
  })
  return { wrapper, downloads }
}

const button = (wrapper: ReturnType<typeof setup>['wrapper'], name: string) =>
  wrapper.findAll('button').find((b) => b.text() === name)

// Opens "Datasets in this browser"; its list is loaded then.
async function openList(wrapper: ReturnType<typeof setup>['wrapper']): Promise<void> {
  const details = wrapper.get('details')
  ;(details.element as HTMLDetailsElement).open = true
  await details.trigger('toggle')
  await vi.waitFor(async () => {
    await flushPromises()
    expect(wrapper.find('details table').exists()).toBe(true)
  })
}

describe('DatasetsPanel', () => {
  it('shows the shipped data as not changed, the persist answer, and the delete control', async () => {
    const { wrapper } = setup()
    await flushPromises()
    expect(wrapper.get('[data-testid=storage-status]').text()).toContain(
      'persistent storage granted',
    )
    expect(button(wrapper, 'Undo')?.attributes('disabled')).toBeDefined()
    expect(button(wrapper, 'Delete data stored in this browser')).toBeDefined()
    // The list is drawn when opened.
    expect(wrapper.find('details table').exists()).toBe(false)
    await openList(wrapper)
    expect(wrapper.text()).toContain('data/attacks.csv (shipped, never changed)')
  })

  it('lists an imported dataset with its rows, says what Undo undoes, and downloads the log', async () => {
    const { wrapper, downloads } = setup()
    useDataset().replaceStore(storeFromRecords([record({}), record({})]), 'mine.csv')
    await useStoredData().settled()
    await openList(wrapper)
    const row = wrapper.get('[data-testid=stored-dataset]')
    expect(row.text()).toContain('mine.csv')
    expect(row.text()).toContain('2')
    expect(wrapper.get('#undo-what').text()).toBe('Imported mine.csv (2 rows)')
    await wrapper
      .findAll('button')
      .find((b) => b.text().startsWith('Export change log'))
      ?.trigger('click')
    expect(downloads[0]?.[0]).toBe('change-log.csv')
    expect(downloads[0]?.[1]).toContain('"Imported mine.csv (2 rows)"')
    await row
      .findAll('button')
      .find((b) => b.text().startsWith('Download'))
      ?.trigger('click')
    // The CSV writer loads with the first download.
    await vi.waitFor(() => expect(downloads[1]?.[0]).toBe('mine.csv'))
  })

  it('opens the row form on Add a row, with a labelled field per column', async () => {
    const { wrapper } = setup()
    await button(wrapper, 'Add a row')?.trigger('click')
    // The form is loaded on demand.
    for (let i = 0; i < 20 && !wrapper.find('[data-testid=row-editor]').exists(); i++) {
      await new Promise((done) => setTimeout(done, 10))
      await flushPromises()
    }
    const form = wrapper.get('[data-testid=row-editor]')
    expect(form.get('label[for=row-field-incident_id]').text()).toBe('incident_id')
    await form.get('form').trigger('submit')
    await flushPromises()
    expect(form.text()).toContain('column incident_id: is empty: every row needs an incident id')
    expect(form.get('#row-field-date').attributes('aria-invalid')).toBe('true')
  })
})
