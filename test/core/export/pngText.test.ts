import { describe, expect, it } from 'vitest'
import { addPngText, crc32, pngSize, readPngText } from '../../../src/core/export/pngText'

// The smallest valid PNG: one grey pixel (a well-known 68-byte file).
const png = new Uint8Array(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    'base64',
  ),
)

describe('PNG text', () => {
  it('computes the CRC-32 PNG uses', () => {
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082)
  })

  it('adds UTF-8 texts after the header and keeps the image', () => {
    const size = pngSize(png)
    expect(size).toEqual({ width: 1, height: 1 })
    const entries = { Title: 'Killed by target group — Kunduz', Comment: 'https://d.org/?x=“y”' }
    const out = addPngText(png, entries)
    expect(pngSize(out)).toEqual(size)
    expect(readPngText(out)).toMatchObject(entries)
    expect(out.length).toBeGreaterThan(png.length)
    // The original chunks follow the new ones unchanged.
    expect(out.subarray(out.length - (png.length - 33))).toEqual(png.subarray(33))
  })

  it('leaves what is not a PNG as it is', () => {
    const text = new TextEncoder().encode('not a png at all, just some text of some length')
    expect(addPngText(text, { Title: 'x' })).toBe(text)
    expect(pngSize(text)).toBeNull()
    expect(readPngText(text)).toEqual({})
  })
})
