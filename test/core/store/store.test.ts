import { describe, expect, it } from 'vitest'
import { labelCounts, labelCountsInSteps, transferablesOf } from '../../../src/core/store/store'
import { storeFromRecords } from '../../../src/core/store/builder'
import { concatStores } from '../../../src/core/store/concat'
import { emptyRecord } from '../../../src/core/schema'
import { AIRPORT_CIVILIANS, recordWith } from '../../helpers/record'

const record = recordWith({})

describe('CasualtyStore', () => {
  const records = [
    record({
      ...AIRPORT_CIVILIANS,
      source_quote: '170 Afghans — “quoted”',
      extra: { x: '1' },
    }),
    record({
      incident_id: 'A',
      date: '2021-08',
      target_group: 'us service members',
      killed_min: 13,
      killed_max: 13,
      notes: 'same incident',
    }),
    record({
      incident_id: 'B',
      date: '2024',
      target_group: 'civilians',
      injured_text: 'scores',
      extra: { x: '' },
    }),
  ]
  const store = storeFromRecords(records)

  it('gives back exactly the records it was built from', () => {
    expect(store.length).toBe(3)
    expect(store.records()).toEqual(records.map((r) => ({ ...r, extra: { x: r.extra.x ?? '' } })))
  })

  it('dictionary-codes repeated labels', () => {
    expect(store.columns.categories.target_group.values).toEqual([
      'civilians',
      'us service members',
    ])
    expect([...store.columns.categories.target_group.codes]).toEqual([0, 1, 0])
  })

  it('keeps empty counts apart from zero', () => {
    expect(store.count('injured_min', 2)).toBeNull()
    expect(store.count('killed_min', 0)).toBe(170)
  })

  it('decodes non-ASCII text', () => {
    expect(store.text('source_quote', 0)).toBe('170 Afghans — “quoted”')
  })

  it('concatenates stores with the union of their extra columns', () => {
    const other = storeFromRecords([
      record({ incident_id: 'C', date: '2022', target_group: 'students', extra: { y: 'why' } }),
    ])
    const both = concatStores(store, other)
    expect(both.length).toBe(4)
    expect(both.extraNames).toEqual(['x', 'y'])
    expect(both.record(3).extra).toEqual({ x: '', y: 'why' })
    expect(both.record(0).extra).toEqual({ x: '1', y: '' })
  })

  it('lists each transferable buffer once', () => {
    const buffers = transferablesOf(store.columns)
    expect(new Set(buffers).size).toBe(buffers.length)
    expect(buffers.length).toBeGreaterThan(10)
  })

  it('survives a structured clone, as when sent from a worker', () => {
    const cloned = structuredClone(store.columns)
    expect(storeFromRecords([]).length).toBe(0)
    expect(
      new (store.constructor as typeof import('../../../src/core/store/store').CasualtyStore)(
        cloned,
      ).records(),
    ).toEqual(store.records())
  })
})

describe('labelCounts', () => {
  it('counts the rows of each label, by code, once per column', () => {
    const store = storeFromRecords(
      ['a', 'b', 'a', '', 'a'].map((target_group) => ({ ...emptyRecord(), target_group })),
    )
    const data = store.columns.categories.target_group
    expect(data.values).toEqual(['a', 'b', ''])
    expect([...labelCounts(data)]).toEqual([3, 1, 1])
    expect(labelCounts(data)).toBe(labelCounts(data))
  })

  it('gives the same counts in steps, pausing between blocks of rows', () => {
    const store = storeFromRecords(
      Array.from({ length: 3 }, (_, i) => ({ ...emptyRecord(), target_group: `g${i}` })),
    )
    let big = store
    while (big.length < 300_000) big = concatStores(big, big)
    const steps = labelCountsInSteps(big.columns.categories.target_group)
    let pauses = 0
    let next = steps.next()
    while (!next.done) {
      pauses++
      next = steps.next()
    }
    expect(pauses).toBeGreaterThan(0)
    expect([...next.value]).toEqual([big.length / 3, big.length / 3, big.length / 3])
    expect(labelCounts(big.columns.categories.target_group)).toBe(next.value)
  })
})
