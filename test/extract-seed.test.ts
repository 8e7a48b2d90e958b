// The seed policy (policies/kaspersky-uk/releases/1.0.0/policy.md = the corpus's kaspersky.co.uk 2013-06-06):
// key items with evidence on the right lines, every trap of ../shared/reference/seed-gold.yaml.
import { readFileSync } from 'node:fs';
import { expect, test } from '@jest/globals';
import { item, run } from './helpers-extract.js';
import { checkEvidence } from '../src/extract/index.js';

const md = readFileSync(new URL('../policies/kaspersky-uk/releases/1.0.0/policy.md', import.meta.url), 'utf8');
const { doc, model, diagnostics } = run(md, 'policies/kaspersky-uk/releases/1.0.0/policy.md');
const on = (it: { evidence: { lines: [number, number] }[] } | undefined, line: number) => !!it?.evidence.some((e) => e.lines[0] <= line && line <= e.lines[1]);
const pos = <T extends { polarity: string }>(xs: T[]) => xs.filter((x) => x.polarity === 'positive');
const spansHit = (xs: { evidence: { lines: [number, number] }[] }[], lines: number[]) => xs.some((x) => x.evidence.some((e) => lines.some((l) => e.lines[0] <= l && l <= e.lines[1])));

test('metadata: archive header as source, no dates, controller and contact page', () => {
  expect(model.policy.id).toBe('policy');
  expect(model.policy.title).toBe('Kaspersky Lab UK :: Antivirus software');
  expect(model.policy.source).toMatchObject({ site: 'kaspersky.co.uk', archived_on: '2013-06-06' });
  expect(model.policy.effective_date).toBeNull();
  expect(model.policy.last_updated).toBeNull();
  expect(model.controller.name).toBe('Kaspersky Labs');
  expect(model.controller.contact?.url).toBe('https://web.archive.org/about/contactinfo/');
  const rules = diagnostics.map((d) => d.ruleId);
  expect(rules).toEqual(expect.arrayContaining(['meta/missing-effective-date', 'meta/missing-version', 'meta/missing-retention']));
});

test('key data categories with their lines', () => {
  expect(on(item(model, 'data_categories', 'generic.personal_information'), 23)).toBe(true);
  expect(on(item(model, 'data_categories', 'identity.name'), 25)).toBe(true);
  expect(on(item(model, 'data_categories', 'contact.postal_address'), 25)).toBe(true);
  expect(on(item(model, 'data_categories', 'financial.payment_card'), 25)).toBe(true);
  expect(on(item(model, 'data_categories', 'account.identifier'), 26)).toBe(true);
  expect(on(item(model, 'data_categories', 'device.info'), 26)).toBe(true);
  expect(on(item(model, 'data_categories', 'online.ip_address'), 67)).toBe(true);
  expect(on(item(model, 'data_categories', 'online.cookies'), 61)).toBe(true);
  expect(item(model, 'data_categories', 'online.ip_address')?.modality).toBe('hedged');
});

test('purposes from the bullets under their lead-in', () => {
  expect(on(item(model, 'purposes', 'marketing'), 38)).toBe(true);
  expect(on(item(model, 'purposes', 'personalisation'), 37)).toBe(true);
  expect(on(item(model, 'purposes', 'product_improvement'), 39)).toBe(true);
  expect(on(item(model, 'purposes', 'legal_compliance'), 47)).toBe(true);
  expect(on(item(model, 'purposes', 'analytics'), 67)).toBe(true);
  const analytics = item(model, 'purposes', 'analytics') as { data_categories: string[] } | undefined;
  expect(analytics?.data_categories).toEqual(expect.arrayContaining(['online.ip_address', 'device.info']));
});

