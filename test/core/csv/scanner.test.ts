// The streaming byte scanner (core/csv/scanner.ts) against the reference: parseCsvText, which runs
// PapaParse. Both must give the same header, rows, lines, blank lines, skipped lines and issues,
// whatever the text and wherever the chunks split it.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CsvScanner } from '../../../src/core/csv/scanner'
import { parseCsvText, type ParsedCsv } from '../../../src/core/csv/papaParse'

function scanText(text: string, chunk: number, seamBytes?: number): ParsedCsv {
  const bytes = new TextEncoder().encode(text)
  const parsed: ParsedCsv = {
    delimiter: ',',
    header: [],
    headerLine: 1,
    rows: [],
    lines: [],
    blankLines: 0,
    skipped: [],
    issues: [],
  }
  const scanner = new CsvScanner({
    header: (cells) => {
      parsed.header = cells
    },
    row: (view) => {
      parsed.rows.push(view.fields())
      parsed.lines.push(view.line)
    },
  })
  if (seamBytes !== undefined) scanner.seamBytes = seamBytes
  for (let at = 0; at < bytes.length; at += chunk) scanner.push(bytes.subarray(at, at + chunk))
  scanner.finish()
  const { tally } = scanner
  return {
    ...parsed,
    delimiter: tally.delimiter ?? ',',
    headerLine: tally.headerLine,
    blankLines: tally.blankLines,
    skipped: tally.skipped,
    issues: tally.issues,
  }
}

function expectSame(text: string, chunk: number, seamBytes?: number): void {
  const reference = parseCsvText(text)
  const scanned = scanText(text, chunk, seamBytes)
  expect(scanned.header).toEqual(reference.header)
  expect(scanned.rows).toEqual(reference.rows)
  expect(scanned.lines).toEqual(reference.lines)
  expect(scanned.headerLine).toBe(reference.headerLine)
  expect(scanned.blankLines).toBe(reference.blankLines)
  expect(scanned.skipped).toEqual(reference.skipped)
  expect(scanned.issues).toEqual(reference.issues)
  if (reference.header.length > 0) expect(scanned.delimiter).toBe(reference.delimiter)
}

const quoteField = (value: string) => `"${value.replace(/"/g, '""')}"`

