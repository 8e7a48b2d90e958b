// Every rule: a fixture where it fires (at the expected line) and one where it does not.
// complete.md + complete.yaml meet every rule; each case breaks one thing.
import { describe, test, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parseMarkdown } from '../src/parse/markdown.js';
import { runChecks, RULES, chooseProfiles, resolveAsOf, effectiveSeverity } from '../src/check/index.js';
import { monthsBetween } from '../src/check/rules/ccpa.js';
import type { PolicyModel } from '../src/model/types.js';

const doc = parseMarkdown(readFileSync('test/fixtures/check/complete.md', 'utf8'), 'complete.md');
const complete = parse(readFileSync('test/fixtures/check/complete.yaml', 'utf8')) as PolicyModel;
const AS_OF = '2024-12-01';
const ev = (line: number) => [{ lines: [line, line] as [number, number], quote: 'x', section: [] }];
const dropRight = (id: string) => (m: PolicyModel) => void (m.rights = m.rights.filter((r) => r.id !== id));

function check(model: PolicyModel, asOf = AS_OF, profiles = ['gdpr', 'ccpa']) {
  return runChecks({ doc, model }, { profiles, asOf, strict: true });
}

interface Case {
  rule: string;
  breaks: string;
  mutate: (m: PolicyModel) => void;
  lines: number[];
  asOf?: string;
}

