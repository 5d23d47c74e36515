import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import ShareLink from '../../src/components/ShareLink.vue'

afterEach(() => vi.restoreAllMocks())

describe('ShareLink', () => {
  it('copies the address of the view and says so', async () => {
    window.history.replaceState(null, '', '/?place=Kabul&from=2021')
    const writeText = vi.fn(() => Promise.resolve())
    Object.defineProperty(window.navigator, 'clipboard', {
      value: { writeText },
      configurable: true,
    })
    const wrapper = mount(ShareLink)
    await wrapper.get('button').trigger('click')
    await flushPromises()
    expect(wrapper.get('button').text()).toBe('Copy link')
    expect(writeText).toHaveBeenCalledWith(window.location.href)
    expect(window.location.href).toContain('place=Kabul')
    expect(wrapper.get('[role="status"]').text()).toBe('Link copied: it opens this view.')
  })

  it('shows the link to copy by hand when the page may not copy', async () => {
    const writeText = vi.fn(() => Promise.reject(new Error('denied')))
    Object.defineProperty(window.navigator, 'clipboard', {
      value: { writeText },
      configurable: true,
    })
    document.execCommand = vi.fn(() => false)
    const wrapper = mount(ShareLink)
    await wrapper.get('button').trigger('click')
    await flushPromises()
    expect(wrapper.get('[role="status"]').text()).toContain(
      `Copy this link by hand: ${window.location.href}`,
    )
  })
})
