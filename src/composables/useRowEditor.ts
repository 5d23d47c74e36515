// Adding a row by hand, editing or deleting a row of the data on show. A row typed in goes
// through validateRow, as a row of a file does, and each issue is shown beside its field in the
// words an import's report uses. Each change becomes a new store (core/store/edit), so Undo can go
// back, and is written to the dataset's change log (core/store/changeLog).

import { computed, ref, shallowRef } from 'vue'
import { readerFromHeader, validateRow } from '../core/load/validate'
import { SCHEMA_COLUMNS, type CasualtyRecord } from '../core/schema'
import { storeFromRecords } from '../core/store/builder'
import { editEntries, entriesOfRow, recordFields, rowEntry } from '../core/store/changeLog'
import { concatStoresInSteps } from '../core/store/concat'
import { replaceRowInSteps } from '../core/store/edit'
import { createGlobalState } from './globalState'
import { useDataset } from './useDataset'
import { runInSteps } from './yieldToPage'

/** What the editor is open for: a new row, or row `row` of the store as it was then. */
export type EditorTarget =
  { mode: 'add' } | { mode: 'edit'; row: number; before: CasualtyRecord; store: unknown }

const stamp = (what: string) => ({ at: new Date().toISOString(), what })

function createRowEditorState() {
  const dataset = useDataset()
  const target = shallowRef<EditorTarget | null>(null)
  /** Every field as typed: the schema's columns, then the data's extra columns. */
  const fields = ref<Record<string, string>>({})
  /** Per field, what is wrong with it; `row` for the row as a whole. */
  const errors = ref<Record<string, string>>({})
  /** What the last change did, for a status line; '' before any. */
  const done = ref('')
  const busy = ref(false)

  const columns = computed(() => [...SCHEMA_COLUMNS, ...(dataset.store.value?.extraNames ?? [])])

  function blankFields(): Record<string, string> {
    return Object.fromEntries(columns.value.map((column) => [column, '']))
  }

  function openAdd(): void {
    target.value = { mode: 'add' }
    fields.value = blankFields()
    errors.value = {}
  }

  function openEdit(row: number): void {
    const store = dataset.store.value
    if (!store || row < 0 || row >= store.length) return
    const before = store.record(row)
    target.value = { mode: 'edit', row, before, store }
    fields.value = { ...blankFields(), ...recordFields(before) }
    errors.value = {}
  }

  function close(): void {
    target.value = null
    errors.value = {}
  }

  // The fields as a file's row would give them, read and checked the way an import reads a row.
  function checkFields(): CasualtyRecord | null {
    const header = columns.value
    const result = validateRow(
      header.map((column) => fields.value[column] ?? ''),
      0,
      readerFromHeader(header),
    )
    if (result.ok) return result.record
    const next: Record<string, string> = {}
    for (const issue of result.issues) {
      const key = issue.column ?? 'row'
      next[key] = next[key] ? `${next[key]}; ${issue.message}` : issue.message
    }
    errors.value = next
    return null
  }

  // The row still means what the editor was opened on: the data has not changed meanwhile.
  function stillThere(): boolean {
    const open = target.value
    return open?.mode !== 'edit' || open.store === dataset.store.value
  }

  /** Checks the fields and, when they hold, adds or changes the row. */
  async function save(): Promise<boolean> {
    const open = target.value
    const store = dataset.store.value
    if (!open || !store || busy.value) return false
    if (!stillThere()) {
      errors.value = { row: 'The data changed since this row was opened: open it again.' }
      return false
    }
    const record = checkFields()
    if (!record) return false
    busy.value = true
    try {
      if (open.mode === 'add') {
        const added = storeFromRecords([record], store.extraNames)
        const next = await runInSteps(concatStoresInSteps(store, added))
        if (!next) return false
        const what = `Added a row by hand (${record.incident_id})`
        dataset.replaceStore(next, dataset.sourceName.value, {
          change: 'append',
          entries: [rowEntry('add', record, stamp(what))],
        })
        done.value = `${what}.`
      } else {
        const entries = editEntries(open.before, record, stamp(`Edited ${record.incident_id}`))
        if (entries.length === 0) {
          close()
          done.value = 'Nothing changed in the row.'
          return true
        }
        const next = await runInSteps(replaceRowInSteps(store, open.row, [record]))
        if (!next) return false
        dataset.replaceStore(next, dataset.sourceName.value, { change: 'edit', entries })
        done.value = `Edited ${record.incident_id}: ${entries.map((e) => e.field).join(', ')}.`
      }
      close()
      return true
    } finally {
      busy.value = false
    }
  }

  /** Deletes the row the editor is open on. */
  async function deleteRow(): Promise<boolean> {
    const open = target.value
    const store = dataset.store.value
    if (open?.mode !== 'edit' || !store || busy.value || !stillThere()) return false
    busy.value = true
    try {
      const next = await runInSteps(replaceRowInSteps(store, open.row, []))
      if (!next) return false
      const what = `Deleted a row of ${open.before.incident_id}`
      dataset.replaceStore(next, dataset.sourceName.value, {
        change: 'edit',
        entries: [rowEntry('delete', open.before, stamp(what))],
      })
      done.value = `${what}.`
      close()
      return true
    } finally {
      busy.value = false
    }
  }

  /** The change log's entries about the row being edited, newest first. */
  const history = computed(() => {
    const open = target.value
    if (open?.mode !== 'edit') return []
    return entriesOfRow(
      dataset.context.value.changeLog,
      open.before.incident_id,
      open.before.target_group,
    )
  })

  return {
    target,
    fields,
    errors,
    done,
    busy,
    columns,
    history,
    openAdd,
    openEdit,
    close,
    save,
    deleteRow,
  }
}

export const useRowEditor = createGlobalState(createRowEditorState)
