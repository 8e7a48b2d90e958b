#!/usr/bin/env node
// Benchmark (not a test): time and peak memory of `policyc compile` on one large policy.
// Usage: node scripts/robust-memory.mjs [megabytes=5]   (run `npm run build` first)
// The policy is the ../shared/corpus/plc texts repeated (or a synthetic section when absent).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const mb = Number(process.argv[2] ?? 5);
const corpus = resolve('../shared/corpus/plc');
let body = '';
if (existsSync(corpus)) for (const f of readdirSync(corpus).sort()) body += readFileSync(join(corpus, f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '') + '\n\n';
else body = '## What we collect\n\nWe collect your email address and name, and share them with our hosting providers.\n\n- Contact details\n- Usage data\n\n';
let text = '---\ntitle: Big\nversion: 1.0.0\neffective_date: 2024-01-01\n---\n# Big policy\n\n';
for (let i = 0; Buffer.byteLength(text) < mb * 1024 * 1024; i++) text += `## Part ${i}\n\n${body}`;
const dir = mkdtempSync(join(tmpdir(), 'policyc-memory-'));
mkdirSync(join(dir, 'policies/big'), { recursive: true });
writeFileSync(join(dir, 'policies/big/policy.md'), text);
const bin = resolve('bin/policyc.js');
const time = existsSync('/usr/bin/time');
const started = process.hrtime.bigint();
const run = time
  ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, 'compile'], { cwd: dir, encoding: 'utf8' })
  : spawnSync(process.execPath, [bin, 'compile'], { cwd: dir, encoding: 'utf8' });
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const peak = time ? Number(run.stderr.trim().split('\n').pop()) / 1024 : NaN;
console.log(`${(Buffer.byteLength(text) / 1048576).toFixed(1)} MB policy: exit ${run.status}, ${seconds.toFixed(1)} s, peak RSS ${time ? peak.toFixed(0) + ' MB' : 'n/a (no /usr/bin/time)'}`);
