// Node layer of compile: read the config, discover the policies, read every release and the
// draft, check that no published release was changed, run the pure pipeline and renderers, and
// write the site atomically (a failed compile leaves the previous output as it was).
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { discoverPolicies, type PolicyLocation } from './discover.js';
import { listReleases, sha256, compareVersions, type Release } from './releases.js';
import { loadConfig, type Config } from './config.js';
import { readTextFile } from '../io/read.js';
import { InputError, inputErrorDiagnostic } from '../errors.js';
import { extractPolicy, reportsOf } from '../pipeline.js';
import { runChecks, chooseProfiles, resolveAsOf } from '../check/index.js';
import { parseMarkdown } from '../parse/markdown.js';
import { readFrontMatter } from '../parse/frontmatter.js';
import { renderPolicySite, renderSiteFiles, type Emit, type PolicyBuild, type PolicySummary, type SiteOptions, type VersionBuild } from '../render/site.js';
import type { Differ } from '../render/changes.js';
import { StagedOutput } from './write.js';
import { displayer } from './display.js';
import { settle, SETTLE_ABOVE } from '../settle.js';
import { installSettle } from './memory.js';
import { schemaPath, checkModel } from '../validate/schema.js';
import type { FileReport } from '../report/index.js';
import type { PolicyModel } from '../model/types.js';
import { hasErrors, type Diagnostic } from '../diagnostics.js';
import { selectShard, type Shard } from './shard.js';
import { workerCount, compileInWorkers } from './workers.js';

export interface CompileOptions {
  cwd: string;
  /** Policy files or folders; default: `policies` from the config (relative to it), else ./policies. */
  inputs: string[];
  /** Output folder; default: `out` from the config (relative to it), else ./dist. */
  outDir?: string;
  /** Fail on warnings too. */
  strict?: boolean;
  /** Show paths in messages relative to this folder (the CLI passes its cwd); absolute otherwise. */
  displayFrom?: string;
  /** Environment (SOURCE_DATE_EPOCH). */
  env?: Record<string, string | undefined>;
  /** Settings; read from policyc.config.yaml (walking up from cwd) when absent. */
  config?: Config;
  /** The differ for changes pages, feeds and banners (default: the diff engine; a custom one keeps the compile on one thread). */
  differ?: Differ;
  /** Render unreleased drafts (default true); CI publishing a public site passes false. Drafts are checked either way. */
  drafts?: boolean;
  /** Compile only this shard of the policies (--shard k/n; src/node/shard.ts). */
  shard?: Shard;
  /** Called as policies are done (a progress bar; src/node/progress.ts). */
  onProgress?: (done: number, total: number, label: string) => void;
}

export interface CompileResult {
  policies: PolicyLocation[];
  reports: FileReport[];
  /** Whether the output folder was written. */
  written: boolean;
  /** The files written, relative to the output folder, sorted (empty when nothing was written). */
  files: string[];
  /** The config file read, if any (watch mode watches it too). */
  configPath: string | null;
  /** The output folder (absolute). */
  outDir: string;
}

/** How one policy is compiled: plain data, so that a worker thread can receive it. */
export interface PolicyJob {
  drafts: boolean;
  strict: boolean;
  config: Config;
  /** The date check rules judge against (diagnostics only; never written into an output). */
  asOf: string;
  displayFrom: string | null;
  site: Omit<SiteOptions, 'differ' | 'schemaText'>;
}

/** What compiling one policy gives: its reports and, when it was written, what the index needs. */
export interface PolicyOutcome {
  reports: FileReport[];
  failed: boolean;
  summary: PolicySummary | null;
  /** Paths written into the staging folder. */
  files: string[];
}

/** What a compile reads: the policies named, else the config's `policies` folder, else ./policies (discover's default). */
export function compileInputs(inputs: string[], config: Config, configPath: string | null, cwd: string): string[] {
  return inputs.length || !config.policies ? inputs : [resolve(configPath ? dirname(configPath) : cwd, config.policies)];
}

