// Scale machinery, correctness only (no timings): --shard partitions, the progress bar's
// visibility rules, and worker threads giving byte-identical output.
import { describe, test, expect } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseShard, selectShard, shardOf } from '../src/node/shard.js';
import { createProgress, progressWanted } from '../src/node/progress.js';
import { workerCount, MIN_POLICIES_FOR_WORKERS } from '../src/node/workers.js';
import { run } from '../src/cli.js';

async function runCli(args: string[], cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd, env: { SOURCE_DATE_EPOCH: '0' }, isTTY: false });
  return { code, stdout, stderr };
}

describe('--shard k/n', () => {
  const ids = Array.from({ length: 1000 }, (_, i) => ({ id: `policy-${i}` }));

  test.each([1, 2, 3, 4, 7, 16])('%i shards are disjoint and complete, in the original order', (n) => {
    const parts = Array.from({ length: n }, (_, k) => selectShard(ids, { index: k + 1, count: n }));
    const seen = parts.flat().map((p) => p.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(ids.map((p) => p.id).sort());
    for (const part of parts) expect(part).toEqual(ids.filter((p) => part.includes(p)));
    // Roughly balanced: no shard holds more than twice its share.
    for (const part of parts) expect(part.length).toBeLessThan((2 * ids.length) / n + 10);
  });

  test('a policy keeps its shard when others are added', () => {
    const before = Object.fromEntries(ids.slice(0, 500).map((p) => [p.id, shardOf(p.id, 4)]));
    const after = Object.fromEntries(ids.map((p) => [p.id, shardOf(p.id, 4)]));
    for (const [id, shard] of Object.entries(before)) expect(after[id]).toBe(shard);
  });

  test('no shard, or 1/1, keeps every policy', () => {
    expect(selectShard(ids, undefined)).toBe(ids);
    expect(selectShard(ids, parseShard('1/1'))).toEqual(ids);
  });

  test.each(['0/2', '3/2', '1/0', 'a/b', '1', '1/2/3', '-1/2'])('"%s" is a usage error', (text) => {
    expect(() => parseShard(text)).toThrow(/--shard must be k\/n/);
  });

  test('policyc compile --shard with a bad value exits 2', async () => {
    const r = await runCli(['compile', '--shard', '5/2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--shard must be k\/n/);
  });

  test('policyc compile --shard compiles only its part', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policyc-shard-'));
    const names = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'];
    for (const id of names) {
      mkdirSync(join(dir, 'policies', id), { recursive: true });
      writeFileSync(join(dir, 'policies', id, 'policy.md'), `---\ntitle: ${id}\nversion: 1.0.0\n---\n# ${id} privacy policy\n\nWe collect your email address to send you newsletters.\n`);
    }
    const compiled: string[] = [];
    for (const k of [1, 2, 3]) {
      const r = await runCli(['compile', '--shard', `${k}/3`, '--out', `out-${k}`], dir);
      expect(r.code).toBe(0);
      const index = readFileSync(join(dir, `out-${k}`, 'index.html'), 'utf8');
      compiled.push(...names.filter((id) => existsSync(join(dir, `out-${k}`, id))));
      for (const id of names) expect(existsSync(join(dir, `out-${k}`, id))).toBe(shardOf(id, 3) === k);
      expect(index.length).toBeGreaterThan(0);
    }
    expect(compiled.sort()).toEqual(names);
  });
});

describe('progress bar', () => {
  const io = (isTTY: boolean, env: Record<string, string | undefined> = {}) => {
    const err: string[] = [];
    return { err, io: { isTTY, env, stderr: (t: string) => void err.push(t) } };
  };

  test('only on a TTY, never when CI is set', () => {
    expect(progressWanted({ isTTY: true, env: {} })).toBe(true);
    expect(progressWanted({ isTTY: false, env: {} })).toBe(false);
    expect(progressWanted({ isTTY: true, env: { CI: 'true' } })).toBe(false);
    expect(progressWanted({ isTTY: true, env: { CI: 'false' } })).toBe(true);
    expect(progressWanted({ isTTY: true, env: { POLICYC_NO_PROGRESS: '1' } })).toBe(false);
  });

  test('draws after the delay, throttles, and erases itself', () => {
    let t = 0;
    const { err, io: i } = io(true);
    const p = createProgress(i, 'compiling', { delayMs: 400, intervalMs: 100, width: 10, now: () => t });
    p.update(1, 10, 'a');
    expect(err).toEqual([]); // a short run shows nothing
    t = 500;
    p.update(2, 10, 'b');
    t = 550;
    p.update(3, 10, 'c'); // throttled
    t = 700;
    p.update(5, 10, 'e');
    expect(err).toHaveLength(2);
    expect(err[1]).toContain('[#####.....] 5/10 e');
    p.end();
    expect(err[2]).toBe('\r\x1b[2K');
  });

  test('writes nothing when not a TTY or in CI', () => {
    for (const [tty, env] of [[false, {}], [true, { CI: '1' }]] as const) {
      let t = 0;
      const { err, io: i } = io(tty, env);
      const p = createProgress(i, 'compiling', { now: () => (t += 1000) });
      p.update(1, 2, 'x');
      p.end();
      expect(err).toEqual([]);
    }
  });
});

describe('worker threads', () => {
  test('are used only with enough policies and more than one thread', () => {
    expect(workerCount(1, { POLICYC_JOBS: '4' })).toBe(1);
    expect(workerCount(MIN_POLICIES_FOR_WORKERS - 1, { POLICYC_JOBS: '' })).toBe(0);
    expect(workerCount(1000, { POLICYC_JOBS: '1' })).toBe(0);
    expect(workerCount(1000, { POLICYC_JOBS: '2' })).toBe(2);
    expect(workerCount(3, { POLICYC_JOBS: '8' })).toBe(3);
  });

  // Workers run the built code (lib/node/compile-worker.js); from src/ they are not available.
  const libCompile = resolve('lib/node/compile.js');
  const maybe = existsSync(resolve('lib/node/compile-worker.js')) ? test : test.skip;
  if (!existsSync(resolve('lib/node/compile-worker.js'))) console.warn('skipped: worker test needs lib/ (npm run build)');
  maybe('give byte-identical output to a single-threaded compile (built lib/)', async () => {
    const { compile } = (await import(pathToFileURL(libCompile).href)) as typeof import('../src/node/compile.js');
    const dir = mkdtempSync(join(tmpdir(), 'policyc-workers-'));
    const seed = readFileSync('policies/kaspersky-uk/policy.md', 'utf8');
    for (let i = 0; i < 6; i++) {
      mkdirSync(join(dir, 'policies', `p-${i}`), { recursive: true });
      writeFileSync(join(dir, 'policies', `p-${i}`, 'policy.md'), `${seed}\n\nCopy ${i}: we may share your email address with advertising partners.\n`);
    }
    const base = { cwd: dir, inputs: [], config: {} };
    const progress: number[] = [];
    const one = await compile({ ...base, outDir: join(dir, 'one'), env: { SOURCE_DATE_EPOCH: '0', POLICYC_JOBS: '1' } });
    const two = await compile({ ...base, outDir: join(dir, 'two'), env: { SOURCE_DATE_EPOCH: '0', POLICYC_JOBS: '2' }, onProgress: (d) => void progress.push(d) });
    expect(one.written).toBe(true);
    expect(two.written).toBe(true);
    expect(two.files).toEqual(one.files);
    expect(one.files.length).toBeGreaterThan(6 * 10);
    // every file written by the workers, byte for byte as the single thread wrote it
    for (const f of one.files) expect({ f, bytes: readFileSync(join(dir, 'two', f)) }).toEqual({ f, bytes: readFileSync(join(dir, 'one', f)) });
    expect(two.reports).toEqual(one.reports);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
