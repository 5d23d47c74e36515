// Adding, editing and deleting a row by hand: the fields are checked as an imported row is (the
// same messages, per field), each change is logged with old and new values, and Undo goes back.

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { resetDatasetForTests, useDataset } from '../../src/composables/useDataset'
import { useRowEditor } from '../../src/composables/useRowEditor'
import { storeFromRecords } from '../../src/core/store/builder'
import { recordWith } from '../helpers/record'

const record = recordWith({ incident_id: 'X', date: '2021-08', target_group: 'civilians' })

function reset(): void {
  useRowEditor.reset()
  resetDatasetForTests()
}
beforeEach(reset)
afterEach(reset)

function start() {
  const dataset = useDataset()
  dataset.replaceStore(storeFromRecords([record({ extra: { checked: 'no' } })]), 'mine.csv')
  return { dataset, editor: useRowEditor() }
}

describe('useRowEditor', () => {
  it.each([
    [
      'an empty row',
      {},
      {
        incident_id: 'is empty: every row needs an incident id',
        target_group: 'is empty: every row needs a target group',
        date: 'is empty: every row needs a date (a year at least)',
      },
    ],
    [
      'a word for a count',
      { incident_id: 'A', date: '2022', target_group: 'police', killed_min: 'seven' },
      {
        killed_min:
          '"seven" is not a count: write a non-negative whole number, or leave it empty when the source gives none',
      },
    ],
  ])('refuses %s with the import’s message beside each field', async (_, fields, errors) => {
    const { dataset, editor } = start()
    editor.openAdd()
    Object.assign(editor.fields.value, fields)
    expect(await editor.save()).toBe(false)
    expect(editor.errors.value).toEqual(errors)
    expect(dataset.store.value?.length).toBe(1)
  })

  it('adds a row, with the data’s extra columns, and logs it', async () => {
    const { dataset, editor } = start()
    editor.openAdd()
    expect(editor.columns.value.at(-1)).toBe('checked')
    Object.assign(editor.fields.value, {
      incident_id: 'NEW',
      date: '2022-06',
      target_group: 'police',
      killed_min: '2',
      checked: 'yes',
    })
    expect(await editor.save()).toBe(true)
    expect(editor.target.value).toBeNull()
    expect(dataset.store.value?.record(1)).toMatchObject({
      incident_id: 'NEW',
      killed_min: 2,
      killed_max: null,
      extra: { checked: 'yes' },
    })
    expect(dataset.sourceName.value).toBe('mine.csv')
    expect(dataset.context.value.changeLog.at(-1)).toMatchObject({
      action: 'add',
      incidentId: 'NEW',
    })
  })

  it('edits a row, logs each changed field, shows them for the row, and Undo goes back', async () => {
    const { dataset, editor } = start()
    editor.openEdit(0)
    expect(editor.fields.value.killed_min).toBe('')
    editor.fields.value.killed_min = '5'
    editor.fields.value.checked = 'yes'
    expect(await editor.save()).toBe(true)
    expect(dataset.store.value?.record(0)).toMatchObject({
      killed_min: 5,
      extra: { checked: 'yes' },
    })
    editor.openEdit(0)
    expect(editor.history.value.map((e) => [e.field, e.old, e.new])).toEqual([
      ['checked', 'no', 'yes'],
      ['killed_min', '', '5'],
    ])
    editor.close()
    expect(dataset.undo()).toBe(true)
    expect(dataset.store.value?.record(0).killed_min).toBeNull()
    expect(dataset.context.value.changeLog.at(-1)?.action).toBe('undo')
  })

  it('deletes a row, and Undo brings it back', async () => {
    const { dataset, editor } = start()
    editor.openEdit(0)
    expect(await editor.deleteRow()).toBe(true)
    expect(dataset.store.value?.length).toBe(0)
    expect(dataset.context.value.changeLog.at(-1)).toMatchObject({ action: 'delete' })
    dataset.undo()
    expect(dataset.store.value?.length).toBe(1)
  })

  it('will not save an edit made on data that changed meanwhile', async () => {
    const { dataset, editor } = start()
    editor.openEdit(0)
    dataset.replaceStore(storeFromRecords([record({}), record({})]), 'other.csv')
    editor.fields.value.notes = 'late'
    expect(await editor.save()).toBe(false)
    expect(editor.errors.value.row).toContain('The data changed')
  })
})
