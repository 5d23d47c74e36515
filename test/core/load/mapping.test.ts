import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { unescapeFormula } from '../../../src/core/csv/formula'
import { loadCsv } from '../../../src/core/load/loader'
import { KNOWN_COLUMN_NAMES } from '../../../src/core/load/formats'
import {
  applyAcledPrecision,
  applyGtdApproxDate,
  applyUcdpPrecision,
  mappingWarnings,
  proposeMapping,
  readIdDate,
  readGtdDate,
  readLooseDate,
  readerFromMapping,
  withoutWorldRegions,
  type MappingNotes,
} from '../../../src/core/load/mapping'
import { parseCsvText } from '../../../src/core/csv/papaParse'
import { parseIsoDate } from '../../../src/core/date'
import { fixtureBytes } from '../../helpers/fixtures'

/** Loads a fixture through the mapping proposed for its header, as the import worker does. */
function loadMapped(name: string) {
  const bytes = fixtureBytes(name)
  const header = parseCsvText(new TextDecoder().decode(bytes), {
    knownNames: KNOWN_COLUMN_NAMES,
  }).header
  const mapping = proposeMapping(header)
  const notes: MappingNotes = { decimalCounts: 0 }
  const result = loadCsv(bytes, { readerFor: (h) => readerFromMapping(mapping, h, notes) })
  return { mapping, notes, result, records: result.store?.records() ?? [] }
}

describe('readGtdDate', () => {
  it.each([
    ['2015', '8', '1', '2015-08-01'],
    ['2015', '12', '31', '2015-12-31'],
    ['2014', '0', '0', '2014'],
    ['2014', '0', '5', '2014'],
    ['2016', '3', '0', '2016-03'],
    ['2016', '', '', '2016'],
    ['2016', '13', '2', '2016-13-02'],
    ['abc', '1', '2', 'abc-1-2'],
  ])('%s / %s / %s -> %s', (year, month, day, iso) => {
    expect(readGtdDate(year, month, day)).toBe(iso)
  })
})

describe('readLooseDate', () => {
  it.each([
    ['2021-10-08', '2021-10-08'],
    ['08 October 2021', '2021-10-08'],
    ['8 October 2021', '2021-10-08'],
    ['8 Oct 2021', '2021-10-08'],
    ['2021-10-08 00:00:00.000', '2021-10-08'],
    ['2021-10-08T13:45:00Z', '2021-10-08'],
    [' 2021-06-02 ', '2021-06-02'],
    ['08 Octember 2021', '08 Octember 2021'],
    ['yesterday', 'yesterday'],
  ])('%j -> %j', (raw, iso) => {
    expect(readLooseDate(raw)).toBe(iso)
  })
})

describe('GTD export', () => {
  const { mapping, notes, result, records } = loadMapped('gtd-export.csv')

  it('proposes the GTD mapping', () => {
    expect(mapping.format).toBe('gtd')
    expect(mapping.sources.date).toEqual({
      kind: 'gtdDate',
      year: 'iyear',
      month: 'imonth',
      day: 'iday',
    })
    expect(mapping.sources.target_group).toEqual({ kind: 'column', name: 'targtype1_txt' })
  })

  it('lowers the date precision when imonth or iday is 0, and reads exact counts as min = max', () => {
    expect(
      records.map((r) => [r.incident_id, r.date, r.killed_min, r.killed_max, r.injured_min]),
    ).toEqual([
      ['201508010001', '2015-08-01', 12, 12, 30],
      ['201400000002', '2014', 3, 3, null],
      ['201603000003', '2016-03', null, null, 2],
    ])
    expect(records[0]).toMatchObject({
      country: 'Afghanistan',
      admin1: 'Kabul',
      location: 'Kabul',
      target_group: 'Religious Figures/Institutions',
      attack_type: 'Bombing/Explosion',
      perpetrator: 'Khorasan Chapter of the Islamic State',
      notes: '08/01/2015: An explosive device detonated at a mosque in Kabul, Afghanistan.',
    })
  })

  it('counts the 2.0 it read as 2 and reports the fractional count on its line', () => {
    expect(notes.decimalCounts).toBe(2) // nwound 2.0, read for injured_min and injured_max
    expect(result.rowIssues.map((i) => [i.line, i.column, i.value])).toEqual([
      [5, 'killed_min', '1.5'],
      [5, 'killed_max', '1.5'],
    ])
  })

  it('keeps every column of the file as an extra column under its own name, untouched', () => {
    expect(result.store?.extraNames).toEqual([
      'eventid',
      'iyear',
      'imonth',
      'iday',
      'extended',
      'country_txt',
      'region_txt',
      'provstate',
      'city',
      'latitude',
      'longitude',
      'attacktype1_txt',
      'targtype1_txt',
      'gname',
      'nkill',
      'nwound',
      'summary',
    ])
    expect(records[1]?.extra.imonth).toBe('0')
    expect(records[0]?.extra.latitude).toBe('34.5167')
  })
})

