#!/usr/bin/env node
// The bin never exits: it sets the exit code that run() returns (style.md principle 2).
// It loads the esbuild bundle (lib/bundle/cli.cjs, built by scripts/build.mjs) when present: one
// file per command instead of hundreds from node_modules, so start-up stays near `node -e 0`.
// It is CommonJS (bin/package.json) and so is the bundle it requires: a start that needs no ES
// module loader is ~6 ms quicker, and every command pays it (--version included).
// POLICYC_NO_BUNDLE=1 runs lib/cli.js (the tsc output, ESM) instead.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'lib', 'bundle', 'cli.cjs');
const cli = !process.env.POLICYC_NO_BUNDLE && existsSync(bundle) ? Promise.resolve(require(bundle)) : import('../lib/cli.js');
cli
  .then(({ run }) => run(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
  });
