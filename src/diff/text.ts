// The text side of a diff: sections aligned by heading, lines diffed first, then words within the
// changed blocks only. jsdiff is O(ND), so it never sees a whole rewritten document: lines are
// anchored with a patience pass (unique lines, longest increasing subsequence) and every jsdiff
// call is bounded with maxEditLength (deterministic, unlike a timeout). Whitespace, quote style
// (curly vs straight) and dash style never count as changes. Pure: no I/O.
import type { Root, Heading } from 'mdast';
import { diffArrays } from 'diff';
import { toString } from 'mdast-util-to-string';

/** What the text diff needs from a parsed document (ParsedDocument and the site's ChangeSide fit). */
export interface DiffDoc {
  path: string;
  text: string;
  tree: Root;
}

export interface SourceLine {
  /** 1-based line number in the source. */
  n: number;
  raw: string;
  norm: string;
}

export interface Section {
  /** Alignment key: the normalised heading (its path where headings repeat). */
  key: string;
  /** Heading path, outermost first; [] for the text before the first heading. */
  path: string[];
  /** 1-based line of the heading (0 for the preamble). */
  line: number;
  /** Non-blank content lines (the heading line excluded). */
  lines: SourceLine[];
}

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g;
const SPACES = /[\s\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF]+/g;

/** Normalise text for comparison: quote and dash style, whitespace, list markers, escapes. */
export function normalizeText(s: string): string {
  return s
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')
    .replace(SPACES, ' ')
    .trim()
    .replace(/^(?:[*+-]|\d+[.)])\s+/, '- ');
}

