// The rows one sentence's figures give, before they join an incident: one per target group, each
// with its killed and injured figures, the notes their qualifiers call for (approximate, vague,
// countable, casualties not split) and the offsets of the clause to quote.

import type { FigureMention } from './mentions'
import { findQuoteSpan } from './quotes'
import type { Sentence, TextSpan } from './text'
import { groupOfContext } from './vocabulary'

/** A row of one target group, as its sentences give it; its incident gives the other columns. */
export interface DraftRow {
  group: string
  groupNote: string
  killed: FigureMention | null
  injured: FigureMention | null
  /** Sentence span of each figure, to cut the quote from. */
  quote: TextSpan
  notes: string[]
}

const GENERIC_PEOPLE = new Set(['people', 'persons', 'individuals'])
/** Nouns that suggest combatants: never coded civilians by default (codebook, unnamed people). */
const COMBATANT_HEAD =
  /^(?:gunmen|attackers?|assailants?|rebels?|recruits?|cadets?|guerrillas?|jihadists?|snipers?|bombers?|combatants?|conscripts?|mercenaries|paramilitaries|guardsmen|troopers?|sappers?)$/

/** The note a figure's qualifier calls for (`about 30`, `scores`, `their chief and others`), or ''. */
export function describeFigure(m: FigureMention): string {
  if (m.kind === 'casualties') {
    const number = m.min ?? m.approximate
    return number !== null && !m.vague
      ? `"${m.text}": casualties not split into killed and injured, so the number ${number} is given here and in neither count.`
      : `"${m.text}" does not say killed or injured: the words are in both texts and all four counts are empty (not zero).`
  }
  if (m.approximate !== null) {
    return `"${m.text}" is approximate (about ${m.approximate}): no bounds coded.`
  }
  if (m.vague) return `"${m.text}" is not quantified: ${m.kind} counts empty (not zero).`
  if (m.countable && m.max === null) {
    return `"${m.text}": ${m.min} countable; the others are not quantified, so no max.`
  }
  return ''
}

// The rows one sentence gives: one per target group. An injured figure without a group of its
// own goes with the killed figure before it (`killing over 50 worshippers and injuring scores`).
// `before` is the sentence that gave this one its date and place (its words can name the group);
// `update` says the sentence updates its own toll (`46 dead ...; the toll had climbed to 55`).
export function buildRows(
  sentence: Sentence,
  figures: readonly FigureMention[],
  text: string,
  before = '',
  update = false,
): DraftRow[] {
  const context = groupOfContext(`${before} ${sentence.text}`)
  const rows: DraftRow[] = []
  const quote = findQuoteSpan(sentence, figures, text)
  const newRow = (group: string | null): DraftRow => {
    const row: DraftRow = {
      group: group ?? context.group,
      groupNote: group
        ? ''
        : context.fromContext
          ? `Target group ${context.group} from the sentence's context, not from the figure's words.`
          : 'Target group not described: coded civilians.',
      killed: null,
      injured: null,
      quote,
      notes: [],
    }
    rows.push(row)
    return row
  }
  for (const figure of figures) {
    const note = describeFigure(figure)
    if (figure.kind === 'casualties') {
      const row = newRow(figure.group)
      row.killed = figure
      row.injured = figure
      if (note) row.notes.push(note)
      continue
    }
    const slot = figure.kind
    let row: DraftRow | undefined
    // `46 dead that evening; by the next morning the toll had climbed to 55`: the later figure.
    const updated = update && slot === 'killed' ? rows.find((r) => r.killed !== null) : undefined
    if (updated?.killed && rows.filter((r) => r.killed !== null).length === 1) {
      updated.notes.push(
        `The death toll was updated: "${figure.text}" replaces the earlier "${updated.killed.text}".`,
      )
      updated.killed = figure
      continue
    }
    // `... put the number of militants killed at "dozens"`: a second, competing figure for a row
    // the sentence already counted is a note, not a row of its own (codebook: differing figures).
    const counted = rows.find((r) => r.group === context.group && r[slot] !== null)
    if (!figure.group && slot === 'killed' && counted?.killed) {
      counted.notes.push(
        `The same sentence also gives "${figure.text}" for the dead; not coded, check which figure to keep.`,
      )
      continue
    }
    if (figure.group) row = rows.find((r) => r.group === figure.group && r[slot] === null)
    else if (slot === 'injured') {
      // `wounding 20 people`: generic people are civilians before the context's group.
      const preferred = GENERIC_PEOPLE.has(figure.head) ? 'civilians' : context.group
      row =
        rows.find((r) => r.injured === null && r.group === preferred) ??
        rows.find((r) => r.injured === null)
    } else row = rows.find((r) => r[slot] === null && r.group === context.group)
    row ??= newRow(figure.group)
    row[slot] = figure
    if (note) row.notes.push(note)
    if (!figure.group && COMBATANT_HEAD.test(figure.head) && row.group === 'civilians') {
      row.groupNote = `"${figure.text}" suggests combatants, not civilians, and the vocabulary has no label for them: check the target group.`
    }
    if (slot === 'injured' && !figure.group && rows.length > 1) {
      row.notes.push(
        `The injured figure "${figure.text}" is not split by group; the sentence names ${rows.map((r) => r.group).join(', ')}.`,
      )
    }
  }
  return rows
}
