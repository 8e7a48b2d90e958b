// The gdpr profile: what Art. 13 (data collected from the person) and Art. 14 (data obtained
// elsewhere) require a privacy notice to say. Each rule reads model facets, never wording, so it
// is as good as the extraction (or the reviewed policy.yaml) it runs on.
import type { Finding, Rule } from '../types.js';
import type { CheckContext, SectionName } from '../context.js';
import { hasId, positive } from '../context.js';

const missing = (ctx: CheckContext, message: string, ...where: SectionName[]): Finding[] => [{ message, at: ctx.sectionOr(...where) }];

export const controllerIdentity: Rule = {
  id: 'gdpr/controller-identity',
  group: 'gdpr',
  severity: 'error',
  cite: 'GDPR Art. 13(1)(a)',
  description: 'The notice names the controller.',
  check: (ctx) => (ctx.model.controller.name ? [] : missing(ctx, 'The policy does not name the controller (the legal entity responsible for the data)', 'contact')),
};

export const controllerContact: Rule = {
  id: 'gdpr/controller-contact',
  group: 'gdpr',
  severity: 'error',
  cite: 'GDPR Art. 13(1)(a)',
  description: "The notice gives the controller's contact details (an address, email or phone, not just a link).",
  check(ctx) {
    const c = ctx.model.controller.contact ?? {};
    if (c.email || c.postal_address || c.phone) return [];
    return missing(ctx, `The policy gives no contact details for the controller (postal address, email or phone)${c.url ? `; a link (${c.url}) is not enough` : ''}`, 'contact');
  },
};

export const dpo: Rule = {
  id: 'gdpr/dpo',
  group: 'gdpr',
  severity: 'warning',
  cite: 'GDPR Art. 13(1)(b), 37',
  description: 'The notice gives the contact details of the data protection officer, where one is designated.',
  check: (ctx) => (ctx.model.controller.dpo ? [] : missing(ctx, 'The policy names no data protection officer and gives no DPO contact (required where a DPO is designated)', 'contact')),
};

export const purposes: Rule = {
  id: 'gdpr/purposes',
  group: 'gdpr',
  severity: 'error',
  cite: 'GDPR Art. 13(1)(c)',
  description: 'The notice states the purposes of processing.',
  check: (ctx) => (positive(ctx.model.purposes).length ? [] : missing(ctx, 'The policy states no purpose for which it processes personal data', 'use', 'collect')),
};

export const legalBasis: Rule = {
  id: 'gdpr/legal-basis',
  group: 'gdpr',
  severity: 'error',
  cite: 'GDPR Art. 13(1)(c), 6(1)',
  description: 'Every purpose has its legal basis.',
  check(ctx) {
    const ps = positive(ctx.model.purposes);
    const without = ps.filter((p) => !p.legal_basis);
    if (!ps.length) return missing(ctx, 'The policy states no legal basis (consent, contract, legal obligation, legitimate interests, ...) for its processing', 'use', 'collect');
    if (!without.length) return [];
    if (without.length === ps.length)
      return missing(ctx, `The policy states no legal basis (consent, contract, legal obligation, legitimate interests, ...) for any of its ${ps.length} purpose${ps.length === 1 ? '' : 's'} (${ps.map((p) => p.id).join(', ')})`, 'use', 'collect');
    return without.map((p) => ({ message: `Purpose "${p.id}" has no legal basis`, at: ctx.evidenceOf(p, ctx.sectionOr('use')), data: { purpose: p.id } }));
  },
};

export const legitimateInterests: Rule = {
  id: 'gdpr/legitimate-interests',
  group: 'gdpr',
  severity: 'error',
  cite: 'GDPR Art. 13(1)(d)',
  description: 'Where a purpose rests on legitimate interests, the notice says which interests.',
  check: (ctx) =>
    positive(ctx.model.purposes)
      .filter((p) => p.legal_basis === 'legitimate_interests' && !p.legitimate_interest)
      .map((p) => ({ message: `Purpose "${p.id}" rests on legitimate interests but does not say which interests are pursued`, at: ctx.evidenceOf(p, ctx.sectionOr('use')), data: { purpose: p.id } })),
};

export const recipients: Rule = {
  id: 'gdpr/recipients',
  group: 'gdpr',
  severity: 'warning',
  cite: 'GDPR Art. 13(1)(e)',
  description: 'The notice names the recipients or categories of recipients (or says there are none).',
  check: (ctx) => (ctx.model.recipients.length ? [] : missing(ctx, 'The policy says nothing about who receives the data (recipients or categories of recipients), not even that nobody does', 'share', 'use')),
};

export const transferSafeguards: Rule = {
  id: 'gdpr/transfer-safeguards',
  group: 'gdpr',
  severity: 'error',
  cite: 'GDPR Art. 13(1)(f), 46',
  description: 'Transfers to other countries name their safeguard (adequacy, SCCs, BCRs, ...).',
  check: (ctx) =>
    positive(ctx.model.transfers)
      .filter((t) => !t.safeguards?.length)
      .map((t) => ({
        message: `The policy transfers data abroad (${t.countries?.length ? t.countries.join(', ') : t.id}) without naming a safeguard (adequacy decision, standard contractual clauses, binding corporate rules, ...)`,
        at: ctx.evidenceOf(t, ctx.sectionOr('transfer')),
        data: { transfer: t.id },
      })),
};

export const retention: Rule = {
  id: 'gdpr/retention',
  group: 'gdpr',
  severity: 'error',
  cite: 'GDPR Art. 13(2)(a)',
  description: 'The notice says how long data is kept, or the criteria for deciding.',
  check: (ctx) => (positive(ctx.model.retention).length ? [] : missing(ctx, 'The policy does not say how long personal data is kept, nor the criteria used to decide', 'retention', 'security', 'use')),
};

