// The diff engine (issue 4): what changed in substance between two versions of a policy, how
// each change is classified, the semver bump the whole diff requires, and a per-section redline.
// Pure: takes models and parsed documents, returns data; renderers turn it into text, markdown,
// HTML or JSON. Node I/O (files, releases, git) lives in src/commands/diff.ts and src/node/.
import type { Evidence, PolicyModel } from '../model/types.js';
import type { Bump, Change, ChangeClass, PolicyDiff, SectionDiff } from './types.js';
import { diffModels } from './model.js';
import { longestIncreasing, normalizeHeading, redlineLines, splitSections, type DiffDoc, type Hunk, type Section } from './text.js';
import { statesPractice, substantiveTerms, substantiveWords } from './cues.js';

export type { Bump, Change, ChangeClass, PolicyDiff, SectionDiff } from './types.js';
export { renderDiffText, renderDiffMarkdown, renderDiffHtml, renderDiffJson, summarizeDiff } from './render.js';
export { diffModels } from './model.js';
export { normalizeText } from './text.js';

export interface DiffSide {
  /** "1.0.0" or a path. */
  label: string;
  model: PolicyModel;
  /** The parsed source; without it only the models are compared (and the diff says so). */
  doc?: DiffDoc;
}

export interface Override {
  /** A change's key ("recipients/advertising_partner"), or an item's key to cover all its fields. */
  key: string;
  class: ChangeClass;
  reason: string;
}

export interface DiffOptions {
  overrides?: Override[];
}

export const CLASSES: ChangeClass[] = ['material', 'needs_review', 'minor', 'editorial'];

export function diffPolicies(a: DiffSide, b: DiffSide, options: DiffOptions = {}): PolicyDiff {
  const changes = diffModels(a.model, b.model);
  const notes: string[] = [];
  let sections: SectionDiff[] = [];
  if (a.doc && b.doc) {
    const text = diffTexts(a.doc, b.doc, changes);
    sections = text.sections;
    changes.push(...text.changes);
  } else notes.push('The sources were not available: only the models were compared (no text redline, no check for changes the models miss).');
  for (const o of options.overrides ?? []) {
    const hits = changes.filter((c) => c.key === o.key || c.key.startsWith(`${o.key}:`));
    if (!hits.length) notes.push(`Override "${o.key}" matches no change; it was not applied.`);
    for (const c of hits) {
      if (c.class === o.class) continue;
      c.override = { from: c.class, reason: o.reason };
      c.class = o.class;
    }
  }
  const counts: Record<ChangeClass, number> = { material: 0, needs_review: 0, minor: 0, editorial: 0 };
  for (const c of changes) counts[c.class]++;
  const diff: PolicyDiff = { from: a.label, to: b.label, changes, sections, counts, required_bump: bumpFor(counts) };
  if (notes.length) diff.notes = notes;
  return diff;
}

export function bumpFor(counts: Record<ChangeClass, number>): Bump {
  if (counts.material || counts.needs_review) return 'major';
  if (counts.minor) return 'minor';
  if (counts.editorial) return 'patch';
  return 'none';
}

const BUMP_RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

/** Whether a bump is at least the one required. */
export function bumpSatisfies(actual: Bump, required: Bump): boolean {
  return BUMP_RANK[actual] >= BUMP_RANK[required];
}

/** The bump from one semver to the next: major, minor, patch, or none where equal or lower. */
export function bumpBetween(from: string, to: string): Bump {
  const [a1 = 0, a2 = 0, a3 = 0] = from.split(/[.-]/).map(Number);
  const [b1 = 0, b2 = 0, b3 = 0] = to.split(/[.-]/).map(Number);
  if (b1 !== a1) return b1 > a1 ? 'major' : 'none';
  if (b2 !== a2) return b2 > a2 ? 'minor' : 'none';
  if (b3 !== a3) return b3 > a3 ? 'patch' : 'none';
  return 'none';
}

/** Whether a change set fails a CI gate: needs_review counts as material (an extraction miss must not pass). */
export function failsGate(diff: PolicyDiff, level: 'material' | 'minor' | 'any'): boolean {
  const c = diff.counts;
  const material = c.material + c.needs_review;
  if (level === 'material') return material > 0;
  if (level === 'minor') return material + c.minor > 0;
  return material + c.minor + c.editorial > 0;
}

// ---------------------------------------------------------------------------------------------
// Text.

interface Aligned {
  a?: Section;
  b?: Section;
  moved: boolean;
}

