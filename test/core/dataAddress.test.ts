import { describe, expect, it } from 'vitest'
import {
  describeBlocked,
  describeRefusal,
  fileNameOf,
  metaAddressOf,
  readDataAddress,
} from '../../src/core/dataAddress'

const PAGE = 'https://dash.example.org/app/?group=civilians'

describe('readDataAddress', () => {
  it.each<[string, string | null | RegExp]>([
    ['', null],
    ['?group=x', null],
    ['?data=', null],
    ['?data=https%3A%2F%2Fdata.example.com%2Fa.csv', 'https://data.example.com/a.csv'],
    ['?data=http://127.0.0.1:8080/x.csv', 'http://127.0.0.1:8080/x.csv'],
    ['?data=files/a.csv', 'https://dash.example.org/app/files/a.csv'],
    ['?data=javascript:alert(1)', /not an http or https address/],
    ['?data=data:text/csv,a', /not an http or https address/],
    ['?data=file:///etc/passwd', /not an http or https address/],
  ])('%s', (search, expected) => {
    const read = readDataAddress(search, PAGE)
    if (expected === null) expect(read).toBeNull()
    else if (typeof expected === 'string') expect(read).toEqual({ ok: true, url: expected })
    else expect(read?.ok === false && read.message).toMatch(expected)
  })
})

describe('addresses beside the data', () => {
  it.each([
    ['https://x.org/d/attacks.csv', 'attacks.csv', 'https://x.org/d/attacks.meta.json'],
    ['https://x.org/d/a%20b.csv?token=1', 'a b.csv', 'https://x.org/d/a%20b.meta.json?token=1'],
    ['https://x.org/export', 'export', 'https://x.org/export.meta.json'],
    ['https://x.org/', 'data.csv', 'https://x.org/data.meta.json'],
  ])('%s', (url, name, meta) => {
    expect(fileNameOf(url)).toBe(name)
    expect(metaAddressOf(url)).toBe(meta)
  })
})

describe('why a file could not be read', () => {
  it('names the status and the server', () => {
    expect(describeRefusal('https://x.org/a.csv', 404, 'Not Found')).toBe(
      'The server at x.org refused the data file a.csv (404 Not Found). Check the address in the link.',
    )
    expect(describeRefusal('https://x.org/a.csv', 500, '')).toContain('(status 500)')
  })
  it('explains CORS for another site, not for the page’s own', () => {
    const other = describeBlocked('https://data.org/a.csv', PAGE)
    expect(other).toContain('Access-Control-Allow-Origin')
    expect(other).toContain('(CORS)')
    expect(other).toContain('data.org')
    expect(describeBlocked('https://dash.example.org/a.csv', PAGE)).not.toContain('CORS')
  })
  it('says that an https page does not load plain http', () => {
    expect(describeBlocked('http://data.org/a.csv', PAGE)).toContain('plain http')
  })
})
