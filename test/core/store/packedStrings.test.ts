// A dictionary kept packed (UTF-8 + offsets, no string per label: incident_id on the page) must be
// indistinguishable from the same dictionary as strings, to every reader: one row, an export, the
// figures, adding stores up.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { summarizeRows, type GroupColumn } from '../../../src/core/view/aggregate'
import { storeCsvParts, storeToCsv } from '../../../src/core/export/exportCsv'
import { PLAIN_RFC4180, EXCEL_FRIENDLY } from '../../../src/core/csv/write'
import type { TimeUnit } from '../../../src/core/view/figureIndex'
import {
  labelAt,
  labelCount,
  labelsInRange,
  packStrings,
  packedAt,
  type Labels,
} from '../../../src/core/store/packedStrings'
import { CATEGORY_COLUMNS, type CategoryColumn } from '../../../src/core/schema'
import { CasualtyStore } from '../../../src/core/store/store'
import { storeFromRecords } from '../../../src/core/store/builder'
import { concatStores } from '../../../src/core/store/concat'
import { recordWith } from '../../helpers/record'

const packed = (values: string[]): Labels => ({ values: [], packed: packStrings(values) })

describe('labelCount / labelAt', () => {
  it.each([
    ['no labels', []],
    ['one empty label', ['']],
    ['empty labels among others', ['', 'a', '', 'bc', '']],
    ['ASCII', ['ID-1', 'ID-2', 'a,b "c"']],
    ['non-ASCII', ['Kābul', 'Мосул', 'قندوز', 'é']],
    ['astral', ['😀', 'a😀b', '𝔸𝔹']],
    ['a BOM at the start of a label', ['\uFEFFID-1', '\uFEFF', 'x\uFEFF']],
    ['a long ASCII label (past the fast path)', ['x'.repeat(200), 'y']],
    ['a long non-ASCII label', ['é'.repeat(100)]],
  ])('%s: packed gives back every label', (_name, values: string[]) => {
    const data = packed(values)
    expect(labelCount(data)).toBe(values.length)
    expect(values.map((_, code) => labelAt(data, code))).toEqual(values)
    expect(labelsInRange(data, 0, values.length)).toEqual(values)
    // The same as the unpacked dictionary.
    const plain: Labels = { values }
    expect(labelCount(plain)).toBe(values.length)
    expect(values.map((_, code) => labelAt(plain, code))).toEqual(values)
  })

  it.each([-1, 3, 100, 0.5, Number.NaN])('code %s out of range gives an empty label', (code) => {
    expect(labelAt(packed(['a', 'b', 'c']), code)).toBe('')
    expect(labelAt({ values: ['a', 'b', 'c'] }, code)).toBe('')
  })

  it('an empty packed dictionary has no labels', () => {
    expect(labelCount({ values: [], packed: packStrings([]) })).toBe(0)
    expect(
      labelCount({ values: [], packed: { bytes: new Uint8Array(0), offsets: new Uint32Array(0) } }),
    ).toBe(0)
    expect(packedAt(packStrings([]), 0)).toBe('')
  })

  it('gives back any well-formed labels, each alone and any range of them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 10 }), { maxLength: 30 }),
        fc.nat(),
        fc.nat(),
        (values, x, y) => {
          const data = packed(values)
          expect(values.map((_, code) => labelAt(data, code))).toEqual(values)
          const from = values.length ? x % (values.length + 1) : 0
          const to = from + (values.length ? y % (values.length + 1 - from) : 0)
          expect(labelsInRange(data, from, to)).toEqual(values.slice(from, to))
        },
      ),
    )
  })
})

const record = recordWith({})

// A store with some dictionaries packed, as the page keeps incident_id.
function withPacked(
  store: CasualtyStore,
  columns: readonly CategoryColumn[] = ['incident_id'],
): CasualtyStore {
  const categories = { ...store.columns.categories }
  for (const column of columns) {
    const data = categories[column]
    categories[column] = { codes: data.codes, values: [], packed: packStrings(data.values) }
  }
  return new CasualtyStore({ ...store.columns, categories })
}

const label = fc.constantFrom('', 'civilians', 'police', 'Kābul', '😀', 'a,b', '=1+1', '\uFEFFx')
const incidentId = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.constantFrom('', 'ID-1', 'ID-2', '\uFEFFID-1', 'é', '😀', '"q"', '-2', '@x'),
)
const arbitraryRecord = fc.record({
  incident_id: incidentId,
  date: fc.constantFrom('2021', '2021-08', '2021-10-08', '2024'),
  target_group: label,
  target_type: label,
  location: label,
  killed_min: fc.option(fc.nat(1000), { nil: null }),
  killed_max: fc.option(fc.nat(1000), { nil: null }),
  injured_min: fc.option(fc.nat(1000), { nil: null }),
  source_quote: fc.string({ unit: 'grapheme', maxLength: 10 }),
  extra: fc.dictionary(fc.constantFrom('x', 'y'), fc.string({ maxLength: 4 })),
})
const arbitraryStore = fc
  .array(arbitraryRecord, { maxLength: 25 })
  .map((records) => storeFromRecords(records.map(record)))

