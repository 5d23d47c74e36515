// Casualty figures in one sentence: a quantity phrase (`over 50`, `scores`, `their chief`), the
// noun phrase it counts (`worshippers`, `American service members`) and the kind of casualty it
// is (`killing ...`, `... were wounded`, `... deaths`, `casualties`). Each figure keeps the exact
// span of its words, so a proposed row's `killed_text` is `text.slice(start, end)`.

import { parseQuantityAt, type FigureBounds, type QuantityPhrase } from './numbers'
import type { Sentence, Token } from './text'
import { PERSON_NOUNS, SINGULAR_PERSON_NOUNS, groupOfNounPhrase, isWord } from './vocabulary'

/** Killed, injured, or `casualties` (which may mean either: codebook). */
export type CasualtyKind = 'killed' | 'injured' | 'casualties'

/** One casualty figure as the sentence writes it. */
export interface FigureMention extends FigureBounds {
  kind: CasualtyKind
  /** Offsets of the figure's words in the whole text. */
  start: number
  end: number
  /** The figure's words, exactly as written (`over 50 worshippers`). */
  text: string
  /** Target group named by the figure's own noun, or null when the context must decide. */
  group: string | null
  /** Head noun of the figure (`worshippers`, `deaths`, `others`), or ''. */
  head: string
  /** One identified person or countable singular (`their chief`). */
  countable: boolean
  /** A part of a figure already given (`..., including two children`): not counted again. */
  subset: boolean
  /** Index of the sentence the figure is in. */
  sentence: number
}

/** What became of a casualty figure found in the text. */
export type MentionStatus =
  | 'proposed'
  | 'restatement'
  | 'aggregate'
  | 'subset'
  | 'no date or place'
  | 'not an attack'
  | 'superseded'

/** A casualty figure found in the text, with what became of it. */
export interface ReportedMention extends FigureMention {
  status: MentionStatus
  /** Index of the proposed row it went into (or restates), else null. */
  row: number | null
}

const ACTIVE_TRIGGERS: [string[], CasualtyKind][] = [
  [['deaths', 'of'], 'killed'],
  [['death', 'of'], 'killed'],
  [['lives', 'of'], 'killed'],
  [['killing', 'of'], 'killed'],
  [['death', 'toll'], 'killed'],
  [['toll'], 'killed'],
  [['killed'], 'killed'],
  [['shot', 'dead'], 'killed'],
  [['gunned', 'down'], 'killed'],
  [['killing'], 'killed'],
  [['kills'], 'killed'],
  [['kill'], 'killed'],
  [['slaying'], 'killed'],
  [['massacred'], 'killed'],
  [['executed'], 'killed'],
  [['executing'], 'killed'],
  [['beheaded'], 'killed'],
  [['injured'], 'injured'],
  [['injuring'], 'injured'],
  [['injures'], 'injured'],
  [['injure'], 'injured'],
  [['injuries', 'to'], 'injured'],
  [['wounded'], 'injured'],
  [['wounding'], 'injured'],
  [['wounds'], 'injured'],
  [['wound'], 'injured'],
  [['hurt'], 'injured'],
  [['hurting'], 'injured'],
]

