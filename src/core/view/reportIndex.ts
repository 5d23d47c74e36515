// Reports of one figure in the store (core/reports holds the rules on plain values): which rows
// are reports of a figure that has several (one incident x one target group), and per pass the
// reconciled figure of each from its selected reports. The aggregation pass (core/view/aggregate)
// hands these rows here instead of adding them, and adds one reconciled figure per figure: a
// figure is never counted twice, whatever the number and order of its reports.

import { FigureState, STATES, YEAR_ONLY, figureIndexInSteps } from './figureIndex'
import { UNGRADED, gradeScale, type GradeScale } from '../grades'
import type { ReconcileRule, Source } from '../reports'
import { STEP_ROWS, runSteps, type Steps } from '../steps'
import { NO_COUNT, type CasualtyStore } from '../store/store'
import { labelCount } from '../store/packedStrings'

export interface ReportIndex {
  /** Per row: the number of its figure among the figures of several reports, or -1. */
  figureOfRow: Int32Array
  figureCount: number
}

// Numbers the figures of several rows of the incidents `order[start[s] .. start[s + 1])`.
// `firstRowOf` (one slot per group code, all -1) holds an incident's first row of each group while
// its rows are read, and is -1 again after: no map to clear per incident.
function numberFigures(
  order: Uint32Array,
  start: Uint32Array,
  groupCodes: Uint32Array,
  figureOfRow: Int32Array,
  first: number,
  last: number,
  count: number,
  firstRowOf: Int32Array,
): number {
  for (let incident = first; incident < last; incident++) {
    const from = start[incident]!
    const to = start[incident + 1]!
    for (let i = from; i < to; i++) {
      const row = order[i]!
      const group = groupCodes[row]!
      const earlier = firstRowOf[group]!
      if (earlier === -1) {
        firstRowOf[group] = row
        continue
      }
      if (figureOfRow[earlier]! < 0) figureOfRow[earlier] = count++
      figureOfRow[row] = figureOfRow[earlier]!
    }
    for (let i = from; i < to; i++) firstRowOf[groupCodes[order[i]!]!] = -1
  }
  return count
}

// Rows from..to counted per incident of several rows, at start[incident + 1].
function countRowsOfIncidents(
  sharedOfRow: Int32Array,
  start: Uint32Array,
  from: number,
  to: number,
): void {
  for (let row = from; row < to; row++) {
    const incident = sharedOfRow[row]!
    if (incident >= 0) start[incident + 1]!++
  }
}

// Rows from..to put in `order` at their incident's next place.
function placeRowsOfIncidents(
  sharedOfRow: Int32Array,
  next: Uint32Array,
  order: Uint32Array,
  from: number,
  to: number,
): void {
  for (let row = from; row < to; row++) {
    const incident = sharedOfRow[row]!
    if (incident >= 0) order[next[incident]!++] = row
  }
}

function* buildReportIndex(store: CasualtyStore): Steps<ReportIndex> {
  const { sharedOfRow, sharedCount } = yield* figureIndexInSteps(store)
  const figureOfRow = new Int32Array(store.length).fill(-1)
  if (sharedCount === 0) return { figureOfRow, figureCount: 0 }
  // The rows of each incident of several rows, together (a counting sort by incident), a step of
  // rows at a time: three million rows are two passes of some 20 ms each.
  const start = new Uint32Array(sharedCount + 1)
  for (let from = 0; from < store.length; from += STEP_ROWS) {
    countRowsOfIncidents(sharedOfRow, start, from, Math.min(store.length, from + STEP_ROWS))
    yield
  }
  for (let i = 0; i < sharedCount; i++) start[i + 1]! += start[i]!
  const order = new Uint32Array(start[sharedCount]!)
  const next = start.slice(0, sharedCount)
  for (let from = 0; from < store.length; from += STEP_ROWS) {
    placeRowsOfIncidents(sharedOfRow, next, order, from, Math.min(store.length, from + STEP_ROWS))
    yield
  }
  const groups = store.columns.categories.target_group
  const groupCodes = groups.codes
  const firstRowOf = new Int32Array(labelCount(groups)).fill(-1)
  let figureCount = 0
  const incidentsPerStep = Math.max(1, (STEP_ROWS / Math.max(1, order.length / sharedCount)) | 0)
  for (let first = 0; first < sharedCount; first += incidentsPerStep) {
    const last = Math.min(sharedCount, first + incidentsPerStep)
    figureCount = numberFigures(
      order,
      start,
      groupCodes,
      figureOfRow,
      first,
      last,
      figureCount,
      firstRowOf,
    )
    yield
  }
  return { figureOfRow, figureCount }
}

const known = new WeakMap<CasualtyStore, ReportIndex>()

