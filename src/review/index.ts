// The review loop: policies/<id>/policy.yaml is the reviewed model beside policy.md.
// reconcile() is what the pipeline runs when a reviewed model exists: validate it (errors at
// policy.yaml line:column), merge the fresh extraction into it, and report drift both ways.
import { parse } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import type { ParsedDocument } from '../parse/markdown.js';
import type { Evidence, PolicyModel } from '../model/types.js';
import { ITEM_FACETS } from '../model/types.js';
import { validateModelText } from '../validate/positions.js';
import { mergeReviewed } from './merge.js';
import { reviewDrift } from './drift.js';

export { mergeReviewed, isHumanItem, type MergeOutcome, type MergeSummary } from './merge.js';
export { reviewDrift, quoteOccurs } from './drift.js';

export interface Reconciled {
  /** The model to publish: the reviewed one with the fresh extraction merged in (or the fresh one when policy.yaml is broken). */
  model: PolicyModel;
  diagnostics: Diagnostic[];
}

export function reconcile(doc: ParsedDocument, fresh: PolicyModel, reviewed: { path: string; text: string }): Reconciled {
  const checked = validateModelText(reviewed.text, reviewed.path);
  const diagnostics: Diagnostic[] = checked.diagnostics.map((d) => ({ ...d, file: reviewed.path }));
  if (diagnostics.some((d) => d.severity === 'error') || !checked.model || typeof checked.model !== 'object')
    return { model: fresh, diagnostics };
  diagnostics.push(...reviewDrift(doc, checked.model as Partial<PolicyModel>, fresh, { reviewedPath: reviewed.path }));
  const merged = mergeReviewed(reviewed.text, fresh);
  const model = merged.text === null ? fresh : (parse(merged.text) as PolicyModel);
  if (model !== fresh) relocateEvidence(doc, model);
  return { model, diagnostics };
}

/**
 * policy.yaml keeps a reviewed item's bytes, so its evidence lines go stale when the prose above
 * moves. The model that is published (anchors, glance links) gets the lines where each quote is now:
 * the occurrence nearest the recorded lines. The file itself is not touched.
 */
export function relocateEvidence(doc: ParsedDocument, model: PolicyModel): void {
  for (const facet of ITEM_FACETS)
    for (const item of model[facet] as unknown as { evidence?: Evidence[] }[])
      for (const ev of item.evidence ?? []) {
        if (typeof ev.quote !== 'string' || !ev.quote) continue;
        let best: [number, number] | undefined;
        for (let i = doc.text.indexOf(ev.quote); i !== -1; i = doc.text.indexOf(ev.quote, i + 1)) {
          const span = doc.lines.span(i, i + ev.quote.length);
          if (!best || Math.abs(span[0] - (ev.lines?.[0] ?? 0)) < Math.abs(best[0] - (ev.lines?.[0] ?? 0))) best = span;
        }
        if (best) ev.lines = best;
      }
}
