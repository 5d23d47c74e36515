// The first export of a visit loads the CSV writer before it writes (the page does not load it
// before): the file still comes, whole, once the writer is there.

import { mount } from '@vue/test-utils'
import { beforeEach, expect, it, vi } from 'vitest'
import ExportRows from '../../src/components/ExportRows.vue'
import { resetDatasetForTests, useDataset } from '../../src/composables/useDataset'
import { resetFiltersForTests } from '../../src/composables/useFilters'
import { loadCsv } from '../../src/core/load/loader'
import { FakeBlobWorker } from '../helpers/fakeBlobWorker'
import { REQUIRED_HEADER } from '../helpers/fixtures'

const CSV = `${REQUIRED_HEADER}
A,2021-10,shia worshippers,47,,,
B,2021-11,civilians,3,3,,
`

beforeEach(() => {
  resetDatasetForTests()
  resetFiltersForTests()
  useDataset().replaceStore(loadCsv(CSV).store!, 'test.csv')
})

it('downloads every row once the writer has loaded', async () => {
  const downloads: [Blob, string][] = []
  const wrapper = mount(ExportRows, {
    props: {
      options: {
        download: (name: string, data: Blob) => downloads.push([data, name]),
        today: () => '2024-05-01',
        createBlobWorker: () => new FakeBlobWorker(),
      },
    },
  })
  await wrapper.get('button').trigger('click')
  await vi.waitFor(() => expect(downloads).toHaveLength(1))
  const text = new TextDecoder().decode(await downloads[0]![0].arrayBuffer())
  expect(loadCsv(text).store?.records()).toEqual(useDataset().store.value?.records())
})
