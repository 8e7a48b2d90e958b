#!/usr/bin/env node
// Development helper: extract one policy and print the model as JSON (uses lib/, run `npm run build`).
//   node scripts/dev-extract.mjs FILE [--diagnostics]
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { parseMarkdown } from '../lib/parse/markdown.js';
import { extract } from '../lib/extract/index.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/dev-extract.mjs FILE [--diagnostics]');
  process.exit(2);
}
const doc = parseMarkdown(readFileSync(file, 'utf8'), file);
const id = basename(file) === 'policy.md' ? basename(dirname(file)) : undefined;
const { model, diagnostics } = extract(doc, id ? { id } : {});
if (process.argv.includes('--diagnostics')) for (const d of diagnostics) console.error(`${d.start?.line ?? 1}:${d.start?.column ?? 1} ${d.severity} ${d.ruleId} ${d.message}`);
process.stdout.write(JSON.stringify(model) + '\n');
