// Cue words that tell how a sentence's figures relate to incidents: a total over time or over
// many attacks, a new incident, one already reported (`The attack ...`, `The death toll rose to
// 15`), a claim of responsibility, or no attack at all (a disaster, an accident).

const CUES = {
  /** A total over time (`since 2021`, `so far`, `In 2023 alone`): never one incident's figure. */
  totalOverTime:
    /\bsince\b|\bthroughout\b|\bover the (?:past|last) (?:\w+ )?(?:years?|months|decades?)\b|\bso far\b|\bto date\b|\bin total\b|\baltogether\b|\bcumulative\b|\bin recent (?:years|months|weeks|days)\b|\b(?:(?:19|20)\d\d|this year|last year|this month|last month|January|February|March|April|May|June|July|August|September|October|November|December) alone\b/i,
  /** A total over several attacks (`these attacks`, `across the province`), unless a date ties it. */
  totalOverAttacks:
    /\b(?:these|such|those|the) (?:attacks|bombings|operations|incidents|raids|strikes)\b|\bfrequent\b|\bvarious\b|\bnumerous\b|\brepeated\b|\b(?:bombing|military|terror|insurgent|violent|suicide) campaign\b|\bcampaign of\b|\b(?:series|wave|spate|string) of (?:\w+ ){0,2}(?:attacks|operations|raids|bombings|blasts|explosions|assaults|shootings)\b|\bacross (?:the )?(?:province|country|region|city|[A-Z][a-z]+)\b|\b(?:three|four|five|six|several|multiple|\d+) (?:separate|coordinated|simultaneous|different) (?:\w+ )?(?:attacks|bombings|blasts|explosions|incidents|assaults|shootings)\b/i,
  /** Opens with the incident just told (`The attack ...`, `It ...`). */
  previousIncident:
    /^(?:however,\s*)?["“]?(?:the|this|that) (?:suicide )?(?:attack|blast|bombing|incident|explosion|assault|raid|operation|strike|airstrike|ambush|shooting)\b|^(?:it|they)\b|^(?:[\w’'`-]+\s+){0,4}?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day[’'`]s|the|that) (?:suicide |car |roadside |bomb |deadly )?(?:attack|blast|bombing|explosion|assault|raid|strike|airstrike|ambush|shooting)\b(?! (?:on|in|at) (?:a|an)\b)/i,
  /** Says its incident is another one (`Another attack`, `In a separate incident`, `elsewhere`). */
  newIncident:
    /\b(?:another|a separate|a second|a third|a further) (?:\w+ )?(?:attack|bombing|blast|explosion|incident|raid|operation|strike|ambush|shooting)\b|\belsewhere\b|\bseparately\b|\bin a separate\b/i,
  /** Opens by pointing back at the attacks just told (`These attacks demonstrated ...`). */
  refersBack:
    /^["“]?(?:these|this|the|those) (?:\w+ )?(?:attacks?|bombings?|blasts?|incidents?|killings?|operations?)\b/i,
  /** A disaster or an accident, not an attack: its dead are not coded (the dataset is of attacks). */
  disaster:
    /\b(?:landslides?|mudslides?|floods?|flooding|earthquakes?|avalanches?|storms?|lightning|heavy (?:rain|snow)(?:fall)?|(?:traffic|road|bus|car|truck) (?:accident|crash)e?s?)\b/i,
  /** Names an attack or its weapons (`bomb`, `gunmen`, `airstrike`). */
  attack:
    /\b(?:attack|attacked|attackers?|bomb|bombs|bombing|bomber|blast|explosion|explosives?|gunmen|gunfire|shooting|shot|rockets?|mortars?|strike|airstrike|raid|ambush|suicide|militants?|grenade|IED)\b/i,
  /** Says it was not an attack: also clashes of protesters with the police. */
  notAnAttack:
    /\bnot an? (?:attack|act of violence)\b|\bclashes between (?:protesters|demonstrators)\b|\b(?:protesters|demonstrators) (?:and|clashed with) (?:security forces|police)\b/i,
  // `The death toll rose to 15`: a later figure for the incident already reported (codebook:
  // the later figure replaces the earlier one, and notes keep the earlier words).
  tollUpdate:
    /\btoll\b(?:\s+[\w’'-]+){0,4}?\s+(?:rose|has risen|had risen|climbed|has climbed|increased|has increased|jumped|grew)\b/i,
  /** Tells of a claim of responsibility (`IS-KP claimed responsibility for the attack`). */
  claim:
    /\bclaimed (?:responsibility|the (?:\w+ )?(?:attack|bombing|blast|strike|killings?|raid|shooting|assault))\b/i,
} as const

/** A kind of cue a sentence may carry. */
export type Cue = keyof typeof CUES

/** Whether the sentence carries the cue. */
export function hasCue(sentence: string, cue: Cue): boolean {
  return CUES[cue].test(sentence)
}

/** Says it was not an attack, or tells of a disaster or an accident without an attack. */
export function reportsNoAttack(sentence: string): boolean {
  return (
    hasCue(sentence, 'notAnAttack') || (hasCue(sentence, 'disaster') && !hasCue(sentence, 'attack'))
  )
}
