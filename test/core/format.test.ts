import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  formatCount,
  formatRange,
  formatRangeShort,
  pluralize,
  splitHighlights,
  wrapLabel,
  formatSourceLine,
} from '../../src/core/format'

describe('formatRange', () => {
  it.each([
    [{ min: 183, max: 183, openRows: 0, unquantifiedRows: 0 }, '183', '183'],
    [{ min: 236, max: 250, openRows: 0, unquantifiedRows: 0 }, '236–250', '236–250'],
    [{ min: 288, max: 288, openRows: 4, unquantifiedRows: 0 }, 'at least 288', '288+'],
    [{ min: 13, max: 13, openRows: 0, unquantifiedRows: 1 }, 'at least 13', '13+'],
    [{ min: 1234, max: 1500, openRows: 0, unquantifiedRows: 0 }, '1,234–1,500', '1,234–1,500'],
    [{ min: 0, max: 0, openRows: 0, unquantifiedRows: 0 }, '0', '0'],
  ])('%o reads %s', (figure, long, short) => {
    expect(formatRange(figure)).toBe(long)
    expect(formatRangeShort(figure)).toBe(short)
  })

  it('always puts the minimum first among the digits', () => {
    fc.assert(
      fc.property(
        fc.nat(1e9),
        fc.nat(1e6),
        fc.nat(3),
        fc.nat(3),
        (min, extra, openRows, unquantifiedRows) => {
          const text = formatRange({ min, max: min + extra, openRows, unquantifiedRows })
          const first = /\d[\d,]*/.exec(text)?.[0] ?? ''
          expect(Number(first.replace(/,/g, ''))).toBe(min)
        },
      ),
    )
  })
})

describe('formatCount and pluralize', () => {
  it.each([
    [0, '0'],
    [1234567, '1,234,567'],
  ])('%d -> %s', (value, text) => expect(formatCount(value)).toBe(text))
  it.each([
    [1, 'incident', '1 incident'],
    [2, 'incident', '2 incidents'],
    [1000, 'row', '1,000 rows'],
  ])('%d %s', (count, word, text) => expect(pluralize(count, word)).toBe(text))
})

describe('splitHighlights', () => {
  it.each([
    [
      'killing over 50 worshippers and injuring scores',
      ['over 50 worshippers', 'scores'],
      [
        ['killing ', false],
        ['over 50 worshippers', true],
        [' and injuring ', false],
        ['scores', true],
      ],
    ],
    ['no match here', ['absent'], [['no match here', false]]],
    ['<b>170</b> Afghans', ['170 afghans'], [['<b>170</b> Afghans', false]]],
    [
      '170 Afghans and 170 more',
      ['170'],
      [
        ['170', true],
        [' Afghans and ', false],
        ['170', true],
        [' more', false],
      ],
    ],
    [
      'multiple casualties',
      ['multiple casualties', 'multiple casualties'],
      [['multiple casualties', true]],
    ],
    ['', ['x'], []],
  ])('%s', (text, phrases, expected) => {
    expect(splitHighlights(text, phrases).map((s) => [s.text, s.highlighted])).toEqual(expected)
  })

  it('keeps every character of the text, in order', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string()), (text, phrases) => {
        expect(
          splitHighlights(text, phrases)
            .map((s) => s.text)
            .join(''),
        ).toBe(text)
      }),
    )
  })
})

describe('wrapLabel', () => {
  it.each([
    ['civilians', 12, ['civilians']],
    ['taliban security forces', 12, ['taliban', 'security', 'forces']],
    ['taliban security forces', 16, ['taliban security', 'forces']],
    ['Religious Figures/Institutions', 14, ['Religious', 'Figures/', 'Institutions']],
    ['Terrorists/Non-State Militia', 40, ['Terrorists/Non-State Militia']],
    ['', 10, []],
  ])('%s at %d', (label, width, lines) => expect(wrapLabel(label, width)).toEqual(lines))

  it('keeps every character but the spaces at line ends', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 30 }), (label, width) => {
        const lines = wrapLabel(label, width)
        expect(lines.join(' ').replace(/\s+/g, '')).toBe(label.replace(/\s+/g, ''))
      }),
    )
  })
})

describe('formatSourceLine', () => {
  const many = Array.from({ length: 20_000 }, (_, i) => `src-${i}`)
  it.each<[string, string[], string]>([
    ['no source', [], 'Source: not given, coded in data/attacks.csv.'],
    ['one source', ['src-000'], 'Source: src-000, coded in data/attacks.csv.'],
    ['a few', ['a', 'b', 'c'], 'Sources: a, b, c, coded in data/attacks.csv.'],
    ['five', ['a', 'b', 'c', 'd', 'e'], 'Sources: a, b, c, d, e, coded in data/attacks.csv.'],
    [
      'six',
      ['a', 'b', 'c', 'd', 'e', 'f'],
      'Sources: a, b, c, d, e and 1 more, coded in data/attacks.csv.',
    ],
    [
      'twenty thousand: the first five and a count, not a page of ids',
      many,
      'Sources: src-0, src-1, src-2, src-3, src-4 and 19,995 more, coded in data/attacks.csv.',
    ],
  ])('%s', (_name, sources, line) => {
    expect(formatSourceLine(sources, 'data/attacks.csv')).toBe(line)
  })
})
