// Access, edit and deletion rights need the user as the actor. OPP-115's "User Access, Edit and
// Deletion" is a practice that lets users access, edit or delete the data the company holds about
// them: "you can update your profile", "you have the right to request a copy", "to close your
// account, contact us", "upon request, we will delete". The same verbs with another actor are
// something else: "employees may access your information" (security), "an aggregator may request
// access" (a third party), "we use information to help you access your account" (a purpose),
// "it is impossible to delete data" (a denial). Patterns run on the lower-cased mask; written from
// the annotation scheme and general policy grammar, not from the evaluation texts.

import { eager } from './native-regexp.js';

/** Right ids of the OPP-115 access category (view, edit, delete, deactivate, export). */
export const ACCESS_RIGHTS = new Set(['access', 'rectification', 'erasure', 'deactivation', 'portability']);

const USER = String.raw`(?:you|users?|members?|customers?|subscribers?|visitors?|account ?holders?|individuals?|parents?(?: or (?:legal )?guardians?)?|consumers?|residents?|data subjects?|participants?|registrants?|players?|patrons?|applicants?)`;

/** The user with a modal of ability or permission: "you can", "members may", "you have the right". */
const USER_MODAL = new RegExp(
  String.raw`\b${USER}\b(?:\s+(?:also|always|still|then|only|easily|now|generally|usually|directly|at any time|further|,))*\s+(?:can|may|could|might|will be able to|(?:are|is|will be) able to|(?:also )?ha(?:ve|s) (?:the |a |an )?(?:legal |statutory )?(?:right|rights|ability|option|opportunity|choice|access)|(?:are|is) (?:entitled|permitted|allowed|welcome|free) to|need to|should|must|wish to|want to|would like(?: us)? to|'d like to|choose to|decide to|retain the right|who (?:seeks?|wish(?:es)?|wants?|would like)(?: to)?)\b`,
);

/** Someone gives the user the means: "we allow you to", "the site provides users with". */
const ENABLE_USER = new RegExp(
  String.raw`\b(?:allows?|allowing|enables?|enabling|permits?|permitting|lets?|invites?|gives?|giving|provides?|providing|offers?|offering|affords?|grants?|entitles?|assists?|assisting)\s+${USER}\b(?:\s+(?:with|in))?`,
);

/** A noun of entitlement or means before the verb: "the right to delete", "tools to correct", "ways for you to". */
const MEANS_NOUN = /\b(?:rights?|ability|opportunity|option|choice|tools?|means|mechanism|instructions|request|requests|ways?)\s+(?:to|of|for)\s+(?:[a-z]+\s+){0,3}$/;

/**
 * A later infinitive of a list that opened with "the right to" (access3): "have the right to request
 * access ...; to data portability; to object" (the modal is before the first item only).
 */
const RIGHT_LIST = /\b(?:the|a|their|your|following|these) rights? (?:to|of)\b[^.:]{0,300}[;,] (?:and |or )?to (?:[a-z]+\s+){0,3}$/;

/** The first party's own entitlement: "we reserve the right". */
const WE_RESERVE = /\b(?:we|us|the company)\s+(?:[a-z]+\s+){0,2}?(?:reserves?|retains?|has|have)\s+(?:the|a|all)\s+rights?\b/;

/** ... right before the verb: "we reserve the right to suspend your account". */
const WE_RESERVE_AT = new RegExp(WE_RESERVE.source + String.raw`\s+(?:to|of)\s+(?:[a-z]+\s+){0,3}$`);

