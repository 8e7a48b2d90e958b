#!/usr/bin/env node
// npm run build: what `prepare` runs after npm install / npm ci.
//   1. tsc emits lib/ (the library and its typings), as before;
//   2. the schema is precompiled with Ajv's standalone code into lib/validate/standalone.cjs
//      (src/validate/schema.ts uses it when its schema hash matches, else compiles with Ajv);
//   3. esbuild bundles the CLI into lib/bundle/, which bin/policyc.js loads when present: cli.cjs
//      (commander and the argument parsing), commands.cjs (every command, each initialised on first
//      call) and compile-worker.js (ESM, the worker threads' script). The bundle sits two folders
//      deep, like every lib/ module, so `new URL('../../schemas/...', import.meta.url)` still finds
//      the data files;
//   4. one compile of policies/ saves V8's code cache of commands.cjs (src/node/cached-script.ts).
// `node scripts/build.mjs --no-bundle` stops after step 2.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(import.meta.url);
const step = (s) => process.stderr.write(`build: ${s}\n`);

// 1. tsc
const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

// 2. Ajv standalone validator
const { generateStandalone } = await import(new URL('./build/standalone.mjs', import.meta.url).href);
const esbuild = await import('esbuild');
const schemaText = readFileSync(join(root, 'schemas/policy.schema.json'), 'utf8');
const raw = join(root, 'lib/validate/standalone.raw.cjs');
writeFileSync(raw, generateStandalone(schemaText));
// Bundled, so that loading it reads one file and never pulls in Ajv itself.
await esbuild.build({ entryPoints: [raw], outfile: join(root, 'lib/validate/standalone.cjs'), bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, logLevel: 'warning' });
rmSync(raw);
step('lib/validate/standalone.cjs (precompiled schema)');

// YAML data read at every start, also as JSON (src/data/cache.ts uses it while the YAML is unchanged).
const { jsonCopyOf } = await import(new URL('../lib/data/cache.js', import.meta.url).href);
mkdirSync(join(root, 'lib/data'), { recursive: true });
for (const [yaml, name] of [['schemas/vocabulary.yaml', 'vocabulary'], ['src/lexicons/lexicon.yaml', 'lexicon']])
  writeFileSync(join(root, 'lib/data', `${name}.json`), jsonCopyOf(readFileSync(join(root, yaml), 'utf8')));
// The lexicon's derived tables (required literals, literal automaton), so a start only hydrates them.
const { derivedCopyOf } = await import(new URL('../lib/data/cache.js', import.meta.url).href);
const { compileLexiconData } = await import(new URL('../lib/extract/lexicon.js', import.meta.url).href);
writeFileSync(join(root, 'lib/data/lexicon-compiled.json'), derivedCopyOf(readFileSync(join(root, 'src/lexicons/lexicon.yaml'), 'utf8'), compileLexiconData));
step('lib/data/{vocabulary,lexicon,lexicon-compiled}.json (YAML data as JSON; the compiled lexicon)');

if (process.argv.includes('--no-bundle')) process.exit(0);

// 3. The CLI bundle
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const outdir = join(root, 'lib/bundle');
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
/** lib/cli.js reads ../package.json for --version; from lib/bundle/ that path would miss, so inline it. */
const inlineVersion = {
  name: 'inline-version',
  setup(build) {
    build.onLoad({ filter: /[\\/]lib[\\/]cli\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const needle = "require('../package.json')";
      if (!text.includes(needle)) throw new Error(`build: ${needle} not found in lib/cli.js; update scripts/build.mjs`);
      return { contents: text.replace(needle, JSON.stringify({ version })), loader: 'js' };
    });
  },
};
/**
 * vfile-reporter measures every cell of the report with string-width, whose emoji regular
 * expression takes ~10-20 ms to compile on first use: in the bundle, plain printable ASCII (every
 * rule id, position and almost every message) is measured by its length, anything else as before.
 */
