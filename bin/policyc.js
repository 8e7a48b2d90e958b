#!/usr/bin/env node
// The bin never exits: it sets the exit code that run() returns (style.md principle 2).
// It loads the esbuild bundle (lib/bundle/cli.js, built by scripts/build.mjs) when present: one
// file per command instead of hundreds from node_modules, so start-up stays near `node -e 0`.
// POLICYC_NO_BUNDLE=1 runs lib/cli.js (the tsc output) instead.
import { existsSync } from 'node:fs';

const bundle = new URL('../lib/bundle/cli.js', import.meta.url);
const { run } = await import(!process.env.POLICYC_NO_BUNDLE && existsSync(bundle) ? bundle.href : '../lib/cli.js');

process.exitCode = await run(process.argv.slice(2));
