// Recipient frames: when does a mention of a party ("third parties", "our affiliates", "Google")
// state that data goes to it, or that it collects data? A bare mention ("links to third-party
// sites", "third parties' privacy practices") states nothing. The frames follow the OPP-115 notion
// of a Third Party Sharing/Collection practice: data is shared with / disclosed to / sold to the
// party (transfer), the party collects / receives / uses / has access to data (agent, also in the
// passive "collected by X"), or we engage the party to act for us (engaged: processors). All
// patterns run on the lower-cased mask of one sentence. Written from the annotation scheme and
// general policy grammar; no phrase was taken from the evaluation texts.

import { USER_SUBJECT } from './actor.js';
import { eager } from './native-regexp.js';

export interface ShareVerb {
  start: number;
  end: number;
  negated: boolean;
}

export interface FrameContext {
  /** Sentence text (mask, lower case). */
  t: string;
  /** Share-class verb hits of the sentence, with negation. */
  shares: ShareVerb[];
  /** Offsets of every party mention of the sentence (to see when a party, not we, is the actor). */
  parties?: { start: number; end: number }[];
  /** For a list item: the lead-in's text and its share verbs. */
  lead: string;
  leadShares: ShareVerb[];
  isItem: boolean;
  /** The "item" is a paragraph of an exception run ("... except as follows." then one paragraph per case). */
  paraRun?: boolean;
  sharingSection: boolean;
  /** The sentence opens the first cell of a row of a recipient table ("Categories of recipients | Data | Why"). */
  tableRow?: boolean;
}

export type FrameKind = 'transfer' | 'agent' | 'passive-agent' | 'engaged' | 'lead-in' | 'legal' | 'merger' | 'access' | 'excepted' | 'table-row' | 'label';

export interface Frame {
  kind: FrameKind;
  negated: boolean;
}

/**
 * Words that may stand between a preposition (or verb) and the party it governs: determiners,
 * adjectives, "such as", list commas. A gap holding one of these words is no such glue: it starts
 * another phrase (a relative clause, a purpose, another subject).
 */
const GAP_BREAK =
  eager(/[.;:!?]|\b(?:to|with|among|amongst|within|between|across|for|from|about|on|in|at|by|into|over|through|via|that|which|who|whom|whose|when|where|if|because|so|but|except|unless|we|you|your|us|they|them|it|is|are|was|were|be|been|being|may|will|can|could|would|should|must|might|do|does|did|not|help|order|behalf|regarding|concerning|per|than)\b/);

const gapOk = (gap: string, max = 60) => gap.length <= max && !GAP_BREAK.test(gap.replace(/^\s*(?:that|this|these|those)\s+/, ''));

/** A preposition that introduces the receiving party, with only glue before the mention. */
const PREP_BEFORE = /^[^]*\b(to|with|among(?:st)?|within|between|across)\b([^.;:!?]{0,60})$/;
const SOURCE_BEFORE = /^[^]*\b(from|on behalf of|of)\s+([^.;:!?]{0,60})$/;

/**
 * A coordinated verb that takes "with" itself, right before the preposition: "share news and engage
 * with the public", "send newsletters or communicate with other members". Verbs of contact and
 * cooperation from general usage; none of them moves data by itself.
 */
const COORDINATED_WITH_VERB =
  eager(/\b(?:and|or)\s+(?:to\s+)?(?:also\s+|otherwise\s+|directly\s+)?(?:engag|communicat|interact|connect|work|partner|cooperat|collaborat|deal|consult|chat|talk|meet|correspond|keep in touch|stay in touch|get in touch|engage)\w*\s+(?:directly\s+|closely\s+|together\s+)?$/);

