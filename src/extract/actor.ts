// The actor of a practice: a policy that explains what OTHER companies do ("At other search engines,
// your search terms are sent to that site", "AOL famously released search terms for research
// purposes") is not disclosing the service's own practice. Such sentences credit no data category,
// purpose or recipient (nothing positive, and no invented negative either).
//
// Texts here are the lower-cased mask of a sentence (`t`), plus the raw slice for capitalised names.

import { eager } from './native-regexp.js';

/** A class of other parties: "other search engines", "many sites", "most companies", "those other sites". */
const PARTY_NOUN = String.raw`(?:search engines?|(?:web ?)?sites?|websites?|companies|services|providers|businesses|apps|online services|internet companies)`;
const OTHER_QUAL = String.raw`(?:other(?! than)|many|most|some(?= (?:other |web ?)?(?:sites|websites|search engines))|those other|these other|the major|the big|major)`;
// not inside a list of parties ("advertisers or other companies", "apps, other online services"): a class of recipients
// nor a comparison that the service does the same ("like many other web sites, we use log files"),
// nor the object of a preposition ("ads presented on other websites")
export const OTHER_PARTY_RE = eager(new RegExp(String.raw`(?<!(?:\bor|\band|&|,|\blike|\bas|\bunlike|\bon|\bin|\bto|\bfrom|\bwith|\bfor|\bof|\binto|\bacross|\bvia|\bthrough)\s+(?:(?:many|most|some|the|all)\s+)?)\b${OTHER_QUAL}\s+(?:(?:other|major|popular|free|big|large|commercial)\s+)?${PARTY_NOUN}\b`));
/** "At other search engines, ..." / "On many sites, ...": a sentence framed as being about others. */
const AT_OTHERS_RE = new RegExp(String.raw`^(?:[a-z]+,?\s+){0,2}?(?:at|on)\s+${OTHER_QUAL}\s+(?:(?:other|major|popular)\s+)?${PARTY_NOUN}\b`);
/** The service as actor (or the place of the practice): we, our site, this site. */
const OWN_RE = /\b(?:we|us|our|ours|i)\b|\b(?:operated|owned|run) by\b|\bthis (?:web ?site|site|service|app|application|page)\b/;
/** Pronoun / demonstrative subjects that refer back to parties named before. */
const ANAPHOR_SUBJECT_RE = /\bthey\b[^.;:,]{0,25}$/;
/** "... is done automatically by many web sites": other parties as the passive agent. */
const BY_OTHERS_RE = new RegExp(String.raw`\b(?:done|collected|used|gathered|stored|saved|shared|sold|tracked|recorded|logged)\s+(?:[a-z]+ly\s+)?by\s+${OTHER_QUAL}\s+${PARTY_NOUN}\b`);
/** The bare plural "search engines" as subject: a search engine's policy speaking of its peers. */
const SEARCH_ENGINES_SUBJECT_RE = /^(?:[a-z]+,?\s+){0,3}?(?:people at )?search engines\b/;
/** Words that start a sentence with a capital but name no company. */
const NOT_A_NAME = /^(?:We|You|Your|Our|This|These|Those|That|It|They|There|The|A|An|If|When|In|On|At|For|By|As|All|Any|Some|Most|Many|Other|Also|However|Usually|Often|Sometimes|Please|Each|No|None|Information|Data|Personal|Cookies?|Third|Such|Where|While|After|Before|Once|Unless|Although|Because|To|With|From|Under|Upon|Users?|Visitors?|Customers?|Members?)$/;

/**
 * The user as the subject of a verb: "you", "users", "members of the forum", "subscribers". One
 * definition for the recipient frames (recipients.ts) and the disclosure rules (index.ts), so that a
 * disclosure the user makes ("you may share ...", "subscribers can send ...") is read alike in both.
 * (rights.ts keeps its own, wider list: there the user is the one who acts, so "parents" and
 * "residents" are users too; here a noun that is often the data's subject, not its discloser, is left out.)
 */
export const USER_NOUN = String.raw`(?:users?|members?|visitors?|customers?|subscribers?|account ?holders?|registrants?|participants?)`;
export const USER_SUBJECT = String.raw`\b(?:you|${USER_NOUN}(?: of (?:[a-z-]+ ){0,3}?[a-z-]+)?)`;

