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
  type Span = [start: number, end: number]
  const span = ([start, end]: Span) => ({ start, end })
  it.each([
    { first: [0, 40], update: [50, 80], quote: [0, 80] },
    { first: [50, 80], update: [0, 40], quote: [0, 80] },
    { first: [0, 100], update: [200, 320], quote: [0, 320] },
    // Longer than 320 characters: the update's clause alone.
    { first: [0, 100], update: [200, 321], quote: [200, 321] },
  ] satisfies { first: Span; update: Span; quote: Span }[])(
    '$first then $update -> $quote',
    ({ first, update, quote }) => {
      expect(joinUpdatedQuote(span(first), span(update))).toEqual(span(quote))
    },
  )
})