/** A share verb's preposition, a colon, then a list of parties: "with: our affiliates; vendors; and ...". */
const INLINE_LIST_BEFORE = /\b(to|with)\s*:\s*([^.:!?]{0,200})$/;
/** "Recipients (of your data) include / are:" then the parties. */
const RECIPIENTS_ARE_BEFORE = /\brecipients\b[^.;:!?]{0,60}?\b(?:include|includes|may include|are|comprise|consist of)\s*:?\s*((?:[^.:!?](?!\brecipients\b)){0,200})$/;
/** We host the service with, or on, the party: "we host our service on Amazon Web Services", "on Amazon's AWS" (a maker's possessive). */
const HOSTED_ON = /\bhost(?:s|ed|ing)?\b[^.;:]{0,60}?\b(?:on|with|at|by)\s+((?:the\s+|our\s+|its\s+|[a-z0-9.-]+['\u2019]s\s+)?(?:[a-z-]+\s+){0,2})$/;

/** Nouns that take "with" themselves: "agreements with", "in accordance with", "relationship with". */
const NOUN_WITH = /\b(?:agreements?|contracts?|relationships?|partnerships?|accordance|compliance|consistent(?:ly)?|dealings|arrangements?|interactions?|communications?|correspondence|conversations?|accounts?)\s+$/;

/** Adjectives that, with "to", make a party able to see data: "visible to other users". */
const EXPOSED_TO = /\b(?:visible|viewable|available|accessible|displayed|shown|known|open|revealed|disclosed|public)\s*$/;

/**
 * Access to data given to, or limited to, the party: "access to your information is restricted to
 * employees, contractors and vendors who need it", "we limit access to personal data to those
 * service providers". The party is one who holds the data (restricting access to it is no denial).
 */
const ACCESS_TO_BEFORE =
  /\baccess(?:ible)?\b[^.;:]{0,90}?\b(?:(?:is|are|be|been|will be|remains?)\s+)?(?:only\s+|strictly\s+)?(?:limit(?:s|ed)?|restrict(?:s|ed)?|confin(?:e|es|ed)|grant(?:s|ed)?|giv(?:e|es|en)|provid(?:e|es|ed)|open|available)\s+(?:only\s+|solely\s+|exclusively\s+|strictly\s+)?$|\b(?:limit|restrict|confine)(?:s|ed)?\s+(?:all\s+)?access\s+to\s+[^.;:]{0,60}?\s+$/;
/** A denied access: "no access is given to", "is not available to". */
const ACCESS_DENIED = /\b(?:not|never|no)\b[^.;:]{0,30}$/;
/**
 * A party excepted from a denial, past a parenthesis or a relative phrase the preposition frame does
 * not cross: "we do not share it with other companies (apart from those acting as our agents)",
 * "... except to those who act as our agents". The party receives the data.
 */
const EXCEPTED_BEFORE =
  /\b(?:except(?:\s+(?:to|with|for))?|apart from|aside from|other than|besides|excluding|save (?:to|for))\s+(?:(?:to|with)\s+)?(?:(?:those|the ones|ones|companies|parties|entities|organi[sz]ations|businesses|persons|people|firms)\s+)?(?:(?:who|that|which)\s+(?:are\s+|act\s+as\s+|serve\s+as\s+|work\s+as\s+)?|(?:acting|working|serving)\s+as\s+)?(?:(?:our|its|their|the)\s+)?(?:[a-z-]+\s+)?$/;

/** Exception words between a denied transfer and the party: "we do not share ... except with X". */
export const EXCEPTION_BETWEEN = /\b(?:except|unless|other than|apart from|aside from|besides|but only|only|but (?:we )?may|however)\b/;

/** A negation directly before a verb ("do not", "never", "won't"), for verbs found here. */
const NEG_BEFORE = /\b(?:not|never|no longer|n't|cannot)\s+(?:(?:be|been|have|has|also|ever|currently|directly|knowingly|otherwise|any|further|generally|in any way|actively)\s+)*$|n't\s+$/;

/** After the party: it acts on data ("advertisers may use cookies", "they receive your IP address"). */
const AGENT_VERBS =
  String.raw`(?:use[sd]?|collect(?:s|ed)?|receiv(?:e|es|ed)|obtain(?:s|ed)?|access(?:es|ed)?|gather(?:s|ed)?|track(?:s|ed)?|record(?:s|ed)?|log(?:s|ged)?|sets?|plac(?:e|es|ed)|serv(?:e|es|ed)|stor(?:e|es|ed)|process(?:es|ed)?|see|sees|view(?:s)?|read(?:s)?|search(?:es)? for|find|have access|has access|(?:be|are|is) (?:given|granted|provided(?: with)?) access|(?:be|are|is) provided (?:with )?|gets?|deploy(?:s)?|undertake(?:s)?|handle(?:s)?|maintain(?:s)?|keep(?:s)?|hold(?:s)?|host(?:s)?|analy[sz]e(?:s)?|combine(?:s)?|link(?:s)?|employ(?:s)?|utili[sz]e(?:s)?|protect(?:s)?|safeguard(?:s)?|treat(?:s)?|may use)`;
const AGENT_MODALS = String.raw`(?:(?:,\s*)?(?:which|that|who)|may|might|will|can|could|would|must|should|shall|(?:are|is) (?:required|permitted|allowed|contractually obligated|obligated) to|agree to|also|then|do|does|did|automatically|sometimes|generally|typically|often|usually|themselves|directly|independently|separately|only|not|never|no longer|n't|to|be able to|are able to|is able to|in turn)`;
const AGENT_AFTER = eager(new RegExp(
  String.raw`^(?:(?:\s+(?!(?:may|might|will|can|could|would|must|should|shall|are|is|agree|also|do|does|did|not|never|to|and|or|that|which|who|we|you|i|they)\b|${AGENT_VERBS}\b)[a-z-]+){0,2}(?:\s*(?:,\s*|\s+)(?:and|or|and\/or)\s+(?:other |our |its |their |any |third[- ]party )?[a-z-]+(?:\s+(?!(?:may|might|will|can|could|would|also|do|does|did|not|never)\b|${AGENT_VERBS}\b)[a-z-]+)?)?(?:\s*\([^)]{0,80}\))?(?:\s*,[^,.;]{0,60},|,?\s+(?:that|who|which)(?:\s+[^,.;]{0,60}?)?(?=\s(?:may|might|will|can|could|also|automatically|have access|has access)\b))?)\s*((?:${AGENT_MODALS}\s+)*)(${AGENT_VERBS})\b`,
));

/** What may precede the party at the start of a list item: "With our affiliates", "Trusted third parties". */
const ITEM_TOPIC = /^[\s\W]*(?:(?:with|to|among)\s+)?(?:(?:the|our|its|their|any|all|some|certain|other|select(?:ed)?|trusted|such|these|those|third[- ]party|outside|external|unaffiliated|non-?affiliated|independent|[a-z]+ed)\s+)*$/;

/** A denied permission, also at the end of a coordination: "we will not sell, rent or authorize any". */
const PERMIT_DENIED = /(?:\b(?:not|never|no longer|cannot)\b|n't)\s+(?:(?!(?:but|however|although|except|unless|while|then)\b)[a-z]+(?:,\s*|\s+(?:or|and|nor)\s+|\s+)){0,6}$/;

/** Sentences about a security risk: "data may be intercepted by a third party" is no recipient. */
const SECURITY_RISK = /\b(?:unauthori[sz]ed|intercept\w*|tamper\w*|hack\w*|breach\w*|malicious|in transit)\b/;

/** A giving verb with the party as its first object: "provide third parties with ...". */
const INDIRECT_OBJECT = /\b(provid(?:e|es|ed|ing)|suppl(?:y|ies|ied|ying)|furnish(?:es|ed|ing)?|giv(?:e|es|en|ing)|grant(?:s|ed|ing)?)\s+([^.;:!?]{0,40})$/;

/** Data (or a pronoun for it) as the object of the agent's verb. */
const DATA_NOUN =
  eager(/\b(?:information|info|data|details|cookies?|beacons?|pixels?|tags?|gifs?|technolog(?:y|ies)|identifiers?|ids?|addresse?s?|numbers?|profiles?|content|posts?|postings|photos?|pictures|videos?|messages?|comments?|names?|activit(?:y|ies)|history|behaviou?r|visits?|usage|location|records?|files?|lists?|preferences|interests|searches|queries)\b/);
/** The same, or a pronoun standing for it ("they may use it"). */
const DATA_OBJECT = new RegExp(`${DATA_NOUN.source}|\\b(?:it|them|this|such)\\b`);

/** A relative clause with no pronoun after a party, its subject the user or us and its verb no modal: " you interact with". */
const ZERO_RELATIVE = /^\s(?:you|we)\s+(?!(?:may|might|will|can|could|would|must|should|shall|also|do|does|did|are|is|have|has|then|never|not|only|cannot)\b)[a-z]+\b/;

/** Passive agent: "collected by third parties", "searchable by other users". */
const PASSIVE_BY =
  /\b(?:collected|received|obtained|used|accessed|seen|viewed|read|tracked|set|placed|served|gathered|processed|stored|searchable|viewable|visible|accessible|recorded|logged|maintained|hosted|combined|analy[sz]ed)\b([^.;]{0,40}?)\bby\s+([^.;:!?]{0,40})$/;

/** We engage the party: "we use service providers", "we retain the services of contractors". */
const ENGAGED_BEFORE =
  /\b(use[sd]?|using|employ(?:s|ed|ing)?|engag(?:e|es|ed|ing)|hir(?:e|es|ed|ing)|retain(?:s|ed|ing)? the services of|us(?:e|es|ed|ing) the services of|contract(?:s|ed|ing)? with|work(?:s|ed|ing)? (?:closely )?with|partner(?:s|ed|ing)? with|rel(?:y|ies|ied) (?:up)?on|utili[sz](?:e|es|ed|ing)|authori[sz](?:e|es|ed)|allow(?:s|ed)?|permit(?:s|ted)?|enabl(?:e|es|ed)|ask(?:s|ed)?|instruct(?:s|ed)?|require(?:s|d)?)\s+([^.;:!?]{0,50})$/;

/** What an engaged party is engaged for: acting for us, or on data. */
const ENGAGED_FOR =
  /^[^.;]{0,80}?\b(?:to|who|which|that|for|in order to)\b[^.;]{0,40}?\b(?:help|assist|perform|provide|process|host|serve|deliver|operate|support|conduct|manage|analy[sz]e|measure|understand|monitor|improve|optimi[sz]e|test|collect|send|track|display|place|set|run|administer|handle|fulfil|ship|maintain|store|act|carry out|complete|on (?:our|its|their) behalf|on behalf of)/;

const AUTHORITY_CONTEXT = /\b(?:law|legal(?:ly)?|court|subpoena|warrant|regulat\w*|government\w*|police|law enforcement|authorit(?:y|ies)|required|requests?|investigat\w*|comply|compliance)\b/;
const MERGER_CONTEXT = /\b(?:merger|merge[sd]?|acqui\w+|sale of|sold|sell|bankrupt\w*|reorgani[sz]\w*|transfer of (?:assets|business|ownership)|successor|business transfer|change (?:of|in) (?:control|ownership)|divest\w*|purchas\w+)\b/;

/**
 * "provide ... to" and "send ... to" are share verbs only when "to" governs a party: "provided to
 * follow up with users" is a purpose. The common verbs of purpose clauses, from general usage.
 */
const INFINITIVE = eager(/^\s*(?:help|provide|improve|follow|make|ensure|enable|allow|deliver|support|process|complete|respond|send|contact|use|create|offer|keep|maintain|operate|perform|assist|facilitate|better|understand|personali[sz]e|customi[sz]e|fulfil+|protect|prevent|comply|administer|register|verify|access|participate|receive|be|have|do|get|find|learn|see|identify|determine|serve|show|display|tailor|measure|analy[sz]e|conduct|manage|run|bill|ship|notify|inform|communicate|answer|request|purchase|order|track|collect|evaluate|develop|enhance|investigate|detect|resolve|establish|carry|obtain|confirm|authenticate|enforce|defend|exercise|enter|redeem|take|give|share|contribute|submit|post|upload|sign|log|set|store|retain|link)\b/);

const ACTOR_GLUE = String.raw`(?:\s*\([^)]{0,60}\))?\s*(?:,\s*)?(?:(?:may|might|will|can|could|would|should|also|then|in turn|themselves|itself|do|does|did|sometimes|often|usually|frequently|not|never|to|choose to|want to|wish to|decide to|elect to|agree to|separately|voluntarily|ever|directly|independently)\s+)*$`;
/** The user is the subject of the verb that follows: "you may want to share", "that you transmit". */
const USER_ACTOR = new RegExp(USER_SUBJECT + ACTOR_GLUE);
const GLUE_RE = new RegExp('^' + ACTOR_GLUE);
/** The user right before a verb, with at most one word between ("you also engage ..."). */
const USER_BEFORE_VERB = new RegExp(USER_SUBJECT + String.raw`\s+(?:\w+\s+)?$`);
/** A party mention is the subject of the verb at `pos`: "Google uses ...", "partners may share ...". */
function actorParty(ctx: FrameContext, pos: number): boolean {
  // "we and our partners share", "we, or our service providers, may disclose", "Acme and its
  // advertisers may use": we act too
  const withUs = (p: { start: number }) => /(?:\b(?:we|us)\s*,?\s*(?:and|or|and\/or)\s*,?\s*|\b(?:and|or)\s+its\s+)(?:(?:our|its|their|the|other)\s+)?(?:[a-z-]+\s+){0,2}$/.test(ctx.t.slice(Math.max(0, p.start - 50), p.start));
  return (ctx.parties ?? []).some((p) => p.end <= pos && pos - p.end <= 80 && GLUE_RE.test(ctx.t.slice(p.end, pos)) && !withUs(p));
}

/** "engage with the public / our users": to interact with people, not to engage a party for us. */
const ENGAGE_WITH_PEOPLE =
  /^\s*(?:directly\s+|actively\s+)?with\s+(?:(?:the|our|its|other|your|their)\s+)*(?:general\s+)?(?:public|you|users?|visitors?|customers?|community|communities|people|others|members?|audiences?|fans|followers|citizens|readers|viewers)\b/;
/**
 * Drop share hits whose "to" starts a purpose clause, and "engage with" people ("engage with the
 * public"), which is talking to them, not engaging a party the way "engage a contractor" is.
 */
export function partyShares(t: string, hits: ShareVerb[]): ShareVerb[] {
  return hits.filter((v) => !(/\bto$/.test(t.slice(v.start, v.end)) && INFINITIVE.test(t.slice(v.end))) && !(/^engag/.test(t.slice(v.start, v.end)) && ENGAGE_WITH_PEOPLE.test(t.slice(v.end))));
}

/**
 * A label before a colon at the start of a list item or paragraph ("Service Providers: We share ...",
 * "Abuse and Fraud Prevention Entities: We may disclose ..."): the colon's offset when the mention
 * ending at `end` lies in it (a few words, no verb), else 0.
 */
export function labelOf(t: string, end: number): number {
  const colon = t.indexOf(':');
  if (colon < 0 || colon > 80 || end > colon) return 0;
  return /^[\s\W]*(?:[a-z&/'-]+,?\s+){0,7}[a-z&/'-]+\s*$/.test(t.slice(0, colon)) && !/\b(?:we|you|is|are|may|will|can|do|does)\b/.test(t.slice(0, colon)) ? colon : 0;
}
/** A verb that gives data away, for the sentence after a label. */
const LABEL_DISCLOSING = /^(?:shar|disclos|provid|giv|transfer|transmit|sen[dt]|releas|report|exchang|pass|distribut|rent|sell|sold|trad|leas|suppl|furnish|reveal|mak|made)/;
/** A sentence about where data comes from: "we may receive information about you from ...". */
export const LABEL_SOURCE = /\b(?:receiv|obtain|collect|get|gets|got|gather|acquir|purchas|buy|import)\w*\b[^.;]{0,100}\bfrom\b|\bsources?\b/;

/** The share verbs after the label at `lab` that give data away. */
export function labelVerbs(t: string, lab: number, shares: ShareVerb[]): ShareVerb[] {
  return shares.filter((v) => v.start > lab && LABEL_DISCLOSING.test(t.slice(v.start, v.end)));
}

/**
 * Whether the sentence after a label gives data to the label's party: it has verbs of giving
 * (labelVerbs), names no party of its own after the label, and the giver is not the user. One
 * reading for a label the lexicon knows (recipientFrame) and one it does not (src/extract/index.ts).
 */
export function labelGives(t: string, lab: number, own: ShareVerb[], parties: { start: number }[]): boolean {
  return own.length > 0 && !parties.some((p) => p.start > lab) && !USER_ACTOR.test(t.slice(Math.max(0, own[0]!.start - 80), own[0]!.start));
}

/** The title of a case in a paragraph run: a few words alone ("Service providers.", "With your consent."). */
const caseTitle = (t: string) => /^[\s\W]*(?:[a-z-]+\s*){1,6}[.:]?\s*$/.test(t);

function lastShareBefore(shares: ShareVerb[], pos: number): ShareVerb | undefined {
  let best: ShareVerb | undefined;
  for (const v of shares) if (v.start < pos && (!best || v.start > best.start)) best = v;
  return best;
}

/** The frame that makes the mention [start, end) a recipient, or null for a bare mention. */
export function recipientFrame(ctx: FrameContext, start: number, end: number, id: string): Frame | null {
  const { t } = ctx;
  const before = t.slice(Math.max(0, start - 260), start);
  const after = t.slice(end, end + 160);
  // 0. a party excepted from a denial, past a parenthesis: "(apart from those acting as our agents)"
  const exc = EXCEPTED_BEFORE.exec(before);
  if (exc && id !== 'public' && id !== 'other_users') {
    const excAbs = start - exc[0].length;
    const v = lastShareBefore(ctx.shares, excAbs + 1);
    if (v && v.negated && v.end <= excAbs && excAbs - v.end <= 200) return { kind: 'excepted', negated: false };
  }

  // not a recipient: a source, someone we act for, someone whose practices are discussed
  const src = SOURCE_BEFORE.exec(before);
  if (src && gapOk(src[2]!) && !/\b(?:any|all|some|each|one|none|either|both|certain|number|group|family|members?|portion|part|those|these|several|many|most|services|help|assistance|support) of\s+[^.;:!?]{0,60}$/.test(before.slice(Math.max(0, before.length - src[2]!.length - src[1]!.length - 14)))) return null;

  // 1. transfer: a share verb, then "to / with" + the party
  const prep = PREP_BEFORE.exec(before);
  // "to" that starts a purpose clause ("to investigate complaints, coordinate law enforcement") governs no party
  if (prep && gapOk(prep[2]!) && !(prep[1] === 'to' && INFINITIVE.test(prep[2]!))) {
    const prepPos = start - prep[2]!.length - prep[1]!.length;
    let v = lastShareBefore(ctx.shares, prepPos + 1);
    // a relative clause set off by commas between the verb and its preposition: in "we share your
    // order, which may include the details you provide, to the store" the "to" belongs to "share"
    // (a share hit may run up to the preposition itself: "provide, to")
    if (v && (/,\s*(?:to|with)$/.test(t.slice(v.start, v.end)) || /^\s*,\s*$/.test(t.slice(v.end, prepPos).replace(/^[^,;:]*/, '')))) {
      const rel = /,\s*(?:which|that|who)\b[^,;:]*$/.exec(t.slice(0, v.start));
      const outer = rel ? lastShareBefore(ctx.shares, rel.index) : undefined;
      if (outer && rel!.index - outer.end <= 120) v = outer;
    }
    // the preposition belongs to the nearest verb: in "share news and engage with the public" the
    // public is whom we engage with, not whom the news goes to
    // a "with" governed by a noun right before it ("our agreements with customers or service
    // providers", "in accordance with", "our relationships with advertisers") is not the verb's
    if (prep[1] === 'with' && NOUN_WITH.test(t.slice(Math.max(0, prepPos - 40), prepPos))) v = undefined;
    if (v && prepPos - v.end <= 220 && !COORDINATED_WITH_VERB.test(t.slice(v.end, prepPos))) {
      // someone else discloses: the user ("information that you transmit to other parties", "you
      // may want to share information with an advertiser"; what users make public stays), or a
      // third party ("the content providers may share this information with the publisher")
      // "we may provide links to third-party sites, such as ...": a link is no data
      if (/\blinks?\b/.test(t.slice(v.start, prepPos)) && !DATA_NOUN.test(t.slice(v.end, prepPos).replace(/\blinks?\b/g, ''))) return null;
      const pre = t.slice(Math.max(0, v.start - 80), v.start);
      if (USER_ACTOR.test(pre) && id !== 'public' && id !== 'other_users') return null;
      // an indirect question states no practice: "by asking whether you are willing to have your
      // information disclosed to an advertiser"
      if (/\bwhether\b(?! or not)[^.;]{0,80}$/.test(t.slice(0, v.start))) return null;
      if (actorParty(ctx, v.start)) return null;
      const between = t.slice(v.end, start);
      const negated = v.negated && !EXCEPTION_BETWEEN.test(between);
      return { kind: 'transfer', negated };
    }
    if (prep[1] === 'to' && EXPOSED_TO.test(t.slice(0, prepPos))) {
      return { kind: 'transfer', negated: NEG_BEFORE.test(t.slice(0, prepPos).replace(EXPOSED_TO, '')) };
    }
    // a list item under "We share information with:" / "in these cases:"
    if (ctx.isItem && ctx.leadShares.length && /(?::|\b(?:with|to|following|circumstances|cases|situations|parties|ways|follows)\.?)\s*$/.test(ctx.lead) && (!ctx.paraRun || caseTitle(t))) {
      const lv = ctx.leadShares[ctx.leadShares.length - 1]!;
      return { kind: 'lead-in', negated: lv.negated && !EXCEPTION_BETWEEN.test(ctx.lead.slice(lv.end) + ' ' + t.slice(0, start)) };
    }
  }

  // 1-. an inline list after a colon: "we share your information with: our affiliates; service
  //     providers; and law enforcement" (items separated by semicolons or commas)
  const inl = INLINE_LIST_BEFORE.exec(before);
  if (inl) {
    const colonAbs = start - inl[2]!.length - 1;
    const item = inl[2]!.split(/[;,]/).pop()!.replace(/^\s*(?:and|or|and\/or)\s+/, '');
    const v = lastShareBefore(ctx.shares, colonAbs);
    if (v && colonAbs - v.end <= 120 && gapOk(item) && !actorParty(ctx, v.start) && !USER_ACTOR.test(t.slice(Math.max(0, v.start - 80), v.start))) {
      return { kind: 'transfer', negated: v.negated && !EXCEPTION_BETWEEN.test(t.slice(v.end, start)) };
    }
  }

  // 1+. the recipients named as such: "recipients of your data include our hosting provider and our
  //     accountants", "the recipients of your personal data are: ..."
  const rin = RECIPIENTS_ARE_BEFORE.exec(before);
  if (rin) {
    const item = rin[1]!.split(/[;,]/).pop()!.replace(/^\s*(?:and|or|and\/or)\s+/, '');
    if (gapOk(item) && !/\b(?:not|never|no)\b/.test(rin[0].slice(0, rin[0].length - rin[1]!.length))) return { kind: 'transfer', negated: false };
  }

  // 1a. access given or limited to the party: "access ... is restricted to employees, contractors and vendors"
  const acc = /\bto\s+((?:(?:the|our|its|those|these|such|certain|authori[sz]ed|selected|trusted)\s+)?(?:(?!(?:to|with)\b)[a-z-]+,?\s+(?:and\s+|or\s+)?){0,4})$/.exec(before);
  if (acc && !GAP_BREAK.test(acc[1]!.replace(/\b(?:and|or)\b/g, ''))) {
    const head = before.slice(0, before.length - acc[0].length);
    const am = ACCESS_TO_BEFORE.exec(head);
    if (am && DATA_NOUN.test(head.slice(am.index, am.index + 90) + ' ' + after.slice(0, 60)) && !USER_ACTOR.test(head.slice(Math.max(0, am.index - 60), am.index))) {
      return { kind: 'access', negated: ACCESS_DENIED.test(head.slice(Math.max(0, am.index - 30), am.index + am[0].length).replace(/\bonly\b/g, '')) && !/\bno one\b|\bnobody\b/.test(head) };
    }
  }
  // 1b. the party as the indirect object: "we may provide third parties with limited use of the
  //     information we collect", "we give our partners access to your profile"
  const io = INDIRECT_OBJECT.exec(before);
  if (io && gapOk(io[2]!, 40) && /^\s*(?:\([^)]{0,60}\)\s*)?(?:with\b[^.;]{0,100}|(?:limited |restricted )?access to\b[^.;]{0,60})/.test(after)) {
    const tail = /^\s*(?:\([^)]{0,60}\)\s*)?(?:with|(?:limited |restricted )?access to)\b([^.;]{0,100})/.exec(after)![1]!;
    const verbAt = before.length - io[0].length;
    const pre = before.slice(0, verbAt);
    if (DATA_OBJECT.test(tail) && !USER_ACTOR.test(pre) && !actorParty(ctx, start - io[0].length)) return { kind: 'transfer', negated: NEG_BEFORE.test(pre) || PERMIT_DENIED.test(pre) };
  }

  // 2. the party acts on data: "advertisers may use cookies", "Google's use of the DART cookie"
  // "companies that provide services to us ... may have access to": skip the rest of the relative clause
  // (also a relative clause with no pronoun, its subject "you" or "we": "advertisers you interact with may
  // receive ...", "partners we work with may use ...")
  const relative = /\b(?:that|who|which) [a-z]+$/.test(t.slice(start, end)) || ((after.startsWith(' you ') || after.startsWith(' we ')) && ZERO_RELATIVE.test(after));
  const risk = SECURITY_RISK.test(t);
  const ag = risk ? null : AGENT_AFTER.exec(relative ? after.replace(/^[^,.;]{0,80}?(?=\s(?:may|might|will|can|could|also|have access|has access)\b)/, '') : after);
  // "Google's use of the DART cookie", "their collection of information"
  if (!risk && /^'s?\s+(?:use|collection|access|receipt|processing|tracking) of\b/.test(after) && DATA_OBJECT.test(after.slice(0, 80))) return { kind: 'agent', negated: false };
  // the party's own tracking technology on our site collects for it: "Acme's cookies", "third parties' pixels"
  if (!risk && /^'s?\s+(?:own\s+)?(?:cookies?|pixels?|tags?|web beacons?|beacons?|sdks?|tracking (?:technologies|tools|pixels)|trackers?)\b/.test(after)) return { kind: 'agent', negated: NEG_BEFORE.test(before) || PERMIT_DENIED.test(before) };
  // with no modal, a bare verb right after a coordination may be a noun: "court orders, or legal process"
  const agPrefix = ag ? ag[0].slice(0, ag[0].length - ag[1]!.length - ag[2]!.length) : '';
  // and a verb that is also a noun, after a head noun, is the noun: "Google Play store"
  const bare = ag !== null && !ag[1]!.trim();
  const nounish = bare && /[a-z]/.test(agPrefix) && /^(?:store|stores|process|record|records|logs?|access|sets?|views?|hosts?|keep|keeps|hold|holds|read|reads|find|see|handle|maintain|gets?|deploy|links?)$/.test(ag![2]!);
  if (ag && !nounish && (!bare || !/[(]|\b(?:and|or)\b/.test(agPrefix))) {
    const rest = ag.input.slice(ag[0].length, ag[0].length + 100);
    // a pronoun is the object only right after the verb ("they may use it"), not "such as" or "help it serve"
    const objectOk = DATA_NOUN.test(rest.split(/[.;]/)[0] ?? '') || /^\s*(?:(?:a )?cop(?:y|ies) of\s+)?(?:it|them|this|that|such (?:information|data))\b/.test(rest) || /access|provided/.test(ag[2]!);
    if (objectOk && !/\b(?:link|links|sites?|web ?sites?)\s*$/.test(before)) {
      // "enable third parties to access ...": the verb before the party carries the negation
      const infinitive = /\bto\s*$/.test(ag[1] ?? '') || /\bto\b/.test(ag[1] ?? '');
      // a party in a relative clause ("tools that place cookies") is negated by its main clause: "we do
      // not use third-party tools that place a cookie"
      const relClause = /\b(?:which|that|who)\b/.test(ag[1] ?? '') && /(?:\b(?:not|never|no longer)\b|n't\b)[^.;:,]{0,60}$/.test(before);
      // a party of a "neither ... nor ..." subject is denied the verb: "neither we nor our vendors have access"
      const neither = before.includes('neither') && /\bneither\s+(?:[a-z0-9'.-]+\s+){0,3}$|\bneither\b[^.;:]{0,60}\bnor\s+(?:[a-z0-9'.-]+\s+){0,3}$/.test(before);
      const negated = /\b(?:not|never|no longer)\b|n't\b/.test((ag[1] ?? '') + ' ' + agPrefix) || (infinitive && PERMIT_DENIED.test(before)) || relClause || neither;
      return { kind: 'agent', negated };
    }
  }

  // 3. passive agent: "collected and used by a third party", "searchable by other users"
  // the verb nearest to "by": "served using data collected by third parties" is about the data collected
  let pb = risk ? null : PASSIVE_BY.exec(before);
  for (let guard = 0; pb && guard < 4; guard++) {
    const next = PASSIVE_BY.exec(before.slice(pb.index + 1));
    if (!next) break;
    pb = Object.assign(next, { index: next.index + pb.index + 1 }) as RegExpExecArray;
  }
  if (pb && gapOk(pb[2]!, 40)) {
    const verbAt = before.length - pb[0].length;
    // what is collected / used must be data: "information collected by X", not "features hosted by X"
    const subject = before.slice(0, verbAt).split(/[.;]|\b(?:but|however|although|while)\b/).pop() ?? '';
    // or a pronoun for data named earlier in the sentence: "we do not use flash cookies, but they may be
    // used by embedded third-party players"
    const pronoun = /^\s*,?\s*(?:they|it|these|this|such (?:information|data))\s+(?:[a-z]+\s+){0,3}$/.test(subject) && DATA_NOUN.test(before.slice(0, verbAt - subject.length));
    // (or a payment: "payments are processed by Acme Pay" hands the payment details to it)
    if (DATA_NOUN.test(subject.slice(-120)) || pronoun || /\b(?:payments?|transactions?|orders?|purchases?)\b/.test(subject.slice(-60))) return { kind: 'passive-agent', negated: NEG_BEFORE.test(before.slice(0, verbAt)) };
  }

  // 3b. collected through the party: "we may collect information ... through our advertising service providers"
  const through = /\b(?:collect(?:s|ed|ing)?|gather(?:s|ed|ing)?|obtain(?:s|ed|ing)?|track(?:s|ed|ing)?)\b[^.;]{0,100}?\b(?:through|via)\s+([^.;:!?]{0,40})$/.exec(before);
  // not a tool of the party ("through the Facebook interface") nor data that comes to us through it
  const toolAfter = /^\s*(?:'s\s+)?(?:interface|api|platform|connect|log-?in|sign-?in|feature|account|button|plug-?in|app|application|sdk|widget|integration)s?\b/.test(after);
  if (!risk && through && !toolAfter && gapOk(through[1]!, 40) && !/\bto us\b/.test(through[0]) && !/^\s*(?:the )?(?:use of|links?|sites?|web ?sites?)\b/.test(through[1]!) && DATA_NOUN.test(through[0])) {
    return { kind: 'agent', negated: NEG_BEFORE.test(before.slice(0, before.length - through[0].length)) };
  }

  // 4. engaged: we use / employ / retain the services of the party, to act for us or on data
  const en = ENGAGED_BEFORE.exec(before);
  if (en && gapOk(en[2]!, 50)) {
    const verbAt = before.length - en[0].length;
    const subj = before.slice(Math.max(0, verbAt - 60), verbAt);
    const clauseBefore = before.slice(0, verbAt).split(/[,;:]/).pop() ?? '';
    const userSubject = USER_BEFORE_VERB.test(subj) || (/^using/.test(en[1]!) && /\byou\b/.test(clauseBefore)) || actorParty(ctx, start - en[0].length);
    const permits = /^(?:authori|allow|permit|enabl|ask|instruct|require)/.test(en[1]!);
    const purpose = permits
      ? /^[^.;]{0,30}?\bto\s+(?:\w+\s+)?(?:collect|use|place|set|serve|access|receive|track|see|view|obtain|gather|have access|process|store|send|protect|safeguard|treat|keep|maintain|do so)/.test(after)
      : ENGAGED_FOR.test(after) || DATA_NOUN.test(after.split(/[.;,]/)[0] ?? '');
    if (!userSubject && purpose) return { kind: 'engaged', negated: NEG_BEFORE.test(before.slice(0, verbAt)) };
  }

  // 4-. we host with the party: a hosting company is a processor of everything we keep
  const ho = id === 'processor' || id === 'third_party' ? HOSTED_ON.exec(before) : null;
  // (our pages hosted by other sites, "our profiles on social networks", are our presence there, not a host of our data)
  if (ho && gapOk(ho[1]!, 40) && !USER_ACTOR.test(before.slice(Math.max(0, ho.index - 60), ho.index)) && !/\b(?:pages?|sites?|websites?|profiles?|accounts?|channels?)\s+$/.test(before.slice(Math.max(0, ho.index - 30), ho.index))) return { kind: 'engaged', negated: NEG_BEFORE.test(before.slice(0, ho.index)) };

  // 4a. a label naming the party before a colon: "Service providers: we share your details to ..."
  //     (the sentence names no party of its own); a label whose sentence is a source ("Partners: we
  //     may receive information about you from partners") names no recipient
  const lab = labelOf(t, end);
  if (lab) {
    const own = labelVerbs(t, lab, ctx.shares);
    if (!own.length && LABEL_SOURCE.test(t.slice(lab + 1))) return null;
    if (labelGives(t, lab, own, ctx.parties ?? [])) return { kind: 'label', negated: own.every((v) => v.negated) };
  }

  // 4b. a row of a recipient table: the first cell names the party the row's data goes to
  //     ("| Service providers | Contact data | To deliver orders |" under "Categories of recipients")
  if (ctx.tableRow && start <= 80 && !ctx.shares.some((v) => v.negated)) return { kind: 'table-row', negated: false };

  // 5. a list item in a sharing list: the party is the item's topic
  // (a paragraph of a run only when the party is the case's title, "Service providers." / "Affiliates .":
  // a paragraph that opens with a party as its subject may have left the run's topic)
  if (ctx.isItem && (ctx.leadShares.length || ctx.sharingSection) && start <= 60 && ITEM_TOPIC.test(t.slice(0, start)) && (!ctx.paraRun || caseTitle(t))) {
    const lv = ctx.leadShares[ctx.leadShares.length - 1];
    return { kind: 'lead-in', negated: !!lv && lv.negated && !EXCEPTION_BETWEEN.test(ctx.lead.slice(lv.end) + ' ' + t.slice(0, start)) };
  }

  // 6. disclosures to authorities and acquirers are named by context, not by a preposition:
  //    "we may disclose information if required by law enforcement", "in a merger ... the buyer"
  const disclosing = (list: ShareVerb[]) => list.filter((x) => /^(?:shar|disclos|provid|giv|transfer|transmit|sen[dt]|releas|report|exchang|ma[dk]e|pass|distribut|rent|sell|sold|sale|trad|leas|suppl|furnish|reveal)/.test(t.slice(x.start, x.end)));
  const shares = ctx.shares.length ? disclosing(ctx.shares) : ctx.isItem ? ctx.leadShares : [];
  // a list item with no verb and no lead-in paragraph, in a section about disclosures: the heading
  // ("Circumstances in which we may disclose user data:") is its frame
  const headingFrame = !ctx.shares.length && ctx.isItem && !ctx.lead && ctx.sharingSection;
  // a denial is negated unless an exception follows it ("does not share ... except in the following circumstances:")
  const fromLead = !ctx.shares.length && ctx.isItem;
  const deniedAll = shares.length > 0 && shares.every((x) => x.negated) && !(fromLead && EXCEPTION_BETWEEN.test(ctx.lead.slice(shares[shares.length - 1]!.end)));
  if ((shares.length || headingFrame) && id === 'public_authority' && AUTHORITY_CONTEXT.test(t)) return { kind: 'legal', negated: deniedAll };
  // "we cooperate (fully) with law enforcement agencies": disclosure on request
  const coop = /\bcooperat(?:e|es|ed|ing)\s+(?:fully\s+)?with\s+((?:[a-z-]+\s+){0,3})$/.exec(before);
  if (coop && gapOk(coop[1]!, 40) && id === 'public_authority') return { kind: 'legal', negated: NEG_BEFORE.test(before.slice(0, before.length - coop[0].length)) };
  if ((shares.length || headingFrame) && id === 'acquirer' && MERGER_CONTEXT.test(t)) return { kind: 'merger', negated: deniedAll };
  return null;
}

/**
 * A defined term for a party: `third-party organizations that help us ("Service Providers")`,
 * `(collectively, "Partners")`. The policy gives the party a proper name; later capitalised uses
 * ("Our Service Providers will ...") refer to the same party. Run on the raw text (case matters).
 */
export const DEFINITION_RE =
  /\(\s*(?:(?:collectively|together|each|individually|hereinafter|hereafter)\s*,?\s*)?(?:(?:referred to |known )?as\s+)?(?:the\s+|our\s+)?["“]([A-Z][A-Za-z-]*(?:\s+[A-Z][A-Za-z-]*){0,3})["”]\s*\)/g;

/** From a recipient mention to the definition that names it, in the same noun phrase. */
export const BEFORE_DEFINITION = /^[^.;:()!?]{0,120}?\(\s*(?:(?:collectively|together|each|individually|hereinafter|hereafter)\s*,?\s*)?(?:(?:referred to |known )?as\s+)?(?:the\s+|our\s+)?"([a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3})"\s*\)/;

/**
 * A party referred to by a demonstrative: "we may share information with that service" (the
 * social network named before), "with that business". "this service" is usually the site itself
 * and is not read. Plural demonstratives on a party word ("these and other third parties") point
 * back at the parties listed before.
 */
export const SINGULAR_PARTY_ANAPHOR =
  eager(/\b(?:that|such(?: an?)?) (?:(?:third[- ]party|other|outside|external) )?(?:service|business|company|partner|party|network|provider|organi[sz]ation|entity|site|website|platform|app|application)\b/g);
export const PLURAL_ANAPHOR_BEFORE = /\b(?:these|those|such)(?: and(?: (?:other|similar|any other))?)?\s+(?:(?:third[- ]party|other|outside|external)\s+)?$/;
