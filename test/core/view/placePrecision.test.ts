import { describe, expect, it } from 'vitest'
import {
  findCoordinateColumns,
  isDrawn,
  parseDecimalBytes,
  pointLevel,
  rowPoints,
  POINT_LEVELS,
  type PointLevel,
  type PrecisionScheme,
} from '../../../src/core/view/placePrecision'
import { storeFromRecords } from '../../../src/core/store/builder'
import { record } from '../../helpers/record'

describe('pointLevel: the precision rule', () => {
  it.each<[PrecisionScheme | null, string, PointLevel, boolean]>([
    // UCDP GED where_prec
    ['where_prec', '1', 'exact', true],
    ['where_prec', '1.0', 'exact', true],
    ['where_prec', '2', 'near', false],
    ['where_prec', '3', 'district', false],
    ['where_prec', '4', 'province', false],
    ['where_prec', '5', 'country', false],
    ['where_prec', '6', 'country', false],
    ['where_prec', '7', 'country', false],
    ['where_prec', '', 'unknown', false],
    ['where_prec', '9', 'unknown', false],
    // ACLED geo_precision
    ['geo_precision', '1', 'exact', true],
    ['geo_precision', '2', 'district', false],
    ['geo_precision', '3', 'province', false],
    // GTD specificity
    ['specificity', '1', 'exact', true],
    ['specificity', '2', 'district', false],
    ['specificity', '3', 'district', false],
    ['specificity', '4', 'province', false],
    ['specificity', '5', 'country', false],
    // Coordinates without a precision code are not drawn.
    [null, '1', 'unknown', false],
  ])('%s %j → %s (drawn: %s)', (scheme, code, level, drawn) => {
    expect(pointLevel(scheme, code)).toBe(level)
    expect(isDrawn(pointLevel(scheme, code))).toBe(drawn)
  })
})

describe('findCoordinateColumns', () => {
  it.each([
    [
      ['latitude', 'longitude', 'where_prec'],
      { latitude: 0, longitude: 1, precision: 2, scheme: 'where_prec' },
    ],
    [
      ['x', 'Latitude', 'LONGITUDE', 'geo_precision'],
      { latitude: 1, longitude: 2, precision: 3, scheme: 'geo_precision' },
    ],
    [
      ['specificity', 'latitude', 'longitude'],
      { latitude: 1, longitude: 2, precision: 0, scheme: 'specificity' },
    ],
    [['lat', 'lng'], { latitude: 0, longitude: 1, precision: null, scheme: null }],
    [['latitude'], null],
    [[], null],
  ])('%j', (names, expected) => {
    expect(findCoordinateColumns(names)).toEqual(expected)
  })
})

describe('parseDecimalBytes', () => {
  const bytes = (text: string) => new TextEncoder().encode(text)
  it.each([
    ['36.728611', 36.728611],
    ['-12.5', -12.5],
    ['+3', 3],
    [' 68 ', 68],
    ['0', 0],
    ['', Number.NaN],
    ['-', Number.NaN],
    ['1.2.3', Number.NaN],
    ['12a', Number.NaN],
    ['1,5', Number.NaN],
  ])('%j → %s', (text, value) => {
    const data = bytes(text)
    expect(parseDecimalBytes(data, 0, data.length)).toBe(value)
  })
})

describe('rowPoints', () => {
  const row = (latitude: string, longitude: string, where_prec: string) =>
    record({ extra: { latitude, longitude, where_prec } })
  it('reads each row’s coordinates and level, and leaves rows without valid ones at 0', () => {
    const store = storeFromRecords([
      row('36.7286', '68.8681', '1'),
      row('34.29', '70.62', '4'),
      row('', '', '1'),
      row('95', '10', '1'),
      row('33.5', '68.4', ''),
    ])
    const points = rowPoints(store)!
    const levels = [...points.level].map((level) => (level === 0 ? null : POINT_LEVELS[level - 1]))
    expect(levels).toEqual(['exact', 'province', null, null, 'unknown'])
    expect(points.latitude[0]).toBeCloseTo(36.7286)
    expect(points.longitude[1]).toBeCloseTo(70.62)
  })

  it('is null for a store without coordinate columns', () => {
    expect(rowPoints(storeFromRecords([record({})]))).toBeNull()
  })
})
