// Structural rules: the model must hang together, whatever the jurisdiction.
import type { Rule } from '../types.js';
import { positive } from '../context.js';
import { lookupTerm } from '../../model/vocabulary.js';

const related = (a: string, b: string) => a === b || a.startsWith(b + '.') || b.startsWith(a + '.');

export const purposeUndeclaredData: Rule = {
  id: 'structure/purpose-undeclared-data',
  group: 'structure',
  severity: 'warning',
  cite: 'GDPR Art. 13(1)(c), 14(1)(d)',
  description: 'A purpose uses a data category that the policy does not say it collects.',
  check(ctx) {
    const declared = positive(ctx.model.data_categories).map((d) => d.id);
    return positive(ctx.model.purposes).flatMap((p) => {
      const missing = (p.data_categories ?? []).filter((id) => !declared.some((d) => related(d, id)));
      return missing.length
        ? [{ message: `Purpose "${p.id}" uses ${missing.map((m) => `"${m}"`).join(', ')}, which the policy does not list among the data it collects`, at: ctx.evidenceOf(p, ctx.sectionOr('use')), data: { purpose: p.id, missing } }]
        : [];
    });
  },
};

export const recipientWithoutPurpose: Rule = {
  id: 'structure/recipient-without-purpose',
  group: 'structure',
  severity: 'warning',
  cite: 'GDPR Art. 5(1)(b), 13(1)(e)',
  description: 'Data goes to a recipient for no stated purpose (none linked, and none stated in the same passage).',
  check(ctx) {
    // Information the person makes public (forum posts) has no recipient in this sense. A purpose
    // stated in the same passage as the recipient counts as its purpose, even when the model does
    // not link the two ("contractors ... distribute products, provide technical support").
    const purposeLines = positive(ctx.model.purposes).flatMap((p) => p.evidence.map((e) => e.lines));
    const overlaps = (a: [number, number]) => purposeLines.some((b) => a[0] <= b[1] && b[0] <= a[1]);
    return positive(ctx.model.recipients)
      .filter((r) => !r.purposes?.length && r.id !== 'public' && r.id !== 'other_users')
      .filter((r) => !r.evidence.some((e) => overlaps(e.lines)))
      .map((r) => ({
        message: `Recipient "${r.name ?? r.id}" receives data for no stated purpose: say why it is shared`,
        at: ctx.evidenceOf(r, ctx.sectionOr('share')),
        data: { recipient: r.name ?? r.id },
      }));
  },
};

export const specialCategoryWithoutCondition: Rule = {
  id: 'structure/special-category-without-condition',
  group: 'structure',
  severity: 'error',
  cite: 'GDPR Art. 9(1)-(2)',
  description: 'Special-category data is processed without an Art. 9(2) condition.',
  check(ctx) {
    if (positive(ctx.model.special_category_conditions).length) return [];
    return positive(ctx.model.data_categories)
      .filter((d) => lookupTerm('data_categories', d.id)?.special)
      .map((d) => ({
        message: `The policy collects special-category data "${d.id}" but states no Art. 9(2) condition (explicit consent, employment law, ...) for it`,
        at: ctx.evidenceOf(d, ctx.sectionOr('collect')),
        data: { category: d.id },
      }));
  },
};

export const STRUCTURE_RULES: Rule[] = [purposeUndeclaredData, recipientWithoutPurpose, specialCategoryWithoutCondition];
