// What the extraction tests share: the hand-coded reports of test/fixtures/extract, a report's
// sentences with their casualty figures, and a short view of the rows proposed for a text.

import { readFileSync, readdirSync } from 'node:fs'
import { extractIncidents } from '../../../src/core/extract'
import { findFigureMentions, type FigureMention } from '../../../src/core/extract/mentions'
import { splitSentences, type Sentence } from '../../../src/core/extract/text'

const FIXTURES = 'test/fixtures/extract'

/** The text of one report, by its file name without `.txt`. */
export function readReport(name: string): string {
  return readFileSync(`${FIXTURES}/${name}.txt`, 'utf8')
}

/** The texts of every report, in file-name order. */
export function readAllReports(): string[] {
  return readdirSync(FIXTURES)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(`${FIXTURES}/${name}`, 'utf8'))
}

/** A sentence of a text (by index) with the casualty figures it gives. */
export function readSentence(
  text: string,
  index: number,
): { sentence: Sentence; sentences: Sentence[]; figures: FigureMention[] } {
  const sentences = splitSentences(text)
  const sentence = sentences[index]
  if (!sentence) throw new Error(`no sentence ${index} in "${text.slice(0, 40)}"`)
  return { sentence, sentences, figures: findFigureMentions(sentence, text) }
}

/** The rows proposed for a text, with the columns the tests check. */
export function summarizeRows(text: string) {
  return extractIncidents(text).rows.map(({ record, incident }) => ({
    incident,
    date: record.date,
    admin1: record.admin1,
    admin2: record.admin2,
    group: record.target_group,
    type: record.target_type,
    perpetrator: record.perpetrator,
    killed: [record.killed_min, record.killed_max],
    injured: [record.injured_min, record.injured_max],
    killed_text: record.killed_text,
    injured_text: record.injured_text,
  }))
}
