import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import DataImport from '../../src/components/DataImport.vue'
import { resetDatasetForTests, useDataset } from '../../src/composables/useDataset'
import type { ImportReport } from '../../src/core/load/importJob'
import { proposeMapping } from '../../src/core/load/mapping'
import { TEXT_COLUMNS, emptyRecord, type TextColumn } from '../../src/core/schema'
import { storeFromRecords } from '../../src/core/store/builder'
import { packColumns } from '../../src/core/store/transfer'
import { FakeImportWorker } from '../helpers/fakeImportWorker'

function storeOf(ids: string[]) {
  const records = ids.map((id) => ({
    ...emptyRecord(),
    incident_id: id,
    date: '2021',
    target_group: 'g',
    notes: `notes of ${id}`,
  }))
  return storeFromRecords(records)
}

// As the worker sends them: labels packed (core/store/transfer).
const columnsOf = (ids: string[]) => packColumns(storeOf(ids).columns)

// As the worker sends them when the text columns follow in a reply of their own: each column's
// bytes empty in `columns` (its offsets final), its bytes in `texts`.
function columnsAndTexts(ids: string[]) {
  const columns = columnsOf(ids)
  const texts = mapTexts((column) => columns.texts[column].bytes)
  columns.texts = mapTexts((column) => ({
    bytes: new Uint8Array(0),
    offsets: columns.texts[column].offsets,
  }))
  return { columns, texts }
}

function mapTexts<T>(make: (column: TextColumn) => T): Record<TextColumn, T> {
  return Object.fromEntries(TEXT_COLUMNS.map((column) => [column, make(column)])) as Record<
    TextColumn,
    T
  >
}

const shownNotes = () =>
  useDataset()
    .store.value?.records()
    .map((r) => r.notes)

function reportWith(partial: Partial<ImportReport> = {}): ImportReport {
  return {
    summary: { rowsLoaded: 2, rowsWithIssues: 0, blankLines: 0, skippedLines: 0 },
    fileIssues: [],
    rowIssues: [],
    rowIssueCount: 0,
    warnings: [],
    encoding: 'utf-8',
    delimiter: ',',
    header: [],
    format: 'schema',
    rejectedCsv: '',
    ...partial,
  }
}

const mounted: { unmount(): void }[] = []

/** The incident ids of the data on show, in order. */
const shownIds = () =>
  useDataset()
    .store.value?.records()
    .map((r) => r.incident_id)

function mountImport(downloads: [string, string][] = []) {
  const wrapper = mount(DataImport, {
    props: {
      options: { createWorker: () => new FakeImportWorker(), dropTarget: document },
      download: (name: string, text: string) => downloads.push([name, text]),
    },
    attachTo: document.body,
  })
  mounted.push(wrapper)
  return wrapper
}

async function chooseFile(wrapper: ReturnType<typeof mountImport>, file: File) {
  const input = wrapper.get('input[type="file"]')
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
}

beforeEach(() => {
  resetDatasetForTests()
  FakeImportWorker.made = []
  useDataset().replaceStore(storeOf(['OLD']), 'old.csv')
})
afterEach(() => {
  for (const wrapper of mounted.splice(0)) wrapper.unmount()
  document.body.innerHTML = ''
})

