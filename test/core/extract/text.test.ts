import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { splitSentences, tokenize } from '../../../src/core/extract/text'

describe('sentences', () => {
  it.each([
    ['One. Two.', ['One.', 'Two.']],
    [
      'The U.S. Marines left. Then they came back.',
      ['The U.S. Marines left.', 'Then they came back.'],
    ],
    ['Gen. Ali spoke. He left.', ['Gen. Ali spoke.', 'He left.']],
    ['He said “It is over.” Then he left.', ['He said “It is over.”', 'Then he left.']],
    ['First line\nSecond paragraph.', ['First line', 'Second paragraph.']],
    ['A line that wraps\nin the middle.', ['A line that wraps\nin the middle.']],
  ])('%j', (text, expected) => {
    expect(splitSentences(text).map((s) => s.text)).toEqual(expected)
  })

  it('numbers paragraphs', () => {
    const sentences = splitSentences('One. Two.\n\nThree.')
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 0, 1])
  })

  it('gives offsets that cut each sentence and token back out of the text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('Kabul', 'killed', '12', '.', ' ', '\n', 'U.S.', '“', 'A'), {
          maxLength: 40,
        }),
        (parts) => {
          const text = parts.join('')
          for (const sentence of splitSentences(text)) {
            expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text)
            for (const token of sentence.tokens)
              expect(text.slice(token.start, token.end)).toBe(token.text)
          }
        },
      ),
    )
  })

  it('keeps thousands separators and hyphenated words in one token', () => {
    expect(tokenize('1,200 twenty-one IS-KP’s').map((t) => [t.text, t.lower])).toEqual([
      ['1,200', '1,200'],
      ['twenty-one', 'twenty-one'],
      ['IS-KP’s', 'is-kp'],
    ])
  })
})