/** Normalise a heading for alignment: text only, case-folded, numbering kept. */
export function normalizeHeading(s: string): string {
  return normalizeText(s.replace(/[*_`]/g, '')).replace(/\s*:$/, '').toLowerCase();
}

/** The alignment form of a heading: without its numbering, so renumbered sections still align. */
export function headingKey(s: string): string {
  return normalizeHeading(s.replace(/^\s*(?:\d+(?:\.\d+)*\.?|[a-z][.)]|[ivxlc]+[.)])\s+/i, '')) || normalizeHeading(s);
}

/** Split a document into sections at its headings (front matter excluded). */
export function splitSections(doc: DiffDoc): Section[] {
  const rawLines = doc.text.split('\n');
  let bodyStart = 1;
  const headings: { line: number; end: number; depth: number; text: string }[] = [];
  for (const node of doc.tree.children) {
    if (!node.position) continue;
    if (node.type === 'yaml') bodyStart = node.position.end.line + 1;
    else if (node.type === 'heading') {
      const h = node as Heading;
      headings.push({ line: node.position.start.line, end: node.position.end.line, depth: h.depth, text: toString(h).trim() });
    }
  }
  const sections: Section[] = [];
  const stack: { depth: number; text: string }[] = [];
  const take = (from: number, to: number): SourceLine[] => {
    const out: SourceLine[] = [];
    for (let n = Math.max(from, bodyStart); n <= to; n++) {
      const raw = rawLines[n - 1] ?? '';
      const norm = normalizeText(raw);
      if (norm) out.push({ n, raw, norm });
    }
    return out;
  };
  const firstHeading = headings[0]?.line ?? rawLines.length + 1;
  const preamble = take(bodyStart, firstHeading - 1);
  if (preamble.length) sections.push({ key: '', path: [], line: 0, lines: preamble });
  headings.forEach((h, i) => {
    while (stack.length && stack[stack.length - 1]!.depth >= h.depth) stack.pop();
    stack.push({ depth: h.depth, text: h.text });
    const next = headings[i + 1]?.line ?? rawLines.length + 1;
    sections.push({ key: '', path: stack.map((s) => s.text), line: h.line, lines: take(h.end + 1, next - 1) });
  });
  // Keys: the leaf heading; its path where the leaf repeats; an ordinal where the path repeats too.
  const leafCount = new Map<string, number>();
  for (const s of sections) if (s.line) leafCount.set(headingKey(s.path.at(-1) ?? ''), (leafCount.get(headingKey(s.path.at(-1) ?? '')) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const s of sections) {
    if (!s.line) {
      s.key = '(preamble)';
      continue;
    }
    const leaf = headingKey(s.path.at(-1) ?? '');
    let key = (leafCount.get(leaf) ?? 0) > 1 ? s.path.map(headingKey).join(' > ') : leaf;
    const k = (seen.get(key) ?? 0) + 1;
    seen.set(key, k);
    if (k > 1) key = `${key} #${k}`;
    s.key = key;
  }
  return sections;
}

// ---------------------------------------------------------------------------------------------
// Sequence diff: patience anchors + bounded Myers.

export type SeqOp = { op: '=' | '-' | '+'; a: number; b: number };

/** Largest total size handed to one bounded Myers call, and its edit budget. */
const MYERS_MAX_ITEMS = 6000;
const MYERS_MAX_EDITS = 400;

/** Diff two sequences of strings (compared exactly): near-linear on large or rewritten input. */
export function diffSequences(a: string[], b: string[], maxItems = MYERS_MAX_ITEMS, maxEdits = MYERS_MAX_EDITS): SeqOp[] {
  const out: SeqOp[] = [];
  diffRange(a, b, 0, a.length, 0, b.length, out, maxItems, maxEdits);
  return out;
}

function diffRange(a: string[], b: string[], a0: number, a1: number, b0: number, b1: number, out: SeqOp[], maxItems: number, maxEdits: number): void {
  const head: SeqOp[] = [];
  while (a0 < a1 && b0 < b1 && a[a0] === b[b0]) head.push({ op: '=', a: a0++, b: b0++ });
  const tail: SeqOp[] = [];
  while (a0 < a1 && b0 < b1 && a[a1 - 1] === b[b1 - 1]) tail.push({ op: '=', a: --a1, b: --b1 });
  out.push(...head);
  if (a0 === a1 || b0 === b1) {
    replace(a0, a1, b0, b1, out);
  } else {
    const anchors = patienceAnchors(a, b, a0, a1, b0, b1);
    if (anchors.length) {
      let pa = a0;
      let pb = b0;
      for (const [i, j] of anchors) {
        diffRange(a, b, pa, i, pb, j, out, maxItems, maxEdits);
        out.push({ op: '=', a: i, b: j });
        pa = i + 1;
        pb = j + 1;
      }
      diffRange(a, b, pa, a1, pb, b1, out, maxItems, maxEdits);
    } else if (a1 - a0 + (b1 - b0) <= maxItems) {
      const parts = diffArrays(a.slice(a0, a1), b.slice(b0, b1), { maxEditLength: maxEdits });
      if (!parts) replace(a0, a1, b0, b1, out);
      else {
        let i = a0;
        let j = b0;
        for (const p of parts) {
          for (let k = 0; k < p.count; k++) {
            if (p.added) out.push({ op: '+', a: i, b: j++ });
            else if (p.removed) out.push({ op: '-', a: i++, b: j });
            else out.push({ op: '=', a: i++, b: j++ });
          }
        }
      }
    } else replace(a0, a1, b0, b1, out);
  }
  for (let k = tail.length - 1; k >= 0; k--) out.push(tail[k]!);
}

function replace(a0: number, a1: number, b0: number, b1: number, out: SeqOp[]): void {
  for (let i = a0; i < a1; i++) out.push({ op: '-', a: i, b: b0 });
  for (let j = b0; j < b1; j++) out.push({ op: '+', a: a1, b: j });
}

/** Pairs of lines unique on both sides, in the longest order-preserving chain (patience diff). */
function patienceAnchors(a: string[], b: string[], a0: number, a1: number, b0: number, b1: number): [number, number][] {
  const countA = new Map<string, number>();
  for (let i = a0; i < a1; i++) countA.set(a[i]!, countA.has(a[i]!) ? -1 : i);
  const countB = new Map<string, number>();
  for (let j = b0; j < b1; j++) countB.set(b[j]!, countB.has(b[j]!) ? -1 : j);
  const pairs: [number, number][] = [];
  for (let j = b0; j < b1; j++) {
    const ib = countB.get(b[j]!);
    if (ib !== j) continue;
    const ia = countA.get(b[j]!);
    if (ia !== undefined && ia >= 0) pairs.push([ia, j]);
  }
  return longestIncreasing(pairs);
}

/** Longest chain with increasing first elements (pairs come sorted by the second): O(n log n). */
export function longestIncreasing<T extends [number, number]>(pairs: T[]): T[] {
  const tails: number[] = [];
  const prev: number[] = new Array(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    const v = pairs[k]![0];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![0] < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const chain: T[] = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = prev[k]!) chain.push(pairs[k]!);
  return chain.reverse();
}

// ---------------------------------------------------------------------------------------------
// Words.

export interface Token {
  /** Display text, with the whitespace before it. */
  text: string;
  /** Comparison form. */
  core: string;
}

const WORD = /(\s*)([\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}])/gu;

const STYLE_CHARS = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4\u201C-\u201F\u2033\u00AB\u00BB\u2010-\u2015\u2212]/;

