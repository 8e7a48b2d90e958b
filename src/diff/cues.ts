// Words that state a practice. A changed sentence that contains them and that the model diff cannot
// explain is "needs review", never silently editorial (issue 4 §3). Two lists:
//  - VERBS: practice verbs (collect, share, sell, retain, ...): a sentence with one states a practice;
//  - TERMS: what a practice is about (data, recipients, purposes, periods, places, negation):
//    changing one of these words changes substance even where an item's wording changed only.
// Matched on lower-cased word prefixes, so "shares", "shared" and "sharing" all hit "shar".

const VERBS = [
  'collect', 'gather', 'obtain', 'receiv', 'record', 'log', 'captur', 'request', 'ask',
  'use', 'uses', 'used', 'using', 'usage', 'process', 'analy', 'combin', 'match', 'profil', 'track', 'monitor', 'scan', 'infer',
  'shar', 'disclos', 'provid', 'give', 'giving', 'sell', 'sold', 'sale', 'rent', 'leas', 'trad', 'licens', 'transfer', 'transmit', 'send', 'sent',
  'pass', 'make available', 'publish', 'releas', 'retain', 'retention', 'store', 'storing', 'keep', 'kept', 'hold', 'held', 'delet', 'eras', 'destroy', 'anonymi',
  'access', 'correct', 'rectif', 'object', 'withdraw', 'opt', 'unsubscrib', 'restrict', 'port', 'consent', 'agree', 'permi',
  'target', 'personali', 'advertis', 'market',
];

const TERMS = [
  // negation, modality, scope
  'not', 'never', 'no', 'none', 'only', 'unless', 'except', 'without', 'may', 'might', 'all', 'any', 'always',
  // recipients
  'third', 'partner', 'affiliat', 'subsidiar', 'vendor', 'contractor', 'supplier', 'processor', 'provider', 'advertis', 'marketer',
  'government', 'authorit', 'police', 'law enforcement', 'court', 'regulator', 'agenc', 'buyer', 'acquir', 'merger', 'public', 'broker',
  'google', 'facebook', 'meta', 'microsoft', 'amazon', 'apple',
  // purposes
  'market', 'promot', 'analytic', 'statistic', 'research', 'profil', 'personali', 'target', 'ai', 'machine', 'train', 'model', 'fraud', 'secur',
  // data
  'personal', 'data', 'information', 'email', 'e-mail', 'phone', 'telephone', 'address', 'name', 'location', 'gps', 'geolocat', 'ip', 'device', 'browser', 'cookie', 'beacon', 'pixel',
  'identif', 'payment', 'card', 'credit', 'bank', 'financ', 'health', 'medical', 'biometric', 'genetic', 'face', 'fingerprint', 'voice', 'racial', 'ethnic', 'religio',
  'political', 'union', 'sexual', 'criminal', 'age', 'birth', 'gender', 'children', 'child', 'minor', 'contacts', 'messag', 'content', 'photo', 'video', 'audio',
  'history', 'purchas', 'search', 'social', 'password', 'credential', 'account', 'passport', 'licen',
  // retention and transfers
  'day', 'week', 'month', 'year', 'indefinite', 'forever', 'period', 'long', 'abroad', 'countr', 'outside', 'international', 'overseas', 'border', 'eea', 'europe', 'united', 'us', 'usa', 'china', 'russia',
  'safeguard', 'clause', 'shield', 'adequa',
  // rights
  'right', 'object', 'complain', 'portab', 'eras', 'delet', 'rectif', 'withdraw', 'opt', 'consent',
];

const NUMBER = /^\d+$/;

function compile(stems: string[]): (word: string) => boolean {
  const single = stems.filter((s) => !s.includes(' '));
  const exactShort = new Set(single.filter((s) => s.length <= 3));
  const prefixes = new RegExp(`^(?:${single.filter((s) => s.length > 3).map((s) => s.replace(/[-]/g, '\\-')).join('|')})`);
  return (word: string) => {
    const w = word.toLowerCase();
    return exactShort.has(w) || prefixes.test(w);
  };
}

export const isPracticeVerb = compile(VERBS);
export const isSubstantiveTerm = compile(TERMS);
const MULTI = [...VERBS, ...TERMS].filter((s) => s.includes(' '));

/** A sentence (or line) that states a practice: a practice verb near something it is about. */
export function statesPractice(text: string): boolean {
  const lower = text.toLowerCase();
  if (MULTI.some((m) => lower.includes(m))) return true;
  const words = lower.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.some(isPracticeVerb) && words.some((w) => isSubstantiveTerm(w) || isPracticeVerb(w));
}

/** Changed words that carry substance: a practice verb, a substantive term, or a number. */
export function substantiveWords(words: string[]): string[] {
  return words.filter((w) => /[\p{L}\p{N}]/u.test(w) && (isPracticeVerb(w) || isSubstantiveTerm(w) || NUMBER.test(w)));
}

/** Changed words that change what a practice is about (not merely its verb): terms and numbers. */
export function substantiveTerms(words: string[]): string[] {
  return words.filter((w) => /[\p{L}\p{N}]/u.test(w) && (isSubstantiveTerm(w) || NUMBER.test(w)));
}