/** The store's report index, built in steps the first time and kept for the store's life. */
export function* reportIndexInSteps(store: CasualtyStore): Steps<ReportIndex> {
  let index = known.get(store)
  if (!index) {
    index = yield* buildReportIndex(store)
    known.set(store, index)
  }
  return index
}

export const reportIndex = (store: CasualtyStore): ReportIndex =>
  runSteps(reportIndexInSteps(store))

/** What orders a figure's reports: per source code, its publication date and grade rank. */
export interface ReportOrder {
  /** Date code of the source's publication; 0 when not known (such reports come first). */
  published: Int32Array
  /** Rank of the source's grade (0 best; UNGRADED when it has none). */
  gradeRank: Uint8Array
}

/** The order of reports by the store's sources as the registry describes them. */
export function reportOrder(
  store: CasualtyStore,
  registry: ReadonlyMap<string, Source>,
  scale: GradeScale = gradeScale(),
): ReportOrder {
  const ids = store.columns.categories.source.values
  const published = new Int32Array(ids.length)
  const gradeRank = new Uint8Array(ids.length)
  ids.forEach((id, code) => {
    const source = registry.get(id)
    published[code] = source ? publishedCode(source.published) : 0
    gradeRank[code] = scale.rank(source?.grade ?? '')
  })
  return { published, gradeRank }
}

/** No source's publication date or grade known: reports in file order, all ungraded. */
export function noOrder(store: CasualtyStore): ReportOrder {
  let order = noOrders.get(store)
  if (!order) {
    const sources = store.columns.categories.source.values.length
    order = {
      published: new Int32Array(sources),
      gradeRank: new Uint8Array(sources).fill(UNGRADED),
    }
    noOrders.set(store, order)
  }
  return order
}
// One per store, so what is built per order (wholeFiguresInSteps) is built once.
const noOrders = new WeakMap<CasualtyStore, ReportOrder>()

// A date code of ISO text (YYYY, YYYY-MM, YYYY-MM-DD); 0 when empty or not a date.
function publishedCode(text: string): number {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text)
  if (!match) return 0
  return Number(match[1]) * 10000 + Number(match[2] ?? 0) * 100 + Number(match[3] ?? 0)
}

/** A reconciled figure of one measure: its state and counts (NO_COUNT when not given). */
export interface ReconciledCounts {
  state: FigureState
  min: number
  max: number
}

/**
 * The reports of a pass, gathered per figure, and each figure reconciled by a rule (the same rules
 * as core/reports reconcile: a property test holds the two equal). A figure's period, place and
 * group are those of its latest selected report.
 */
export class FigureReconciler {
  /** Per figure: its latest selected report, or -1 when none was selected. */
  readonly lead: Int32Array
  /** Per figure and measure (2f + m): the lowest minimum, highest minimum, highest maximum. */
  private readonly low: Int32Array
  private readonly highMin: Int32Array
  private readonly highMax: Int32Array
  /** Per figure and measure: the report the latest or graded rule picks, or -1. */
  private readonly pick: Int32Array
  /** Per figure and measure: 1 when a selected report gives it in words only. */
  private readonly words: Uint8Array
  /** Figures with a selected report, in the order first met. */
  readonly met: Int32Array
  metCount = 0
  private readonly sourceCodes: Uint32Array
  private readonly published: Int32Array
  private readonly gradeRank: Uint8Array
  private readonly byGrade: boolean
  private readonly range: boolean
  private readonly counts: CasualtyStore['columns']['counts']

  constructor(
    readonly store: CasualtyStore,
    readonly index: ReportIndex,
    order: ReportOrder,
    readonly rule: ReconcileRule,
  ) {
    const size = index.figureCount
    this.lead = new Int32Array(size).fill(-1)
    this.low = new Int32Array(size * 2).fill(NO_COUNT)
    this.highMin = new Int32Array(size * 2).fill(NO_COUNT)
    this.highMax = new Int32Array(size * 2).fill(NO_COUNT)
    this.pick = new Int32Array(size * 2).fill(-1)
    this.words = new Uint8Array(size * 2)
    this.met = new Int32Array(size)
    this.sourceCodes = store.columns.categories.source.codes
    this.published = order.published
    this.gradeRank = order.gradeRank
    this.byGrade = rule === 'graded'
    this.range = rule === 'range'
    this.counts = store.columns.counts
  }

  // Does report `a` come after report `b` in publication order (ties: file order)?
  private later(a: number, b: number): boolean {
    const pa = this.published[this.sourceCodes[a]!]!
    const pb = this.published[this.sourceCodes[b]!]!
    return pa !== pb ? pa > pb : a > b
  }

