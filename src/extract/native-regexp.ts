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
 * Whether a run over 1,024 U+0000 cannot backtrack badly: no atom that can match U+0000 (`.`
 * outside a class, a negated class, \\W \\S \\D \\P \\p and numeric escapes, conservatively) is
 * repeated without bound (`*`, `+`, `{n,}`) or sits in a repeated group (a pattern of blanks once
 * made 1,024 blanks take half a second). Such an atom alone or with a bounded count (`[^.;]{0,60}`
 * in a lookahead) costs at most that count per position. Inside a class `.` is itself: the rights
 * table's `[,.;]` once sent its 4 KB alternation through the bytecode path (27 ms on first use,
 * against a 4 ms native compile).
 */
export function padSafe(source: string): boolean {
  const groups: boolean[] = []; // per open group: does it hold an atom that can match U+0000?
  let inClass = false;
  let classNegated = false;
  let classUnsafe = false;
  let atomUnsafe = false; // the atom just closed
  const mark = () => {
    if (groups.length) groups[groups.length - 1] = true;
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (inClass) {
      if (c === '\\') {
        if ('WSDPpxuc0'.includes(source[i + 1] ?? '')) classUnsafe = true;
        i++;
      } else if (c === ']') {
        inClass = false;
        atomUnsafe = classNegated || classUnsafe;
        if (atomUnsafe) mark();
        if (!quantifierOk(source, i + 1, atomUnsafe)) return false;
      }
      continue;
    }
    if (c === '\\') {
      atomUnsafe = 'WSDPpxuc0'.includes(source[i + 1] ?? '');
      if (atomUnsafe) mark();
      i++;
      if ((source[i] === 'p' || source[i] === 'P') && source[i + 1] === '{') i = source.indexOf('}', i); // \p{L}
      if (i < 0) return false;
      if (!quantifierOk(source, i + 1, atomUnsafe)) return false;
    } else if (c === '[') {
      // (in JS, unlike POSIX, "[]" is an empty class: the next ] closes it)
      inClass = true;
      classNegated = source[i + 1] === '^';
      classUnsafe = false;
      if (classNegated) i++;
    } else if (c === '(') {
      groups.push(false);
    } else if (c === ')') {
      const unsafe = groups.pop() ?? false;
      if (unsafe) mark();
      if (unsafe && repeated(source, i + 1)) return false;
    } else if (c === '.') {
      mark();
      if (!quantifierOk(source, i + 1, true)) return false;
    }
  }
  return true;
}

/** After an atom that can match U+0000: only no count, `?` or a bounded `{m,n}`. */
function quantifierOk(source: string, at: number, unsafe: boolean): boolean {
  if (!unsafe) return true;
  const q = source[at];
  if (q === '*' || q === '+') return false;
  if (q === '{') return /^\{\d+(?:,\d+)?\}/.test(source.slice(at, at + 12));
  return true;
}

/** Is the group that just closed repeated (any count but `?` / `{0,1}` / `{1}`)? */
function repeated(source: string, at: number): boolean {
  const q = source[at];
  if (q === '*' || q === '+') return true;
  if (q === '{') return !/^\{[01](?:,1)?\}/.test(source.slice(at, at + 8));
  return false;
}

/** Make V8 compile `re` to native code now, when the subject is safe for it. */
export function nativeRegExp(re: RegExp): RegExp {
  if (!padSafe(re.source)) return re;
  re.lastIndex = 0;
  re.test(TIER_UP_SUBJECT);
  re.lastIndex = 0;
  return re;
}
