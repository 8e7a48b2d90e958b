import { expect, test } from '@jest/globals';
import { run } from './helpers-extract.js';
import { extract } from '../src/extract/index.js';
import { parseMarkdown } from '../src/parse/markdown.js';

test('front matter is declared metadata; its diagnostics are passed on', () => {
  const md = '---\ntitle: Acme Privacy Notice\nversion: 2.1.0\neffective_date: 2024-05-01\njurisdictions: [gdpr, ccpa]\ncontroller:\n  name: Acme Ltd\n  email: privacy@acme.test\n---\n# Something else\n\nWe collect your name.\n';
  const { model, diagnostics } = run(md, 'policies/acme/policy.md');
  expect(model.policy).toMatchObject({ title: 'Acme Privacy Notice', version: '2.1.0', effective_date: '2024-05-01', jurisdictions: ['gdpr', 'ccpa'], languages: ['en'] });
  expect(model.controller.name).toBe('Acme Ltd');
  expect(model.controller.contact?.email).toBe('privacy@acme.test');
  expect(diagnostics.map((d) => d.ruleId)).not.toContain('meta/missing-version');
  const broken = run('---\ntitle: [unclosed\n---\n# P\n');
  expect(broken.diagnostics.some((d) => d.ruleId.startsWith('front-matter/') && d.severity === 'error')).toBe(true);
});

test('id from the option, else the file stem; title from the first heading', () => {
  const doc = parseMarkdown('# Example Corp Privacy Policy\n\nText.\n', 'some/dir/My Policy_v2.md');
  expect(extract(doc).model.policy.id).toBe('my-policy-v2');
  expect(extract(doc, { id: 'example' }).model.policy.id).toBe('example');
  expect(extract(doc).model.policy.title).toBe('Example Corp Privacy Policy');
  expect(extract(doc).model.controller.name).toBe('Example Corp');
});

test('contact details and the warnings for what is missing', () => {
  const ok = run('# P\n\n## Contact us\n\nExample Inc. ("we") answers questions at privacy@example.com or 1-800-555-0100.\n\nExample Inc.  \n123 Main Street  \nSpringfield, IL 62701\n');
  // the period of the abbreviated legal form is part of the name (facetqa2)
  expect(ok.model.controller.name).toBe('Example Inc.');
  expect(ok.model.controller.contact).toMatchObject({ email: 'privacy@example.com', postal_address: '123 Main Street, Springfield, IL 62701' });
  expect(ok.diagnostics.map((d) => d.ruleId)).not.toContain('meta/missing-contact');
  const none = run('# P\n\nWe collect data.\n');
  const rules = none.diagnostics.map((d) => d.ruleId);
  expect(rules).toEqual(expect.arrayContaining(['meta/missing-contact', 'meta/missing-effective-date', 'meta/missing-version']));
  for (const d of none.diagnostics) expect(d).toMatchObject({ source: 'extract', start: { line: 1, column: 1 } });
});

test('children, policy change notice, transfers', () => {
  const { model } = run('# P\n\nWe do not knowingly collect personal information from children under 13.\n\nWe will notify you by email of any material change to this policy.\n\nYour information may be transferred to the United States, under standard contractual clauses.\n');
  expect(model.children).toMatchObject({ min_age: 13, collects_knowingly: false });
  expect(model.policy_change.notice).toBe('personal');
  expect(model.transfers[0]).toMatchObject({ countries: ['US'], safeguards: ['standard_contractual_clauses'] });
});

test('never throws, even on odd input', () => {
  for (const src of ['', '\u0000', '---\n---\n', '#', '* * *\n|  |\n---|---\n', '> quote only', '\uFEFF# x\r\nY'.repeat(50), '<!-- -->', '[](', '`'.repeat(1000)]) {
    expect(() => extract(parseMarkdown(src))).not.toThrow();
  }
});

test('policy-change notice, read across the sentences of a section', () => {
  const notice = (body: string) => run(`# P\n\n## Changes\n\n${body}\n`).model.policy_change.notice;
  expect(notice('We may revise this Privacy Policy from time to time. The most current version will always be posted on this page.')).toBe('policy_page');
  expect(notice('If we make material changes, we will notify you by email.')).toBe('personal');
  expect(notice('We may update this policy. If we do, we will let you know by posting a notice on the site.')).toBe('website');
  expect(notice('We do update our policy periodically without notice.')).toBe('none');
  expect(run('# P\n\nWe collect your name.\n').model.policy_change).toEqual({ notice: 'none', evidence: [] });
});

// ---- facetqa2: controller names and dates the second facet round reads

test('the controller the policy names, a legal form kept whole, an appositive, the addressee line', () => {
  const name = (md: string) => run(md).model.controller.name;
  expect(name('# Acme Privacy Policy\n\n## Who we are\n\nAcme Music Corp. is the data controller of personal data processed under this policy.\n')).toBe('Acme Music Corp.');
  // the controller for some users only is not the policy's controller
  expect(name('# Acme Privacy Policy\n\n## Who we are\n\nIf you live in the EEA, Acme Europe B.V. is the controller of your information.\n')).toBe('Acme');
  expect(name('# Zeta Ltd. Privacy Policy\n\nText.\n')).toBe('Zeta Ltd.');
  expect(name('# Privacy\n\n## About\n\nThis policy explains how the Open Atlas Foundation, the non-profit organization that hosts the Atlas sites, uses information.\n')).toBe('Open Atlas Foundation');
  expect(name('# Privacy\n\n## Contact Information\n\nWrite to us at:\n\nquux, Inc.  \n12 Harbor Street  \nOakland CA 94612\n')).toBe('quux, Inc.');
  // an addressee line that is no legal entity is not taken as a name
  expect(name('# Privacy\n\n## Contact Information\n\nWrite to us at:\n\nAttn: Privacy Team  \n12 Harbor Street  \nOakland CA 94612\n')).toBeUndefined();
});

test('the date a version went into effect, not the period of an earlier version', () => {
  const md = '# Privacy Policy\n\nText.\n\nThis version went into effect on May 24, 2018.\n\n* Earlier policy: effective from June 6, 2014 until May 24, 2018\n';
  expect(run(md).model.policy.effective_date).toBe('2018-05-24');
  const only = '# Privacy Policy\n\nText.\n\n* Earlier policy: effective from June 6, 2014 until May 24, 2018\n';
  expect(run(only).model.policy.effective_date).toBeNull();
});

test('a labelled address line in the contact section, whatever its street word', () => {
  const m = run('# Privacy\n\n## Contact Us\n\nAddress: 7 Calle Mayor Oeste, Suite 4, Santa Clara, CA 95050\n\nEmail: privacy@example.test\n').model;
  expect(m.controller.contact?.postal_address).toBe('7 Calle Mayor Oeste, Suite 4, Santa Clara, CA 95050');
  // outside the contact section a labelled line is not taken
  const o = run('# Privacy\n\n## Data we collect\n\nAddress: 7 Calle Mayor Oeste, Suite 4, Santa Clara, CA 95050\n').model;
  expect(o.controller.contact?.postal_address).toBeUndefined();
});