test('recipients: contractors, authorities (hedged, conditional text), offices, the public', () => {
  expect(on(item(model, 'recipients', 'processor'), 45)).toBe(true);
  const gov = item(model, 'recipients', 'public_authority');
  expect(on(gov, 47)).toBe(true);
  expect(gov?.modality).toBe('hedged');
  expect(gov?.condition).toMatch(/if legally required/);
  expect(on(item(model, 'recipients', 'group_company'), 57)).toBe(true);
  expect(on(item(model, 'recipients', 'public'), 75)).toBe(true);
});

test('rights and choices with their mechanisms', () => {
  expect(item(model, 'rights', 'opt_out_marketing')?.via).toEqual(['contact_us']);
  expect(item(model, 'rights', 'cookie_controls')?.via).toEqual(['browser_settings']);
  expect(item(model, 'rights', 'decline_to_provide')?.via).toEqual(['do_not_use']);
});

test('security measures, transfers, cookies, policy change', () => {
  expect(on(item(model, 'security', 'encryption_in_transit'), 55)).toBe(true);
  expect(on(item(model, 'security', 'generic'), 55)).toBe(true);
  expect(on(item(model, 'security', 'access_control'), 45)).toBe(true);
  expect(model.transfers.length).toBeGreaterThan(0);
  expect(model.cookies).toMatchObject({ used: true, do_not_track: 'not_mentioned', modality: 'hedged' });
  expect(model.policy_change.notice).toBe('policy_page');
  expect(model.children).toEqual({ min_age: null, collects_knowingly: null, evidence: [] });
});

test('zero traps', () => {
  expect(JSON.stringify([model.policy.effective_date, model.policy.last_updated])).not.toContain('2013-06-06');
  expect(pos([...model.purposes, ...model.recipients]).filter((i) => /sale|sell/.test(i.id) || (i as { sold?: boolean }).sold)).toEqual([]);
  expect(spansHit(model.retention, [45])).toBe(false);
  for (const r of pos(model.recipients)) expect(r.evidence.every((e) => (e.lines[0] <= 71 && 71 <= e.lines[1]) || (e.lines[0] <= 12 && 12 <= e.lines[1]))).toBe(false);
  const negatives = [...model.data_categories, ...model.purposes, ...model.recipients].filter((i) => i.polarity === 'negative');
  expect(spansHit(negatives, [30, 51, 61, 63, 67, 71, 75])).toBe(false);
  expect(model.retention).toEqual([]);
});

test('evidence: exact slices on their lines, every supporting passage kept', () => {
  expect(checkEvidence(doc, model)).toEqual([]);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const ip = item(model, 'data_categories', 'online.ip_address')!;
  expect(ip.evidence.map((e) => e.lines[0])).toEqual(expect.arrayContaining([63, 67]));
  for (const facet of ['data_categories', 'purposes', 'recipients', 'rights', 'security'] as const)
    for (const it of model[facet]) {
      expect(it.source).toBe('inferred');
      expect(typeof it.rule).toBe('string');
      expect(it.confidence).toBeGreaterThan(0);
      expect(it.confidence).toBeLessThanOrEqual(1);
      for (const e of it.evidence) expect(e.lines[1] - e.lines[0]).toBeLessThan(30);
    }
});

test('a tampered quote fails the self-check loudly', () => {
  const bad = structuredClone(model);
  bad.data_categories[0]!.evidence[0]!.quote += ' (edited)';
  const errs = checkEvidence(doc, bad);
  expect(errs).toHaveLength(1);
  expect(errs[0]).toMatchObject({ ruleId: 'extract/evidence-mismatch', severity: 'error' });
  const shifted = structuredClone(model);
  const ev = shifted.recipients[0]!.evidence[0]!;
  ev.lines = [ev.lines[0] - 1, ev.lines[1]];
  expect(checkEvidence(doc, shifted)[0]?.ruleId).toBe('extract/evidence-mismatch');
});

test('output is deterministic', () => {
  expect(JSON.stringify(run(md, 'policies/kaspersky-uk/releases/1.0.0/policy.md').model)).toBe(JSON.stringify(model));
});
