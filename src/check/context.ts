// What a rule sees: the model, the parsed prose, the as-of date, and helpers that turn "where
// would this belong" into a position: a heading that matches, or the start of the policy.
import type { ParsedDocument } from '../parse/markdown.js';
import type { Evidence, ItemBase, PolicyModel } from '../model/types.js';
import { readFrontMatter } from '../parse/frontmatter.js';
import { toString } from 'mdast-util-to-string';
import type { Place } from './types.js';

export interface HeadingInfo {
  line: number;
  column: number;
  endColumn: number;
  text: string;
}

/** Where things belong in a policy, by heading wording (first match wins). */
export const SECTIONS = {
  collect: /\b(collect|gather|obtain|information (we|you)|what (personal )?(information|data)|data we)/i,
  use: /\b(use|usage|purpose|process)/i,
  share: /\b(shar|disclos|third[- ]part|recipient|transfer of information)/i,
  rights: /\b(right|choice|access|opt[- ]?out|control|correct|updat(e|ing) your)/i,
  retention: /\b(retain|retention|keep|how long|storage|store)/i,
  transfer: /\b(transfer|international|abroad|outside|cross[- ]border)/i,
  contact: /\b(contact|who we are|about us|controller|data protection officer)/i,
  security: /\bsecur/i,
  california: /\b(california|ccpa|cpra)/i,
  changes: /\b(change|update|revision)/i,
} as const;
export type SectionName = keyof typeof SECTIONS;

export interface CheckContext {
  model: PolicyModel;
  doc: ParsedDocument;
  /** YYYY-MM-DD */
  asOf: string;
  headings: HeadingInfo[];
  /** The first heading of the policy (past front matter and an archive header), else line 1. */
  start: Place;
  /** The first heading matching any of the sections, in order of preference; else the start. */
  sectionOr(...names: SectionName[]): Place;
  /** The first evidence of an item, else the fallback. */
  evidenceOf(item: Pick<ItemBase, 'evidence'> | { evidence?: Evidence[] }, fallback: Place): Place;
  /** The line of a front-matter key, or of a sentence in the prose matching re. */
  lineOf(key: string, re?: RegExp): Place | undefined;
}

export function createContext(doc: ParsedDocument, model: PolicyModel, asOf: string): CheckContext {
  const headings: HeadingInfo[] = [];
  const visit = (nodes: ParsedDocument['tree']['children']) => {
    for (const node of nodes) {
      if (node.type === 'heading' && node.position)
        headings.push({ line: node.position.start.line, column: node.position.start.column, endColumn: node.position.end.column, text: toString(node) });
    }
  };
  visit(doc.tree.children);
  const first = headings[0];
  const start: Place = first
    ? { start: { line: first.line, column: first.column }, end: { line: first.line, column: first.endColumn } }
    : { start: { line: doc.frontMatter ? doc.text.slice(0, doc.frontMatter.end).split('\n').length + 1 : 1, column: 1 } };
  const fm = readFrontMatter(doc);
  const lines = doc.text.split('\n');
  return {
    model,
    doc,
    asOf,
    headings,
    start,
    sectionOr(...names) {
      for (const name of names) {
        const h = headings.find((x) => SECTIONS[name].test(x.text));
        if (h) return { start: { line: h.line, column: h.column }, end: { line: h.line, column: h.endColumn } };
      }
      return start;
    },
    evidenceOf(item, fallback) {
      const ev = item.evidence?.[0];
      if (!ev) return fallback;
      return { start: { line: ev.lines[0], column: 1 }, end: { line: ev.lines[1], column: (lines[ev.lines[1] - 1]?.length ?? 0) + 1 } };
    },
    lineOf(key, re) {
      const l = fm.lineOf(key);
      if (l) return { start: { line: l, column: 1 } };
      if (re) {
        const i = lines.findIndex((x) => re.test(x));
        if (i >= 0) return { start: { line: i + 1, column: 1 } };
      }
      return undefined;
    },
  };
}

/** Items the policy says it does (not the ones it says it does not do). */
export function positive<T extends { polarity?: string }>(items: readonly T[]): T[] {
  return items.filter((i) => i.polarity !== 'negative');
}

/** True when an item list holds the id or a child of it (contact.email.work counts as contact.email). */
export function hasId(items: readonly { id: string; polarity?: string }[], id: string, onlyPositive = true): boolean {
  return (onlyPositive ? positive(items) : items).some((i) => i.id === id || i.id.startsWith(id + '.'));
}
