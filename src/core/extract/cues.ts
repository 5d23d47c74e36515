// Cue words that tell how a sentence's figures relate to incidents: an aggregate over time or
// over many attacks, a new incident, one already reported (`The attack ...`, `The death toll rose
// to 15`), a claim of responsibility, or no attack at all (a disaster, an accident).

const STRONG_AGGREGATE =
  /\bsince\b|\bthroughout\b|\bover the (?:past|last) (?:\w+ )?(?:years?|months|decades?)\b|\bso far\b|\bto date\b|\bin total\b|\baltogether\b|\bcumulative\b|\bin recent years\b|\b(?:(?:19|20)\d\d|this year|last year|this month|last month|January|February|March|April|May|June|July|August|September|October|November|December) alone\b/i
const WEAK_AGGREGATE =
  /\b(?:these|such|those|the) (?:attacks|bombings|operations|incidents|raids|strikes)\b|\bfrequent\b|\bvarious\b|\bnumerous\b|\brepeated\b|\bcampaign\b|\bseries of (?:attacks|operations|raids)\b|\bacross the (?:province|country|region)\b/i
const ANAPHOR =
  /^(?:however,\s*)?["“]?(?:the|this|that) (?:suicide )?(?:attack|blast|bombing|incident|explosion|assault|raid|operation|strike|airstrike|ambush|shooting)\b|^(?:it|they)\b/i
const NEW_INCIDENT =
  /\b(?:another|a separate|a second|a third|a further) (?:\w+ )?(?:attack|bombing|blast|explosion|incident|raid|operation|strike|ambush|shooting)\b|\belsewhere\b|\bseparately\b|\bin a separate\b/i
const REFERS_BACK =
  /^["“]?(?:these|this|the|those) (?:\w+ )?(?:attacks?|bombings?|blasts?|incidents?|killings?|operations?)\b/i
/** A disaster or an accident, not an attack: its dead are not coded (the dataset is of attacks). */
const DISASTER =
  /\b(?:landslides?|mudslides?|floods?|flooding|earthquakes?|avalanches?|storms?|lightning|heavy (?:rain|snow)(?:fall)?|(?:traffic|road|bus|car|truck) (?:accident|crash)e?s?)\b/i
const ATTACK_WORDS =
  /\b(?:attack|attacked|attackers?|bomb|bombs|bombing|bomber|blast|explosion|explosives?|gunmen|gunfire|shooting|shot|rockets?|mortars?|strike|airstrike|raid|ambush|suicide|militants?|grenade|IED)\b/i
const NOT_AN_ATTACK = /\bnot an? (?:attack|act of violence)\b/i
// `The death toll rose to 15`: a later figure for the incident already reported (codebook:
// the later figure replaces the earlier one, and notes keep the earlier words).
const TOLL_UPDATE =
  /\btoll\b(?:\s+[\w’'-]+){0,4}?\s+(?:rose|has risen|had risen|climbed|has climbed|increased|has increased|jumped|grew)\b/i
const CLAIM =
  /\bclaimed (?:responsibility|the (?:\w+ )?(?:attack|bombing|blast|strike|killings?|raid|shooting|assault))\b/i

/** A total over time (`since 2021`, `so far`, `In 2023 alone`): never one incident's figure. */
export function countsOverTime(sentence: string): boolean {
  return STRONG_AGGREGATE.test(sentence)
}

/** A total over several attacks (`these attacks`, `across the province`), unless a date ties it. */
export function countsSeveralAttacks(sentence: string): boolean {
  return WEAK_AGGREGATE.test(sentence)
}

/** Opens with the incident just told (`The attack ...`, `It ...`). */
export function refersToPreviousIncident(sentence: string): boolean {
  return ANAPHOR.test(sentence)
}

/** Says its incident is another one (`Another attack`, `In a separate incident`, `elsewhere`). */
export function startsNewIncident(sentence: string): boolean {
  return NEW_INCIDENT.test(sentence)
}

/** Opens by pointing back at the attacks just told (`These attacks demonstrated ...`). */
export function refersBackToAttacks(sentence: string): boolean {
  return REFERS_BACK.test(sentence)
}

/** Names an attack or its weapons (`bomb`, `gunmen`, `airstrike`). */
export function reportsAttack(sentence: string): boolean {
  return ATTACK_WORDS.test(sentence)
}

/** Says it was not an attack, or tells of a disaster or an accident without an attack. */
export function reportsNoAttack(sentence: string): boolean {
  return NOT_AN_ATTACK.test(sentence) || (DISASTER.test(sentence) && !reportsAttack(sentence))
}

/** Gives a later toll for an incident already reported (`The death toll rose to 15`). */
export function updatesToll(sentence: string): boolean {
  return TOLL_UPDATE.test(sentence)
}

/** Tells of a claim of responsibility (`IS-KP claimed responsibility for the attack`). */
export function claimsResponsibility(sentence: string): boolean {
  return CLAIM.test(sentence)
}
