// Rule-based sentence and clause splitting over the mask (see structure.ts). No NLP model: a
// whole policy splits in well under a millisecond, and abbreviations, URLs, e-mail addresses,
// decimals and list markers survive. Offsets refer to doc.text.

export interface Span {
  start: number;
  end: number;
}

// Abbreviations after which a period does not end a sentence (lower-case: the mask is lower-cased).
const ABBREV = new Set([
  'e.g', 'i.e', 'etc', 'inc', 'ltd', 'co', 'corp', 'llc', 'l.l.c', 'mr', 'mrs', 'ms', 'dr', 'st', 'no', 'nos', 'vs', 'v',
  'u.s', 'u.k', 'u.s.a', 'e.u', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'approx', 'dept', 'est', 'fig', 'p.o', 'ave', 'blvd', 'rd', 'ste', 'sec', 'art', 'para', 'cf', 'al', 'viz', 'incl',
  'www', 'p', 'pp', 'jr', 'sr', 'a.m', 'p.m', 'n.a', 'ph', 'tel', 'ext',
]);

/** Trim a span to its first and last non-space character of the mask. */
export function trimSpan(mask: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(mask[s]!)) s++;
  while (e > s && /\s/.test(mask[e - 1]!)) e--;
  return e > s ? { start: s, end: e } : null;
}

/** Split text[start,end) of the mask into sentences. */
export function splitSentences(mask: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let s = start;
  for (let i = start; i < end; i++) {
    const c = mask[i]!;
    let boundary = false;
    let cut = i + 1;
    if (c === '.' || c === '!' || c === '?') {
      // swallow closing quotes/brackets and repeated punctuation
      let j = i + 1;
      while (j < end && /[.!?"')\]]/.test(mask[j]!)) j++;
      if (j >= end) {
        boundary = true;
        cut = j;
      } else if (/\s/.test(mask[j]!)) {
        // what follows: next non-space char
        let k = j;
        while (k < end && /\s/.test(mask[k]!)) k++;
        const next = mask[k] ?? '';
        const word = /([a-z0-9.]+)$/.exec(mask.slice(Math.max(start, i - 12), i))?.[1] ?? '';
        const abbrev = c === '.' && (ABBREV.has(word) || /^[a-z]$/.test(word) || /^([a-z]\.)+[a-z]$/.test(word));
        // the mask is lower-case: sentence starts are recognised on the next char's shape
        const startsSentence = /[a-z0-9"'(\[•-]/.test(next) || k >= end;
        if (!abbrev && startsSentence) {
          boundary = true;
          cut = j;
        }
        // "e.g. the" stays; "etc. We" ends (lower-cased both: keep etc. as boundary only before a newline)
        if (abbrev && word === 'etc' && /\n/.test(mask.slice(j, k))) {
          boundary = true;
          cut = j;
        }
      }
      if (boundary) i = cut - 1;
    } else if (c === '\n') {
      // a blank line, or a line that starts like a list bullet, ends a sentence
      let k = i + 1;
      while (k < end && mask[k] === ' ') k++;
      if (mask[k] === '\n' || /^(?:[•·▪◦-]|\d+[.)])\s/.test(mask.slice(k, k + 4))) {
        boundary = true;
        cut = i;
      }
    }
    if (boundary) {
      const sp = trimSpan(mask, s, cut);
      if (sp) out.push(sp);
      s = cut;
    }
  }
  const sp = trimSpan(mask, s, end);
  if (sp) out.push(sp);
  return out;
}

/**
 * Split a sentence into clauses at semicolons and at the contrastive or exceptive words that
 * bound the scope of a negation: but, however, although, whereas, except, unless, other than.
 */
export function splitClauses(mask: string, span: Span): Span[] {
  const text = mask.slice(span.start, span.end);
  const re = /;|\s(?=(?:but|however|although|though|whereas|except|unless|other than|provided that|while)\b)|,\s(?=(?:and|or)\s(?:we|you|they|it)\b)/g;
  const out: Span[] = [];
  let s = 0;
  for (const m of text.matchAll(re)) {
    // "including but not limited to" is not a clause boundary
    if (/^\s?but not limited/.test(text.slice(m.index, m.index + 18))) continue;
    const e = m.index;
    const sp = trimSpan(mask, span.start + s, span.start + e);
    if (sp) out.push(sp);
    s = e + (m[0] === ';' ? 1 : m[0].length);
  }
  const sp = trimSpan(mask, span.start + s, span.end);
  if (sp) out.push(sp);
  return out;
}
