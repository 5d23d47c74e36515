// The codebook's vocabulary (data/README.md, "Target groups and GTD target types") and the cue
// words that point to it: who was hit, who attacked, and how. Small dictionaries, no model.

import type { Token } from './text'

/** Target-group labels of the codebook, with their GTD target type. */
export const TARGET_TYPES: Readonly<Record<string, string>> = {
  civilians: 'Private Citizens & Property',
  'us service members': 'Military',
  'shia worshippers': 'Religious Figures/Institutions',
  students: 'Educational Institution',
  'taliban security forces': 'Military',
  'is-kp members': 'Terrorists/Non-State Militia',
}

/** The GTD target type of a codebook target group ('' when the label is not in the codebook). */
export function targetTypeOf(group: string): string {
  return TARGET_TYPES[group] ?? ''
}

/** Nouns for people: the head of a casualty figure's noun phrase (`50 worshippers`). */
export const PERSON_NOUNS = new Set(
  (
    'people persons person civilians civilian afghans afghan worshippers worshipers worshipper ' +
    'students student pupils children child schoolchildren schoolgirls schoolboys women woman men ' +
    'man girls girl boys boy teachers teacher marines marine soldiers soldier troops servicemen ' +
    'members member personnel fighters fighter militants militant insurgents insurgent commanders ' +
    'commander chief leader leaders associates associate operatives operative guards guard police ' +
    'policemen policeman officers officer officials official passengers passenger residents ' +
    'villagers bystanders shoppers pilgrims mourners journalists journalist others individuals ' +
    'victims worker workers staff employees relatives family guests patients farmers ' +
    'labourers laborers miners passers-by passersby bodyguards bodyguard employees employee ' +
    'them prisoners detainees travellers travelers mujahideen mujahidin mujahids ' +
    'peacekeepers peacekeeper troopers trooper sailors sailor airmen hostages hostage protesters ' +
    'protestors demonstrators christians muslims shiites shias sunnis hazaras sikhs hindus ' +
    'congregants parishioners worshipers worshiper tourists foreigners nationals contractors ' +
    'policewomen policewoman gendarmes gendarme paramilitaries rangers militiamen militia ' +
    'iraqis pakistanis somalis syrians egyptians nigerians yemenis kenyans americans malians ' +
    'israelis palestinians kurds iranians indians turks libyans sudanese afghans lankans ' +
    'cameroonians chadians burkinabe nigeriens ethiopians ugandans filipinos bangladeshis ' +
    'lawmakers lawmaker politicians politician judges judge doctors doctor nurses nurse ' +
    'children schoolchildren infants babies daughters sons brothers wives'
  ).split(' '),
)

/** Singular nouns for one countable person: `their chief`, `a guard` (codebook: 1 per person). */
export const SINGULAR_PERSON_NOUNS = new Set(
  (
    'chief commander leader guard policeman officer official soldier marine governor driver ' +
    'cleric imam journalist spokesman child woman man girl boy student teacher civilian ' +
    'worshipper member fighter militant deputy head passer-by bystander elder resident villager ' +
    'passenger worker farmer pilgrim mujahid'
  ).split(' '),
)

/** Generic person nouns: the group comes from the sentence's context, not from the noun. */
const GENERIC_NOUNS = new Set(
  'people persons person others individuals victims them chief leader head deputy associates associate member members man men woman women child children'.split(
    ' ',
  ),
)

