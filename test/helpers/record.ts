import { emptyRecord, type CasualtyRecord } from '../../src/core/schema'

/** A builder of test records: emptyRecord(), then `defaults`, then each call's `overrides`. */
export const recordWith =
  (defaults: Partial<CasualtyRecord>) =>
  (overrides: Partial<CasualtyRecord>): CasualtyRecord => ({
    ...emptyRecord(),
    ...defaults,
    ...overrides,
  })

/** A valid record for tests: incident X, August 2021, civilians, no figures; `overrides` on top. */
export const record = recordWith({ incident_id: 'X', date: '2021-08', target_group: 'civilians' })

/** The shipped dataset's first row in short: Kabul airport, August 2021, 170 civilians killed. */
export const AIRPORT_CIVILIANS: Partial<CasualtyRecord> = {
  incident_id: 'A',
  date: '2021-08',
  target_group: 'civilians',
  killed_min: 170,
  killed_max: 170,
}
