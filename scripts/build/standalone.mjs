// Ajv standalone code for schemas/policy.schema.json, with the same options as
// src/validate/schema.ts, tagged with the schema's sha256 so a stale copy is never used.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function generateStandalone(schemaText) {
  const Ajv2020 = require('ajv/dist/2020.js').default;
  const addFormats = require('ajv-formats').default;
  const standaloneCode = require('ajv/dist/standalone/index.js').default;
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, code: { source: true } });
  addFormats(ajv, ['date', 'email']);
  const validate = ajv.compile(JSON.parse(schemaText));
  const sha = createHash('sha256').update(schemaText).digest('hex');
  return `${standaloneCode(ajv, validate)}\nmodule.exports.schemaSha256 = ${JSON.stringify(sha)};\n`;
}
