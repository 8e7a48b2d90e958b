// What a rule sees: the model, the parsed prose, the as-of date, and helpers that turn "where
// would this belong" into a position: a heading that matches, or the start of the policy.
import type { ParsedDocument } from '../parse/markdown.js';
import type { Evidence, ItemBase, PolicyModel } from '../model/types.js';
import { readFrontMatter } from '../parse/frontmatter.js';
import { buildStructure } from '../parse/structure.js';
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
  retention: /\b(retain|retention|keep|how long|data storage|storage of)|\bstor(e|ing) (your|the|data|information|personal)/i,
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
  /** The policy's first privacy heading, else its first heading (past front matter and an archive header), else line 1. */
  start: Place;
  /** The first heading matching any of the sections, in order of preference; else the start. */
  sectionOr(...names: SectionName[]): Place;
  /** The first evidence of an item, else the fallback. */
  evidenceOf(item: Pick<ItemBase, 'evidence'> | { evidence?: Evidence[] }, fallback: Place): Place;
  /** The line of a front-matter key, or of a sentence in the prose matching re. */
  lineOf(key: string, re?: RegExp): Place | undefined;
}

export function createContext(doc: ParsedDocument, model: PolicyModel, asOf: string): CheckContext {
  const headings = headingsOf(doc);
  // The policy starts at its privacy heading where a page title or site menu comes first.
  const first = headings.find((h) => /\b(privacy|data protection|personal (information|data))\b/i.test(h.text)) ?? headings[0];
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

/**
 * Headings, and the lines real policies use as headings (bold lines, numbered lines, `####`
 * paragraphs: src/parse/structure.ts), with the archive header and tables of contents left out.
 */
export function headingsOf(doc: ParsedDocument): HeadingInfo[] {
  const out: HeadingInfo[] = [];
  for (const b of buildStructure(doc).blocks) {
    if (b.kind !== 'heading' || b.toc || b.quoted) continue;
    const start = doc.lines.pointOf(b.start);
    const lineEnd = doc.lines.starts[start.line] !== undefined ? doc.lines.starts[start.line]! - 1 : doc.text.length;
    const text = doc.text.slice(b.start, b.end).replace(/[*_#`]/g, '').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    out.push({ line: start.line, column: 1, endColumn: lineEnd - doc.lines.starts[start.line - 1]! + 1, text });
  }
  return out;
}
