// Run a CommonJS bundle through V8's code cache. Most of a one-policy compile that is not Node's own
// start is V8 compiling our code on first call (measured: the seed compile's pipeline code compiled
// lazily costs ~50-70 ms of ~330). ES modules cannot take a code cache on Node 20, a vm.Script can:
// the build runs one compile with `POLICYC_CODE_CACHE=write`, which saves the code V8 compiled
// (lazily compiled functions included) beside the bundle; later starts deserialize it instead.
//
// V8 checks the cache against its own version, the source length and its flag settings, and
// rejects it quietly on a mismatch (the script then compiles as usual). The source length is not a
// content check, so the cache file is named by the bundle's content hash, which the build also
// gives to the loader: a cache from another build is never even read. V8 does not checksum the
// payload in release builds (a damaged cache crashed node: "unreachable code"), so the file starts
// with the payload's sha256, checked before V8 sees it (~1 ms for the ~1.2 MB cache).
// node:crypto and node:vm are taken when a bundle is loaded: the CLI's --version and --help never
// load one, and crypto alone costs a start ~3 ms.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

export interface CachedScript {
  exports: unknown;
  /** What became of the cache: V8 took it, refused it (another Node version or flags), there was none, or it was not read. */
  cache: 'accepted' | 'rejected' | 'absent' | 'unread';
  /** Write the cache of what V8 has compiled of the script so far. */
  saveCache(): void;
}

/** The cache file of `file` whose content hash is `hash`. */
export function cacheFileOf(file: string, hash: string): string {
  return `${file}.${hash.slice(0, 16)}.v8cache`;
}

/**
 * Load the CommonJS module `file` (a bundle: its only require()s are of Node built-ins or files
 * beside it), with V8's code cache from `cacheFileOf(file, hash)` when there is one.
 * `write` (the build): ignore any cache and save one when the process is about to exit;
 * `off`: ignore any cache (to measure what it saves).
 */
export function requireCached(file: string, hash: string, mode: 'read' | 'write' | 'off' = 'read'): CachedScript {
  const cacheFile = cacheFileOf(file, hash);
  const source = readFileSync(file, 'utf8');
  const present = mode === 'read' && existsSync(cacheFile);
  const cachedData = present ? payloadOf(readFileSync(cacheFile)) : undefined;
  const { Script, constants } = process.getBuiltinModule('node:vm');
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
    // only so that an import() left in the bundle still works; esbuild turns ours into require()
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  const saveCache = () => {
    // V8 stamps the cache with its flag settings, and a compile turns on --expose-gc (memory.ts)
    // after start: put it back, or every later start (without the flag) would reject the cache.
    // (node:v8 is required here, at the build's save only: loading it costs every start ~2 ms)
    const v8 = createRequire(import.meta.url)('node:v8') as typeof import('node:v8');
    if (!process.execArgv.includes('--expose-gc')) v8.setFlagsFromString('--no-expose-gc');
    const data = script.createCachedData();
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.concat([digest(data), data]));
    renameSync(tmp, cacheFile); // whole or not at all
  };
  if (mode === 'write') process.once('beforeExit', saveCache);
  const cache = mode !== 'read' ? 'unread' : !present ? 'absent' : !cachedData || script.cachedDataRejected ? 'rejected' : 'accepted';
  return { exports: module.exports, cache, saveCache };
}

const digest = (data: Uint8Array) => process.getBuiltinModule('node:crypto').createHash('sha256').update(data).digest();

/** The V8 payload of a cache file, or undefined when it is not the one its checksum names. */
function payloadOf(file: Buffer): Buffer | undefined {
  const payload = file.subarray(32);
  return file.length > 32 && digest(payload).equals(file.subarray(0, 32)) ? payload : undefined;
}

/**
 * The bundle's commands (scripts/build.mjs makes the CLI's loadCommands call this), run as
 * POLICYC_CODE_CACHE says: `write` (the build) saves the cache, `off` runs without it (to measure
 * what it saves), `report` says on stderr whether V8 took it.
 */
export function requireBundle(file: string, hash: string): unknown {
  const env = process.env.POLICYC_CODE_CACHE;
  const loaded = requireCached(file, hash, env === 'write' || env === 'off' ? env : 'read');
  if (env === 'report') process.stderr.write(`policyc: code cache ${loaded.cache}\n`);
  return loaded.exports;
}
