// jest's module registry cannot require an ES module on Node 20, so rehype-raw (required lazily
// by src/render/rehype-raw-lazy.ts) is imported ahead of each test file. The CLI tests
// (test/raw-html-cli.test.ts) run the real lazy require, in lib/ and in the bundle.
import { loadRehypeRaw } from '../src/render/rehype-raw-lazy.js';

await loadRehypeRaw();
