// Raw HTML in a policy makes the renderer require rehype-raw on first use (src/render/rehype-raw-
// lazy.ts): a require of an ES module from lib/, and of the bundle's own CommonJS build from
// lib/bundle/. jest cannot take that path (test/setup-render.ts preloads the plugin), so the built
// CLI runs it here, both ways. Needs `npm run build` (CI's npm ci runs it); skipped without lib/.
import { describe, test, expect } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const bin = resolve('bin/policyc.js');
const built = existsSync('lib/cli.js') && existsSync('lib/bundle/cli.cjs') && existsSync('lib/bundle/rehype-raw.cjs');

describe('raw HTML through the built CLI', () => {
  test('lib/ and the bundle both render the sanitised raw HTML, byte for byte alike', () => {
    if (!built) {
      console.warn('skipped: lib/ or lib/bundle/ is absent (run npm run build)');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'policyc-raw-'));
    try {
      mkdirSync(join(dir, 'policies/acme'), { recursive: true });
      writeFileSync(
        join(dir, 'policies/acme/policy.md'),
        '---\nversion: 1.0.0\n---\n# Acme privacy policy\n\n<div class="x" onclick="steal()">We collect your <b>email address</b>.</div>\n\n<script>alert(1)</script>\n\nWe share data with advertisers.\n',
      );
      const page = (env: Record<string, string>, out: string) => {
        const r = spawnSync(process.execPath, [bin, 'compile', '--out', out], { cwd: dir, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '0', ...env } });
        expect(r.status).toBe(0);
        return readFileSync(join(dir, out, 'acme/1.0.0/index.html'), 'utf8');
      };
      const fromBundle = page({}, 'out-bundle');
      const fromLib = page({ POLICYC_NO_BUNDLE: '1' }, 'out-lib');
      expect(fromBundle).toBe(fromLib);
      expect(fromBundle).toMatch(/<div>We collect your <b>email address<\/b>\.<\/div>/);
      expect(fromBundle).not.toMatch(/alert\(1\)|onclick|steal\(\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
