// policyc check [policy...] [--profile gdpr,ccpa] [--as-of DATE] [--reporter ...] [--config FILE]
// Runs the structural rules and the jurisdiction profiles; findings keep their severities, so
// errors fail (exit 1). Prints which as-of date and which profiles it used, and where from.
import { existsSync } from 'node:fs';
import { join, basename, dirname, resolve } from 'node:path';
import { statSync, readdirSync } from 'node:fs';
import type { Io, CommonOptions } from '../io.js';
import { readTextFile } from '../io/read.js';
import { InputError, UsageError, inputErrorDiagnostic } from '../errors.js';
import { discoverPolicies, idForFile, type PolicyLocation } from '../node/discover.js';
import { loadConfig } from '../node/config.js';
import { extractPolicy, reportsOf } from '../pipeline.js';
import { runChecks, chooseProfiles, resolveAsOf, isIsoDate, unknownProfiles, PROFILES, RULES } from '../check/index.js';
import type { FileReport } from '../report/index.js';
import { printReport, displayPath } from './report.js';

export interface CheckCommandOptions extends CommonOptions {
  profile?: string;
  asOf?: string;
  config?: string;
}

export default async function checkCommand(io: Io, inputs: string[], options: CheckCommandOptions): Promise<number> {
  const cliProfiles = options.profile ? options.profile.split(/[\s,]+/).filter(Boolean) : undefined;
  const bad = unknownProfiles(cliProfiles ?? []);
  if (bad.length) throw new UsageError(`Unknown profile ${bad.map((b) => `"${b}"`).join(', ')}: use ${PROFILES.join(', ')}`);
  if (options.asOf && !isIsoDate(options.asOf)) throw new UsageError(`--as-of must be a date like 2024-05-01, not "${options.asOf}"`);

  const config = await loadConfig(io.cwd, options.config);
  if (config.diagnostics.some((d) => d.severity === 'error')) {
    const shown = config.path ? displayPath(io, config.path) : 'policyc.config.yaml';
    await printReport(io, [{ path: shown, diagnostics: config.diagnostics.map((d) => ({ ...d, file: undefined })) }], options, 'stdout');
    io.stderr(`policyc: ${shown} is not valid; fix it and run again\n`);
    return 2;
  }
  const configReports: FileReport[] = [];
  const unknownRules = Object.keys(config.config.rules ?? {}).filter((k) => !isRuleSelector(k));
  if (unknownRules.length && config.path) {
    const text = await readTextFile(config.path);
    const lines = text.split('\n');
    configReports.push({
      path: displayPath(io, config.path),
      diagnostics: unknownRules.map((k) => {
        const i = lines.findIndex((l) => l.includes(k));
        return { ruleId: 'config/unknown-rule', severity: 'warning' as const, message: `No rule "${k}" in policyc check; rules are ${RULES.map((r) => r.id.split('/')[0]).filter((g, n, a) => a.indexOf(g) === n).map((g) => `${g}/*`).join(', ')} (see docs/policy-as-code.md)`, start: { line: i + 1 || 1, column: Math.max(1, (lines[i] ?? '').indexOf(k) + 1) }, source: 'config' };
      }),
    });
  }
  const asOf = resolveAsOf(options.asOf, io.env);
  io.stderr(
    asOf.from === 'today'
      ? `Checking as of ${asOf.date} (today's date: pass --as-of DATE or set SOURCE_DATE_EPOCH for a reproducible check)\n`
      : `Checking as of ${asOf.date} (from ${asOf.from})\n`,
  );

  const policies = await findPolicies(inputs, io.cwd);
  const reports: FileReport[] = [...configReports];
  for (const loc of policies) {
    const shown = displayPath(io, loc.file);
    let text: string;
    try {
      text = await readTextFile(loc.file);
    } catch (error) {
      if (!(error instanceof InputError) || error.ruleId === 'input/unreadable') throw error;
      reports.push({ path: shown, diagnostics: [inputErrorDiagnostic(error)] });
      continue;
    }
    const yamlPath = join(loc.dir, 'policy.yaml');
    const reviewed = basename(loc.file) === 'policy.md' && dirname(loc.file) === loc.dir && existsSync(yamlPath) ? { path: displayPath(io, yamlPath), text: await readTextFile(yamlPath) } : undefined;
    const result = extractPolicy({ id: loc.id, path: shown, text, ...(reviewed ? { reviewed } : {}) });
    const choice = chooseProfiles(cliProfiles, result.model.policy.jurisdictions ?? [], config.config.profiles);
    io.stderr(
      `${shown}: ${choice.profiles.length ? `profiles ${choice.profiles.join(', ')} (from ${choice.from})` : 'no jurisdiction profile (set front matter jurisdictions, profiles in policyc.config.yaml, or --profile); structural rules only'}${reviewed ? `, reviewed model ${reviewed.path}` : ''}\n`,
    );
    const findings = runChecks(result, { profiles: choice.profiles, asOf: asOf.date, severities: config.config.rules, strict: true });
    reports.push(...reportsOf(shown, [...result.diagnostics, ...findings]));
  }
  const { errors, warnings } = await printReport(io, reports, options, 'stdout');
  if ((options.reporter ?? 'human') === 'human' && errors + warnings === 0) io.stderr(`${policies.length} polic${policies.length === 1 ? 'y' : 'ies'} checked: no findings\n`);
  return errors > 0 ? 1 : 0;
}

/** A rule id, "group/*" or "group" that the check rules know. */
function isRuleSelector(key: string): boolean {
  return RULES.some((r) => r.id === key || r.id.split('/')[0] === key || `${r.id.split('/')[0]}/*` === key);
}

/** Folders as compile finds them; a file is checked whatever its name (like extract and validate). */
async function findPolicies(inputs: string[], cwd: string): Promise<PolicyLocation[]> {
  if (!inputs.length) return discoverPolicies([], cwd);
  const out: PolicyLocation[] = [];
  for (const arg of inputs) {
    const path = resolve(cwd, arg);
    let isFile = false;
    try {
      isFile = statSync(path).isFile();
    } catch {
      /* discoverPolicies reports it */
    }
    if (isFile) out.push({ id: idForFile(path), file: path, dir: dirname(path) });
    else {
      try {
        out.push(...(await discoverPolicies([arg], cwd)));
      } catch (error) {
        // A folder of loose policies (a corpus): check every markdown file in it.
        const loose = error instanceof InputError && error.ruleId === 'input/no-policies' ? readdirSync(path).filter((n) => /\.(md|markdown)$/i.test(n)).sort() : [];
        if (!loose.length) throw error;
        for (const name of loose) out.push({ id: idForFile(join(path, name)), file: join(path, name), dir: path });
      }
    }
  }
  return out.filter((p, i) => out.findIndex((q) => q.file === p.file) === i);
}
