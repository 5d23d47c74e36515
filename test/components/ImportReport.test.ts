import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ImportReport from '../../src/components/ImportReport.vue'
import type { ImportReport as Report } from '../../src/core/load/importJob'

function report(issueCount: number): Report {
  const rowIssues = Array.from({ length: Math.min(issueCount, 1000) }, (_, i) => ({
    line: i + 2,
    column: 'killed_min',
    message: `"<img src=x onerror=alert(${i})>" is not a count`,
    value: `<img src=x onerror=alert(${i})>`,
  }))
  return {
    summary: { rowsLoaded: 5, rowsWithIssues: issueCount, blankLines: 1, skippedLines: 1 },
    fileIssues: [{ line: 9, message: 'a quoted field is never closed' }],
    rowIssues,
    rowIssueCount: issueCount,
    warnings: [],
    encoding: 'utf-8',
    delimiter: ',',
    header: [],
    format: 'schema',
    rejectedCsv: 'x',
  }
}

describe('ImportReport', () => {
  it('says what loaded in a status region', () => {
    const wrapper = mount(ImportReport, {
      props: { report: report(0), failure: null, fileName: 'f.csv' },
    })
    expect(wrapper.get('[role="status"]').text()).toContain(
      '5 rows loaded, 0 rows with issues (1 blank line ignored)',
    )
    expect(wrapper.get('[role="status"]').text()).toContain('1 header line skipped')
  })

  it.each([
    [
      { rowsLoaded: 1, rowsWithIssues: 0, blankLines: 0, skippedLines: 0 },
      'f.csv: 1 row loaded, 0 rows with issues (0 blank lines ignored).',
    ],
    [
      { rowsLoaded: 0, rowsWithIssues: 1, blankLines: 1, skippedLines: 0 },
      'f.csv: 0 rows loaded, 1 row with issues (1 blank line ignored).',
    ],
    [
      { rowsLoaded: 2, rowsWithIssues: 3, blankLines: 2, skippedLines: 2 },
      'f.csv: 2 rows loaded, 3 rows with issues (2 blank lines ignored); 2 header lines skipped (a sep= line or an HXL hashtag row).',
    ],
  ])('counts in the singular for one: %o', (summary, text) => {
    const wrapper = mount(ImportReport, {
      props: { report: { ...report(0), summary }, failure: null, fileName: 'f.csv' },
    })
    expect(wrapper.get('[role="status"]').text().replace(/\s+/g, ' ')).toBe(text)
  })

  it('lists issues as text, capped with "and N more"', () => {
    const wrapper = mount(ImportReport, {
      props: { report: report(1234), failure: null, fileName: 'f.csv', maxListed: 100 },
    })
    const issues = wrapper.get('[data-testid="import-issues"]')
    const items = issues.findAll('.row-issues li')
    expect(items).toHaveLength(100)
    expect(items[0]?.text()).toBe(
      'line 2, column killed_min: "<img src=x onerror=alert(0)>" is not a count',
    )
    expect(issues.find('img').exists()).toBe(false)
    expect(issues.text()).toContain('and 1134 more')
    expect(issues.text()).toContain('line 9: a quoted field is never closed')
  })

  it('quotes a value the message does not name itself', () => {
    const withValue = report(1)
    withValue.rowIssues = [
      { line: 4, column: 'killed_max', message: '3 is below killed_min 5', value: '3' },
    ]
    const wrapper = mount(ImportReport, {
      props: { report: withValue, failure: null, fileName: 'f.csv' },
    })
    expect(wrapper.get('.row-issues li').text()).toBe(
      'line 4, column killed_max: 3 is below killed_min 5 (value "3")',
    )
  })

  it('offers the rejected rows for download', async () => {
    const wrapper = mount(ImportReport, {
      props: { report: report(3), failure: null, fileName: 'f.csv' },
    })
    await wrapper.get('button').trigger('click')
    expect(wrapper.emitted('downloadRejected')).toHaveLength(1)
  })

  it('can be closed', async () => {
    const wrapper = mount(ImportReport, {
      props: { report: report(0), failure: null, fileName: 'f.csv' },
    })
    await wrapper.get('button.close').trigger('click')
    expect(wrapper.emitted('close')).toHaveLength(1)
  })
})

describe('ImportReport file issues', () => {
  it('names the column of a header issue (a column named twice)', () => {
    const fileIssues = [
      { line: 1, column: 'date', message: 'the header names this column 2 times (columns 2, 8)' },
    ]
    const wrapper = mount(ImportReport, {
      props: { report: { ...report(0), fileIssues }, failure: null, fileName: 'f.csv' },
    })
    expect(wrapper.text()).toContain(
      'line 1, column date: the header names this column 2 times (columns 2, 8)',
    )
  })
})