export async function compile(options: CompileOptions): Promise<CompileResult> {
  const displayFrom = options.displayFrom ?? null;
  const display = displayer(displayFrom);
  const reports: FileReport[] = [];
  let config = options.config;
  let configPath: string | null = null;
  if (!config) {
    const loaded = await loadConfig(options.cwd);
    config = loaded.config;
    configPath = loaded.path;
    if (loaded.diagnostics.length) reports.push({ path: display(loaded.path ?? 'policyc.config.yaml'), diagnostics: loaded.diagnostics.map(({ file: _f, ...d }) => d) });
  }
  const configDir = configPath ? dirname(configPath) : options.cwd;
  const inputs = compileInputs(options.inputs, config, configPath, options.cwd);
  const outDir = resolve(options.cwd, options.outDir ?? (config.out ? resolve(configDir, config.out) : 'dist'));
  const policies = selectShard(await discoverPolicies(inputs, options.cwd), options.shard);
  const job: PolicyJob = {
    drafts: options.drafts ?? true,
    strict: options.strict ?? false,
    config,
    asOf: resolveAsOf(undefined, options.env ?? {}).date,
    displayFrom,
    site: { baseUrl: config.site?.base_url, siteName: config.site?.name, fallbackDate: epochDate(options.env?.SOURCE_DATE_EPOCH) },
  };
  const schemaText = await readFile(fileURLToPath(schemaPath), 'utf8');
  installSettle();
  // Each policy is compiled, rendered and written into the staging folder before the next one
  // starts, so memory holds one policy at a time, not the site; nothing is published until every
  // policy passed (the staging folder is dropped otherwise).
  let staging: StagedOutput | null = null;
  const stage = async () => (staging ??= await StagedOutput.open(outDir));
  try {
    const jobs = options.differ ? 0 : workerCount(policies.length, options.env);
    let outcomes: PolicyOutcome[] | null = null;
    if (jobs) outcomes = await compileInWorkers(policies, job, (await stage()).dir, jobs, options.onProgress);
    if (!outcomes) {
      outcomes = [];
      const differ = options.differ ? async () => options.differ! : siteDiffer;
      let failed = false;
      for (const [i, loc] of policies.entries()) {
        const output = async (): Promise<Emit> => {
          const s = await stage();
          return (path, content) => s.put(path, content);
        };
        const outcome = await compilePolicy(loc, job, failed ? null : output, differ);
        failed ||= outcome.failed;
        outcomes.push(outcome);
        options.onProgress?.(i + 1, policies.length, loc.id);
      }
    }
    for (const o of outcomes) reports.push(...o.reports);
    const failed = blocksPublishing(reports, job.strict);
    if (failed) {
      await (staging as StagedOutput | null)?.abort();
      return { policies, reports, written: false, files: [], configPath, outDir };
    }
    const out = await stage();
    const files = outcomes.flatMap((o) => o.files);
    renderSiteFiles(
      outcomes.flatMap((o) => (o.summary ? [o.summary] : [])),
      { ...job.site, schemaText },
      (path, content) => {
        out.put(path, content);
        files.push(path);
      },
    );
    await out.commit();
    return { policies, reports, written: true, files: files.sort(), configPath, outDir };
  } catch (error) {
    await (staging as StagedOutput | null)?.abort();
    throw error;
  }
}

/**
 * Compile one policy: check its releases, extract and check its draft, and (when it passed and
 * `output` is given) render its folder of the site into the staging folder. Runs in the main
 * thread or in a worker (src/node/compile-worker.ts): the same function either way.
 */
