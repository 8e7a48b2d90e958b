// String order for everything that reaches an output. Not localeCompare: its order depends on the
// ICU build and the user's locale (so output would too), and its first call costs ~8 ms of ICU
// start-up in every process.

/** Compare by UTF-16 code unit, as Array.prototype.sort does by default. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
