// Packing a store's labels as UTF-8 for the trip from the worker, and unpacking them in steps:
// whatever the strings and the step size, the page must get back exactly what the worker had.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CATEGORY_COLUMNS } from '../../../src/core/schema'
import { emptyRecord } from '../../../src/core/schema'
import { CasualtyStore, isRepeat, type CategoryData } from '../../../src/core/store/store'
import { labelCount, labelsInRange } from '../../../src/core/store/packedStrings'
import { builtLabels, storeFromRecords } from '../../../src/core/store/builder'
import { runSteps, type Steps } from '../../../src/core/steps'
import {
  KEPT_PACKED,
  packColumns,
  transferablesOfPacked,
  unpackColumns,
  unpackStrings,
} from '../../../src/core/store/transfer'
import { packStrings } from '../../../src/core/store/packedStrings'

const unpack = (values: string[], step?: number) =>
  runSteps(unpackStrings(packStrings(values), step))

// Counts the steps a generator takes (its yields + 1) and returns its result.
function stepsOf<T>(steps: Steps<T>): { value: T; steps: number } {
  let count = 1
  for (;;) {
    const next = steps.next()
    if (next.done) return { value: next.value, steps: count }
    count++
  }
}

// Well-formed text: any code point, including astral ones and lone-surrogate-free edge cases.
const wellFormed = fc.string({ unit: 'grapheme', maxLength: 12 })
const anyUnits = fc.string({ unit: 'binary', maxLength: 12 })