// Section lines in complete.md: 8 title, 10 who we are, 14 collect, 20 use, 30 share,
// 34 transfers, 38 retention, 42 rights, 46 California; front matter last_updated on line 5.
const CASES: Case[] = [
  { rule: 'structure/purpose-undeclared-data', breaks: 'a purpose uses location data never collected', mutate: (m) => void m.purposes[0]!.data_categories.push('location.precise'), lines: [22] },
  { rule: 'structure/recipient-without-purpose', breaks: 'the processor has no purpose', mutate: (m) => void (m.recipients[0]!.purposes = []), lines: [32] },
  { rule: 'structure/special-category-without-condition', breaks: 'health data without an Art. 9 condition', mutate: (m) => void m.data_categories.push({ id: 'special.health', polarity: 'positive', modality: 'asserted', source: 'declared', evidence: ev(16) }), lines: [16] },
  { rule: 'gdpr/controller-identity', breaks: 'no controller name', mutate: (m) => void delete m.controller.name, lines: [10] },
  { rule: 'gdpr/controller-contact', breaks: 'only a contact link', mutate: (m) => void (m.controller.contact = { url: 'https://acme.example/contact' }), lines: [10] },
  { rule: 'gdpr/dpo', breaks: 'no DPO', mutate: (m) => void delete m.controller.dpo, lines: [10] },
  { rule: 'gdpr/purposes', breaks: 'no purposes', mutate: (m) => void (m.purposes = []), lines: [20] },
  { rule: 'gdpr/legal-basis', breaks: 'one purpose without a basis', mutate: (m) => void delete m.purposes[1]!.legal_basis, lines: [24] },
  { rule: 'gdpr/legitimate-interests', breaks: 'legitimate interests not named', mutate: (m) => void delete m.purposes[2]!.legitimate_interest, lines: [26] },
  { rule: 'gdpr/recipients', breaks: 'nothing about recipients', mutate: (m) => void (m.recipients = []), lines: [30] },
  { rule: 'gdpr/transfer-safeguards', breaks: 'a transfer without safeguards', mutate: (m) => void (m.transfers[0]!.safeguards = []), lines: [36] },
  { rule: 'gdpr/retention', breaks: 'no retention', mutate: (m) => void (m.retention = []), lines: [38] },
  { rule: 'gdpr/right-access', breaks: 'no right of access', mutate: dropRight('access'), lines: [42] },
  { rule: 'gdpr/right-rectification', breaks: 'no right to rectification', mutate: dropRight('rectification'), lines: [42] },
  { rule: 'gdpr/right-erasure', breaks: 'no right to erasure', mutate: dropRight('erasure'), lines: [42] },
  { rule: 'gdpr/right-restriction', breaks: 'no right to restriction', mutate: dropRight('restriction'), lines: [42] },
  { rule: 'gdpr/right-portability', breaks: 'no right to portability', mutate: dropRight('portability'), lines: [42] },
  { rule: 'gdpr/right-object', breaks: 'no right to object', mutate: dropRight('object'), lines: [42] },
  { rule: 'gdpr/withdraw-consent', breaks: 'consent without withdrawal', mutate: dropRight('withdraw_consent'), lines: [42] },
  { rule: 'gdpr/complaint-right', breaks: 'no complaint right', mutate: dropRight('complaint'), lines: [42] },
  { rule: 'gdpr/statutory-requirement', breaks: 'no consequence of not providing data', mutate: dropRight('decline_to_provide'), lines: [14] },
  { rule: 'gdpr/automated-decisions', breaks: 'silence on automated decisions', mutate: (m) => void (m.automated_decisions = []), lines: [20] },
  { rule: 'gdpr/sources', breaks: 'unnamed third-party sources', mutate: (m) => void (m.sources = [{ id: 'third_party', polarity: 'positive', modality: 'asserted', source: 'declared', evidence: ev(18) }]), lines: [18] },
  { rule: 'ccpa/categories-collected', breaks: 'no categories', mutate: (m) => void (m.data_categories = []), lines: [14] },
  { rule: 'ccpa/sources', breaks: 'no sources', mutate: (m) => void (m.sources = []), lines: [14] },
  { rule: 'ccpa/purposes', breaks: 'no purposes', mutate: (m) => void (m.purposes = []), lines: [20] },
  { rule: 'ccpa/sold-or-shared', breaks: 'silence on selling', mutate: (m) => void (delete m.recipients[0]!.sold, delete m.recipients[0]!.shared_for_ads), lines: [30] },
  { rule: 'ccpa/sold-to-whom', breaks: 'sells without saying which data', mutate: (m) => void Object.assign(m.recipients[0]!, { sold: true, data_categories: [] }), lines: [32] },
  { rule: 'ccpa/right-know', breaks: 'no right to know', mutate: dropRight('access'), lines: [46] },
  { rule: 'ccpa/right-delete', breaks: 'no right to delete', mutate: dropRight('erasure'), lines: [46] },
  { rule: 'ccpa/right-correct', breaks: 'no right to correct', mutate: dropRight('rectification'), lines: [46] },
  { rule: 'ccpa/right-opt-out', breaks: 'sells with no opt-out', mutate: (m) => void (m.recipients[0]!.sold = true), lines: [46] },
  {
    rule: 'ccpa/right-limit',
    breaks: 'sensitive data with no right to limit',
    mutate: (m) => {
      m.data_categories.push({ id: 'special.health', polarity: 'positive', modality: 'asserted', source: 'declared', evidence: ev(16) });
      m.special_category_conditions.push({ id: 'explicit_consent', polarity: 'positive', modality: 'asserted', source: 'declared', evidence: ev(16) });
    },
    lines: [46],
  },
  { rule: 'ccpa/non-discrimination', breaks: 'no non-discrimination', mutate: dropRight('non_discrimination'), lines: [46] },
  {
    rule: 'ccpa/request-methods',
    breaks: 'one way to send requests',
    mutate: (m) => {
      for (const r of m.rights) r.via = [];
      m.controller.contact = { email: 'privacy@acme.example' };
    },
    lines: [46],
  },
  { rule: 'ccpa/last-updated', breaks: 'no date', mutate: (m) => void Object.assign(m.policy, { last_updated: null, effective_date: null }), lines: [8] },
  { rule: 'ccpa/last-updated-stale', breaks: 'updated 13 months before --as-of', mutate: () => undefined, asOf: '2025-06-01', lines: [5] },
];

