import { describe, expect, it } from 'vitest'
import { colorForGroup, lighten } from '../../../src/core/chart/palette'

describe('colours', () => {
  it.each([
    [0, false, '#E69F00'],
    [8, false, '#E69F00'],
    [7, false, '#000000'],
    [7, true, '#BBBBBB'],
  ])('group %d (dark %s) is %s', (code, dark, color) =>
    expect(colorForGroup(code, dark)).toBe(color),
  )
  it('lightens to a see-through shade', () =>
    expect(lighten('#0072B2', 0.5)).toBe('rgba(0, 114, 178, 0.5)'))
})
