// The diff engine: classification of each kind of change on hand-written models (independent of
// the extractor), end to end on markdown fixtures, the CI gate, and the real version series.
import { describe, test, expect } from '@jest/globals';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { diffPolicies, renderDiffHtml, renderDiffMarkdown, renderDiffText, summarizeDiff, bumpFor } from '../src/diff/index.js';
import { durationDays } from '../src/diff/model.js';
import { normalizeHeading } from '../src/diff/normalize.js';
import { extractPolicy } from '../src/pipeline.js';
import type { PolicyModel } from '../src/model/types.js';
import { runCli } from './check-helpers.js';

const base = (): PolicyModel => parse(readFileSync('test/fixtures/models/full.yaml', 'utf8')) as PolicyModel;
const modelDiff = (edit: (m: PolicyModel) => void) => {
  const a = base();
  const b = base();
  edit(b);
  return diffPolicies({ label: 'a', model: a }, { label: 'b', model: b });
};
const item = (id: string, extra: Record<string, unknown> = {}) => ({ id, polarity: 'positive' as const, modality: 'asserted' as const, source: 'declared' as const, evidence: [], ...extra });
const classes = (d: ReturnType<typeof modelDiff>) => d.changes.map((c) => `${c.class} ${c.key}`);

describe('classification of model changes', () => {
  test('the same model twice: no changes, no bump', () => {
    const d = modelDiff(() => undefined);
    expect(d.changes).toEqual([]);
    expect(d.required_bump).toBe('none');
    expect(summarizeDiff(d)).toBe('No changes from a to b.');
  });

  test('a new recipient type is material; a new named recipient of a known type is minor', () => {
    expect(classes(modelDiff((m) => m.recipients.push({ ...item('advertising_partner', { name: 'AdCo' }), data_categories: [], purposes: [] })))).toEqual(['material recipients/advertising_partner#AdCo']);
    const named = modelDiff((m) => m.recipients.push({ ...item('analytics_provider', { name: 'Matomo' }), data_categories: [], purposes: [] }));
    expect(classes(named)).toEqual(['minor recipients/analytics_provider#Matomo']);
    expect(named.required_bump).toBe('minor');
  });

  test('a recipient that gained a purpose, and a purpose that gained a data category, are material', () => {
    expect(classes(modelDiff((m) => m.recipients[0]!.purposes.push('advertising')))).toEqual(['material recipients/analytics_provider#Google Analytics:purposes']);
    expect(classes(modelDiff((m) => m.purposes[0]!.data_categories.push('location.precise')))).toEqual(['material purposes/marketing:data_categories']);
  });

  test('a new sale is material', () => {
    expect(classes(modelDiff((m) => (m.recipients[0]!.sold = true)))).toEqual(['material recipients/analytics_provider#Google Analytics:sold']);
  });

  test('retention from 24 months to 36 is material; shorter is minor', () => {
    const longer = modelDiff((m) => (m.retention[0]!.period = 'P3Y'));
    expect(classes(longer)).toEqual(['material retention/stated_period:period']);
    expect(longer.changes[0]!.summary).toMatch(/P2Y → P3Y/);
    expect(classes(modelDiff((m) => (m.retention[0]!.period = 'P1Y')))).toEqual(['minor retention/stated_period:period']);
    expect(durationDays('P1Y6M')).toBe(545);
  });

  test('a right removed, or narrowed (a way to use it lost), is material; a new right is minor', () => {
    expect(classes(modelDiff((m) => m.rights.splice(0, 1)))).toEqual(['material rights/access']);
    expect(classes(modelDiff((m) => (m.rights[0]!.via = ['contact_us'])))).toEqual(['material rights/access:via']);
    expect(classes(modelDiff((m) => m.rights.push({ ...item('erasure'), via: [] })))).toEqual(['minor rights/erasure']);
  });

  test('a new security measure is minor; a removed one is material', () => {
    expect(classes(modelDiff((m) => m.security.push(item('encryption_at_rest'))))).toEqual(['minor security/encryption_at_rest']);
    expect(classes(modelDiff((m) => m.security.splice(0, 1)))).toEqual(['material security/encryption_in_transit']);
  });

  test('new special-category data is material; new ordinary data is minor', () => {
    expect(classes(modelDiff((m) => m.data_categories.push(item('special.biometric'))))).toEqual(['material data_categories/special.biometric']);
    expect(classes(modelDiff((m) => m.data_categories.push(item('demographic.age'))))).toEqual(['minor data_categories/demographic.age']);
  });

  test('a new purpose and a new transfer country are material', () => {
    expect(classes(modelDiff((m) => m.purposes.push({ ...item('profiling'), data_categories: [] })))).toEqual(['material purposes/profiling']);
    expect(classes(modelDiff((m) => m.transfers[0]!.countries.push('CN')))).toEqual(['material transfers/outside_eea:countries']);
  });

  test('a denied practice that becomes stated is one material change, not a removal plus an addition', () => {
    const d = modelDiff((m) => (m.data_categories.find((i) => i.id === 'special.health')!.polarity = 'positive'));
    expect(classes(d)).toEqual(['material data_categories/special.health:polarity']);
  });

  test('items are matched by key: reordering and evidence moves change nothing', () => {
    const d = modelDiff((m) => {
      m.data_categories.reverse();
      m.data_categories[0]!.evidence = [{ lines: [40, 40], quote: 'moved', section: [] }];
    });
    expect(d.changes).toEqual([]);
  });

  test('a reviewer override changes the class, keeps the reason, and the bump follows', () => {
    const a = base();
    const b = base();
    b.purposes.push({ ...item('analytics'), data_categories: [] });
    const d = diffPolicies({ label: 'a', model: a }, { label: 'b', model: b }, { overrides: [{ key: 'purposes/analytics', class: 'minor', reason: 'analytics was always disclosed in the cookie banner' }] });
    expect(d.changes[0]).toMatchObject({ class: 'minor', override: { from: 'material', reason: 'analytics was always disclosed in the cookie banner' } });
    expect(d.required_bump).toBe('minor');
  });

  test('bumps: material or needs review -> major, minor -> minor, editorial -> patch', () => {
    expect(bumpFor({ material: 0, needs_review: 1, minor: 0, editorial: 0 })).toBe('major');
    expect(bumpFor({ material: 0, needs_review: 0, minor: 2, editorial: 5 })).toBe('minor');
    expect(bumpFor({ material: 0, needs_review: 0, minor: 0, editorial: 1 })).toBe('patch');
  });

  test('headings compare without numbering and punctuation', () => {
    expect(normalizeHeading('1. What we collect:')).toBe(normalizeHeading('What We Collect'));
    expect(normalizeHeading('IV. Cookies')).toBe('cookies');
  });
});