/** Align sections by heading; a heading in both at another position is "moved". Near-linear. */
export function alignSections(sa: Section[], sb: Section[]): Aligned[] {
  const indexA = new Map(sa.map((s, i) => [s.key, i]));
  const pairOf = new Map<number, number>(); // ib -> ia
  const usedA = new Set<number>();
  sb.forEach((s, ib) => {
    const ia = indexA.get(s.key);
    if (ia !== undefined) {
      pairOf.set(ib, ia);
      usedA.add(ia);
    }
  });
  // Renamed headings: an unmatched new section that shares most of its lines with an unmatched old one.
  const lineOwner = new Map<string, number[]>();
  sa.forEach((s, ia) => {
    if (usedA.has(ia)) return;
    for (const l of s.lines) {
      const owners = lineOwner.get(l.norm);
      if (!owners) lineOwner.set(l.norm, [ia]);
      else if (owners[owners.length - 1] !== ia && owners.length < 8) owners.push(ia);
    }
  });
  sb.forEach((s, ib) => {
    if (pairOf.has(ib) || !s.lines.length) return;
    const shared = new Map<number, number>();
    for (const l of s.lines) for (const ia of lineOwner.get(l.norm) ?? []) if (!usedA.has(ia)) shared.set(ia, (shared.get(ia) ?? 0) + 1);
    let best = -1;
    let bestCount = 0;
    for (const [ia, n] of shared) if (n > bestCount || (n === bestCount && ia < best)) [best, bestCount] = [ia, n];
    if (best >= 0 && bestCount * 2 >= Math.min(s.lines.length, sa[best]!.lines.length) && bestCount * 2 >= Math.max(1, s.lines.length) * 0.5) {
      pairOf.set(ib, best);
      usedA.add(best);
    }
  });
  const pairs = [...pairOf.entries()].sort((x, y) => x[0] - y[0]).map(([ib, ia]) => [ia, ib] as [number, number]);
  const inOrder = new Set(longestIncreasing(pairs).map(([ia]) => ia));
  const out: Aligned[] = [];
  let nextA = 0;
  const flushRemovedBefore = (limit: number) => {
    for (; nextA < limit; nextA++) if (!usedA.has(nextA)) out.push({ a: sa[nextA]!, moved: false });
  };
  sb.forEach((s, ib) => {
    const ia = pairOf.get(ib);
    if (ia === undefined) out.push({ b: s, moved: false });
    else {
      if (inOrder.has(ia)) flushRemovedBefore(ia + 1);
      out.push({ a: sa[ia]!, b: s, moved: !inOrder.has(ia) });
    }
  });
  flushRemovedBefore(sa.length);
  return out;
}

const headingOf = (s: Section) => (s.path.length ? s.path.join(' > ') : '(before the first heading)');

/** Marks of the lines that model changes cite, per side: 2 = a change in substance, 1 = a rewording. */
function evidenceMarks(changes: Change[], lineCount: number, side: 'evidenceBefore' | 'evidenceAfter'): Uint8Array {
  const marks = new Uint8Array(lineCount + 2);
  for (const c of changes) {
    const level = c.class === 'editorial' ? 1 : 2;
    for (const e of c[side]) {
      const from = Math.max(1, e.lines[0]);
      const to = Math.min(lineCount, e.lines[1]);
      for (let n = from; n <= to; n++) if (marks[n]! < level) marks[n] = level;
    }
  }
  return marks;
}

function quoteOf(lines: string[], first: number, last: number): string {
  return lines.slice(first - 1, last).join('\n');
}

interface HunkVerdict {
  cls: 'needs_review' | 'editorial' | 'explained';
  why: string;
}

function judgeHunk(h: Hunk, marksA: Uint8Array, marksB: Uint8Array): HunkVerdict {
  // Lines a change in substance cites are explained; the rest must be judged.
  const open = [...h.before.map((l) => ({ l, m: marksA[l.n] ?? 0 })), ...h.after.map((l) => ({ l, m: marksB[l.n] ?? 0 }))].filter((x) => x.m < 2);
  if (!open.length) return { cls: 'explained', why: '' };
  const changed = [...h.added, ...h.removed];
  const pure = !h.before.length || !h.after.length;
  const practice = pure ? open.some((x) => statesPractice(x.l.raw)) : statesPractice(open.map((x) => x.l.raw).join('\n')) && substantiveWords(changed).length > 0;
  if (!practice) return { cls: 'editorial', why: 'wording only' };
  if (!pure && open.every((x) => x.m === 1)) {
    const terms = substantiveTerms(changed);
    if (!terms.length) return { cls: 'explained', why: 'a reworded practice whose substance the model shows unchanged (the model lists the rewording)' };
    return { cls: 'needs_review', why: `changed words the model does not explain: ${[...new Set(terms)].slice(0, 6).join(', ')}` };
  }
  const words = [...new Set(substantiveWords(changed))].slice(0, 6);
  return { cls: 'needs_review', why: pure ? 'a passage that states a practice was ' + (h.after.length ? 'added' : 'removed') : `changed words in a practice the model does not explain: ${words.join(', ')}` };
}

