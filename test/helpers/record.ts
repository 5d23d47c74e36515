import { emptyRecord, type CasualtyRecord } from '../../src/core/schema'

/** A valid record for tests: incident X, August 2021, civilians, no figures; `overrides` on top. */
export const record = (overrides: Partial<CasualtyRecord>): CasualtyRecord => ({
  ...emptyRecord(),
  incident_id: 'X',
  date: '2021-08',
  target_group: 'civilians',
  ...overrides,
})