const fixture = (name: string) => {
  const path = `test/fixtures/diff/${name}.md`;
  const r = extractPolicy({ id: 'acme', path, text: readFileSync(path, 'utf8') });
  return { label: name, model: r.model, doc: r.doc };
};
const against = (name: string) => diffPolicies(fixture('base'), fixture(name));

describe('markdown versions, end to end', () => {
  test('a wording-only edit is editorial and needs a patch', () => {
    const d = against('wording');
    expect(d.counts).toEqual({ material: 0, minor: 0, editorial: 2, needs_review: 0 });
    expect(d.required_bump).toBe('patch');
    const section = d.sections.find((s) => s.status === 'changed')!;
    expect(section.parts!.some((p) => p.added && /When you create an account, we/.test(p.value))).toBe(true);
  });

  test('whitespace and quote style are not changes', () => {
    const d = diffPolicies(fixture('base'), fixture('quotes'));
    expect(d.changes).toEqual([]);
    const text = readFileSync('test/fixtures/diff/base.md', 'utf8');
    const side = (t: string, label: string) => {
      const r = extractPolicy({ id: 'acme', path: `${label}.md`, text: t });
      return { label, model: r.model, doc: r.doc };
    };
    const straight = side(text.replace('service announcements', '"service announcements" - the company\'s'), 'straight');
    const curly = side(text.replace('service announcements', '\u201cservice announcements\u201d \u2013 the company\u2019s'), 'curly');
    expect(diffPolicies(straight, curly).changes).toEqual([]);
  });

  test('a moved section is reported as moved, not as a change in substance', () => {
    const d = against('moved');
    expect(d.changes).toEqual([]);
    expect(d.sections.filter((s) => s.status === 'moved').length).toBeGreaterThan(0);
    expect(d.sections.some((s) => s.status === 'added' || s.status === 'removed')).toBe(false);
  });

  test('a new recipient is material and needs a major version, with evidence in the new text', () => {
    const d = against('new-recipient');
    const rec = d.changes.find((c) => c.key === 'recipients/advertising_partner')!;
    expect(rec.class).toBe('material');
    expect(rec.evidenceAfter[0]!.quote).toMatch(/advertising partners/);
    expect(d.required_bump).toBe('major');
  });

  test('a removed right is material', () => {
    expect(against('removed-right').changes.find((c) => c.key === 'rights/access')?.class).toBe('material');
  });

  test('a changed practice sentence the model misses needs review, never editorial', () => {
    const d = against('unexplained');
    const flagged = d.changes.filter((c) => c.class === 'needs_review');
    expect(flagged).toHaveLength(1);
    expect(flagged[0]!.summary).toMatch(/Zorblax/);
    expect(flagged[0]!.evidenceAfter[0]).toMatchObject({ lines: [14, 14], quote: 'Our sister brand Zorblax also receives these details.' });
    expect(d.required_bump).toBe('major');
  });

  test('12 months to 24 months of retention, in the prose, is one material change to the period', () => {
    const r = against('longer-retention');
    expect(r.changes.filter((c) => c.facet === 'retention').map((c) => [c.class, c.key, c.before, c.after])).toEqual([['material', 'retention/stated_period#P24M:period', 'P12M', 'P24M']]);
    expect(r.required_bump).toBe('major');
  });

  test('printers: text has the summary first, markdown a table, HTML escapes everything', () => {
    const d = against('new-recipient');
    expect(renderDiffText(d).split('\n')[0]).toBe(summarizeDiff(d));
    expect(renderDiffMarkdown(d)).toMatch(/\| material \| 2 \|/);
    const hostile = diffPolicies({ label: '<a>', model: base() }, { label: '<script>alert(1)</script>', model: base() });
    const html = renderDiffHtml(hostile);
    expect(html).not.toMatch(/<script/);
    expect(renderDiffHtml(d, { layout: 'side-by-side' })).toMatch(/class="sbs"/);
  });
});

