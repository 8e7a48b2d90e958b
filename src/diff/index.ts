// policyc's diff engine: what changed between two versions of a policy, in substance and in words,
// and the semver bump that requires. Pure: models and parsed documents in, a PolicyDiff out.
import type { Root } from 'mdast';
import type { Evidence, PolicyModel } from '../model/types.js';
import { ITEM_FACETS } from '../model/types.js';
import { diffModels } from './model.js';
import { alignSections, sectionsOf, sectionsOfDocument, type AlignedSection } from './sections.js';
import type { ParsedDocument } from '../parse/markdown.js';
import { LineIndex } from '../parse/source.js';
import { normalizeText } from './normalize.js';
import type { Bump, Change, ChangeClass, PolicyDiff } from './types.js';
import { byCodeUnit } from '../order.js';

export type { Bump, Change, ChangeClass, PolicyDiff, SectionDiff } from './types.js';
export { renderDiffHtml, renderDiffMarkdown, renderDiffText, renderDiffJson, summarizeDiff } from './render.js';

export interface DiffSide {
  /** "1.0.0", a path, or "draft". */
  label: string;
  model: PolicyModel;
  /** The parsed source; without one (a bare model file) only the models are compared. */
  doc?: { tree: Root; text: string; path?: string };
}

export interface Override {
  /** A change key (see Change.key), or a prefix ending in '*'. */
  key: string;
  class: ChangeClass;
  reason: string;
}

export interface DiffOptions {
  overrides?: Override[];
}

/** Words that make a sentence state a practice: a changed one the models cannot explain needs review. */
const PRACTICE =
  /\b(?:collect\w*|gather\w*|obtain\w*|receiv\w*|record\w*|log(?:s|ged|ging)?|track\w*|use[sd]?|using|process\w*|analy[sz]\w*|combin\w*|shar(?:e|es|ed|ing)|disclos\w*|sell\w*|sold|sale|rent\w*|transfer\w*|transmit\w*|provid\w* (?:to|with)|retain\w*|keep\w*|kept|stor(?:e|es|ed|age)|delet\w*|access\w*|opt[- ]?(?:out|in)|consent\w*|cookies?|advertis\w*|third[- ]part(?:y|ies)|partners?|affiliates?)\b/i;

export function diffPolicies(a: DiffSide, b: DiffSide, options: DiffOptions = {}): PolicyDiff {
  const changes = diffModels(a.model, b.model);
  const aligned = a.doc && b.doc ? alignSections(sectionsFor(a.doc), sectionsFor(b.doc)) : [];
  changes.push(...textChanges(aligned, a, b, changes));
  applyOverrides(changes, options.overrides ?? []);
  changes.sort(byClassThenKey);
  const counts: Record<ChangeClass, number> = { material: 0, minor: 0, editorial: 0, needs_review: 0 };
  for (const c of changes) counts[c.class]++;
  return { from: a.label, to: b.label, changes, sections: aligned.map((s) => s.diff), counts, required_bump: bumpFor(counts) };
}

/** The extractor's structure where the side carries a full parsed document; mdast headings otherwise. */
function sectionsFor(doc: NonNullable<DiffSide['doc']>) {
  return 'lines' in doc && 'frontMatter' in doc ? sectionsOfDocument(doc as ParsedDocument) : sectionsOf(doc.tree);
}

export function bumpFor(counts: Record<ChangeClass, number>): Bump {
  if (counts.material || counts.needs_review) return 'major';
  if (counts.minor) return 'minor';
  if (counts.editorial) return 'patch';
  return 'none';
}

const ORDER: Record<ChangeClass, number> = { material: 0, needs_review: 1, minor: 2, editorial: 3 };
function byClassThenKey(x: Change, y: Change): number {
  return ORDER[x.class] - ORDER[y.class] || byCodeUnit(x.key, y.key);
}

function applyOverrides(changes: Change[], overrides: Override[]): void {
  for (const o of overrides)
    for (const c of changes) {
      const hit = o.key.endsWith('*') ? c.key.startsWith(o.key.slice(0, -1)) : c.key === o.key;
      if (!hit || c.class === o.class) continue;
      c.override = { from: c.class, reason: o.reason };
      c.class = o.class;
    }
}