const everyRow = (store: CasualtyStore) => Uint32Array.from({ length: store.length }, (_, i) => i)

// Some rows, in any order, repeats allowed: what a filtered, sorted selection may be.
const rowsOf = (store: CasualtyStore) =>
  fc.array(fc.nat(Math.max(0, store.length - 1)), { maxLength: store.length ? 30 : 0 })

describe('a store with incident_id packed', () => {
  it('gives the same record for every row', () => {
    fc.assert(
      fc.property(arbitraryStore, (store) => {
        const kept = withPacked(store)
        expect(kept.columns.categories.incident_id.values).toEqual([])
        for (let row = 0; row < store.length; row++) {
          expect(kept.record(row)).toEqual(store.record(row))
        }
      }),
    )
  })

  it('exports the same text, in one go and in pieces', () => {
    fc.assert(
      fc.property(
        arbitraryStore.chain((store) => fc.tuple(fc.constant(store), rowsOf(store))),
        fc.constantFrom(EXCEL_FRIENDLY, PLAIN_RFC4180, { ...PLAIN_RFC4180, hxl: true }),
        fc.integer({ min: 1, max: 7 }),
        ([store, rows], options, partRows) => {
          const kept = withPacked(store)
          const text = storeToCsv(store, rows, options)
          expect(storeToCsv(kept, rows, options)).toBe(text)
          const parts = [...storeCsvParts(kept, rows, options, partRows)]
          expect(parts.map((part) => part.text).join('')).toBe(text)
          expect(parts.map((part) => part.rowsWritten)).toEqual(
            [...storeCsvParts(store, rows, options, partRows)].map((part) => part.rowsWritten),
          )
        },
      ),
    )
  })

  it('exports the same bytes for every row', () => {
    fc.assert(
      fc.property(arbitraryStore, (store) => {
        const bytes = new TextEncoder().encode(storeToCsv(store, everyRow(store)))
        const kept = new TextEncoder().encode(storeToCsv(withPacked(store), everyRow(store)))
        expect(kept).toEqual(bytes)
      }),
    )
  })

  it('gives the same figures', () => {
    fc.assert(
      fc.property(
        arbitraryStore.chain((store) => fc.tuple(fc.constant(store), rowsOf(store))),
        fc.constantFrom<GroupColumn>('target_group', 'target_type'),
        fc.constantFrom<TimeUnit>('month', 'year'),
        ([store, rows], column, unit) => {
          const kept = withPacked(store)
          expect(summarizeRows(kept, rows, column, unit)).toEqual(
            summarizeRows(store, rows, column, unit),
          )
          const all = everyRow(store)
          expect(summarizeRows(kept, all, column, unit)).toEqual(
            summarizeRows(store, all, column, unit),
          )
        },
      ),
    )
  })

  it('adds up with another store as the unpacked one does (packed + unpacked, + packed)', () => {
    fc.assert(
      fc.property(
        arbitraryStore,
        arbitraryStore,
        fc.constantFrom('first', 'second', 'both'),
        (a, b, which) => {
          const expected = concatStores(a, b)
          const x = which === 'second' ? a : withPacked(a)
          const y = which === 'first' ? b : withPacked(b)
          const both = concatStores(x, y)
          expect(both.records()).toEqual(expected.records())
          const rows = everyRow(both)
          expect(storeToCsv(both, rows)).toBe(storeToCsv(expected, rows))
          // The same dictionary: the same labels under the same codes.
          const got = both.columns.categories.incident_id
          const want = expected.columns.categories.incident_id
          expect(got.packed).toBeDefined()
          expect(labelsInRange(got, 0, labelCount(got))).toEqual(want.values)
          expect(got.codes).toEqual(want.codes)
          // The other dictionaries stay strings.
          for (const column of CATEGORY_COLUMNS) {
            if (column !== 'incident_id')
              expect(both.columns.categories[column].packed).toBe(undefined)
          }
        },
      ),
    )
  })

  it('adds up with itself (the same packed dictionary on both sides)', () => {
    fc.assert(
      fc.property(arbitraryStore, (store) => {
        const kept = withPacked(store)
        const both = concatStores(kept, kept)
        expect(both.records()).toEqual(concatStores(store, store).records())
      }),
    )
  })

  it('adds a big packed dictionary and a small one, in either order', () => {
    // More labels than a step of concatStores looks up, so the lookups run over several steps.
    const many = storeFromRecords(
      Array.from({ length: 40_000 }, (_, i) => record({ incident_id: `ID-${i % 39_000}` })),
    )
    const few = storeFromRecords(
      ['ID-5', 'new', 'ID-38999', 'new', 'é😀'].map((id) => record({ incident_id: id })),
    )
    for (const [a, b] of [
      [many, few],
      [few, many],
    ] as const) {
      const expected = concatStores(a, b)
      const both = concatStores(withPacked(a), withPacked(b))
      const got = both.columns.categories.incident_id
      expect(got.codes).toEqual(expected.columns.categories.incident_id.codes)
      expect(labelsInRange(got, 0, labelCount(got))).toEqual(
        expected.columns.categories.incident_id.values,
      )
    }
  })
})
