// Who carried out an incident: the attacker its sentence names, else one the context implies (a
// claim of responsibility that follows, the next sentence referring back, the incident before it
// for `another attack`, or an earlier subject of the paragraph), with a note saying so.

import { hasCue } from './cues'
import { findAbsoluteDates } from './dates'
import type { Sentence } from './text'
import { findActors } from './vocabulary'

/** The perpetrator column of an incident, and the note that says where it came from. */
export interface PerpetratorFinding {
  perpetrator: string
  note: string
}

/** Names a unit (`Special Forces`) with the force of its sentence or paragraph (`Taliban`). */
export function qualifyActor(name: string, nearby: string): string {
  if (name !== 'Special Forces') return name
  return /\btaliban/i.test(nearby) ? 'Taliban (Special Forces)' : name
}

// The perpetrator as the sentence names it; else from a claim of responsibility in the sentences
// after it, or implied by context (codebook: "notes says it is implied"): the next sentence
// referring back ("These attacks demonstrated IS-KP's ..."), the previous incident for "Another
// attack" (its perpetrator is `previousPerpetrator`), or the subject of an earlier sentence of the
// paragraph.
export function findPerpetrator(
  sentence: Sentence,
  sentences: readonly Sentence[],
  previousPerpetrator: string | null,
): PerpetratorFinding {
  const before = sentences[sentence.index - 1]
  const nearby = `${before?.paragraph === sentence.paragraph ? before.text : ''} ${sentence.text}`
  const own = findActors(sentence.text).find((a) => a.asPerpetrator)
  if (own) {
    const unit = /\btaliban(?:[’'‘]s)?\s+special forces\b/i.test(sentence.text)
    const name = unit ? 'Taliban (Special Forces)' : qualifyActor(own.name, nearby)
    return { perpetrator: name, note: '' }
  }
  const implied = (name: string, from: string) => ({
    perpetrator: name,
    note: `Perpetrator ${name} implied by ${from}, not stated in the sentence.`,
  })
  // A claim of responsibility in the sentences that follow, before the next dated incident.
  for (let k = sentence.index + 1; k <= sentence.index + 3; k++) {
    const later = sentences[k]
    if (!later || later.paragraph > sentence.paragraph + 1) break
    if (findAbsoluteDates(later.text).length > 0 || hasCue(later.text, 'newIncident')) break
    if (!hasCue(later.text, 'claim')) continue
    const actor = findActors(later.text).find((a) => a.asPerpetrator && a.name !== 'Unknown')
    if (actor) {
      return {
        perpetrator: actor.name,
        note: `Perpetrator ${actor.name} from its claim of responsibility.`,
      }
    }
  }
  const next = sentences[sentence.index + 1]
  if (next && next.paragraph === sentence.paragraph && hasCue(next.text, 'refersBack')) {
    const actor = findActors(next.text).find((a) => a.name !== 'Unknown')
    if (actor) return implied(actor.name, 'the next sentence')
  }
  if (previousPerpetrator !== null && previousPerpetrator !== 'Unknown') {
    return implied(previousPerpetrator, 'the previous incident ("another")')
  }
  for (let k = sentence.index - 1; k >= 0 && k >= sentence.index - 3; k--) {
    const earlier = sentences[k]
    if (!earlier || earlier.paragraph !== sentence.paragraph) break
    const actor = findActors(earlier.text).find((a) => a.asSubject || a.asPerpetrator)
    if (actor && actor.name !== 'Unknown') return implied(actor.name, 'the paragraph')
  }
  return { perpetrator: 'Unknown', note: '' }
}
