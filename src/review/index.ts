// The review loop: policies/<id>/policy.yaml is the reviewed model beside policy.md.
// reconcile() is what the pipeline runs when a reviewed model exists: validate it (errors at
// policy.yaml line:column), merge the fresh extraction into it, and report drift both ways.
import { parse } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import type { ParsedDocument } from '../parse/markdown.js';
import type { PolicyModel } from '../model/types.js';
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
  return { model, diagnostics };
}
