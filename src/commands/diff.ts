// policyc diff <a> <b> [--base REV] [--format text|md|html|json] [--fail-on material|minor|any]
// Node I/O for the pure engine in src/diff: reads markdown, model files, releases (id@version) and
// git revisions (--base, through `git show`), then prints one rendering and picks the exit code.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Io, CommonOptions } from '../io.js';
import { readTextFile } from '../io/read.js';
import { assertPolicyId, locationOfFile } from '../node/discover.js';
import { draftModel, listReleases, parseModelText, releaseModel } from '../node/releases.js';
import { parseMarkdown } from '../parse/markdown.js';
import { InputError, UsageError } from '../errors.js';
import { displayPath } from './report.js';
import type { ChangeClass } from '../diff/types.js';
import type { DiffSide, Override } from '../diff/index.js';

export interface DiffCommandOptions extends CommonOptions {
  base?: string;
  format?: string;
  layout?: string;
  failOn?: string;
  override?: string[];
  overrides?: string;
}

const CLASSES: ChangeClass[] = ['material', 'minor', 'editorial', 'needs_review'];

export default async function diffCommand(io: Io, args: string[], options: DiffCommandOptions): Promise<number> {
  const format = options.format ?? 'text';
  if (!['text', 'md', 'markdown', 'html', 'json'].includes(format)) throw new UsageError(`Unknown format "${format}": use text, md, html or json`);
  const layout = options.layout ?? 'inline';
  if (layout !== 'inline' && layout !== 'side-by-side') throw new UsageError(`Unknown layout "${layout}": use inline or side-by-side`);
  const failOn = options.failOn;
  if (failOn !== undefined && !['material', 'minor', 'any'].includes(failOn)) throw new UsageError(`--fail-on takes material, minor or any, not "${failOn}"`);
  const overrides = await readOverrides(io, options);

  let a: DiffSide;
  let b: DiffSide;
  if (options.base !== undefined) {
    if (args.length !== 1) throw new UsageError('With --base, give one file: policyc diff policies/acme/policy.md --base main');
    b = await readSide(io, args[0]!);
    a = await gitSide(io, args[0]!, options.base);
  } else {
    if (args.length !== 2) throw new UsageError('Give two versions to compare (files, or releases such as acme@1.0.0 acme@2.0.0), or one file with --base REV');
    [a, b] = await Promise.all([readSide(io, args[0]!), readSide(io, args[1]!)]);
  }
  const engine = await import('../diff/index.js');
  const diff = engine.diffPolicies(a, b, { overrides });
  const out =
    format === 'json'
      ? engine.renderDiffJson(diff)
      : format === 'html'
        ? engine.renderDiffHtml(diff, { layout })
        : format === 'md' || format === 'markdown'
          ? engine.renderDiffMarkdown(diff)
          : engine.renderDiffText(diff, { color: io.isTTY && !io.env.NO_COLOR && options.color !== false });
  io.stdout(out);
  if (failOn && engine.failsGate(diff, failOn as 'material' | 'minor' | 'any')) {
    io.stderr(`policyc diff: ${engine.summarizeDiff(diff)}: fails --fail-on ${failOn}\n`);
    return 1;
  }
  return 0;
}

/** --override key=class:reason (repeatable) and --overrides file (YAML/JSON list of {key, class, reason}). */
export async function readOverrides(io: Io, options: { override?: string[]; overrides?: string }): Promise<Override[]> {
  const out: Override[] = [];
  for (const spec of options.override ?? []) {
    const m = /^([^=]+)=([a-z_ ]+):(.+)$/s.exec(spec);
    if (!m) throw new UsageError(`--override "${spec}": use KEY=CLASS:REASON, e.g. 'recipients/processor=minor:a named processor of a known type'`);
    out.push(checkOverride({ key: m[1]!.trim(), class: m[2]!.trim().replace(' ', '_') as ChangeClass, reason: m[3]!.trim() }, '--override'));
  }
  if (options.overrides) {
    const path = resolve(io.cwd, options.overrides);
    const text = await readTextFile(path);
    let value: unknown;
    try {
      value = parseYaml(text);
    } catch (error) {
      throw new InputError(`${options.overrides}: not valid YAML (${(error as Error).message.split('\n')[0]})`, path, 'input/invalid-overrides');
    }
    const list = Array.isArray(value) ? value : (value as { overrides?: unknown })?.overrides;
    if (!Array.isArray(list)) throw new InputError(`${options.overrides}: expected a list of {key, class, reason}`, path, 'input/invalid-overrides');
    for (const item of list) out.push(checkOverride(item as Override, options.overrides));
  }
  return out;
}

