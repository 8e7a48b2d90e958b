// The 10 MB row of the bad-input table, on its own so that jest runs it beside the other files:
// a 10 MB policy is valid input and must compile (limits and figures: docs/robustness.md).
import { describe, test, expect } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, project, STACK_FRAME } from './robust-helpers.js';
import { MAX_INPUT_BYTES } from '../src/io/read.js';

const corpus = '../shared/corpus/plc';

/** About `bytes` of policy text: corpus policies when present, else a synthetic section. */
export function bigPolicy(bytes: number): string {
  let body = '';
  if (existsSync(corpus))
    for (const name of readdirSync(corpus).sort()) body += readFileSync(join(corpus, name), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '') + '\n\n';
  else
    body =
      '## What we collect\n\nWe collect your **email address** and name when you register, and we share them with [our providers](https://example.com/providers) for hosting.\n\n- Contact details\n- Usage data\n\n> You may ask us to delete your data at any time.\n\n';
  const parts = ['---\ntitle: Big\nversion: 1.0.0\neffective_date: 2024-01-01\n---\n# Big policy\n\n'];
  let size = parts[0]!.length;
  for (let i = 0; size < bytes; i++) {
    const part = `## Part ${i}\n\n${body}`;
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  return parts.join('');
}

describe('a 10 MB policy', () => {
  test('is accepted by the size limit and compiles', async () => {
    expect(MAX_INPUT_BYTES).toBeGreaterThanOrEqual(10 * 1024 * 1024);
    const text = bigPolicy(10 * 1024 * 1024);
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(10 * 1024 * 1024);
    const dir = project({ 'policies/big/policy.md': text });
    const r = await runCli(['compile'], dir);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(r.stderr).toMatch(/Compiled 1 policy/);
    expect(r.code).toBe(0);
    const page = join(dir, 'dist/big/1.0.0/index.html');
    expect(statSync(page).size).toBeGreaterThan(10 * 1024 * 1024);
  }, 600_000);
});