describe('DataImport', () => {
  it('has a file input whose accessible name contains "Import"', () => {
    const wrapper = mountImport()
    const label = wrapper.get('label:has(input[type="file"])')
    expect(label.text()).toContain('Import CSV')
  })

  it('sends the chosen file to the worker and replaces the data with the columns it returns', async () => {
    const wrapper = mountImport()
    const file = new File(['x'], 'mine.csv')
    await chooseFile(wrapper, file)
    const worker = FakeImportWorker.last()
    expect(worker.requests).toEqual([{ type: 'import', file, mapping: null }])
    worker.reply({ type: 'done', columns: columnsOf(['A', 'B']), report: reportWith() })
    await flushPromises()
    expect(shownIds()).toEqual(['A', 'B'])
    expect(useDataset().sourceName.value).toBe('mine.csv')
    expect(worker.terminated).toBe(true)
    expect(wrapper.get('[role="status"]').text()).toContain(
      '2 rows loaded, 0 rows with issues (0 blank lines ignored)',
    )
  })

  it('adds to the current data when "Add to current data" is checked', async () => {
    const wrapper = mountImport()
    await wrapper.get('label.append input').setValue(true)
    await chooseFile(wrapper, new File(['x'], 'more.csv'))
    FakeImportWorker.last().reply({ type: 'done', columns: columnsOf(['A']), report: reportWith() })
    await flushPromises()
    expect(shownIds()).toEqual(['OLD', 'A'])
  })

  it('shows the store only once its text columns, sent after the rest, are in', async () => {
    const wrapper = mountImport()
    await chooseFile(wrapper, new File(['x'], 'mine.csv'))
    const worker = FakeImportWorker.last()
    const { columns, texts } = columnsAndTexts(['A', 'B'])
    worker.reply({ type: 'done', columns, report: reportWith(), textsToFollow: true })
    await flushPromises()
    // The rest came, not the text: the data on show stays, the worker stays on, still importing.
    expect(shownIds()).toEqual(['OLD'])
    expect(worker.terminated).toBe(false)
    expect(useDataset().publishing.value).toBe(true)
    expect(wrapper.text()).toContain('Reading mine.csv')
    worker.reply({ type: 'texts', texts })
    await flushPromises()
    expect(shownIds()).toEqual(['A', 'B'])
    expect(shownNotes()).toEqual(['notes of A', 'notes of B'])
    expect(worker.terminated).toBe(true)
    expect(useDataset().publishing.value).toBe(false)
    expect(wrapper.get('[role="status"]').text()).toContain('2 rows loaded')
  })

  it('adds a store whose text columns follow only once they are in', async () => {
    const wrapper = mountImport()
    await wrapper.get('label.append input').setValue(true)
    await chooseFile(wrapper, new File(['x'], 'more.csv'))
    const worker = FakeImportWorker.last()
    const { columns, texts } = columnsAndTexts(['A'])
    worker.reply({ type: 'done', columns, report: reportWith(), textsToFollow: true })
    await flushPromises()
    expect(shownIds()).toEqual(['OLD'])
    worker.reply({ type: 'texts', texts })
    await flushPromises()
    expect(shownIds()).toEqual(['OLD', 'A'])
    expect(shownNotes()).toEqual(['notes of OLD', 'notes of A'])
  })

  it('keeps the data on show when the worker stops before the text columns came', async () => {
    const wrapper = mountImport()
    await chooseFile(wrapper, new File(['x'], 'mine.csv'))
    const worker = FakeImportWorker.last()
    const { columns } = columnsAndTexts(['A', 'B'])
    worker.reply({ type: 'done', columns, report: reportWith(), textsToFollow: true })
    await flushPromises()
    worker.onerror?.({ message: 'out of memory' } as ErrorEvent)
    await flushPromises()
    expect(shownIds()).toEqual(['OLD'])
    expect(worker.terminated).toBe(true)
    // Nothing is on its way any more: the page does not say it is updating.
    expect(useDataset().publishing.value).toBe(false)
    expect(wrapper.get('[data-testid="import-issues"]').text()).toContain('out of memory')
  })

  it('drops the text columns of an import cancelled before they came', async () => {
    const wrapper = mountImport()
    await chooseFile(wrapper, new File([new Uint8Array(3 * 1024 * 1024)], 'big.csv'))
    const worker = FakeImportWorker.last()
    const { columns, texts } = columnsAndTexts(['A'])
    worker.reply({ type: 'done', columns, report: reportWith(), textsToFollow: true })
    await flushPromises()
    await wrapper.get('button').trigger('click')
    worker.reply({ type: 'texts', texts })
    await flushPromises()
    expect(shownIds()).toEqual(['OLD'])
    expect(useDataset().publishing.value).toBe(false)
  })

  it('shows a named progress bar with Cancel for a big file, and Cancel stops the worker', async () => {
    const wrapper = mountImport()
    await chooseFile(wrapper, new File([new Uint8Array(3 * 1024 * 1024)], 'big.csv'))
    const worker = FakeImportWorker.last()
    worker.reply({ type: 'progress', bytesRead: 1024 * 1024, total: 3 * 1024 * 1024 })
    await flushPromises()
    const progress = wrapper.get('progress')
    expect(progress.attributes('aria-label')).toContain('big.csv')
    expect(progress.attributes('value')).toBe(String(1024 * 1024))
    expect(wrapper.text()).toContain('33 %')
    await wrapper.get('button').trigger('click')
    expect(worker.terminated).toBe(true)
    expect(wrapper.find('progress').exists()).toBe(false)
    expect(shownIds()).toEqual(['OLD'])
  })

  it('shows no progress bar for a small file', async () => {
    const wrapper = mountImport()
    await chooseFile(wrapper, new File(['small'], 'small.csv'))
    expect(wrapper.find('progress').exists()).toBe(false)
    expect(wrapper.text()).toContain('Reading small.csv')
  })

  it('gives one clear message for a file it cannot use and keeps the data on show', async () => {
    const wrapper = mountImport()
    await chooseFile(wrapper, new File([''], 'empty.csv'))
    FakeImportWorker.last().reply({ type: 'failed', message: 'The file is empty.', warnings: [] })
    await flushPromises()
    const issues = wrapper.get('[data-testid="import-issues"]')
    expect(issues.attributes('role')).toBe('alert')
    expect(issues.text()).toContain('empty.csv was not loaded: The file is empty.')
    expect(shownIds()).toEqual(['OLD'])
  })

  it('lists the issues and downloads the rejected rows', async () => {
    const downloads: [string, string][] = []
    const wrapper = mountImport(downloads)
    await chooseFile(wrapper, new File(['x'], 'messy.csv'))
    const report = reportWith({
      summary: { rowsLoaded: 1, rowsWithIssues: 1, blankLines: 2, skippedLines: 0 },
      rowIssues: [
        { line: 3, column: 'date', message: '"2021-02-30" is not a day', value: '2021-02-30' },
      ],
      rowIssueCount: 1,
      warnings: ['The file is not valid UTF-8; it was read as Windows-1252 (Western European).'],
      rejectedCsv: '"line","id"\r\n"3","x"\r\n',
    })
    FakeImportWorker.last().reply({ type: 'done', columns: columnsOf(['A']), report })
    await flushPromises()
    const issues = wrapper.get('[data-testid="import-issues"]')
    expect(issues.text()).toContain('line 3, column date: "2021-02-30" is not a day')
    expect(issues.text()).toContain('Windows-1252')
    expect(wrapper.get('[role="status"]').text()).toContain(
      '1 row loaded, 1 row with issues (2 blank lines ignored)',
    )
    await issues.get('button').trigger('click')
    expect(downloads).toEqual([['messy-rows-with-issues.csv', '"line","id"\r\n"3","x"\r\n']])
  })

  it('asks for a mapping, then sends the file again with the confirmed mapping', async () => {
    const wrapper = mountImport()
    const file = new File(['x'], 'gtd.csv')
    await chooseFile(wrapper, file)
    const header = [
      'eventid',
      'iyear',
      'imonth',
      'iday',
      'targtype1_txt',
      'nkill',
      'nwound',
      'country_txt',
      'gname',
    ]
    const proposal = proposeMapping(header)
    FakeImportWorker.last().reply({
      type: 'needs-mapping',
      header,
      proposal,
      missing: ['incident_id'],
    })
    await vi.dynamicImportSettled()
    await flushPromises()
    const form = wrapper.get('form.column-mapping')
    await form.trigger('submit')
    const second = FakeImportWorker.last()
    expect(FakeImportWorker.made).toHaveLength(2)
    expect(second.importRequest()?.file).toBe(file)
    expect(second.importRequest()?.mapping?.sources.date).toEqual(proposal.sources.date)
  })

  it('imports a file dropped anywhere on the page, with an overlay while dragging', async () => {
    const wrapper = mountImport()
    const file = new File(['x'], 'dropped.csv')
    const dataTransfer = { types: ['Files'], files: [file], dropEffect: 'none' }
    const drag = (type: string) => {
      const event = new Event(type, { bubbles: true, cancelable: true })
      Object.defineProperty(event, 'dataTransfer', { value: dataTransfer })
      document.body.dispatchEvent(event)
      return event
    }
    drag('dragenter')
    const over = drag('dragover')
    await flushPromises()
    expect(over.defaultPrevented).toBe(true)
    expect(wrapper.find('.drop-overlay').exists()).toBe(true)
    drag('drop')
    await flushPromises()
    expect(wrapper.find('.drop-overlay').exists()).toBe(false)
    expect(FakeImportWorker.last().importRequest()?.file).toBe(file)
  })

  it('stops listening for drops once unmounted', async () => {
    mountImport()
    mounted.pop()?.unmount()
    const event = new Event('drop', { bubbles: true, cancelable: true })
    Object.defineProperty(event, 'dataTransfer', {
      value: { types: ['Files'], files: [new File(['x'], 'late.csv')] },
    })
    document.body.dispatchEvent(event)
    expect(FakeImportWorker.made).toHaveLength(0)
  })

  it('starts the import worker when the pointer comes onto Import CSV or the focus does, before a file is chosen', async () => {
    const wrapper = mount(DataImport, {
      props: {
        options: {
          createWorker: () => new FakeImportWorker(),
          dropTarget: null,
          twoWorkers: () => false,
          spareWorkers: true,
        },
      },
      attachTo: document.body,
    })
    mounted.push(wrapper)
    expect(FakeImportWorker.made).toHaveLength(0)
    const button = wrapper.get('label.file-button')
    await button.trigger('pointerenter')
    expect(FakeImportWorker.made).toHaveLength(1)
    await button.trigger('focusin')
    expect(FakeImportWorker.made).toHaveLength(1)
    await chooseFile(wrapper, new File(['incident_id\n'], 'a.csv'))
    // The file went to the worker already started.
    expect(FakeImportWorker.made).toHaveLength(1)
    expect(FakeImportWorker.last().requests[0]).toMatchObject({ type: 'import' })
  })
})
