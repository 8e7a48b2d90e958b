// Section-level text comparison: sections are aligned by heading (so a moved section shows as
// moved, not as a deletion plus an insertion), then diffed by sentence lines, and by words only
// inside changed blocks. jsdiff is O(ND): never a word diff of a whole rewritten document.
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { diffArrays, diffWords } from 'diff';
import { normalizeHeading, normalizeText, sentenceLines } from './normalize.js';
import type { SectionDiff } from './types.js';
import type { ParsedDocument } from '../parse/markdown.js';
import { buildStructure } from '../parse/structure.js';

export interface Section {
  /** Heading path, outermost first ("" for text before the first heading). */
  path: string[];
  heading: string;
  key: string;
  /** Normalised plain text of the section's own blocks (not its subsections). */
  text: string;
  /** 1-based line span of the section in its source. */
  lines: [number, number];
}

/** Split a document into sections at every heading; archive-header and front-matter nodes are skipped. */
export function sectionsOf(tree: Root): Section[] {
  const sections: Section[] = [];
  const stack: { depth: number; text: string }[] = [];
  let current: { path: string[]; heading: string; blocks: RootContent[]; start: number; end: number } = { path: [], heading: '', blocks: [], start: 1, end: 1 };
  const flush = () => {
    const text = normalizeText(current.blocks.map(blockText).join('\n'));
    if (current.heading || text) {
      const key = current.path.map(normalizeHeading).join(' / ');
      sections.push({ path: current.path, heading: current.heading, key, text, lines: [current.start, current.end] });
    }
  };
  for (const node of tree.children) {
    if (node.type === 'yaml') continue;
    const start = node.position?.start.line ?? current.end;
    const end = node.position?.end.line ?? start;
    if (node.type === 'heading') {
      flush();
      const text = normalizeText(toString(node));
      while (stack.length && stack[stack.length - 1]!.depth >= node.depth) stack.pop();
      stack.push({ depth: node.depth, text });
      current = { path: stack.map((s) => s.text), heading: text, blocks: [], start, end };
    } else {
      current.blocks.push(node);
      current.end = end;
    }
  }
  flush();
  return distinctKeys(sections);
}

/** Plain text of a block, with a break between nested blocks (list items, cells) so words never fuse. */
function blockText(node: RootContent): string {
  if ('children' in node && ['list', 'listItem', 'blockquote', 'table', 'tableRow', 'footnoteDefinition'].includes(node.type))
    return (node.children as RootContent[]).map(blockText).join('\n');
  return toString(node);
}

/**
 * Sections from the extractor's structure, which also knows the headings real files fake (bold
 * lines, plain lines, headings glued to list items); the archive header is left out.
 */