describe('packStrings / unpackStrings', () => {
  it.each([
    ['nothing', []],
    ['one empty string', ['']],
    ['empty strings among others', ['', 'a', '', '', 'bc', '']],
    ['ASCII', ['civilians', 'us service members', 'ID-1']],
    ['Latin-1 and beyond', ['Kābul', 'Hérat', 'Ghōr', 'naïve', 'Đà Nẵng']],
    ['other scripts', ['کابل', 'Кабул', 'カブール', '喀布尔']],
    ['astral characters', ['😀', 'a😀b', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '👩‍👩‍👧']],
    ['a leading byte-order mark', ['\uFEFFid', '\uFEFF']],
    ['NUL and controls', ['\u0000', 'a\u0000b', '\t\r\n']],
  ])('round-trips %s', (_, values) => {
    expect(unpack(values)).toEqual(values)
    expect(unpack(values, 1)).toEqual(values)
    expect(unpack(values, 2)).toEqual(values)
  })

  it('packs into one byte buffer with byte offsets', () => {
    const packed = packStrings(['a', 'é', '', '😀'])
    expect([...packed.offsets]).toEqual([0, 1, 3, 3, 7])
    expect(new TextDecoder().decode(packed.bytes)).toBe('aé😀')
  })

  it('packs ASCII and non-ASCII the same way', () => {
    const ascii = packStrings(['ab', 'c'])
    expect([...ascii.offsets]).toEqual([0, 2, 3])
    expect([...ascii.bytes]).toEqual([97, 98, 99])
  })

  it('turns a lone surrogate into U+FFFD, as UTF-8 must, even when two halves meet', () => {
    expect(unpack(['\uD83D', '\uDE00', 'a\uD800b'])).toEqual(['\uFFFD', '\uFFFD', 'a\uFFFDb'])
  })

  it('yields between steps, never after the last', () => {
    const values = Array.from({ length: 10 }, (_, i) => `v${i}`)
    expect(stepsOf(unpackStrings(packStrings(values), 3))).toEqual({ value: values, steps: 4 })
    expect(stepsOf(unpackStrings(packStrings(values), 10)).steps).toBe(1)
    expect(stepsOf(unpackStrings(packStrings([]), 3))).toEqual({ value: [], steps: 1 })
  })

  it('gives back any well-formed strings, whatever the step', () => {
    fc.assert(
      fc.property(
        fc.array(wellFormed, { maxLength: 60 }),
        fc.integer({ min: 1, max: 70 }),
        (values, step) => {
          expect(unpack(values, step)).toEqual(values)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('gives back any UTF-16 strings as their well-formed UTF-8 reading', () => {
    const utf8 = (value: string) => new TextDecoder().decode(new TextEncoder().encode(value))
    fc.assert(
      fc.property(
        fc.array(anyUnits, { maxLength: 40 }),
        fc.integer({ min: 1, max: 50 }),
        (values, step) => {
          expect(unpack(values, step)).toEqual(values.map(utf8))
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('packColumns / unpackColumns', () => {
  const makeStore = () =>
    storeFromRecords([
      {
        ...emptyRecord(),
        incident_id: 'A-1',
        date: '2021-08',
        target_group: 'civilians',
        location: 'Kābul',
      },
      { ...emptyRecord(), incident_id: 'B-😀', date: '2024', target_group: '', extra: { x: 'é' } },
      {
        ...emptyRecord(),
        incident_id: 'A-1',
        date: '2021',
        target_group: 'civilians',
        killed_min: 3,
      },
    ])

  it('gives back the same store after a structured clone of the packed columns', () => {
    const store = makeStore()
    const records = store.records()
    const labels = CATEGORY_COLUMNS.map((column) => [...store.columns.categories[column].values])
    const packed = packColumns(store.columns)
    // Transferring detaches the original store's buffers, as in the worker.
    const cloned = structuredClone(packed, { transfer: transferablesOfPacked(packed) })
    const back = new CasualtyStore(runSteps(unpackColumns(cloned, 1)))
    expect(back.records()).toEqual(records)
    const allLabels = (data: CategoryData) => labelsInRange(data, 0, labelCount(data))
    expect(CATEGORY_COLUMNS.map((column) => allLabels(back.columns.categories[column]))).toEqual(
      labels,
    )
    // incident_id (about one label per row) stays packed on the page; the others are strings.
    for (const column of CATEGORY_COLUMNS) {
      const data = back.columns.categories[column]
      expect(data.packed !== undefined).toBe(KEPT_PACKED.includes(column))
      if (data.packed) expect(data.values).toEqual([])
    }
  })

  // A built store's labels cross as the dictionary's bytes, never made strings in the worker; they
  // are the bytes packStrings makes of the same labels, whatever the labels.
  it("sends a built dictionary's bytes as packStrings would pack its labels", () => {
    fc.assert(
      fc.property(fc.array(wellFormed, { maxLength: 20 }), (labels) => {
        const store = storeFromRecords(
          labels.map((label) => ({ ...emptyRecord(), incident_id: label, date: '2021' })),
        )
        const data = store.columns.categories.incident_id
        const sent = packColumns(store.columns).categories.incident_id.values
        expect(builtLabels(data)).toBe(sent)
        expect(sent).toEqual(packStrings(data.values))
      }),
    )
  })

  it('passes a dictionary kept packed through as it is', () => {
    const back = runSteps(unpackColumns(packColumns(makeStore().columns)))
    const again = packColumns(back)
    const packed = back.categories.incident_id.packed
    expect(packed).toBeDefined()
    expect(again.categories.incident_id.values).toBe(packed)
    expect(runSteps(unpackStrings(again.categories.incident_id.values))).toEqual(['A-1', 'B-😀'])
  })

  // The page keeps every new store in its database, which packs the labels again: a list unpacked
  // from bytes is packed as those bytes, never encoded label by label a second time.
  it('packs labels unpacked from bytes as those bytes again', () => {
    const sent = packColumns(makeStore().columns)
    const back = runSteps(unpackColumns(sent, 1))
    const again = packColumns(back)
    for (const column of CATEGORY_COLUMNS) {
      expect(again.categories[column].values).toBe(sent.categories[column].values)
    }
    // A list of labels grown since (in place) is packed from its strings.
    const values = back.categories.target_group.values
    values.push('x')
    const grown = packColumns(back).categories.target_group.values
    expect(runSteps(unpackStrings(grown))).toEqual(values)
  })

  it('sends no string arrays, and lists every buffer to transfer once', () => {
    const packed = packColumns(makeStore().columns)
    const buffers = transferablesOfPacked(packed)
    expect(new Set(buffers).size).toBe(buffers.length)
    for (const column of CATEGORY_COLUMNS) {
      const { codes, values } = packed.categories[column]
      expect(Array.isArray(values)).toBe(false)
      expect(buffers).toContain(codes.buffer)
      expect(buffers).toContain(values.bytes.buffer)
      expect(buffers).toContain(values.offsets.buffer)
    }
    for (const data of [...Object.values(packed.texts), ...packed.extras]) {
      if (isRepeat(data)) {
        expect(buffers).toContain(data.rows.buffer)
        expect(buffers).toContain(data.values.bytes.buffer)
      } else expect(buffers).toContain(data.bytes.buffer)
    }
  })
})
