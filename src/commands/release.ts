// policyc release <id> [X.Y.Z] [--bump major|minor|patch] [--force --reason TEXT]
// Freezes the draft policies/<id>/policy.md into policies/<id>/releases/<version>/. The bump must
// be at least what the diff against the previous release requires; --force records an override.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import semver from 'semver';
import type { Io, CommonOptions } from '../io.js';
import { InputError, UsageError } from '../errors.js';
import { assertPolicyId } from '../node/discover.js';
import { listReleases, sha256, writeRelease, type ReleaseManifest } from '../node/releases.js';
import { readTextFile } from '../io/read.js';
import { extractPolicy } from '../pipeline.js';
import { renderYaml, RELEASE_SCHEMA_REF } from '../render/yaml.js';
import { diffPolicies, summarizeDiff, type Bump } from '../diff/index.js';
import { printReport, displayPath } from './report.js';
import { parseOverride } from './diff.js';

export interface ReleaseCommandOptions extends CommonOptions {
  bump?: string;
  force?: boolean;
  reason?: string;
  override?: string[];
  policies?: string;
}

const RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

/** The bump from one version to the next ("1.2.0" -> "2.0.0" is major). */
export function bumpBetween(from: string, to: string): Bump {
  if (semver.major(to) > semver.major(from)) return 'major';
  if (semver.minor(to) > semver.minor(from)) return 'minor';
  if (semver.patch(to) > semver.patch(from)) return 'patch';
  return 'none';
}

export default async function releaseCommand(io: Io, id: string, version: string | undefined, options: ReleaseCommandOptions): Promise<number> {
  assertPolicyId(id, id);
  if (version && options.bump) throw new UsageError('give a version or --bump, not both');
  if (options.bump && !['major', 'minor', 'patch'].includes(options.bump)) throw new UsageError(`--bump "${options.bump}": use major, minor or patch`);
  if (version && !semver.valid(version)) throw new UsageError(`"${version}" is not a semantic version (X.Y.Z)`);
  if (options.force && !options.reason) throw new UsageError('--force needs --reason "why the smaller bump is right": the reason is recorded in the release');
  const dir = resolve(io.cwd, options.policies ?? 'policies', id);
  const draftPath = join(dir, 'policy.md');
  if (!existsSync(draftPath)) throw new InputError(`No draft to release: ${displayPath(io, draftPath)} does not exist`, draftPath, 'input/unreadable');
  const text = await readTextFile(draftPath);
  const reviewedPath = join(dir, 'policy.yaml');
  const reviewed = existsSync(reviewedPath) ? { path: displayPath(io, reviewedPath), text: await readTextFile(reviewedPath) } : undefined;
  const draft = extractPolicy({ id, path: displayPath(io, draftPath), text, ...(reviewed ? { reviewed } : {}) });
  const errors = draft.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) {
    await printReport(io, [{ path: displayPath(io, draftPath), diagnostics: errors }], options);
    io.stderr('Not released: the draft has errors.\n');
    return 1;
  }
  const releases = await listReleases(dir);
  const previous = releases[releases.length - 1];
  if (previous && sha256(previous.source) === sha256(text)) {
    io.stderr(`Nothing to release: the draft is the same as release ${previous.version}.\n`);
    return 1;
  }
  const next = version ?? (options.bump ? (previous ? semver.inc(previous.version, options.bump as semver.ReleaseType) : '1.0.0') : draft.model.policy.version);
  if (!next || !semver.valid(next)) throw new UsageError(`cannot work out the version: give X.Y.Z or --bump`);
  if (previous && !semver.gt(next, previous.version)) {
    io.stderr(`Version ${next} is not newer than the latest release ${previous.version}: give a higher version or --bump.\n`);
    return 1;
  }
  const overrides = (options.override ?? []).map(parseOverride);
  let required: Bump = 'none';
  let summary = 'the first release';
  if (previous) {
    const before = extractPolicy({ id, path: join(previous.dir, 'policy.md'), text: previous.source });
    const diff = diffPolicies({ label: previous.version, model: before.model, doc: before.doc }, { label: next, model: draft.model, doc: draft.doc }, { overrides });
    required = diff.required_bump;
    summary = summarizeDiff(diff);
    const actual = bumpBetween(previous.version, next);
    if (RANK[actual] < RANK[required]) {
      if (!options.force) {
        io.stderr(`${summary}\nRelease ${next} is a ${actual} bump, but the changes require a ${required} bump: release ${semver.inc(previous.version, required as semver.ReleaseType)} or later, or pass --force --reason "...". See: policyc diff ${id}@${previous.version} ${id}@draft\n`);
        return 1;
      }
      io.stderr(`Forced: a ${actual} bump where ${required} is required (recorded in release.json).\n`);
    }
  }
  const model = { ...draft.model, policy: { ...draft.model.policy, version: next } };
  const manifest: ReleaseManifest = {
    version: next,
    effective_date: model.policy.effective_date,
    source_sha256: sha256(text),
    model_sha256: '',
    previous: previous?.version ?? null,
    required_bump: previous ? required : null,
    ...(options.force && previous && RANK[bumpBetween(previous.version, next)] < RANK[required] ? { override: { forced: true as const, reason: options.reason! } } : {}),
    ...(overrides.length ? { classifications: overrides.map((o) => ({ key: o.key, class: o.class, reason: o.reason })) } : {}),
  };
  const modelYaml = reviewed ? reviewed.text : renderYaml(model, RELEASE_SCHEMA_REF);
  manifest.model_sha256 = sha256(modelYaml);
  const written = await writeRelease(dir, { source: text, modelYaml, manifest });
  io.stderr(`Released ${id} ${next} into ${displayPath(io, written)}/ (${summary})\n`);
  return 0;
}
