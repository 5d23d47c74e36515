// The `source_quote` of a proposed row, as offsets in the text: the clause that carries the
// row's figures, so that the quote always shows the words its counts were read from.

import type { FigureMention } from './mentions'
import type { Sentence, TextSpan } from './text'

const DATELINE = /^[A-Z][A-Z .’'-]+(?:,[^-—–()]{0,40})?\s*(?:\([^)]{0,30}\))?\s*[-—–]+\s+/
const QUOTE_MARK = /["“”«»]/g
/** The longest quote that may join two clauses of one row. */
const MAX_JOINED_QUOTE = 320

// The clause that carries the figures: from the sentence start, or from an opening quotation
// mark inside it, to the end of the last figure's words.
export function findQuoteSpan(
  sentence: Sentence,
  figures: readonly FigureMention[],
  text: string,
): TextSpan {
  const first = Math.min(...figures.map((f) => f.start))
  const last = Math.max(...figures.map((f) => f.end))
  let start = sentence.start
  for (const m of sentence.text.matchAll(QUOTE_MARK)) {
    const at = sentence.start + (m.index ?? 0)
    if (at < first) start = at + 1
  }
  while (start < first && /\s/.test(text[start] ?? '')) start++
  // A wire dateline (`KUNDUZ (Wire) - `) is not part of the clause.
  const dateline = DATELINE.exec(text.slice(start, first))
  if (dateline) start += dateline[0].length
  return { start, end: last }
}

// The quote of a row whose toll a later sentence updated: both clauses when they are close
// (the quote must carry the row's figures), else the update's clause.
export function joinUpdatedQuote(first: TextSpan, update: TextSpan): TextSpan {
  const joined = {
    start: Math.min(first.start, update.start),
    end: Math.max(first.end, update.end),
  }
  return joined.end - joined.start <= MAX_JOINED_QUOTE ? joined : update
}
