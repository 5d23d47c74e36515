import { describe, expect, it } from 'vitest'
import { ByteKeys } from '../../../src/core/store/byteKeys'
import { mergeKeys } from '../../../src/core/store/appendPart'

describe('ByteKeys', () => {
  it('numbers byte strings by first appearance, through rehashes', () => {
    const keys = new ByteKeys()
    const encoder = new TextEncoder()
    const words = Array.from({ length: 5000 }, (_, i) => `k${i % 2500}${i % 2500 === 7 ? 'é' : ''}`)
    const codes = words.map((word) => {
      const bytes = encoder.encode(word)
      return keys.find(bytes, 0, bytes.length)
    })
    expect(keys.size).toBe(2500)
    expect(codes.slice(2500)).toEqual(codes.slice(0, 2500))
    expect(keys.strings()).toEqual(words.slice(0, 2500))
  })
})

describe('ByteKeys.find and equals', () => {
  const encoder = new TextEncoder()
  it.each([
    [
      ['a', 'b', 'a', ''],
      [0, 1, 0, 2],
    ],
    [
      ['Kābul', 'Kabul', 'Kābul'],
      [0, 1, 0],
    ],
    [
      ['x', 'xy', 'xyz', 'xy'],
      [0, 1, 2, 1],
    ],
  ])('numbers %j as %j, reading keys out of a larger buffer', (words, expected) => {
    const keys = new ByteKeys()
    const line = encoder.encode(`|${words.join('|')}|`)
    const codes: number[] = []
    let start = 1
    for (const word of words) {
      const end = start + encoder.encode(word).length
      codes.push(keys.find(line, start, end))
      expect(keys.equals(codes.at(-1) as number, line, start, end)).toBe(true)
      start = end + 1
    }
    expect(codes).toEqual(expected)
    expect(keys.strings()).toEqual([...new Set(words)])
  })
})

describe('ByteKeys.packed', () => {
  // The arena starts at 4,096 bytes: keys of 4,000 bytes leave it nearly full (given as it is),
  // keys of 100 bytes leave it mostly spare (cut to size).
  it.each([
    ['a nearly full arena', 40, 100],
    ['a mostly spare arena', 10, 10],
  ])('gives every key in order from %s', (_, count, length) => {
    const keys = new ByteKeys()
    const words = Array.from({ length: count }, (_, i) => `${i}`.padEnd(length, 'x'))
    const encoder = new TextEncoder()
    for (const word of words) {
      const bytes = encoder.encode(word)
      keys.find(bytes, 0, bytes.length)
    }
    const { bytes, offsets } = keys.packed()
    expect(bytes.length).toBe(count * length)
    const decoder = new TextDecoder()
    const got = Array.from({ length: count }, (_, k) =>
      decoder.decode(bytes.subarray(offsets[k], offsets[k + 1])),
    )
    expect(got).toEqual(words)
  })
})

describe('mergeKeys', () => {
  const encoder = new TextEncoder()
  const packed = (words: string[]) => {
    const parts = words.map((word) => encoder.encode(word))
    const offsets = new Uint32Array(parts.length + 1)
    parts.forEach((part, i) => (offsets[i + 1] = offsets[i]! + part.length))
    const bytes = new Uint8Array(offsets[parts.length]!)
    parts.forEach((part, i) => bytes.set(part, offsets[i]!))
    return { bytes, offsets, count: parts.length }
  }

  it('numbers keys found as before and new ones after, then finds them all', () => {
    const keys = new ByteKeys()
    const find = (word: string) => {
      const bytes = encoder.encode(word)
      return keys.find(bytes, 0, bytes.length)
    }
    const first = Array.from({ length: 300 }, (_, i) => `a${i}`)
    first.forEach(find)
    // Half of these are known; the new ones include a non-ASCII one and the empty key.
    const second = [
      ...Array.from({ length: 3000 }, (_, i) => (i % 2 ? `a${i % 300}` : `b${i}é`)),
      '',
    ]
    const { bytes, offsets, count } = packed([...new Set(second)])
    const numbers = mergeKeys(keys, bytes, offsets, count)
    const unique = [...new Set(second)]
    const fresh = unique.filter((word) => !first.includes(word))
    expect(Array.from(numbers)).toEqual(
      unique.map((word) =>
        first.includes(word) ? first.indexOf(word) : 300 + fresh.indexOf(word),
      ),
    )
    expect(keys.size).toBe(300 + fresh.length)
    expect(keys.strings()).toEqual([...first, ...fresh])
    // After a merge, find() knows every key, old and new, and adds others after them.
    expect(find('a7')).toBe(7)
    expect(find(fresh[5]!)).toBe(305)
    expect(find('')).toBe(300 + fresh.indexOf(''))
    expect(find('new one')).toBe(300 + fresh.length)
    expect(keys.packed().offsets.length).toBe(300 + fresh.length + 2)
  })

  it('merges into an empty dictionary, and twice in a row', () => {
    const keys = new ByteKeys()
    const one = packed(['x', 'y'])
    expect(Array.from(mergeKeys(keys, one.bytes, one.offsets, one.count))).toEqual([0, 1])
    const two = packed(['y', 'z', 'x'])
    expect(Array.from(mergeKeys(keys, two.bytes, two.offsets, two.count))).toEqual([1, 2, 0])
    expect(keys.strings()).toEqual(['x', 'y', 'z'])
  })
})
