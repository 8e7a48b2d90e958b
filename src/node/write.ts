// Atomic publishing: the whole output tree is written to a temporary sibling folder, then swapped
// in with renames, so a failed or interrupted compile leaves the previous dist/ as it was.
import { mkdir, readdir, rename, rm, writeFile, mkdtemp, stat } from 'node:fs/promises';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';

export type OutputTree = Map<string, string | Uint8Array>;

/** Refuse output paths that would escape the output folder. */
export function assertInside(relative: string): void {
  const parts = relative.split('/');
  if (relative.startsWith('/') || relative.includes('\\') || parts.some((p) => p === '..' || p === '' || p === '.'))
    throw new InputError(`Refusing to write outside the output folder: ${relative}`, relative, 'output/path');
}

/**
 * A file the writer puts in every output folder it publishes. An existing folder is replaced only
 * when it carries this marker (or is empty, or looks like an earlier policyc site), so that a
 * mistyped `--out .` or `--out policies` can never swap away the user's own files.
 */
export const OUTPUT_MARKER = '.policyc-output';
const MARKER_TEXT = 'This folder is written by policyc compile and replaced as a whole on every compile.\n';

export async function writeTreeAtomic(outDir: string, files: OutputTree): Promise<void> {
  const staging = await StagedOutput.open(outDir);
  try {
    for (const path of [...files.keys()].sort()) staging.put(path, files.get(path)!);
    await staging.commit();
  } catch (error) {
    await staging.abort();
    throw error;
  }
}

/**
 * An output folder being written: files go into a temporary sibling folder as they are made (so a
 * big site is never held in memory whole), and `commit` swaps it in with renames. Until then the
 * previous output stays as it was; `abort` (or a killed process, cleaned up by the next compile's
 * recoverInterrupted) leaves no trace. `put` is synchronous so that pure renderers can emit into it;
 * worker threads write into the same folder through `StagedOutput.at(dir)`.
 */
export class StagedOutput {
  private readonly dirs = new Set<string>();

  private constructor(
    /** The temporary folder. */
    readonly dir: string,
    private readonly target: string | null,
  ) {}

  /** Check the output folder can be replaced and create the temporary folder beside it. */
  static async open(outDir: string): Promise<StagedOutput> {
    const target = resolve(outDir);
    const parent = dirname(target);
    const base = basename(target);
    try {
      await mkdir(parent, { recursive: true });
    } catch (error) {
      throw new InputError(`Cannot create ${parent}: ${(error as NodeJS.ErrnoException).code}`, parent, 'output/unwritable');
    }
    await recoverInterrupted(parent, base);
    await assertReplaceable(target);
    let temp: string;
    try {
      // The pid in the name tells a later compile whether the folder's owner is still running.
      temp = await mkdtemp(join(parent, `.${base}.tmp-${process.pid}-`));
    } catch (error) {
      throw new InputError(`Cannot write to ${parent}: ${(error as NodeJS.ErrnoException).code}`, parent, 'output/unwritable');
    }
    return new StagedOutput(temp, target);
  }

  /** A writer into a folder another thread opened (it alone commits or aborts). */
  static at(dir: string): StagedOutput {
    return new StagedOutput(dir, null);
  }

  put(path: string, content: string | Uint8Array): void {
    assertInside(path);
    const full = join(this.dir, ...path.split('/'));
    if (!full.startsWith(this.dir + sep)) throw new InputError(`Refusing to write outside the output folder: ${path}`, path, 'output/path');
    const folder = dirname(full);
    try {
      if (!this.dirs.has(folder)) {
        mkdirSync(folder, { recursive: true });
        this.dirs.add(folder);
      }
      writeFileSync(full, content);
    } catch (error) {
      throw wrap(error, this.target ?? this.dir);
    }
  }

  async commit(): Promise<void> {
    if (!this.target) throw new Error('commit: this writer does not own its folder');
    try {
      if (!existsSync(join(this.dir, OUTPUT_MARKER))) await writeFile(join(this.dir, OUTPUT_MARKER), MARKER_TEXT);
      await swapIn(this.dir, this.target);
    } catch (error) {
      await this.abort();
      if (error instanceof InputError) throw error;
      throw wrap(error, this.target);
    }
  }

  async abort(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** Refuse to replace a folder that policyc did not write. */
async function assertReplaceable(target: string): Promise<void> {
  let info;
  try {
    info = await stat(target);
  } catch {
    return; // nothing there yet
  }
  if (!info.isDirectory()) throw new InputError(`Cannot write ${target}: it is a file, not a folder`, target, 'output/unwritable');
  const names = await readdir(target).catch(() => [] as string[]);
  if (names.length === 0 || names.includes(OUTPUT_MARKER)) return;
  // A site written before the marker existed.
  if (names.includes('index.html') && (await exists(join(target, 'schemas', 'policy.schema.json')))) return;
  throw new InputError(
    `Refusing to replace ${target}: it exists and was not written by policyc (it has no ${OUTPUT_MARKER}). Choose a new or empty output folder, or remove this one first.`,
    target,
    'output/not-ours',
  );
}

/**
 * Clean up after compiles that were killed: their temporary folders (`.<out>.tmp-<pid>-*`) are
 * removed, and if one was killed between its two renames (the output moved aside, the new one
 * not yet in place), the previous output is put back. Folders of compiles still running are kept.
 */
export async function recoverInterrupted(parent: string, base: string): Promise<void> {
  const prefix = `.${base}.tmp-`;
  let names: string[];
  try {
    names = (await readdir(parent)).filter((n) => n.startsWith(prefix)).sort();
  } catch {
    return;
  }
  const target = join(parent, base);
  for (const name of names) {
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) continue;
    const full = join(parent, name);
    if (name.endsWith('.old') && !(await exists(target))) {
      await rename(full, target).catch(() => undefined);
      continue;
    }
    await rm(full, { recursive: true, force: true }).catch(() => undefined);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Replace target by temp. Tolerates a concurrent compile doing the same swap. */
async function swapIn(temp: string, target: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const old = `${temp}.old`;
    let moved = false;
    try {
      await rename(target, old);
      moved = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw wrap(error, target);
    }
    try {
      await rename(temp, target);
      if (moved) await rm(old, { recursive: true, force: true });
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Another compile put a target in place between our renames: retry the swap.
      if ((code === 'ENOTEMPTY' || code === 'EEXIST') && attempt < 20) {
        if (moved) await rm(old, { recursive: true, force: true });
        continue;
      }
      if (moved && !(await exists(target))) await rename(old, target).catch(() => undefined);
      throw wrap(error, target);
    }
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function wrap(error: unknown, target: string): Error {
  const code = (error as NodeJS.ErrnoException).code;
  return new InputError(`Cannot write ${target}: ${code ?? String(error)}`, target, 'output/unwritable');
}
