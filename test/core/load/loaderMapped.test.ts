// The loader's fast path for files read through a column mapping (GTD, ACLED, UCDP): dates made
// from several fields, counts written `2.0`, a target group taken from the first non-blank column.
// Whatever the values and wherever the chunks split the bytes, it gives what the reference
// pipeline gives (PapaParse, the mapping's functions, validateRow): same records, issues, rejected
// rows, and the same count of zero fractions noted.

import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CsvLoader, type LoadResult } from '../../../src/core/load/loader'
import { FORMAT_SIGNATURES } from '../../../src/core/load/formats'
import {
  proposeMapping,
  readerFromMapping,
  type MappingNotes,
} from '../../../src/core/load/mapping'
import { StoreBuilder } from '../../../src/core/store/builder'
import { referenceLoad } from '../../helpers/referenceLoad'

afterEach(() => vi.restoreAllMocks())

// The reference pipeline through the mapping, with the zero fractions its functions noted.
function referenceMapped(text: string) {
  const notes: MappingNotes = { decimalCounts: 0 }
  const reference = referenceLoad(text, (header) =>
    readerFromMapping(proposeMapping(header), header, notes),
  )
  return { ...reference, decimalCounts: notes.decimalCounts }
}

function loadMapped(
  bytes: Uint8Array,
  chunk: number,
): { result: LoadResult; decimalCounts: number } {
  const notes: MappingNotes = { decimalCounts: 0 }
  const loader = new CsvLoader({
    readerFor: (header) => readerFromMapping(proposeMapping(header), header, notes),
  })
  for (let at = 0; at < bytes.length; at += chunk) loader.push(bytes.subarray(at, at + chunk))
  return { result: loader.finish(), decimalCounts: notes.decimalCounts }
}

const quote = (value: string) => `"${value.replace(/"/g, '""')}"`

// Mostly values a row may hold, often enough a value some rule refuses or that only the checked
// path reads: rows of both kinds, and both kinds of rows refused.
function mostly(valid: string[], other: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...valid) },
    { weight: 1, arbitrary: fc.constantFrom(...other) },
  )
}

const label = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('Police', 'Civilians (Afghanistan)', ' padded ', 'São') },
  { weight: 1, arbitrary: fc.constantFrom('', '  ', "'=1+2", "'plain") },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.constantFrom('a', ' ', ',', '"', '\n', 'é', '\u00a0', "'"),
      maxLength: 5,
    }),
  },
)
const count = mostly(
  ['', '0', '12', '12.0', ' 3.00 ', '0.0', '007.0', '4', ' 4 ', '999999999.0'],
  ['1.5', '.0', '5.', '1.0.0', '-1', '1234567890.0', '2000000001', 'x', '1e3'],
)
const gtdYear = mostly(['2015', ' 2014 ', '1970'], ['0999', '', 'x', "'2015", '2015.0'])
const gtdMonth = mostly(['0', '00', '8', '08', '12', ' 3 '], ['000', '13', '', 'x', '1.0'])
const gtdDay = mostly(['0', '00', '1', '29', '30', '31', ' 7', '07'], ['32', '', 'x'])
const looseDate = mostly(
  ['2021-10-08', '08 October 2021', '8 Oct 2021', '2021-10-08 00:00:00.000', ' 2021-10-08 '],
  ['2021-02-30', '2020-02-29', '', 'x', "'2021-10-08", '31 September 2021', '2021'],
)

// Values for the columns a mapping reads; any other column gets a label.
const VALUES: Record<string, fc.Arbitrary<string>> = {
  iyear: gtdYear,
  imonth: gtdMonth,
  iday: gtdDay,
  nkill: count,
  nwound: count,
  fatalities: count,
  low: count,
  high: count,
  best: count,
  event_date: looseDate,
  date_start: looseDate,
}

function fileOf(format: keyof typeof FORMAT_SIGNATURES): fc.Arbitrary<string> {
  const header = [...FORMAT_SIGNATURES[format], 'spare']
  const row = fc
    .tuple(
      fc.tuple(...header.map((name) => VALUES[name] ?? label)),
      fc.array(fc.boolean(), { minLength: header.length, maxLength: header.length }),
      fc.integer({ min: -1, max: 1 }),
    )
    .map(([values, quoted, widthChange]) => {
      const cells = values.map((value, i) =>
        /[",\n\r]/.test(value) || quoted[i] ? quote(value) : value,
      )
      if (widthChange === 1) cells.push('more')
      if (widthChange === -1) cells.pop()
      return cells.join(',')
    })
  return fc
    .tuple(fc.array(row, { maxLength: 8 }), fc.constantFrom('\n', '\r\n'))
    .map(([rows, newline]) => [header.join(','), ...rows].join(newline) + newline)
}

describe('CsvLoader through a column mapping gives what the reference pipeline gives', () => {
  it.each(['gtd', 'acled', 'ucdp'] as const)('on %s exports, in any chunks', (format) => {
    fc.assert(
      fc.property(fileOf(format), fc.integer({ min: 1, max: 64 }), (text, chunk) => {
        const reference = referenceMapped(text)
        const { result, decimalCounts } = loadMapped(new TextEncoder().encode(text), chunk)
        expect(result.store?.records() ?? []).toEqual(reference.records)
        expect(result.store ? Array.from(result.store.columns.line) : []).toEqual(reference.lines)
        expect(result.rowIssues).toEqual(reference.rowIssues)
        expect(result.rejected).toEqual(reference.rejected)
        expect(decimalCounts).toBe(reference.decimalCounts)
      }),
      { numRuns: 300 },
    )
  })

  it.each([
    [
      'gtd',
      'eventid,iyear,imonth,iday,country_txt,provstate,city,targtype1_txt,attacktype1_txt,gname,nkill,nwound,summary',
      ['1,2015,8,1,AF,Kabul,Kabul,Police,Bombing,IS,12.0,3,text', '2,2014,0,0,AF,,,Military,,,3,,'],
    ],
    [
      'acled',
      'event_id_cnty,event_date,year,event_type,actor1,actor2,country,admin1,admin2,location,source,notes,fatalities',
      [
        'A1,08 October 2021,2021,Battles,IS,,AF,Kunduz,,Kunduz,Src,n,72',
        'A2,2021-10-08,2021,Riots,X,Civilians,AF,,,,,,0',
      ],
    ],
  ])(
    'reads clean %s rows straight into the columns, not through validateRow',
    (_, header, rows) => {
      const fast = vi.spyOn(StoreBuilder.prototype, 'pushRanges')
      const checked = vi.spyOn(StoreBuilder.prototype, 'push')
      const { result, decimalCounts } = loadMapped(
        new TextEncoder().encode([header, ...rows].join('\n') + '\n'),
        1 << 16,
      )
      expect(result.store?.length).toBe(2)
      expect(fast).toHaveBeenCalledTimes(2)
      expect(checked).not.toHaveBeenCalled()
      expect(decimalCounts).toBe(header.includes('nkill') ? 2 : 0)
    },
  )
})
