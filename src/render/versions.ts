// versions.json: every version of a policy, with its effective date, hashes and what changed,
// enough to answer "which version was in force on date X" (see versionInForce). Pure.

export interface ChangeRecord {
  /** The version compared against (the previous release). */
  from: string;
  /** One line: what changed in substance. */
  summary: string;
  /** The semver bump the change requires, when the diff engine computes one. */
  required_bump: string | null;
  /** Changes per class (material, minor, editorial, needs_review), when known. */
  counts: Record<string, number> | null;
  /** Relative link (from the policy's folder) to the changes page. */
  url: string;
}

export interface VersionRecord {
  version: string;
  status: 'current' | 'superseded' | 'draft';
  effective_date: string | null;
  /** When the version stopped being in force: the next release's effective date (null while current). */
  superseded_on: string | null;
  /** Relative link (from the policy's folder) to the version's page. */
  url: string;
  source_sha256: string;
  model_sha256: string;
  changes: ChangeRecord | null;
}

export interface VersionsFile {
  policy: string;
  title: string;
  /** The latest release, or null when nothing is released yet. */
  current: string | null;
  /** The unreleased draft, when it differs from every release. */
  draft: string | null;
  /** Absolute URL of the policy's folder, when the site has a base URL. */
  base_url: string | null;
  versions: VersionRecord[];
}

export function renderVersionsJson(file: VersionsFile): string {
  return JSON.stringify(file, null, 2) + '\n';
}

/**
 * The release in force on a date (YYYY-MM-DD): the latest release whose effective date is on or
 * before it. Releases without an effective date count as in force from an unknown date until the
 * next one's, so they answer only for dates before that. Drafts are never in force.
 */
export function versionInForce(file: Pick<VersionsFile, 'versions'>, date: string): VersionRecord | null {
  const released = file.versions.filter((v) => v.status !== 'draft');
  let found: VersionRecord | null = null;
  for (const v of released) {
    if (v.effective_date !== null && v.effective_date > date) break;
    if (v.effective_date === null && v.superseded_on !== null && v.superseded_on <= date) continue;
    found = v;
  }
  return found;
}
