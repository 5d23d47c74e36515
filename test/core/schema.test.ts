import { describe, expect, it } from 'vitest'
import {
  CATEGORY_COLUMNS,
  COUNT_COLUMNS,
  MEASURES,
  REQUIRED_COLUMNS,
  SCHEMA_COLUMNS,
  TEXT_COLUMNS,
  emptyRecord,
  isSchemaColumn,
} from '../../src/core/schema'

describe('the schema', () => {
  it('stores every column but the date in exactly one of the count, label and text columns', () => {
    const stored = [...COUNT_COLUMNS, ...CATEGORY_COLUMNS, ...TEXT_COLUMNS, 'date']
    expect([...stored].sort()).toEqual([...SCHEMA_COLUMNS].sort())
    expect(new Set(stored).size).toBe(stored.length)
  })

  it('writes the columns in the codebook’s order', () => {
    expect(SCHEMA_COLUMNS.slice(0, 3)).toEqual(['incident_id', 'date', 'country'])
    expect(SCHEMA_COLUMNS.at(-1)).toBe('notes')
    expect(SCHEMA_COLUMNS).toHaveLength(19)
  })

  it('requires only its own columns, and each measure’s columns exist', () => {
    for (const column of REQUIRED_COLUMNS) expect(isSchemaColumn(column)).toBe(true)
    for (const measure of Object.values(MEASURES)) {
      for (const column of [measure.min, measure.max, measure.text]) {
        expect(isSchemaColumn(column)).toBe(true)
      }
    }
  })

  it('gives an empty record with every column, no counts (null, never 0) and no extras', () => {
    const record = emptyRecord()
    expect(Object.keys(record).filter((key) => key !== 'extra')).toEqual([...SCHEMA_COLUMNS])
    for (const column of COUNT_COLUMNS) expect(record[column]).toBeNull()
    expect(record.extra).toEqual({})
    expect(emptyRecord().extra).not.toBe(record.extra)
  })

  it.each([
    ['incident_id', true],
    ['killed_min', true],
    ['Killed_min', false],
    ['lat', false],
    ['__proto__', false],
  ])('isSchemaColumn(%j) is %s', (name, expected) => {
    expect(isSchemaColumn(name)).toBe(expected)
  })
})
