// Sentences and word tokens with their character offsets in the whole text. Every later step
// (figures, dates, places) works on tokens, so every span it reports can be cut back out of the
// text with text.slice(start, end): that is what lets a proposed row point at its words.

/** A range of characters in the text: `text.slice(start, end)`. */
export interface TextSpan {
  start: number
  end: number
}

/** One word, number or punctuation mark. */
export interface Token extends TextSpan {
  text: string
  /** Lowercase, with a trailing possessive `’s` removed (`IS-KP’s` -> `is-kp`). */
  lower: string
}

/** One sentence of the text. */
export interface Sentence extends TextSpan {
  text: string
  /** Position in the text's list of sentences. */
  index: number
  /** Paragraph number: sentences of one paragraph share it. */
  paragraph: number
  tokens: Token[]
}

const TOKEN =
  /\d{1,3}(?:,\d{3})+(?!\d)|\d+|(?:[A-Z]\.){2,}|[A-Za-z\u00C0-\u024F]+(?:[-‐–’'][A-Za-z\u00C0-\u024F]+)*|\S/gu

// Words that end with a full stop without ending the sentence.
const ABBREVIATIONS = new Set(
  'mr mrs ms dr gen lt col maj sgt capt cpl pvt gov sen rep st no jan feb mar apr jun jul aug sep sept oct nov dec approx'.split(
    ' ',
  ),
)

// Splits `text` (from offset `base` of the whole text) into tokens.
export function tokenize(text: string, base = 0): Token[] {
  const tokens: Token[] = []
  for (const match of text.matchAll(TOKEN)) {
    const start = base + (match.index ?? 0)
    const word = match[0]
    tokens.push({
      text: word,
      lower: word.toLowerCase().replace(/[’']s$/, ''),
      start,
      end: start + word.length,
    })
  }
  return tokens
}

function endsWithAbbreviation(text: string, dot: number): boolean {
  let i = dot - 1
  while (i >= 0 && /[A-Za-z]/.test(text[i] ?? '')) i--
  const word = text.slice(i + 1, dot)
  // `U.S.` and initials: a single letter before the dot.
  if (word.length === 1) return true
  return ABBREVIATIONS.has(word.toLowerCase())
}

/** Paragraphs: blank lines, or a line break before a line that does not continue a sentence. */
function paragraphSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = []
  const breaks = /\n[ \t]*(?:\n\s*)*(?![ \t]*[a-z])/g
  let start = 0
  for (const match of text.matchAll(breaks)) {
    const at = match.index ?? 0
    spans.push({ start, end: at })
    start = at + match[0].length
  }
  spans.push({ start, end: text.length })
  return spans
}

// Splits a text into sentences with offsets. A sentence ends at `.`, `!` or `?` (with any closing
// quote) before a capital, a digit or a quote, unless the word before the dot is an abbreviation.
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = []
  paragraphSpans(text).forEach((paragraph, paragraphIndex) => {
    let start = paragraph.start
    const push = (end: number) => {
      let s = start
      while (s < end && /\s/.test(text[s] ?? '')) s++
      let e = end
      while (e > s && /\s/.test(text[e - 1] ?? '')) e--
      if (e > s) {
        const body = text.slice(s, e)
        sentences.push({
          start: s,
          end: e,
          text: body,
          index: sentences.length,
          paragraph: paragraphIndex,
          tokens: tokenize(body, s),
        })
      }
      start = end
    }
    const end = /[.!?]["”’)\]]*(?=\s+["“‘(\[]?[A-Z0-9])/g
    end.lastIndex = paragraph.start
    const body = text.slice(0, paragraph.end)
    for (let match = end.exec(body); match; match = end.exec(body)) {
      const dot = match.index
      if (text[dot] === '.' && endsWithAbbreviation(text, dot)) continue
      push(dot + match[0].length)
    }
    push(paragraph.end)
  })
  return sentences
}
