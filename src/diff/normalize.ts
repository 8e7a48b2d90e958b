// Text normalisation for comparison: whitespace and quote style never count as changes.

/** Fold curly quotes, dashes, non-breaking and zero-width characters, and runs of whitespace. */
export function normalizeText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u200b-\u200d\u2060\ufeff\u200e\u200f]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** A heading made comparable: numbering, punctuation and case removed ("1\. What we collect:" -> "what we collect"). */
export function normalizeHeading(text: string): string {
  return normalizeText(text)
    .toLowerCase()
    .replace(/^(?:section\s+)?(?:[0-9]+|[ivxlc]+|[a-z])(?:[.)]\s*|\s+-\s+|\.(?=\s))/i, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** One sentence per line, so a line diff finds changed sentences before any word diff. */
export function sentenceLines(text: string): string {
  return normalizeText(text).replace(/([.!?;:])\s+(?=["'(\[]?[A-Z0-9])/g, '$1\n');
}