const NOUN_GROUPS: [RegExp, string][] = [
  [
    /\b(?:marines?|service ?members?|servicemen|(?:us|u\.s|american) (?:soldiers?|troops))\b/,
    'us service members',
  ],
  [
    /\b(?:taliban|security) (?:\w+ )?(?:fighters?|guards?|members?|personnel|forces|soldiers?|officers?|police(?:men)?|officials?|commanders?|vehicles?)\b|\bmujahid(?:een|in|s)?\b/,
    'taliban security forces',
  ],
  [
    /\b(?:is-?kp|iskp|islamic state|daesh)\b|\b(?:militants?|insurgents?|operatives?)\b/,
    'is-kp members',
  ],
  [/\b(?:students?|pupils|schoolchildren|schoolgirls|schoolboys)\b/, 'students'],
  [
    /\b(?:civilians?|afghans?|residents?|villagers?|bystanders?|shoppers?|passengers?|pilgrims?|mourners?|farmers?|workers?|passers?-?by|travell?ers?)\b/,
    'civilians',
  ],
]

// The target group a figure's own noun phrase names (`13 American service members`), or null
// when the noun is generic (`people`, `others`, `their chief`) and the context must decide.
export function groupOfNounPhrase(words: string, head: string, sentence = ''): string | null {
  const lower = words.toLowerCase()
  for (const [pattern, group] of NOUN_GROUPS) if (pattern.test(lower)) return group
  // Worshippers are `shia worshippers` only at a Shia place of worship (codebook); otherwise
  // the codebook has no narrower label for them than civilians.
  if (/\bworship+ers?\b/.test(lower)) {
    return /\b(?:shia|shiite|hazara)\b/i.test(`${words} ${sentence}`)
      ? 'shia worshippers'
      : 'civilians'
  }
  if (GENERIC_NOUNS.has(head)) return null
  return null
}

