import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import TabBar from '../../src/components/TabBar.vue'

describe('TabBar', () => {
  it('marks the active tab and emits a click on the other', async () => {
    const wrapper = mount(TabBar, { props: { modelValue: 'dashboard' } })
    const tabs = wrapper.findAll('[role="tab"]')
    expect(tabs.map((tab) => tab.text())).toEqual(['Dashboard', 'From text'])
    expect(tabs.map((tab) => tab.attributes('aria-selected'))).toEqual(['true', 'false'])
    expect(tabs.map((tab) => tab.attributes('tabindex'))).toEqual(['0', '-1'])
    await tabs[1]?.trigger('click')
    expect(wrapper.emitted('update:modelValue')).toEqual([['text']])
  })

  it.each([
    ['ArrowRight', 'dashboard', 'text'],
    ['ArrowLeft', 'dashboard', 'text'],
    ['Home', 'text', 'dashboard'],
    ['End', 'dashboard', 'text'],
  ] as const)('%s from %s selects %s', async (key, from, to) => {
    const wrapper = mount(TabBar, { props: { modelValue: from } })
    await wrapper.get('[aria-selected="true"]').trigger('keydown', { key })
    expect(wrapper.emitted('update:modelValue')).toEqual([[to]])
  })
})
