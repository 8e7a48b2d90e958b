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
  [/\bbritish virgin islands\b|\bbvi\b/, 'VG'],
  [/\bunited arab emirates\b|\buae\b|\bdubai\b|\babu dhabi\b/, 'AE'],
  [/\beuropean economic area\b|\beea\b/, 'EEA'],
  [/\beuropean union\b|\bthe eu\b/, 'EU'],
];
const SAFEGUARDS: [RegExp, string][] = [
  [/\bstandard (?:contractual|contract|data protection) clauses\b|\bmodel (?:contract(?:ual)?) clauses\b|\bsccs?\b/, 'standard_contractual_clauses'],
  [/\bprivacy shield\b/, 'privacy_shield'],
  [/\bdata privacy framework\b|\bdpf\b/, 'certification'],
  [/\bsafe harbou?r\b/, 'safe_harbor'],
  [/\bbinding corporate rules\b/, 'binding_corporate_rules'],
  [/\badequa(?:te|cy) (?:decision|level of protection|protection)\b/, 'adequacy_decision'],
  [/\b(?:your|explicit) consent\b|\byou consent\b|\bconsent to (?:the|this|such) transfer/, 'consent'],
];

const ANY_COUNTRY = new RegExp(COUNTRIES.map(([re]) => re.source).join('|'));
const OUTSIDE_NAMED = new RegExp(`\\boutside (?:of )?(?:${ANY_COUNTRY.source})`);
const ANY_SAFEGUARD = new RegExp(SAFEGUARDS.map(([re]) => re.source).join('|'));
/** The safeguards a sentence names (those `keep` accepts), in SAFEGUARDS order. */
const safeguardsIn = (t: string, keep: (id: string) => boolean = () => true): string[] =>
  ANY_SAFEGUARD.test(t) ? SAFEGUARDS.filter(([re, id]) => keep(id) && re.test(t)).map(([, id]) => id) : [];

