// policyc compile [policy-or-folder...] [--out dist] [--strict] [--watch]
import { dirname, resolve } from 'node:path';
import { existsSync, watch, type FSWatcher } from 'node:fs';
import type { Io, CommonOptions } from '../io.js';
import { compile, compileInputs, type CompileResult } from '../node/compile.js';
import { loadConfig } from '../node/config.js';
import { printReport, displayPath } from './report.js';
import { InputError } from '../errors.js';
import { parseShard } from '../node/shard.js';
import { createProgress } from '../node/progress.js';
import { discoverPolicies } from '../node/discover.js';
import { rerunEager, sizeOf } from '../node/eager-regexp.js';

export interface CompileCommandOptions extends CommonOptions {
  out?: string;
  strict?: boolean;
  watch?: boolean;
  /** false with --no-drafts: publish releases only. */
  drafts?: boolean;
  /** --shard k/n */
  shard?: string;
}

export default async function compileCommand(io: Io, inputs: string[], options: CompileCommandOptions): Promise<number> {
  // a big set runs in a child with eager regexps (src/node/eager-regexp.ts); the estimate is the
  // drafts a compile would read: those named, else the config's `policies` folder, else ./policies
  const configured = inputs.length ? null : await loadConfig(io.cwd).catch(() => null);
  const estimated = configured ? compileInputs(inputs, configured.config, configured.path, io.cwd) : inputs;
  const policies = await discoverPolicies(estimated, io.cwd).catch(() => []);
  const rerun = await rerunEager(io, await sizeOf(policies.map((p) => p.file)));
  if (rerun !== undefined) return rerun;
  if (!options.watch) return compileOnce(io, inputs, options).then((r) => r.code);
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await watchCompile(io, inputs, options, controller.signal);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

async function compileOnce(io: Io, inputs: string[], options: CompileCommandOptions): Promise<{ code: number; result: CompileResult }> {
  const outDir = options.out === undefined ? undefined : resolve(io.cwd, options.out);
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  const progress = createProgress(io, 'compiling');
  let result: CompileResult;
  try {
    result = await compile({ cwd: io.cwd, inputs, outDir, strict: options.strict, drafts: options.drafts, displayFrom: io.cwd, env: io.env, shard, onProgress: progress.update });
  } finally {
    progress.end();
  }
  const { errors, warnings } = await printReport(io, result.reports, options);
  const n = result.policies.length;
  const shown = displayPath(io, result.outDir);
  if (!result.written) {
    io.stderr(`Not published: ${errors} error${errors === 1 ? '' : 's'}${options.strict && warnings ? ` and ${warnings} warning${warnings === 1 ? '' : 's'} (--strict)` : ''}. ${shown}/ is unchanged.\n`);
    return { code: 1, result };
  }
  io.stderr(`Compiled ${n} polic${n === 1 ? 'y' : 'ies'} into ${shown}/ (${result.files.length} files). Open ${shown}/index.html\n`);
  return { code: 0, result };
}

/**
 * Compile, then compile again whenever a policy folder or the config changes (debounced), printing
 * the report each time, until `signal` aborts. Returns the exit code of the last compile.
 */
export async function watchCompile(io: Io, inputs: string[], options: CompileCommandOptions, signal: AbortSignal, debounceMs = 150): Promise<number> {
  let code = 2;
  let watched: string[] = [];
  let watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const closeWatchers = () => {
    for (const w of watchers) w.close();
    watchers = [];
  };
  type Target = { path: string; recursive: boolean };
  let outDir = resolve(io.cwd, options.out ?? 'dist');
  const arm = (targets: Target[]) => {
    const key = targets.map((t) => `${t.path}:${t.recursive}`).sort();
    if (key.join('\n') === watched.join('\n') && watchers.length) return;
    closeWatchers();
    watched = key;
    for (const { path, recursive } of targets) {
      try {
        const w = watch(path, { recursive }, (_event, name) => {
          // Our own output, editor swap files and temporaries (dot-files, #x#, x~) do not trigger a compile.
          if (name && /(^|[/\\])(\.|#)|~$|\.swp$/.test(String(name))) return;
          if (name && resolve(path, String(name)).startsWith(outDir)) return;
          schedule();
        });
        w.on('error', () => undefined);
        watchers.push(w);
      } catch {
        /* a folder that disappeared: the next compile reports it */
      }
    }
  };
  const once = async () => {
    try {
      const { code: c, result } = await compileOnce(io, inputs, options);
      code = c;
      outDir = result.outDir;
      const dirs = [...new Set(result.policies.map((p) => p.dir))].filter((d) => !d.startsWith(outDir));
      // Each policy folder (releases included), the folders holding them (a new policy), the config.
      const parents = [...new Set(dirs.map((d) => dirname(d)))].filter((d) => !dirs.includes(d));
      arm([
        ...dirs.map((path) => ({ path, recursive: true })),
        ...parents.map((path) => ({ path, recursive: false })),
        ...(result.configPath ? [{ path: result.configPath, recursive: false }] : []),
      ]);
    } catch (error) {
      code = 2;
      io.stderr(`policyc: ${error instanceof InputError ? error.message : (error as Error).stack}\n`);
      // Nothing compiled (say, no policies yet): watch what was asked for, or the working folder.
      const roots = (inputs.length ? inputs : ['policies']).map((i) => resolve(io.cwd, i)).filter((p) => existsSync(p));
      if (!watchers.length) arm((roots.length ? roots : [io.cwd]).map((path) => ({ path, recursive: path !== io.cwd })));
    }
    if (!signal.aborted) io.stderr('Watching for changes (Ctrl+C to stop)...\n');
  };
  const schedule = () => {
    if (signal.aborted) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(once);
    }, debounceMs);
  };

  running = once();
  await running;
  if (!signal.aborted) await new Promise<void>((done) => signal.addEventListener('abort', () => done(), { once: true }));
  clearTimeout(timer);
  closeWatchers();
  await running;
  io.stderr('Stopped watching.\n');
  return code;
}
