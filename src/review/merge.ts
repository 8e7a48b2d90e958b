// `policyc extract --update`: merge a fresh extraction into the reviewed policy.yaml without losing
// human edits. Items a person added or confirmed (`source: declared` or `reviewed: true`) keep their
// exact bytes, comments and key order: the merge splices text around them and never re-stringifies
// them. Inferred, unreviewed items are refreshed from the new extraction (or removed when no longer
// found); new items are appended, unreviewed. Pure: text in, text out.
import { parseDocument, stringify, isSeq, isMap, isScalar, isPair, type Document, type YAMLSeq, type Node } from 'yaml';
import type { ItemFacet, PolicyModel } from '../model/types.js';
import { ITEM_FACETS, itemKey } from '../model/types.js';

/** Sections that are not item lists. `policy` follows the prose (front matter); the others are kept once present. */
const REFRESHED_SECTIONS = ['policy'] as const;
const KEPT_SECTIONS = ['controller', 'cookies', 'children', 'policy_change'] as const;

export interface MergeSummary {
  kept: string[];
  updated: string[];
  added: string[];
  removed: string[];
}

export interface MergeOutcome {
  /** The merged policy.yaml text, or null when the reviewed text is not valid YAML. */
  text: string | null;
  summary: MergeSummary;
}

