// The range marks plugin: what it draws for a set of marks on given scales, first as geometry
// (layoutMark, layoutNotes), then through the plugin on a recording canvas.
import { describe, expect, it } from 'vitest'
import {
  OPEN_ARROW_LENGTH,
  layoutMark,
  layoutNotes,
  rangeMarksPlugin,
  type MarkGeometry,
  type Segment,
  type NoteSpot,
  type RangeMarksOptions,
} from '../../src/charts/rangeMarks'
import type { CategoryNote, RangeMark } from '../../src/core/chart/chartModel'
import {
  drawnBy,
  fakeChart,
  indexPixel,
  recordingContext,
  valuePixel,
  type FakeDataset,
} from './recordingCanvas'

const BOLD = 'bold 14px system-ui, sans-serif'
const ITALIC = 'italic 12px system-ui, sans-serif'
const MARK_FONT = '600 12px system-ui, sans-serif'

function mark(index: number, min: number, max: number | null, label: string): RangeMark {
  return { datasetIndex: null, index, min, max, label }
}

// What a layout draws, one line a thing: "whisker 120,50 140,50" is a stroke from (120, 50) to
// (140, 50); "label 10–20 144,50 left middle" a text at (144, 50) with its alignment.
function listDrawn(geometry: MarkGeometry | null): string[] {
  if (!geometry) return []
  const stroke = (name: string, { from, to }: Segment) => `${name} ${from.join()} ${to.join()}`
  const { whisker, arrow, label } = geometry
  return [
    ...(whisker ? [stroke('whisker', whisker[0]), stroke('cap', whisker[1])] : []),
    ...(arrow ? [stroke('shaft', arrow.shaft), ...arrow.head.map((s) => stroke('head', s))] : []),
    ...(label
      ? [`label ${label.text} ${label.x},${label.y} ${label.align} ${label.baseline}`]
      : []),
  ]
}

interface MarkCase {
  name: string
  mark: RangeMark
  /** The bar's thickness across the index axis, in pixels. */
  thickness: number
  horizontal: boolean
  labels?: boolean
  /** How wide every label measures; 7 px a character without it. */
  width?: number
  drawn: string[]
}

describe('layoutMark', () => {
  // Horizontal bars (the chart by group): value v at 100 + 2v px. Vertical bars (over time): value
  // v at 300 - 2v px. A bar 24 px thick stands in a band 40 px wide. The bar's middle is at 50 px.
  const range = mark(0, 10, 20, '10–20')
  const exact = mark(0, 3, 3, '3')
  const rangeUp = ['whisker 50,280 50,260', 'cap 43,260 57,260']
  it.each<MarkCase>([
    {
      name: 'a range on a horizontal bar: a whisker to the maximum, a cap, the label past it',
      mark: range,
      thickness: 20,
      horizontal: true,
      drawn: ['whisker 120,50 140,50', 'cap 140,43 140,57', 'label 10–20 144,50 left middle'],
    },
    {
      name: `an open bound on a horizontal bar: a dashed arrow ${OPEN_ARROW_LENGTH} px long, open head`,
      mark: mark(0, 47, null, '47+'),
      thickness: 20,
      horizontal: true,
      drawn: [
        'shaft 194,50 224,50',
        'head 217,43 224,50',
        'head 217,57 224,50',
        'label 47+ 228,50 left middle',
      ],
    },
    {
      name: 'an open bound on top of a stack: the arrow points up, its label above it, labels off',
      mark: mark(1, 51, null, '51+'),
      thickness: 24,
      horizontal: false,
      labels: false,
      drawn: [
        'shaft 50,198 50,168',
        'head 43,175 50,168',
        'head 57,175 50,168',
        'label 51+ 50,164 center bottom',
      ],
    },
    {
      name: 'an exact figure: no stroke, its label at the bar’s end',
      mark: exact,
      thickness: 20,
      horizontal: true,
      drawn: ['label 3 110,50 left middle'],
    },
    {
      name: 'an exact figure, labels off: nothing',
      mark: exact,
      thickness: 20,
      horizontal: true,
      labels: false,
      drawn: [],
    },
    {
      name: 'a range, labels off: its label still',
      mark: range,
      thickness: 24,
      horizontal: false,
      labels: false,
      drawn: [...rangeUp, 'label 10–20 50,256 center bottom'],
    },
    {
      name: 'a label wider than its band on a time axis: left out, the mark stays',
      mark: range,
      thickness: 24,
      horizontal: false,
      width: 41,
      drawn: rangeUp,
    },
    {
      name: 'a label as wide as its band: kept',
      mark: range,
      thickness: 24,
      horizontal: false,
      width: 40,
      drawn: [...rangeUp, 'label 10–20 50,256 center bottom'],
    },
    {
      name: 'a wide label on a horizontal bar: kept, it has the room past the bar',
      mark: exact,
      thickness: 20,
      horizontal: true,
      width: 500,
      drawn: ['label 3 110,50 left middle'],
    },
    {
      name: 'a thin bar: a cap of 3 px at the least',
      mark: range,
      thickness: 4,
      horizontal: true,
      drawn: ['whisker 120,50 140,50', 'cap 140,47 140,53', 'label 10–20 144,50 left middle'],
    },
  ])('$name', ({ mark: drawnMark, thickness, horizontal, labels = true, width, drawn }) => {
    const place = { center: 50, thickness }
    const textWidth = (text: string) => width ?? text.length * 7
    const geometry = layoutMark(
      drawnMark,
      place,
      horizontal,
      valuePixel(horizontal),
      labels,
      textWidth,
    )
    expect(listDrawn(geometry)).toEqual(drawn)
  })

  it('gives nothing at all, not an empty drawing, for an exact figure with labels off', () => {
    expect(
      layoutMark(exact, { center: 50, thickness: 20 }, true, valuePixel(true), false, () => 0),
    ).toBeNull()
  })
})

