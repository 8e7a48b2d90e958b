// The releases layout (../shared/reference/model.md): policies/<id>/releases/<version>/ holds
// policy.md, policy.yaml and release.json; a published release is never changed.
import { createHash } from 'node:crypto';
import { readdir, readFile, mkdir, writeFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { normalizeSource } from '../parse/source.js';
import { InputError } from '../errors.js';
import { parse as parseYaml } from 'yaml';
import { emptyModel, type PolicyModel } from '../model/types.js';
import { parseMarkdown, type ParsedDocument } from '../parse/markdown.js';
import { extractPolicy } from '../pipeline.js';
import { checkModel } from '../validate/schema.js';
import { renderYaml } from '../render/yaml.js';
import type { Diagnostic } from '../diagnostics.js';

export interface ReleaseManifest {
  version: string;
  effective_date: string | null;
  /** sha256 of the normalised source (LF line endings, no BOM). */
  source_sha256: string;
  /** sha256 of the normalised model YAML. */
  model_sha256: string;
  /** The previous release's version, or null for the first. */
  previous: string | null;
  /** The semver bump the diff against the previous release requires (major, minor, patch, none). */
  required_bump: string | null;
  /** A smaller bump than required, forced by a person, with the reason. */
  override?: { forced: true; reason: string };
  /** Reviewers' overrides of individual change classes, recorded with the release. */
  classifications?: { key: string; class: string; reason: string }[];
}

export interface Release {
  version: string;
  dir: string;
  source: string;
  modelYaml: string | null;
  manifest: ReleaseManifest | null;
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$/;

export function sha256(text: string): string {
  return createHash('sha256').update(normalizeSource(text), 'utf8').digest('hex');
}

/** Compare two semver strings (no pre-release precedence beyond string order). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < 3; i++) {
    const d = Number(pa[i]) - Number(pb[i]);
    if (d) return d;
  }
  if (pa.length !== pb.length) return pa.length > pb.length ? -1 : 1; // 1.0.0-rc < 1.0.0
  return a.localeCompare(b);
}

/** Every release of a policy, oldest first. */
export async function listReleases(policyDir: string): Promise<Release[]> {
  const root = join(policyDir, 'releases');
  let names: string[];
  try {
    names = (await readdir(root, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch {
    return [];
  }
  const releases: Release[] = [];
  for (const version of names.filter((n) => SEMVER.test(n)).sort(compareVersions)) {
    const dir = join(root, version);
    const source = await readFile(join(dir, 'policy.md'), 'utf8').catch(() => null);
    if (source === null) throw new InputError(`Release ${version} has no policy.md: ${dir}`, dir, 'release/incomplete');
    const modelYaml = await readFile(join(dir, 'policy.yaml'), 'utf8').catch(() => null);
    const manifestText = await readFile(join(dir, 'release.json'), 'utf8').catch(() => null);
    let manifest: ReleaseManifest | null = null;
    if (manifestText !== null) {
      try {
        manifest = JSON.parse(manifestText) as ReleaseManifest;
      } catch (error) {
        throw new InputError(`${join(dir, 'release.json')}: not valid JSON (${(error as Error).message})`, dir, 'release/invalid-manifest');
      }
    }
    releases.push({ version, dir, source, modelYaml, manifest });
  }
  return releases;
}

/** Freeze a release. Refuses to touch an existing one: published versions are immutable. */
export async function writeRelease(
  policyDir: string,
  files: { source: string; modelYaml: string; manifest: ReleaseManifest },
): Promise<string> {
  const version = files.manifest.version;
  if (!SEMVER.test(version)) throw new InputError(`"${version}" is not a semantic version (X.Y.Z)`, policyDir, 'release/invalid-version');
  const root = join(policyDir, 'releases');
  const dir = join(root, version);
  if (await exists(dir)) throw new InputError(`Release ${version} already exists (${dir}); published releases are never changed: bump the version`, dir, 'release/exists');
  await mkdir(root, { recursive: true });
  const temp = join(root, `.${version}.tmp-${process.pid}`);
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp);
  await writeFile(join(temp, 'policy.md'), normalizeSource(files.source));
  await writeFile(join(temp, 'policy.yaml'), files.modelYaml);
  await writeFile(join(temp, 'release.json'), JSON.stringify(files.manifest, null, 2) + '\n');
  try {
    await rename(temp, dir);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw new InputError(`Cannot write release ${version}: ${(error as NodeJS.ErrnoException).code}`, dir, 'release/exists');
  }
  return dir;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

// ---------------------------------------------------------------------------------------------
// Reading a version of a policy for `policyc diff` and `policyc release`.

/** A model file's text (YAML or JSON) as a model, with missing facets filled; throws InputError when unreadable. */
export function parseModelText(text: string, path: string): PolicyModel {
  let value: unknown;
  try {
    value = parseYaml(normalizeSource(text));
  } catch (error) {
    throw new InputError(`${path}: not valid YAML or JSON (${(error as Error).message.split('\n')[0]})`, path, 'input/invalid-model');
  }
  if (!value || typeof value !== 'object' || !('policy' in value))
    throw new InputError(`${path}: not a policy model (no "policy" key)`, path, 'input/invalid-model');
  const v = value as Partial<PolicyModel>;
  const base = emptyModel(v.policy as PolicyModel['policy']);
  return { ...base, ...v } as PolicyModel;
}

/** The model of a release: its frozen policy.yaml, else extracted again from its policy.md. */
export function releaseModel(id: string, release: Release): { model: PolicyModel; doc: ParsedDocument; extracted: boolean } {
  const path = join(release.dir, 'policy.md');
  if (release.modelYaml !== null) {
    return { model: parseModelText(release.modelYaml, join(release.dir, 'policy.yaml')), doc: parseMarkdown(release.source, path), extracted: false };
  }
  const result = extractPolicy({ id, path, text: release.source });
  return { model: result.model, doc: result.doc, extracted: true };
}

/**
 * The model a draft would be released with: the reviewed policy.yaml beside it when present and
 * valid (frozen as written), else the extracted (and reconciled) model. `policyc diff id@draft`
 * and `policyc release` both use it, so the diff shown is the diff that gets released.
 */
export function draftModel(
  id: string,
  source: { path: string; text: string },
  reviewed?: { path: string; text: string },
): { model: PolicyModel; doc: ParsedDocument; modelYaml: string; diagnostics: Diagnostic[] } {
  const result = extractPolicy({ id, path: source.path, text: source.text, ...(reviewed ? { reviewed } : {}) });
  if (reviewed) {
    try {
      const model = parseModelText(reviewed.text, reviewed.path);
      if (!checkModel(model).length) return { model, doc: result.doc, modelYaml: normalizeSource(reviewed.text), diagnostics: result.diagnostics };
    } catch {
      // a broken policy.yaml: the extraction's diagnostics say why; fall back to the extracted model
    }
  }
  return { model: result.model, doc: result.doc, modelYaml: renderYaml(result.model), diagnostics: result.diagnostics };
}
