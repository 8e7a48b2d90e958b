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