const CONTEXT_GROUPS: [RegExp, string][] = [
  [
    /\b(?:shia|shiite|hazara|ismaili)\b[^.]*\b(?:mosque|imambargah|shrine|prayers?|worship)|\b(?:mosque|imambargah|shrine)\b[^.]*\b(?:shia|shiite)\b/i,
    'shia worshippers',
  ],
  [
    /\b(?:school|university|college|madrassa|madrasa|education(?:al)? (?:centre|center|institution)|tuition centre|exam)\b/i,
    'students',
  ],
  [
    /\btaliban(?:[’']s)? (?:\w+ )?(?:vehicles?|convoy|checkpoints?|patrols?|fighters|guards|security|forces|personnel|commanders?|officials|police|post|base)\b/i,
    'taliban security forces',
  ],
  // A police post after August 2021 is the Taliban's: codebook, `taliban security forces`
  // (Military, not Police: one label for all Taliban security personnel).
  [
    /\bpolice (?:headquarters|station|post|checkpoint|compound|academy|base|office|patrol|convoy|vehicle|building)s?\b/i,
    'taliban security forces',
  ],
  [
    /\b(?:base|hideouts?|cell|compound|members|fighters|commanders?|militants|operatives)\b (?:of|belonging to) (?:the )?(?:is-?\s?kp|iskp|islamic state)|\b(?:is-?\s?kp|iskp|islamic state)(?:[’']s)? (?:\w+ )?(?:base|hideouts?|cell|compound|fighters|commanders?|militants|operatives|members)\b/i,
    'is-kp members',
  ],
  [
    /\b(?:us|u\.s\.|american) (?:troops|soldiers|forces|service members|marines)\b/i,
    'us service members',
  ],
]

const ATTRIBUTION =
  /\baccording to (?:an? |the )?[\w’'-]+ (?:\w+ )?(?:officials?|spokes(?:man|woman|person)|sources?)\b|\b[\w’'-]+ (?:\w+ )?(?:officials?|spokes(?:man|woman|person)|sources?) (?:said|say|says|told)\b/gi

// The target group a sentence's context gives (a Shia mosque, a school, Taliban vehicles), for a
// figure whose noun does not say who was hit. Falls back to civilians.
export function groupOfContext(sentence: string): { group: string; fromContext: boolean } {
  // Who says it is not who was hit: `Taliban officials said`, `according to a Taliban spokesman`.
  const hit = sentence.replace(ATTRIBUTION, ' ')
  for (const [pattern, group] of CONTEXT_GROUPS) {
    if (pattern.test(hit)) return { group, fromContext: true }
  }
  return { group: 'civilians', fromContext: false }
}

/** Armed actors a report may name, as the codebook writes them. */
const ACTORS: [RegExp, string][] = [
  [/\b(?:islamic state[-–\s]+khorasan(?: province)?|is-?\s?kp|iskp|isis-k|is-k|daesh)\b/i, 'IS-KP'],
  [/\b(?:tehrik|tehreek)-?e-?taliban pakistan\b|\bttp\b|\bpakistani taliban\b/i, 'TTP'],
  [/\bhaqqani network\b/i, 'Haqqani network'],
  [/\bnational resistance front\b|\bnrf\b/i, 'National Resistance Front'],
  [/\bislamic state\b|\bisis\b/i, 'Islamic State'],
  [/\b(?:us|u\.s\.|american) (?:forces|troops|military|drones?|aircraft)\b/i, 'US forces'],
  [
    /\bpakistani (?:military|army|air force|forces|troops|aircraft|jets|drones?)\b|\bpakistan(?:[’']s)? (?:military|army|air force)\b/i,
    'Pakistani military',
  ],
  [
    /\biranian (?:military|army|forces|border guards|troops)\b|\biran(?:[’']s)? (?:military|army)\b/i,
    'Iranian forces',
  ],
  [/\bal[-\s]?shabaa?b\b/i, 'al-Shabab'],
  [/\bboko haram\b/i, 'Boko Haram'],
  [/\bal[-\s]?qai?e?da in the arabian peninsula\b|\baqap\b/i, 'AQAP'],
  [/\bal[-\s]?qai?e?da\b/i, 'al-Qaida'],
  [/\blashkar[-\s]e[-\s]jhangv?i\w*\b/i, 'Lashkar-e-Jhangvi'],
  [/\bjamaat[-\s]ul[-\s]ahrar\b/i, 'Jamaat-ul-Ahrar'],
  [/\bhouthis?\b/i, 'Houthis'],
  [/\bspecial forces\b/i, 'Special Forces'],
  [/\btaliban\b/i, 'Taliban'],
  [/\bgunmen\b|\bunidentified attackers\b/i, 'Unknown'],
]

/** A named actor found in a sentence, with its position. */
export interface ActorMention {
  name: string
  index: number
  end: number
  /** The actor is written as the one who acted (`by IS-KP`, `IS-KP carried out`, `IS-KP has`). */
  asPerpetrator: boolean
  /** The actor is the subject of its clause (at the start, or after an opening date phrase). */
  asSubject: boolean
}

/** Auxiliaries of the passive: `were killed` names the victims, not the attackers. */
const PASSIVE = '(?:was|were|is|are|been|being|be)\\b'
const ACTING_VERBS =
  '(?:carried out|claimed|targeted|attacked|launched|killed|detonated|stormed|raided|ambushed|fired|struck|bombed|conducted|shot|executed|continued|continues|used|set off|opened fire|seized|captured|hit)'
/** A verb of attack within two words after the actor (`IS-KP carried out`, `IS-KP has also targeted`). */
const ACTING_AFTER = new RegExp(`^\\s*(?:(?!${PASSIVE})\\w+\\s+){0,2}?${ACTING_VERBS}\\b`, 'i')
/** The same further on, for an actor that opens its clause (`A US drone strike in Paktika killed`). */
const ACTING_LATER = new RegExp(
  `^\\s*(?:(?!${PASSIVE})[\\w’'-]+,?\\s+){0,7}?${ACTING_VERBS}\\b`,
  'i',
)
/** Nouns an actor's name modifies when it names the victims or a thing (`Taliban vehicles`). */
const MODIFIED_NOUN =
  /^(?:[’']s)?\s+(?:special forces\s+)?(?:vehicles?|convoys?|fighters|guards|members|security|forces|base|hideouts?|commanders?|officials?|personnel|checkpoints?|cell|leaders?|government|intelligence|takeover|regime|soldiers|troops|police(?:men)?|officers|patrols?|spokesman|authorities|militants|operatives|drones?|strike)\b/i

/** Nouns for the attacker that an actor's name may modify (`an IS-KP suicide bomber`). */
const ATTACKER_NOUN =
  /^(?:[’']s)?\s+(?:suicide\s+)?(?:bombers?|gunm[ae]n|attackers?|assailants?)\b/i

// Every named actor in a sentence, and whether it is written as the perpetrator.
export function findActors(sentence: string): ActorMention[] {
  const found: ActorMention[] = []
  for (const [pattern, name] of ACTORS) {
    const global = new RegExp(pattern.source, 'gi')
    for (const match of sentence.matchAll(global)) {
      const index = match.index ?? 0
      const end = index + match[0].length
      if (found.some((f) => index < f.end && end > f.index)) continue
      const before = sentence.slice(Math.max(0, index - 16), index).toLowerCase()
      const after = sentence.slice(end, end + 80)
      const byActor = /\b(?:by|from)\s+(?:the\s+)?$/.test(before)
      const clauseStart = /(?:^|[,;:“"—–-]\s*)(?:(?:the|a|an)\s+)?$/i.test(sentence.slice(0, index))
      const possessive = /^[’'‘]s/.test(after)
      const noun = MODIFIED_NOUN.exec(after)
      // `IS-KP fighters stormed`: the actor names the attackers when a verb of attack follows.
      const rest = noun ? after.slice(noun[0].length) : after
      // `an IS-KP suicide bomber`, `Taliban gunmen`: the actor names the attacker.
      const attacker = ATTACKER_NOUN.test(after)
      const acting =
        !possessive &&
        (attacker || ACTING_AFTER.test(rest) || (clauseStart && ACTING_LATER.test(rest)))
      found.push({
        name,
        index,
        end,
        asPerpetrator: byActor || acting,
        asSubject: clauseStart && !possessive && (noun === null || acting),
      })
    }
  }
  return found.sort((a, b) => a.index - b.index)
}

const ATTACK_TYPES: [RegExp, string][] = [
  [/\bsuicide (?:bombings?|bombers?|blasts?)\b/i, 'suicide bombing'],
  [/\bsuicide attacks?\b/i, 'suicide attack'],
  [/\bintelligence-based operation\b/i, 'intelligence-based operation'],
  [/\b(?:car|truck|vehicle)[- ]bomb(?:ing)?s?\b/i, 'car bombing'],
  [/\broadside bomb(?:ing)?s?\b/i, 'roadside bombing'],
  [/\b(?:drone|air) ?strikes?\b|\b(?:aircraft|warplanes?|jets) (?:struck|bombed)\b/i, 'airstrike'],
  [/\brocket attacks?\b|\brockets?\b/i, 'rocket attack'],
  [/\bmortars?\b/i, 'mortar attack'],
  [/\bambush(?:ed)?\b/i, 'ambush'],
  [/\bgunmen\b|\bopened fire\b|\bshooting\b|\bgunfire\b/i, 'armed assault'],
  [/\bbomb(?:ing)?s?\b|\bdetonated\b|\bexplosives?\b|\bgrenades?\b/i, 'bombing'],
  [/\b(?:blasts?|explosions?)\b/i, 'explosion'],
  [/\braids?\b/i, 'raid'],
  [/\b(?:military|security) operation\b/i, 'operation'],
]

/** The attack type the sentence's words give, or `Unknown` (`attack` alone gives no method). */
export function attackTypeOf(sentence: string): string {
  for (const [pattern, label] of ATTACK_TYPES) if (pattern.test(sentence)) return label
  return 'Unknown'
}

/** Is this token a word (not a number or punctuation)? */
export function isWord(token: Token | undefined): boolean {
  return token !== undefined && /^[A-Za-z\u00C0-\u024F]/.test(token.text)
}
