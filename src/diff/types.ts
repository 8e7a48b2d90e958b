// The diff contract shared by `policyc diff`, `policyc release` and the published changes pages.
import type { Evidence } from '../model/types.js';

/** How a change affects users (issue: material needs notice or consent). */
export type ChangeClass = 'material' | 'minor' | 'editorial' | 'needs_review';
export type Bump = 'major' | 'minor' | 'patch' | 'none';

export interface Change {
  /** Stable key: facet + item key (+ field), e.g. "recipients/processor" or "retention/stated_period:period". */
  key: string;
  facet: string;
  kind: 'added' | 'removed' | 'changed' | 'text';
  class: ChangeClass;
  /** One line a reviewer reads: "New recipient type: advertising partners". */
  summary: string;
  /** Why this class (the rule that decided it). */
  reason: string;
  before?: unknown;
  after?: unknown;
  evidenceBefore: Evidence[];
  evidenceAfter: Evidence[];
  /** Set when a reviewer overrode the computed class. */
  override?: { from: ChangeClass; reason: string };
}

export interface SectionDiff {
  /** Heading path in the new version (or the old, for a removed section). */
  heading: string;
  status: 'same' | 'changed' | 'added' | 'removed' | 'moved';
  /** Word-level redline parts; absent for unchanged sections. */
  parts?: { value: string; added?: boolean; removed?: boolean }[];
}

export interface PolicyDiff {
  from: string;
  to: string;
  changes: Change[];
  sections: SectionDiff[];
  counts: Record<ChangeClass, number>;
  required_bump: Bump;
}
