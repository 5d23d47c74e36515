// The colours of the charts' groups, shared with the filter panel's swatches.

/** Okabe-Ito, a palette colour-blind readers can tell apart; yellow last (weak on white). */
export const OKABE_ITO = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
  '#F0E442',
  '#000000',
] as const

// The colour of a group, by its dictionary code: the same group has the same colour on every
// chart. Black turns light grey on a dark page.
export function colorForGroup(code: number, dark = false): string {
  const color = OKABE_ITO[code % OKABE_ITO.length] ?? '#000000'
  return dark && color === '#000000' ? '#BBBBBB' : color
}

/** The same colour, see-through: the injured bars beside the solid killed bars. */
export function lighten(hex: string, alpha = 0.35): string {
  const value = Number.parseInt(hex.slice(1), 16)
  return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${alpha})`
}
