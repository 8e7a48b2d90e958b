// Reading one side of a diff: a markdown file, a model file, a release (id@1.0.0), the draft
// (id or id@draft), or a file at a git revision (--base REV, read with `git show`).
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { readTextFile } from '../io/read.js';
import { InputError } from '../errors.js';
import { extractPolicy } from '../pipeline.js';
import { validateModelText } from '../validate/positions.js';
import { parseMarkdown } from '../parse/markdown.js';
import { idForFile, assertPolicyId } from './discover.js';
import { listReleases } from './releases.js';
import type { DiffSide } from '../diff/index.js';
import type { PolicyModel } from '../model/types.js';
import type { Diagnostic } from '../diagnostics.js';

export interface LoadedSide extends DiffSide {
  diagnostics: Diagnostic[];
  /** The file the side came from, for messages. */
  file: string;
}

const RELEASE_REF = /^([a-z0-9][a-z0-9-]*)@(draft|\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/;

/** Read one side. `policiesDir` holds policies/<id>/ for id@version references. */
export async function loadSide(ref: string, cwd: string, policiesDir = resolve(cwd, 'policies')): Promise<LoadedSide> {
  const m = RELEASE_REF.exec(ref);
  const bareId = /^[a-z0-9][a-z0-9-]*$/.test(ref) && !existsSync(resolve(cwd, ref)) && existsSync(join(policiesDir, ref));
  if (m || bareId) {
    const id = m ? m[1]! : ref;
    const version = m ? m[2]! : 'draft';
    assertPolicyId(id, ref);
    const dir = join(policiesDir, id);
    if (!existsSync(dir)) throw new InputError(`No policy "${id}" in ${relative(cwd, policiesDir) || '.'}/`, ref, 'input/unreadable');
    if (version === 'draft') return fromMarkdown(join(dir, 'policy.md'), `${id}@draft`, id);
    const release = (await listReleases(dir)).find((r) => r.version === version);
    if (!release) throw new InputError(`${id} has no release ${version} (policies/${id}/releases/${version}/)`, ref, 'input/unreadable');
    return fromText(release.source, join(release.dir, 'policy.md'), `${id}@${version}`, id);
  }
  const path = resolve(cwd, ref);
  if (/\.(ya?ml|json)$/i.test(path)) return fromModelFile(path, ref);
  return fromMarkdown(path, ref, idForFile(path));
}

async function fromMarkdown(path: string, label: string, id: string): Promise<LoadedSide> {
  return fromText(await readTextFile(path), path, label, id);
}

function fromText(text: string, path: string, label: string, id: string): LoadedSide {
  const result = extractPolicy({ id, path, text });
  return { label, model: result.model, doc: result.doc, diagnostics: result.diagnostics, file: path };
}

async function fromModelFile(path: string, label: string): Promise<LoadedSide> {
  const text = await readTextFile(path);
  const result = validateModelText(text, path);
  if (result.diagnostics.some((d) => d.severity === 'error'))
    return { label, model: result.model as PolicyModel, diagnostics: result.diagnostics, file: path };
  // A model's text is its policy.md beside it (a release folder, or policies/<id>/), when there is one.
  const source = join(dirname(path), 'policy.md');
  const doc = existsSync(source) ? parseMarkdown(await readTextFile(source), source) : undefined;
  return { label, model: result.model as PolicyModel, ...(doc ? { doc } : {}), diagnostics: result.diagnostics, file: path };
}

/** The working copy's file at a git revision, as a side. */
export async function loadSideAtRevision(ref: string, rev: string, cwd: string): Promise<LoadedSide> {
  const path = resolve(cwd, ref);
  const run = promisify(process.getBuiltinModule('node:child_process').execFile); // loaded on use (~3 ms)
  let top: string;
  try {
    top = (await run('git', ['rev-parse', '--show-toplevel'], { cwd: dirname(path) })).stdout.trim();
  } catch {
    throw new InputError(`--base needs a git repository: ${ref} is not in one`, ref, 'input/git');
  }
  const inRepo = relative(top, path).split('\\').join('/');
  let text: string;
  try {
    text = (await run('git', ['show', `${rev}:${inRepo}`], { cwd: top, maxBuffer: 64 << 20 })).stdout;
  } catch (error) {
    throw new InputError(`git show ${rev}:${inRepo} failed: ${String((error as { stderr?: string }).stderr ?? error).trim()}`, ref, 'input/git');
  }
  const label = `${inRepo}@${rev}`;
  if (/\.(ya?ml|json)$/i.test(path)) {
    const result = validateModelText(text, label);
    return { label, model: result.model as PolicyModel, diagnostics: result.diagnostics, file: label };
  }
  return fromText(text, label, label, idForFile(path));
}
