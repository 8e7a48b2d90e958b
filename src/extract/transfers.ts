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
}

export function findTransfer(t: string): TransferFinding | null {
  const move = MOVE.exec(t);
  if (!move) return null;
  const abroad = ABROAD.exec(t);
  const countries = ANY_COUNTRY.test(t) ? COUNTRIES.filter(([re]) => re.test(t)).map(([, c]) => c) : [];
  if (!abroad && !countries.length) return null;
  if (!abroad && !/\b(?:transfer\w*|stor\w*|process\w*|host\w*|located|held)\b[^.]{0,80}\b(?:in|to|into)\b/.test(t)) return null;
  if (!/\b(?:information|data|personal|records?)\b/.test(t)) return null;
  const safeguards = ANY_SAFEGUARD.test(t) ? SAFEGUARDS.filter(([re]) => re.test(t)).map(([, s]) => s) : [];
  return { countries: [...new Set(countries)].sort(), safeguards, index: abroad?.index ?? move.index };
}