  // Is report `a` the better pick than `b` by the rule (latest; or best graded, then latest)?
  private better(a: number, b: number): boolean {
    if (this.byGrade) {
      const ga = this.gradeRank[this.sourceCodes[a]!]!
      const gb = this.gradeRank[this.sourceCodes[b]!]!
      if (ga !== gb) return ga < gb
    }
    return this.later(a, b)
  }

  /** Adds report `row` of figure `figure`, whose kind (core/view/figureIndex) is `kind`. */
  add(row: number, figure: number, kind: number): void {
    const lead = this.lead[figure]!
    if (lead < 0) {
      this.met[this.metCount++] = figure
      this.lead[figure] = row
    } else if (this.later(row, lead)) this.lead[figure] = row
    const states = kind % YEAR_ONLY
    const killed = states % STATES
    const injured = (states / STATES) | 0
    const { counts } = this
    if (killed !== FigureState.None) {
      this.addMeasure(row, figure * 2, killed, counts.killed_min[row]!, counts.killed_max[row]!)
    }
    if (injured !== FigureState.None) {
      const min = counts.injured_min[row]!
      this.addMeasure(row, figure * 2 + 1, injured, min, counts.injured_max[row]!)
    }
  }

  private addMeasure(row: number, at: number, state: number, min: number, max: number): void {
    if (state === FigureState.Unquantified) {
      this.words[at] = 1
      return
    }
    if (!this.range) {
      const pick = this.pick[at]!
      if (pick < 0 || this.better(row, pick)) this.pick[at] = row
      return
    }
    if (min !== NO_COUNT) {
      const low = this.low[at]!
      if (low === NO_COUNT || min < low) this.low[at] = min
      if (min > this.highMin[at]!) this.highMin[at] = min
    }
    if (max > this.highMax[at]!) this.highMax[at] = max
  }

  /** The reconciled figure of `figure` for measure `m` (0 killed, 1 injured). */
  result(figure: number, m: 0 | 1): ReconciledCounts {
    const state = this.reconcile(figure, m)
    return { state, min: this.min, max: this.max }
  }

  /** The last figure `reconcile` made: its minimum and maximum (NO_COUNT when not given). */
  min: number = NO_COUNT
  max: number = NO_COUNT

  /**
   * Reconciles `figure`'s measure `m` (0 killed, 1 injured): returns its state and leaves its
   * minimum and maximum in `min` and `max` (no object per figure: the pass calls it for each).
   */
  reconcile(figure: number, m: 0 | 1): FigureState {
    const at = figure * 2 + m
    let min: number = NO_COUNT
    let max: number = NO_COUNT
    if (this.range) {
      min = this.low[at]!
      const highMax = this.highMax[at]!
      const highMin = this.highMin[at]!
      max = highMax !== NO_COUNT && highMin <= highMax ? highMax : NO_COUNT
    } else {
      const pick = this.pick[at]!
      if (pick >= 0) {
        const { counts } = this
        min = (m === 0 ? counts.killed_min : counts.injured_min)[pick]!
        max = (m === 0 ? counts.killed_max : counts.injured_max)[pick]!
      }
    }
    this.min = min
    this.max = max
    if (min !== NO_COUNT) return max !== NO_COUNT ? FigureState.Closed : FigureState.Open
    if (max !== NO_COUNT) return FigureState.MaxOnly
    return this.words[at] ? FigureState.Unquantified : FigureState.None
  }
}

/**
 * Every figure of several reports reconciled from all its reports, by one rule and order: what a
 * pass takes for each figure whose reports it selected all of (the common case: filters by
 * place, group, perpetrator or date select an incident's reports together).
 */
export interface WholeFigures {
  /** Per figure: its number of reports. */
  reports: Uint32Array
  /** Reports of every figure together. */
  reportCount: number
  /** Per figure: its latest report. */
  lead: Int32Array
  /** Per figure and measure (2f + m): the reconciled state, minimum and maximum. */
  state: Uint8Array
  min: Int32Array
  max: Int32Array
}

// Reports among rows [start, end) added to `reconciler` and counted per figure in `reports`; the
// number added. A plain function: V8 optimizes its loop, not one inside a generator.
function addWhole(
  reconciler: FigureReconciler,
  figureOfRow: Int32Array,
  kinds: Uint8Array,
  reports: Uint32Array,
  start: number,
  end: number,
): number {
  let added = 0
  for (let row = start; row < end; row++) {
    const figure = figureOfRow[row]!
    if (figure < 0) continue
    reconciler.add(row, figure, kinds[row]!)
    reports[figure]!++
    added++
  }
  return added
}

