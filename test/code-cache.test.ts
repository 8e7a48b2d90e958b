// The bundle's commands run through V8's code cache (src/node/cached-script.ts). What must hold: a
// cache is used only for the exact bundle it was made from (V8 itself checks only the source's
// length), a bad or foreign cache costs time and nothing else, and the cache the build makes is
// one V8 accepts (a flag switched on during the build's compile once made V8 refuse every cache,
// silently). Each case runs in a fresh node, as the CLI does. Needs `npm run build`; skipped without lib/.
import { describe, test, expect } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cacheFileOf } from '../src/node/cached-script.js';

const lib = resolve('lib/node/cached-script.js');
const built = existsSync(lib) && existsSync('lib/bundle/commands.cjs');
const skip = () => console.warn('skipped: lib/ or lib/bundle/ is absent (run npm run build)');

/** Load `file` in a fresh node through requireCached; the module's answer and the cache's fate. */
function load(file: string, mode: string, flags: string[] = []): { value: unknown; cache: string } {
  const harness = `
    import { requireCached } from ${JSON.stringify(pathToFileURL(lib).href)};
    import { readFileSync } from 'node:fs';
    import { createHash } from 'node:crypto';
    const hash = createHash('sha256').update(readFileSync(${JSON.stringify(file)})).digest('hex');
    const r = requireCached(${JSON.stringify(file)}, hash, ${JSON.stringify(mode)});
    process.stdout.write(JSON.stringify({ value: r.exports.answer(21), cache: r.cache }));`;
  const run = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', harness], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as { value: unknown; cache: string };
}

/** A module big enough that V8 has something to cache; `k` changes its behaviour, not its length. */
const moduleText = (k: number) => `exports.answer = (x) => x * ${k};\n` + Array.from({ length: 200 }, (_, i) => `exports.f${i} = function (a) { return a + ${i}; };`).join('\n');

describe('V8 code cache of a CommonJS bundle', () => {
  test('made once, then taken; never for another content of the same length; a corrupt cache is refused', () => {
    if (!built) return skip();
    const dir = mkdtempSync(join(tmpdir(), 'policyc-cache-'));
    try {
      const file = join(dir, 'mod.cjs');
      writeFileSync(file, moduleText(2));
      expect(load(file, 'read')).toEqual({ value: 42, cache: 'absent' });
      expect(load(file, 'write')).toEqual({ value: 42, cache: 'unread' });
      const caches = readdirSync(dir).filter((f) => f.endsWith('.v8cache'));
      expect(caches).toHaveLength(1);
      expect(load(file, 'read')).toEqual({ value: 42, cache: 'accepted' });
      expect(load(file, 'off')).toEqual({ value: 42, cache: 'unread' });

      // the same length, other code: V8 alone would take the old cache; the hash in the name keeps it out
      writeFileSync(file, moduleText(3));
      expect(readFileSync(file).length).toBe(moduleText(2).length);
      expect(load(file, 'read')).toEqual({ value: 63, cache: 'absent' });

      // a damaged cache for the right content: V8 refuses it and compiles as usual
      load(file, 'write');
      const hash = createHash('sha256').update(readFileSync(file)).digest('hex');
      const cacheFile = cacheFileOf(file, hash);
      const bytes = readFileSync(cacheFile);
      for (let i = 64; i < bytes.length; i += 97) bytes[i] = bytes[i]! ^ 0xff;
      writeFileSync(cacheFile, bytes);
      expect(load(file, 'read')).toEqual({ value: 63, cache: 'rejected' });

      // a cache made under other V8 settings (as by another Node version): V8 refuses it
      load(file, 'write', ['--no-lazy-feedback-allocation']);
      expect(load(file, 'read')).toEqual({ value: 63, cache: 'rejected' });
      expect(load(file, 'read', ['--no-lazy-feedback-allocation'])).toEqual({ value: 63, cache: 'accepted' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the build made a cache for the CLI that V8 takes, and the output is the same with it and without', () => {
    if (!built) return skip();
    expect(readdirSync('lib/bundle').filter((f) => /^commands\.cjs\.[0-9a-f]{16}\.v8cache$/.test(f))).toHaveLength(1);
    const run = (mode: string) =>
      spawnSync(process.execPath, [resolve('bin/policyc.js'), 'extract', 'policies/kaspersky-uk/policy.md', '--format', 'json'], {
        encoding: 'utf8',
        env: { ...process.env, POLICYC_CODE_CACHE: mode, NODE_OPTIONS: '' },
      });
    const withCache = run('report');
    expect(withCache.stderr).toContain('policyc: code cache accepted');
    const without = run('off');
    expect(without.status).toBe(0);
    expect(withCache.stdout).toBe(without.stdout);
    expect(withCache.stdout.length).toBeGreaterThan(1000);
  });
});
