// Author pins: passages the author marks as a given practice (src/pins/syntax.ts parses them).
// A pin is exact, not guessed: it becomes a `source: declared` item whose evidence is the pinned
// passage, and it replaces any inferred item with the same key. Front matter `controller:` is
// declared metadata too. Everything here is pure.
import type { Diagnostic } from '../diagnostics.js';
import type { ParsedDocument } from '../parse/markdown.js';
import type { Evidence, ItemFacet, PolicyModel, ItemBase, Party } from '../model/types.js';
import { FACET_SECTION } from '../model/vocabulary.js';
import { ITEM_FACETS, itemKey } from '../model/types.js';
import { isKnownId, suggestIds, type VocabularySection } from '../model/vocabulary.js';
import { readFrontMatter } from '../parse/frontmatter.js';
import { toString } from 'mdast-util-to-string';
import type { RawPin } from './syntax.js';

export { PIN_NAME, type RawPin } from './syntax.js';

/** Attribute names that choose the facet (the first attribute of a pin, or `facet=`). */
export const FACET_ALIASES: Record<string, ItemFacet> = {
  data: 'data_categories',
  data_category: 'data_categories',
  data_categories: 'data_categories',
  purpose: 'purposes',
  purposes: 'purposes',
  recipient: 'recipients',
  recipients: 'recipients',
  right: 'rights',
  rights: 'rights',
  retention: 'retention',
  transfer: 'transfers',
  transfers: 'transfers',
  security: 'security',
  from: 'sources',
  sources: 'sources',
  automated_decision: 'automated_decisions',
  automated_decisions: 'automated_decisions',
  special_condition: 'special_category_conditions',
  special_category_conditions: 'special_category_conditions',
};


type FieldKind = { field: string; list?: VocabularySection | 'text'; id?: VocabularySection; bool?: true; enum?: string[]; facets?: ItemFacet[] };
/** Other attributes: alias -> item field. Lists are separated by spaces or commas. */
const FIELDS: Record<string, FieldKind> = {
  name: { field: 'name' },
  basis: { field: 'legal_basis', id: 'legal_bases', facets: ['purposes'] },
  legal_basis: { field: 'legal_basis', id: 'legal_bases', facets: ['purposes'] },
  interest: { field: 'legitimate_interest', facets: ['purposes'] },
  legitimate_interest: { field: 'legitimate_interest', facets: ['purposes'] },
  data: { field: 'data_categories', list: 'data_categories', facets: ['purposes', 'recipients', 'retention'] },
  data_categories: { field: 'data_categories', list: 'data_categories', facets: ['purposes', 'recipients', 'retention'] },
  purpose: { field: 'purposes', list: 'purposes', facets: ['recipients'] },
  purposes: { field: 'purposes', list: 'purposes', facets: ['recipients'] },
  via: { field: 'via', list: 'choice_mechanisms', facets: ['rights'] },
  countries: { field: 'countries', list: 'text', facets: ['transfers'] },
  safeguards: { field: 'safeguards', list: 'transfer_safeguards', facets: ['transfers'] },
  period: { field: 'period', facets: ['retention'] },
  kind: { field: 'kind', id: 'retention_kinds', facets: ['retention'] },
  sold: { field: 'sold', bool: true, facets: ['recipients'] },
  shared_for_ads: { field: 'shared_for_ads', bool: true, facets: ['recipients'] },
  polarity: { field: 'polarity', enum: ['positive', 'negative'] },
  modality: { field: 'modality', enum: ['asserted', 'hedged', 'conditional'] },
  condition: { field: 'condition' },
  exception: { field: 'exception' },
  note: { field: 'note' },
  identifiability: { field: 'identifiability', enum: ['identifiable', 'aggregated', 'anonymous'] },
};

/** Fields every item of a facet must have, with their defaults. */
const DEFAULTS: Partial<Record<ItemFacet, Record<string, unknown>>> = {
  purposes: { data_categories: [] },
  recipients: { data_categories: [], purposes: [] },
  rights: { via: [] },
  retention: { period: null, data_categories: [] },
  transfers: { countries: [], safeguards: [] },
};

export interface Pin {
  facet: ItemFacet;
  item: ItemBase & Record<string, unknown>;
}