/** True for an item a person owns: declared or confirmed. */
export function isHumanItem(item: unknown): boolean {
  const i = item as { source?: unknown; reviewed?: unknown } | null;
  return !!i && (i.source === 'declared' || i.reviewed === true);
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

const YAML_OPTIONS = { lineWidth: 0, aliasDuplicateObjects: false, singleQuote: false } as const;

export function mergeReviewed(reviewedText: string, fresh: PolicyModel): MergeOutcome {
  const summary: MergeSummary = { kept: [], updated: [], added: [], removed: [] };
  const doc = parseDocument(reviewedText, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length || !isMap(doc.contents)) return { text: null, summary };
  const text = reviewedText;
  const edits: Edit[] = [];
  const appendAtEnd: string[] = [];

  for (const section of REFRESHED_SECTIONS) {
    const pair = topPair(doc, section);
    const value = fresh[section];
    if (!pair) appendAtEnd.push(block({ [section]: value }));
    else if (!deepEqual(toJs(pair.value), value)) {
      const r = (pair.value as Node | null)?.range;
      const k = (pair.key as Node).range!;
      if (r) edits.push({ start: k[0], end: lineEnd(text, r[1]), text: block({ [section]: value }) });
    }
  }
  for (const section of KEPT_SECTIONS) if (!topPair(doc, section)) appendAtEnd.push(block({ [section]: fresh[section] }));

  for (const facet of ITEM_FACETS) {
    const freshItems = fresh[facet] as unknown as Record<string, unknown>[];
    const pair = topPair(doc, facet);
    if (!pair || !isSeq(pair.value)) {
      if (!pair) {
        if (freshItems.length) appendAtEnd.push(block({ [facet]: freshItems }));
        else appendAtEnd.push(`${facet}: []\n`);
        for (const i of freshItems) summary.added.push(`${facet}:${itemKey(i as never)}`);
      }
      continue;
    }
    mergeSeq(text, facet, pair.value, freshItems, edits, summary, text.indexOf(':', (pair.key as Node).range![1]) + 1);
  }

  edits.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  if (appendAtEnd.length) out = (out.endsWith('\n') || out === '' ? out : out + '\n') + appendAtEnd.join('');
  return { text: out, summary };
}

function mergeSeq(text: string, facet: ItemFacet, seq: YAMLSeq, freshItems: Record<string, unknown>[], edits: Edit[], summary: MergeSummary, afterColon: number): void {
  const freshByKey = new Map(freshItems.map((i) => [itemKey(i as never), i]));
  const seen = new Set<string>();
  const items = seq.items as Node[];
  const flow = seq.flow === true;
  const indent = flow ? 0 : itemIndent(text, items, seq);
  let tail = seq.range ? seq.range[1] : text.length;
  for (let n = 0; n < items.length; n++) {
    const node = items[n]!;
    const js = toJs(node) as Record<string, unknown> | null;
    const key = js && typeof js.id === 'string' ? itemKey(js as never) : `#${n}`;
    seen.add(key);
    if (!node.range) continue;
    const extent = flow ? flowExtent(text, node) : blockExtent(text, items, n, seq);
    if (n === items.length - 1) tail = extent.end;
    if (isHumanItem(js)) {
      summary.kept.push(`${facet}:${key}`);
      continue;
    }
    const next = freshByKey.get(key);
    if (!next) {
      summary.removed.push(`${facet}:${key}`);
      edits.push({ start: extent.start, end: extent.end, text: '' });
    } else if (!deepEqual(js, next)) {
      summary.updated.push(`${facet}:${key}`);
      edits.push(flow ? { start: node.range[0], end: node.range[1], text: JSON.stringify(next) } : { start: extent.start, end: extent.end, text: blockItem(next, indent) });
    }
  }
  const added = freshItems.filter((i) => !seen.has(itemKey(i as never)));
  if (!added.length) {
    // Every item of a block list removed: the key must still hold a list.
    const left = items.filter((node, n) => isHumanItem(toJs(node)) || freshByKey.has(keyOf(node, n))).length;
    if (!flow && items.length && !left) edits.push({ start: afterColon, end: afterColon, text: ' []' });
    return;
  }
  for (const i of added) summary.added.push(`${facet}:${itemKey(i as never)}`);
  if (flow) {
    const r = seq.range!;
    const close = text.lastIndexOf(']', r[1]);
    const live = items.length - items.filter((_, n) => !isHumanItem(toJs(items[n]!)) && !freshByKey.has(keyOf(items[n]!, n))).length;
    if (live === 0) {
      // An empty flow list ([]): replace it by a block list.
      let start = r[0];
      while (start > 0 && text[start - 1] === ' ') start--;
      edits.push({ start, end: close + 1, text: '\n' + added.map((i) => blockItem(i, 2)).join('').replace(/\n$/, '') });
    } else edits.push({ start: close, end: close, text: added.map((i) => ', ' + JSON.stringify(i)).join('') });
    return;
  }
  edits.push({ start: tail, end: tail, text: added.map((i) => blockItem(i, indent)).join('') });
}

function keyOf(node: Node, n: number): string {
  const js = toJs(node) as Record<string, unknown> | null;
  return js && typeof js.id === 'string' ? itemKey(js as never) : `#${n}`;
}

/** Column (0-based) of the "- " of a block sequence's items. */
function itemIndent(text: string, items: Node[], seq: YAMLSeq): number {
  const first = items[0]?.range?.[0] ?? seq.range?.[0];
  if (first === undefined) return 2;
  const dash = text.lastIndexOf('-', first);
  return dash - lineStart(text, dash);
}

/** Whole lines of a block item: from its "- " line (and the comment lines just above it) to the line after its value. */
function blockExtent(text: string, items: Node[], n: number, seq: YAMLSeq): { start: number; end: number } {
  const node = items[n]!;
  const prevEnd = n > 0 ? lineEnd(text, items[n - 1]!.range![1]) : lineStart(text, seq.range![0]);
  let start = lineStart(text, node.range![0]);
  for (;;) {
    if (start <= prevEnd) break;
    const ps = lineStart(text, start - 1);
    if (ps < prevEnd || !/^\s*#/.test(text.slice(ps, start))) break;
    start = ps;
  }
  const end = n + 1 < items.length ? commentStart(text, items, n + 1, lineEnd(text, node.range![1])) : lineEnd(text, node.range![1]);
  return { start, end };
}

function commentStart(text: string, items: Node[], n: number, floor: number): number {
  let start = lineStart(text, items[n]!.range![0]);
  for (;;) {
    if (start <= floor) return Math.max(start, floor);
    const ps = lineStart(text, start - 1);
    if (ps < floor || !/^\s*#/.test(text.slice(ps, start))) return start;
    start = ps;
  }
}

function flowExtent(text: string, node: Node): { start: number; end: number } {
  let end = node.range![1];
  const m = /^\s*,\s*/.exec(text.slice(end));
  if (m) end += m[0].length;
  return { start: node.range![0], end };
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the newline that ends the line containing offset - 1 (the end of a value). */
function lineEnd(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

function blockItem(item: unknown, indent: number): string {
  const body = stringify([item], YAML_OPTIONS);
  const pad = ' '.repeat(indent);
  return body
    .split('\n')
    .map((l) => (l ? pad + l : l))
    .join('\n');
}

function block(value: unknown): string {
  return stringify(value, YAML_OPTIONS);
}

function topPair(doc: Document, key: string) {
  const contents = doc.contents;
  if (!isMap(contents)) return undefined;
  return contents.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
}

function toJs(node: unknown): unknown {
  if (node && typeof node === 'object' && 'toJSON' in node) return (node as { toJSON: () => unknown }).toJSON();
  return node;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b || (a instanceof Date && String(a) === String(b));
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => deepEqual(x, (b as unknown[])[i]));
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