describe('ACLED export', () => {
  const { mapping, result, records } = loadMapped('acled-export.csv')

  it('reads both of ACLED’s date formats and fatalities as killed min = max, injured empty', () => {
    expect(mapping.format).toBe('acled')
    expect(result.rowIssues).toEqual([])
    expect(
      records.map((r) => [r.date, r.killed_min, r.killed_max, r.injured_min, r.injured_max]),
    ).toEqual([
      ['2021-10-08', 72, 72, null, null],
      ['2021-10-15', 47, 47, null, null],
      ['2021-11-02', 0, 0, null, null],
    ])
  })

  it('takes the target group from actor2, else event_type', () => {
    expect(records.map((r) => r.target_group)).toEqual([
      'Civilians (Afghanistan)',
      'Civilians (Afghanistan)',
      'Battles',
    ])
    expect(records[0]).toMatchObject({
      incident_id: 'AFG52001',
      perpetrator: 'Islamic State (Afghanistan)',
      attack_type: 'Explosions/Remote violence',
      admin2: 'Kunduz',
      source: 'Pajhwok Afghan News',
    })
  })
})

describe('UCDP GED', () => {
  const { mapping, result, records } = loadMapped('ucdp-ged.csv')

  it('maps low/high to killed min/max and drops the time of day of date_start', () => {
    expect(mapping.format).toBe('ucdp')
    expect(result.rowIssues).toEqual([])
    expect(records.map((r) => [r.incident_id, r.date, r.killed_min, r.killed_max])).toEqual([
      ['410001', '2021-10-08', 46, 72],
      ['410002', '2021-06-02', 8, 12],
    ])
    expect(records[0]).toMatchObject({
      target_group: 'Civilians',
      perpetrator: 'IS',
      location: 'Kunduz town',
      admin1: 'Kunduz province',
      source: '"Mosque blast kills dozens", Reuters, 2021-10-08',
    })
    expect(records[0]?.extra.best).toBe('55')
  })
})

describe('readerFromMapping', () => {
  it('keeps a column with one of our names under its own name, beside ours', () => {
    const header = ['date', 'iyear', 'imonth', 'iday']
    const reader = readerFromMapping(
      {
        format: 'gtd',
        sources: { date: { kind: 'gtdDate', year: 'iyear', month: 'imonth', day: 'iday' } },
      },
      header,
    )
    expect(reader.extras.map((extra) => extra.name)).toEqual(header)
  })

  it('proposes our own columns by name for a partial header', () => {
    const mapping = proposeMapping(['incident_id', 'date', 'what'])
    expect(mapping.sources).toEqual({
      incident_id: { kind: 'column', name: 'incident_id' },
      date: { kind: 'looseDate', name: 'date' },
    })
  })
})

