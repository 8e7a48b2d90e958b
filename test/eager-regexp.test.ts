// A big workload runs with V8's regular expressions compiled at once (src/node/eager-regexp.ts):
// the CLI runs itself again in a child started with --no-regexp-tier-up (the flag cannot be
// switched in a running process: that crashed V8). The child's output must be the parent's would-be
// output, byte for byte, and small runs and embedding programs must never re-run.
import { describe, test, expect } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EAGER_REGEXP_AFTER, EAGER_REGEXP_FLAG, shouldRerunEager } from '../src/node/eager-regexp.js';

describe('when to re-run with eager regexps', () => {
  const bin = '/x/node_modules/.bin/policyc';
  test('only a big workload of the policyc CLI itself, once', () => {
    expect(shouldRerunEager(EAGER_REGEXP_AFTER, [], bin, {})).toBe(true);
    expect(shouldRerunEager(EAGER_REGEXP_AFTER, [], '/repo/bin/policyc.js', {})).toBe(true);
    expect(shouldRerunEager(EAGER_REGEXP_AFTER - 1, [], bin, {})).toBe(false); // the seed keeps the interpreter
    expect(shouldRerunEager(EAGER_REGEXP_AFTER, [EAGER_REGEXP_FLAG], bin, {})).toBe(false); // the child itself
    expect(shouldRerunEager(EAGER_REGEXP_AFTER, [], '/repo/node_modules/jest/bin/jest.js', {})).toBe(false);
    expect(shouldRerunEager(EAGER_REGEXP_AFTER, [], undefined, {})).toBe(false);
    expect(shouldRerunEager(EAGER_REGEXP_AFTER, [], bin, { POLICYC_EAGER_REGEXP: 'off' })).toBe(false);
  });
});

const built = existsSync(join('lib', 'bundle', 'cli.cjs'));
(built ? describe : describe.skip)('the CLI on a big policy set', () => {
  test('re-runs itself with the flag and publishes exactly what it would have without', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policyc-eager-'));
    try {
      // just over EAGER_REGEXP_AFTER of policy text in three policies: each sentence names data, a purpose and a recipient
      const para = (i: number) => `We collect your email address and phone number ${i} to send you news, and we share them with our service providers.\n\n`;
      for (const id of ['a', 'b', 'c']) {
        mkdirSync(join(dir, 'policies', id), { recursive: true });
        let text = `# Privacy policy ${id}\n\n`;
        for (let i = 0; text.length < EAGER_REGEXP_AFTER / 3 + 1024; i++) text += (i % 40 === 0 ? `## Part ${i}\n\n` : '') + para(i);
        writeFileSync(join(dir, 'policies', id, 'policy.md'), text);
      }
      const bin = join(process.cwd(), 'bin', 'policyc.js');
      const env = { ...process.env, SOURCE_DATE_EPOCH: '0', POLICYC_JOBS: '1' };
      const eager = spawnSync(process.execPath, [bin, 'compile', '--out', 'eager'], { cwd: dir, env: { ...env, POLICYC_EAGER_REGEXP: 'report' }, encoding: 'utf8' });
      expect(eager.status).toBe(0);
      expect(eager.stderr).toContain(`running with ${EAGER_REGEXP_FLAG}`);
      expect(eager.stderr).toContain('Compiled 3 policies');
      execFileSync(process.execPath, [bin, 'compile', '--out', 'plain'], { cwd: dir, env: { ...env, POLICYC_EAGER_REGEXP: 'off' }, stdio: 'ignore' });
      const files = (root: string) => (readdirSync(join(dir, root), { recursive: true }) as string[]).filter((f) => f.endsWith('.yaml') || f.endsWith('.html')).sort();
      expect(files('eager')).toEqual(files('plain'));
      for (const f of files('plain')) expect(readFileSync(join(dir, 'eager', f), 'utf8')).toBe(readFileSync(join(dir, 'plain', f), 'utf8'));
      // named by the config instead of the command line: the estimate reads the same folder the compile does
      renameSync(join(dir, 'policies'), join(dir, 'texts'));
      writeFileSync(join(dir, 'policyc.config.yaml'), 'policies: texts\nout: configured\n');
      const configured = spawnSync(process.execPath, [bin, 'compile'], { cwd: dir, env: { ...env, POLICYC_EAGER_REGEXP: 'report' }, encoding: 'utf8' });
      expect(configured.status).toBe(0);
      expect(configured.stderr).toContain(`running with ${EAGER_REGEXP_FLAG}`);
      expect(configured.stderr).toContain('Compiled 3 policies');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
