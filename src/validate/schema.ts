// Validate stage: a model (object) against schemas/policy.schema.json and the vocabulary.
// Problems carry JSON paths; validate/positions.ts maps them to YAML line:column.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { sha256Hex } from '../hash.js';
import type { ValidateFunction, ErrorObject } from 'ajv';
import { isKnownId, loadVocabulary, suggestIds } from '../model/vocabulary.js';
import { idsIn } from './ids.js';

export const schemaPath = new URL('../../schemas/policy.schema.json', import.meta.url);

export interface ModelProblem {
  /** JSON path of the offending value (or of the object missing a property). */
  path: (string | number)[];
  ruleId: string;
  message: string;
  /** For additionalProperties / required: the property concerned. */
  property?: string;
  suggestions?: string[];
}

let validator: ValidateFunction | undefined;

function getValidator(): ValidateFunction {
  if (validator) return validator;
  // Ajv is CommonJS; createRequire keeps NodeNext typing simple and loads only when validating.
  const require = createRequire(import.meta.url);
  const schemaText = readFileSync(schemaPath, 'utf8');
  const precompiled = loadStandalone(require, schemaText);
  if (precompiled) return (validator = precompiled);
  const Ajv2020 = require('ajv/dist/2020.js').default as typeof import('ajv/dist/2020.js').default;
  const addFormats = require('ajv-formats').default as typeof import('ajv-formats').default;
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv, ['date', 'email']);
  const compiled = ajv.compile(JSON.parse(schemaText));
  validator = compiled;
  return compiled;
}

/**
 * The validator that scripts/build.mjs precompiled with Ajv's standalone code (lib/validate/standalone.cjs;
 * from lib/bundle/ the same relative path reaches it), used only when it was built from this very
 * schema text: no schema compilation at start-up. Absent (tests run from src/) or stale: undefined.
 */
function loadStandalone(require: NodeJS.Require, schemaText: string): ValidateFunction | undefined {
  if (process.env.POLICYC_NO_STANDALONE) return undefined;
  let mod: ValidateFunction & { schemaSha256?: string; default?: ValidateFunction };
  try {
    mod = require('../validate/standalone.cjs') as typeof mod;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
  if (mod.schemaSha256 !== sha256Hex(schemaText)) return undefined;
  return mod.default ?? mod;
}

/** Schema and vocabulary problems of a model. Empty when valid. */
export function checkModel(model: unknown): ModelProblem[] {
  const validate = getValidator();
  const problems: ModelProblem[] = [];
  if (!validate(model)) problems.push(...simplify(validate.errors ?? []));
  const vocab = loadVocabulary();
  for (const { path, id, field } of idsIn(model)) {
    const sections = [field.section, ...(field.also ?? [])];
    if (sections.some((s) => isKnownId(s, id, vocab))) continue;
    if (!new RegExp('^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$').test(id) && !id.startsWith('x.')) continue; // the schema reports the shape
    const suggestions = sections.flatMap((s) => suggestIds(s, id, vocab));
    problems.push({
      path,
      ruleId: 'vocabulary/unknown-id',
      message:
        `Unknown ${field.section.replace(/_/g, ' ')} id "${id}"` +
        (suggestions.length ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?` : '') +
        ` (use a vocabulary id, a child of one, or x.${id.replace(/[^a-z0-9_]/g, '_')})`,
      suggestions,
    });
  }
  return problems;
}

/** Turn Ajv's errors into one readable problem each, dropping the noise allOf/oneOf produce. */
function simplify(errors: ErrorObject[]): ModelProblem[] {
  const out: ModelProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'if' || e.keyword === 'allOf') continue;
    const path = e.instancePath.split('/').slice(1).map(decodePointer);
    let property: string | undefined;
    let message = e.message ?? 'is invalid';
    const params = e.params as Record<string, unknown>;
    if (e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties') {
      property = String(params.additionalProperty ?? params.unevaluatedProperty);
      message = `unknown property "${property}"`;
    } else if (e.keyword === 'required') {
      property = String(params.missingProperty);
      message = `missing required property "${property}"`;
    } else if (e.keyword === 'enum') {
      message = `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    } else if (e.keyword === 'const') {
      message = `must be ${JSON.stringify(params.allowedValue)}`;
    } else if (e.keyword === 'oneOf' && errors.some((o) => o !== e && o.instancePath === e.instancePath)) {
      continue; // the branch errors say more
    }
    const where = '/' + path.join('/');
    const key = `${where}|${e.keyword}|${property ?? ''}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, ruleId: `schema/${e.keyword}`, message: `${where === '/' ? '' : where + ' '}${message}`, property });
  }
  return out;
}

function decodePointer(segment: string): string | number {
  const s = segment.replace(/~1/g, '/').replace(/~0/g, '~');
  return /^\d+$/.test(s) ? Number(s) : s;
}