describe('precision from the formats’ own fields', () => {
  it.each([
    ['2022-12-18', '1', '2022-12-18'],
    ['2022-12-18', '2', '2022-12'],
    ['2022-12-30', '2', '2022'],
    ['2022-12-02', '2', '2022'],
    ['2022-12-18', '3', '2022-12'],
    ['2022-12-18', '', '2022-12-18'],
  ])('ACLED %s with time_precision %j is %s', (date, precision, iso) => {
    expect(applyAcledPrecision(date, precision)).toBe(iso)
  })

  it.each([
    ['2013-07-23', '2013-07-25 00:00:00.000', '2', '2013-07'],
    ['2013-07-24', '2013-07-24 00:00:00.000', '1', '2013-07-24'],
    ['2013-07-24', '2013-07-24', '4', '2013-07'],
    ['2013-07-29', '2013-08-04', '3', '2013'],
    ['2013-03-01', '2013-03-01', '5', '2013'],
    ['2013-07-24', '', '', '2013-07-24'],
  ])('UCDP %s…%s with date_prec %j is %s', (start, end, precision, iso) => {
    expect(applyUcdpPrecision(start, end, precision)).toBe(iso)
  })

  it.each([
    ['2017-09-14', 'September 14-15, 2017', '2017-09'],
    ['2017-07-30', 'July 30 - August 1, 2017', '2017'],
    ['2016-12-31', 'December 31, 2016 - January 1, 2017', '2016'],
    ['2017-03', 'March 2017', '2017-03'],
    ['2017-03-02', '', '2017-03-02'],
    ['2017-03-02', 'unknown', '2017'],
  ])('GTD %s with approxdate %j is %s', (date, approx, iso) => {
    expect(applyGtdApproxDate(date, approx)).toBe(iso)
  })

  it('reads the date in a GTD eventid', () => {
    expect(readIdDate('201709230015')).toBe('2017-09-23')
    expect(readIdDate('201400000002')).toBe('2014')
    expect(readIdDate('20170923')).toBe('20170923')
  })
})

describe('proposals from column names', () => {
  it.each([
    [
      ['Fecha', 'Muertos', 'Heridos', 'Provincia', 'Grupo', 'Objetivo'],
      {
        date: 'Fecha',
        killed_min: 'Muertos',
        injured_max: 'Heridos',
        admin1: 'Provincia',
        perpetrator: 'Grupo',
        target_group: 'Objetivo',
      },
    ],
    [
      ['Date', 'Tués', 'Blessés', 'Région', 'Auteur', 'Cible', 'Ville'],
      {
        killed_max: 'Tués',
        injured_min: 'Blessés',
        admin1: 'Région',
        perpetrator: 'Auteur',
        target_group: 'Cible',
        location: 'Ville',
      },
    ],
    [
      ['Datum', 'Tote', 'Verletzte', 'Bundesland', 'Ort'],
      { killed_min: 'Tote', injured_min: 'Verletzte', admin1: 'Bundesland', location: 'Ort' },
    ],
    [
      ['Event ID', 'Deaths', 'Wounded', 'State/Province', 'City', 'Perpetrator Group', 'Target'],
      {
        incident_id: 'Event ID',
        killed_min: 'Deaths',
        injured_min: 'Wounded',
        location: 'City',
        perpetrator: 'Perpetrator Group',
        target_group: 'Target',
      },
    ],
    // CamelCase names read word by word; the target's type before the free-text target.
    [
      ['Year', 'Month', 'Day', 'AttackType', 'NoOfKills', 'TargetType', 'GroupName', 'Target'],
      {
        attack_type: 'AttackType',
        killed_min: 'NoOfKills',
        killed_max: 'NoOfKills',
        target_group: 'TargetType',
        target_type: 'TargetType',
        perpetrator: 'GroupName',
      },
    ],
    [
      ['EventDate', 'NumberKilled', 'NumberWounded', 'TargetGroup'],
      {
        killed_min: 'NumberKilled',
        injured_min: 'NumberWounded',
        target_group: 'TargetGroup',
      },
    ],
  ])('%j', (header, expected) => {
    const { sources } = proposeMapping(header)
    for (const [column, name] of Object.entries(expected)) {
      const source = sources[column as keyof typeof sources]
      expect(source && 'name' in source ? source.name : undefined).toBe(name)
    }
  })

  it('builds the date from any Year + Month + Day columns, or Year alone', () => {
    expect(proposeMapping(['Año', 'Mes', 'Día', 'Muertos']).sources.date).toEqual({
      kind: 'gtdDate',
      year: 'Año',
      month: 'Mes',
      day: 'Día',
    })
    expect(proposeMapping(['year', 'killed']).sources.date).toEqual({
      kind: 'gtdDate',
      year: 'year',
      month: '',
      day: '',
    })
  })
})

