// Every command, each loaded on first call: the CLI's one lazy entry (src/load-commands.ts). In the
// CommonJS bundle esbuild turns each import() into a lazy require, so a command's code is still
// initialised only when that command runs.
import type extractCommand from './extract.js';
import type validateCommand from './validate.js';
import type checkCommand from './check.js';
import type compileCommand from './compile.js';
import type diffCommand from './diff.js';
import type releaseCommand from './release.js';

export const extract: typeof extractCommand = (...a) => import('./extract.js').then((m) => m.default(...a));
export const validate: typeof validateCommand = (...a) => import('./validate.js').then((m) => m.default(...a));
export const check: typeof checkCommand = (...a) => import('./check.js').then((m) => m.default(...a));
export const compile: typeof compileCommand = (...a) => import('./compile.js').then((m) => m.default(...a));
export const diff: typeof diffCommand = (...a) => import('./diff.js').then((m) => m.default(...a));
export const release: typeof releaseCommand = (...a) => import('./release.js').then((m) => m.default(...a));