/** Editorial entries for reworded sections, and needs-review entries for practice sentences nobody explained. */
function textChanges(aligned: AlignedSection[], a: DiffSide, b: DiffSide, modelChanges: Change[]): Change[] {
  const out: Change[] = [];
  const quotesA = evidenceWords(a.model);
  const quotesB = evidenceWords(b.model);
  const sharingA = evidenceWords(a.model, SHARING_FACETS);
  const sharingB = evidenceWords(b.model, SHARING_FACETS);
  // The quotes of changes in substance: an item whose evidence merely covers a sentence does not
  // explain a party newly named in it (the item may be the old processor, reworded).
  const substantive = modelChanges.filter((c) => c.class !== 'editorial');
  const substanceA = quoteIndex(substantive.flatMap((c) => c.evidenceBefore.map((e) => e.quote)));
  const substanceB = quoteIndex(substantive.flatMap((c) => c.evidenceAfter.map((e) => e.quote)));
  for (const s of aligned) {
    if (s.diff.status === 'same' || s.diff.status === 'moved') continue;
    const key = `text/${(s.after ?? s.before)!.key || 'preamble'}`;
    // A sentence that moves data to someone is explained only by a recipient or transfer found in it.
    // Words of each side's section, built once per section (not per sentence: that would be quadratic).
    const sideWords: Partial<Record<'before' | 'after', Set<string>>> = {};
    const wordsOf = (side: 'before' | 'after') => (sideWords[side] ??= new Set(words(s[side]?.text ?? '')));
    const unexplained = s.changedSentences.filter((c) => {
      if (!PRACTICE.test(c.text)) return false;
      const after = c.side === 'after';
      if (SHARING.test(c.text) ? !explained(c.text, after ? sharingB : sharingA) : !explained(c.text, after ? quotesB : quotesA)) return true;
      // Explained by an item, but the sentence names a party (or a sale) the other version's
      // section did not: only a change in substance at this sentence explains that.
      const fresh = words(c.text).filter((w) => PARTY.test(w));
      if (!fresh.length) return false;
      const other = wordsOf(after ? 'before' : 'after');
      return fresh.some((w) => !other.has(w)) && !explained(c.text, after ? substanceB : substanceA);
    });
    for (const c of unexplained) {
      const doc = c.side === 'after' ? b.doc! : a.doc!;
      const where = locate(doc.text, c.section.lines, c.text, c.section.path);
      out.push({
        key: `${key}#${hash(c.text)}`,
        facet: 'text',
        kind: 'text',
        class: 'needs_review',
        summary: `${c.side === 'after' ? 'New or changed' : 'Removed'} sentence states a practice the model does not capture: “${clip(c.text)}”`,
        reason: 'a changed practice sentence that the models cannot explain is never treated as wording only',
        evidenceBefore: c.side === 'before' && where ? [where] : [],
        evidenceAfter: c.side === 'after' && where ? [where] : [],
      });
    }
    out.push({
      key,
      facet: 'text',
      kind: 'text',
      class: 'editorial',
      summary: `Wording ${s.diff.status} in “${s.diff.heading}”`,
      reason: 'text changed; practices are compared through the models',
      evidenceBefore: [],
      evidenceAfter: [],
    });
  }
  return out;
}