describe('layoutNotes', () => {
  it.each<[string, CategoryNote, RangeMark[], boolean, NoteSpot]>([
    [
      'words in an empty band of a horizontal chart, in italics past zero',
      { index: 3, value: 0, text: 'not quantified' },
      [],
      true,
      { text: 'not quantified', font: ITALIC, x: 106, y: 170, align: 'left', baseline: 'middle' },
    ],
    [
      'a “?” over a stack, in bold, moved aside from the range mark on the same period',
      { index: 3, value: 10, text: '?' },
      [mark(3, 10, 20, '10–20')],
      false,
      { text: '?', font: BOLD, x: 180, y: 276, align: 'center', baseline: 'bottom' },
    ],
    [
      'a mark on one bar of the band does not move it',
      { index: 2, value: 10, text: '?' },
      [{ ...mark(2, 10, 20, '10–20'), datasetIndex: 0 }, mark(3, 1, null, '1+')],
      false,
      { text: '?', font: BOLD, x: 130, y: 276, align: 'center', baseline: 'bottom' },
    ],
  ])('%s', (_name, note, marks, horizontal, expected) => {
    expect(layoutNotes([note], marks, horizontal, indexPixel, valuePixel(horizontal))).toEqual([
      expected,
    ])
  })
})

function draw(
  settings: Omit<Parameters<typeof fakeChart>[0], 'ctx'>,
  options: Partial<RangeMarksOptions>,
) {
  const ctx = recordingContext()
  const chart = fakeChart({ ...settings, ctx })
  rangeMarksPlugin.afterDatasetsDraw!(
    chart,
    {} as never,
    {
      marks: [],
      notes: [],
      color: '#1a1a1a',
      textColor: '#333333',
      labels: true,
      ...options,
    },
    false,
  )
  return { calls: ctx.calls, drawn: drawnBy(ctx.calls) }
}

const solid = (from: [number, number], to: [number, number]) => ({
  from,
  to,
  style: '#1a1a1a',
  dash: [],
  width: 2,
})

const fading = (from: [number, number], to: [number, number], dash: number[]) => ({
  from,
  to,
  style: expect.objectContaining({
    stops: [
      [0, 'rgba(26, 26, 26, 1)'],
      [1, 'rgba(26, 26, 26, 0.15)'],
    ],
  }),
  dash,
  width: 2,
})

const text = (value: string, x: number, y: number, horizontal: boolean) => ({
  text: value,
  x,
  y,
  font: MARK_FONT,
  align: horizontal ? 'left' : 'center',
  baseline: horizontal ? 'middle' : 'bottom',
  color: '#333333',
})