export interface ActorInput {
  /** lower-cased mask of the sentence */
  t: string;
  /** the raw source text of the sentence */
  raw: string;
  /** start of the first practice verb in the sentence, or -1 */
  firstVerb: number;
  /** the controller's name, if known */
  controller?: string;
  /** how often a name occurs in the whole policy (the controller's own name recurs) */
  nameCount: (name: string) => number;
  /** the paragraph (block) opens by framing itself as about other parties */
  blockFramed: boolean;
  /** an earlier sentence of this paragraph was about other parties (antecedents of "they") */
  othersNearby: boolean;
}

/** The name is the service's own: it contains the controller's name or is contained in it. */
export function namesController(name: string, controller?: string): boolean {
  if (!controller) return false;
  const n = name.toLowerCase();
  const c = controller.toLowerCase();
  return n.includes(c) || c.includes(n);
}

/** True when the sentence names the service (or its site) as actor or place. */
export function ownActor(t: string, controller?: string): boolean {
  if (OWN_RE.test(t)) return true;
  const c = controller?.toLowerCase().trim();
  return !!c && c.length >= 3 && t.includes(c);
}

/** The subject (text before the first practice verb) is another party. */
function otherSubject(a: ActorInput): boolean {
  const { t } = a;
  if (AT_OTHERS_RE.test(t) || BY_OTHERS_RE.test(t)) return true;
  if (a.firstVerb < 0) return false;
  const subj = t.slice(0, a.firstVerb);
  if (OTHER_PARTY_RE.test(subj)) return true;
  if (SEARCH_ENGINES_SUBJECT_RE.test(subj.replace(/^[^a-z]+/, ''))) return true;
  if (a.othersNearby && ANAPHOR_SUBJECT_RE.test(subj)) return true;
  // a named company as subject of a past event, right before the verb: "AOL famously released ...";
  // a name that recurs in the policy is the service's own (its controller name is not always found)
  if (a.firstVerb > 0 && /^(?:released|sold|shared|disclosed|leaked|published|gave|handed|collected|tracked|stored|saved)\b/.test(t.slice(a.firstVerb))) {
    const rawSubj = a.raw.slice(0, a.firstVerb).replace(/[*_[\]]/g, '').trim();
    const m = /^([A-Z][A-Za-z0-9&'-]+(?:\.[A-Za-z]+)*(?:\s+[A-Z][A-Za-z0-9&.'-]*){0,3})(?:\s+[a-z]+ly)?(?:\s+(?:has|have|had|once|also))?$/.exec(rawSubj);
    if (m && !NOT_A_NAME.test(m[1]!.split(/\s+/)[0]!) && !/ly$/.test(m[1]!) && a.nameCount(m[1]!) <= 2) {
      // third parties acting on our site (cookies, ads, analytics) stay as they are today
      if (!namesController(m[1]!, a.controller) && !/\b(?:cookies?|beacons?|pixels?|tags?|analytics|advertis\w*|ads)\b/.test(t)) return true;
    }
  }
  return false;
}

/** The first sentence of a paragraph frames it as about others: "At other search engines, ...", "Many sites ...". */
export function framesOthers(t: string, firstVerb: number, controller?: string): boolean {
  if (ownActor(t, controller)) return false;
  if (/^(?:[a-z]+,?\s+){0,2}?(?:at|on|with)\s/.test(t) && AT_OTHERS_RE.test(t.slice(0, 60))) return true;
  const subj = firstVerb >= 0 ? t.slice(0, firstVerb) : t.slice(0, 80);
  return OTHER_PARTY_RE.test(subj) || /^(?:[a-z]+,?\s+){0,2}?search engines\b|\bpeople at (?:other )?search engines\b/.test(subj);
}

/** The sentence's practice is another party's, not the service's. */
export function otherActor(a: ActorInput): boolean {
  if (ownActor(a.t, a.controller)) return false;
  if (otherSubject(a)) return true;
  // an agentless or "you" sentence inside a paragraph framed as about others; not one whose subject
  // is a name the policy keeps using (the service's own name, when the controller was not found)
  if (!a.blockFramed) return false;
  const rawSubj = a.firstVerb >= 0 ? a.raw.slice(0, a.firstVerb) : a.raw;
  return ![...rawSubj.matchAll(/\b[A-Z][A-Za-z0-9&'-]+/g)].some((m) => !NOT_A_NAME.test(m[0]) && a.nameCount(m[0]) > 2);
}
