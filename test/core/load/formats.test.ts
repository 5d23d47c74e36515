import { describe, expect, it } from 'vitest'
import { parseCsvText } from '../../../src/core/csv/papaParse'
import {
  FORMAT_SIGNATURES,
  KNOWN_COLUMN_NAMES,
  KNOWN_FORMAT_COLUMNS,
  detectFormat,
} from '../../../src/core/load/formats'
import { SCHEMA_COLUMNS } from '../../../src/core/schema'
import { fixtureBytes } from '../../helpers/fixtures'

describe('detectFormat', () => {
  it.each([
    ['gtd-export.csv', 'gtd'],
    ['acled-export.csv', 'acled'],
    ['ucdp-ged.csv', 'ucdp'],
    ['valid-minimal.csv', 'schema'],
  ])('recognises %s as %s', (name, format) => {
    const header = parseCsvText(new TextDecoder().decode(fixtureBytes(name)), {
      knownNames: KNOWN_COLUMN_NAMES,
    }).header
    expect(detectFormat(header)).toBe(format)
  })

  it('calls a header of unknown names custom', () => {
    expect(detectFormat(['foo', 'bar', 'baz'])).toBe('custom')
  })
})

describe('detectFormat on headers', () => {
  it.each([
    // More than half of a format's signature columns decide, in any case and with spaces around.
    [[...FORMAT_SIGNATURES.gtd.slice(0, 7)], 'gtd'],
    // Three of a format's own names tell an extract of a few of its columns (an R subset of GTD).
    [['', 'eventid', 'country_txt', 'region_txt', 'nkill', 'nwound', 'gdp'], 'gtd'],
    [['eventid', 'killed', 'place'], 'custom'],
    [['id', 'date_start', 'date_end', 'side_a', 'best'], 'ucdp'],
    [['EVENT_DATE', 'TIME_PRECISION', 'ACTOR1', 'FATALITIES'], 'acled'],
    // Our columns first, then an ACLED file's own (an export of a mapped file): ours.
    [[...SCHEMA_COLUMNS, ...FORMAT_SIGNATURES.acled], 'schema'],
    [FORMAT_SIGNATURES.acled.map((name) => ` ${name.toUpperCase()} `), 'acled'],
    // ACLED shares six names with our schema: our own file is still ours.
    [[...SCHEMA_COLUMNS], 'schema'],
    [['incident_id', 'country', 'admin1', 'admin2', 'location', 'notes', 'source'], 'schema'],
    // Names everyone uses do not make a file ours: a renamed GTD extract is a file to map.
    [['Year', 'Month', 'Day', 'Country', 'State', 'City', 'Target', 'Killed'], 'custom'],
    [[], 'custom'],
  ])('%j is %s', (header, format) => {
    expect(detectFormat(header)).toBe(format)
  })
})

describe('KNOWN_COLUMN_NAMES', () => {
  it('holds our columns and every format’s, each once', () => {
    for (const name of [...SCHEMA_COLUMNS, ...KNOWN_FORMAT_COLUMNS]) {
      expect(KNOWN_COLUMN_NAMES.has(name)).toBe(true)
    }
    expect(new Set(KNOWN_FORMAT_COLUMNS).size).toBe(KNOWN_FORMAT_COLUMNS.length)
  })
})
