// V8 runs a regular expression through its bytecode interpreter the first time it is used and
// compiles native code later; for the extractor's large alternations the bytecode path costs
// several times the native compile (5-13 ms against ~2 ms for a lexicon table), and a cold start
// paid it for each of ~150 tables. V8 compiles native code at once when the subject has 1,000 or
// more characters (JSRegExp::kTierUpForSubjectLengthValue), so a table's first run is over a long
// subject. Matches are the same either way; only the time differs. (Doing the same for the ~300
// regex literals of src/extract/ was measured too: it cost as much as it saved, 14 ms.)

// U+0000: no policy text holds it, and only a few kinds of atom match it (padSafe), so scanning
// the subject is one failed first step per position.
const TIER_UP_SUBJECT = '\0'.repeat(1024);

/**
 * Whether nothing in `source` can match U+0000: then a run over the subject cannot backtrack
 * (a pattern of blanks could: three adjacent `\s*` made 1,024 spaces take half a second).
 * Conservative: any `.`, negated class, negated or numeric escape counts as a match.
 */
export function padSafe(source: string): boolean {
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      if ('WSDPpxuc0'.includes(source[i + 1] ?? '')) return false;
      i++;
    } else if (c === '.' || (c === '[' && source[i + 1] === '^')) return false;
  }
  return true;
}

/** Make V8 compile `re` to native code now, when the subject is safe for it. */
export function nativeRegExp(re: RegExp): RegExp {
  if (!padSafe(re.source)) return re;
  re.lastIndex = 0;
  re.test(TIER_UP_SUBJECT);
  re.lastIndex = 0;
  return re;
}