// Words after a figure that say what it counts (`47 deaths`, `12 were killed`).
const POST_KIND: Record<string, CasualtyKind> = {
  killed: 'killed',
  dead: 'killed',
  died: 'killed',
  die: 'killed',
  deaths: 'killed',
  death: 'killed',
  slain: 'killed',
  fatalities: 'killed',
  perished: 'killed',
  succumbed: 'killed',
  // The Taliban's and IS-KP's statements say `martyred` for their own dead.
  martyred: 'killed',
  lives: 'killed',
  injured: 'injured',
  wounded: 'injured',
  hurt: 'injured',
  injuries: 'injured',
  casualties: 'casualties',
}
/** Post words that are nouns of the figure itself and belong in its text (`47 deaths`). */
const NOUN_KINDS = new Set([
  'deaths',
  'death',
  'fatalities',
  'casualties',
  'injuries',
  'dead',
  'lives',
  // `leaving 9 dead and 17 wounded`: the participle stands for the noun, as `dead` does.
  'wounded',
  'injured',
])
const LINKING = new Set(
  'were was is are have has had been being reportedly also later all confirmed believed feared to be shot'.split(
    ' ',
  ),
)
const DETERMINERS = new Set(['the', 'its', 'their', 'his', 'her', 'our', 'those', 'these'])
const SINGULAR_DETERMINERS = new Set(['the', 'a', 'an', 'their', 'his', 'its', 'one'])
/** Words that may follow a figure without a noun (`killed at least six and ...`). */
const FOLLOWERS = new Set(
  'and or in at on during after before when while with as by from near outside inside across including among but more others people so according police officials said'.split(
    ' ',
  ),
)
const GROUP_HEADS = new Set(['taliban', 'is-kp', 'iskp'])
const SUBSET_CUES = ['including', 'among']
/** Marks that end a verb's reach: a figure after them needs its own verb. */
const CLAUSE_BREAKS = new Set([';', ':', '(', ')', '[', ']', '<', '>'])

function matchAt(tokens: readonly Token[], i: number, words: readonly string[]): boolean {
  return words.every((w, k) => tokens[i + k]?.lower === w)
}

function activeTriggerAt(
  tokens: readonly Token[],
  i: number,
): { kind: CasualtyKind; end: number } | null {
  for (const [words, kind] of ACTIVE_TRIGGERS) {
    if (matchAt(tokens, i, words)) return { kind, end: i + words.length }
  }
  return null
}

const isHead = (token: Token | undefined) =>
  token !== undefined && (PERSON_NOUNS.has(token.lower) || GROUP_HEADS.has(token.lower))

/** The noun phrase after a figure: `of` and a determiner, up to three modifiers, a person noun. */
function readNounPhrase(tokens: readonly Token[], from: number): { head: number } | null {
  let j = from
  if (tokens[j]?.lower === 'of') j++
  if (DETERMINERS.has(tokens[j]?.lower ?? '')) j++
  for (let k = 0; k < 4; k++) {
    const token = tokens[j + k]
    if (!isWord(token) || token === undefined) return null
    if (isHead(token)) {
      // `service members`, `Taliban fighters`: extend over a following person noun, and over one
      // modifier after a group name (`Taliban border guards`).
      let head = j + k
      const after = tokens[head + 2]
      if (
        GROUP_HEADS.has(token.lower) &&
        !isHead(tokens[head + 1]) &&
        isWord(tokens[head + 1]) &&
        PERSON_NOUNS.has(after?.lower ?? '')
      )
        head += 2
      while (isHead(tokens[head + 1])) head++
      return { head }
    }
    if (FOLLOWERS.has(token.lower) || token.lower in POST_KIND) return null
    if (activeTriggerAt(tokens, j + k)) return null
  }
  return null
}

/** Ordinals that count one more person: `killed five ... and wounded a sixth`. */
const ORDINALS = new Set(
  (
    'second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth ' +
    'fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth'
  ).split(' '),
)

/** Plural nouns that are not people, though they may follow a number after `killed`. */
const NOT_PEOPLE = new Set(
  (
    'years months weeks days hours minutes seconds decades times kilometres kilometers km miles ' +
    'metres meters feet yards percent points dollars afghanis rupees vehicles cars trucks buses ' +
    'homes houses buildings shops rockets shells rounds bombs mines grenades animals cows goats ' +
    'horses camels dogs livestock sheep attacks blasts explosions incidents districts provinces ' +
    'villages others'
  ).split(' '),
)

