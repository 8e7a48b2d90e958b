// Finding policies on disk: a policy is policies/<id>/policy.md; its id is the folder name.
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';

export const POLICY_ID = /^[a-z0-9][a-z0-9-]*$/;

export interface PolicyLocation {
  id: string;
  /** Absolute path of the markdown source. */
  file: string;
  /** Absolute path of the policy's folder (where releases/ and policy.yaml live). */
  dir: string;
}

/** Refuse ids that could escape a folder or break a URL, before any path is built from them. */
export function assertPolicyId(id: string, where: string): void {
  if (!POLICY_ID.test(id))
    throw new InputError(
      `Invalid policy id "${id}" (from ${where}): use lowercase letters, digits and -, e.g. "acme-uk"`,
      where,
      'input/invalid-id',
    );
}

/** Resolve command-line arguments (files or folders) to policies; default: ./policies. */
export async function discoverPolicies(args: string[], cwd: string): Promise<PolicyLocation[]> {
  const targets = args.length ? args : ['policies'];
  const found: PolicyLocation[] = [];
  for (const arg of targets) {
    const path = resolve(cwd, arg);
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new InputError(`No such file or folder: ${arg}`, arg, 'input/unreadable');
    }
    if (info.isFile()) {
      found.push(locationOfFile(path));
      continue;
    }
    const direct = join(path, 'policy.md');
    if (await isFile(direct)) {
      found.push(locationOfFile(direct));
      continue;
    }
    const entries = (await readdir(path, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    const before = found.length;
    for (const name of entries) {
      const file = join(path, name, 'policy.md');
      if (await isFile(file)) found.push(locationOfFile(file));
    }
    if (found.length === before)
      throw new InputError(`No policies in ${arg}: expected ${arg}/<id>/policy.md or ${arg}/policy.md`, arg, 'input/no-policies');
  }
  const seen = new Map<string, string>();
  for (const p of found) {
    const other = seen.get(p.id);
    if (other && other !== p.file) throw new InputError(`Two policies share the id "${p.id}": ${other} and ${p.file}`, p.file, 'input/duplicate-id');
    seen.set(p.id, p.file);
  }
  return found.filter((p, i) => found.findIndex((q) => q.file === p.file) === i);
}

export function locationOfFile(file: string): PolicyLocation {
  const dir = policyDirOf(file);
  const stem = basename(file).replace(/\.(md|markdown)$/i, '');
  const id = stem === 'policy' ? basename(dir) : stem.toLowerCase();
  assertPolicyId(id, file);
  return { id, file, dir };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * The id of a policy read as a single file (extract, validate): its folder name for policy.md,
 * else the file name made into an id ("1034_aol.com.md" -> "1034-aol-com"). Nothing is written
 * under this id, so a sanitised form is safe where compile would refuse.
 */
export function idForFile(file: string): string {
  const stem = basename(file).replace(/\.(md|markdown)$/i, '');
  const raw = stem === 'policy' ? basename(policyDirOf(file)) : stem;
  const id = raw.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return id || 'policy';
}

/** The policy folder of a source file: its own folder, or for a release's source
 * (policies/<id>/releases/<version>/policy.md) the policy's folder. */
export function policyDirOf(file: string): string {
  const dir = dirname(file);
  if (basename(dirname(dir)) === 'releases' && /^\d+\.\d+\.\d+/.test(basename(dir))) return dirname(dirname(dir));
  return dir;
}
