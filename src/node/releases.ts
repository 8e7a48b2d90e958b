// The releases layout (../shared/reference/model.md): policies/<id>/releases/<version>/ holds
// policy.md, policy.yaml and release.json; a published release is never changed.
import { sha256Hex } from '../hash.js';
import { readdir, readFile, mkdir, writeFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { normalizeSource } from '../parse/source.js';
import { InputError } from '../errors.js';
import { byCodeUnit } from '../order.js';

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
  return sha256Hex(normalizeSource(text));
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
  return byCodeUnit(a, b);
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