// A plural noun the vocabulary does not know (`five polio vaccinators`), read as people only
// where a casualty verb governs it (`killed five polio vaccinators`, `two deminers were killed`):
// up to three words, ending before a clause word, a comma or a verb.
function readUnknownPeopleNoun(tokens: readonly Token[], from: number): { head: number } | null {
  for (let k = 0; k < 3; k++) {
    const token = tokens[from + k]
    if (!isWord(token) || token === undefined) return null
    if (FOLLOWERS.has(token.lower) || token.lower in POST_KIND || LINKING.has(token.lower))
      return null
    if (activeTriggerAt(tokens, from + k)) return null
    const next = tokens[from + k + 1]
    const closes =
      !isWord(next) ||
      FOLLOWERS.has(next?.lower ?? '') ||
      (next?.lower ?? '') in POST_KIND ||
      LINKING.has(next?.lower ?? '') ||
      activeTriggerAt(tokens, from + k + 1) !== null
    if (!closes) continue
    const plural = /^[a-z][a-z-]{2,}(?:[^s]s|men)$/.test(token.lower)
    return plural && !NOT_PEOPLE.has(token.lower) ? { head: from + k } : null
  }
  return null
}

/** Singular nouns in -er, -or, -ist, -ian, -ant, -ent that are not people. */
const NOT_A_PERSON = new Set(
  (
    'number quarter later after other water border center centre river corner tower winter summer ' +
    'order power paper letter matter manner chapter shelter counter cluster container trailer ' +
    'motor door floor sector mirror error incident event moment statement government parliament ' +
    'department element percent apartment equipment payment restaurant plant amount account ' +
    'month ministry'
  ).split(' '),
)

// `a tribal elder`, `a local vaccinator`: a singular agent noun the vocabulary does not list,
// read as one person only where its phrase ends (before a clause word, a comma or a verb).
function looksLikeOnePerson(tokens: readonly Token[], at: number): boolean {
  const token = tokens[at]
  if (!token || !/^[a-z][a-z-]{2,}(?:er|or|ist|ian|ant|ent)$/.test(token.lower)) return false
  if (NOT_A_PERSON.has(token.lower) || token.text !== token.lower) return false
  const next = tokens[at + 1]
  return (
    !isWord(next) ||
    FOLLOWERS.has(next?.lower ?? '') ||
    (next?.lower ?? '') in POST_KIND ||
    LINKING.has(next?.lower ?? '')
  )
}

/** `their chief`, `a Taliban guard`: one countable person right after a trigger. */
function readCountable(tokens: readonly Token[], i: number): QuantityPhrase | null {
  // `wounded a sixth`: one more person, unless a noun follows (`a second blast`, `a third of`).
  if (tokens[i]?.lower === 'a' && ORDINALS.has(tokens[i + 1]?.lower ?? '')) {
    const next = tokens[i + 2]
    const alone = !isWord(next) || (next !== undefined && FOLLOWERS.has(next.lower))
    const person =
      next !== undefined && (SINGULAR_PERSON_NOUNS.has(next.lower) || next.lower === 'person')
    if (!alone && !person) return null
    const end = person ? i + 3 : i + 2
    return { min: 1, max: 1, approximate: null, vague: false, start: i, end, qualifier: '' }
  }
  if (!SINGULAR_DETERMINERS.has(tokens[i]?.lower ?? '')) return null
  for (let k = 1; k <= 3; k++) {
    const token = tokens[i + k]
    if (!isWord(token) || token === undefined) return null
    // `A suicide bomber killed at least 28 people`: the attacker is who killed, not a casualty.
    if (PERPETRATOR_NOUNS.has(token.lower)) return null
    if (SINGULAR_PERSON_NOUNS.has(token.lower) || looksLikeOnePerson(tokens, i + k)) {
      return {
        min: 1,
        max: 1,
        approximate: null,
        vague: false,
        start: i,
        end: i + k + 1,
        qualifier: '',
      }
    }
    if (FOLLOWERS.has(token.lower)) return null
  }
  return null
}