function words(text: string): string[] {
  return normalizeText(text).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** An inverted index of every evidence quote's words, to ask "does some quote cover this sentence?". */
interface QuoteIndex {
  sizes: number[];
  byWord: Map<string, number[]>;
  /** Each quote's words. */
  sets: Set<string>[];
  /** Answers so far, by sentence (long policies repeat their sentences). */
  memo: Map<string, boolean>;
}

const SHARING = /\b(?:shar(?:e|es|ed|ing)|disclos\w*|sell\w*|sold|sale|rent\w*|transfer\w*|transmit\w*|receiv\w*|provid\w* (?:it |them |this |such |your \w+ )?(?:to|with)|pass\w* (?:on|to))\b/i;
const SHARING_FACETS = ['recipients', 'transfers'] as const;

/** Words that name a party data goes to, or a sale: new in a changed sentence, they need a model change to explain them. */
const PARTY = /^(?:partners?|advertis\w*|advertisers?|marketers?|affiliates?|subsidiar\w*|vendors?|brokers?|third|sell\w*|sold|sale|rent\w*|government\w*|authorit\w*|police|enforcement|buyers?|acquirer\w*|abroad|overseas|international\w*|countr\w*)$/;

function quoteIndex(quotes: string[]): QuoteIndex {
  const index: QuoteIndex = { sizes: [], byWord: new Map(), sets: [], memo: new Map() };
  for (const quote of new Set(quotes)) {
    const id = index.sizes.length;
    const ws = new Set(words(quote));
    index.sizes.push(ws.size);
    index.sets.push(ws);
    for (const w of ws) {
      const list = index.byWord.get(w);
      if (list) list.push(id);
      else index.byWord.set(w, [id]);
    }
  }
  return index;
}

function evidenceWords(model: PolicyModel, facets: readonly (typeof ITEM_FACETS)[number][] = ITEM_FACETS): QuoteIndex {
  const quotes: string[] = [];
  for (const facet of facets) for (const item of model[facet]) for (const e of item.evidence) quotes.push(e.quote);
  if (facets === ITEM_FACETS) for (const e of [...model.cookies.evidence, ...model.children.evidence, ...model.policy_change.evidence]) quotes.push(e.quote);
  return quoteIndex(quotes);
}

/** Some item's evidence covers most of the sentence (or the sentence covers most of the evidence). */
function explained(sentence: string, index: QuoteIndex): boolean {
  let answer = index.memo.get(sentence);
  if (answer === undefined) index.memo.set(sentence, (answer = explainedBy(sentence, index)));
  return answer;
}

function explainedBy(sentence: string, index: QuoteIndex): boolean {
  const w = new Set(words(sentence));
  if (!w.size) return true;
  // The quote must be mostly this sentence (a paragraph-wide quote that merely contains it proves
  // nothing), and cover a fair part of it (a two-word quote inside a long sentence neither): it
  // shares at least `need` words with the sentence, so it holds one of the sentence's
  // |w| - need + 1 rarest words (prefix filtering). Only quotes holding one of those are counted,
  // never the long lists of "we" and "your" (a 5 MB pair took a minute that way).
  const need = Math.ceil(0.3 * w.size - 1e-9);
  const rare = [...w].sort((x, y) => (index.byWord.get(x)?.length ?? 0) - (index.byWord.get(y)?.length ?? 0)).slice(0, w.size - need + 1);
  const seen = new Set<number>();
  for (const x of rare)
    for (const id of index.byWord.get(x) ?? []) {
      if (seen.has(id)) continue;
      seen.add(id);
      let n = 0;
      for (const y of index.sets[id]!) if (w.has(y)) n++;
      if (n / index.sizes[id]! >= 0.6 && n / w.size >= 0.3) return true;
    }
  return false;
}

// Both sides' texts are in use at once (sentences alternate between before and after): keep two.
const lineCache: { text: string; index: LineIndex; lower: string }[] = [];
function linesOf(text: string): { index: LineIndex; lower: string } {
  let hit = lineCache.find((c) => c.text === text);
  if (!hit) {
    const lower = text.toLowerCase();
    // Matched in lower case without the 'i' flag: case-folding a wide character class is slow in V8.
    hit = { text, index: new LineIndex(text), lower: lower.length === text.length ? lower : text };
    lineCache.unshift(hit);
    lineCache.length = Math.min(lineCache.length, 2);
  }
  return hit;
}

// Separator between words in the raw text: anything but letters and digits (no 'u' flag: cheap to compile).
const SEP = '[^A-Za-z0-9\\u00c0-\\uffff]+';

/** Find a normalised sentence in the raw source, for evidence with lines and a raw quote. */
function locate(text: string, lines: [number, number], sentence: string, section: string[]): Evidence | undefined {
  const ws = words(sentence);
  if (!ws.length) return undefined;
  const { index, lower } = linesOf(text);
  const starts = index.starts;
  const from = starts[lines[0] - 1] ?? 0;
  const to = starts[lines[1]] ?? text.length;
  const region = lower.slice(from, to);
  const esc = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const head = new RegExp(ws.slice(0, 6).map(esc).join(SEP)).exec(region);
  if (!head) return undefined;
  const tail = new RegExp(ws.slice(-3).map(esc).join(SEP), 'g');
  tail.lastIndex = head.index;
  const t = tail.exec(region);
  let end = t && t.index + t[0].length - head.index < sentence.length * 3 ? t.index + t[0].length : head.index + head[0].length;
  if (/[.!?;:]/.test(region[end] ?? '')) end++; // keep the sentence's own full stop
  const start = from + head.index;
  const stop = from + end;
  return { lines: index.span(start, stop), quote: text.slice(start, stop), section };
}

function clip(s: string, n = 140): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

function hash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16).padStart(8, '0');
}
