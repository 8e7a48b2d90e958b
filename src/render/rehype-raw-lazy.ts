// rehype-raw (parse5 and its entity tables, ~200 KB) is needed only for markdown that holds raw
// HTML; loading it cost ~20 ms of every start. It is required on first use instead, synchronously
// so that rendering stays a sync API (require of an ES module: Node >= 20.19). The CLI bundle
// swaps the specifier for its own CommonJS build of rehype-raw (scripts/build.mjs). Hosts whose
// require cannot load ES modules (jest's module registry) call loadRehypeRaw() first.
import { createRequire } from 'node:module';
import type { Plugin } from 'unified';
import type { Root } from 'hast';

type RehypeRaw = Plugin<[], Root>;
let plugin: RehypeRaw | undefined;

export function rehypeRaw(): RehypeRaw {
  plugin ??= (createRequire(import.meta.url)('rehype-raw') as { default: RehypeRaw }).default;
  return plugin;
}

/** Load rehype-raw ahead of use by dynamic import. */
export async function loadRehypeRaw(): Promise<void> {
  plugin ??= (await import('rehype-raw')).default as RehypeRaw;
}
