// Finding a row boundary in a window of a CSV file that starts anywhere, inside a quoted value or
// not: the reading that runs into malformed quotes is the wrong one.

import { describe, expect, it } from 'vitest'
import { rowBoundaryIn } from '../../../src/core/csv/split'

const encode = (text: string) => new TextEncoder().encode(text)

/** The text from the boundary found, or null. */
function after(window: string, delimiter = ','): string | null {
  const bytes = encode(window)
  const at = rowBoundaryIn(bytes, delimiter)
  return at === -1 ? null : new TextDecoder().decode(bytes.subarray(at))
}

describe('rowBoundaryIn', () => {
  it.each([
    // outside quotes: the row after the first line feed
    ['ment,2\nA,"x, y",3\nB,z,4\n', 'A,"x, y",3\nB,z,4\n'],
    // inside a quoted value: both readings hold after its line feed, so the next one is taken
    ['ment\nstill, text",2\nA,"a ""b""",3\nB,z,4\n', 'A,"a ""b""",3\nB,z,4\n'],
    // inside a quoted value that the reading from outside breaks on
    ['ment\n"quoted" word",2\nA,3\n', 'A,3\n'],
    // CRLF rows
    ['x\r\nA,"q\r\nr",1\r\nB,2\r\n', 'A,"q\r\nr",1\r\nB,2\r\n'],
    // no quote at all: outside
    ['abc\nA,1\nB,2\n', 'A,1\nB,2\n'],
    // another delimiter
    ['x\nA;"p;q";1\nB;2\n', 'A;"p;q";1\nB;2\n'],
  ])('in %j finds the row %j', (window, expected) => {
    expect(after(window, window.includes(';') ? ';' : ',')).toBe(expected)
  })

  it('finds no boundary without a line feed, or when both readings break', () => {
    expect(after('no line feed, "at all"')).toBeNull()
    expect(after('x\n"a"b,"c\n"d"e\n')).toBeNull()
  })
})
