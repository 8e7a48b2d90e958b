// Drift between the prose and the reviewed model, both ways:
//  - error   review/evidence-missing: a reviewed item's evidence quote no longer occurs in the prose;
//            the message says where it used to be (the lines recorded in policy.yaml).
//  - warning review/undeclared-practice: the prose now discloses an item the reviewed model lacks.
// Pure: the parsed prose and the two models in, diagnostics out.
import type { Diagnostic } from '../diagnostics.js';
import type { ParsedDocument } from '../parse/markdown.js';
import type { Evidence, ItemBase, ItemFacet, PolicyModel } from '../model/types.js';
import { ITEM_FACETS, itemKey } from '../model/types.js';
import { isHumanItem } from './merge.js';

const SINGULAR: Record<ItemFacet, string> = {
  data_categories: 'data category',
  purposes: 'purpose',
  recipients: 'recipient',
  rights: 'right',
  retention: 'retention statement',
  transfers: 'transfer',
  security: 'security measure',
  sources: 'source',
  automated_decisions: 'automated decision',
  special_category_conditions: 'special-category condition',
};

/** Whitespace-insensitive: reflowing a paragraph does not count as deleting it. */
export function normaliseSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function quoteOccurs(quote: string, prose: string): boolean {
  if (prose.includes(quote)) return true;
  return normaliseSpace(prose).includes(normaliseSpace(quote));
}

export interface DriftOptions {
  /** Path of policy.yaml, for the messages. */
  reviewedPath: string;
}

export function reviewDrift(doc: ParsedDocument, reviewed: Partial<PolicyModel>, fresh: PolicyModel, options: DriftOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  const prose = doc.text;
  const lastLine = doc.lines.lineCount;
  for (const facet of ITEM_FACETS) {
    const mine = (Array.isArray(reviewed[facet]) ? reviewed[facet] : []) as unknown as ItemBase[];
    for (const item of mine) {
      if (!isHumanItem(item) || !Array.isArray(item.evidence)) continue;
      for (const ev of item.evidence as Evidence[]) {
        if (typeof ev?.quote !== 'string' || !ev.quote.trim() || quoteOccurs(ev.quote, prose)) continue;
        const [a, b] = Array.isArray(ev.lines) ? ev.lines : [1, 1];
        const where = a === b ? `line ${a}` : `lines ${a}-${b}`;
        const line = Math.min(Math.max(1, a), lastLine);
        out.push({
          ruleId: 'review/evidence-missing',
          severity: 'error',
          message: `The reviewed ${SINGULAR[facet]} "${itemKey(item)}" rests on a passage that is no longer in the prose; it used to be at ${where}${ev.section?.length ? ` (${ev.section.join(' > ')})` : ''}: "${excerpt(ev.quote)}". Restore the passage, or change ${options.reviewedPath} if the practice changed`,
          start: { line, column: 1 },
          source: 'review',
          data: { facet, key: itemKey(item), lines: [a, b], reviewed: options.reviewedPath },
        });
      }
    }
    const known = new Set(mine.filter((i) => i && typeof i.id === 'string').map((i) => itemKey(i)));
    for (const item of fresh[facet] as unknown as ItemBase[]) {
      const key = itemKey(item);
      if (known.has(key)) continue;
      const ev = item.evidence?.[0];
      out.push({
        ruleId: 'review/undeclared-practice',
        severity: 'warning',
        message: `The prose discloses ${item.polarity === 'negative' ? 'the absence of ' : ''}${SINGULAR[facet]} "${key}"${ev ? ` (${ev.lines[0] === ev.lines[1] ? `line ${ev.lines[0]}` : `lines ${ev.lines[0]}-${ev.lines[1]}`})` : ''}, which the reviewed model ${options.reviewedPath} lacks: run policyc extract --update and review it`,
        start: { line: ev ? ev.lines[0] : 1, column: 1 },
        ...(ev ? { end: { line: ev.lines[1], column: (doc.text.split('\n', ev.lines[1])[ev.lines[1] - 1]?.length ?? 0) + 1 } } : {}),
        source: 'review',
        data: { facet, key },
      });
    }
  }
  return out;
}

function excerpt(quote: string): string {
  const q = normaliseSpace(quote);
  return q.length > 80 ? q.slice(0, 77) + '...' : q;
}
