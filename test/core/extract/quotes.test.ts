import { describe, expect, it } from 'vitest'
import { findQuoteSpan, joinUpdatedQuote } from '../../../src/core/extract/quotes'
import { readReport, readSentence } from './reports'

describe('the quote of a sentence', () => {
  // Each row is [report, sentence index, the quote].
  it.each([
    [
      // A wire dateline is cut off.
      '01-herat-mosque-and-minibus',
      0,
      'A suicide bomber struck a Shia mosque in Herat during evening prayers on 14 March 2023, killing at least 21 worshippers and wounding more than 40 others',
    ],
    [
      '17-helmand-police-headquarters',
      0,
      'A car bomb exploded outside a police headquarters in Helmand province on 9 August 2023, leaving 9 dead and 17 wounded',
    ],
    // A quotation opened before the figures starts the quote.
    ['23-radio-transcript-kandahar', 2, 'We received 23 wounded'],
    [
      // A quotation mark after the first figure does not.
      '26-airstrike-paktia',
      1,
      'The strikes killed 46 people, most of them women and children, according to a Taliban spokesman; Pakistani officials said the targets were TTP hideouts and put the number of militants killed at "dozens',
    ],
    // It ends with the last figure's words.
    ['12-nangarhar-mine-and-minibus', 0, 'Five civilians'],
    ['25-daily-brief', 1, 'Parwan: A roadside device wounded three Taliban soldiers'],
  ])('%s, sentence %i', (name, index, quote) => {
    const text = readReport(name)
    const { sentence, figures } = readSentence(text, index)
    const span = findQuoteSpan(sentence, figures, text)
    expect(text.slice(span.start, span.end)).toBe(quote)
    expect(span.end).toBe(Math.max(...figures.map((f) => f.end)))
  })
})

describe('the quote of a row whose toll was updated', () => {
  const span = ([start, end]: number[]) => ({ start, end })
  // Each row is [the first clause, the update's clause, the quote], as [start, end].
  it.each([
    [
      [0, 40],
      [50, 80],
      [0, 80],
    ],
    [
      [50, 80],
      [0, 40],
      [0, 80],
    ],
    [
      [0, 100],
      [200, 320],
      [0, 320],
    ],
    // Longer than 320 characters: the update's clause alone.
    [
      [0, 100],
      [200, 321],
      [200, 321],
    ],
  ])('%o then %o -> %o', (first, update, expected) => {
    expect(joinUpdatedQuote(span(first), span(update))).toEqual(span(expected))
  })
})
