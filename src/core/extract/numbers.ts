// Numbers as reports write them (`1,200`, `six`, `twenty-one`, `a dozen`, `two hundred`) and the
// codebook's qualifier rules that turn a quantity phrase into bounds (data/README.md, "Qualifier
// rules"): `at least 47` -> 47/empty, `over 50` -> 51/empty, `up to 12` -> empty/12, `nearly 30`
// -> empty/29, `about 30` -> empty/empty (approximate 30), `between 29 and 40` -> 29/40, and vague
// words (`scores`, `dozens`, `many` ...) -> empty/empty, never zero.

import { ENGLISH_MONTHS } from '../date'
import type { Token } from './text'

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
}
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
}

/** A number read from tokens `[start, end)`. */
export interface ParsedNumber {
  value: number
  /** Index of the first token after the number. */
  end: number
}

function wordBelowHundred(word: string): number | null {
  if (word in UNITS) return UNITS[word] ?? null
  if (word in TENS) return TENS[word] ?? null
  const parts = /^([a-z]+)[-‐–]([a-z]+)$/.exec(word)
  if (parts && parts[1] && parts[2] && parts[1] in TENS && parts[2] in UNITS) {
    const unit = UNITS[parts[2]] ?? 10
    if (unit >= 1 && unit <= 9) return (TENS[parts[1]] ?? 0) + unit
  }
  return null
}

/** The value of one number word below a hundred (`six`, `thirteen`, `twenty-one`), or null. */
export function parseNumberWord(word: string): number | null {
  return wordBelowHundred(word.toLowerCase())
}

/** Digits with optional thousands separators (`1,200`), or null. */
export function parseDigits(word: string): number | null {
  return /^\d{1,3}(?:,\d{3})+$|^\d+$/.test(word) ? Number(word.replace(/,/g, '')) : null
}

// Reads a number starting at token `i`: digits, number words up to the hundreds and thousands
// (`two hundred and five`), `a dozen`, `two dozen`, `a hundred`, `a single`. Null when none.
export function parseNumberAt(tokens: readonly Token[], i: number): ParsedNumber | null {
  const word = tokens[i]?.lower
  if (word === undefined) return null
  const next = tokens[i + 1]?.lower
  const digits = parseDigits(word)
  if (digits !== null) {
    if (next === 'dozen') return { value: digits * 12, end: i + 2 }
    return { value: digits, end: i + 1 }
  }
  if (word === 'a' || word === 'an') {
    if (next === 'dozen') return { value: 12, end: i + 2 }
    if (next === 'single') return { value: 1, end: i + 2 }
    if (next === 'hundred' || next === 'thousand') {
      return extendNumber(tokens, i + 1, 1)
    }
    return null
  }
  const small = wordBelowHundred(word)
  if (small === null) return null
  if (next === 'dozen') return { value: small * 12, end: i + 2 }
  return extendNumber(tokens, i + 1, small)
}

/** Continues `value` with `hundred`, `thousand` and `and five`, when they follow. */
function extendNumber(tokens: readonly Token[], i: number, value: number): ParsedNumber {
  let total = value
  let at = i
  if (tokens[at]?.lower === 'hundred') {
    total *= 100
    at++
    const rest = readAndBelowHundred(tokens, at)
    if (rest) {
      total += rest.value
      at = rest.end
    }
  }
  if (tokens[at]?.lower === 'thousand') {
    total *= 1000
    at++
  }
  return { value: total, end: at }
}

function readAndBelowHundred(tokens: readonly Token[], i: number): ParsedNumber | null {
  const start = tokens[i]?.lower === 'and' ? i + 1 : i
  const word = tokens[start]?.lower
  const value = word === undefined ? null : wordBelowHundred(word)
  return value === null || value === 0 ? null : { value, end: start + 1 }
}

/** Bounds that a quantity phrase supports, per the codebook. Null is "not given", never 0. */
export interface FigureBounds {
  min: number | null
  max: number | null
  /** The figure of `about N`, `around N` ...: kept for notes, never put in a count. */
  approximate: number | null
  /** A vague word (`scores`, `many` ...): mentioned, not quantified. */
  vague: boolean
}

/** A quantity phrase found in tokens `[start, end)`. */
export interface QuantityPhrase extends FigureBounds {
  start: number
  end: number
  /** The qualifier's words as written (`at least`), or '' for a plain number. */
  qualifier: string
}

type Qualifier = 'min' | 'over' | 'max' | 'under' | 'approx' | 'between' | 'exact'

