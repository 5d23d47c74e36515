import { describe, expect, it } from 'vitest'
import { sourcesFromImport } from '../../../src/core/load/sourceFields'
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

  it('GTD: each citation an entry of its event, related events apart', () => {
    const store = storeFromRecords([
      withExtras(
        { incident_id: '202110080001' },
        {
          scite1: '"Suicide bomber kills dozens at Kunduz mosque," Reuters, October 8, 2021.',
          scite2: '"Kunduz mosque attack," BBC News, October 9, 2021.',
          scite3: '',
          related: '202110080001, 202110080002',
        },
      ),
    ])
    const got = sourcesFromImport(store)
    expect(got.sources.map((s) => [s.id, s.title])).toEqual([
      [
        'gtd-202110080001-1',
        '"Suicide bomber kills dozens at Kunduz mosque," Reuters, October 8, 2021.',
      ],
      ['gtd-202110080001-2', '"Kunduz mosque attack," BBC News, October 9, 2021.'],
    ])
    expect(got.sourcesOfRow).toEqual([['gtd-202110080001-1', 'gtd-202110080001-2']])
    expect(got.related).toEqual([['202110080002']])
  })

  it('a file of ours: nothing', () => {
    expect(sourcesFromImport(storeFromRecords([record({ source: 'src-000' })]))).toEqual({
      sources: [],
    })
  })
})