const MAX_EVIDENCE = 12;

function diffTexts(da: DiffDoc, db: DiffDoc, modelChanges: Change[]): { sections: SectionDiff[]; changes: Change[] } {
  const linesA = da.text.split('\n');
  const linesB = db.text.split('\n');
  const marksA = evidenceMarks(modelChanges, linesA.length, 'evidenceBefore');
  const marksB = evidenceMarks(modelChanges, linesB.length, 'evidenceAfter');
  const aligned = alignSections(splitSections(da), splitSections(db));
  const sections: SectionDiff[] = [];
  const changes: Change[] = [];
  const usedKeys = new Set<string>();
  for (const { a, b, moved } of aligned) {
    const s = (b ?? a)!;
    const heading = headingOf(s);
    const renamed = a && b && normalizeHeading(a.path.at(-1) ?? '') !== normalizeHeading(b.path.at(-1) ?? '');
    const red = redlineLines(a?.lines ?? [], b?.lines ?? []);
    const status: SectionDiff['status'] = !a ? 'added' : !b ? 'removed' : moved ? 'moved' : red.hunks.length || renamed ? 'changed' : 'same';
    const sd: SectionDiff = { heading, status, key: s.key };
    if (a) sd.line_before = a.line;
    if (b) sd.line_after = b.line;
    if (renamed) sd.heading_before = headingOf(a!);
    if (red.hunks.length) {
      sd.parts = red.parts;
      sd.hunks = red.hunks.map((h) => ({
        lines_before: h.before.length ? [h.before[0]!.n, h.before[h.before.length - 1]!.n] : null,
        lines_after: h.after.length ? [h.after[0]!.n, h.after[h.after.length - 1]!.n] : null,
        parts: h.parts,
      }));
    }
    sections.push(sd);

    // The text change of this section: passages the model diff does not explain.
    const verdicts = red.hunks.map((h) => ({ h, v: judgeHunk(h, marksA, marksB) })).filter((x) => x.v.cls !== 'explained');
    if (!verdicts.length && !moved && !renamed) continue;
    const review = verdicts.filter((x) => x.v.cls === 'needs_review');
    const cls: ChangeClass = review.length ? 'needs_review' : 'editorial';
    const shown = (review.length ? review : verdicts).slice(0, MAX_EVIDENCE);
    const evidenceBefore: Evidence[] = [];
    const evidenceAfter: Evidence[] = [];
    for (const { h } of shown) {
      if (h.before.length) {
        const f = h.before[0]!.n;
        const l = h.before[h.before.length - 1]!.n;
        evidenceBefore.push({ lines: [f, l], quote: quoteOf(linesA, f, l), section: a?.path ?? [] });
      }
      if (h.after.length) {
        const f = h.after[0]!.n;
        const l = h.after[h.after.length - 1]!.n;
        evidenceAfter.push({ lines: [f, l], quote: quoteOf(linesB, f, l), section: b?.path ?? [] });
      }
    }
    const what: string[] = [];
    if (status === 'added') what.push('New section');
    else if (status === 'removed') what.push('Section removed');
    else if (moved) what.push('Section moved');
    if (renamed) what.push(`heading changed from "${a!.path.at(-1)}"`);
    if (verdicts.length && status !== 'added' && status !== 'removed') what.push(`${verdicts.length} passage${verdicts.length === 1 ? '' : 's'} changed`);
    if (review.length) what.push(`${review.length} state${review.length === 1 ? 's' : ''} a practice the models do not explain`);
    let key = `text/${s.key || '(preamble)'}`;
    for (let n = 2; usedKeys.has(key); n++) key = `text/${s.key} #${n}`;
    usedKeys.add(key);
    changes.push({
      key,
      facet: 'text',
      kind: 'text',
      class: cls,
      summary: `${heading}: ${what.join('; ') || 'text changed'}`,
      reason: review.length
        ? `Needs review: ${review[0]!.v.why}${review.length > 1 ? ` (and ${review.length - 1} more)` : ''}. A changed sentence that states a practice is never silently editorial`
        : moved && !verdicts.length && !renamed
          ? 'Moved unchanged: not a change in substance'
          : 'Wording only: no practice stated in the changed words, or the model shows the practice unchanged',
      evidenceBefore,
      evidenceAfter,
    });
  }
  return { sections, changes };
}

export { splitSections };
