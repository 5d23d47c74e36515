import { describe, expect, it } from 'vitest'
import {
  embedAddress,
  embedSnippet,
  fullViewAddress,
  heightMessage,
  readEmbed,
} from '../../../src/core/view/embed'

describe('embed addresses', () => {
  it.each([
    ['https://d.org/?group=civilians', 'by-group', 'https://d.org/?embed=by-group&group=civilians'],
    ['https://d.org/app/', 'over-time', 'https://d.org/app/?embed=over-time'],
    [
      'https://d.org/?embed=over-time&data=https%3A%2F%2Fx.org%2Fa.csv#top',
      'by-group',
      'https://d.org/?embed=by-group&data=https%3A%2F%2Fx.org%2Fa.csv',
    ],
  ] as const)('%s as %s', (href, chart, expected) => {
    expect(embedAddress(href, chart)).toBe(expected)
    expect(readEmbed(new URL(expected).search)).toBe(chart)
    expect(new URL(fullViewAddress(expected)).searchParams.has('embed')).toBe(false)
  })

  it('knows only its charts', () => {
    expect(readEmbed('?embed=map')).toBeNull()
    expect(readEmbed('')).toBeNull()
  })

  it('posts the height as publishing tools’ embeds do', () => {
    expect(heightMessage('by-group', 612.2)).toEqual({ 'datawrapper-height': { 'by-group': 613 } })
  })
})

describe('embedSnippet', () => {
  it('escapes the address and the title, and brings its resizer', () => {
    const snippet = embedSnippet(
      'https://d.org/?embed=by-group&q="x"',
      'Killed <b>"here"</b> & there',
    )
    expect(snippet).toContain('src="https://d.org/?embed=by-group&amp;q=&quot;x&quot;"')
    expect(snippet).toContain('title="Killed &lt;b&gt;&quot;here&quot;&lt;/b&gt; &amp; there"')
    expect(snippet).toMatch(/^<iframe [^>]*min-width:320px[^>]*><\/iframe>\n<script>/)
    expect(snippet).toContain('datawrapper-height')
  })
})