// Every report of the store, reconciled per figure, STEP_ROWS rows a step.
function* reconcileWhole(
  store: CasualtyStore,
  index: ReportIndex,
  order: ReportOrder,
  rule: ReconcileRule,
  kinds: Uint8Array,
): Steps<WholeFigures> {
  const size = index.figureCount
  const reconciler = new FigureReconciler(store, index, order, rule)
  const reports = new Uint32Array(size)
  let reportCount = 0
  for (let start = 0; start < store.length; start += STEP_ROWS) {
    const end = Math.min(store.length, start + STEP_ROWS)
    reportCount += addWhole(reconciler, index.figureOfRow, kinds, reports, start, end)
    yield
  }
  const state = new Uint8Array(size * 2)
  const min = new Int32Array(size * 2)
  const max = new Int32Array(size * 2)
  // Slot 2f + m: figure f's measure m.
  for (let at = 0; at < size * 2; at++) {
    state[at] = reconciler.reconcile(at >> 1, (at & 1) as 0 | 1)
    min[at] = reconciler.min
    max[at] = reconciler.max
  }
  return { reports, reportCount, lead: reconciler.lead, state, min, max }
}

const wholeKnown = new WeakMap<ReportOrder, Map<ReconcileRule, WholeFigures>>()

/** The store's figures reconciled from all their reports by `rule` and `order`, built once. */
export function* wholeFiguresInSteps(
  store: CasualtyStore,
  order: ReportOrder,
  rule: ReconcileRule,
): Steps<WholeFigures> {
  let byRule = wholeKnown.get(order)
  if (!byRule) wholeKnown.set(order, (byRule = new Map()))
  let whole = byRule.get(rule)
  if (!whole) {
    const { kinds } = yield* figureIndexInSteps(store)
    const index = yield* reportIndexInSteps(store)
    whole = yield* reconcileWhole(store, index, order, rule, kinds)
    byRule.set(rule, whole)
  }
  return whole
}

/**
 * The reports a pass selects, gathered per figure, then each figure reconciled: from the whole
 * figure when all its reports are selected, else from the selected ones (FigureReconciler). The
 * same answers as a FigureReconciler given the same reports, for less work per report.
 */
export class SelectedReports {
  /** Figures with a selected report, in the order first met. */
  readonly met: Int32Array
  metCount = 0
  /** Per figure: its selected reports. */
  private readonly selected: Uint32Array
  /** The selected reports, in the order added. */
  private readonly rows: Uint32Array
  private rowCount = 0
  /** Reconciles the figures with some of their reports selected; null when there are none. */
  private partial: FigureReconciler | null = null
  /** The last figure `reconcile` made: its minimum and maximum (NO_COUNT when not given). */
  min: number = NO_COUNT
  max: number = NO_COUNT

  constructor(
    private readonly store: CasualtyStore,
    private readonly index: ReportIndex,
    private readonly whole: WholeFigures,
    private readonly order: ReportOrder,
    private readonly rule: ReconcileRule,
    /** Per row: its kind (core/view/figureIndex). */
    private readonly kinds: Uint8Array,
  ) {
    this.met = new Int32Array(index.figureCount)
    this.selected = new Uint32Array(index.figureCount)
    this.rows = new Uint32Array(whole.reportCount)
  }

  /** Adds report `row` of figure `figure`. */
  add(row: number, figure: number): void {
    if (this.selected[figure]!++ === 0) this.met[this.metCount++] = figure
    this.rows[this.rowCount++] = row
  }

  /** Reconciles the figures not selected whole; once, after the last report is added. */
  resolve(): void {
    const { selected, whole, rows } = this
    let partial: FigureReconciler | null = null
    const figureOfRow = this.index.figureOfRow
    for (let i = 0; i < this.rowCount; i++) {
      const row = rows[i]!
      const figure = figureOfRow[row]!
      if (selected[figure] === whole.reports[figure]) continue
      partial ??= new FigureReconciler(this.store, this.index, this.order, this.rule)
      partial.add(row, figure, this.kinds[row]!)
    }
    this.partial = partial
  }

  /** The latest selected report of `figure`. */
  leadOf(figure: number): number {
    return this.selected[figure] === this.whole.reports[figure]
      ? this.whole.lead[figure]!
      : this.partial!.lead[figure]!
  }

  /**
   * Reconciles `figure`'s measure `m` (0 killed, 1 injured): returns its state and leaves its
   * minimum and maximum in `min` and `max`.
   */
  reconcile(figure: number, m: 0 | 1): FigureState {
    if (this.selected[figure] !== this.whole.reports[figure]) {
      const partial = this.partial!
      const state = partial.reconcile(figure, m)
      this.min = partial.min
      this.max = partial.max
      return state
    }
    const at = figure * 2 + m
    this.min = this.whole.min[at]!
    this.max = this.whole.max[at]!
    return this.whole.state[at]! as FigureState
  }
}
