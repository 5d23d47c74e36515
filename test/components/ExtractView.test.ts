import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import ExtractView from '../../src/components/ExtractView.vue'
import { segmentText } from '../../src/composables/useExtract'
import { resetDatasetForTests, useDataset } from '../../src/composables/useDataset'

const REPORT =
  'In October 2021, IS-KP carried out a bombing at a Shia mosque in Kunduz, killing over 50 worshippers and injuring scores. ' +
  'IS-KP has killed hundreds of people since 2021. <img src=x onerror=alert(1)>'

const mounted: { unmount(): void }[] = []
function mountView() {
  const wrapper = mount(ExtractView, { attachTo: document.body })
  mounted.push(wrapper)
  return wrapper
}

/** Mounts the view and asks for the rows of `report`. */
async function proposeFrom(report: string) {
  const wrapper = mountView()
  await wrapper.get('textarea#extract-text').setValue(report)
  await wrapper.get('button.primary').trigger('click')
  return wrapper
}

beforeEach(() => {
  resetDatasetForTests()
  useDataset().loadShipped()
})
afterEach(() => {
  while (mounted.length) mounted.pop()?.unmount()
})

describe('From text view', () => {
  it('proposes rows beside the text, with the figure words marked, and adds nothing yet', async () => {
    const wrapper = await proposeFrom(REPORT)
    const proposals = wrapper.findAll('[data-testid="extract-proposal"]')
    expect(proposals).toHaveLength(1)
    const marks = wrapper.findAll('.report-text mark')
    expect(marks.map((m) => m.classes()[0])).toEqual(['killed', 'injured', 'mention'])
    expect(marks[0]?.text()).toContain('over 50 worshippers')
    // The text is text: markup in the report is shown, never run.
    expect(wrapper.get('.report-text').text()).toContain('<img src=x onerror=alert(1)>')
    expect(wrapper.find('.report-text img').exists()).toBe(false)
    expect(useDataset().store.value?.length).toBe(7)
  })

  it('proposes a later toll of an incident already in the data as a report of it', async () => {
    const wrapper = await proposeFrom(REPORT)
    // The shipped data holds the Kunduz mosque bombing of October 2021 (shia worshippers).
    const note = wrapper.get('[data-testid="proposal-report-of-0"]')
    expect(note.text()).toContain('AFG-2021-10-KDZ-SHIA-MOSQUE')
    expect(wrapper.get<HTMLInputElement>('#p0-incident_id').element.value).toBe(
      'AFG-2021-10-KDZ-SHIA-MOSQUE',
    )
  })

  it('proposes a new incident when the data holds none it could report on', async () => {
    resetDatasetForTests()
    const wrapper = await proposeFrom(REPORT)
    expect(wrapper.find('[data-testid="proposal-report-of-0"]').exists()).toBe(false)
  })

  it('adds an accepted row, as edited, to the data, and only that row', async () => {
    const wrapper = await proposeFrom(REPORT)
    await wrapper.get('#p0-location').setValue('Sayed Abad mosque, Kunduz')
    await wrapper.get('button[aria-label="Accept proposal 1"]').trigger('click')
    await flushPromises()
    const store = useDataset().store.value
    expect(store?.length).toBe(8)
    const added = store?.record(7)
    expect(added).toMatchObject({
      date: '2021-10',
      admin1: 'Kunduz',
      location: 'Sayed Abad mosque, Kunduz',
      target_group: 'shia worshippers',
      killed_min: 51,
      killed_max: null,
      injured_text: 'scores',
    })
    expect(useDataset().sourceName.value).toContain('From text')
    expect(wrapper.get('[data-testid="proposal-status-0"]').text()).toBe('accepted')
  })

  it('refuses a row whose edited fields are invalid, and says why', async () => {
    const wrapper = await proposeFrom(REPORT)
    await wrapper.get('#p0-killed_max').setValue('12')
    await wrapper.get('button[aria-label="Accept proposal 1"]').trigger('click')
    expect(wrapper.get('[role="alert"]').text()).toMatch(/killed/)
    expect(useDataset().store.value?.length).toBe(7)
  })

  it('rejects a proposal without touching the data', async () => {
    const wrapper = await proposeFrom(REPORT)
    await wrapper.get('button[aria-label="Reject proposal 1"]').trigger('click')
    expect(wrapper.get('[data-testid="proposal-status-0"]').text()).toBe('rejected')
    expect(useDataset().store.value?.length).toBe(7)
  })

  it('labels every field of a proposal', async () => {
    const wrapper = await proposeFrom(REPORT)
    for (const input of wrapper.findAll('.proposal input, .proposal select')) {
      expect(wrapper.find(`label[for="${input.attributes('id')}"]`).exists()).toBe(true)
    }
  })
})

describe('segmentText', () => {
  it.each([
    [[], ['abcdef']],
    [[[1, 3]], ['a', 'bc', 'def']],
    [[[0, 6]], ['abcdef']],
    [
      [
        [2, 4],
        [3, 5],
      ],
      ['ab', 'cd', 'ef'],
    ],
    [
      [
        [4, 5],
        [0, 1],
      ],
      ['a', 'bcd', 'e', 'f'],
    ],
  ])('%j', (spans, expected) => {
    const marks = (spans as [number, number][]).map(([start, end]) => ({
      start,
      end,
      mark: { kind: 'killed' as const, proposal: 0, label: '' },
    }))
    const segments = segmentText('abcdef', marks)
    expect(segments.map((s) => s.text)).toEqual(expected)
    expect(segments.map((s) => s.text).join('')).toBe('abcdef')
  })

  it('lists a figure found but not proposed with its reason, and makes it a row in one click', async () => {
    const wrapper = await proposeFrom(REPORT)
    const aside = wrapper.get('[data-testid="aside-mention-0"]')
    expect(aside.text()).toContain('hundreds of people')
    expect(aside.text()).toContain('found, not proposed: a total over time or over several attacks')
    await wrapper.get('[data-testid="make-row-0"]').trigger('click')
    const proposals = wrapper.findAll('[data-testid="extract-proposal"]')
    expect(proposals).toHaveLength(2)
    // The figure keeps its words and, being vague, no bounds; its date waits for the user.
    expect((wrapper.get('#p1-killed_text').element as HTMLInputElement).value).toBe(
      'hundreds of people',
    )
    expect((wrapper.get('#p1-killed_min').element as HTMLInputElement).value).toBe('')
    expect((wrapper.get('#p1-date').element as HTMLInputElement).value).toBe('')
    expect(wrapper.find('[data-testid="aside-mention-0"]').exists()).toBe(false)
    expect(useDataset().store.value?.length).toBe(7)
  })
})
