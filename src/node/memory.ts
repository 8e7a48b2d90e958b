// The collector behind src/settle.ts: V8's full garbage collection, reached the documented way
// without a command-line flag (the bin cannot pass one): expose it, then take it from a fresh context.
// Only inputs of SETTLE_ABOVE or more ever settle, so the flag, node:v8 and the fresh context (~3 ms
// of every start) are set up at the first settle(), not when a compile begins.
import { setSettle } from '../settle.js';

let installed = false;

/** Make settle() run a full collection (once per process; cheap to call again). */
export function installSettle(): void {
  if (installed) return;
  installed = true;
  let gc: (() => void) | null | undefined;
  setSettle(() => {
    if (gc === undefined) gc = exposeGc();
    gc?.();
  });
}

function exposeGc(): (() => void) | null {
  try {
    process.getBuiltinModule('node:v8').setFlagsFromString('--expose-gc');
    const gc = process.getBuiltinModule('node:vm').runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null; // no collector: big inputs simply use more memory
  }
}
