import { describe, expect, it } from 'vitest'
import { loadCsv } from '../../../src/core/load/loader'
import { KNOWN_COLUMN_NAMES } from '../../../src/core/load/formats'
import {
  proposeMapping,
  readGtdDate,
  readLooseDate,
  readerFromMapping,
  type MappingNotes,
} from '../../../src/core/load/mapping'
import { parseCsvText } from '../../../src/core/csv/papaParse'
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
