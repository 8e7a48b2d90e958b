// CLI cases, run in-process through run(argv, io): exit codes and streams (style.md principle 14).
import { describe, test, expect } from '@jest/globals';
import { mkdtempSync, writeFileSync, existsSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../src/cli.js';

export async function runCli(args: string[], cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd, env: {}, isTTY: false });
  return { code, stdout, stderr };
}

const seed = 'policies/kaspersky-uk/policy.md';

describe('policyc CLI', () => {
  test('--version prints the package version and exits 0', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  test('an unknown command is a usage error: exit 2', async () => {
    const r = await runCli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command/);
  });

  test('an unknown option is a usage error: exit 2', async () => {
    expect((await runCli(['extract', seed, '--nope'])).code).toBe(2);
  });

  test('every command has --help with an example', async () => {
    for (const cmd of ['extract', 'validate', 'compile']) {
      const r = await runCli([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Examples?:\n\s+\$ policyc /);
    }
  });

  test('extract prints YAML with a schema line, and JSON on request', async () => {
    const y = await runCli(['extract', seed]);
    expect(y.code).toBe(0);
    expect(y.stdout.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=/);
    const j = await runCli(['extract', seed, '--format', 'json']);
    expect(JSON.parse(j.stdout).policy.id).toBe('kaspersky-uk');
    expect(j.stderr).toMatch(/meta\/missing-effective-date/);
  });

  test('a missing file could not run: exit 2 with the path', async () => {
    const r = await runCli(['extract', 'no/such/policy.md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no\/such\/policy\.md/);
  });

  test('validate reports a broken model with line:column, JSON path and did-you-mean', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policyc-'));
    const good = await runCli(['extract', seed, '--format', 'json']);
    const model = JSON.parse(good.stdout);
    model.data_categories.push({ id: 'contact.emial', polarity: 'positive', modality: 'asserted', source: 'declared', evidence: [] });
    model.policy.version = 'one';
    const { stringify } = await import('yaml');
    const text = stringify(model);
    writeFileSync(join(dir, 'broken.yaml'), text);
    const r = await runCli(['validate', 'broken.yaml', '--reporter', 'json'], dir);
    expect(r.code).toBe(1);
    const messages = JSON.parse(r.stdout)[0].messages as { ruleId: string; line: number; column: number; message: string; data: { path: string } }[];
    const unknown = messages.find((m) => m.ruleId === 'vocabulary/unknown-id')!;
    expect(unknown.message).toMatch(/did you mean "contact\.email"/);
    expect(unknown.data.path).toMatch(/^\/data_categories\/\d+\/id$/);
    expect(unknown.line).toBeGreaterThan(1);
    const version = messages.find((m) => m.data.path === '/policy/version')!;
    expect(version.ruleId).toBe('schema/pattern');
    expect(version.line).toBe(text.split('\n').indexOf('  version: one') + 1);
    expect(version.column).toBe(12);
  });

  test('compile writes the site and a failed compile leaves dist/ untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policyc-'));
    mkdirSync(join(dir, 'policies', 'acme'), { recursive: true });
    writeFileSync(join(dir, 'policies', 'acme', 'policy.md'), '---\ntitle: Acme\nversion: 1.2.0\neffective_date: 2024-01-01\n---\n# Acme privacy\n\nWe collect your email address.\n');
    const ok = await runCli(['compile'], dir);
    expect(ok.code).toBe(0);
    expect(existsSync(join(dir, 'dist', 'acme', '1.2.0', 'index.html'))).toBe(true);
    const before = readFileSync(join(dir, 'dist', 'index.html'), 'utf8');
    writeFileSync(join(dir, 'policies', 'acme', 'policy.md'), '---\ntitle: [unclosed\n---\n# Acme\n');
    const bad = await runCli(['compile'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/policies\/acme\/policy\.md\n[\s\S]*2:\d+\s+error\s+Front matter is not valid YAML/);
    expect(readFileSync(join(dir, 'dist', 'index.html'), 'utf8')).toBe(before);
  });
});