describe('missing-value tokens', () => {
  it('reads NA, NULL, nan and . as no value in the mapped columns, counts them, and keeps the file’s own text', () => {
    const text =
      'id,year,target,killed,wounded\nA,2020,NA,NULL,.\nB,2021,police,nan,1\nC,2022,civilians,3,N/A\n'
    const header = text.split('\n')[0]?.split(',') ?? []
    const mapping = proposeMapping(header)
    const notes: MappingNotes = { decimalCounts: 0 }
    const result = loadCsv(text, { readerFor: (h) => readerFromMapping(mapping, h, notes) })
    expect(result.rowIssues.map((i) => [i.line, i.column])).toEqual([[2, 'target_group']])
    const records = result.store?.records() ?? []
    expect(records.map((r) => [r.target_group, r.killed_min, r.injured_min])).toEqual([
      ['police', null, 1],
      ['civilians', 3, null],
    ])
    expect(records[0]?.extra.killed).toBe('nan')
    expect(notes.missingValues).toEqual({ NA: 1, NULL: 2, '.': 2, nan: 2, 'N/A': 2 })
    expect(mappingWarnings(notes).join(' ')).toContain(
      'read as no value (not a label, not 0) 9 times',
    )
  })
})

// The file's own columns after a mapping are its fields exactly as written, whatever the mapping
// read from them: Papa's reading of the same text is the reference. Values with spaces around
// them, quotes, missing-value tokens and empty fields, in columns that ours are read from (and
// kept from ours at the end) and in columns only kept. Papa's fields are as written; the import
// takes off the apostrophe our exports put before a formula-like value.
describe('the file’s own columns after a mapping, against Papa', () => {
  const value = fc.oneof(
    fc.constantFrom('', 'NA', ' Kabul ', 'Kabul', 'Nangarhar', '"quoted"', 'a, b', ' ', '-99'),
    fc.string({ maxLength: 6 }).filter((s) => !/[\r\n]/.test(s)),
  )
  const quote = (field: string) => `"${field.replaceAll('"', '""')}"`
  it('keeps every field as written', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            city: value,
            provstate: value,
            country: value,
            summary: value,
            target: fc.constantFrom('Police', ' Police', 'Private Citizens & Property'),
            nkill: fc.constantFrom('', '3', 'NA', '2.0'),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        (rows) => {
          const header =
            'eventid,iyear,imonth,iday,country_txt,provstate,city,targtype1_txt,nkill,summary'
          const lines = rows.map((r, i) =>
            [
              `2015010${(i % 9) + 1}0001`,
              '2015',
              '1',
              String((i % 9) + 1),
              quote(r.country),
              quote(r.provstate),
              quote(r.city),
              quote(r.target),
              r.nkill,
              quote(r.summary),
            ].join(','),
          )
          const text = [header, ...lines].join('\n') + '\n'
          const mapping = { ...proposeMapping(header.split(',')), missing: ['NA', '-99'] }
          const result = loadCsv(new TextEncoder().encode(text), {
            readerFor: (h) => readerFromMapping(mapping, h),
          })
          const store = result.store!
          const parsed = parseCsvText(text, { knownNames: KNOWN_COLUMN_NAMES })
          // A row the checks refuse is in the report, not the store; the others keep their fields.
          const records = store.records()
          const byLine = new Map(records.map((record, row) => [store.columns.line[row]!, record]))
          const names = header.split(',')
          let compared = 0
          parsed.rows.forEach((fields, i) => {
            const record = byLine.get(parsed.lines[i]!)
            if (!record) return
            compared++
            // A formula-like value's escape (`'=`, `'@`) is taken off, as everywhere in the import.
            names.forEach((name, column) =>
              expect(record.extra[name]).toBe(unescapeFormula(fields[column]!)),
            )
          })
          expect(compared).toBe(store.length)
          expect(store.length + result.rowIssues.length).toBeGreaterThan(0)
        },
      ),
    )
  })
})

