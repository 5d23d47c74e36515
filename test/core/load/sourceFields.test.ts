import { describe, expect, it } from 'vitest'
import { gtdCitation, sourcesFromImport } from '../../../src/core/load/sourceFields'
import { checkReports } from '../../../src/core/load/sources'
import { emptySource } from '../../../src/core/reports'
import { labelAt } from '../../../src/core/store/packedStrings'
import { loadMapped } from '../../../src/cli/mappedFile'
import { fixtureBytes } from '../../helpers/fixtures'
import { storeFromRecords } from '../../../src/core/store/builder'
import { record } from '../../helpers/record'
import { setExtras } from '../../helpers/arbitraries'

// Rows as the column mapping leaves them: our columns, and the file's others as extras. Values cut
// from the fixtures' layouts (test/fixtures/ucdp-ged.csv, acled-export.csv, gtd-export.csv) with
// the source columns those layouts have in the full files.
const withExtras = (fields: Parameters<typeof record>[0], extras: Record<string, string>) =>
  setExtras(record(fields), Object.keys(extras), Object.values(extras))

describe('sourcesFromImport', () => {
  it('UCDP GED: source_article with its office, date and headline; number_of_sources kept', () => {
    const store = storeFromRecords([
      withExtras(
        { incident_id: '410001', source: '"Mosque blast kills dozens", Reuters, 2021-10-08' },
        {
          source_office: 'Reuters',
          source_date: '2021-10-08 00:00:00.000',
          source_headline: 'Mosque blast kills dozens',
          number_of_sources: '3',
        },
      ),
      withExtras(
        { incident_id: '410002', source: 'AFP 2021-06-02' },
        { source_office: 'AFP', source_date: 'n/a', source_headline: '', number_of_sources: '' },
      ),
    ])
    const got = sourcesFromImport(store)
    expect(got.sources).toMatchObject([
      {
        id: '"Mosque blast kills dozens", Reuters, 2021-10-08',
        outlet: 'Reuters',
        published: '2021-10-08',
        title: 'Mosque blast kills dozens',
      },
      { id: 'AFP 2021-06-02', outlet: 'AFP', published: '', title: '' },
    ])
    expect(got.reportCounts).toEqual([3, null])
  })

  it('ACLED: each source with the kind its source_scale names', () => {
    const store = storeFromRecords([
      withExtras(
        { incident_id: 'AFG52001', source: 'Pajhwok Afghan News' },
        { source_scale: 'National' },
      ),
      withExtras({ incident_id: 'AFG52002', source: 'Reuters' }, { source_scale: 'International' }),
      withExtras(
        { incident_id: 'AFG52003', source: 'Local partner' },
        { source_scale: 'Local partner-Other' },
      ),
      withExtras({ incident_id: 'AFG52004', source: 'Reuters' }, { source_scale: 'International' }),
    ])
    expect(sourcesFromImport(store).sources).toMatchObject([
      { id: 'Pajhwok Afghan News', outlet: 'Pajhwok Afghan News', kind: '' },
      { id: 'Reuters', kind: 'news agency' },
      { id: 'Local partner', kind: 'local outlet' },
    ])
  })

  it('GTD: each citation an entry of its own, related events apart', () => {
    const store = storeFromRecords([
      withExtras(
        { incident_id: '202110080001' },
        {
          scite1: '"Suicide bomber kills dozens at Kunduz mosque," Reuters, October 8, 2021.',
          scite2: 'Kunduz mosque attack, BBC News',
          scite3: '',
          related: '202110080001, 202110080002',
        },
      ),
    ])
    const got = sourcesFromImport(store)
    expect(got.sources).toEqual([
      {
        ...emptySource('"Suicide bomber kills dozens at Kunduz mosque," Reuters, October 8, 2021.'),
        title: 'Suicide bomber kills dozens at Kunduz mosque',
        outlet: 'Reuters',
        published: '2021-10-08',
      },
      { ...emptySource('Kunduz mosque attack, BBC News'), title: 'Kunduz mosque attack, BBC News' },
    ])
    expect(got.sourcesOfRow).toEqual([
      [
        '"Suicide bomber kills dozens at Kunduz mosque," Reuters, October 8, 2021.',
        'Kunduz mosque attack, BBC News',
      ],
    ])
    expect(got.related).toEqual([['202110080002']])
  })

  it.each([
    [
      '"Police Chief Quits," Washington Post, January 2, 1970.',
      { title: 'Police Chief Quits', outlet: 'Washington Post', published: '1970-01-02' },
    ],
    [
      '"Cairo Police Chief Quits; Decries Local \'Militants\'," Afro-American, January 10, 1970.',
      {
        title: "Cairo Police Chief Quits; Decries Local 'Militants'",
        outlet: 'Afro-American',
        published: '1970-01-10',
      },
    ],
    // Not the GTD's citation style, or not a day of the calendar: the title alone.
    ['Christopher Hewitt, Praeger, 2005.', { outlet: '', published: '' }],
    ['"A," Times, February 30, 1970.', { outlet: '', published: '' }],
  ])('GTD citation %s', (citation, fields) => {
    expect(gtdCitation(citation)).toMatchObject({ id: citation, ...fields })
  })

  it('a real GTD export: each row report is linked to its citations, none unknown', async () => {
    // test/fixtures/real/gtd-citations.csv: five rows of the GTD's own export (see its README).
    const load = await loadMapped(fixtureBytes('real/gtd-citations.csv'))
    if (!load.ok) throw new Error(load.message)
    expect(load.mapping?.format).toBe('gtd')
    const store = load.result.store!
    const got = sourcesFromImport(store)
    const sources = store.columns.categories.source
    const sourceOf = (row: number) => labelAt(sources, sources.codes[row]!)
    const cairo = '"Police Chief Quits," Washington Post, January 2, 1970.'
    expect(store.category('incident_id', 0)).toBe('197001010002')
    expect(sourceOf(0)).toBe(cairo)
    expect(got.sourcesOfRow?.[0]).toEqual([
      cairo,
      '"Cairo Police Chief Quits; Decries Local \'Militants\'," Afro-American, January 10, 1970.',
      'Christopher Hewitt, "Political Violence and Terrorism in Modern America: A Chronology," Praeger Security International, 2005.',
    ])
    // Every row's source is the first of its citations, and an entry of the registry.
    const registry = new Map(got.sources.map((s) => [s.id, s]))
    for (let row = 0; row < store.length; row++) {
      expect(sourceOf(row)).toBe(got.sourcesOfRow?.[row]?.[0] ?? '')
    }
    expect(registry.get(cairo)).toMatchObject({
      outlet: 'Washington Post',
      published: '1970-01-02',
    })
    // A row without a citation (the PGIS rows) names no source.
    expect(store.category('incident_id', 2)).toBe('197001050001')
    expect(sourceOf(2)).toBe('')
    expect(checkReports(store, registry)).toEqual([])
    // One document cited by several events is one source.
    const hewitt = got.sources.filter((s) => s.id.startsWith('Christopher Hewitt'))
    expect(hewitt).toHaveLength(1)
    expect(got.related?.[3]).toEqual(['197001300002'])
  })

  it('a file of ours: nothing', () => {
    expect(sourcesFromImport(storeFromRecords([record({ source: 'src-000' })]))).toEqual({
      sources: [],
    })
  })
})
