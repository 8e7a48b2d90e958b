// Rules beyond the schema: structural rules and the jurisdiction profiles (gdpr, ccpa).
// runChecks() is the pure entry point that `policyc check` and compile call.
import type { Diagnostic, Severity } from '../diagnostics.js';
import type { ExtractedPolicy } from '../pipeline.js';
import { createContext } from './context.js';
import { PROFILES, type ProfileName, type Rule } from './types.js';
import { STRUCTURE_RULES } from './rules/structure.js';
import { GDPR_RULES } from './rules/gdpr.js';
import { CCPA_RULES } from './rules/ccpa.js';

export { PROFILES, type ProfileName, type Rule, type Finding } from './types.js';
export { createContext, type CheckContext } from './context.js';

/** Every rule, in a stable order (structure, then gdpr, then ccpa). */
export const RULES: readonly Rule[] = [...STRUCTURE_RULES, ...GDPR_RULES, ...CCPA_RULES];

export type SeverityOverride = Severity | 'off';

export interface CheckOptions {
  /** Profiles to apply (gdpr, ccpa); structural rules always run. */
  profiles: string[];
  /** YYYY-MM-DD: the date "12 months old" is measured against. */
  asOf: string;
  /** Rule id (or "gdpr/*", "gdpr") -> severity or "off" (policyc.config.yaml `rules`). */
  severities?: Record<string, string>;
  /**
   * true: findings keep their severities (`policyc check`, `compile --strict`).
   * false (default): error findings are reported as warnings, so that compile never blocks
   * publishing on a profile nobody asked for.
   */
  strict?: boolean;
}

/** The severity a rule runs at, after the config: exact id, then "group/*" or "group". */
export function effectiveSeverity(rule: Rule, severities: Record<string, string> = {}): SeverityOverride {
  const group = rule.id.split('/')[0]!;
  const s = severities[rule.id] ?? severities[`${group}/*`] ?? severities[group];
  return s === 'error' || s === 'warning' || s === 'info' || s === 'off' ? s : rule.severity;
}

export function runChecks(policy: Pick<ExtractedPolicy, 'doc' | 'model'>, options: CheckOptions): Diagnostic[] {
  const ctx = createContext(policy.doc, policy.model, options.asOf);
  const profiles = new Set(options.profiles);
  const out: Diagnostic[] = [];
  for (const rule of RULES) {
    if (rule.group !== 'structure' && !profiles.has(rule.group)) continue;
    let severity = effectiveSeverity(rule, options.severities);
    if (severity === 'off') continue;
    if (!options.strict && severity === 'error') severity = 'warning';
    for (const f of rule.check(ctx))
      out.push({
        ruleId: rule.id,
        severity,
        message: f.message,
        start: f.at.start,
        ...(f.at.end ? { end: f.at.end } : {}),
        source: 'check',
        cite: f.cite ?? rule.cite,
        data: { group: rule.group, ...(f.data ?? {}) },
      });
  }
  return out;
}

/** Names that front matter `jurisdictions` may use for each profile. */
const JURISDICTION_ALIASES: Record<string, ProfileName> = {
  gdpr: 'gdpr',
  'uk-gdpr': 'gdpr',
  uk_gdpr: 'gdpr',
  eu: 'gdpr',
  eea: 'gdpr',
  uk: 'gdpr',
  ccpa: 'ccpa',
  cpra: 'ccpa',
  california: 'ccpa',
  'us-ca': 'ccpa',
};

export function profileOf(name: string): ProfileName | undefined {
  return JURISDICTION_ALIASES[name.trim().toLowerCase()];
}

export interface ProfileChoice {
  profiles: ProfileName[];
  /** Where they came from, for check's output. */
  from: '--profile' | 'front matter' | 'policyc.config.yaml' | 'none';
}

/** --profile wins; else the policy's front-matter jurisdictions; else the config's profiles. */
export function chooseProfiles(cli: string[] | undefined, jurisdictions: readonly string[], config: readonly string[] | undefined): ProfileChoice {
  if (cli?.length) return { profiles: uniq(cli.map((p) => profileOf(p) ?? (p as ProfileName))), from: '--profile' };
  const fromFm = uniq(jurisdictions.map(profileOf).filter((p): p is ProfileName => !!p));
  if (fromFm.length) return { profiles: fromFm, from: 'front matter' };
  if (config?.length) return { profiles: uniq(config.map((p) => p as ProfileName)), from: 'policyc.config.yaml' };
  return { profiles: [], from: 'none' };
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** Is every name a known profile? Returns the unknown ones. */
export function unknownProfiles(names: string[]): string[] {
  return names.filter((n) => !profileOf(n) && !(PROFILES as readonly string[]).includes(n));
}

export interface AsOf {
  date: string;
  from: '--as-of' | 'SOURCE_DATE_EPOCH' | 'today';
}

/** --as-of, else SOURCE_DATE_EPOCH, else today (the only place policyc reads the clock). */
export function resolveAsOf(cli: string | undefined, env: Record<string, string | undefined>, now: () => Date = () => new Date()): AsOf {
  if (cli) return { date: cli, from: '--as-of' };
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return { date: new Date(Number(epoch) * 1000).toISOString().slice(0, 10), from: 'SOURCE_DATE_EPOCH' };
  return { date: now().toISOString().slice(0, 10), from: 'today' };
}

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(s + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
