// policy.yaml: the model as YAML, with a yaml-language-server line so editors offer completion.
import { stringify } from 'yaml';
import type { PolicyModel } from '../model/types.js';
import { fastEntry } from './yaml-fast.js';

export const SCHEMA_ID = 'https://policyc.dev/schemas/policy.schema.json';
/** Where a release's policy.yaml (policies/<id>/releases/<v>/) finds the schema. */
export const RELEASE_SCHEMA_REF = '../../../../schemas/policy.schema.json';

const OPTIONS = { lineWidth: 0, aliasDuplicateObjects: false, singleQuote: false } as const;

// The yaml package builds a document node for every scalar before it prints, so a big model
// (a 5 MB policy has ~12 MB of YAML) would cost hundreds of MB at once. A block mapping's entries
// and a block sequence's items print independently (no anchors: aliasDuplicateObjects is off), so
// printing the model entry by entry, and each top-level list item by item, gives the same text
// with one item's worth of nodes alive at a time (test/yaml-fast.test.ts checks it against whole).
// Each entry goes through the fast printer (src/render/yaml-fast.ts) first; the yaml package
// prints the entries it is unsure of.
// Memoised per model object: the draft's hash and the site's two copies print it once.
const bodies = new WeakMap<PolicyModel, string>();

/** The model as YAML, without the schema line. */
export function yamlBody(model: PolicyModel): string {
  const cached = bodies.get(model);
  if (cached !== undefined) return cached;
  let out = '';
  for (const [key, value] of Object.entries(model)) {
    if (value === undefined) continue;
    if (!Array.isArray(value) || value.length === 0) {
      out += fastEntry(key, value) ?? stringify({ [key]: value }, OPTIONS);
      continue;
    }
    out += `${key}:\n`;
    for (const item of value) {
      const one = fastEntry(key, [item]) ?? stringify({ [key]: [item] }, OPTIONS);
      out += one.slice(one.indexOf('\n') + 1);
    }
  }
  if (out === '') out = stringify(model, OPTIONS);
  bodies.set(model, out);
  return out;
}

/** `schemaRef` is where editors find the schema: a relative path where one is known, else its $id. */
export function renderYaml(model: PolicyModel, schemaRef: string = SCHEMA_ID): string {
  return `# yaml-language-server: $schema=${schemaRef}\n${yamlBody(model)}`;
}

/** The same text printed as one document (the reference yamlBody must equal; tests only). */
export function renderYamlWhole(model: PolicyModel, schemaRef: string = SCHEMA_ID): string {
  return `# yaml-language-server: $schema=${schemaRef}\n${stringify(model, OPTIONS)}`;
}
