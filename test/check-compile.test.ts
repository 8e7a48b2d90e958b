// compile reports check findings as warnings, fails on them only with --strict, and fails when an
// edit deletes a reviewed disclosure (issue 6).
import { describe, test, expect } from '@jest/globals';
import { readFileSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './check-helpers.js';
const prose = readFileSync('test/fixtures/check/review/policy.md', 'utf8');
const reviewed = readFileSync('test/fixtures/check/review/policy.yaml', 'utf8');
describe('compile runs the checks and the review loop', () => {
  test('gdpr findings are warnings in compile, errors with --strict; a deleted reviewed disclosure fails compile', async () => {
    const root = mkdtempSync(join(tmpdir(), 'policyc-cw-'));
    mkdirSync(join(root, 'policies', 'acme'), { recursive: true });
    writeFileSync(join(root, 'policies', 'acme', 'policy.md'), prose.replace('last_updated: 2024-05-01\n', 'last_updated: 2024-05-01\njurisdictions: [gdpr]\n'));
    writeFileSync(join(root, 'policies', 'acme', 'policy.yaml'), reviewed);
    const ok = await runCli(['compile'], root);
    expect(ok.stderr).toMatch(/warning\s+The policy does not say how long personal data is kept/);
    expect(ok.code).toBe(0);
    expect((await runCli(['compile', '--strict'], root)).code).toBe(1);
    writeFileSync(join(root, 'policies', 'acme', 'policy.md'), prose.replace('We use service providers to send the newsletter.\n', ''));
    const bad = await runCli(['compile'], root);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/review\/evidence-missing/);
  });
});
