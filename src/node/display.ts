// How messages show a file: relative to the working folder when inside it, else absolute.
import { relative } from 'node:path';

/** Paths as messages show them: relative to `from` when inside it, else absolute (`from` null: always absolute). */
export function displayer(from: string | null): (path: string) => string {
  if (from === null) return (p) => p;
  return (p) => {
    const rel = relative(from, p);
    return rel && !rel.startsWith('..') ? rel.split('\\').join('/') : p;
  };
}
