// policyc release: freezes the draft, refuses a smaller bump than the diff requires unless forced
// with a recorded reason, and never overwrites a published release.
import { describe, test, expect } from '@jest/globals';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './check-helpers.js';

const BASE = readFileSync('test/fixtures/diff/base.md', 'utf8');

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'policyc-release-'));
  mkdirSync(join(dir, 'policies', 'acme'), { recursive: true });
  writeFileSync(join(dir, 'policies', 'acme', 'policy.md'), BASE);
  return dir;
}
const draft = (dir: string, text: string) => writeFileSync(join(dir, 'policies', 'acme', 'policy.md'), text);
const manifest = (dir: string, v: string) => JSON.parse(readFileSync(join(dir, 'policies', 'acme', 'releases', v, 'release.json'), 'utf8'));

describe('policyc release', () => {
  test('the first release takes the front-matter version and records hashes', async () => {
    const dir = repo();
    const r = await runCli(['release', 'acme'], dir);
    expect([r.code, r.stderr]).toEqual([0, expect.stringMatching(/Released acme 1\.0\.0/)]);
    const m = manifest(dir, '1.0.0');
    expect(m).toMatchObject({ version: '1.0.0', effective_date: '2024-01-01', previous: null, required_bump: null });
    expect(m.source_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(join(dir, 'policies', 'acme', 'releases', '1.0.0', 'policy.md'), 'utf8')).toBe(BASE);
    expect(readFileSync(join(dir, 'policies', 'acme', 'releases', '1.0.0', 'policy.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=/);
  });

  test("a draft's model hash in versions.json is the hash its release records", async () => {
    const dir = repo();
    expect((await runCli(['compile'], dir)).code).toBe(0);
    const draftHash = JSON.parse(readFileSync(join(dir, 'dist', 'acme', 'versions.json'), 'utf8')).versions[0].model_sha256;
    expect((await runCli(['release', 'acme'], dir)).code).toBe(0);
    expect(manifest(dir, '1.0.0').model_sha256).toBe(draftHash);
  });

  test('a new recipient needs a major bump: patch is refused, forced with a reason is recorded', async () => {
    const dir = repo();
    expect((await runCli(['release', 'acme'], dir)).code).toBe(0);
    draft(dir, readFileSync('test/fixtures/diff/new-recipient.md', 'utf8'));
    const refused = await runCli(['release', 'acme', '--bump', 'patch'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/require a major bump: release 2\.0\.0 or later/);
    expect(existsSync(join(dir, 'policies', 'acme', 'releases', '1.0.1'))).toBe(false);
    expect((await runCli(['release', 'acme', '--bump', 'patch', '--force'], dir)).code).toBe(2);
    const forced = await runCli(['release', 'acme', '--bump', 'patch', '--force', '--reason', 'legal approved: partner was already named'], dir);
    expect(forced.code).toBe(0);
    expect(manifest(dir, '1.0.1')).toMatchObject({ previous: '1.0.0', required_bump: 'major', override: { forced: true, reason: 'legal approved: partner was already named' } });
  });

  test('a wording-only draft can be a patch; the right bump needs no force', async () => {
    const dir = repo();
    await runCli(['release', 'acme'], dir);
    draft(dir, readFileSync('test/fixtures/diff/wording.md', 'utf8'));
    const r = await runCli(['release', 'acme', '--bump', 'patch'], dir);
    expect(r.code).toBe(0);
    expect(manifest(dir, '1.0.1')).toMatchObject({ required_bump: 'patch' });
    expect(manifest(dir, '1.0.1').override).toBeUndefined();
  });

  test('refuses an unchanged draft, an old version, an existing release and a bad id', async () => {
    const dir = repo();
    await runCli(['release', 'acme'], dir);
    expect((await runCli(['release', 'acme', '--bump', 'major'], dir)).stderr).toMatch(/Nothing to release/);
    draft(dir, readFileSync('test/fixtures/diff/wording.md', 'utf8'));
    expect((await runCli(['release', 'acme', '1.0.0'], dir)).code).toBe(1);
    expect((await runCli(['release', 'acme', '0.9.0'], dir)).stderr).toMatch(/not newer/);
    expect((await runCli(['release', '../etc'], dir)).code).toBe(2);
    expect((await runCli(['release', 'acme', 'one'], dir)).code).toBe(2);
    expect(manifest(dir, '1.0.0').version).toBe('1.0.0');
  });

  test('reviewer overrides are recorded in the release', async () => {
    const dir = repo();
    await runCli(['release', 'acme'], dir);
    draft(dir, readFileSync('test/fixtures/diff/new-recipient.md', 'utf8'));
    const r = await runCli(['release', 'acme', '--bump', 'minor', '--override', 'recipients/advertising_partner=minor:named in the 2023 notice', '--override', 'purposes/advertising=minor:same partner'], dir);
    expect(r.code).toBe(0);
    expect(manifest(dir, '1.1.0')).toMatchObject({ required_bump: 'minor', classifications: [{ key: 'recipients/advertising_partner', class: 'minor', reason: 'named in the 2023 notice' }, { key: 'purposes/advertising', class: 'minor', reason: 'same partner' }] });
  });
});