export function sectionsOfDocument(doc: ParsedDocument): Section[] {
  const { blocks } = buildStructure(doc);
  const sections: Section[] = [];
  let current: { path: string[]; heading: string; texts: string[]; start: number; end: number } | undefined;
  const flush = () => {
    if (!current) return;
    const text = normalizeText(current.texts.join('\n'));
    if (current.heading || text) sections.push({ path: current.path, heading: current.heading, key: current.path.map(normalizeHeading).join(' / '), text, lines: [current.start, current.end] });
  };
  for (const b of blocks) {
    if (b.quoted && /the following text is extracted and transformed from/i.test(doc.text.slice(b.start, b.end))) continue;
    const line = doc.lines.lineOf(b.start);
    const endLine = doc.lines.lineOf(Math.max(b.start, b.end - 1));
    const raw = doc.text.slice(b.start, b.end);
    if (b.kind === 'heading') {
      flush();
      const heading = normalizeText(raw.replace(/^[#*_\s]+|[*_\s]+$/g, ''));
      current = { path: [...b.section, heading], heading, texts: [], start: line, end: endLine };
      continue;
    }
    const path = current?.path ?? [];
    if (!current || b.section.join('\u0000') !== path.join('\u0000')) {
      // A block outside the current heading's section (e.g. text before the first heading).
      flush();
      current = { path: b.section, heading: b.section[b.section.length - 1] ?? '', texts: [], start: line, end: endLine };
    }
    current.texts.push(raw.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`]+/g, ''));
    current.end = endLine;
  }
  flush();
  return distinctKeys(sections);
}

/** Repeated keys (two "Overview" sections) are told apart by their order. */
function distinctKeys(sections: Section[]): Section[] {
  const seen = new Map<string, number>();
  for (const s of sections) {
    const n = seen.get(s.key) ?? 0;
    seen.set(s.key, n + 1);
    if (n) s.key = `${s.key} #${n + 1}`;
  }
  return sections;
}

export interface AlignedSection {
  before?: Section;
  after?: Section;
  diff: SectionDiff;
  /** Sentences added or removed (normalised), for the practice-sentence guard. */
  changedSentences: { side: 'before' | 'after'; text: string; section: Section }[];
}

// Word diffs run on replaced blocks only, and only where the blocks are alike enough for a
// word-level redline to read better than "replaced by"; both bounds keep a rewrite linear.
const MAX_EDIT = 2000;
const MAX_WORD_DIFF_CHARS = 20000;

export function alignSections(a: Section[], b: Section[]): AlignedSection[] {
  const byKeyA = new Map(a.map((s) => [s.key, s]));
  const byKeyB = new Map(b.map((s) => [s.key, s]));
  const pairs = new Map<Section, Section>(); // after -> before
  for (const s of b) {
    const o = byKeyA.get(s.key);
    if (o) pairs.set(s, o);
  }
  // Renamed headings: pair leftovers whose texts are alike (word-set overlap).
  const leftA = a.filter((s) => !byKeyB.has(s.key));
  const leftB = b.filter((s) => !pairs.has(s));
  if (leftA.length && leftB.length && leftA.length * leftB.length <= 40000) {
    const wordsA = leftA.map((s) => bigrams(s.text));
    for (const s of leftB) {
      const w = bigrams(s.text);
      let best = -1;
      let score = 0.4;
      wordsA.forEach((wa, i) => {
        if (!wa) return;
        const j = jaccard(wa, w);
        if (j > score) {
          score = j;
          best = i;
        }
      });
      if (best >= 0) {
        pairs.set(s, leftA[best]!);
        wordsA[best] = undefined as unknown as Set<string>;
      }
    }
  }
  // Moved: paired sections whose relative order changed (not on the longest common order).
  const pairedAfter = b.filter((s) => pairs.has(s));
  const orderA = pairedAfter.map((s) => a.indexOf(pairs.get(s)!));
  const stay = longestIncreasing(orderA);
  const out: AlignedSection[] = [];
  const usedA = new Set(pairs.values());
  const emitted = new Set<Section>();
  const emitRemoved = (upTo: number) => {
    for (let i = 0; i <= upTo && i < a.length; i++) {
      const s = a[i]!;
      if (!usedA.has(s) && !emitted.has(s)) {
        emitted.add(s);
        out.push(removedSection(s));
      }
    }
  };
  let k = 0;
  for (const s of b) {
    const o = pairs.get(s);
    if (!o) {
      out.push(addedSection(s));
      continue;
    }
    emitRemoved(a.indexOf(o));
    const moved = !stay.has(k++);
    out.push(compareSection(o, s, moved));
  }
  emitRemoved(a.length - 1);
  return out;
}

function addedSection(s: Section): AlignedSection {
  return {
    after: s,
    diff: { heading: s.path.join(' › ') || '(preamble)', status: 'added', parts: s.text ? [{ value: s.text, added: true }] : [] },
    changedSentences: splitSentences(s.text).map((text) => ({ side: 'after' as const, text, section: s })),
  };
}

function removedSection(s: Section): AlignedSection {
  return {
    before: s,
    diff: { heading: s.path.join(' › ') || '(preamble)', status: 'removed', parts: s.text ? [{ value: s.text, removed: true }] : [] },
    changedSentences: splitSentences(s.text).map((text) => ({ side: 'before' as const, text, section: s })),
  };
}

function compareSection(a: Section, b: Section, moved: boolean): AlignedSection {
  const heading = b.path.join(' › ') || '(preamble)';
  const renamed = a.key !== b.key;
  if (a.text === b.text && !renamed) return { before: a, after: b, diff: { heading, status: moved ? 'moved' : 'same' }, changedSentences: [] };
  const la = sentenceLines(a.text).split('\n');
  const lb = sentenceLines(b.text).split('\n');
  const blocks = diffArrays(la, lb);
  const parts: NonNullable<SectionDiff['parts']> = [];
  const changedSentences: AlignedSection['changedSentences'] = [];
  const push = (value: string, flag?: 'added' | 'removed') => {
    if (!value) return;
    const last = parts[parts.length - 1];
    if (last && Boolean(last.added) === (flag === 'added') && Boolean(last.removed) === (flag === 'removed')) last.value += value;
    else parts.push(flag ? { value, [flag]: true } : { value });
  };
  for (let i = 0; i < blocks.length; i++) {
    const blk = blocks[i]!;
    const text = blk.value.join(' ') + ' ';
    if (!blk.added && !blk.removed) {
      push(text);
      continue;
    }
    const next = blocks[i + 1];
    if (blk.removed && next?.added) {
      // A replaced block: word diff inside it only.
      const oldText = blk.value.join(' ');
      const newText = next.value.join(' ');
      const alike = oldText.length + newText.length <= MAX_WORD_DIFF_CHARS && jaccard(wordSet(oldText), wordSet(newText)) >= 0.25;
      const words = alike ? diffWords(oldText, newText, { maxEditLength: MAX_EDIT }) : undefined;
      if (words) for (const w of words) push(w.value, w.added ? 'added' : w.removed ? 'removed' : undefined);
      else {
        push(oldText, 'removed');
        push(newText, 'added');
      }
      push(' ');
      for (const s of blk.value) changedSentences.push({ side: 'before', text: s, section: a });
      for (const s of next.value) changedSentences.push({ side: 'after', text: s, section: b });
      i++;
      continue;
    }
    push(text, blk.added ? 'added' : 'removed');
    for (const s of blk.value) changedSentences.push({ side: blk.added ? 'after' : 'before', text: s, section: blk.added ? b : a });
  }
  const changed = parts.some((p) => p.added || p.removed);
  return {
    before: a,
    after: b,
    diff: {
      heading: renamed ? `${a.path.join(' › ') || '(preamble)'} → ${heading}` : heading,
      status: changed || renamed ? 'changed' : moved ? 'moved' : 'same',
      ...(changed ? { parts: trimParts(parts) } : {}),
    },
    changedSentences,
  };
}

function trimParts(parts: NonNullable<SectionDiff['parts']>): NonNullable<SectionDiff['parts']> {
  const last = parts[parts.length - 1];
  if (last) last.value = last.value.replace(/\s+$/, '');
  return parts.filter((p) => p.value.length > 0);
}

function splitSentences(text: string): string[] {
  return text ? sentenceLines(text).split('\n').filter(Boolean) : [];
}

function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Word pairs: unlike single words, common vocabulary does not make two unrelated texts look alike. */
function bigrams(text: string): Set<string> {
  const w = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 1; i < w.length; i++) out.add(`${w[i - 1]} ${w[i]}`);
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let inter = 0;
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  for (const w of small) if (big.has(w)) inter++;
  return inter / (a.size + b.size - inter);
}

/** Indices (into seq) of one longest strictly increasing subsequence, O(n log n). */
function longestIncreasing(seq: number[]): Set<number> {
  const tails: number[] = [];
  const prev = new Array<number>(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]!]! < seq[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) keep.add(i);
  return keep;
}