/** Nouns for the attacker of a sentence, never one of its casualties. */
const PERPETRATOR_NOUNS = new Set(
  'bomber bombers attacker attackers gunman gunmen assailant assailants perpetrator suspect shooter sniper'.split(
    ' ',
  ),
)

/** Verbs of a figure that name its wounds after them, with the word between (`treated for`). */
const INJURY_VERBS: Record<string, string> = {
  treated: 'for',
  escaped: 'with',
  survived: 'with',
  suffered: '',
  sustained: '',
}

/** The kind a word after the figure gives, and the index after it. */
function readPostKind(
  tokens: readonly Token[],
  from: number,
): { kind: CasualtyKind; end: number; direct: boolean } | null {
  let j = from
  // `Five civilians, among them two women, died`: the kind comes after the aside.
  if (tokens[j]?.text === ',' && SUBSET_CUES.includes(tokens[j + 1]?.lower ?? '')) {
    let close = j + 2
    while (close < tokens.length && close < j + 8 && tokens[close]?.text !== ',') close++
    if (tokens[close]?.text === ',') j = close + 1
  }
  while (LINKING.has(tokens[j]?.lower ?? '')) j++
  const word = tokens[j]?.lower ?? ''
  if (word === 'lost' && tokens[j + 2]?.lower === 'lives')
    return { kind: 'killed', end: j + 3, direct: false }
  // `eleven were in hospital`, `were hospitalised`: the injured.
  if (
    ['hospitalised', 'hospitalized'].includes(word) ||
    (word === 'in' && tokens[j + 1]?.lower === 'hospital') ||
    (['taken', 'admitted', 'rushed'].includes(word) &&
      tokens[j + 1]?.lower === 'to' &&
      tokens[j + 2]?.lower === 'hospital')
  ) {
    const end = word === 'in' ? j + 2 : word.startsWith('hospital') ? j + 1 : j + 3
    return { kind: 'injured', end, direct: false }
  }
  // `were treated for shrapnel wounds`, `escaped with gunshot injuries`: the injured.
  const via = INJURY_VERBS[word]
  if (via !== undefined && (via === '' || tokens[j + 1]?.lower === via)) {
    for (let k = j + (via ? 2 : 1); k <= j + (via ? 4 : 3); k++) {
      if (['wounds', 'injuries', 'burns'].includes(tokens[k]?.lower ?? ''))
        return { kind: 'injured', end: k + 1, direct: false }
    }
  }
  const kind = POST_KIND[word]
  if (!kind) return null
  // `lives` counts only as `20 lives`, not `their lives` after another verb.
  if (word === 'lives' && j !== from) return null
  return { kind, end: j + 1, direct: j === from }
}

function combine(a: FigureMention, b: FigureMention, text: string): FigureMention {
  const part = (m: FigureMention) => (m.min !== null ? m.min : m.vague ? 0 : null)
  const low = part(a) === null || part(b) === null ? null : (part(a) ?? 0) + (part(b) ?? 0)
  const bothVague = a.vague && b.vague
  return {
    ...a,
    min: bothVague || low === 0 ? null : low,
    max: a.max !== null && b.max !== null ? a.max + b.max : null,
    approximate: null,
    vague: bothVague,
    end: b.end,
    text: text.slice(a.start, b.end),
    group: a.group ?? b.group,
    countable: a.countable || b.countable,
  }
}