function checkOverride(o: Override, where: string): Override {
  if (!o || typeof o.key !== 'string' || !o.key) throw new UsageError(`${where}: an override needs a key`);
  if (!CLASSES.includes(o.class)) throw new UsageError(`${where}: class "${String(o.class)}" of ${o.key} is not one of ${CLASSES.join(', ')}`);
  if (typeof o.reason !== 'string' || !o.reason.trim()) throw new UsageError(`${where}: the override of ${o.key} needs a reason (it is recorded with the release)`);
  return { key: o.key, class: o.class, reason: o.reason.trim() };
}

const RELEASE_REF = /^([a-z0-9][a-z0-9-]*)@(draft|\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/;

/** One side: a markdown file, a model file, `id@version`, `id@draft` or a bare policy id. */
export async function readSide(io: Io, arg: string): Promise<DiffSide> {
  const path = resolve(io.cwd, arg);
  if (!existsSync(path)) {
    const ref = RELEASE_REF.exec(arg);
    const bare = /^[a-z0-9][a-z0-9-]*$/.test(arg) ? [arg, arg, 'draft'] : null;
    const m = ref ?? bare;
    if (m) return policySide(io, m[1]!, m[2]!);
    if (arg.includes('@')) throw new InputError(`No such file, and not a release reference: ${arg} (use <id>@<X.Y.Z> or <id>@draft)`, arg, 'input/unreadable');
  }
  const ext = extname(path).toLowerCase();
  const shown = displayPath(io, path);
  const text = await readTextFile(path);
  if (ext === '.yaml' || ext === '.yml' || ext === '.json') {
    const model = parseModelText(text, shown);
    const source = [path.replace(/\.(ya?ml|json)$/i, '.md'), join(dirname(path), 'policy.md')].find((p) => p !== path && existsSync(p));
    if (!source) return { label: shown, model };
    return { label: shown, model, doc: parseMarkdown(await readTextFile(source), displayPath(io, source)) };
  }
  return markdownSide(io, path, shown, text);
}

async function markdownSide(io: Io, path: string, label: string, text: string): Promise<DiffSide> {
  const { id } = safeLocation(path);
  const yamlPath = join(dirname(path), 'policy.yaml');
  const reviewed = basename(path) === 'policy.md' && existsSync(yamlPath) ? { path: displayPath(io, yamlPath), text: await readTextFile(yamlPath) } : undefined;
  const result = draftModel(id, { path: label, text }, reviewed);
  return { label, model: result.model, doc: result.doc };
}

function safeLocation(path: string): { id: string } {
  try {
    return locationOfFile(path);
  } catch {
    return { id: 'policy' };
  }
}

async function policySide(io: Io, id: string, version: string): Promise<DiffSide> {
  assertPolicyId(id, `${id}@${version}`);
  const dir = resolve(io.cwd, 'policies', id);
  if (version === 'draft') {
    const file = join(dir, 'policy.md');
    const shown = displayPath(io, file);
    const side = await markdownSide(io, file, shown, await readTextFile(file));
    return { ...side, label: `${id}@draft` };
  }
  const releases = await listReleases(dir);
  const release = releases.find((r) => r.version === version);
  if (!release)
    throw new InputError(
      `${id} has no release ${version}${releases.length ? ` (releases: ${releases.map((r) => r.version).join(', ')})` : ` (no releases under ${displayPath(io, join(dir, 'releases'))})`}`,
      dir,
      'input/no-release',
    );
  const { model, doc } = releaseModel(id, release);
  return { label: version, model, doc };
}

/** The same file at a git revision, read with `git show REV:./file` from the file's folder. */
async function gitSide(io: Io, arg: string, rev: string): Promise<DiffSide> {
  if (!/^[^\s-][^\s]*$/.test(rev)) throw new UsageError(`--base "${rev}" is not a git revision`);
  const path = resolve(io.cwd, arg);
  const show = (name: string) =>
    new Promise<string>((ok, fail) =>
      execFile('git', ['show', `${rev}:./${name}`], { cwd: dirname(path), maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
        if (error) fail(new InputError(`Cannot read ${arg} at ${rev}: ${(stderr || error.message).trim().split('\n')[0]}`, arg, 'input/git'));
        else ok(stdout);
      }),
    );
  const text = await show(basename(path));
  const label = `${displayPath(io, path)}@${rev}`;
  const ext = extname(path).toLowerCase();
  if (ext === '.yaml' || ext === '.yml' || ext === '.json') return { label, model: parseModelText(text, label) };
  const { id } = safeLocation(path);
  // The reviewed model beside a policy.md, at the same revision, as for the working copy.
  const reviewedText = basename(path) === 'policy.md' ? await show('policy.yaml').catch(() => undefined) : undefined;
  const result = draftModel(id, { path: label, text }, reviewedText !== undefined ? { path: `${label.replace(/policy\.md@/, 'policy.yaml@')}`, text: reviewedText } : undefined);
  return { label, model: result.model, doc: result.doc };
}
