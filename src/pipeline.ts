// The pure compiler: source text -> model and rendered files, with diagnostics. No I/O here
// (style.md principle 9); src/node/ reads and writes. Stages: parse -> extract -> pins -> review -> validate -> render.
import type { Diagnostic } from './diagnostics.js';
import { parseMarkdown, type ParsedDocument } from './parse/markdown.js';
import { extract } from './extract/index.js';
import { checkModel } from './validate/schema.js';
import type { PolicyModel } from './model/types.js';
import { applyPins } from './pins/index.js';
import { reconcile } from './review/index.js';
import type { FileReport } from './report/index.js';
import { settle, SETTLE_ABOVE } from './settle.js';

export { runChecks, chooseProfiles, resolveAsOf, RULES, type CheckOptions } from './check/index.js';

export interface PolicyInput {
  /** Policy id (its folder name). */
  id: string;
  /** Path for messages. */
  path: string;
  text: string;
  /** The reviewed model beside the policy (policies/<id>/policy.yaml), when there is one. */
  reviewed?: { path: string; text: string };
}

export interface ExtractedPolicy {
  input: PolicyInput;
  doc: ParsedDocument;
  model: PolicyModel;
  /** The model extracted from the prose alone (with pins), before the reviewed model was merged in. */
  fresh?: PolicyModel;
  diagnostics: Diagnostic[];
}

/**
 * parse -> extract -> pins -> review -> validate (schema and vocabulary).
 * With `input.reviewed`, the model is the reviewed policy.yaml with the fresh extraction merged in
 * (human items kept, new inferred items unreviewed), and drift is reported both ways:
 * review/evidence-missing (error) and review/undeclared-practice (warning). Diagnostics about
 * policy.yaml carry `file: input.reviewed.path`; reportsOf() groups them per file.
 */
export function extractPolicy(input: PolicyInput): ExtractedPolicy {
  const big = input.text.length >= SETTLE_ABOVE;
  const doc = parseMarkdown(input.text, input.path);
  if (big) settle();
  const { model: extracted, diagnostics } = extract(doc, { id: input.id });
  if (big) settle();
  diagnostics.push(...(doc.diagnostics ?? []));
  if (doc.text.trim() === '')
    diagnostics.push({ ruleId: 'input/empty', severity: 'error', message: 'The policy is empty', start: { line: 1, column: 1 }, source: 'read' });
  diagnostics.push(...applyPins(doc, extracted));
  let model = extracted;
  if (input.reviewed) {
    const r = reconcile(doc, extracted, input.reviewed);
    diagnostics.push(...r.diagnostics);
    model = r.model;
  }
  // The extractor's "the policy does not state X" notes judge the prose alone; drop those that a
  // pin or the reviewed model has since answered, so the report does not contradict the model.
  const answered = stillMissing(model);
  for (let i = diagnostics.length - 1; i >= 0; i--) if (answered(diagnostics[i]!.ruleId)) diagnostics.splice(i, 1);
  const reviewedBroken = diagnostics.some((d) => d.file && d.file === input.reviewed?.path && d.severity === 'error');
  if (!reviewedBroken)
    for (const problem of checkModel(model))
      diagnostics.push({
        ruleId: problem.ruleId,
        severity: 'error',
        message: `The ${input.reviewed ? 'merged' : 'extracted'} model is invalid: ${problem.message}`,
        start: { line: 1, column: 1 },
        source: 'schema',
        data: { path: '/' + problem.path.join('/') },
      });
  return { input, doc, model, ...(input.reviewed ? { fresh: extracted } : {}), diagnostics };
}

/** One report per file: the policy's own diagnostics, and those about its policy.yaml. */
export function reportsOf(path: string, diagnostics: Diagnostic[]): FileReport[] {
  const byFile = new Map<string, Diagnostic[]>([[path, []]]);
  for (const d of diagnostics) {
    const f = d.file ?? path;
    if (!byFile.has(f)) byFile.set(f, []);
    byFile.get(f)!.push(f === path ? d : { ...d, file: undefined });
  }
  return [...byFile].map(([p, ds]) => ({ path: p, diagnostics: ds }));
}

/** True for an extractor meta/missing-* note that the final model answers. */
function stillMissing(model: PolicyModel): (ruleId: string) => boolean {
  return (ruleId) => {
    switch (ruleId) {
      case 'meta/missing-controller':
        return !!model.controller.name;
      case 'meta/missing-contact': {
        const c = model.controller.contact;
        return !!c && !!(c.email || c.url || c.postal_address || c.phone);
      }
      case 'meta/missing-retention':
        return model.retention.length > 0;
      case 'meta/missing-rights':
        return model.rights.some((r) => r.polarity !== 'negative' && ['access', 'rectification', 'erasure', 'portability'].includes(r.id.split('.')[0]!));
      case 'meta/missing-policy-change':
        return model.policy_change.notice !== 'none';
      default:
        return false;
    }
  };
}
