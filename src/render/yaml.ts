// policy.yaml: the model as YAML, with a yaml-language-server line so editors offer completion.
import { stringify } from 'yaml';
import type { PolicyModel } from '../model/types.js';

export const SCHEMA_ID = 'https://policyc.dev/schemas/policy.schema.json';

/** `schemaRef` is where editors find the schema: a relative path where one is known, else its $id. */
export function renderYaml(model: PolicyModel, schemaRef: string = SCHEMA_ID): string {
  const body = stringify(model, { lineWidth: 0, aliasDuplicateObjects: false, singleQuote: false });
  return `# yaml-language-server: $schema=${schemaRef}\n${body}`;
}