// Qualifiers read before the number, longest first.
const PREFIX_QUALIFIERS: [string[], Qualifier][] = [
  [['no', 'fewer', 'than'], 'min'],
  [['not', 'less', 'than'], 'min'],
  [['no', 'less', 'than'], 'min'],
  [['at', 'least'], 'min'],
  [['a', 'minimum', 'of'], 'min'],
  [['more', 'than'], 'over'],
  [['over'], 'over'],
  [['as', 'many', 'as'], 'max'],
  [['up', 'to'], 'max'],
  [['at', 'most'], 'max'],
  [['fewer', 'than'], 'under'],
  [['less', 'than'], 'under'],
  [['under'], 'under'],
  [['nearly'], 'under'],
  [['almost'], 'under'],
  [['an', 'estimated'], 'approx'],
  [['approximately'], 'approx'],
  [['roughly'], 'approx'],
  [['about'], 'approx'],
  [['around'], 'approx'],
  [['some'], 'approx'],
  [['between'], 'between'],
  // `wounded another three`: more people, counted exactly (the word stays in the figure's text).
  [['another'], 'exact'],
]

/** Vague quantity words (codebook): mentioned but not quantified, never zero. */
const VAGUE_WORDS: string[][] = [
  ['a', 'number', 'of'],
  ['a', 'handful', 'of'],
  ['a', 'few'],
  ['a', 'couple', 'of'],
  ['a', 'couple'],
  ['scores'],
  ['dozens'],
  ['hundreds'],
  ['thousands'],
  ['several'],
  ['some'],
  ['many'],
  ['numerous'],
  ['multiple'],
  ['countless'],
]

function matchWords(tokens: readonly Token[], i: number, words: readonly string[]): boolean {
  return words.every((word, k) => tokens[i + k]?.lower === word)
}

/** A number used as a count, not a year or a day of a month. */
function isCountNumber(tokens: readonly Token[], i: number, parsed: ParsedNumber): boolean {
  const token = tokens[i]
  if (!token) return false
  if (/^(1[89]|20)\d\d$/.test(token.text)) return false
  const before = tokens[i - 1]?.lower ?? ''
  const after = tokens[parsed.end]?.lower ?? ''
  return !MONTHS.has(before) && !MONTHS.has(after)
}

/** Month names and their short forms: a number beside one is a day, not a count. */
export const MONTHS = new Map<string, number>(
  ENGLISH_MONTHS.flatMap((name, index): [string, number][] => [
    [name, index + 1],
    [name.slice(0, 3), index + 1],
    ...(name === 'september' ? [['sept', 9] as [string, number]] : []),
  ]),
)

function boundsFor(qualifier: Qualifier | null, value: number): FigureBounds {
  switch (qualifier) {
    case 'min':
      return { min: value, max: null, approximate: null, vague: false }
    case 'over':
      return { min: value + 1, max: null, approximate: null, vague: false }
    case 'max':
      return { min: null, max: value, approximate: null, vague: false }
    case 'under':
      return { min: null, max: Math.max(value - 1, 0), approximate: null, vague: false }
    case 'approx':
      return { min: null, max: null, approximate: value, vague: false }
    default:
      return { min: value, max: value, approximate: null, vague: false }
  }
}

// Reads a quantity phrase starting at token `i`: a qualifier and a number, a range, or a vague
// word. Null when token `i` does not start one.
export function parseQuantityAt(tokens: readonly Token[], i: number): QuantityPhrase | null {
  for (const [words, qualifier] of PREFIX_QUALIFIERS) {
    if (!matchWords(tokens, i, words)) continue
    const at = i + words.length
    const number = parseNumberAt(tokens, at)
    if (!number || !isCountNumber(tokens, at, number)) continue
    const qualifierText = tokens
      .slice(i, at)
      .map((t) => t.text)
      .join(' ')
    if (qualifier === 'between') {
      const and = tokens[number.end]?.lower
      const high = and === 'and' ? parseNumberAt(tokens, number.end + 1) : null
      if (!high) continue
      return range(i, high.end, number.value, high.value, qualifierText)
    }
    return {
      ...boundsFor(qualifier, number.value),
      start: i,
      end: number.end,
      qualifier: qualifierText,
    }
  }
  const number = parseNumberAt(tokens, i)
  if (number && isCountNumber(tokens, i, number)) {
    const link = tokens[number.end]?.lower
    // `five to seven`, `29-40`, `29–40`: an explicit range.
    if (link === 'to' || link === '-' || link === '–' || link === '‐') {
      const high = parseNumberAt(tokens, number.end + 1)
      if (high && high.value > number.value) return range(i, high.end, number.value, high.value, '')
    }
    // `N or more`: a lower bound.
    if (link === 'or' && tokens[number.end + 1]?.lower === 'more') {
      return {
        ...boundsFor('min', number.value),
        start: i,
        end: number.end + 2,
        qualifier: 'or more',
      }
    }
    return { ...boundsFor(null, number.value), start: i, end: number.end, qualifier: '' }
  }
  for (const words of VAGUE_WORDS) {
    if (!matchWords(tokens, i, words)) continue
    return {
      min: null,
      max: null,
      approximate: null,
      vague: true,
      start: i,
      end: i + words.length,
      qualifier: words.join(' '),
    }
  }
  return null
}

function range(start: number, end: number, low: number, high: number, qualifier: string) {
  const [min, max] = low <= high ? [low, high] : [high, low]
  return { min, max, approximate: null, vague: false, start, end, qualifier }
}
