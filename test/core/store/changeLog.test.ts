// The change log: an edit is one entry per changed field with its old and new value; a row added
// or deleted is one entry with the row; the log is exported as CSV and read back from storage.

import { describe, expect, it } from 'vitest'
import {
  CHANGE_LOG_COLUMNS,
  changeLogToCsv,
  dataEntry,
  editEntries,
  entriesOfRow,
  isChangeLog,
  recordFields,
  rowEntry,
} from '../../../src/core/store/changeLog'
import { recordWith } from '../../helpers/record'

const record = recordWith({ incident_id: 'X', date: '2021-08', target_group: 'civilians' })
const stamp = { at: '2026-12-04T20:00:00.000Z', what: 'Edited X' }

describe('editEntries', () => {
  it.each([
    ['nothing changed', record({}), record({}), []],
    [
      'a count set where there was none',
      record({ killed_min: null }),
      record({ killed_min: 4 }),
      [['killed_min', '', '4']],
    ],
    [
      'two fields',
      record({ notes: 'a', admin1: 'Kabul' }),
      record({ notes: 'b', admin1: 'Kunduz' }),
      [
        ['admin1', 'Kabul', 'Kunduz'],
        ['notes', 'a', 'b'],
      ],
    ],
    [
      'an extra column',
      record({ extra: { c: '1' } }),
      record({ extra: { c: '2' } }),
      [['c', '1', '2']],
    ],
  ])('%s', (_, before, after, expected) => {
    const entries = editEntries(before, after, stamp)
    expect(entries.map((e) => [e.field, e.old, e.new])).toEqual(expected)
    for (const entry of entries) expect(entry).toMatchObject({ action: 'edit', incidentId: 'X' })
  })
})

describe('rowEntry and entriesOfRow', () => {
  it('writes the row as its non-empty fields, and finds the entries of one row, newest first', () => {
    const added = rowEntry('add', record({ killed_min: 3 }), stamp)
    expect(added.new).toBe('incident_id=X; date=2021-08; target_group=civilians; killed_min=3')
    expect(added.old).toBe('')
    const deleted = rowEntry('delete', record({}), { ...stamp, at: '2026-12-05T00:00:00.000Z' })
    expect(deleted.old).not.toBe('')
    const other = rowEntry('add', record({ incident_id: 'Y' }), stamp)
    const log = [added, other, deleted, dataEntry('undo', stamp)]
    expect(entriesOfRow(log, 'X', 'civilians')).toEqual([deleted, added])
  })
})

describe('changeLogToCsv', () => {
  it('writes every entry as a row under its header, readable as CSV', () => {
    const log = editEntries(
      record({ notes: '=1+1' }),
      record({ notes: 'plain, with "quotes"' }),
      stamp,
    )
    const csv = changeLogToCsv(log)
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    expect(lines[0]).toBe(CHANGE_LOG_COLUMNS.map((c) => `"${c}"`).join(','))
    expect(lines[1]).toContain(`"'=1+1","plain, with ""quotes"""`)
    expect(lines).toHaveLength(2)
  })
})

describe('isChangeLog', () => {
  it.each([
    [[], true],
    [[dataEntry('import', stamp)], true],
    [[{ at: 1 }], false],
    ['log', false],
    [null, false],
  ])('%j → %s', (value, expected) => {
    expect(isChangeLog(value)).toBe(expected)
  })
})

it('recordFields writes an empty count as empty, never 0, and a zero as 0', () => {
  const fields = recordFields(record({ killed_min: null, injured_min: 0 }))
  expect([fields.killed_min, fields.injured_min]).toEqual(['', '0'])
})
