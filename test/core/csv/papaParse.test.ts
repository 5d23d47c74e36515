import { describe, expect, it } from 'vitest'
import { normalizeNewlines, parseCsvText } from '../../../src/core/csv/papaParse'

describe('parseCsvText', () => {
  it.each([
    ['LF', 'a,b\n1,2\n3,4\n'],
    ['CRLF', 'a,b\r\n1,2\r\n3,4\r\n'],
    ['CR', 'a,b\r1,2\r3,4\r'],
    ['mixed', 'a,b\r\n1,2\n3,4\r'],
    ['no final newline', 'a,b\n1,2\n3,4'],
  ])('reads %s line endings with the right lines', (_name, text) => {
    const parsed = parseCsvText(text)
    expect(parsed.header).toEqual(['a', 'b'])
    expect(parsed.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ])
    expect(parsed.lines).toEqual([2, 3])
    expect(parsed.blankLines).toBe(0)
  })

  it('gives the line a row starts on when quoted newlines make rows span lines', () => {
    const text = 'id,note\nA,"one\ntwo\nthree"\nB,plain\nC,"x\r\ny"\nD,last\n'
    const parsed = parseCsvText(text)
    expect(parsed.lines).toEqual([2, 5, 6, 8])
    expect(parsed.rows[0]).toEqual(['A', 'one\ntwo\nthree'])
    // A line break inside quotes is data: it stays as written (lossless round trip).
    expect(parsed.rows[2]).toEqual(['C', 'x\r\ny'])
  })

  it.each([
    ['CRLF rows, CR and CRLF inside quotes', 'a,b\r\n1,"x\ry"\r\n2,"p\r\nq"\r\n3,z\r\n'],
    ['CR rows', 'a,b\r1,"x\ry"\r2,"p\r\nq"\r3,z\r'],
    ['semicolon, quote after the delimiter', 'a;b\r\n1;"x\ry"\r\n2;"p\r\nq"\r\n3;z'],
  ])('normalises line breaks between rows, not inside quotes (%s)', (_name, text) => {
    const parsed = parseCsvText(text)
    expect(parsed.rows).toEqual([
      ['1', 'x\ry'],
      ['2', 'p\r\nq'],
      ['3', 'z'],
    ])
    expect(parsed.lines).toEqual([2, 4, 6])
  })

  it('keeps quotes, commas and delimiters inside quoted fields', () => {
    const parsed = parseCsvText('id,note\nA,"He said ""over 50"", then left, quickly"\n')
    expect(parsed.rows[0]).toEqual(['A', 'He said "over 50", then left, quickly'])
  })

  it('keeps every value a string: no type guessing', () => {
    const parsed = parseCsvText('id,n,d\n007,1e5," 12 "\n')
    expect(parsed.rows[0]).toEqual(['007', '1e5', ' 12 '])
  })

  it('counts blank lines, including rows of only delimiters, and keeps their neighbours on the right lines', () => {
    const parsed = parseCsvText('id,n\n\nA,1\n,\n   \nB,2\n\n')
    expect(parsed.rows).toEqual([
      ['A', '1'],
      ['B', '2'],
    ])
    expect(parsed.lines).toEqual([3, 6])
    expect(parsed.blankLines).toBe(4)
  })

  it('skips blank lines before the header', () => {
    const parsed = parseCsvText('\n\nid,n\nA,1\n')
    expect(parsed.header).toEqual(['id', 'n'])
    expect(parsed.headerLine).toBe(3)
    expect(parsed.lines).toEqual([4])
  })

  it('honours a sep= first line, and the header is then line 2', () => {
    const parsed = parseCsvText('sep=;\nincident_id;date\nA;2021\n')
    expect(parsed.delimiter).toBe(';')
    expect(parsed.headerLine).toBe(2)
    expect(parsed.lines).toEqual([3])
    expect(parsed.skipped).toEqual([{ line: 1, reason: '"sep=;" names the delimiter' }])
  })

  it('skips an HXL hashtag row under the header', () => {
    const parsed = parseCsvText('incident_id,date,notes\n#event+id,#date+occurred,\nA,2021,x\n')
    expect(parsed.rows).toEqual([['A', '2021', 'x']])
    expect(parsed.lines).toEqual([3])
    expect(parsed.skipped[0]).toEqual({ line: 2, reason: 'HXL hashtag row' })
  })

  it('strips a BOM left in decoded text', () => {
    expect(parseCsvText('\uFEFFincident_id,date\nA,2021\n').header).toEqual(['incident_id', 'date'])
  })

  it('reports an unclosed quote at the line where its row starts', () => {
    const parsed = parseCsvText('id,note\nA,ok\nB,"never closed\nC,lost\n')
    expect(parsed.issues).toHaveLength(1)
    expect(parsed.issues[0]?.line).toBe(3)
    expect(parsed.issues[0]?.message).toMatch(/never closed/)
  })

  it('normalises newlines', () => {
    expect(normalizeNewlines('a\r\nb\rc\n')).toBe('a\nb\nc\n')
  })
})
