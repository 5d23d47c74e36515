// Data from a link: downloaded, then handed to the import as a File once; its description read
// from beside it; a refusal said with its reason (CORS for a blocked read, the status otherwise).

import { afterEach, describe, expect, it } from 'vitest'
import { createDataUrlState } from '../../src/composables/useDataUrl'
import { resetDatasetForTests, useDataset } from '../../src/composables/useDataset'
import { storeFromRecords } from '../../src/core/store/builder'
import { emptyRecord } from '../../src/core/schema'

const PAGE = 'https://dash.example.org/'
const DATA = 'https://data.example.com/files/linked.csv'

function fakeWindow(search: string, answer: (url: string) => Promise<Response>) {
  const asked: string[] = []
  return {
    asked,
    win: {
      location: { search, href: `${PAGE}${search}` } as Location,
      fetch: ((input: RequestInfo | URL) => {
        const url = String(input)
        asked.push(url)
        return answer(url)
      }) as typeof fetch,
    },
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
const link = `?data=${encodeURIComponent(DATA)}&group=civilians`

afterEach(() => resetDatasetForTests())

describe('useDataUrl', () => {
  it('does nothing without a data address', () => {
    const { win, asked } = fakeWindow('?group=x', () => Promise.reject(new Error('no')))
    const state = createDataUrlState(win)
    expect(state.linked).toBe(false)
    expect(state.phase.value).toBe('none')
    expect(asked).toEqual([])
  })

  it('downloads the file, reads its description and hands the file to the import once', async () => {
    const { win, asked } = fakeWindow(link, async (url) =>
      url.endsWith('.meta.json')
        ? new Response(JSON.stringify({ title: 'Linked data', licence: 'CC0' }))
        : new Response('incident_id,date,target_group\nA,2021,civilians\n'),
    )
    const state = createDataUrlState(win)
    expect(state.linked).toBe(true)
    expect(state.phase.value).toBe('fetching')
    await settle()
    await settle()
    expect(asked).toEqual([DATA, 'https://data.example.com/files/linked.meta.json'])
    expect(state.phase.value).toBe('ready')
    const taken: File[] = []
    state.takeFile((file) => taken.push(file))
    state.takeFile((file) => taken.push(file))
    expect(taken.map((file) => file.name)).toEqual(['linked.csv'])
    expect(await taken[0]!.text()).toContain('A,2021,civilians')
    expect(state.phase.value).toBe('imported')
    // The import's store takes the description read from beside the file.
    const { replaceStore, meta } = useDataset()
    replaceStore(
      storeFromRecords([{ ...emptyRecord(), incident_id: 'A', date: '2021' }]),
      'linked.csv',
    )
    expect(meta.value).toMatchObject({ title: 'Linked data', licence: 'CC0' })
  })

  it.each([
    ['a blocked read (CORS)', () => Promise.reject(new TypeError('Failed to fetch')), /CORS/],
    [
      'a refusal',
      () => Promise.resolve(new Response('no', { status: 403, statusText: 'Forbidden' })),
      /403 Forbidden/,
    ],
  ])('says why after %s', async (_name, answer, message) => {
    const { win } = fakeWindow(link, answer)
    const state = createDataUrlState(win)
    await settle()
    expect(state.phase.value).toBe('failed')
    expect(state.message.value).toMatch(message)
    const taken: File[] = []
    state.takeFile((file) => taken.push(file))
    expect(taken).toEqual([])
  })

  it('refuses an address that is not http(s) without asking anyone', () => {
    const { win, asked } = fakeWindow('?data=javascript:alert(1)', () =>
      Promise.reject(new Error()),
    )
    const state = createDataUrlState(win)
    expect(state.phase.value).toBe('failed')
    expect(state.message.value).toMatch(/not an http or https address/)
    expect(asked).toEqual([])
  })
})
