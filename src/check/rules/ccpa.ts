// The ccpa profile: what Cal. Civ. Code 1798.100-1798.199 (CCPA as amended by the CPRA) and its
// regulations require a privacy policy to say. Rules read model facets, never wording.
import type { Finding, Rule } from '../types.js';
import type { CheckContext, SectionName } from '../context.js';
import { hasId, positive } from '../context.js';
import { lookupTerm } from '../../model/vocabulary.js';

const missing = (ctx: CheckContext, message: string, ...where: SectionName[]): Finding[] => [{ message, at: ctx.sectionOr(...where) }];

/** Does the policy affirmatively sell or share (cross-context advertising) personal information? */
function sellsOrShares(ctx: CheckContext): boolean {
  return (
    positive(ctx.model.recipients).some((r) => r.sold === true || r.shared_for_ads === true) ||
    hasId(ctx.model.purposes, 'sale_of_data') ||
    hasId(ctx.model.purposes, 'targeted_advertising')
  );
}

export const categoriesCollected: Rule = {
  id: 'ccpa/categories-collected',
  group: 'ccpa',
  severity: 'error',
  cite: 'Cal. Civ. Code §1798.110(c)(1), §1798.130(a)(5)(B)',
  description: 'The policy lists the categories of personal information collected.',
  check: (ctx) => (positive(ctx.model.data_categories).length ? [] : missing(ctx, 'The policy lists no categories of personal information it collects', 'collect')),
};

export const sources: Rule = {
  id: 'ccpa/sources',
  group: 'ccpa',
  severity: 'warning',
  cite: 'Cal. Civ. Code §1798.110(c)(2)',
  description: 'The policy lists the categories of sources of personal information.',
  check: (ctx) => (ctx.model.sources.length ? [] : missing(ctx, 'The policy does not list the categories of sources the personal information comes from (from you, from partners, ...)', 'collect')),
};

export const purposes: Rule = {
  id: 'ccpa/purposes',
  group: 'ccpa',
  severity: 'error',
  cite: 'Cal. Civ. Code §1798.110(c)(3)',
  description: 'The policy states the business or commercial purposes for collecting personal information.',
  check: (ctx) => (positive(ctx.model.purposes).length ? [] : missing(ctx, 'The policy states no business or commercial purpose for collecting personal information', 'use', 'collect')),
};

export const soldOrShared: Rule = {
  id: 'ccpa/sold-or-shared',
  group: 'ccpa',
  severity: 'error',
  cite: 'Cal. Civ. Code §1798.115(c), §1798.130(a)(5)(C)',
  description: 'The policy says which categories are sold or shared, or that none are.',
  check(ctx) {
    const addressed =
      // "We do not sell ..." or "We will not disclose your information to third parties" both answer it.
      ctx.model.recipients.some((r) => r.sold !== undefined || r.shared_for_ads !== undefined || r.polarity === 'negative') ||
      hasId(ctx.model.purposes, 'sale_of_data', false) ||
      hasId(ctx.model.purposes, 'targeted_advertising', false) ||
      hasId(ctx.model.rights, 'opt_out_sale', false);
    return addressed ? [] : missing(ctx, 'The policy does not say whether it sells or shares personal information (or that it does not)', 'share', 'california');
  },
};

export const soldToWhom: Rule = {
  id: 'ccpa/sold-to-whom',
  group: 'ccpa',
  severity: 'warning',
  cite: 'Cal. Civ. Code §1798.115(c)(1), §1798.130(a)(5)(C)',
  description: 'For each recipient that buys or receives shared data, the categories concerned.',
  check: (ctx) =>
    positive(ctx.model.recipients)
      .filter((r) => (r.sold || r.shared_for_ads) && !r.data_categories?.length)
      .map((r) => ({ message: `Recipient "${r.name ?? r.id}" buys or receives shared data, but the policy does not say which categories`, at: ctx.evidenceOf(r, ctx.sectionOr('share')) })),
};

const RIGHTS: { id: string; right: string; label: string; cite: string; when?: (ctx: CheckContext) => boolean }[] = [
  { id: 'ccpa/right-know', right: 'access', label: 'know what personal information is collected and to access it', cite: '§1798.100, §1798.110' },
  { id: 'ccpa/right-delete', right: 'erasure', label: 'delete personal information', cite: '§1798.105' },
  { id: 'ccpa/right-correct', right: 'rectification', label: 'correct inaccurate personal information', cite: '§1798.106' },
  { id: 'ccpa/right-opt-out', right: 'opt_out_sale', label: 'opt out of the sale or sharing of personal information', cite: '§1798.120, §1798.135', when: sellsOrShares },
  {
    id: 'ccpa/right-limit',
    right: 'limit_sensitive',
    label: 'limit the use of sensitive personal information',
    cite: '§1798.121',
    when: (ctx) => positive(ctx.model.data_categories).some((d) => lookupTerm('data_categories', d.id)?.special || d.id.startsWith('government_id') || d.id.startsWith('location.precise')),
  },
  { id: 'ccpa/non-discrimination', right: 'non_discrimination', label: 'not be discriminated against for exercising these rights', cite: '§1798.125' },
];

