// The pure compiler: source text -> model and rendered files, with diagnostics. No I/O here
// (style.md principle 9); src/node/ reads and writes. Stages: parse -> extract -> validate -> render.
import type { Diagnostic } from './diagnostics.js';
import { parseMarkdown, type ParsedDocument } from './parse/markdown.js';
import { extract } from './extract/index.js';
import { checkModel } from './validate/schema.js';
import type { PolicyModel } from './model/types.js';

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
  diagnostics: Diagnostic[];
}

/** parse -> extract -> validate (schema and vocabulary). */
export function extractPolicy(input: PolicyInput): ExtractedPolicy {
  const doc = parseMarkdown(input.text, input.path);
  const { model, diagnostics } = extract(doc, { id: input.id });
  diagnostics.push(...(doc.diagnostics ?? []));
  if (doc.text.trim() === '')
    diagnostics.push({ ruleId: 'input/empty', severity: 'error', message: 'The policy is empty', start: { line: 1, column: 1 }, source: 'read' });
  for (const problem of checkModel(model))
    diagnostics.push({
      ruleId: problem.ruleId,
      severity: 'error',
      message: `The extracted model is invalid: ${problem.message}`,
      start: { line: 1, column: 1 },
      source: 'schema',
      data: { path: '/' + problem.path.join('/') },
    });
  return { input, doc, model, diagnostics };
}