// `did not kill anyone`, `no one was hurt`, `no casualties were reported`: a zero the source states
// (codebook: 0 only when the source says so). Casualties are both kinds.
const ZEROS: [RegExp, CasualtyKind[]][] = [
  [
    /\b(?:did not|didn['’]t|failed to) kill (?:anyone|anybody)\b|\bno one was killed\b|\bno (?:one|body) died\b|\bno deaths? (?:was|were) reported\b/i,
    ['killed'],
  ],
  [
    /\b(?:did not|didn['’]t) (?:injure|hurt|wound) (?:anyone|anybody)\b|\bno one was (?:hurt|injured|wounded)\b|\bno injuries (?:was|were) reported\b/i,
    ['injured'],
  ],
  [
    /\bno casualties\b|\bno one was (?:killed or (?:hurt|injured|wounded)|hurt or killed)\b|\bcaus(?:ed|ing) no casualties\b/i,
    ['killed', 'injured'],
  ],
]

function statedZeros(sentence: Sentence, found: readonly FigureMention[]): FigureMention[] {
  const zeros: FigureMention[] = []
  for (const [pattern, kinds] of ZEROS) {
    const m = pattern.exec(sentence.text)
    if (!m) continue
    for (const kind of kinds) {
      if (found.some((f) => f.kind === kind) || zeros.some((z) => z.kind === kind)) continue
      const start = sentence.start + m.index
      zeros.push({
        kind,
        min: 0,
        max: 0,
        approximate: null,
        vague: false,
        start,
        end: start + m[0].length,
        text: m[0],
        group: null,
        head: '',
        countable: false,
        subset: false,
        sentence: sentence.index,
      })
    }
  }
  return zeros
}

// All casualty figures of one sentence, in order. `text` is the whole text the sentence is from.
// `context` (the paragraph, by default the sentence) says whether worshippers are Shia.
export function findFigureMentions(
  sentence: Sentence,
  text: string,
  context = sentence.text,
): FigureMention[] {
  const tokens = sentence.tokens
  const found: FigureMention[] = []
  let scope: CasualtyKind | null = null
  // A countable singular (`their chief`) counts only right after its verb or after `and` that
  // follows a figure: `..., a hospital official said` is not a casualty.
  let countableAt = -1
  // A countable singular with no verb yet (`A Taliban commander and two of his bodyguards were
  // shot dead`) waits for the figure it is coordinated with.
  let pending: FigureMention | null = null
  let subset = false
  let i = 0
  while (i < tokens.length) {
    const token = tokens[i] as Token
    if (CLAUSE_BREAKS.has(token.text)) {
      scope = null
      subset = false
      i++
      continue
    }
    if (SUBSET_CUES.includes(token.lower) && found.length > 0) subset = true
    const trigger = activeTriggerAt(tokens, i)
    let counted = parseQuantityAt(tokens, i)
    // `its 5-year-old bid`: an age, not a count.
    const afterNumber = counted
      ? sentence.text.slice(
          (tokens[counted.end - 1] as Token).end - sentence.start,
          (tokens[counted.end - 1] as Token).end - sentence.start + 14,
        )
      : ''
    if (counted && /^[\s-]*years?[\s-]+old\b/i.test(afterNumber)) counted = null
    // `a 5 year old girl`, `the 29-year-old Nuxurkey`: an age, not a count.
    if (
      counted &&
      /^(?:years?|-year-old|year-old)$/.test(tokens[counted.end]?.lower ?? '') &&
      /^(?:old|-old)?$/.test(tokens[counted.end + 1]?.lower ?? 'old')
    )
      counted = null
    if (counted && /-year-old$/.test(tokens[counted.end - 1]?.lower ?? '')) counted = null
    const opensClause = i === 0 || ['-', '—', '–'].includes(tokens[i - 1]?.text ?? '')
    const single =
      counted || trigger || (i !== countableAt && !opensClause) ? null : readCountable(tokens, i)
    const quantity = counted ?? single
    if (!quantity) {
      if (trigger) {
        scope = trigger.kind
        countableAt = trigger.end
        // `killing her and a soldier`, `killed himself and two guards`: the bomber is not counted.
        if (
          ['himself', 'herself', 'themselves', 'her', 'him'].includes(
            tokens[trigger.end]?.lower ?? '',
          ) &&
          tokens[trigger.end + 1]?.lower === 'and'
        )
          countableAt = trigger.end + 2
        subset = false
        i = countableAt
      } else i++
      continue
    }
    const phrase = single !== null
    // `and two more succumbed`, `another three`: more of the figure before (added to it).
    const more = !phrase && tokens[quantity.end]?.lower === 'more'
    const additional = more || quantity.qualifier === 'another'
    let noun = phrase
      ? { head: quantity.end - 1 }
      : more
        ? (readNounPhrase(tokens, quantity.end + 1) ?? { head: quantity.end })
        : readNounPhrase(tokens, quantity.end)
    if (!noun && !phrase) {
      const unknown = readUnknownPeopleNoun(tokens, quantity.end)
      if (unknown && (scope !== null || readPostKind(tokens, unknown.head + 1))) noun = unknown
    }
    let end = noun ? noun.head + 1 : quantity.end
    const post = readPostKind(tokens, end)
    if (!noun && !post) {
      const next = tokens[quantity.end]
      if (
        isWord(next) &&
        next &&
        !FOLLOWERS.has(next.lower) &&
        !activeTriggerAt(tokens, quantity.end)
      ) {
        i = quantity.end
        continue
      }
    }
    // `Four U.N. peacekeepers and a Malian soldier were killed`: a counted subject waits, like a
    // countable one, for the figure it is coordinated with and that one's verb.
    const coordinatedSubject =
      !phrase && noun !== null && !post && !scope && tokens[end]?.lower === 'and'
    const kind =
      post?.kind ??
      scope ??
      ((phrase || coordinatedSubject) && tokens[end]?.lower === 'and' ? 'killed' : null)
    if (!kind) {
      i = quantity.end
      continue
    }
    const waiting = !post && !scope
    if (post && post.direct && !noun && NOUN_KINDS.has(tokens[post.end - 1]?.lower ?? ''))
      end = post.end
    const first = tokens[quantity.start] as Token
    const last = tokens[end - 1] as Token
    const headToken = noun ? tokens[noun.head] : post?.direct ? tokens[post.end - 1] : undefined
    const words = text.slice(first.start, last.end)
    const mention: FigureMention = {
      kind,
      min: quantity.min,
      max: quantity.max,
      approximate: quantity.approximate,
      vague: quantity.vague,
      start: first.start,
      end: last.end,
      text: words,
      group: noun ? groupOfNounPhrase(words, headToken?.lower ?? '', context) : null,
      head: headToken?.lower ?? '',
      countable: phrase,
      subset,
      sentence: sentence.index,
    }
    if (waiting) {
      pending = mention
      countableAt = end + 1
      i = end + 1
      continue
    }
    if (pending) {
      const joined = tokens.filter((t) => t.start >= (pending?.end ?? 0) && t.end <= mention.start)
      if (joined.length === 1 && joined[0]?.lower === 'and') {
        found.push(combine({ ...pending, kind: mention.kind }, mention, text))
        pending = null
        i = post ? post.end : end
        continue
      }
      pending = null
    }
    const previous = found.at(-1)
    const between = previous
      ? tokens.filter((t) => t.start >= previous.end && t.end <= mention.start)
      : []
    const coordinated =
      previous !== undefined &&
      previous.kind === mention.kind &&
      previous.subset === mention.subset &&
      between.length === 1 &&
      between[0]?.lower === 'and' &&
      mention.head !== 'others' &&
      (mention.group === null || mention.group === previous.group)
    let sameKind = found.length - 1
    while (sameKind >= 0 && (found[sameKind]?.kind !== mention.kind || found[sameKind]?.subset))
      sameKind--
    const added = additional && !mention.subset && sameKind >= 0
    if (added) found[sameKind] = combine(found[sameKind] as FigureMention, mention, text)
    else if (coordinated && previous) found[found.length - 1] = combine(previous, mention, text)
    else found.push(mention)
    const after = post ? post.end : end
    if (tokens[after]?.lower === 'and') countableAt = after + 1
    if (post && !post.direct) scope = null
    i = post ? post.end : end
  }
  return [...found, ...statedZeros(sentence, found)]
}