/** The user's wish or request: "if you would like to", "upon request", "contact us to". */
const USER_WISH =
  eager(/\b(?:if|should|when(?:ever)?|where) you (?:would like|wish|want|need|prefer|choose|decide|'d like|would prefer|desire)\b|\b(?:upon|on|at|following) (?:your |a |the )?(?:written |verifiable |verified )?requests?\b|\b(?:if|when|whenever|once) you (?:ask|tell|instruct|direct)\b|\bat your (?:direction|instruction)\b|\byour requests?\b|\bcontact(?:ing)? (?:us|our|the)\b|\b(?:e-?mail|write to|call|notify|send) us\b|\bplease\b|\bhow (?:to|you can|you may|do i|can i)\b/);

/** An instruction to the user: "To review your profile, click here", "Access 'Account Settings' to change". */
const IMPERATIVE =
  /^(?:\W*)(?:please\s+)?(?:(?:to|in order to)\s+[^,.;]{0,100}?,\s*(?:please\s+)?(?:simply\s+|just\s+)?(?:click|visit|go|log|sign|contact|e-?mail|call|write|send|use|select|follow|access|see|navigate|return|update|edit|change|you)|(?:access|review|view|update|correct|edit|change|modify|delete|remove|close|cancel|deactivate|manage|visit|go|log|sign|click|contact|e-?mail|call|write|send|use|select|follow|simply|just|request|download|export)\b)/;

/** Another actor governs the verb: staff with access, a third party's request, a first-party purpose. */
const OTHER_ACTOR =
  /\b(?:unauthori[sz]ed|prevent|protect(?:s|ed|ion)?|against|restrict(?:s|ed)?|limit(?:s|ed)?(?! (?:purposes?|cases|circumstances)\b)|only (?:authori[sz]ed )?(?:employees|staff|personnel)|employees|staff|personnel|contractors|agents|hackers|(?:we|they|it|he|she)\s+(?:\w+\s+){0,2}use[sd]?\s+(?:the |your |this |such |that |personal |collected )*(?:information|data)\b[^.;]{0,60}\bto|helps? you)\b[^.;]{0,40}$/;

/** A subject other than the user directly before the modal and the verb. */
const OTHER_SUBJECT =
  /\b(?:they|he|she|it|others|other (?:users|individuals|people|persons|members|visitors|customers)|anyone(?: else)?|everyone|someone(?: else)?|third parties|the public|recruiters|administrators)\s+(?:(?:can|may|could|might|will|would|shall)\s+(?:also\s+|still\s+|then\s+)?(?:be able to\s+)?|(?:are|is) able to\s+)$/;

/** "so (that) you can" before a plain access verb: the service's purpose, not a right over data. */
const SO_THAT_YOU = /\bso(?: that)? (?:you|users?|members?|customers?) (?:can|may|will be able to|are able to)\s+(?:easily\s+|always\s+|later\s+|then\s+)?$/;
const ACCESS_VERB_AT = /^(?:access|view|see|review)\b(?!,? (?:and|or) (?:correct|update|edit|change|amend|modify|delete|erase|remove))/;

/** A match that holds the user as the one given access or acting in a relative clause (access2). */
const MATCH_NAMES_USER = eager(new RegExp(
  String.raw`^(?:(?:gives?|giving|provides?|providing|grants?|granting|offers?|offering)\s+${USER}\b|(?:you|users?|members?|customers?|subscribers?|account ?holders?)\s+(?:will |may |also |can |shall |then |still |always )?(?:have|has|get|gain|obtain|(?:are|is|will be|be) (?:given|granted|provided with|offered))\b|(?:information|data|details|records)(?: (?:that|which))? you (?:can|may|are able to|will be able to)\b)`,
));

/**
 * A concession about what happens after the user acts, not a grant: "even when you delete your
 * account, your posts may still be viewable" (access3).
 */
const CONCESSION = /\beven (?:if|when|after|though|where|once) (?:you|users?|members?|customers?)\b(?:\s+[a-z']+){0,3}\s*$/;

/**
 * "provide access to the information" with no user word (access3): the user's right only when the
 * sentence makes it answer the user's request, and not when another recipient follows.
 */
const PROVIDE_ACCESS = /^(?:provide|give|grant|allow)s? access to\b/;
const REQUEST_CUE = /\b(?:upon|on|at|following|after|in response to) (?:your |a |the |such a |their )?(?:written |verifiable |verified )?requests?\b|\byour requests?\b|\b(?:if|when|whenever|once) (?:you|users?|individuals?|customers?) (?:ask|request|tell|instruct)\b/;
const TO_OTHER = /\b(?:to|for|with) (?:(?:the|our|any|such|certain|other|these|those|its|their)\s+)?(?:third|law|government|governmental|public|police|courts?|regulators?|authorit|service providers?|vendors?|contractors?|partners?|affiliates?|employees|staff|personnel|agents?|advertisers?|other)/;

/**
 * A criterion in a list of what something depends on, not a grant (access4): "retention periods vary
 * based on criteria such as ... the availability of controls that enable users to delete data".
 */
const CRITERION = /\b(?:criteria|factors|considerations)\b[^.;:]{0,40}\b(?:such as|including|include|like)\b[^.;]{0,240}$/;

/** Impossibility or refusal directly before the verb. */
const CANNOT = /\b(?:not|never|cannot|can't|unable|impossible|not possible|no way)\b(?:\s+[a-z]+){0,3}\s*$/;

/**
 * Whether the user is the actor of the access / edit / delete verb at `pos` of sentence `t`
 * (`lead`: the list lead-in, '' if none).
 */
export function userActs(t: string, pos: number, lead: string): boolean {
  const before = t.slice(Math.max(0, pos - 200), pos);
  if (CANNOT.test(before.slice(-40))) return false;
  if (CONCESSION.test(before.slice(-60))) return false;
  if (CRITERION.test(before)) return false;
  if (PROVIDE_ACCESS.test(t.slice(pos, pos + 30))) return REQUEST_CUE.test(t) && !TO_OTHER.test(t.slice(pos, pos + 140)) && !OTHER_SUBJECT.test(before.slice(-60));
  // another subject right before the modal: "they can access", "other users may view"
  if (OTHER_SUBJECT.test(before.slice(-60))) return false;
  // a feature, not a right: "we store your files so that you can access them from any device"
  if (ACCESS_VERB_AT.test(t.slice(pos, pos + 60)) && SO_THAT_YOU.test(before.slice(-40))) return false;
  // the match itself names the user as the one who has, is given or can act: "gives you access to",
  // "members have access to their data", "the information you can review"
  if (MATCH_NAMES_USER.test(t.slice(pos, pos + 80))) return true;
  const near = before.slice(-90);
  if (OTHER_ACTOR.test(near) && !USER_MODAL.test(near) && !ENABLE_USER.test(near)) return false;
  // the match itself may hold the noun: "you have a right | to access"
  const upto = before + t.slice(pos, pos + 12);
  if (USER_MODAL.test(upto) || ENABLE_USER.test(before) || (MEANS_NOUN.test(before) && !WE_RESERVE_AT.test(before)) || (RIGHT_LIST.test(before) && !WE_RESERVE.test(before)) || USER_WISH.test(t) || IMPERATIVE.test(t)) return true;
  // a passive with the user present: "your profile can be updated at any time"
  if (/\b(?:can|may|will)\s+(?:also\s+)?be\s+(?:accessed|viewed|reviewed|updated|corrected|amended|changed|edited|modified|deleted|removed|erased)\b/.test(t) && /\byou(?:r)?\b/.test(t)) return true;
  // a bullet under "You have the right to:" / "you can:"
  return lead !== '' && (USER_MODAL.test(lead) || ENABLE_USER.test(lead) || /\b(?:rights?|options?|choices?)\b[^.]{0,40}:?\s*$/.test(lead));
}

/**
 * A sentence that announces what the policy (or a section of it) will explain, not a statement of
 * the right: "Here we explain ... how you can access or modify that information", "This section
 * describes how you may update your details". Applies only when the sentence names no means (a
 * sentence that gives the address or the page is a statement, whatever its opening).
 */
export const OVERVIEW_RE =
  eager(/\b(?:here|below|in this (?:section|policy|statement|notice|document|page)|(?:this|the following|the next) (?:section|policy|statement|notice|document|page)s?(?: below)?)\b[^.;:]{0,40}?\b(?:we |i )?(?:will )?(?:explain|describe|outline|set out|summari[sz]e|tell you|inform you|give you an overview|cover|address)(?:s|d)?\b[^;]{0,200}?\bhow (?:you|users?|visitors?|members?|customers?) (?:can|may|could)\b/);

/**
 * The user is sent to another party to exercise it: "we will refer you to the service provider",
 * "please contact the third party directly". What the first party lets the user do is the access
 * right; a referral elsewhere is the other party's practice.
 */
export const ELSEWHERE_RE =
  eager(/\brefer (?:you|the (?:user|request|individual)|such requests?|your request) to\b|\b(?:contact|ask|write to|go to) (?:the|that|those|such|each|any) (?:relevant |applicable |respective )?(?:third[- ]part(?:y|ies)|(?:service )?providers?|(?:business )?partners?|merchants?|sellers?|advertisers?|companies|company|sites?|websites?|operators?|vendors?)\b[^.;]{0,30}\bdirectly\b|\bcontact (?:the|that|your|their|its) (?:account |organi[sz]ation |site |group |team )?(?:owners?|administrators?|admins?)\b|\bdirectly with (?:the|that|those|such|each) (?:third[- ]part(?:y|ies)|(?:service )?providers?|(?:business )?partners?|merchants?|sellers?|advertisers?|companies|company|sites?|websites?|operators?|vendors?)\b|\b(?:direct|address|send|submit|forward|refer) (?:their|your|his or her|such|any|the|all|these|those) (?:[a-z]+ )?(?:quer(?:y|ies)|requests?|inquir(?:y|ies)|questions?) (?:directly )?to (?:the|that|their|its|your|such|each|any|a|an) (?:[a-z'’-]+ ){0,2}?(?:third[- ]part(?:y|ies)|resellers?|(?:business )?partners?|merchants?|sellers?|retailers?|distributors?|(?:service )?providers?|vendors?|controllers?|operators?|employers?|organi[sz]ations?|administrators?|owners?)\b/);

/**
 * A passive whose agent is someone else: "your information may be accessed by recruiters". `after`
 * is the text right after the match; "by logging in", "by you" keep the user as the actor.
 */
const USER_WORD = new RegExp(`^${USER}$`);

export function passiveByOther(after: string): boolean {
  const m = /^\s*,?\s*by\s+(?:the\s+|our\s+|a\s+|an\s+|any\s+|such\s+|these\s+|those\s+|their\s+|its\s+)?([a-z][a-z'-]*)(?:\s+([a-z]+))?/.exec(after);
  if (!m) return false;
  const w = m[1]!;
  // a gerund is the user's means ("by logging in", "by proceeding to the page"); a gerund used as
  // an adjective before a plural noun is part of the agent ("by hiring managers")
  if (/ing$/.test(w)) return /^[a-z]+[^s]s$/.test(m[2] ?? '') && !/^(?:us|this|its|is|was|has|his|yours|ours|settings|options|preferences|instructions|steps|links?)$/.test(m[2] ?? '');
  return !USER_WORD.test(w) && !/^(?:yourself|themselves|request|e-?mail|mail|phone|telephone|post|letter|contact|means|way)$/.test(w);
}

/**
 * A line used as a title (access4): a paragraph that is one noun phrase naming a right, with no
 * closing punctuation ("Right to request access to your Personal Information", then the paragraph
 * that states it). It names the right the next paragraph grants; it grants nothing itself. `whole`:
 * the sentence is its whole block, a paragraph with no lead-in.
 */
export function rightTitle(t: string, whole: boolean): boolean {
  return whole && /^\W*(?:the |your )?rights? (?:to|of)\b/.test(t) && !/[.!?:;]\W*$/.test(t) && t.split(/\s+/).length <= 12;
}
