// compile on disk: releases are rendered and protected, drafts marked, output deterministic and
// atomic, settings from policyc.config.yaml, canonical markdown round-trips, --watch recompiles.
import { describe, test, expect } from '@jest/globals';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { compile } from '../src/node/compile.js';
import { writeRelease, sha256 } from '../src/node/releases.js';
import { extractPolicy } from '../src/pipeline.js';
import { renderYaml } from '../src/render/yaml.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { parseMarkdown } from '../src/parse/markdown.js';
import { checkModel } from '../src/validate/schema.js';
import { watchCompile } from '../src/commands/compile.js';
import type { PolicyModel } from '../src/model/types.js';
import type { FileReport } from '../src/report/index.js';
import { run } from '../src/cli.js';

async function runCli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd, env: {}, isTTY: false });
  return { code, stdout, stderr };
}
const tmp = () => mkdtempSync(join(tmpdir(), 'policyc-publish-'));
const readTree = (dir: string): Record<string, string> => {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
};
const errorsOf = (reports: FileReport[]) => reports.flatMap((r) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${r.path}: ${d.ruleId}: ${d.message}`));

/** A policy repository with releases written through writeRelease, as `policyc release` would. */
async function repo(versions: { version: string; text: string; effective?: string | null }[], draft?: string): Promise<string> {
  const dir = tmp();
  const policyDir = join(dir, 'policies', 'acme');
  mkdirSync(policyDir, { recursive: true });
  let previous: string | null = null;
  for (const v of versions) {
    const { model } = extractPolicy({ id: 'acme', path: 'policy.md', text: v.text });
    const modelYaml = renderYaml({ ...model, policy: { ...model.policy, version: v.version } });
    await writeRelease(policyDir, {
      source: v.text,
      modelYaml,
      manifest: { version: v.version, effective_date: v.effective ?? null, source_sha256: sha256(v.text), model_sha256: sha256(modelYaml), previous, required_bump: null },
    });
    previous = v.version;
  }
  writeFileSync(join(policyDir, 'policy.md'), draft ?? versions[versions.length - 1]!.text);
  return dir;
}
const v1 = '---\nversion: 1.0.0\n---\n# Acme privacy\n\nWe collect your email address.\n';
const v2 = '---\nversion: 1.1.0\n---\n# Acme privacy\n\nWe collect your email address and your name.\n';
const v3 = '---\nversion: 1.2.0\n---\n# Acme privacy\n\nWe collect your email address, your name and your phone number.\n';

describe('compile renders every release and the draft', () => {
  test('releases at dist/<id>/<version>/, the latest at dist/<id>/, no draft when it equals the latest release', async () => {
    const dir = await repo([{ version: '1.0.0', text: v1, effective: '2024-01-01' }, { version: '1.1.0', text: v2, effective: '2024-06-01' }]);
    const r = await compile({ cwd: dir, inputs: [], outDir: join(dir, 'dist') });
    expect(errorsOf(r.reports)).toEqual([]);
    const tree = readTree(join(dir, 'dist'));
    expect(Object.keys(tree).filter((p) => p.endsWith('index.html')).sort()).toEqual(['acme/1.0.0/index.html', 'acme/1.1.0/index.html', 'acme/index.html', 'index.html']);
    expect(tree['acme/index.html']).toMatch(/Current version<\/strong> Version 1\.1\.0, effective 2024-06-01/);
    expect(tree['acme/1.0.0/index.html']).toMatch(/Superseded/);
    const versions = JSON.parse(tree['acme/versions.json']!);
    expect(versions.draft).toBeNull();
    expect(versions.versions.map((v: { version: string }) => v.version)).toEqual(['1.0.0', '1.1.0']);
    for (const p of Object.keys(tree).filter((k) => k.endsWith('.html'))) expect([p, tree[p]!.includes('noindex')]).toEqual([p, false]);
  });

  test('a draft that differs from the latest release gets a DRAFT banner and noindex; the stable URL stays on the release', async () => {
    const dir = await repo([{ version: '1.0.0', text: v1 }, { version: '1.1.0', text: v2 }], v3);
    const r = await compile({ cwd: dir, inputs: [], outDir: join(dir, 'dist') });
    expect(errorsOf(r.reports)).toEqual([]);
    const tree = readTree(join(dir, 'dist'));
    expect(tree['acme/1.2.0/index.html']).toContain('<meta name="robots" content="noindex">');
    expect(tree['acme/1.2.0/index.html']).toMatch(/DRAFT<\/strong>/);
    expect(tree['acme/1.2.0/changes.html']).toMatch(/1\.1\.0 → 1\.2\.0/);
    // the changes page states its summary once (it used to repeat it under "What changed")
    const summary = /<p class="summary">([^<.]+)/.exec(tree['acme/1.2.0/changes.html']!)![1]!;
    expect(tree['acme/1.2.0/changes.html']!.split(summary).length - 1).toBe(1);
    expect(tree['acme/index.html']).toMatch(/Version 1\.1\.0/);
    expect(tree['acme/index.html']).not.toContain('noindex');
    expect(JSON.parse(tree['acme/versions.json']!).draft).toBe('1.2.0');
    expect(tree['acme/feed.xml']).not.toContain('1.2.0');
  });

  test('a policy with no release yet: its draft is shown at the stable URL, marked DRAFT', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'policies', 'acme'), { recursive: true });
    writeFileSync(join(dir, 'policies', 'acme', 'policy.md'), v1);
    const r = await compile({ cwd: dir, inputs: [], outDir: join(dir, 'dist') });
    expect(errorsOf(r.reports)).toEqual([]);
    const tree = readTree(join(dir, 'dist'));
    expect(tree['acme/index.html']).toContain('noindex');
    expect(JSON.parse(tree['acme/versions.json']!)).toMatchObject({ current: null, draft: '1.0.0' });
  });
});

describe('published releases never change', () => {
  test('a changed policy.md under releases/<v>/ is an error: bump the version; dist/ is left as it was', async () => {
    const dir = await repo([{ version: '1.0.0', text: v1 }, { version: '1.1.0', text: v2 }]);
    const out = join(dir, 'dist');
    expect((await compile({ cwd: dir, inputs: [], outDir: out })).written).toBe(true);
    const before = readTree(out);
    writeFileSync(join(dir, 'policies', 'acme', 'releases', '1.0.0', 'policy.md'), v1.replace('email address', 'email address and more'));
    const r = await compile({ cwd: dir, inputs: [], outDir: out });
    expect(r.written).toBe(false);
    const errors = errorsOf(r.reports);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/releases\/1\.0\.0\/policy\.md: release\/modified: Published release 1\.0\.0 was changed[\s\S]*bump the version/);
    expect(readTree(out)).toEqual(before);
  });

  test('a changed policy.yaml of a release is refused too', async () => {
    const dir = await repo([{ version: '1.0.0', text: v1 }]);
    const yaml = join(dir, 'policies', 'acme', 'releases', '1.0.0', 'policy.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('title: Acme privacy', 'title: Acme privacy (edited)'));
    const r = await compile({ cwd: dir, inputs: [], outDir: join(dir, 'dist') });
    expect(errorsOf(r.reports).join('\n')).toMatch(/release\/modified: .*policy\.yaml no longer matches/);
  });

  test('a draft that differs from a release but keeps its version is refused, at the version line', async () => {
    const dir = await repo([{ version: '1.0.0', text: v1 }], v1.replace('email address', 'email address and name'));
    const r = await compile({ cwd: dir, inputs: [], outDir: join(dir, 'dist') });
    expect(r.written).toBe(false);
    const d = r.reports.flatMap((x) => x.diagnostics).find((x) => x.ruleId === 'release/version-published')!;
    expect(d.message).toMatch(/differs from the published release 1\.0\.0[\s\S]*bump the version/);
    expect(d.start!.line).toBe(2);
  });

  test('through the CLI: exit 1 and the reason', async () => {
    const dir = await repo([{ version: '1.0.0', text: v1 }], v1 + '\nMore.\n');
    const r = await runCli(['compile'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/release\/version-published/);
    expect(r.stderr).toMatch(/dist\/ is unchanged/);
  });
});

describe('deterministic output', () => {
  test('compiling the bundled example twice gives a byte-identical dist/', async () => {
    const a = join(tmp(), 'dist');
    const b = join(tmp(), 'dist');
    const ra = await compile({ cwd: process.cwd(), inputs: [], outDir: a });
    const rb = await compile({ cwd: process.cwd(), inputs: [], outDir: b });
    expect(ra.written && rb.written).toBe(true);
    const ta = readTree(a);
    expect(Object.keys(ta).length).toBeGreaterThan(15);
    expect(readTree(b)).toEqual(ta);
  });

  test('the bundled example: the seed is release 1.0.0, the 2015 text is 2.0.0 and current', async () => {
    const out = join(tmp(), 'dist');
    const r = await compile({ cwd: process.cwd(), inputs: [], outDir: out });
    expect(errorsOf(r.reports)).toEqual([]);
    const tree = readTree(out);
    expect(tree['kaspersky-uk/1.0.0/index.html']).toContain('Kaspersky Lab UK :: Antivirus software');
    expect(tree['kaspersky-uk/index.html']).toContain('Privacy Policy | Kaspersky Lab GB');
    const versions = JSON.parse(tree['kaspersky-uk/versions.json']!);
    expect(versions).toMatchObject({ current: '2.0.0', draft: null });
    expect(versions.versions[1]).toMatchObject({ version: '2.0.0', effective_date: '2014-05-15', changes: { from: '1.0.0' } });
    for (const p of Object.keys(tree).filter((k) => k.endsWith('policy.json'))) expect([p, checkModel(JSON.parse(tree[p]!))]).toEqual([p, []]);
  });

  test('SOURCE_DATE_EPOCH dates feed entries that have no date of their own', async () => {
    const dir = await repo([{ version: '1.0.0', text: v1 }]);
    await compile({ cwd: dir, inputs: [], outDir: join(dir, 'dist'), env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(readFileSync(join(dir, 'dist', 'acme', 'feed.xml'), 'utf8')).toContain('<updated>2023-11-14T22:13:20Z</updated>');
  });
});

describe('policyc.config.yaml', () => {
  test('base URL and organisation name reach canonical links, Atom ids, JSON-LD @id and every page', async () => {
    const dir = await repo([{ version: '1.0.0', text: v1, effective: '2024-01-01' }]);
    writeFileSync(join(dir, 'policyc.config.yaml'), 'site:\n  base_url: https://acme.example/legal/privacy\n  name: Acme Widgets Ltd\n');
    const r = await compile({ cwd: dir, inputs: [], outDir: join(dir, 'dist') });
    expect(errorsOf(r.reports)).toEqual([]);
    const tree = readTree(join(dir, 'dist'));
    expect(tree['acme/1.0.0/index.html']).toContain('<link rel="canonical" href="https://acme.example/legal/privacy/acme/1.0.0/">');
    expect(tree['acme/feed.xml']).toContain('<id>https://acme.example/legal/privacy/acme/1.0.0/</id>');
    expect(JSON.parse(tree['acme/1.0.0/policy.jsonld']!)['@id']).toBe('https://acme.example/legal/privacy/acme/1.0.0/');
    for (const p of Object.keys(tree).filter((k) => k.endsWith('.html'))) expect([p, tree[p]!.includes('Acme Widgets Ltd')]).toEqual([p, true]);
  });

  test('an invalid config fails the compile with its position', async () => {
    const dir = await repo([{ version: '1.0.0', text: v1 }]);
    writeFileSync(join(dir, 'policyc.config.yaml'), 'site:\n  base_url: not a url\n');
    const r = await runCli(['compile'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/policyc\.config\.yaml\n\s*2:\d+.*error/);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });
});

describe('canonical policy.md', () => {
  const strip = (m: PolicyModel): unknown =>
    JSON.parse(JSON.stringify(m, (k, v) => (k === 'evidence' ? undefined : v)));
  const cases: [string, string][] = [['seed', 'policies/kaspersky-uk/releases/1.0.0/policy.md'], ['2015 draft', 'policies/kaspersky-uk/policy.md']];
  const corpus = '../shared/corpus/versions';
  if (existsSync(corpus)) {
    for (const site of readdirSync(corpus).sort().slice(0, 6))
      for (const f of readdirSync(join(corpus, site)).sort().slice(0, 2)) cases.push([`${site}/${f}`, join(corpus, site, f)]);
  } else console.warn(`round-trip on corpus texts skipped: ${corpus} is absent`);

  test.each(cases)('%s: same model apart from evidence, and canonicalising again changes nothing', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    const first = extractPolicy({ id: 'p', path, text });
    const canonical = renderMarkdown(first.doc.tree);
    const second = extractPolicy({ id: 'p', path, text: canonical });
    expect(strip(second.model)).toEqual(strip(first.model));
    expect(renderMarkdown(parseMarkdown(canonical).tree)).toBe(canonical);
  });
});

describe('compile --watch', () => {
  test('recompiles when a policy is saved, prints the report each time, and stops when asked', async () => {
    const dir = await repo([{ version: '1.0.0', text: v1 }]);
    let stderr = '';
    const io = { stdout: () => undefined, stderr: (t: string) => void (stderr += t), cwd: dir, env: {}, isTTY: false };
    const controller = new AbortController();
    const done = watchCompile(io, [], {}, controller.signal, 20);
    const until = async (predicate: () => boolean) => {
      while (!predicate()) await new Promise((r) => setTimeout(r, 25));
    };
    await until(() => stderr.includes('Watching for changes'));
    expect(stderr.match(/Compiled 1 policy/g)).toHaveLength(1);
    writeFileSync(join(dir, 'policies', 'acme', 'policy.md'), v1 + '\nMore.\n');
    await until(() => /release\/version-published/.test(stderr));
    expect(stderr).toMatch(/dist\/ is unchanged/);
    writeFileSync(join(dir, 'policies', 'acme', 'policy.md'), v2);
    await until(() => (stderr.match(/Compiled 1 policy/g) ?? []).length === 2);
    expect(readFileSync(join(dir, 'dist', 'acme', '1.1.0', 'index.html'), 'utf8')).toContain('DRAFT');
    // A new policy folder is picked up too.
    mkdirSync(join(dir, 'policies', 'beta'));
    writeFileSync(join(dir, 'policies', 'beta', 'policy.md'), v1.replace('Acme', 'Beta'));
    await until(() => /Compiled 2 policies/.test(stderr));
    expect(existsSync(join(dir, 'dist', 'beta', '1.0.0', 'index.html'))).toBe(true);
    controller.abort();
    await expect(done).resolves.toBe(0);
    expect(stderr).toMatch(/Stopped watching\.\n$/);
  });
});


describe('compile --no-drafts', () => {
  test('publishes releases only, but still checks the draft', async () => {
    const dir = await repo([{ version: '1.0.0', text: v1 }], v2);
    const r = await runCli(['compile', '--no-drafts'], dir);
    expect(r.code).toBe(0);
    const tree = readTree(join(dir, 'dist'));
    expect(Object.keys(tree).some((p) => p.startsWith('acme/1.1.0/'))).toBe(false);
    expect(JSON.parse(tree['acme/versions.json']!).draft).toBeNull();
    writeFileSync(join(dir, 'policies', 'acme', 'policy.md'), v1 + '\nMore.\n');
    const bad = await runCli(['compile', '--no-drafts'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/release\/version-published/);
  });

  test('a policy with nothing released yet is left out, and the others are still published', async () => {
    const dir = await repo([{ version: '1.0.0', text: v1 }], v1);
    mkdirSync(join(dir, 'policies', 'newco'), { recursive: true });
    writeFileSync(join(dir, 'policies', 'newco', 'policy.md'), v2);
    const r = await runCli(['compile', '--no-drafts'], dir);
    expect(r.stderr).not.toMatch(/Not published/);
    expect(r.code).toBe(0);
    const tree = readTree(join(dir, 'dist'));
    expect(Object.keys(tree).some((p) => p.startsWith('acme/1.0.0/'))).toBe(true);
    expect(Object.keys(tree).some((p) => p.startsWith('newco/'))).toBe(false);
  });
});

describe('policyc.config.yaml folders', () => {
  test('policies: and out: are read relative to the config file, and --out still wins', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'legal', 'acme'), { recursive: true });
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'legal', 'acme', 'policy.md'), v1);
    writeFileSync(join(dir, 'policyc.config.yaml'), 'policies: legal\nout: public\n');
    const r = await runCli(['compile'], join(dir, 'sub'));
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'public', 'acme', '1.0.0', 'index.html'))).toBe(true);
    expect(r.stderr).toMatch(/into .*public\//);
    expect((await runCli(['compile', '--out', 'site'], dir)).code).toBe(0);
    expect(existsSync(join(dir, 'site', 'acme', 'index.html'))).toBe(true);
  });
});

describe('check findings in compile', () => {
  test('are reported as warnings; compile --strict fails on them and leaves dist/ alone', async () => {
    const gdpr = '---\nversion: 1.0.0\njurisdictions: [gdpr]\n---\n# Acme privacy\n\nWe collect your email address and share it with advertising partners.\n';
    const dir = await repo([{ version: '1.0.0', text: gdpr }]);
    const ok = await runCli(['compile', '--reporter', 'json'], dir);
    expect(ok.code).toBe(0);
    const messages = (JSON.parse(ok.stderr.slice(0, ok.stderr.lastIndexOf(']') + 1)) as { messages: { source: string; severity: string }[] }[]).flatMap((f) => f.messages);
    const checks = messages.filter((m) => m.source === 'check');
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.every((m) => m.severity === 'warning')).toBe(true);
    const strict = await runCli(['compile', '--strict', '--out', 'strict-dist'], dir);
    expect(strict.code).toBe(1);
    expect(existsSync(join(dir, 'strict-dist'))).toBe(false);
  });
});