describe('rules', () => {
  test('the complete policy meets every rule of both profiles', () => {
    expect(check(complete)).toEqual([]);
  });

  test('every rule has a case', () => {
    expect(CASES.map((c) => c.rule).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  test('every rule has a severity, a legal source and a description', () => {
    for (const r of RULES) {
      expect(r.id).toMatch(/^(structure|gdpr|ccpa)\/[a-z0-9-]+$/);
      expect(['error', 'warning', 'info']).toContain(r.severity);
      expect(r.cite).toMatch(/GDPR Art\. \d|Cal\. Civ\. Code §1798/);
      expect(r.description.length).toBeGreaterThan(10);
    }
  });

  test.each(CASES)('$rule fires when $breaks', (c) => {
    const model = structuredClone(complete);
    c.mutate(model);
    const found = check(model, c.asOf ?? AS_OF).filter((d) => d.ruleId === c.rule);
    expect(found.map((d) => d.start?.line)).toEqual(c.lines);
    for (const d of found) {
      expect(d.cite).toBe(RULES.find((r) => r.id === c.rule)!.cite);
      expect(d.source).toBe('check');
      expect(d.severity).toBe(RULES.find((r) => r.id === c.rule)!.severity);
    }
  });

  test('a recipient whose passage states a purpose, or the public, needs no linked purpose', () => {
    const model = structuredClone(complete);
    model.recipients[0]!.purposes = [];
    model.purposes.push({ id: 'customer_support', data_categories: [], polarity: 'positive', modality: 'asserted', source: 'declared', evidence: ev(32) });
    model.recipients.push({ id: 'public', data_categories: [], purposes: [], polarity: 'positive', modality: 'asserted', source: 'declared', evidence: ev(16) });
    expect(check(model).filter((d) => d.ruleId === 'structure/recipient-without-purpose')).toEqual([]);
  });

  test('"we will not disclose your information to third parties" answers whether data is sold', () => {
    const model = structuredClone(complete);
    delete model.recipients[0]!.sold;
    delete model.recipients[0]!.shared_for_ads;
    model.recipients.push({ id: 'third_party', data_categories: [], purposes: [], polarity: 'negative', modality: 'asserted', exception: 'unless you authorise it', source: 'declared', evidence: ev(32) });
    expect(check(model).filter((d) => d.ruleId === 'ccpa/sold-or-shared')).toEqual([]);
  });

  test('a missing thing goes to the section where it belongs, bold-line headings included, else the privacy heading', () => {
    const text = ['# Acme Stores', '', '**Our privacy policy**', '', 'We collect your email address.', '', '**How we use your information**', '', 'We send offers.', ''].join('\n');
    const d = parseMarkdown(text);
    const model = structuredClone(complete);
    model.purposes = model.purposes.map((p) => ({ ...p, legal_basis: undefined }));
    model.retention = [];
    const found = runChecks({ doc: d, model }, { profiles: ['gdpr'], asOf: AS_OF, strict: true });
    const line = (id: string) => found.find((x) => x.ruleId === id)?.start?.line;
    expect(line('gdpr/legal-basis')).toBe(7);
    expect(line('gdpr/retention')).toBe(7);
    model.purposes = [];
    const none = runChecks({ doc: parseMarkdown(text.replace('**How we use your information**', 'Then.')), model }, { profiles: ['gdpr'], asOf: AS_OF, strict: true });
    expect(none.find((x) => x.ruleId === 'gdpr/purposes')?.start?.line).toBe(3);
  });

  test('ccpa/request-methods counts channels, not cookie settings, and "contact us" once', () => {
    const model = structuredClone(complete);
    for (const r of model.rights) r.via = ['browser_settings', 'do_not_use', 'contact_us'];
    model.controller.contact = { email: 'privacy@acme.example' };
    expect(check(model).filter((d) => d.ruleId === 'ccpa/request-methods')).toHaveLength(1);
    model.controller.contact = { email: 'privacy@acme.example', phone: '+1 800 000 0000' };
    expect(check(model).filter((d) => d.ruleId === 'ccpa/request-methods')).toEqual([]);
  });

  test('profile rules run only for their profile; structural rules always', () => {
    const model = structuredClone(complete);
    model.retention = [];
    model.recipients[0]!.purposes = [];
    model.policy.last_updated = null;
    model.policy.effective_date = null;
    expect(check(model, AS_OF, []).map((d) => d.ruleId)).toEqual(['structure/recipient-without-purpose']);
    expect(check(model, AS_OF, ['gdpr']).map((d) => d.ruleId).sort()).toEqual(['gdpr/retention', 'structure/recipient-without-purpose']);
    expect(check(model, AS_OF, ['ccpa']).map((d) => d.ruleId).sort()).toEqual(['ccpa/last-updated', 'structure/recipient-without-purpose']);
  });

  test('a policy updated 11 months before --as-of is not stale; 12 months is', () => {
    expect(check(complete, '2025-04-30').filter((d) => d.ruleId === 'ccpa/last-updated-stale')).toEqual([]);
    expect(check(complete, '2025-05-01').filter((d) => d.ruleId === 'ccpa/last-updated-stale')).toHaveLength(1);
    expect(monthsBetween('2024-05-31', '2025-05-30')).toBe(11);
    expect(monthsBetween('2024-05-31', '2025-05-31')).toBe(12);
  });

  test('config severities: exact id, group wildcard, off; compile mode downgrades errors to warnings', () => {
    const model = structuredClone(complete);
    model.retention = [];
    model.controller = {};
    const run = (severities: Record<string, string>, strict = true) =>
      runChecks({ doc, model }, { profiles: ['gdpr'], asOf: AS_OF, severities, strict }).map((d) => [d.ruleId, d.severity]);
    expect(run({})).toEqual([
      ['gdpr/controller-identity', 'error'],
      ['gdpr/controller-contact', 'error'],
      ['gdpr/dpo', 'warning'],
      ['gdpr/retention', 'error'],
    ]);
    expect(run({ 'gdpr/retention': 'off', 'gdpr/dpo': 'error' })).toEqual([
      ['gdpr/controller-identity', 'error'],
      ['gdpr/controller-contact', 'error'],
      ['gdpr/dpo', 'error'],
    ]);
    expect(run({ 'gdpr/*': 'info', 'gdpr/retention': 'error' }).map((x) => x[1])).toEqual(['info', 'info', 'info', 'error']);
    expect(run({}, false).every(([, s]) => s === 'warning')).toBe(true);
    expect(effectiveSeverity(RULES[0]!, { structure: 'off' })).toBe('off');
  });

  test('profiles: --profile, else front matter jurisdictions, else config', () => {
    expect(chooseProfiles(['ccpa'], ['gdpr'], ['gdpr'])).toEqual({ profiles: ['ccpa'], from: '--profile' });
    expect(chooseProfiles(undefined, ['EU', 'California', 'br'], ['gdpr'])).toEqual({ profiles: ['gdpr', 'ccpa'], from: 'front matter' });
    expect(chooseProfiles(undefined, [], ['gdpr'])).toEqual({ profiles: ['gdpr'], from: 'policyc.config.yaml' });
    expect(chooseProfiles(undefined, [], undefined)).toEqual({ profiles: [], from: 'none' });
  });

  test('as-of: --as-of, else SOURCE_DATE_EPOCH, else today', () => {
    expect(resolveAsOf('2024-01-02', { SOURCE_DATE_EPOCH: '0' })).toEqual({ date: '2024-01-02', from: '--as-of' });
    expect(resolveAsOf(undefined, { SOURCE_DATE_EPOCH: '1700000000' })).toEqual({ date: '2023-11-14', from: 'SOURCE_DATE_EPOCH' });
    expect(resolveAsOf(undefined, {}, () => new Date('2026-03-04T05:06:07Z'))).toEqual({ date: '2026-03-04', from: 'today' });
  });
});
