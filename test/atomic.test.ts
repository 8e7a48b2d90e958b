// Nothing lost (issue 7 §4): writes are atomic, a failed or killed compile leaves dist/ and the
// releases as they were, a published release is never overwritten, and two compiles into one
// dist/ at the same time leave exactly what one compile writes.
import { describe, test, expect, beforeAll } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compile } from '../src/node/compile.js';
import { writeTreeAtomic, recoverInterrupted, OUTPUT_MARKER } from '../src/node/write.js';
import { writeRelease, listReleases, sha256 } from '../src/node/releases.js';
import { InputError } from '../src/errors.js';
import { runCli, project, tempDir, readTree, treeText, POLICY } from './robust-helpers.js';

const temps = (dir: string) => readdirSync(dir).filter((n) => n.includes('.tmp-'));

/** A project with `n` policies (a little text each), so that rendering and writing take a while. */
function manyPolicies(n: number, version = '1.0.0'): Record<string, string> {
  const files: Record<string, string> = {};
  const body = Array.from({ length: 40 }, (_, i) => `## Section ${i}\n\nWe collect your email address and share it with our hosting providers for purpose ${i}.\n`).join('\n');
  for (let i = 0; i < n; i++) files[`policies/p${i}/policy.md`] = POLICY(`Policy ${i}`, version, body);
  return files;
}