// A column the names took for provinces that holds world regions (a GTD extract's `Region`) is
// not proposed as admin1; real provinces, and a few region-like names among them, are.
describe('withoutWorldRegions', () => {
  const proposalFor = (header: string[]) => proposeMapping(header)
  it.each<[string, string[], boolean]>([
    [
      'GTD world regions',
      ['Central America & Caribbean', 'North America', 'Sub-Saharan Africa', ''],
      false,
    ],
    ['ACLED regions', ['Western Africa', 'Middle East', 'Caucasus and Central Asia'], false],
    ['provinces', ['Kabul', 'Kunduz', 'Nangarhar'], true],
    ['provinces and one region-like name', ['Kabul', 'Kunduz', 'Nangarhar', 'Europe'], true],
    ['no values', ['', ''], true],
  ])('%s: admin1 kept %s', (_, values, kept) => {
    const mapping = proposalFor(['Country', 'Region', 'City', 'Killed'])
    expect(mapping.sources.admin1).toEqual({ kind: 'column', name: 'Region' })
    const result = withoutWorldRegions(mapping, { Region: values })
    expect(result.sources.admin1 !== undefined).toBe(kept)
    // The rest of the proposal is untouched.
    expect(result.sources.location).toEqual(mapping.sources.location)
  })
})

// GTD's date is made of three fields; the import keeps each distinct made date by the fields'
// digits ('7' and '07' apart) once read. Whatever the fields hold, a row gets the date the
// mapping's own reading gives (readGtdDate, then the ISO check), or is refused when that fails.
describe('dates made of year, month and day fields', () => {
  const digits = (min: number, max: number) =>
    fc.oneof(
      { arbitrary: fc.constantFrom('', '0', '00', ' 7', '-9', 'NA', '12345', '201'), weight: 1 },
      {
        arbitrary: fc
          .integer({ min, max })
          .chain((n) => fc.constantFrom(String(n), String(n).padStart(2, '0'))),
        weight: 6,
      },
    )
  it('match the reading of the fields, row by row', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(digits(2010, 2012), digits(0, 13), digits(0, 32)), {
          minLength: 1,
          maxLength: 40,
        }),
        (dates) => {
          // Every column of ours has a source, so rows take the import's fast path.
          const header =
            'eventid,iyear,imonth,iday,country_txt,provstate,city,attacktype1_txt,' +
            'targtype1_txt,gname,nkill,nwound,summary,scite1'
          const lines = dates.map(
            ([y, m, d], i) => `${i + 1},${y},${m},${d},Iraq,Ninawa,Mosul,Bombing,Police,IS,1,2,s,c`,
          )
          const text = [header, ...lines].join('\n') + '\n'
          const mapping = { ...proposeMapping(header.split(',')), missing: ['NA', '-9'] }
          const result = loadCsv(text, { readerFor: (h) => readerFromMapping(mapping, h) })
          const store = result.store!
          const stored = new Map(store.records().map((record) => [record.incident_id, record.date]))
          dates.forEach(([y, m, d], i) => {
            const missing = (v: string) => (['NA', '-9'].includes(v.trim()) ? '' : v)
            const iso = readGtdDate(missing(y), missing(m), missing(d))
            expect(stored.get(String(i + 1))).toBe(parseIsoDate(iso).ok ? iso : undefined)
          })
        },
      ),
    )
  })
})
