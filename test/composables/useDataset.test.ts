// The shared dataset: small data is shown at once; big data is shown in a task of its own, and a
// big append is added up in steps while the page keeps showing what it had ("publishing" says
// something is on its way); a replacement meanwhile wins over an append still running.

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { resetDatasetForTests, useDataset } from '../../src/composables/useDataset'
import { ASYNC_ROWS } from '../../src/composables/yieldToPage'
import { emptyRecord } from '../../src/core/schema'
import type { CasualtyStore } from '../../src/core/store/store'
import { storeFromRecords } from '../../src/core/store/builder'
import { concatStores } from '../../src/core/store/concat'

const small = (id: string) =>
  storeFromRecords([{ ...emptyRecord(), incident_id: id, date: '2021' }])

let big: CasualtyStore | null = null
// At least ASYNC_ROWS rows, built once by doubling.
function bigStore(): CasualtyStore {
  if (big) return big
  let store = storeFromRecords(
    Array.from({ length: 1000 }, (_, i) => ({
      ...emptyRecord(),
      incident_id: `B${i}`,
      date: '2022',
    })),
  )
  while (store.length < ASYNC_ROWS) store = concatStores(store, store)
  big = store
  return store
}

async function settled(): Promise<void> {
  const { publishing } = useDataset()
  for (let i = 0; i < 2000 && publishing.value; i++) {
    await new Promise((done) => setTimeout(done, 5))
  }
  expect(publishing.value).toBe(false)
}

const ids = (store: CasualtyStore | null, rows: number[]) =>
  rows.map((row) => store?.category('incident_id', row))

beforeEach(() => resetDatasetForTests())
afterEach(() => resetDatasetForTests())

describe('useDataset', () => {
  it('shows small data at once, and adds small data at once', () => {
    const { store, sourceName, replaceStore, appendStore } = useDataset()
    replaceStore(small('A'), 'a.csv')
    appendStore(small('B'), 'b.csv')
    expect(ids(store.value, [0, 1])).toEqual(['A', 'B'])
    expect(sourceName.value).toBe('a.csv + b.csv')
  })

  it('adds to big data in steps, showing the old data until the sum is ready', async () => {
    const { store, sourceName, publishing, replaceStore, appendStore } = useDataset()
    replaceStore(small('A'), 'a.csv')
    appendStore(bigStore(), 'big.csv')
    expect(publishing.value).toBe(true)
    expect(store.value?.length).toBe(1)
    await settled()
    expect(store.value?.length).toBe(1 + bigStore().length)
    expect(ids(store.value, [0, 1, bigStore().length])).toEqual(['A', 'B0', `B${999}`])
    expect(sourceName.value).toBe('a.csv + big.csv')
  })

  it('adds a second append to the first while both are on their way', async () => {
    const { store, sourceName, replaceStore, appendStore } = useDataset()
    replaceStore(bigStore(), 'big.csv')
    appendStore(small('C'), 'c.csv')
    appendStore(small('D'), 'd.csv')
    await settled()
    const rows = bigStore().length
    expect(store.value?.length).toBe(rows + 2)
    expect(ids(store.value, [rows, rows + 1])).toEqual(['C', 'D'])
    expect(sourceName.value).toBe('big.csv + c.csv + d.csv')
  })

  it('drops an append still running when the data is replaced', async () => {
    const { store, sourceName, replaceStore, appendStore } = useDataset()
    replaceStore(small('A'), 'a.csv')
    appendStore(bigStore(), 'big.csv')
    replaceStore(small('Z'), 'z.csv')
    expect(ids(store.value, [0])).toEqual(['Z'])
    await settled()
    await new Promise((done) => setTimeout(done, 50))
    expect(store.value?.length).toBe(1)
    expect(sourceName.value).toBe('z.csv')
  })
})