const RIGHTS: { id: string; right: string; label: string; article: string }[] = [
  { id: 'gdpr/right-access', right: 'access', label: 'access their data', article: '15' },
  { id: 'gdpr/right-rectification', right: 'rectification', label: 'have inaccurate data corrected', article: '16' },
  { id: 'gdpr/right-erasure', right: 'erasure', label: 'have their data erased', article: '17' },
  { id: 'gdpr/right-restriction', right: 'restriction', label: 'restrict processing', article: '18' },
  { id: 'gdpr/right-portability', right: 'portability', label: 'data portability', article: '20' },
  { id: 'gdpr/right-object', right: 'object', label: 'object to processing', article: '21' },
];

export const rights: Rule[] = RIGHTS.map((r) => ({
  id: r.id,
  group: 'gdpr' as const,
  severity: 'error' as const,
  cite: `GDPR Art. 13(2)(b), ${r.article}`,
  description: `The notice tells people of their right to ${r.label}.`,
  check: (ctx: CheckContext) => (hasId(ctx.model.rights, r.right) ? [] : missing(ctx, `The policy does not tell people of their right to ${r.label} (Art. ${r.article})`, 'rights', 'contact')),
}));

export const withdrawConsent: Rule = {
  id: 'gdpr/withdraw-consent',
  group: 'gdpr',
  severity: 'error',
  cite: 'GDPR Art. 13(2)(c), 7(3)',
  description: 'Where consent may be the basis, the notice says it can be withdrawn at any time.',
  check(ctx) {
    const ps = positive(ctx.model.purposes);
    const onConsent = ps.filter((p) => p.legal_basis === 'consent');
    const unknown = ps.filter((p) => !p.legal_basis);
    if (ps.length && !onConsent.length && !unknown.length) return [];
    if (hasId(ctx.model.rights, 'withdraw_consent')) return [];
    const why = onConsent.length
      ? `${onConsent.length === 1 ? 'purpose' : 'purposes'} ${onConsent.map((p) => p.id).join(', ')} ${onConsent.length === 1 ? 'rests' : 'rest'} on consent`
      : 'processing may rest on consent: no legal basis is stated';
    return missing(ctx, `The policy does not say that consent can be withdrawn at any time (${why})`, 'rights', 'use');
  },
};

export const complaintRight: Rule = {
  id: 'gdpr/complaint-right',
  group: 'gdpr',
  severity: 'error',
  cite: 'GDPR Art. 13(2)(d), 77',
  description: 'The notice tells people they may complain to a supervisory authority.',
  check: (ctx) => (hasId(ctx.model.rights, 'complaint') ? [] : missing(ctx, 'The policy does not tell people they may lodge a complaint with a supervisory authority (e.g. the ICO)', 'rights', 'contact')),
};

export const statutoryRequirement: Rule = {
  id: 'gdpr/statutory-requirement',
  group: 'gdpr',
  severity: 'error',
  cite: 'GDPR Art. 13(2)(e)',
  description: 'The notice says whether providing data is a statutory or contractual requirement, and what happens if it is not provided.',
  check(ctx) {
    const consequence = hasId(ctx.model.rights, 'decline_to_provide', false);
    const requirement = positive(ctx.model.purposes).some((p) => p.legal_basis === 'contract' || p.legal_basis === 'legal_obligation');
    if (consequence && requirement) return [];
    const lacks = !consequence && !requirement ? 'whether providing data is a statutory or contractual requirement, nor what happens if it is not provided' : !requirement ? 'whether providing data is a statutory or contractual requirement (it only says what happens if it is not provided)' : 'what happens if the data is not provided';
    return missing(ctx, `The policy does not say ${lacks}`, 'collect', 'use');
  },
};

export const automatedDecisions: Rule = {
  id: 'gdpr/automated-decisions',
  group: 'gdpr',
  severity: 'warning',
  cite: 'GDPR Art. 13(2)(f), 22',
  description: 'The notice says whether automated decision-making or profiling takes place (and its logic and consequences).',
  check: (ctx) =>
    ctx.model.automated_decisions.length || hasId(ctx.model.purposes, 'profiling', false)
      ? []
      : missing(ctx, 'The policy does not say whether it makes automated decisions, including profiling, about people', 'use', 'rights'),
};

export const sources: Rule = {
  id: 'gdpr/sources',
  group: 'gdpr',
  severity: 'warning',
  cite: 'GDPR Art. 14(1)(d), 14(2)(f)',
  description: 'Data obtained from others: the notice names the source, and the categories of data concerned.',
  check(ctx) {
    const out: Finding[] = [];
    for (const s of positive(ctx.model.sources))
      if (s.id === 'third_party' && !s.name)
        out.push({ message: 'The policy obtains data from unnamed third parties: name the sources (or their categories) and whether they are public', at: ctx.evidenceOf(s, ctx.sectionOr('collect')) });
    if (!ctx.model.sources.length && hasId(ctx.model.data_categories, 'social.media'))
      out.push({ message: 'The policy collects social-media data but does not say where it comes from', at: ctx.evidenceOf(positive(ctx.model.data_categories).find((d) => d.id.startsWith('social.media'))!, ctx.sectionOr('collect')) });
    return out;
  },
};

export const GDPR_RULES: Rule[] = [
  controllerIdentity,
  controllerContact,
  dpo,
  purposes,
  legalBasis,
  legitimateInterests,
  recipients,
  transferSafeguards,
  retention,
  ...rights,
  withdrawConsent,
  complaintRight,
  statutoryRequirement,
  automatedDecisions,
  sources,
];
