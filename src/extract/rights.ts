// Access, edit and deletion rights need the user as the actor. OPP-115's "User Access, Edit and
// Deletion" is a practice that lets users access, edit or delete the data the company holds about
// them: "you can update your profile", "you have the right to request a copy", "to close your
// account, contact us", "upon request, we will delete". The same verbs with another actor are
// something else: "employees may access your information" (security), "an aggregator may request
// access" (a third party), "we use information to help you access your account" (a purpose),
// "it is impossible to delete data" (a denial). Patterns run on the lower-cased mask; written from
// the annotation scheme and general policy grammar, not from the evaluation texts.

/** Right ids of the OPP-115 access category (view, edit, delete, deactivate, export). */
export const ACCESS_RIGHTS = new Set(['access', 'rectification', 'erasure', 'deactivation', 'portability']);

const USER = String.raw`(?:you|users?|members?|customers?|subscribers?|visitors?|account ?holders?|individuals?|parents?(?: or (?:legal )?guardians?)?|consumers?|residents?|data subjects?|participants?|registrants?|players?|patrons?|applicants?)`;

/** The user with a modal of ability or permission: "you can", "members may", "you have the right". */
const USER_MODAL = new RegExp(
  String.raw`\b${USER}\b(?:\s+(?:also|always|still|then|only|easily|now|generally|usually|directly|at any time|further|,))*\s+(?:can|may|could|might|will be able to|(?:are|is|will be) able to|(?:also )?ha(?:ve|s) (?:the |a |an )?(?:legal |statutory )?(?:right|rights|ability|option|opportunity|choice|access)|(?:are|is) (?:entitled|permitted|allowed|welcome|free) to|need to|should|must|wish to|want to|would like(?: us)? to|'d like to|choose to|decide to|retain the right|who (?:seeks?|wish(?:es)?|wants?|would like)(?: to)?)\b`,
);

/** Someone gives the user the means: "we allow you to", "the site provides users with". */
const ENABLE_USER = new RegExp(
  String.raw`\b(?:allows?|allowing|enables?|enabling|permits?|permitting|lets?|invites?|gives?|giving|provides?|providing|offers?|offering|affords?|grants?|entitles?)\s+${USER}\b(?:\s+with)?`,
);

/** A noun of entitlement or means before the verb: "the right to delete", "tools to correct". */
const MEANS_NOUN = /\b(?:rights?|ability|opportunity|option|choice|tools?|means|mechanism|instructions|request|requests)\s+(?:to|of|for)\s+(?:[a-z]+\s+){0,3}$/;

/** The user's wish or request: "if you would like to", "upon request", "contact us to". */
const USER_WISH =
  /\b(?:if|should|when(?:ever)?|where) you (?:would like|wish|want|need|prefer|choose|decide|'d like|would prefer|desire)\b|\b(?:upon|on|at|following) (?:your |a |the )?(?:written |verifiable |verified )?requests?\b|\byour requests?\b|\bcontact(?:ing)? (?:us|our|the)\b|\b(?:e-?mail|write to|call|notify|send) us\b|\bplease\b|\bhow (?:to|you can|you may|do i|can i)\b/;

/** An instruction to the user: "To review your profile, click here", "Access 'Account Settings' to change". */
const IMPERATIVE =
  /^(?:\W*)(?:please\s+)?(?:(?:to|in order to)\s+[^,.;]{0,100}?,\s*(?:please\s+)?(?:simply\s+|just\s+)?(?:click|visit|go|log|sign|contact|e-?mail|call|write|send|use|select|follow|access|see|navigate|return|update|edit|change|you)|(?:access|review|view|update|correct|edit|change|modify|delete|remove|close|cancel|deactivate|manage|visit|go|log|sign|click|contact|e-?mail|call|write|send|use|select|follow|simply|just|request|download|export)\b)/;

/** Another actor governs the verb: staff with access, a third party's request, a first-party purpose. */
const OTHER_ACTOR =
  /\b(?:unauthori[sz]ed|prevent|protect(?:s|ed|ion)?|against|restrict(?:s|ed)?|limit(?:s|ed)?|only (?:authori[sz]ed )?(?:employees|staff|personnel)|employees|staff|personnel|contractors|agents|hackers|(?:we|they|it|he|she)\s+(?:\w+\s+){0,2}use[sd]?\s+(?:the |your |this |such |that |personal |collected )*(?:information|data)\b[^.;]{0,60}\bto|helps? you)\b[^.;]{0,40}$/;

/** Impossibility or refusal directly before the verb. */
const CANNOT = /\b(?:not|never|cannot|can't|unable|impossible|not possible|no way)\b(?:\s+[a-z]+){0,3}\s*$/;

/**
 * Whether the user is the actor of the access / edit / delete verb at `pos` of sentence `t`
 * (`lead`: the list lead-in, '' if none).
 */
export function userActs(t: string, pos: number, lead: string): boolean {
  const before = t.slice(Math.max(0, pos - 200), pos);
  if (CANNOT.test(before.slice(-40))) return false;
  const near = before.slice(-90);
  if (OTHER_ACTOR.test(near) && !USER_MODAL.test(near) && !ENABLE_USER.test(near)) return false;
  // the match itself may hold the noun: "you have a right | to access"
  const upto = before + t.slice(pos, pos + 12);
  if (USER_MODAL.test(upto) || ENABLE_USER.test(before) || MEANS_NOUN.test(before) || USER_WISH.test(t) || IMPERATIVE.test(t)) return true;
  // a passive with the user present: "your profile can be updated at any time"
  if (/\b(?:can|may|will)\s+(?:also\s+)?be\s+(?:accessed|viewed|reviewed|updated|corrected|amended|changed|edited|modified|deleted|removed|erased)\b/.test(t) && /\byou(?:r)?\b/.test(t)) return true;
  // a bullet under "You have the right to:" / "you can:"
  return lead !== '' && (USER_MODAL.test(lead) || ENABLE_USER.test(lead) || /\b(?:rights?|options?|choices?)\b[^.]{0,40}:?\s*$/.test(lead));
}