/** A dead process id: one that ran and exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('a failed compile changes nothing', () => {
  test('a policy with errors: dist/ byte for byte as it was, no temporary folder left', async () => {
    const dir = project({ 'policies/acme/policy.md': POLICY() });
    expect((await runCli(['compile'], dir)).code).toBe(0);
    const before = treeText(readTree(join(dir, 'dist')));
    writeFileSync(join(dir, 'policies/acme/policy.md'), POLICY('Acme', 'not-a-version'));
    expect((await runCli(['compile'], dir)).code).toBe(1);
    expect(treeText(readTree(join(dir, 'dist')))).toEqual(before);
    expect(temps(dir)).toEqual([]);
  });

  test('a write that fails half way (a file path that escapes): dist/ as it was, temp removed', async () => {
    const dir = tempDir();
    const out = join(dir, 'dist');
    await writeTreeAtomic(out, new Map([['index.html', 'v1'], ['a/b.txt', 'v1']]));
    const before = treeText(readTree(out));
    const bad = new Map<string, string>([['index.html', 'v2'], ['a/b.txt', 'v2'], ['z/../../escape.txt', 'x']]);
    await expect(writeTreeAtomic(out, bad)).rejects.toBeInstanceOf(InputError);
    expect(treeText(readTree(out))).toEqual(before);
    expect(existsSync(join(dir, 'escape.txt'))).toBe(false);
    expect(temps(dir)).toEqual([]);
  });

  test('output paths that would escape the output folder are refused', async () => {
    const dir = tempDir();
    for (const path of ['../x', '/etc/passwd', 'a/../../b', 'a\\..\\b', '', 'a//b', './a', 'a/.']) {
      await expect(writeTreeAtomic(join(dir, 'dist'), new Map([[path, 'x']]))).rejects.toThrow(/Refusing to write outside the output folder/);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  test('the output folder carries the marker that lets the next compile replace it', async () => {
    const dir = tempDir();
    await writeTreeAtomic(join(dir, 'dist'), new Map([['index.html', 'x']]));
    expect(readdirSync(join(dir, 'dist')).sort()).toEqual([OUTPUT_MARKER, 'index.html'].sort());
  });
});

describe('releases are never overwritten', () => {
  const manifest = (source: string) => ({ version: '1.0.0', effective_date: '2024-01-01', source_sha256: sha256(source), model_sha256: sha256('m'), previous: null, required_bump: null });

  test('writing an existing version is refused and the release is unchanged', async () => {
    const dir = tempDir();
    const source = POLICY();
    await writeRelease(dir, { source, modelYaml: 'm\n', manifest: manifest(source) });
    const before = treeText(readTree(join(dir, 'releases')));
    const other = POLICY('Changed');
    await expect(writeRelease(dir, { source: other, modelYaml: 'changed\n', manifest: manifest(other) })).rejects.toThrow(/already exists/);
    expect(treeText(readTree(join(dir, 'releases')))).toEqual(before);
    expect((await listReleases(dir)).map((r) => r.version)).toEqual(['1.0.0']);
  });

  test('a compile that fails leaves the releases as they were', async () => {
    const dir = project({ 'policies/acme/policy.md': POLICY() });
    await writeRelease(join(dir, 'policies/acme'), { source: POLICY(), modelYaml: 'm\n', manifest: manifest(POLICY()) });
    const before = treeText(readTree(join(dir, 'policies')));
    writeFileSync(join(dir, 'policies/acme/policy.md'), '---\ntitle: [broken\n---\n# Acme\n');
    const r = await runCli(['compile'], dir);
    expect(r.code).toBe(1);
    const after = treeText(readTree(join(dir, 'policies')));
    delete after['acme/policy.md'];
    delete before['acme/policy.md'];
    expect(after).toEqual(before);
  });
});

describe('two compiles into one dist/ at the same time', () => {
  test('in-process (Promise.all): dist/ equals what one compile writes, byte for byte', async () => {
    const dir = project(manyPolicies(5));
    const single = join(dir, 'single');
    await compile({ cwd: dir, inputs: [], outDir: single });
    const expected = treeText(readTree(single));
    expect(Object.keys(expected).length).toBeGreaterThan(5 * 4);
    for (let round = 0; round < 2; round++) {
      const out = join(dir, 'dist');
      const results = await Promise.all([compile({ cwd: dir, inputs: [], outDir: out }), compile({ cwd: dir, inputs: [], outDir: out }), compile({ cwd: dir, inputs: [], outDir: out })]);
      expect(results.map((r) => r.written)).toEqual([true, true, true]);
      expect(treeText(readTree(out))).toEqual(expected);
      expect(temps(dir)).toEqual([]);
    }
  });

  test('writers racing on the swap alone still leave one complete tree', async () => {
    const dir = tempDir();
    const out = join(dir, 'dist');
    const tree = new Map(Array.from({ length: 50 }, (_, i) => [`d${i % 5}/f${i}.txt`, `content ${i}\n`] as [string, string]));
    await Promise.all(Array.from({ length: 6 }, () => writeTreeAtomic(out, tree)));
    expect(treeText(readTree(out))).toEqual({ ...Object.fromEntries(tree), [OUTPUT_MARKER]: expect.any(String) });
    expect(temps(dir)).toEqual([]);
  });
});

describe('interrupted compiles are cleaned up', () => {
  test('temporary folders of dead compiles are removed; those of running ones are kept', async () => {
    const dir = tempDir();
    const dead = deadPid();
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', OUTPUT_MARKER), '');
    mkdirSync(join(dir, `.dist.tmp-${dead}-abc123`));
    mkdirSync(join(dir, `.dist.tmp-${process.pid}-def456`));
    mkdirSync(join(dir, '.other.tmp-1-x'));
    await recoverInterrupted(dir, 'dist');
    expect(readdirSync(dir).sort()).toEqual(['.dist.tmp-' + process.pid + '-def456', '.other.tmp-1-x', 'dist'].sort());
  });

  test('a compile killed between its two renames: the previous output is put back', async () => {
    const dir = tempDir();
    const dead = deadPid();
    const aside = join(dir, `.dist.tmp-${dead}-abc123.old`);
    mkdirSync(aside);
    writeFileSync(join(aside, 'index.html'), 'previous');
    await recoverInterrupted(dir, 'dist');
    expect(readFileSync(join(dir, 'dist', 'index.html'), 'utf8')).toBe('previous');
    expect(temps(dir)).toEqual([]);
  });
});

// The same, through the built CLI in child processes: a private build of src/ (so that this test
// never races another writing lib/), with bin/, schemas/ and node_modules linked beside it.
describe('child processes of bin/policyc.js', () => {
  let bin: string;
  beforeAll(() => {
    const root = tempDir('policyc-build-');
    const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', join(root, 'lib'), '--declaration', 'false'], { encoding: 'utf8' });
    if (tsc.status !== 0) throw new Error(`build failed: ${tsc.stdout}${tsc.stderr}`);
    mkdirSync(join(root, 'bin'));
    copyFileSync('bin/policyc.js', join(root, 'bin/policyc.js'));
    copyFileSync('bin/package.json', join(root, 'bin/package.json')); // the bin is CommonJS
    copyFileSync('package.json', join(root, 'package.json'));
    for (const link of ['schemas', 'node_modules', 'src']) symlinkSync(resolve(link), join(root, link));
    bin = join(root, 'bin/policyc.js');
  }, 120_000);

  const runBin = (cwd: string, args: string[]) =>
    new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((done) => {
      const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code, signal) => done({ code, signal, stderr }));
    });

  test('two concurrent compiles: dist/ equals what one compile writes, byte for byte', async () => {
    const dir = project(manyPolicies(6));
    const one = await runBin(dir, ['compile', '--out', 'single']);
    expect(one).toEqual({ code: 0, signal: null, stderr: expect.stringMatching(/Compiled 6 policies/) });
    const expected = treeText(readTree(join(dir, 'single')));
    const both = await Promise.all([runBin(dir, ['compile']), runBin(dir, ['compile'])]);
    expect(both.map((r) => r.code)).toEqual([0, 0]);
    expect(treeText(readTree(join(dir, 'dist')))).toEqual(expected);
    expect(temps(dir)).toEqual([]);
  }, 120_000);

  test('a compile killed midway (SIGKILL while it writes) leaves the previous dist/; the next compile cleans up', async () => {
    const dir = project(manyPolicies(25, "1.0.0"));
    expect((await runBin(dir, ['compile'])).code).toBe(0);
    const previous = treeText(readTree(join(dir, 'dist')));
    // A new version of every policy: the next compile writes a different tree.
    for (let i = 0; i < 25; i++) writeFileSync(join(dir, `policies/p${i}/policy.md`), readFileSync(join(dir, `policies/p${i}/policy.md`), 'utf8').replace('version: 1.0.0', 'version: 1.1.0'));
    let killedWhileWriting = 0;
    for (let attempt = 0; attempt < 3 && killedWhileWriting === 0; attempt++) {
      const child = spawn(process.execPath, [bin, 'compile'], { cwd: dir, stdio: 'ignore' });
      const exited = new Promise<NodeJS.Signals | null>((done) => child.on('close', (_code, signal) => done(signal)));
      // Wait for its temporary folder to appear, then kill it at once.
      let seen = false;
      while (!seen && child.exitCode === null) {
        seen = readdirSync(dir).some((n) => n.startsWith(`.dist.tmp-${child.pid}-`));
        if (!seen) await new Promise((r) => setImmediate(r));
      }
      if (seen) child.kill('SIGKILL');
      const signal = await exited;
      if (signal === 'SIGKILL') killedWhileWriting++;
      // Whatever the timing, dist/ is the old tree or, if the compile won the race, a complete new one.
      const now = treeText(readTree(join(dir, 'dist')));
      if (signal === 'SIGKILL') expect(now).toEqual(previous);
      else expect(Object.keys(now).filter((p) => p.includes('/1.1.0/')).length).toBeGreaterThan(25);
    }
    expect(killedWhileWriting).toBeGreaterThan(0);
    expect(temps(dir).length).toBeGreaterThan(0); // the killed compile's half-written folder
    const next = await runBin(dir, ['compile']);
    expect(next.code).toBe(0);
    expect(temps(dir)).toEqual([]);
    const final = treeText(readTree(join(dir, 'dist')));
    expect(Object.keys(final).filter((p) => p.includes('/1.1.0/')).length).toBeGreaterThan(25);
    rmSync(dir, { recursive: true, force: true });
  }, 180_000);
});