/** The comparison form of one token: quote and dash style folded (the hot path: no regex unless needed). */
function tokenCore(t: string): string {
  return STYLE_CHARS.test(t) ? t.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, '-') : t;
}

export function tokenize(line: string, lead: string): Token[] {
  const out: Token[] = [];
  let first = true;
  for (const m of line.matchAll(WORD)) {
    const core = tokenCore(m[2]!);
    out.push({ text: (first ? lead : m[1] ? ' ' : '') + m[2]!, core });
    first = false;
  }
  return out;
}

export interface Part {
  value: string;
  added?: boolean;
  removed?: boolean;
}

const WORDS_MAX_ITEMS = 8000;
const WORDS_MAX_EDITS = 300;

/** Word-level redline of two blocks of lines; falls back to a block replacement past the budget. */
export function diffWordsOf(before: SourceLine[], after: SourceLine[]): { parts: Part[]; added: string[]; removed: string[] } {
  const ta = before.flatMap((l, i) => tokenize(l.raw, i ? '\n' : ''));
  const tb = after.flatMap((l, i) => tokenize(l.raw, i ? '\n' : ''));
  const ops = diffSequences(
    ta.map((t) => t.core),
    tb.map((t) => t.core),
    WORDS_MAX_ITEMS,
    WORDS_MAX_EDITS,
  );
  const parts: Part[] = [];
  const added: string[] = [];
  const removed: string[] = [];
  const push = (value: string, kind: '=' | '-' | '+') => {
    const last = parts[parts.length - 1];
    const same = last && (kind === '+' ? last.added : kind === '-' ? last.removed : !last.added && !last.removed);
    if (last && same) last.value += value;
    else parts.push(kind === '+' ? { value, added: true } : kind === '-' ? { value, removed: true } : { value });
  };
  for (const o of ops) {
    if (o.op === '=') push(tb[o.b]!.text, '=');
    else if (o.op === '-') {
      push(ta[o.a]!.text, '-');
      removed.push(ta[o.a]!.core);
    } else {
      push(tb[o.b]!.text, '+');
      added.push(tb[o.b]!.core);
    }
  }
  return { parts, added, removed };
}

// ---------------------------------------------------------------------------------------------
// Section redline.

export interface Hunk {
  /** Lines of the old and the new text in this hunk (either may be empty). */
  before: SourceLine[];
  after: SourceLine[];
  parts: Part[];
  /** Comparison forms of the words added and removed. */
  added: string[];
  removed: string[];
}

export interface SectionRedline {
  parts: Part[];
  hunks: Hunk[];
}

/** Redline of one section's lines: lines first, then words within each changed run. */
export function redlineLines(before: SourceLine[], after: SourceLine[]): SectionRedline {
  const ops = diffSequences(
    before.map((l) => l.norm),
    after.map((l) => l.norm),
  );
  const parts: Part[] = [];
  const hunks: Hunk[] = [];
  let k = 0;
  const pushPart = (p: Part) => {
    const last = parts[parts.length - 1];
    if (last && Boolean(last.added) === Boolean(p.added) && Boolean(last.removed) === Boolean(p.removed)) last.value += p.value;
    else parts.push({ ...p });
  };
  while (k < ops.length) {
    const o = ops[k]!;
    if (o.op === '=') {
      pushPart({ value: after[o.b]!.raw.trim() + '\n' });
      k++;
      continue;
    }
    const del: SourceLine[] = [];
    const ins: SourceLine[] = [];
    while (k < ops.length && ops[k]!.op !== '=') {
      const c = ops[k]!;
      if (c.op === '-') del.push(before[c.a]!);
      else ins.push(after[c.b]!);
      k++;
    }
    const words = diffWordsOf(del, ins);
    // Lines that differ only in how they wrap are not a change.
    if (words.added.length || words.removed.length) hunks.push({ before: del, after: ins, parts: words.parts, added: words.added, removed: words.removed });
    for (const p of words.parts) pushPart(p);
    pushPart({ value: '\n' });
  }
  return { parts, hunks };
}
