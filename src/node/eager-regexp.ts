// Big runs with V8's regular expressions compiled at once (--no-regexp-tier-up).
//
// V8 runs a regular expression in its bytecode interpreter first and compiles it to machine code
// after it has run ("tier-up"). In a long run that went wrong for the extractor's ~450
// expressions: measured in one process, a rights table built after a few hundred others ran ~8x
// slower than the same table built early, and with the flag it did not (corpus extraction ~20%
// less CPU). A small compile is better off with the interpreter, whose first runs cost less than
// compiling (the seed: +20 ms with the flag). The flag cannot be switched in a running process:
// that crashed V8 (SIGSEGV; sessions 3 and 5). So a command facing a big workload runs itself
// again, once, in a child started with the flag, sharing its stdio and returning its exit code.
// The re-run costs ~100 ms (a 300 KB extract: 1,089 against 995 ms started with the flag), so it
// pays only for long runs: the 88-policy corpus compiled on one thread 7.2 s against 7.7 s, one 1 MB
// policy broke even (3.1 s either way), one 300 KB policy lost 85 ms.
import { stat } from 'node:fs/promises';
import { constants } from 'node:os';
import type { Io } from '../io.js';

export const EAGER_REGEXP_FLAG = '--no-regexp-tier-up';
/** Policy text from which a command runs with eager regexps (where the re-run stops costing: see above). */
export const EAGER_REGEXP_AFTER = 1024 * 1024;

/** Whether to run again with the flag: a big workload, the flag not given, the policyc CLI itself. */
export function shouldRerunEager(bytes: number, execArgv: readonly string[], script: string | undefined, env: Io['env']): boolean {
  if (bytes < EAGER_REGEXP_AFTER || execArgv.includes(EAGER_REGEXP_FLAG)) return false;
  if (env.POLICYC_EAGER_REGEXP === 'off') return false;
  // only the CLI runs itself again, never a program that embeds the library (or a test runner)
  return script !== undefined && /(?:^|[\\/])policyc(?:\.js)?$/.test(script);
}

/** Total size of the files that exist among `files` (an estimate of the work ahead). */
export async function sizeOf(files: string[]): Promise<number> {
  let total = 0;
  for (const f of files) total += await stat(f).then((s) => (s.isFile() ? s.size : 0), () => 0);
  return total;
}

/**
 * When `bytes` of policy text make a big run, run this very command again in a child with eager
 * regexps and resolve to its exit code; otherwise resolve to undefined (go on in this process).
 */
export async function rerunEager(io: Io, bytes: number): Promise<number | undefined> {
  const script = process.argv[1];
  if (!shouldRerunEager(bytes, process.execArgv, script, io.env)) return undefined;
  // node:child_process (and net, dgram ... behind it: ~3 ms) only when a child is started; not
  // import(): commands.cjs runs as a vm.Script, which has no dynamic import
  const { spawn } = process.getBuiltinModule('node:child_process');
  if (io.env.POLICYC_EAGER_REGEXP === 'report') io.stderr(`policyc: ${(bytes / 1024).toFixed(0)} KB of policy text: running with ${EAGER_REGEXP_FLAG}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, EAGER_REGEXP_FLAG, script!, ...process.argv.slice(2)], { stdio: 'inherit', env: process.env });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? 128 + (signal ? (constants.signals[signal] ?? 1) : 1)));
  });
}
