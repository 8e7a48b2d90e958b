// Retention: how long data is kept. A stated period becomes an ISO 8601 duration.

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, eighteen: 18, twenty: 20,
  'twenty-four': 24, thirty: 30, 'thirty-six': 36, forty: 40, 'forty-five': 45, fifty: 50, sixty: 60, ninety: 90,
  hundred: 100, 'one hundred': 100, 'one hundred eighty': 180,
};
const NUM = `(\\d{1,4}|${Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|')})(?:\\s*\\(\\d{1,4}\\))?`;
const UNIT = '(days?|weeks?|months?|years?|hours?)';

const RETAIN_CUE =
  /\b(?:retain(?:s|ed|ing)?|retention|keep(?:s|ing)?|kept|stor(?:e|es|ed|ing)|hold(?:s|ing)?|held|preserv(?:e|es|ed|ing)|maintain(?:s|ed)?|archiv(?:e|es|ed)|delet(?:e|es|ed|ion)|purg(?:e|es|ed)|eras(?:e|ed)|destroy(?:s|ed)?|dispos(?:e|ed|al)|anonymi[sz](?:e|ed)|remov(?:e|ed))\b/;
const FALSE_FRIENDS =
  /\bretain(?:s|ed)? (?:the )?services\b|\bkeep (?:you|in mind|track of|up to date|your (?:password|account)(?! (?:data|information|details|records|history)))\b|\bkeep (?:it|them) (?:safe|secure|confidential)\b|\bhold harmless\b|\bstore (?:locator|front|credit)\b|\bin (?:our|the) stores?\b|\bretail\b/;
const DATA_WORD = /\b(?:information|data|records?|logs?|cookies?|details|content|messages|history|addresses?|files?|backups?|copies|posts?|comments|photos|accounts?)\b/;

export interface RetentionFinding {
  kind: 'stated_period' | 'limited' | 'legal_requirement' | 'indefinite';
  period: string | null;
  index: number;
}

export function isoDuration(n: number, unit: string): string {
  const u = unit.replace(/s$/, '');
  if (u === 'hour') return `PT${n}H`;
  return `P${n}${u === 'day' ? 'D' : u === 'week' ? 'W' : u === 'month' ? 'M' : 'Y'}`;
}

/** The retention statement in a sentence (lower-case), if there is one. */
export function findRetention(t: string): RetentionFinding | null {
  const cue = RETAIN_CUE.exec(t);
  if (!cue || FALSE_FRIENDS.test(t) && !/\b(?:retain|keep|store)\w* (?:your |the |this |such |personal )?(?:information|data)/.test(t)) return null;
  if (!DATA_WORD.test(t)) return null;
  const period = new RegExp(`\\b(?:for(?:\\s+at\\s+least)?|up to|no (?:longer|more) than|within|after|of|at most|maximum of|period of|about|approximately|over|than)\\s+(?:a (?:period|maximum) of\\s+|the (?:last|past)\\s+)?${NUM}\\s+(?:calendar\\s+|business\\s+)?${UNIT}\\b|\\b${NUM}[- ]${UNIT.replace(/s\?/g, '')}\\s+(?:period|retention)`).exec(t);
  if (period) {
    const raw = (period[1] ?? period[3])!;
    const n = /^\d/.test(raw) ? +raw : (NUMBER_WORDS[raw] ?? NaN);
    const unit = (period[2] ?? period[4])!;
    // a period counts only near a retention word, not "we collect ... for 30 days of free trial"
    if (Number.isFinite(n) && n > 0 && Math.abs(period.index - cue.index) < 140) return { kind: 'stated_period', period: isoDuration(n, unit), index: period.index };
  }
  if (/\b(?:indefinitely|permanently|forever|in perpetuity|for an unlimited|no (?:set|fixed) (?:period|time))\b/.test(t) && !/\bnot (?:retain|keep|store)\w*[^.]{0,30}indefinitely/.test(t))
    return { kind: 'indefinite', period: null, index: cue.index };
  if (/\b(?:as long as|for (?:the|a) (?:period|duration|time)|no longer than|until|only for|for so long|while your account|long as (?:is|are) (?:necessary|needed|required)|as necessary|reasonably necessary|retention period)\b/.test(t)) {
    const legal = /\b(?:required|permitted|mandated|obligat\w*) (?:by|under) (?:the |applicable |any )?(?:laws?|legal|regulat)|\blegal (?:obligations?|requirements?|reasons|purposes|holds?)|\bcomply with (?:our )?(?:legal|applicable law|the law)|\blaw requires\b/.test(t);
    if (legal && !/\bas long as (?:necessary|needed|required) (?:to|for) (?:provide|fulfil|the purposes)/.test(t)) return { kind: 'legal_requirement', period: null, index: cue.index };
    return { kind: 'limited', period: null, index: cue.index };
  }
  // kept because a law requires it: "we may retain ... as required by, any applicable law",
  // "legal obligations ... such as mandatory data retention laws"
  if (/\b(?:retain|keep|store|preserve)\w*\b[^.]{0,120}\b(?:required|permitted|obligat\w*) (?:by|under),? (?:the |any )?(?:applicable )?(?:laws?|regulat)/.test(t) || /\bmandatory (?:data )?retention\b|\b(?:data )?retention (?:laws|obligations|requirements)\b/.test(t))
    return { kind: 'legal_requirement', period: null, index: cue.index };
  return null;
}
