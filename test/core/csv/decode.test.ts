import { describe, expect, it } from 'vitest'
import { decodeBytes, looksBinary, sniffBom } from '../../../src/core/csv/decode'
import { fixtureBytes } from '../../helpers/fixtures'

describe('decodeBytes', () => {
  it.each([
    ['utf8-bom-crlf.csv', 'utf-8', 'incident_id,'],
    ['valid-minimal.csv', 'utf-8', 'incident_id,'],
    ['utf16le-bom-tab.txt', 'utf-16le', 'incident_id\t'],
    ['utf16be-bom-tab.txt', 'utf-16be', 'incident_id\t'],
  ])('decodes %s as %s, without the BOM', (name, encoding, start) => {
    const result = decodeBytes(fixtureBytes(name))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.encoding).toBe(encoding)
    expect(result.text.startsWith(start)).toBe(true)
    expect(result.warnings).toEqual([])
  })

  it('keeps non-ASCII letters of UTF-16 files', () => {
    const result = decodeBytes(fixtureBytes('utf16le-bom-tab.txt'))
    expect(result.ok && result.text).toContain('schüler')
  })

  it('reads bytes that are not UTF-8 as Windows-1252, with a warning', () => {
    const result = decodeBytes(fixtureBytes('windows-1252.csv'))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.encoding).toBe('windows-1252')
    expect(result.text).toContain('café')
    expect(result.warnings[0]).toMatch(/not valid UTF-8.*Windows-1252/)
  })

  it.each([
    ['empty.csv', /empty/],
    ['binary.png', /not CSV text.*NUL/],
    ['utf16le-no-bom.csv', /UTF-16 text without a byte-order mark/],
  ])('refuses %s with one clear message', (name, message) => {
    const result = decodeBytes(fixtureBytes(name))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(message)
  })

  it('refuses a UTF-8 BOM followed by invalid UTF-8', () => {
    const result = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xff]))
    expect(result.ok).toBe(false)
  })

  it('sniffs BOMs and NUL bytes', () => {
    expect(sniffBom(new Uint8Array([0xff, 0xfe, 0x61, 0]))).toEqual({
      encoding: 'utf-16le',
      length: 2,
    })
    expect(sniffBom(new Uint8Array([0x61]))).toBeNull()
    expect(looksBinary(new Uint8Array([0x61, 0x00]))).toBe(true)
    expect(looksBinary(new TextEncoder().encode('a,b\n1,2\n'))).toBe(false)
  })
})
