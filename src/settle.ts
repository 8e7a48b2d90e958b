// Memory for big inputs (issue #7: a 5 MB policy compiles in under 500 MB). V8 collects lazily:
// a compile's stages each leave hundreds of MB of garbage that a full collection would free, and
// the process's peak is the sum. The pure stages call settle() at their seams (every ~1 MB parsed
// or rendered); it does nothing unless the node layer installed a collector (src/node/memory.ts),
// so the library stays free of process concerns and small inputs never pay for it.

let collect: (() => void) | null = null;

/** Install (or remove, with null) what settle() runs. */
export function setSettle(fn: (() => void) | null): void {
  collect = fn;
}

/** A seam between two heavy steps of a big input: collect garbage now, if a collector is installed. */
export function settle(): void {
  collect?.();
}

/** Inputs (or outputs) of at least this many characters settle between stages. */
export const SETTLE_ABOVE = 1024 * 1024;
