// `policyc diff` and `policyc release` through the in-process CLI: inputs, formats, the CI gate's
// exit codes, releases that refuse too small a bump, forced overrides recorded.
import { describe, test, expect } from '@jest/globals';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run } from '../src/cli.js';

async function runCli(args: string[], cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd, env: {}, isTTY: false });
  return { code, stdout, stderr };
}

const fx = (name: string) => resolve('test/fixtures/diff', name);

/** A policy repository with policies/acme/policy.md = the base fixture (its reviewed model beside). */
function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'policyc-release-'));
  mkdirSync(join(dir, 'policies', 'acme'), { recursive: true });
  draft(dir, 'base');
  return dir;
}
function draft(dir: string, fixture: string): void {
  cpSync(join(fx(fixture), 'policy.md'), join(dir, 'policies', 'acme', 'policy.md'));
  cpSync(join(fx(fixture), 'policy.yaml'), join(dir, 'policies', 'acme', 'policy.yaml'));
}
const manifest = (dir: string, v: string) => JSON.parse(readFileSync(join(dir, 'policies', 'acme', 'releases', v, 'release.json'), 'utf8'));

describe('policyc diff', () => {
  test('--help has examples', async () => {
    for (const cmd of ['diff', 'release']) {
      const r = await runCli([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Examples?:\n\s+\$ policyc /);
    }
  });

  test('two model files (sources beside them): summary first, exit 0 without a gate', async () => {
    const r = await runCli(['diff', join(fx('base'), 'policy.yaml'), join(fx('new-recipient'), 'policy.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toMatch(/material.*requires a major version/);
  });

  test('the CI gate: exit 1 on material, 0 when the change is below the gate', async () => {
    const material = await runCli(['diff', join(fx('base'), 'policy.yaml'), join(fx('new-recipient'), 'policy.yaml'), '--fail-on', 'material']);
    expect(material.code).toBe(1);
    expect(material.stderr).toMatch(/fails --fail-on material/);
    const wording = [join(fx('base'), 'policy.yaml'), join(fx('wording'), 'policy.yaml')];
    expect((await runCli(['diff', ...wording, '--fail-on', 'material'])).code).toBe(0);
    expect((await runCli(['diff', ...wording, '--fail-on', 'minor'])).code).toBe(0);
    expect((await runCli(['diff', ...wording, '--fail-on', 'any'])).code).toBe(1);
    // needs review is gated as material: an extraction miss must not let a new recipient through
    expect((await runCli(['diff', join(fx('base'), 'policy.yaml'), join(fx('missed-practice'), 'policy.yaml'), '--fail-on', 'material'])).code).toBe(1);
  });

  test('formats: json, md, html side by side', async () => {
    const args = ['diff', join(fx('base'), 'policy.yaml'), join(fx('longer-retention'), 'policy.yaml')];
    const json = JSON.parse((await runCli([...args, '--format', 'json'])).stdout);
    expect(json.required_bump).toBe('major');
    expect(json.changes.map((c: { key: string }) => c.key)).toContain('retention/stated_period:period');
    expect((await runCli([...args, '--format', 'md'])).stdout).toMatch(/^### Policy diff/);
    expect((await runCli([...args, '--format', 'html', '--layout', 'side-by-side'])).stdout).toMatch(/class="side-by-side"/);
  });

  test('a model without its source: models only, and it says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policyc-diff-'));
    cpSync(join(fx('base'), 'policy.yaml'), join(dir, 'a.yaml'));
    cpSync(join(fx('new-recipient'), 'policy.yaml'), join(dir, 'b.yaml'));
    const r = await runCli(['diff', 'a.yaml', 'b.yaml'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/only the models were compared/);
  });

  test('usage errors exit 2: one argument, bad gate, bad override', async () => {
    expect((await runCli(['diff', join(fx('base'), 'policy.md')])).code).toBe(2);
    expect((await runCli(['diff', 'a', 'b', '--fail-on', 'huge'])).code).toBe(2);
    expect((await runCli(['diff', join(fx('base'), 'policy.yaml'), join(fx('wording'), 'policy.yaml'), '--override', 'nonsense'])).code).toBe(2);
    expect((await runCli(['diff', 'no/such.md', 'other.md'])).code).toBe(2);
  });

  test('releases and the draft by reference: acme@1.0.0 acme@draft', async () => {
    const dir = repo();
    expect((await runCli(['release', 'acme', '1.0.0'], dir)).code).toBe(0);
    draft(dir, 'new-security');
    const r = await runCli(['diff', 'acme@1.0.0', 'acme', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ from: '1.0.0', to: 'acme@draft', required_bump: 'minor' });
    expect((await runCli(['diff', 'acme@1.0.0', 'acme@9.9.9'], dir)).stderr).toMatch(/no release 9\.9\.9 \(releases: 1\.0\.0\)/);
  });

  const hasGit = (() => {
    try {
      execFileSync('git', ['--version']);
      return true;
    } catch {
      return false;
    }
  })();
  (hasGit ? test : test.skip)('--base REV reads the old version with git show', async () => {
    const dir = repo();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '.');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'base');
    draft(dir, 'new-recipient');
    const r = await runCli(['diff', 'policies/acme/policy.md', '--base', 'HEAD', '--fail-on', 'material'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/New recipient type: Advertising/);
    expect((await runCli(['diff', 'policies/acme/policy.md', '--base', 'no-such-rev'], dir)).code).toBe(2);
  });
});

describe('policyc release', () => {
  test('the first release freezes the draft with hashes and no wall-clock time', async () => {
    const dir = repo();
    const r = await runCli(['release', 'acme'], dir);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const m = manifest(dir, '1.0.0');
    expect(m).toMatchObject({ version: '1.0.0', effective_date: '2025-01-01', previous: null, required_bump: null });
    expect(m.source_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(join(dir, 'policies/acme/releases/1.0.0/policy.yaml'), 'utf8')).toBe(readFileSync(join(fx('base'), 'policy.yaml'), 'utf8'));
  });

  test('refuses a smaller bump than the changes require, with the summary and the bump needed', async () => {
    const dir = repo();
    await runCli(['release', 'acme', '1.0.0'], dir);
    draft(dir, 'new-recipient');
    const r = await runCli(['release', 'acme', '--bump', 'minor'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/require a major version/);
    expect(r.stderr).toMatch(/Release 2\.0\.0/);
    expect(existsSync(join(dir, 'policies/acme/releases/1.1.0'))).toBe(false);
    const ok = await runCli(['release', 'acme', '--bump', 'major'], dir);
    expect(ok.code).toBe(0);
    expect(manifest(dir, '2.0.0')).toMatchObject({ previous: '1.0.0', required_bump: 'major' });
  });

  test('--force records the override and its reason; --force without --reason is a usage error', async () => {
    const dir = repo();
    await runCli(['release', 'acme', '1.0.0'], dir);
    draft(dir, 'longer-retention');
    expect((await runCli(['release', 'acme', '1.0.1', '--force'], dir)).code).toBe(2);
    const r = await runCli(['release', 'acme', '1.0.1', '--force', '--reason', 'legal approved'], dir);
    expect(r.code).toBe(0);
    expect(manifest(dir, '1.0.1')).toMatchObject({ required_bump: 'major', override: { forced: true, reason: 'legal approved' } });
  });

  test("a reviewer's class override lowers the bump required and is recorded", async () => {
    const dir = repo();
    await runCli(['release', 'acme', '1.0.0'], dir);
    draft(dir, 'new-recipient');
    const r = await runCli(['release', 'acme', '1.1.0', '--override', 'recipients/advertising_partner=minor:users consented at sign-up', '--override', 'text/who we share it with=minor:same'], dir);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const m = manifest(dir, '1.1.0');
    expect(m.required_bump).toBe('minor');
    expect(m.classifications).toEqual(expect.arrayContaining([{ key: 'recipients/advertising_partner', class: 'minor', reason: 'users consented at sign-up' }]));
  });

  test('never overwrites a release; refuses a version not after the latest; an unchanged draft is not released', async () => {
    const dir = repo();
    await runCli(['release', 'acme', '1.0.0'], dir);
    expect((await runCli(['release', 'acme', '1.0.0'], dir)).code).toBe(1);
    draft(dir, 'wording');
    expect((await runCli(['release', 'acme', '0.9.0'], dir)).code).toBe(1);
    expect((await runCli(['release', 'acme', '1.0.0'], dir)).code).toBe(1);
    expect((await runCli(['release', 'acme', '--bump', 'patch'], dir)).code).toBe(0);
    expect(manifest(dir, '1.0.1').required_bump).toBe('patch');
  });

  test('bad ids and missing drafts could not run: exit 2', async () => {
    const dir = repo();
    expect((await runCli(['release', '../etc'], dir)).code).toBe(2);
    expect((await runCli(['release', 'nobody'], dir)).code).toBe(2);
  });

  test('release output is deterministic', async () => {
    const a = repo();
    const b = repo();
    await runCli(['release', 'acme', '1.0.0'], a);
    await runCli(['release', 'acme', '1.0.0'], b);
    expect(readFileSync(join(a, 'policies/acme/releases/1.0.0/release.json'), 'utf8')).toBe(readFileSync(join(b, 'policies/acme/releases/1.0.0/release.json'), 'utf8'));
    writeFileSync(join(a, 'x'), '');
  });
});
