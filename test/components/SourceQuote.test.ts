import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import SourceQuote from '../../src/components/SourceQuote.vue'

describe('SourceQuote', () => {
  it('highlights the figure’s words and names the source', () => {
    const wrapper = mount(SourceQuote, {
      props: {
        quote: 'killing over 50 worshippers and injuring scores',
        phrases: ['over 50 worshippers', 'scores'],
        source: 'src-000',
      },
    })
    expect(wrapper.findAll('mark').map((mark) => mark.text())).toEqual([
      'over 50 worshippers',
      'scores',
    ])
    expect(wrapper.get('blockquote').text()).toBe('killing over 50 worshippers and injuring scores')
    expect(wrapper.get('figcaption').text()).toBe('Source: src-000')
  })

  it('shows markup in a quote as text, never as HTML', () => {
    const wrapper = mount(SourceQuote, {
      props: {
        quote: '<img src=x onerror=alert(1)> 13 killed',
        phrases: ['13 killed'],
        source: '',
      },
    })
    expect(wrapper.find('img').exists()).toBe(false)
    expect(wrapper.get('blockquote').text()).toContain('<img src=x onerror=alert(1)>')
    expect(wrapper.get('mark').text()).toBe('13 killed')
  })

  it('says when a row has no quote', () => {
    const wrapper = mount(SourceQuote, { props: { quote: '', phrases: [], source: 'src-1' } })
    expect(wrapper.find('blockquote').exists()).toBe(false)
    expect(wrapper.text()).toContain('No source quote')
  })
})
