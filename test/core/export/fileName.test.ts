import { describe, expect, it } from 'vitest'
import { exportFileName, slugify } from '../../../src/core/export/fileName'
import { emptyFilters } from '../../../src/core/view/filter'

describe('exportFileName', () => {
  it.each([
    [{}, 'casualties-all-2024-05-01.csv'],
    [
      { targetGroups: ['shia worshippers'], dateFrom: '2021-10', dateTo: '2021-10' },
      'casualties-shia-worshippers_2021-10-2024-05-01.csv',
    ],
    [{ dateFrom: '2021', dateTo: '2022-03' }, 'casualties-2021-to-2022-03-2024-05-01.csv'],
    [{ dateFrom: '2021' }, 'casualties-2021-to-end-2024-05-01.csv'],
    [
      { perpetrators: ['IS-KP', 'Taliban'], admin1: ['Kābul'] },
      'casualties-is-kp+taliban_kabul-2024-05-01.csv',
    ],
    [{ text: 'mosque / "blast"' }, 'casualties-search-mosque-blast-2024-05-01.csv'],
    [{ targetGroups: ['../../etc/passwd'] }, 'casualties-etc-passwd-2024-05-01.csv'],
  ])('%j -> %s', (filters, name) => {
    expect(exportFileName({ ...emptyFilters(), ...filters }, '2024-05-01')).toBe(name)
  })

  it('keeps a long name short and filename-safe', () => {
    const name = exportFileName({ ...emptyFilters(), text: 'x'.repeat(300) }, '2024-05-01')
    expect(name.length).toBeLessThanOrEqual(120)
    expect(name).toMatch(/^casualties-[a-z0-9+_-]+-2024-05-01\.csv$/)
  })

  it.each([
    ['Shia Worshippers', 'shia-worshippers'],
    ['  ', ''],
    ['Ségou/Mopti', 'segou-mopti'],
  ])('slugify %j -> %j', (text, slug) => {
    expect(slugify(text)).toBe(slug)
  })
})
