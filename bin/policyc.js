#!/usr/bin/env node
// The bin never exits: it sets the exit code that run() returns (style.md principle 2).
import { run } from '../lib/cli.js';

process.exitCode = await run(process.argv.slice(2));