/** Turn the parser's pins into declared items; problems become diagnostics at the pin. */
export function readPins(doc: ParsedDocument): { pins: Pin[]; diagnostics: Diagnostic[] } {
  const raw = doc.tree.data?.pins ?? [];
  const pins: Pin[] = [];
  const diagnostics: Diagnostic[] = [];
  const headings = headingLines(doc);
  for (const p of raw) {
    const at = { start: p.start, end: { line: p.start.line, column: doc.text.split('\n', p.start.line)[p.start.line - 1]!.length + 1 } };
    const problem = (ruleId: string, message: string, data?: Record<string, unknown>) =>
      diagnostics.push({ ruleId, severity: 'error', message, ...at, source: 'pins', cite: 'docs/policy-as-code.md#author-pins', ...(data ? { data } : {}) });
    const entries = Object.entries(p.attributes);
    let facet: ItemFacet | undefined;
    let id: string | undefined;
    let rest = entries;
    if (p.attributes.facet !== undefined) {
      facet = FACET_ALIASES[p.attributes.facet];
      id = p.attributes.id;
      rest = entries.filter(([k]) => k !== 'facet' && k !== 'id');
      if (!facet) {
        problem('pins/unknown-facet', `Unknown facet "${p.attributes.facet}" in a practice pin: use one of ${ITEM_FACETS.join(', ')}`);
        continue;
      }
    } else if (entries[0]) {
      const [k, v] = entries[0];
      facet = FACET_ALIASES[k];
      id = v;
      rest = entries.slice(1);
      if (!facet) {
        problem('pins/unknown-facet', `A practice pin starts with what it pins, e.g. {purpose=marketing}; "${k}" is not one of ${Object.keys(FACET_ALIASES).join(', ')}`);
        continue;
      }
    }
    if (!facet || !id) {
      problem('pins/missing-id', 'A practice pin needs what it pins and an id, e.g. :::practice{purpose=marketing basis=consent}');
      continue;
    }
    if (!isKnownId(FACET_SECTION[facet], id)) {
      const s = suggestIds(FACET_SECTION[facet], id);
      problem('pins/unknown-id', `Unknown ${facet} id "${id}"${s.length ? `; did you mean "${s[0]}"?` : ''}`, s.length ? { suggestions: s } : undefined);
      continue;
    }
    if (!p.content) {
      problem('pins/empty', 'A practice pin must contain the passage it pins, between :::practice{...} and :::');
      continue;
    }
    const item: Record<string, unknown> = { id };
    const fields: Record<string, unknown> = { ...(DEFAULTS[facet] ?? {}) };
    if (facet === 'retention') fields.kind = id;
    let ok = true;
    for (const [k, v] of rest) {
      const f = FIELDS[k];
      if (!f || (f.facets && !f.facets.includes(facet))) {
        problem('pins/unknown-attribute', `"${k}" is not an attribute of a ${facet} pin`);
        ok = false;
        continue;
      }
      if (f.bool) {
        if (v !== 'true' && v !== 'false') {
          problem('pins/invalid-value', `${k} must be true or false, not "${v}"`);
          ok = false;
        } else fields[f.field] = v === 'true';
      } else if (f.enum) {
        if (!f.enum.includes(v)) {
          problem('pins/invalid-value', `${k} must be one of ${f.enum.join(', ')}, not "${v}"`);
          ok = false;
        } else fields[f.field] = v;
      } else if (f.list) {
        const values = v.split(/[\s,]+/).filter(Boolean);
        for (const value of values)
          if (f.list !== 'text' && !isKnownId(f.list, value)) {
            problem('pins/unknown-id', `Unknown ${f.list} id "${value}" in ${k}`);
            ok = false;
          }
        fields[f.field] = values;
      } else if (f.id && !isKnownId(f.id, v)) {
        problem('pins/unknown-id', `Unknown ${f.id} id "${v}" in ${k}`);
        ok = false;
      } else fields[f.field] = f.field === 'period' && v === 'null' ? null : v;
    }
    if (!ok) continue;
    const { name, polarity, modality, condition, exception, note, identifiability, ...facetFields } = fields;
    if (name !== undefined) item.name = name;
    Object.assign(item, facetFields);
    if (identifiability !== undefined) item.identifiability = identifiability;
    item.polarity = polarity ?? 'positive';
    item.modality = modality ?? 'asserted';
    if (condition !== undefined) item.condition = condition;
    if (exception !== undefined) item.exception = exception;
    item.source = 'declared';
    if (note !== undefined) item.note = note;
    const evidence: Evidence = {
      lines: p.content.lines,
      quote: doc.text.slice(p.content.startOffset, p.content.endOffset),
      section: sectionAt(headings, p.start.line),
    };
    item.evidence = [evidence];
    pins.push({ facet, item: item as unknown as Pin['item'] });
  }
  return { pins, diagnostics };
}

/** Apply pins and front-matter metadata to a freshly extracted model (in place). */
export function applyPins(doc: ParsedDocument, model: PolicyModel): Diagnostic[] {
  const { pins, diagnostics } = readPins(doc);
  for (const pin of pins) {
    const list = model[pin.facet] as unknown as (ItemBase & Record<string, unknown>)[];
    const key = itemKey(pin.item);
    const at = list.findIndex((i) => itemKey(i) === key);
    if (at >= 0) list[at] = pin.item;
    else list.push(pin.item);
  }
  diagnostics.push(...applyFrontMatterController(doc, model));
  return diagnostics;
}

/** Front matter `controller: {name, contact: {...}, dpo: {...}, representative: {...}}` is declared. */
function applyFrontMatterController(doc: ParsedDocument, model: PolicyModel): Diagnostic[] {
  if (!doc.frontMatter) return [];
  const fm = readFrontMatter(doc);
  const c = fm.data.controller;
  if (c === undefined) return [];
  if (typeof c !== 'object' || c === null || Array.isArray(c))
    return [{ ruleId: 'front-matter/controller', severity: 'error', message: 'Front matter controller must be a map: {name, contact: {email, url, postal_address, phone}, dpo: {...}}', start: { line: fm.lineOf('controller') ?? doc.frontMatter.line, column: 1 }, source: 'pins' }];
  const declared = c as Party & { dpo?: Party; representative?: Party };
  const next = { ...model.controller };
  for (const key of ['name', 'contact', 'dpo', 'representative'] as const) if (declared[key] !== undefined) (next as Record<string, unknown>)[key] = declared[key];
  model.controller = next;
  return [];
}

interface HeadingLine {
  line: number;
  depth: number;
  text: string;
}

function headingLines(doc: ParsedDocument): HeadingLine[] {
  const out: HeadingLine[] = [];
  for (const node of doc.tree.children)
    if (node.type === 'heading' && node.position) out.push({ line: node.position.start.line, depth: node.depth, text: toString(node) });
  return out;
}

function sectionAt(headings: HeadingLine[], line: number): string[] {
  const stack: HeadingLine[] = [];
  for (const h of headings) {
    if (h.line > line) break;
    while (stack.length && stack[stack.length - 1]!.depth >= h.depth) stack.pop();
    stack.push(h);
  }
  return stack.map((h) => h.text);
}

export type { RawPin as ParsedPin };
