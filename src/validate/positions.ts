// Map model problems back to YAML (or JSON) line:column, so every validate error has a position.
import { parseDocument, LineCounter, isMap, isSeq, isPair, isScalar, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { checkModel, type ModelProblem } from './schema.js';

export interface ModelFileResult {
  model: unknown;
  diagnostics: Diagnostic[];
}

/** Parse a model file (YAML or JSON, which is YAML) and validate it, with positions. */
export function validateModelText(text: string, file: string): ModelFileResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  for (const e of doc.errors)
    diagnostics.push({
      ruleId: `yaml/${e.code.toLowerCase().replace(/_/g, '-')}`,
      severity: 'error',
      message: e.message.split('\n')[0]!,
      file,
      start: at(e.pos[0]),
      end: at(e.pos[1]),
      source: 'yaml',
    });
  for (const w of doc.warnings)
    diagnostics.push({
      ruleId: `yaml/${w.code.toLowerCase().replace(/_/g, '-')}`,
      severity: 'warning',
      message: w.message.split('\n')[0]!,
      file,
      start: at(w.pos[0]),
      source: 'yaml',
    });
  if (doc.errors.length) return { model: undefined, diagnostics };
  let model: unknown;
  try {
    // maxAliasCount stops "billion laughs" alias bombs.
    model = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    diagnostics.push({ ruleId: 'yaml/alias-limit', severity: 'error', message: (error as Error).message, file, start: { line: 1, column: 1 }, source: 'yaml' });
    return { model: undefined, diagnostics };
  }
  for (const problem of checkModel(model)) diagnostics.push(toDiagnostic(problem, doc, at, file));
  return { model, diagnostics };
}

type At = (offset: number) => { line: number; column: number };

export function toDiagnostic(problem: ModelProblem, doc: Document, at: At, file: string): Diagnostic {
  const range = locate(doc, problem);
  return {
    ruleId: problem.ruleId,
    severity: 'error',
    message: problem.message,
    file,
    start: range ? at(range[0]) : { line: 1, column: 1 },
    end: range ? at(range[1]) : undefined,
    source: problem.ruleId.startsWith('vocabulary/') ? 'vocabulary' : 'schema',
    data: { path: '/' + problem.path.join('/'), ...(problem.suggestions?.length ? { suggestions: problem.suggestions } : {}) },
  };
}

/** Source range of the node a problem is about: the offending key for unknown properties. */
function locate(doc: Document, problem: ModelProblem): [number, number] | undefined {
  let node: unknown = doc.contents;
  let best: [number, number] | undefined = rangeOf(node);
  for (const seg of problem.path) {
    const next = child(node, seg);
    if (!next) break;
    node = next.value;
    best = rangeOf(next.key) && problem.ruleId !== 'schema/unevaluatedProperties' ? rangeOf(node) ?? rangeOf(next.key) : rangeOf(node);
  }
  if (problem.property && isMap(node) && problem.ruleId !== 'schema/required') {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === problem.property);
    if (pair) return rangeOf(pair.key) ?? best;
  }
  return best;
}

function child(node: unknown, seg: string | number): { key?: unknown; value: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
    return pair ? { key: pair.key, value: pair.value } : undefined;
  }
  if (isSeq(node) && typeof seg === 'number') return { value: node.items[seg] };
  return undefined;
}

function rangeOf(node: unknown): [number, number] | undefined {
  const r = (node as Node | null)?.range;
  return r ? [r[0], r[1]] : undefined;
}