describe('policyc diff on the command line', () => {
  const f = (n: string) => `test/fixtures/diff/${n}.md`;
  test('--fail-on gates: material fails on a new recipient, passes on wording', async () => {
    expect((await runCli(['diff', f('base'), f('new-recipient'), '--fail-on', 'material'])).code).toBe(1);
    expect((await runCli(['diff', f('base'), f('wording'), '--fail-on', 'material'])).code).toBe(0);
    expect((await runCli(['diff', f('base'), f('wording'), '--fail-on', 'minor'])).code).toBe(0);
    expect((await runCli(['diff', f('base'), f('wording'), '--fail-on', 'any'])).code).toBe(1);
    expect((await runCli(['diff', f('base'), f('quotes'), '--fail-on', 'any'])).code).toBe(0);
    expect((await runCli(['diff', f('base'), f('unexplained'), '--fail-on', 'material'])).code).toBe(1);
  });

  test('formats, overrides and usage errors', async () => {
    const json = await runCli(['diff', f('base'), f('new-recipient'), '--format', 'json']);
    expect(JSON.parse(json.stdout).required_bump).toBe('major');
    const over = await runCli(['diff', f('base'), f('new-recipient'), '--format', 'json', '--override', 'recipients/advertising_partner=minor:a partner we already named', '--override', 'purposes/advertising=minor:same']);
    const d = JSON.parse(over.stdout);
    expect(d.changes.find((c: { key: string }) => c.key === 'recipients/advertising_partner').override.reason).toBe('a partner we already named');
    expect(d.required_bump).toBe('minor');
    expect((await runCli(['diff', f('base')])).code).toBe(2);
    expect((await runCli(['diff', f('base'), f('wording'), '--override', 'nonsense'])).code).toBe(2);
    expect((await runCli(['diff', f('base'), 'no/such.md'])).code).toBe(2);
  });

  test('releases of the bundled example: kaspersky-uk@1.0.0 against @2.0.0', async () => {
    const r = await runCli(['diff', 'kaspersky-uk@1.0.0', 'kaspersky-uk@2.0.0', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^### Policy diff: kaspersky-uk@1\.0\.0 → kaspersky-uk@2\.0\.0/);
    expect(r.stdout).toMatch(/requires a major version/);
  });
});

const versions = join('..', 'shared', 'corpus', 'versions');
const present = existsSync(versions);
if (!present) console.warn(`diff corpus tests skipped: ${versions} is absent`);
const maybe = present ? describe : describe.skip;

maybe('the real version series (../shared/corpus/versions)', () => {
  const side = (service: string, date: string) => {
    const path = join(versions, service, `${date}.md`);
    const r = extractPolicy({ id: service.replace(/[^a-z0-9]+/g, '-'), path, text: readFileSync(path, 'utf8') });
    return { label: date, model: r.model, doc: r.doc };
  };
  const dates = (service: string) => readdirSync(join(versions, service)).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();

  test('a version against itself: nothing changed', () => {
    for (const service of ['kaspersky.co.uk', 'wikipedia', 'telegram']) {
      const s = side(service, dates(service)[0]!);
      const d = diffPolicies(s, s);
      expect([service, d.changes.length, d.required_bump]).toEqual([service, 0, 'none']);
    }
  });

  test('kaspersky 2013 -> 2015: a new policy, major, with material changes evidenced in both texts', () => {
    const d = diffPolicies(side('kaspersky.co.uk', '2013-06-06'), side('kaspersky.co.uk', '2015-06-07'));
    expect(d.required_bump).toBe('major');
    expect(d.counts.material).toBeGreaterThan(0);
    expect(d.changes.some((c) => c.class === 'material' && c.evidenceBefore.length && c.evidenceAfter.length)).toBe(true);
  });

  test('wikipedia 2013 -> 2014, a rewrite: completes, sections mostly added and removed, major', () => {
    const d = diffPolicies(side('wikipedia', '2013-06-20'), side('wikipedia', '2014-06-07'));
    expect(d.required_bump).toBe('major');
    expect(d.sections.filter((s) => s.status === 'added' || s.status === 'removed').length).toBeGreaterThan(5);
  });

  test('telegram, reddit and github-site-policy over several versions: every step is classified and ordered', () => {
    for (const service of ['telegram', 'reddit', 'github-site-policy']) {
      const ds = dates(service);
      expect(ds.length).toBeGreaterThanOrEqual(5);
      for (let i = 1; i < ds.length; i++) {
        const d = diffPolicies(side(service, ds[i - 1]!), side(service, ds[i]!));
        const order = ['material', 'needs_review', 'minor', 'editorial'];
        const ranks = d.changes.map((c) => order.indexOf(c.class));
        expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
        expect(Object.values(d.counts).reduce((x, y) => x + y, 0)).toBe(d.changes.length);
        expect(['major', 'minor', 'patch', 'none']).toContain(d.required_bump);
      }
    }
  });
});
