// Shared set-up for the dashboard component tests: the shipped dataset, fresh composables and a
// URL at `query`.
import { resetDashboardForTests } from '../../src/composables/useDashboard'
import { resetDatasetForTests, useDataset } from '../../src/composables/useDataset'
import { resetFiltersForTests } from '../../src/composables/useFilters'
import { resetViewStateForTests, useViewState } from '../../src/composables/useViewState'
import { resetSourcesForTests } from '../../src/composables/useSources'

export function startDashboard(query = ''): ReturnType<typeof useViewState> {
  resetViewStateForTests()
  resetDashboardForTests()
  resetFiltersForTests()
  resetSourcesForTests()
  resetDatasetForTests()
  window.history.replaceState(null, '', `/${query}`)
  useDataset().loadShipped()
  return useViewState()
}