const MOVE = /\b(?:transfer\w*|transmit\w*|stor(?:e|ed|age|ing)|process(?:ed|ing)?|host(?:ed|ing)?|mov(?:e|ed)|sent|send|located|maintain\w*|held|kept|access(?:ed)? from)\b/;
const ABROAD = eager(/\b(?:outside (?:of )?(?:the |your |those |these )?(?:country|countries|eea|european|eu\b|united|jurisdiction|state|province|region)|other countries|another country|to (?:third )?countries (?:that|which|where|whose|with|outside)|countries other than|across (?:national )?borders|cross[- ]border|internationally|around the world|worldwide offices|world ?wide|any country|in (?:certain|various|several|multiple) countries|(?:foreign|other) jurisdictions|country (?:of|where) (?:your )?(?:residence|you (?:live|reside)))\b/);

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
  /\b(?:users?|individuals|residents?|customers|people|persons|visitors|citizens|consumers|data subjects|you (?:live|reside|are located|are based|are)|you (?:signed|sign|registered|register)(?: up)?(?: for \w+)?|received|collected|coming|originating)(?: \w+)? (?:in|of|within|from) (?:the )?(?:(?!(?:in|to|into|on|at|and|or|for|by|with)\b)[\w.()“”"'-]+(?: (?!(?:in|to|into|on|at|and|or|for|by|with)\b)[\w.()“”"'-]+){0,3}(?:,|, and|, or| and(?:\/or)?| or) )*(?:(?!(?:in|to|into|on|at|and|or|for|by|with)\b)[\w.()“”"'-]+(?: (?!(?:in|to|into|on|at|and|or|for|by|with)\b)[\w.()“”"'-]+){0,3} )?[(“"']*$/;
// a transfer framework a US company joins: "participates in the Safe Harbor program", "complies with the Data Privacy Framework"
const FRAMEWORK = /\b(?:safe harbou?r|privacy shield|data privacy framework)\b/;
const FRAMEWORK_JOIN = /\b(?:participa\w*|certif\w*|self-certif\w*|adhere\w*|compl(?:y|ies|iant|iance)|member)\b/;

// each country's expression again, global, to read every mention (built once, not per sentence)
const COUNTRIES_ALL = COUNTRIES.map(([re, code]) => [re, new RegExp(re.source, 'g'), code] as const);

function destinations(t: string): string[] {
  const out: string[] = [];
  for (const [re, all, code] of COUNTRIES_ALL) {
    if (!re.test(t)) continue;
    for (const m of t.matchAll(all)) {
      const before = t.slice(Math.max(0, m.index - 90), m.index);
      // the place data leaves, not where it goes: "located outside the EEA", "transferred outside of the UK"
      if (/\boutside (?:of )?(?:the )?(?:(?:[\w.-]+ ){1,3}(?:or|and) (?:the )?)?$/.test(before)) continue;
      // the place a transfer starts from: "transfer data from the EEA, the UK, and Switzerland to the United States"
      if (/\b(?:transfer\w*|send(?:s|ing)?|sent|mov(?:e|es|ed|ing))\b(?: [\w-]+){0,3} from (?:(?!\b(?:to|into|in|on)\b)[^.]){0,80}$/.test(before)) continue;
      // "we store information collected from you within the EEA": where it is stored, not where you are
      if (ORIGIN_BEFORE.test(before) && !/\b(?:stor(?:e|es|ed|ing)|host(?:s|ed|ing)?|keeps?|kept)\b [^.]{0,40}\bcollected from you (?:with)?in [^.]{0,40}$/.test(before)) continue;
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
    return { countries: ['US'], safeguards: safeguardsIn(t, (id) => id !== 'consent'), index: FRAMEWORK.exec(t)!.index, frame: false };
  }
  const move = MOVE.exec(t);
  if (!move) return null;
  // the company's place, given as the reason for a GDPR representative ("as Telegram is located outside
  // the EEA, we have designated ... as our representative"): no transfer of data
  if (t.includes('representative') && /\b(?:designat|appoint|nominat)\w*\b/.test(t) && !/\b(?:transfer\w*|stor(?:e|ed|age))\b/.test(t)) return null;
  const abroad = ABROAD.exec(t);
  const countries = ANY_COUNTRY.test(t) ? destinations(t) : [];
  // "when we transfer the personal data of users in the EEA, we rely on standard contractual clauses"
  if (!abroad && !countries.length && /\btransfer/.test(t) && safeguardsIn(t, (id) => id !== 'consent').length && /\b(?:information|data|personal)\b/.test(t))
    return { countries: [], safeguards: safeguardsIn(t), index: move.index, frame: false };
  // "process data outside of Canada": abroad, from a named place
  const outsideNamed = !abroad && !countries.length && t.includes('outside') && OUTSIDE_NAMED.test(t);
  if (!abroad && !outsideNamed && !countries.length) return null;
  if (!abroad && !outsideNamed && !/\b(?:transfer\w*|stor\w*|process\w*|host\w*|located|held|send|sent)\b[^.]{0,80}\b(?:in|to|into|within)\b/.test(t)) return null;
  if (!/\b(?:information|data|personal|records?)\b/.test(t)) return null;
  const safeguards = safeguardsIn(t);
  // "we may share your personal data with our parent company, located in the BVI": a disclosure first,
  // whose recipient's place names the destination; the sentence still speaks of parties for the other facets
  const sharedWith = move[0] === 'located' && !abroad && /\bshar(?:e|es|ed|ing)\b[^.]{0,60}\bwith\b/.test(t);
  return { countries: [...new Set(countries)].sort(), safeguards, index: abroad?.index ?? move.index, frame: !sharedWith };
}

/** The named transfer mechanisms of a sentence that names no transfer itself ("This will take the form
 *  of standard contract clauses ..." after "we may share your data with our parent company, located
 *  in the BVI"): the caller attaches them to a transfer stated earlier in the same paragraph. */
export function safeguardsAlone(t: string): string[] {
  // contract-type mechanisms only: a framework named later in the paragraph is mostly its recourse or conflict clause
  return safeguardsIn(t, (id) => CONTRACT_SAFEGUARDS.has(id));
}
const CONTRACT_SAFEGUARDS = new Set(['standard_contractual_clauses', 'binding_corporate_rules', 'adequacy_decision']);