const asciiStringWidth = {
  name: 'ascii-string-width',
  setup(build) {
    build.onResolve({ filter: /^string-width$/ }, (args) => (args.namespace !== 'ascii-string-width' && /[\\/]vfile-reporter[\\/]/.test(args.importer) ? { path: args.importer, namespace: 'ascii-string-width' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'ascii-string-width' }, (args) => ({
      contents: "import width from 'string-width';\nexport default function stringWidth(s, options) { return /^[\\x20-\\x7e]*$/.test(s) ? s.length : width(s, options); }\n",
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};
/**
 * commander requires node:child_process at load, for executable subcommands, which policyc does not
 * have; with it come net, dgram and the socket modules (~3 ms of every start, --version included).
 * In the bundle it is required when a subcommand would spawn, never otherwise.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const needle = "const childProcess = require('node:child_process');";
      if (!text.includes(needle)) throw new Error(`build: ${needle} not found in ${args.path}; update scripts/build.mjs`);
      return { contents: text.replace(needle, "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };"), loader: 'js' };
    });
  },
};
/** vfile-reporter sorts with vfile-sort, whose localeCompare is locale-dependent and loads ICU: use ours (src/report/message-order.ts). */
const codeUnitSort = {
  name: 'code-unit-sort',
  setup(build) {
    build.onResolve({ filter: /^vfile-sort$/ }, (args) => (/[\\/]vfile-reporter[\\/]/.test(args.importer) ? { path: join(root, 'lib/report/message-order.js') } : undefined));
  },
};
/** rehype-raw is required on first use (lib/render/rehype-raw-lazy.js); the bundle requires its own CommonJS build of it, beside the other bundle files. */
const lazyRehypeRaw = {
  name: 'lazy-rehype-raw',
  setup(build) {
    build.onLoad({ filter: /[\\/]render[\\/]rehype-raw-lazy\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes("('rehype-raw')")) throw new Error(`${args.path}: the require of rehype-raw this plugin rewrites is gone`);
      return { contents: text.replace("('rehype-raw')", "('./rehype-raw.cjs')"), loader: 'js' };
    });
  },
};
// The commands as one CommonJS file, so that V8's code cache can hold them (src/node/cached-script.ts);
// it sits in lib/bundle/ like the other bundle files, so its relative paths (data, rehype-raw.cjs) are theirs.
const commandsFile = join(outdir, 'commands.cjs');
/** What both CommonJS builds (the commands, rehype-raw) share. */
const cjsBuild = { bundle: true, format: 'cjs', platform: 'node', target: 'node20', minify: !process.env.POLICYC_BUILD_READABLE, legalComments: 'none', logLevel: 'warning' };
await esbuild.build({
  ...cjsBuild,
  entryPoints: [join(root, 'lib/commands/all.js')],
  outfile: commandsFile,
  plugins: [asciiStringWidth, lazyRehypeRaw, codeUnitSort],
  // a CommonJS file has no import.meta: its URL is the file's own, as in the ESM worker script
  define: { 'import.meta.url': '__policyc_module_url' },
  banner: { js: "const __policyc_module_url=require('node:url').pathToFileURL(__filename).href;" },
});
const commandsHash = createHash('sha256').update(readFileSync(commandsFile)).digest('hex');
/** The CLI's loadCommands() (lib/load-commands.js) becomes: run commands.cjs with its code cache. */
const cachedCommands = {
  name: 'cached-commands',
  setup(build) {
    build.onLoad({ filter: /[\\/]lib[\\/]load-commands\.js$/ }, () => ({
      contents: [
        `import { requireBundle } from ${JSON.stringify(join(root, 'lib/node/cached-script.js'))};`,
        "import { fileURLToPath } from 'node:url';",
        'let commands;',
        `export const loadCommands = async () => (commands ??= requireBundle(fileURLToPath(new URL('./commands.cjs', import.meta.url)), ${JSON.stringify(commandsHash)}));`,
      ].join('\n'),
      loader: 'js',
    }));
  },
};
/** What the CLI's builds share (the worker script's too: it compiles policies as the CLI does). */
const cliPlugins = [inlineVersion, asciiStringWidth, lazyRehypeRaw, codeUnitSort, cachedCommands, lazyChildProcess];
// The worker threads' script: ESM, since a worker thread loads its file as the package says.
await esbuild.build({
  entryPoints: { 'compile-worker': join(root, 'lib/node/compile-worker.js') },
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: !process.env.POLICYC_BUILD_READABLE, // readable names for profiling: POLICYC_BUILD_READABLE=1 npm run build
  legalComments: 'none',
  plugins: cliPlugins,
  // CommonJS dependencies (commander, ajv-formats, ...) call require(); give the ESM bundle one.
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
  logLevel: 'warning',
});
// The CLI as CommonJS, which bin/policyc.js (CommonJS too) requires: no ES module loader at start.
await esbuild.build({
  ...cjsBuild,
  entryPoints: [join(root, 'lib/cli.js')],
  outfile: join(outdir, 'cli.cjs'),
  plugins: cliPlugins,
  define: { 'import.meta.url': '__policyc_module_url' },
  banner: { js: "const __policyc_module_url=require('node:url').pathToFileURL(__filename).href;" },
});
await esbuild.build({
  ...cjsBuild,
  stdin: { contents: "export { default } from 'rehype-raw';", resolveDir: root, sourcefile: 'rehype-raw-entry.js' },
  outfile: join(outdir, 'rehype-raw.cjs'),
});
writeFileSync(join(outdir, 'README.md'), `Generated by scripts/build.mjs (esbuild) from lib/; do not edit. Schema sha256 ${createHash('sha256').update(schemaText).digest('hex')}.\n`);
step('lib/bundle/cli.cjs and compile-worker.js (esbuild bundles of the CLI; the commands in commands.cjs)');

// 4. V8's code cache of commands.cjs: compile the bundled policies once and keep what V8 compiled.
// The cache fits only this Node version; another one rejects it and simply compiles as before.
const policies = join(root, 'policies');
if (existsSync(policies)) {
  const out = mkdtempSync(join(tmpdir(), 'policyc-build-'));
  const run = spawnSync(process.execPath, [join(root, 'bin/policyc.js'), 'compile', policies, '--out', join(out, 'dist')], {
    cwd: root,
    env: { ...process.env, POLICYC_CODE_CACHE: 'write', SOURCE_DATE_EPOCH: '0', CI: '1' },
    encoding: 'utf8',
  });
  rmSync(out, { recursive: true, force: true });
  const { cacheFileOf } = await import(new URL('../lib/node/cached-script.js', import.meta.url).href);
  const cache = cacheFileOf(commandsFile, commandsHash);
  if (existsSync(cache)) step(`lib/bundle/${basename(cache)} (V8 code cache, ${Math.round(statSync(cache).size / 1024)} KB)`);
  else step(`no code cache (the compile of policies/ exited ${run.status}): the CLI works, compiling its code at each start\n${run.stderr}`);
}
