// International transfers: where data goes across borders, and on what safeguards.

import { eager } from './native-regexp.js';

const COUNTRIES: [RegExp, string][] = [
  [/\b(?:the )?united states(?: of america)?\b|\bu\.s\.a?\.?(?=\s|$|,)|\bthe us\b|\busa\b/, 'US'],
  [/\bcanada\b/, 'CA'],
  [/\bunited kingdom\b|\bu\.k\.(?=\s|$|,)|\bthe uk\b|\bgreat britain\b|\bengland\b/, 'GB'],
  [/\bireland\b/, 'IE'],
  [/\bgermany\b/, 'DE'],
  [/\bfrance\b/, 'FR'],
  [/\bthe netherlands\b|\bholland\b/, 'NL'],
  [/\bsweden\b/, 'SE'],
  [/\bswitzerland\b/, 'CH'],
  [/\bindia\b/, 'IN'],
  [/\bchina\b/, 'CN'],
  [/\bjapan\b/, 'JP'],
  [/\bsingapore\b/, 'SG'],
  [/\baustralia\b/, 'AU'],
  [/\bisrael\b/, 'IL'],
  [/\brussia\b/, 'RU'],
  [/\bbrazil\b/, 'BR'],
  [/\bphilippines\b/, 'PH'],
  [/\beuropean economic area\b|\beea\b/, 'EEA'],
  [/\beuropean union\b|\bthe eu\b/, 'EU'],
];
const SAFEGUARDS: [RegExp, string][] = [
  [/\bstandard contractual clauses\b|\bmodel (?:contract(?:ual)?) clauses\b|\bsccs?\b/, 'standard_contractual_clauses'],
  [/\bprivacy shield\b/, 'privacy_shield'],
  [/\bdata privacy framework\b|\bdpf\b/, 'certification'],
  [/\bsafe harbou?r\b/, 'safe_harbor'],
  [/\bbinding corporate rules\b/, 'binding_corporate_rules'],
  [/\badequa(?:te|cy) (?:decision|level of protection|protection)\b/, 'adequacy_decision'],
  [/\b(?:your|explicit) consent\b|\byou consent\b|\bconsent to (?:the|this|such) transfer/, 'consent'],
];

const ANY_COUNTRY = new RegExp(COUNTRIES.map(([re]) => re.source).join('|'));
const ANY_SAFEGUARD = new RegExp(SAFEGUARDS.map(([re]) => re.source).join('|'));

const MOVE = /\b(?:transfer\w*|transmit\w*|stor(?:e|ed|age|ing)|process(?:ed|ing)?|host(?:ed|ing)?|mov(?:e|ed)|sent|send|located|maintain\w*|held|kept|access(?:ed)? from)\b/;
const ABROAD = eager(/\b(?:outside (?:of )?(?:the |your )?(?:country|countries|eea|european|eu\b|united|jurisdiction|state|province|region)|other countries|another country|countries other than|across (?:national )?borders|cross[- ]border|internationally|around the world|worldwide offices|world ?wide|any country|in (?:certain|various|several|multiple) countries|(?:foreign|other) jurisdictions|country (?:of|where) (?:your )?(?:residence|you (?:live|reside)))\b/);

export interface TransferFinding {
  countries: string[];
  safeguards: string[];
  index: number;
  /** false when only a safeguard names the transfer (a framework joined, "when we transfer ... we rely on
   *  SCCs"): the sentence still speaks of parties and data for the other facets ("onward transfers to third parties") */
  frame: boolean;
}

// where the people are, not where the data goes (names of up to four words joined by commas, and, or): "users in the EEA, UK and/or Switzerland",
// "if you live in Canada", "personal data received from the European Union"
const ORIGIN_BEFORE =
  /\b(?:users?|individuals|residents?|customers|people|persons|visitors|citizens|consumers|data subjects|you (?:live|reside|are located|are based|are)|received|collected|coming|originating)(?: \w+)? (?:in|of|within|from) (?:the )?(?:(?!(?:in|to|into|on|at|and|or|for|by|with)\b)[\w.()“”"'-]+(?: (?!(?:in|to|into|on|at|and|or|for|by|with)\b)[\w.()“”"'-]+){0,3}(?:,|, and|, or| and(?:\/or)?| or) )*(?:(?!(?:in|to|into|on|at|and|or|for|by|with)\b)[\w.()“”"'-]+(?: (?!(?:in|to|into|on|at|and|or|for|by|with)\b)[\w.()“”"'-]+){0,3} )?[(“"']*$/;
// a transfer framework a US company joins: "participates in the Safe Harbor program", "complies with the Data Privacy Framework"
const FRAMEWORK = /\b(?:safe harbou?r|privacy shield|data privacy framework)\b/;
const FRAMEWORK_JOIN = /\b(?:participa\w*|certif\w*|self-certif\w*|adhere\w*|compl(?:y|ies|iant|iance)|member)\b/;

function destinations(t: string): string[] {
  const out: string[] = [];
  for (const [re, code] of COUNTRIES) {
    if (!re.test(t)) continue;
    const g = new RegExp(re.source, 'g');
    for (const m of t.matchAll(g)) {
      if (ORIGIN_BEFORE.test(t.slice(Math.max(0, m.index - 90), m.index))) continue;
      // a jurisdiction's law, not a place: "subject to European Union data protection law"
      if (/^(?:\s+\(\W*\w+\W*\))?\s+(?:data protection|privacy) (?:laws?|legislation|regulations?)\b/.test(t.slice(m.index + m[0].length, m.index + m[0].length + 40))) continue;
      out.push(code);
      break;
    }
  }
  return out;
}

export function findTransfer(t: string): TransferFinding | null {
  if ((t.includes('harbo') || t.includes('shield') || t.includes('framework')) && FRAMEWORK.test(t) && FRAMEWORK_JOIN.test(t) && !/\b(?:not|no longer|never)\b[^.]{0,30}\b(?:participa|certif|adhere|rely|compl)/.test(t)) {
    const safeguards = SAFEGUARDS.filter(([re]) => re.test(t)).map(([, s]) => s).filter((s) => s !== 'consent');
    return { countries: ['US'], safeguards, index: FRAMEWORK.exec(t)!.index, frame: false };
  }
  const move = MOVE.exec(t);
  if (!move) return null;
  const abroad = ABROAD.exec(t);
  const countries = ANY_COUNTRY.test(t) ? destinations(t) : [];
  // "when we transfer the personal data of users in the EEA, we rely on standard contractual clauses"
  if (!abroad && !countries.length && /\btransfer/.test(t) && ANY_SAFEGUARD.test(t) && SAFEGUARDS.some(([re, id]) => id !== 'consent' && re.test(t)) && /\b(?:information|data|personal)\b/.test(t))
    return { countries: [], safeguards: SAFEGUARDS.filter(([re]) => re.test(t)).map(([, s]) => s), index: move.index, frame: false };
  if (!abroad && !countries.length) return null;
  if (!abroad && !/\b(?:transfer\w*|stor\w*|process\w*|host\w*|located|held)\b[^.]{0,80}\b(?:in|to|into)\b/.test(t)) return null;
  if (!/\b(?:information|data|personal|records?)\b/.test(t)) return null;
  const safeguards = ANY_SAFEGUARD.test(t) ? SAFEGUARDS.filter(([re]) => re.test(t)).map(([, s]) => s) : [];
  return { countries: [...new Set(countries)].sort(), safeguards, index: abroad?.index ?? move.index, frame: true };
}
