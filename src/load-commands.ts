// Where the CLI gets its commands. Here: the ES modules of lib/commands/. The bundle replaces this
// module (scripts/build.mjs) with one that runs lib/bundle/commands.cjs through V8's code cache
// (src/node/cached-script.ts).
export type Commands = typeof import('./commands/all.js');

export function loadCommands(): Promise<Commands> {
  return import('./commands/all.js');
}