// Well-formed CSV: fields quoted when they hold a delimiter, quote or line break, any line ending,
// blank and white space lines, optional sep= line and HXL row, with or without a final newline.
const wellFormed = fc
  .record({
    delimiter: fc.constantFrom(',', ';', '\t'),
    sep: fc.boolean(),
    hxl: fc.boolean(),
    newline: fc.constantFrom('\n', '\r\n', '\r'),
    finalNewline: fc.boolean(),
    width: fc.integer({ min: 2, max: 4 }),
    rows: fc.array(
      fc.oneof(
        {
          weight: 8,
          arbitrary: fc.array(
            fc.string({
              unit: fc.constantFrom(
                'a',
                'b',
                ' ',
                ',',
                ';',
                '\t',
                '"',
                '\n',
                '\r',
                'é',
                '😀',
                '#',
                "'",
              ),
              maxLength: 6,
            }),
            { minLength: 1, maxLength: 5 },
          ),
        },
        { weight: 1, arbitrary: fc.constant(null) },
      ),
      { maxLength: 12 },
    ),
  })
  .map(({ delimiter, sep, hxl, newline, finalNewline, width, rows }) => {
    const header = ['incident_id', 'date', 'notes', 'x'].slice(0, width)
    const lines: string[] = []
    if (sep) lines.push(`sep=${delimiter}`)
    lines.push(header.join(delimiter))
    if (hxl) lines.push(header.map((_, i) => (i === 0 ? '#event+id' : '')).join(delimiter))
    for (const row of rows) {
      if (row === null) {
        lines.push('')
        continue
      }
      lines.push(
        row
          .map((value) =>
            /[",;\t\n\r]/.test(value) || value.startsWith(' ') ? quoteField(value) : value,
          )
          .join(delimiter),
      )
    }
    return lines.join(newline) + (finalNewline ? newline : '')
  })

describe('CsvScanner gives what parseCsvText (PapaParse) gives', () => {
  it('on well-formed CSV, in any chunks', () => {
    fc.assert(
      fc.property(wellFormed, fc.integer({ min: 1, max: 40 }), (text, chunk) => {
        expectSame(text, chunk)
      }),
      { numRuns: 400 },
    )
  })

  // A piece bigger than the seam is scanned in place after the seam that ends the carried row.
  it('on well-formed CSV, in any chunks, with any seam', () => {
    fc.assert(
      fc.property(
        wellFormed,
        fc.integer({ min: 2, max: 40 }),
        fc.integer({ min: 1, max: 12 }),
        (text, chunk, seam) => {
          expectSame(text, chunk, seam)
        },
      ),
      { numRuns: 400 },
    )
  })

  // Without CR: on malformed quoting, parseCsvText's CR normalisation (a pre-pass with its own idea
  // of where quoted fields are) and PapaParse's grammar disagree about which CRs are inside a value;
  // the scanner follows the grammar. CRs in well-formed CSV are covered above.
  it('on any text over the CSV alphabet (malformed quotes, white space after quotes)', () => {
    const alphabet = fc.constantFrom('a', ' ', ',', '"', '"', '\n', 'é', '\u00a0', '#', '\t')
    fc.assert(
      fc.property(
        fc.string({ unit: alphabet, maxLength: 40 }),
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 1, max: 8 }),
        (body, chunk, seam) => {
          expectSame(`incident_id,date,notes\n${body}`, chunk)
          expectSame(`incident_id,date,notes\n${body}`, chunk, seam)
        },
      ),
      { numRuns: 600 },
    )
  })

  it.each([
    ['an unclosed quote', 'id,note\nA,ok\nB,"never closed\nC,lost\n'],
    ['a malformed closing quote', 'id,note\nA,"x"y,z\nB,"ok"  ,w\n'],
    ['a quote at the very end', 'id,note\nA,"x"'],
    ['a sep= line and blank lines before the header', 'sep=;\n\n\r\nid;n\nA;1\n'],
    ['quoted line breaks of every kind', 'id,note\nA,"1\r\n2\r3\n4"\nB,x\n'],
    ['an HXL row', 'incident_id,date,notes\n#event+id,#date+occurred,\nA,2021,x\n'],
    ['only white space rows', 'id,n\n \n,\n\t,\u00a0\n'],
    ['a last quoted empty field without a newline', 'id\nA\n""'],
    ['a BOM before a sep line', '\uFEFFsep=\t\nid\tn\nA\t1\n'],
    ['a sep=| line', 'sep=|\nid|note\nA|"x|y"\nB|2\n'],
    ['white space lines before the header', '  \n\t\r\n \t \nid,n\nA,1\n'],
    ['a sep= line then white space lines', 'sep=:\n   \nid:n\nA:1\n'],
  ])('on %s', (_name, text) => {
    for (const chunk of [1, 2, 3, 5, 1000]) expectSame(text, chunk)
  })
})

describe('CsvScanner with a seam', () => {
  // Pauses at the same row and gives back the same bytes, wherever the seam and the pieces fall.
  it('stops before bytes that are not UTF-8 as without one', () => {
    const good = new TextEncoder().encode('id,note\nA,"x\ny"\nB,é\nC,')
    const bytes = Uint8Array.from([...good, 0xe9, ...new TextEncoder().encode('t\nD,z\n')])
    const run = (chunk: number, seam: number) => {
      const rows: string[][] = []
      const scanner = new CsvScanner({
        header: () => undefined,
        row: (view) => {
          rows.push(view.fields())
        },
      })
      scanner.seamBytes = seam
      // As the loader does: the bytes not scanned yet are taken back as soon as it pauses.
      for (let at = 0; at < bytes.length; at += chunk) {
        scanner.push(bytes.subarray(at, at + chunk))
        if (scanner.invalid) {
          const rest = [...scanner.takeRest(), ...bytes.subarray(at + chunk)]
          return { rows, rest }
        }
      }
      return { rows, rest: [] }
    }
    const whole = run(bytes.length, bytes.length)
    expect(whole.rest.length).toBeGreaterThan(0)
    for (const chunk of [3, 5, 8, 13]) {
      for (const seam of [1, 2, 4]) expect(run(chunk, seam)).toEqual(whole)
    }
  })
})
