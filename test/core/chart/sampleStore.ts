// Six rows that cover what the chart builders tell apart: an exact figure, a range, an open upper
// bound, words without a number ("scores", "multiple"), one incident hitting two groups, and a row
// dated only to a year.

import { allRows } from '../../../src/core/view/filter'
import { record } from '../../helpers/record'
import { storeFromRecords } from '../../../src/core/store/builder'

export const store = storeFromRecords([
  record({
    incident_id: 'A',
    target_group: 'civilians',
    target_type: 'Private',
    killed_min: 170,
    killed_max: 170,
  }),
  record({
    incident_id: 'A',
    target_group: 'soldiers',
    target_type: 'Military',
    killed_min: 13,
    killed_max: 13,
  }),
  record({
    incident_id: 'B',
    date: '2021-10',
    target_group: 'worshippers',
    target_type: 'Religious',
    killed_min: 51,
    injured_text: 'scores',
  }),
  record({
    incident_id: 'C',
    date: '2021-11',
    target_group: 'police',
    target_type: 'Military',
    killed_text: 'multiple',
    injured_text: 'multiple',
  }),
  record({
    incident_id: 'D',
    date: '2021-11',
    target_group: 'soldiers',
    target_type: 'Military',
    killed_min: 10,
    killed_max: 20,
    injured_min: 3,
    injured_max: 3,
  }),
  record({
    incident_id: 'E',
    date: '2024',
    target_group: 'civilians',
    target_type: 'Private',
    killed_min: 1,
  }),
])
export const rows = allRows(store)