export const rights: Rule[] = RIGHTS.map((r) => ({
  id: r.id,
  group: 'ccpa' as const,
  severity: 'error' as const,
  cite: `Cal. Civ. Code ${r.cite}, §1798.130(a)(5)(A)`,
  description: `The policy describes the consumer's right to ${r.label}.`,
  check: (ctx: CheckContext) =>
    (r.when && !r.when(ctx)) || hasId(ctx.model.rights, r.right) ? [] : missing(ctx, `The policy does not describe the consumer's right to ${r.label}`, 'california', 'rights'),
}));

export const requestMethods: Rule = {
  id: 'ccpa/request-methods',
  group: 'ccpa',
  severity: 'error',
  cite: 'Cal. Civ. Code §1798.130(a)(1), §1798.130(a)(5)(A)',
  description: 'The policy says how to submit requests (two or more methods, e.g. a toll-free number and a web form).',
  check(ctx) {
    // Channels a consumer can send a request through: browser settings or "do not use" are not.
    const via = new Set(ctx.model.rights.flatMap((r) => r.via ?? []));
    const c = ctx.model.controller.contact ?? {};
    const direct = (c.email ? 1 : 0) + (c.phone ? 1 : 0) + (c.postal_address ? 1 : 0);
    const methods = direct + (via.has('account_settings') ? 1 : 0) + (via.has('opt_out_link') ? 1 : 0) + (direct === 0 && via.has('contact_us') ? 1 : 0);
    if (methods >= 2) return [];
    return missing(ctx, `The policy gives ${methods === 0 ? 'no method' : 'only one method'} for submitting consumer requests; it must give two or more (e.g. a toll-free number and a web form)`, 'california', 'rights', 'contact');
  },
};

const LAST_UPDATED_LINE = /\b(last (updated|revised|modified)|effective (date|as of|from)|updated on)\b/i;

export const lastUpdated: Rule = {
  id: 'ccpa/last-updated',
  group: 'ccpa',
  severity: 'error',
  cite: 'Cal. Civ. Code §1798.130(a)(5); CCPA Regs. §7011(e)(4)',
  description: 'The policy states the date it was last updated.',
  check: (ctx) => (ctx.model.policy.last_updated || ctx.model.policy.effective_date ? [] : [{ message: 'The policy does not state when it was last updated', at: ctx.start }]),
};

/** Whole months from a to b (YYYY-MM-DD), counting a month only once its day is reached. */
export function monthsBetween(a: string, b: string): number {
  const [ya, ma, da] = a.split('-').map(Number) as [number, number, number];
  const [yb, mb, db] = b.split('-').map(Number) as [number, number, number];
  return (yb - ya) * 12 + (mb - ma) - (db < da ? 1 : 0);
}

export const lastUpdatedStale: Rule = {
  id: 'ccpa/last-updated-stale',
  group: 'ccpa',
  severity: 'error',
  cite: 'Cal. Civ. Code §1798.130(a)(5)',
  description: 'The policy was updated within the last 12 months (measured against --as-of).',
  check(ctx) {
    const date = ctx.model.policy.last_updated ?? ctx.model.policy.effective_date;
    if (!date || !/^\d{4}-\d{2}-\d{2}/.test(date)) return [];
    const months = monthsBetween(date.slice(0, 10), ctx.asOf);
    if (months < 12) return [];
    const at = ctx.lineOf(ctx.model.policy.last_updated ? 'last_updated' : 'effective_date', LAST_UPDATED_LINE) ?? ctx.start;
    return [{ message: `The policy was last updated on ${date.slice(0, 10)}, ${months} months before ${ctx.asOf}; a CCPA privacy policy must be updated at least once every 12 months`, at, data: { date, asOf: ctx.asOf, months } }];
  },
};

export const CCPA_RULES: Rule[] = [categoriesCollected, sources, purposes, soldOrShared, soldToWhom, ...rights, requestMethods, lastUpdated, lastUpdatedStale];
