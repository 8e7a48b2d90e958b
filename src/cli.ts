// The thin CLI: parse argv, call a command, return an exit code. Only commander and node:* are
// imported here; each command loads its stages lazily (start-up stays near `node -e 0`).
// Exit codes: 0 ok (warnings allowed), 1 violations or a failed gate, 2 could not run.
import { createRequire } from 'node:module';
import { Command, CommanderError, Option } from 'commander';
import { processIo, type Io } from './io.js';
import { loadCommands } from './load-commands.js';

const require = createRequire(import.meta.url);

export async function run(argv: string[], ioOverrides: Partial<Io> = {}): Promise<number> {
  const io: Io = { ...processIo(), ...ioOverrides };
  let exitCode = 0;
  const program = new Command('policyc');
  const version = (require('../package.json') as { version: string }).version;
  program
    .description('The privacy-policy compiler: markdown policy -> validated model -> published pages and diffs.')
    .version(version, '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run policyc --help for usage)');

  const reporter = () => new Option('--reporter <name>', 'diagnostics format: human, json, github, sarif').default('human');
  // Each action loads the commands (and its own command's code) only when it runs.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const action = (fn: (...args: any[]) => Promise<number>) => async (...args: unknown[]) => {
    exitCode = await fn(...args);
  };

  program
    .command('extract')
    .description('Extract the model of a markdown policy (YAML or JSON)')
    .argument('<policy.md>', 'the policy source')
    .option('-o, --output <file>', 'write the model to a file instead of stdout')
    .addOption(new Option('--format <format>', 'result format').choices(['yaml', 'json']).default('yaml'))
    .option('--update', 'merge the fresh extraction into the reviewed policy.yaml beside the policy (or -o FILE), keeping declared and reviewed items byte for byte')
    .addOption(reporter())
    .addHelpText('after', '\nExamples:\n  $ policyc extract policies/kaspersky-uk/policy.md\n  $ policyc extract policy.md --format json -o policy.json\n  $ policyc extract policies/acme/policy.md --update   # refresh policies/acme/policy.yaml')
    .action(action((file: string, opts: object) => loadCommands().then((c) => c.extract(io, file, opts))));

  program
    .command('validate')
    .description('Validate model files (YAML/JSON) against the schema and vocabulary, or the model of a markdown policy')
    .argument('<file...>', 'policy.yaml, policy.json or policy.md files')
    .addOption(reporter())
    .addHelpText('after', '\nExamples:\n  $ policyc validate policies/acme/policy.yaml\n  $ policyc validate dist/acme/1.0.0/policy.json --reporter json')
    .action(action((files: string[], opts: object) => loadCommands().then((c) => c.validate(io, files, opts))));

  program
    .command('check')
    .description('Check policies against structural rules and jurisdiction profiles (gdpr, ccpa)')
    .argument('[policy...]', 'policy files or folders (default: policies/)')
    .option('--profile <names>', 'profiles to apply, comma-separated: gdpr, ccpa (default: front matter jurisdictions, else policyc.config.yaml)')
    .option('--as-of <date>', 'date to measure "older than 12 months" against (default: SOURCE_DATE_EPOCH, else today)')
    .option('--config <file>', 'policyc.config.yaml to use (default: found by walking up from the working directory)')
    .addOption(reporter())
    .addHelpText('after', '\nExamples:\n  $ policyc check policies/kaspersky-uk --profile gdpr\n  $ policyc check --as-of 2025-01-01 --reporter sarif > check.sarif')
    .action(action((inputs: string[], opts: object) => loadCommands().then((c) => c.check(io, inputs, opts))));

  program
    .command('compile')
    .description('Parse, extract, validate and render policies into a static site')
    .argument('[policy-or-folder...]', 'policy files or folders (default: policies/)')
    .option('--out <dir>', 'output folder (default: out in policyc.config.yaml, else dist)')
    .option('--strict', 'fail on warnings too')
    .option('--watch', 'compile again whenever a policy or the config changes (Ctrl+C to stop)')
    .option('--no-drafts', 'publish releases only: check unreleased drafts but do not render them (for CI)')
    .option('--shard <k/n>', 'compile only shard k of n (a CI matrix job); policies are split by a hash of their id')
    .addOption(reporter())
    .addHelpText(
      'after',
      '\nExamples:\n  $ policyc compile                       # every policy under policies/ into dist/\n  $ policyc compile policies/acme --out site\n  $ policyc compile --watch               # recompile on save while editing\n  $ policyc compile --no-drafts           # CI: publish released versions only\n  $ policyc compile --shard 2/4 --out dist-2   # one job of a 4-job CI matrix\n\nEach release under policies/<id>/releases/<version>/ is rendered as dist/<id>/<version>/; the\ncurrent release also at dist/<id>/. A draft that differs from every release gets a DRAFT banner.\nSite settings (base URL, organisation name) come from policyc.config.yaml.',
    )
    .action(action((inputs: string[], opts: object) => loadCommands().then((c) => c.compile(io, inputs, opts))));

  const collect = (value: string, previous: string[] = []) => [...previous, value];

  program
    .command('diff')
    .description('What changed between two versions, in substance (classified, with the semver bump it requires) and in words')
    .argument('<a>', 'old version: policy.md, policy.yaml/json, a release (acme@1.0.0) or the draft (acme@draft)')
    .argument('[b]', 'new version (omit with --base)')
    .option('--base <rev>', 'compare the working copy of <a> with its version at a git revision (read with git show)')
    .addOption(new Option('--format <format>', 'result format').choices(['text', 'md', 'html', 'json']).default('text'))
    .addOption(new Option('--layout <layout>', 'HTML redline layout').choices(['inline', 'side-by-side']).default('inline'))
    .addOption(new Option('--fail-on <class>', 'exit 1 when a change of this class (or a graver one) exists; needs-review counts as material').choices(['material', 'minor', 'any']))
    .option('--override <key=class:reason>', 'reclassify a change, with the reason (repeatable)', collect)
    .addOption(reporter())
    .addHelpText(
      'after',
      '\nExamples:\n  $ policyc diff kaspersky-uk@1.0.0 kaspersky-uk@2.0.0\n  $ policyc diff policies/acme/policy.md --base main --format md > comment.md\n  $ policyc diff old.md new.md --fail-on material        # CI gate: exit 1 on a material change\n\nClasses: material (needs notice or consent), needs review (a changed practice sentence the\nmodels cannot explain), minor (a new disclosure, no new use), editorial (wording only).\nRequired bump: material or needs review -> major, minor -> minor, editorial -> patch.',
    )
    .action(action((a: string, b: string | undefined, opts: object) => loadCommands().then((c) => c.diff(io, b === undefined ? [a] : [a, b], opts))));

  program
    .command('release')
    .description('Freeze the draft policies/<id>/policy.md as an immutable release')
    .argument('<id>', 'the policy id (its folder under policies/)')
    .argument('[version]', 'X.Y.Z (default: the draft\'s front-matter version)')
    .addOption(new Option('--bump <part>', 'the next version from the latest release').choices(['major', 'minor', 'patch']))
    .option('--force', 'allow a smaller bump than the changes require (needs --reason; recorded)')
    .option('--reason <text>', 'why --force is right')
    .option('--override <key=class:reason>', 'reclassify a change, with the reason, recorded in the release (repeatable)', collect)
    .option('--policies <dir>', 'folder holding the policies', 'policies')
    .addOption(reporter())
    .addHelpText('after', '\nExamples:\n  $ policyc release kaspersky-uk --bump major\n  $ policyc release acme 1.1.0\n  $ policyc release acme --bump patch --force --reason "typo fix the extractor misreads"')
    .action(action((id: string, version: string | undefined, opts: object) => loadCommands().then((c) => c.release(io, id, version, opts))));

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return handleError(error, io);
  }
}

function handleError(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    // --help and --version "fail" with exit code 0; usage errors are "could not run".
    return error.exitCode === 0 ? 0 : 2;
  }
  const e = error as Error;
  switch (e?.name) {
    case 'UsageError':
      io.stderr(`policyc: ${e.message}\n(run policyc --help for usage)\n`);
      return 2;
    case 'InputError':
      io.stderr(`policyc: ${e.message}\n`);
      return 2;
    case 'RangeError':
      // A stack overflow on pathological input (src/parse/guard.ts caps the common shapes): say so, no stack trace.
      if (/call stack/i.test(e.message)) {
        io.stderr('policyc: the input is nested too deeply to process (stack overflow); flatten the deepest nesting (HTML, lists, quotes) and retry\n');
        return 2;
      }
      break;
  }
  io.stderr(`policyc: internal error: ${e?.stack ?? String(error)}\nThis is a bug in policyc; please report it with the input that caused it.\n`);
  return 2;
}
