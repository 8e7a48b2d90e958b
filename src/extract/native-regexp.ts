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
// V8 compiles separately for one-byte and two-byte strings: a policy with one curly quote or dash
// is two-byte throughout (its slices too), so its tables get their first run over a two-byte subject
// (the one character beyond U+00FF comes last and cannot start a backtracking run: see padSafe).
const TIER_UP_SUBJECT_WIDE = '\0'.repeat(1023) + '\u0100';

/**
 * Whether a run over 1,024 U+0000 cannot backtrack badly: no atom that can match U+0000 (`.`
 * outside a class, a negated class, \\W \\S \\D \\P \\p and numeric escapes, conservatively) is
 * reachable on that subject and repeated without bound (`*`, `+`, `{n,}`) or inside a repeated
 * group (a pattern of blanks once made 1,024 blanks take half a second). Such an atom alone or
 * with a bounded count (`[^.;]{0,60}` in a lookahead) costs at most that count per position; after
 * a required literal ("access (?: \\([^()]{1,60}\\))?...") it is never reached, since the literal
 * cannot match U+0000. Inside a class `.` is itself. Each miss here sends a table through V8's
 * bytecode path on first use: the rights tables (6-7 KB) took 27-55 ms there, ~8 ms compiled natively.
 */
export function padSafe(source: string): boolean {
  // per open group: does it hold a reachable U+0000 atom; is the current position behind a required
  // literal (unreachable on the pad); the guard it started with (restored at each `|`); lookaround
  const frames: { unsafe: boolean; guarded: boolean; base: boolean; look: boolean; alts: boolean }[] = [{ unsafe: false, guarded: false, base: false, look: false, alts: true }];
  const top = () => frames[frames.length - 1]!;
  /** After an atom ending at i: a safe atom guards what follows unless its count may be zero. */
  const safeAtom = (i: number) => {
    const q = source[i + 1];
    if (q !== '?' && q !== '*' && !(q === '{' && source[i + 2] === '0')) top().guarded = true;
  };
  /** After an unsafe atom ending at i: false when it is reachable and repeated without bound. */
  const unsafeAtom = (i: number) => {
    const f = top();
    if (f.guarded) return true;
    f.unsafe = true;
    return quantifierOk(source, i + 1);
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const e = source[i + 1] ?? '';
      i++;
      if ((e === 'p' || e === 'P') && source[i + 1] === '{') {
        i = source.indexOf('}', i);
        if (i < 0) return false;
      }
      if ('WSDPpxuc0'.includes(e)) {
        if (!unsafeAtom(i)) return false;
      } else if (!'bB123456789k'.includes(e)) safeAtom(i); // \b \B assert; backreferences may be empty
    } else if (c === '[') {
      // (in JS, unlike POSIX, "[]" is an empty class: the next ] closes it)
      let unsafe = source[i + 1] === '^';
      if (unsafe) i++;
      for (i++; i < source.length && source[i] !== ']'; i++) {
        if (source[i] === '\\') {
          if ('WSDPpxuc0'.includes(source[i + 1] ?? '')) unsafe = true;
          i++;
        }
      }
      if (!unsafe) safeAtom(i);
      else if (!unsafeAtom(i)) return false;
    } else if (c === '(') {
      const head = /^\((?:\?(?::|<?[=!]|<[A-Za-z_$][\w$]*>))?/.exec(source.slice(i, i + 40))![0];
      const look = /^\(\?<?[=!]/.test(head);
      i += head.length - 1; // past "(?:", "(?<!", "(?<name>"
      const g = top().guarded;
      frames.push({ unsafe: false, guarded: g, base: g, look, alts: true });
    } else if (c === ')') {
      const f = frames.pop();
      if (!f || !frames.length) return false;
      if (f.unsafe) {
        top().unsafe = true;
        if (repeated(source, i + 1)) return false;
      }
      // a group each of whose alternatives needs a literal guards what follows, unless it may be
      // skipped (a lookaround consumes nothing)
      if (!f.look && f.alts && f.guarded) safeAtom(i);
    } else if (c === '|') {
      const f = top();
      f.alts &&= f.guarded;
      f.guarded = f.base;
    } else if (c === '.') {
      if (!unsafeAtom(i)) return false;
    } else if (c === '^' || c === '$' || c === '?' || c === '*' || c === '+' || c === '{' || c === '}' || c === ']') {
      if (c === '{') i = Math.max(i, source.indexOf('}', i));
      // assertions and quantifiers: no atom
    } else safeAtom(i);
  }
  return true;
}

/** After an atom that can match U+0000: only no count, `?` or a bounded `{m,n}`. */
function quantifierOk(source: string, at: number): boolean {
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

/** Make V8 compile `re` to native code now, when the subject is safe for it (`safe`: padSafe(re.source), when known). */
export function nativeRegExp(re: RegExp, wide = false, safe?: boolean): RegExp {
  if (!(safe ?? padSafe(re.source))) return re;
  re.lastIndex = 0;
  re.test(wide ? TIER_UP_SUBJECT_WIDE : TIER_UP_SUBJECT);
  re.lastIndex = 0;
  return re;
}

// Regular expressions of the extractor's code that most policies run. V8 compiles a regular
// expression to bytecode for its first run and to native code on its second; for a large
// alternation the bytecode compile costs several times the native one (ELSEWHERE_RE, 1.2 KB:
// ~11 ms against ~1.5 ms), so a small policy paid both for each. These get their native code at
// the start of the first extraction instead, from the same long first run as the lexicon tables
// (after it V8 compiles the other string width natively too, never to bytecode). Chosen by
// measurement over the corpus: used by most policies, bytecode dear. Each must be padSafe
// (test/extract-lexicon.test.ts checks), since the check is not repeated here.
const EAGER: RegExp[] = [];
let warmed = false;

/** Mark `re` for a native compile when extraction first starts (see above); returns `re`. */
export function eager<T extends RegExp>(re: T): T {
  EAGER.push(re);
  return re;
}

/** The expressions marked with eager(), for the test that checks them. */
export function eagerRegExps(): readonly RegExp[] {
  return EAGER;
}

/** Compile every eager() expression natively, once per process. */
export function warmEager(): void {
  if (warmed) return;
  warmed = true;
  for (const re of EAGER) nativeRegExp(re, false, true);
}