describe('rangeMarksPlugin', () => {
  it('draws nothing before the chart has its scales', () => {
    const { calls } = draw(
      { horizontal: true, labels: ['a'], noScales: true },
      { marks: [mark(0, 1, null, '1+')], notes: [{ index: 0, value: 0, text: '?' }] },
    )
    expect(calls).toEqual([])
  })

  it('draws a group chart’s marks on their own bars, not on a hidden or missing one', () => {
    const killed: FakeDataset = {
      points: [
        { x: 171, y: 0 },
        { x: 23, y: 1 },
      ],
      bars: [
        { x: 442, y: 46, width: 342, height: 20 },
        { x: 146, y: 86, width: 46, height: 20 },
      ],
    }
    const injured: FakeDataset = {
      points: [{ x: 3, y: 1 }],
      bars: [{ x: 106, y: 94, width: 6, height: 12 }],
      hidden: true,
    }
    const { drawn } = draw(
      {
        horizontal: true,
        labels: ['civilians', 'soldiers', 'police'],
        datasets: [killed, injured],
      },
      {
        marks: [
          { datasetIndex: 0, index: 0, min: 171, max: null, label: '171+' },
          { datasetIndex: 0, index: 1, min: 23, max: 33, label: '23–33' },
          { datasetIndex: 1, index: 1, min: 3, max: 3, label: '3' },
          { datasetIndex: 0, index: 2, min: 5, max: 9, label: '5–9' },
        ],
      },
    )
    expect(drawn).toEqual([
      fading([442, 46], [472, 46], [4, 3]),
      fading([465, 39], [472, 46], []),
      fading([465, 53], [472, 46], []),
      text('171+', 476, 46, true),
      solid([146, 86], [166, 86]),
      solid([166, 79], [166, 93]),
      text('23–33', 170, 86, true),
    ])
  })

  it('draws an open arrow in a colour that is not #rrggbb without fading it', () => {
    const { drawn } = draw(
      { horizontal: false, labels: ['2021', '2022'] },
      { marks: [mark(0, 10, null, '10+')], color: 'black' },
    )
    const styles = drawn.map((item) => ('style' in item ? item.style : null))
    expect(styles[0]).toEqual(
      expect.objectContaining({
        from: [50, 280],
        to: [50, 250],
        stops: [
          [0, 'black'],
          [1, 'black'],
        ],
      }),
    )
  })

  it('on a time chart without labels: no exact total, ranges and open bounds with their figure', () => {
    // Two periods 40 px apart: each band's bar is 24 px thick, its labels may be 40 px wide.
    const { drawn } = draw(
      { horizontal: false, labels: ['Oct 2021', 'Nov 2021', 'Dec 2021'] },
      {
        labels: false,
        marks: [mark(0, 10, 20, '10–20'), mark(1, 51, null, '51+'), mark(2, 4, 4, '4')],
      },
    )
    expect(drawn).toEqual([
      solid([50, 280], [50, 260]),
      solid([43, 260], [57, 260]),
      text('10–20', 50, 256, false),
      fading([90, 198], [90, 168], [4, 3]),
      fading([83, 175], [90, 168], []),
      fading([97, 175], [90, 168], []),
      text('51+', 90, 164, false),
    ])
  })

  it.each([
    ['fits in a wide chart', 200, true],
    ['is left out of a narrow one', 40, false],
  ])('one period: its band is half the chart, and a label that %s', (_name, width, shown) => {
    const { drawn } = draw(
      { horizontal: false, labels: ['2024'], chartArea: { width, height: 300 } },
      { marks: [mark(0, 51, null, '51+')] },
    )
    expect(drawn.some((item) => 'text' in item && item.text === '51+')).toBe(shown)
  })

  it('writes the notes first, setting a font only when it changes', () => {
    const { calls, drawn } = draw(
      { horizontal: false, labels: ['Oct 2021', 'Nov 2021', 'Dec 2021'] },
      {
        marks: [mark(1, 10, 20, '10–20')],
        notes: [
          { index: 0, value: 0, text: '?' },
          { index: 1, value: 10, text: '?' },
          { index: 2, value: 0, text: 'no figure given' },
        ],
      },
    )
    expect(calls.filter(([name]) => name === 'font=').map(([, font]) => font)).toEqual([
      BOLD,
      ITALIC,
      MARK_FONT,
    ])
    expect(drawn.map((item) => ('text' in item ? item.text : 'stroke'))).toEqual([
      '?',
      '?',
      'no figure given',
      'stroke',
      'stroke',
      '10–20',
    ])
    expect(drawn[1]).toEqual({
      text: '?',
      x: 100,
      y: 276,
      font: BOLD,
      align: 'center',
      baseline: 'bottom',
      color: '#333333',
    })
  })
})
