// policyc release <id> [X.Y.Z | --bump major|minor|patch] [--force --reason TEXT]
// Freezes the draft policies/<id>/policy.md into policies/<id>/releases/<version>/ with its model
// and a release.json (hashes, previous version, the bump the diff requires, any override). Refuses
// a smaller bump than the diff against the previous release requires, unless forced with a reason.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Io, CommonOptions } from '../io.js';
import { readTextFile } from '../io/read.js';
import { assertPolicyId } from '../node/discover.js';
import { compareVersions, draftModel, listReleases, releaseModel, sha256, writeRelease, type ReleaseManifest } from '../node/releases.js';
import { readFrontMatter } from '../parse/frontmatter.js';
import { hasErrors } from '../diagnostics.js';
import { InputError, UsageError } from '../errors.js';
import { displayPath, printReport } from './report.js';
import { readOverrides } from './diff.js';
import type { Bump } from '../diff/types.js';

export interface ReleaseCommandOptions extends CommonOptions {
  bump?: string;
  force?: boolean;
  reason?: string;
  override?: string[];
  overrides?: string;
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export function nextVersion(from: string, bump: 'major' | 'minor' | 'patch'): string {
  const [a = 0, b = 0, c = 0] = from.split(/[.-]/).map(Number);
  return bump === 'major' ? `${a + 1}.0.0` : bump === 'minor' ? `${a}.${b + 1}.0` : `${a}.${b}.${c + 1}`;
}

/** The smallest version after `from` that carries a bump (for the "use X" hint). */
const suggest = (from: string, bump: Bump) => (bump === 'none' ? from : nextVersion(from, bump));

export default async function releaseCommand(io: Io, id: string, version: string | undefined, options: ReleaseCommandOptions): Promise<number> {
  assertPolicyId(id, id);
  if (version !== undefined && options.bump !== undefined) throw new UsageError('Give a version or --bump, not both');
  if (options.bump !== undefined && !['major', 'minor', 'patch'].includes(options.bump)) throw new UsageError(`--bump takes major, minor or patch, not "${options.bump}"`);
  if (options.force && !options.reason?.trim()) throw new UsageError('--force needs --reason TEXT: the override is recorded with the release');
  const overrides = await readOverrides(io, options);

  const dir = resolve(io.cwd, 'policies', id);
  const file = join(dir, 'policy.md');
  if (!existsSync(file)) throw new InputError(`No draft to release: ${displayPath(io, file)} does not exist`, file, 'input/unreadable');
  const shown = displayPath(io, file);
  const source = await readTextFile(file);
  const yamlPath = join(dir, 'policy.yaml');
  const reviewedText = existsSync(yamlPath) ? await readTextFile(yamlPath) : undefined;
  const result = draftModel(id, { path: shown, text: source }, reviewedText !== undefined ? { path: displayPath(io, yamlPath), text: reviewedText } : undefined);
  if (hasErrors(result.diagnostics)) {
    await printReport(io, [{ path: shown, diagnostics: result.diagnostics }], options);
    io.stderr(`policyc release: ${id} has errors; fix them before releasing\n`);
    return 1;
  }
  const { model, modelYaml } = result;

  const releases = await listReleases(dir);
  const latest = releases[releases.length - 1];
  if (releases.some((r) => r.source === source || r.manifest?.source_sha256 === sha256(source))) {
    const same = releases.find((r) => r.manifest?.source_sha256 === sha256(source) || r.source === source)!;
    io.stderr(`policyc release: the draft is identical to release ${same.version}; nothing to release\n`);
    return 1;
  }
  const fmVersion = readFrontMatter(result.doc).data.version;
  let target: string;
  if (version !== undefined) target = version;
  else if (options.bump) target = nextVersion(latest?.version ?? '0.0.0', options.bump as 'major' | 'minor' | 'patch');
  else if (fmVersion !== undefined) target = String(fmVersion);
  else if (!latest) target = '1.0.0';
  else throw new UsageError(`Give a version or --bump: the draft's front matter states no version, and ${id} already has release ${latest.version}`);
  if (!SEMVER.test(target)) throw new UsageError(`"${target}" is not a version X.Y.Z`);
  if (latest && compareVersions(target, latest.version) <= 0) {
    io.stderr(`policyc release: ${target} is not after the latest release ${latest.version}; use a higher version (e.g. --bump patch)\n`);
    return 1;
  }

  const manifest: ReleaseManifest = {
    version: target,
    effective_date: model.policy.effective_date ?? null,
    source_sha256: sha256(source),
    model_sha256: sha256(modelYaml),
    previous: latest?.version ?? null,
    required_bump: null,
  };
  let summary = 'first release';
  if (latest) {
    const engine = await import('../diff/index.js');
    const before = releaseModel(id, latest);
    const diff = engine.diffPolicies({ label: latest.version, model: before.model, doc: before.doc }, { label: target, model, doc: result.doc }, { overrides });
    summary = engine.summarizeDiff(diff);
    manifest.required_bump = diff.required_bump;
    const applied = diff.changes.filter((c) => c.override).map((c) => ({ key: c.key, class: c.class, reason: c.override!.reason }));
    if (applied.length) manifest.classifications = applied;
    const actual = engine.bumpBetween(latest.version, target);
    if (!engine.bumpSatisfies(actual, diff.required_bump)) {
      if (!options.force) {
        io.stdout(engine.renderDiffText(diff, { color: false }));
        io.stderr(
          `policyc release: ${latest.version} → ${target} is a ${actual} bump, but the changes require a ${diff.required_bump} version (${summary}).\n` +
            `Release ${suggest(latest.version, diff.required_bump)} (or --bump ${diff.required_bump}), override a change's class with --override KEY=CLASS:REASON, or --force --reason TEXT.\n`,
        );
        return 1;
      }
      manifest.override = { forced: true, reason: options.reason!.trim() };
    }
  } else if (overrides.length) io.stderr('policyc release: overrides ignored: the first release has nothing to diff against\n');

  const written = await writeRelease(dir, { source, modelYaml, manifest });
  io.stdout(`Released ${id} ${target} → ${displayPath(io, written)}\n${summary}${manifest.required_bump ? `; required bump: ${manifest.required_bump}` : ''}${manifest.override ? ' (forced: ' + manifest.override.reason + ')' : ''}\n`);
  return 0;
}
