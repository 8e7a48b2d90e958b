// Atomic publishing: the whole output tree is written to a temporary sibling folder, then swapped
// in with renames, so a failed or interrupted compile leaves the previous dist/ as it was.
import { mkdir, rename, rm, writeFile, mkdtemp, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';

export type OutputTree = Map<string, string | Uint8Array>;

/** Refuse output paths that would escape the output folder. */
export function assertInside(relative: string): void {
  const parts = relative.split('/');
  if (relative.startsWith('/') || relative.includes('\\') || parts.some((p) => p === '..' || p === '' || p === '.'))
    throw new InputError(`Refusing to write outside the output folder: ${relative}`, relative, 'output/path');
}

export async function writeTreeAtomic(outDir: string, files: OutputTree): Promise<void> {
  const target = resolve(outDir);
  const parent = dirname(target);
  try {
    await mkdir(parent, { recursive: true });
  } catch (error) {
    throw new InputError(`Cannot create ${parent}: ${(error as NodeJS.ErrnoException).code}`, parent, 'output/unwritable');
  }
  let temp: string;
  try {
    temp = await mkdtemp(join(parent, `.${basename(target)}.tmp-`));
  } catch (error) {
    throw new InputError(`Cannot write to ${parent}: ${(error as NodeJS.ErrnoException).code}`, parent, 'output/unwritable');
  }
  try {
    for (const path of [...files.keys()].sort()) {
      assertInside(path);
      const full = join(temp, ...path.split('/'));
      if (!full.startsWith(temp + sep)) throw new InputError(`Refusing to write outside the output folder: ${path}`, path, 'output/path');
      await mkdir(dirname(full), { recursive: true });
      await writeFile(full, files.get(path)!);
    }
    await swapIn(temp, target);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
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