export async function compilePolicy(loc: PolicyLocation, job: PolicyJob, output: (() => Promise<Emit>) | null, differ: () => Promise<Differ> = siteDiffer): Promise<PolicyOutcome> {
  const reports: FileReport[] = [];
  const build = await buildPolicy(loc, displayer(job.displayFrom), reports, job);
  const failed = blocksPublishing(reports, job.strict);
  // No build without an error: a policy with nothing to publish (--no-drafts, nothing released).
  if (failed || !build || !output) return { reports, failed, summary: null, files: [] };
  const put = await output();
  const files: string[] = [];
  // A policy with one version has nothing to compare: the diff engine is loaded only when needed.
  const site = { ...job.site, schemaText: '', ...(build.versions.length > 1 ? { differ: await differ() } : {}) };
  const summary = renderPolicySite(build, site, (path, content) => {
    put(path, content);
    files.push(path);
    if (content.length >= SETTLE_ABOVE) settle(); // the big string is on disk: drop it and its makings
  });
  return { reports, failed: false, summary, files };
}

/** An error, or with --strict a warning, anywhere: nothing is published. */
function blocksPublishing(reports: FileReport[], strict: boolean): boolean {
  return reports.some((r) => hasErrors(r.diagnostics) || (strict && r.diagnostics.some((d) => d.severity === 'warning')));
}

/** The diff engine as the site's differ, imported on first use. */
export async function siteDiffer(): Promise<Differ> {
  return (await import('./differ.js')).loadSiteDiffer();
}

/** SOURCE_DATE_EPOCH (seconds) as an ISO date-time, for outputs that need a date and have none. */
export function epochDate(value: string | undefined): string | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  return new Date(Number(value) * 1000).toISOString().replace(/\.000Z$/, 'Z');
}

async function buildPolicy(loc: PolicyLocation, display: (p: string) => string, reports: FileReport[], ctx: PolicyJob): Promise<PolicyBuild | null> {
  const shown = display(loc.file);
  const versions: VersionBuild[] = [];
  let releases: Release[] = [];
  try {
    releases = await listReleases(loc.dir);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    reports.push({ path: shown, diagnostics: [inputErrorDiagnostic(error)] });
    return null;
  }
  let releasesOk = true;
  for (const release of releases) {
    const built = buildRelease(loc, release, display, reports);
    if (built) versions.push(built);
    else releasesOk = false;
  }

  let text: string;
  try {
    text = await readTextFile(loc.file);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    reports.push({ path: shown, diagnostics: [inputErrorDiagnostic(error)] });
    return null;
  }
  // The reviewed model beside the draft (the review loop), as `policyc check` reads it.
  const yamlPath = join(loc.dir, 'policy.yaml');
  const reviewed = basename(loc.file) === 'policy.md' && existsSync(yamlPath) ? { path: display(yamlPath), text: await readTextFile(yamlPath) } : undefined;
  const input = { id: loc.id, path: shown, text, ...(reviewed ? { reviewed } : {}) };
  const result = extractPolicy(input);
  // Check findings are reported as warnings (only `check` and `compile --strict` fail on them).
  const choice = chooseProfiles(undefined, result.model.policy.jurisdictions ?? [], ctx.config.profiles);
  const findings = runChecks(result, { profiles: choice.profiles, asOf: ctx.asOf, severities: ctx.config.rules, strict: false });
  const fileReports = reportsOf(shown, [...result.diagnostics, ...findings]);
  reports.push(...fileReports);
  const diagnostics = fileReports[0]!.diagnostics;
  if (!releasesOk) return null;

  const hash = sha256(text);
  const same = releases.find((r) => (r.manifest?.source_sha256 ?? sha256(r.source)) === hash);
  if (same) return { id: loc.id, versions };
  const version = result.model.policy.version;
  const fm = readFrontMatter(result.doc);
  const line = fm.lineOf('version') ?? 1;
  const latest = releases[releases.length - 1];
  const clash = releases.find((r) => r.version === version);
  if (clash) {
    diagnostics.push({
      ruleId: 'release/version-published',
      severity: 'error',
      message: `This draft differs from the published release ${version}, but ${fm.data.version === undefined ? 'states no version (so it defaults to 1.0.0)' : `its front matter says version ${version}`}. A published version never changes: bump the version (front matter \`version:\`, or \`policyc release ${loc.id} --bump minor\`)`,
      start: { line, column: 1 },
      source: 'release',
    });
    return null;
  }
  if (latest && compareVersions(version, latest.version) < 0) {
    diagnostics.push({
      ruleId: 'release/version-order',
      severity: 'error',
      message: `The draft's version ${version} is older than the latest release ${latest.version}: bump it above ${latest.version}`,
      start: { line, column: 1 },
      source: 'release',
    });
    return null;
  }
  if (!ctx.drafts) return versions.length ? { id: loc.id, versions } : null;
  versions.push({
    version,
    model: result.model,
    doc: result.doc,
    draft: true,
    effective_date: result.model.policy.effective_date,
    source_sha256: hash,
  });
  return { id: loc.id, versions };
}

