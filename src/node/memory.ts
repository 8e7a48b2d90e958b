// The collector behind src/settle.ts: V8's full garbage collection, reached the documented way
// without a command-line flag (the bin cannot pass one): expose it, then take it from a fresh context.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { setSettle } from '../settle.js';

let installed = false;

/** Make settle() run a full collection (once per process; cheap to call again). */
export function installSettle(): void {
  if (installed) return;
  installed = true;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    if (typeof gc === 'function') setSettle(() => (gc as () => void)());
  } catch {
    // No collector: big inputs simply use more memory.
  }
}

/**
 * V8 runs a regular expression in its bytecode interpreter first and compiles it to machine code
 * once it has run ("tier-up"). In a long run the extractor's ~450 expressions did not all stay
 * compiled: late in a corpus pass a lexicon table ran ~8x slower than the same table early on,
 * unless V8 compiled every expression at once (--no-regexp-tier-up: corpus extraction ~20% less
 * CPU). A small compile is better off with the interpreter, whose first runs cost less than
 * compiling (the seed compile: +20 ms eager). So a process switches to eager compiles once it has
 * read this much policy text (readTextFile counts it).
 */
export const EAGER_REGEXP_AFTER = 256 * 1024;
let workload = 0;
let eager = false;

/** Count policy text this process is about to work on; past EAGER_REGEXP_AFTER, compile regexps eagerly. */
export function noteWorkload(bytes: number): void {
  if (eager) return;
  workload += bytes;
  if (workload < EAGER_REGEXP_AFTER) return;
  eager = true;
  try {
    setFlagsFromString('--no-regexp-tier-up');
  } catch {
    // Not this V8: the interpreter stays, and big runs are slower, not wrong.
  }
}

/** Whether this process compiles regular expressions eagerly now (tests). */
export function eagerRegExps(): boolean {
  return eager;
}