/** A release as published: its frozen model (policy.yaml), checked against release.json. */
function buildRelease(loc: PolicyLocation, release: Release, display: (p: string) => string, reports: FileReport[]): VersionBuild | null {
  const file = join(release.dir, 'policy.md');
  const shown = display(file);
  const diagnostics: Diagnostic[] = [];
  reports.push({ path: shown, diagnostics });
  const at = { line: 1, column: 1 };
  const m = release.manifest;
  const sourceHash = sha256(release.source);
  if (!m) {
    diagnostics.push({ ruleId: 'release/no-manifest', severity: 'error', message: `Release ${release.version} has no release.json, so it cannot be checked: restore it from version control`, start: at, source: 'release' });
    return null;
  }
  if (m.version !== release.version)
    diagnostics.push({ ruleId: 'release/manifest-version', severity: 'error', message: `release.json says version ${m.version}, but the folder is ${release.version}`, start: at, source: 'release' });
  if (m.source_sha256 !== sourceHash)
    diagnostics.push({
      ruleId: 'release/modified',
      severity: 'error',
      message: `Published release ${release.version} was changed: policy.md no longer matches the sha256 in release.json. A published version never changes: restore it (git checkout -- ${display(release.dir)}) and put the change in the draft with a new version (bump the version)`,
      start: at,
      source: 'release',
    });
  if (release.modelYaml !== null && m.model_sha256 !== sha256(release.modelYaml))
    diagnostics.push({
      ruleId: 'release/modified',
      severity: 'error',
      message: `Published release ${release.version} was changed: policy.yaml no longer matches the sha256 in release.json. Restore it and bump the version of the draft instead`,
      start: at,
      source: 'release',
    });
  if (hasErrors(diagnostics)) return null;

  const doc = parseMarkdown(release.source, shown);
  let model: PolicyModel;
  if (release.modelYaml !== null) {
    let value: unknown;
    try {
      value = parseYaml(release.modelYaml);
    } catch (error) {
      diagnostics.push({ ruleId: 'release/invalid-model', severity: 'error', message: `policy.yaml of release ${release.version} is not valid YAML: ${(error as Error).message.split('\n')[0]}`, start: at, source: 'release' });
      return null;
    }
    const problems = checkModel(value);
    if (problems.length) {
      for (const p of problems)
        diagnostics.push({ ruleId: 'release/invalid-model', severity: 'error', message: `policy.yaml of release ${release.version}: /${p.path.join('/')} ${p.message}`, start: at, source: 'release' });
      return null;
    }
    model = value as PolicyModel;
  } else {
    const result = extractPolicy({ id: loc.id, path: shown, text: release.source });
    diagnostics.push({ ruleId: 'release/no-model', severity: 'warning', message: `Release ${release.version} has no policy.yaml: its model was extracted again, and may differ from what was published`, start: at, source: 'release' });
    if (hasErrors(result.diagnostics)) {
      diagnostics.push(...result.diagnostics);
      return null;
    }
    model = result.model;
  }
  return {
    version: release.version,
    model,
    doc,
    draft: false,
    effective_date: m.effective_date ?? model.policy.effective_date,
    source_sha256: sourceHash,
    // A release without policy.yaml (restored by hand): the site hashes the model as release would write it.
    ...(release.modelYaml !== null ? { model_sha256: sha256(release.modelYaml) } : {}),
  };
}

