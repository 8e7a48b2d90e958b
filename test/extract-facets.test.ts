// The non-recipient facets, measured on fresh text (the facetqa round): every case is a sentence
// written for this test, in the grammar the rule reads, with its counterpart that must not fire.
import { expect, test } from '@jest/globals';
import { findTransfer } from '../src/extract/transfers.js';
import { findRetention } from '../src/extract/retention.js';
import { ids, P, run } from './helpers-extract.js';

const tr = (s: string) => findTransfer(s.toLowerCase());

test('a country where the people are is not where the data goes', () => {
  expect(tr('When we transfer the personal data of customers in the EEA, the UK or Switzerland, we rely on standard contractual clauses.')).toMatchObject({ countries: [], safeguards: ['standard_contractual_clauses'] });
  expect(tr('If you live in Canada, we store your information on servers located in the United States.')?.countries).toEqual(['US']);
  expect(tr('We process data received from the European Union in the United States.')?.countries).toEqual(['US']);
  expect(tr('If the processing of personal data is subject to European Union data protection law, you may ask us to transfer it to you.')?.countries ?? []).toEqual([]);
  // the destination still counts when it follows a transfer verb
  expect(tr('We transfer personal information to Canada and Germany.')?.countries).toEqual(['CA', 'DE']);
});

test('joining a transfer framework is a transfer to the United States on that safeguard', () => {
  expect(tr('Acme participates in the Safe Harbor program of the Department of Commerce.')).toMatchObject({ countries: ['US'], safeguards: ['safe_harbor'] });
  expect(tr('Acme complies with the EU-U.S. Data Privacy Framework.')).toMatchObject({ countries: ['US'], safeguards: ['certification'] });
  expect(tr('Acme no longer participates in the Privacy Shield.')).toBeNull();
  expect(tr('Our harbor tours are certified by the port authority.')).toBeNull();
});

test('retention a law requires, said at a distance or as mandatory retention laws', () => {
  const r = (s: string) => findRetention(s.toLowerCase());
  expect(r('We may retain some records for internal business reasons and, where we think it is wise, as required by, any applicable law.')).toMatchObject({ kind: 'legal_requirement' });
  expect(r('These may include mandatory data retention laws and orders to preserve data.')).toMatchObject({ kind: 'legal_requirement' });
  expect(r('We store your photos so that you can see them later.')).toBeNull();
});

test('Do Not Track: the stance stated in the next sentence of the same paragraph', () => {
  const { model } = run(P('Your browser may send a Do Not Track signal. We do not take any action in response to this signal.'));
  expect(model.cookies.do_not_track).toBe('not_honored');
  const honored = run(P('Your browser may send a Do Not Track signal. We honor this signal when we receive it.')).model;
  expect(honored.cookies.do_not_track).toBe('honored');
  // a signal named in another paragraph is not the Do Not Track signal
  const apart = run(P('Your browser may send a Do Not Track signal.\n\nWe do not respond to this signal from our partners.')).model;
  expect(apart.cookies.do_not_track).toBe('not_mentioned');
});

test("children: the age of a gate outranks an age named for something else", () => {
  const { model } = run(P('Our service is not directed to children under 13. We do not sell the personal information of users under 16. Please take care with content for viewers under 18.'));
  expect(model.children.min_age).toBe(13);
  const lead = run(P('The service is not intended for anyone whose age:\n\n* is under the age of 14\n* requires parental consent\n\nKeep mature content away from people under 18.')).model;
  expect(lead.children.min_age).toBe(14);
  // no gate at all: the largest age named stays the reading
  expect(run(P('We take care with the data of users under 16.')).model.children.min_age).toBe(16);
});

test('security: links, certifications of a transfer framework and advice to the reader are no measures', () => {
  const link = run(P('To learn more, please visit [https://example.com/privacy](https://example.com/privacy).')).model;
  expect(ids(link, 'security')).toEqual([]);
  const https = run(P('We use HTTPS to protect your information in transit.')).model;
  expect(ids(https, 'security')).toContain('encryption_in_transit');
  const cert = run(P('To protect your data, Acme has certified that it adheres to the Safe Harbor Principles.')).model;
  expect(ids(cert, 'security')).not.toContain('audits');
  expect(ids(run(P('To protect your data, our systems are audited by an independent firm.')).model, 'security')).toContain('audits');
  const purposes = run(P('To protect your account, we may keep your information for auditing purposes.')).model;
  expect(ids(purposes, 'security')).not.toContain('audits');
  const advice = run(P('It is important for you to protect against unauthorized access to your password and to your computer.')).model;
  expect(ids(advice, 'security')).not.toContain('authentication');
  expect(ids(run(P('All data is encrypted, both in storage and in transit, to protect it.')).model, 'security')).toContain('encryption_in_transit');
});

test('contact: a lead-in before the address and an e-mail after it are not part of it; an in-page anchor is no contact page', () => {
  const { model } = run(P('Questions? Write to us at: Acme Inc., 12 Main Street, Springfield, IL 62701\n[privacy@acme.example](mailto:privacy@acme.example)\n\nSee [how to contact us](#contact-us).'));
  expect(model.controller.contact?.postal_address).toBe('Acme Inc., 12 Main Street, Springfield, IL 62701');
  expect(model.controller.contact?.email).toBe('privacy@acme.example');
  expect(model.controller.contact?.url).toBeUndefined();
});

test('policy change: "check our web site ... to see recent changes" points to the policy page', () => {
  const { model } = run(P('This privacy notice will change from time to time. You should check our web site often to see recent changes.'));
  expect(model.policy_change.notice).toBe('policy_page');
});

// ---- facetqa2: the second round (set 2 of the hand-read facet measure and facetqa's "left" list)

test('a place you signed up from, or the place data leaves, is not where it goes', () => {
  expect(tr('If you registered for Acme from Canada, your data is stored on servers in Ireland.')?.countries).toEqual(['IE']);
  expect(tr('If you signed up for Acme from the UK, your data is stored in data centers in Germany.')?.countries).toEqual(['DE']);
  expect(tr('We may transfer your personal information outside of the United Kingdom to our offices in India.')?.countries).toEqual(['IN']);
  // storage "within" a place stated after "collected from you" is where it is kept
  expect(tr('We store information collected from you within the European Economic Area and Canada.')?.countries).toEqual(['CA', 'EEA']);
  expect(tr('We transfer information collected from users in the EEA to the United States.')?.countries).toEqual(['US']);
});

test('a GDPR representative named because the company is abroad is no transfer', () => {
  expect(tr('As Acme is located outside the EEA, we have designated Rep Ltd as our representative for your questions about our processing of your personal data.')).toBeNull();
  expect(tr('We have appointed a representative and we transfer your personal data to the United States.')?.countries).toEqual(['US']);
});

test('a recipient located in a named country: the destination, and the disclosure stays a disclosure', () => {
  const f = tr('We may share your personal data with our parent company, located in the British Virgin Islands, and a group member located in Dubai.');
  expect(f).toMatchObject({ countries: ['AE', 'VG'], frame: false });
  expect(tr('Our servers are located in the United Arab Emirates and hold your data.')).toMatchObject({ countries: ['AE'], frame: true });
});

test('a safeguard named in a later sentence of the transfer paragraph joins the transfer', () => {
  const { model } = run(P('We may share your personal data with our affiliate located in Singapore. This will take the form of standard contract clauses approved by the European Commission.'));
  expect(model.transfers[0]).toMatchObject({ countries: ['SG'], safeguards: ['standard_contractual_clauses'] });
  const apart = run(P('We may share your personal data with our affiliate located in Singapore.\n\nOur vendor agreements contain standard contractual clauses.')).model;
  expect(apart.transfers[0]?.safeguards ?? []).toEqual([]);
});

test('the policy-change notice: delivered to you through the service, or posted on a blog', () => {
  const notice = (s: string) => run(P(s)).model.policy_change.notice;
  expect(notice('We may change this Privacy Policy. Important changes to this Privacy Policy will be notified to you via the Acme app.')).toBe('personal');
  expect(notice('We may change this Privacy Policy. Changes to this Privacy Policy will be notified to you via a notice on our website.')).toBe('website');
  expect(notice('We may change this Privacy Policy from time to time. Any such changes will be posted on the Acme blog.')).toBe('website');
  expect(notice('We may notify our customers by email of material changes to this policy.')).toBe('personal');
});

test('notice before a new use of data is no notice of a policy change', () => {
  const md = '# Privacy Policy\n\n## Changes and your information\n\nWe may update this Privacy Policy, and any changes will be posted on this page.\n\nWe will not use your personal information for a new purpose without first notifying you by email.\n';
  const m = run(md).model;
  expect(m.policy_change.notice).toBe('policy_page');
  expect(m.policy_change.evidence.map((e) => e.quote).join(' ')).not.toMatch(/new purpose/);
  // a follow-up about the policy itself in that section still counts
  const m2 = run('# Privacy Policy\n\n## Changes\n\nWe may update this Privacy Policy.\n\nPlease review this Privacy Policy periodically to be informed of how we use your information.\n').model;
  expect(m2.policy_change.evidence.map((e) => e.quote).join(' ')).toMatch(/review this Privacy Policy/);
});

test('the places a transfer starts from, listed after "outside" or "from", are not its destinations', () => {
  expect(tr('Our vendors may process data outside of Canada or the European Union.')).toMatchObject({ countries: [] });
  expect(tr('We transfer personal data from the European Union, the United Kingdom, and Switzerland to the United States.')?.countries).toEqual(['US']);
  expect(tr('We transfer personal data from Germany and France to countries that have not been found adequate.')).toMatchObject({ countries: [], frame: true });
  expect(tr('We may be liable for the transfer of personal data from Switzerland to a third party outside those countries.')).toMatchObject({ countries: [], frame: true });
  // a destination listed after "to" still counts
  expect(tr('We send personal data to Canada and Japan.')?.countries).toEqual(['CA', 'JP']);
});

test('a period "for at least" before deletion is a stated period; a window "within at least" is not', () => {
  const r = (s: string) => findRetention(s.toLowerCase());
  expect(r('If you do not sign in for at least 9 months, your account will be deleted with its data.')).toMatchObject({ kind: 'stated_period', period: 'P9M' });
  expect(r('You can delete a message for everyone within at least 48 hours of sending it.')?.period ?? null).toBeNull();
});

test('technical and organisational measures are a security programme, not only a generic promise', () => {
  const { model } = run(P('We employ appropriate technical and organizational measures to protect your personal data.'));
  expect(ids(model, 'security')).toContain('security_program');
  expect(ids(run(P('We use reasonable security measures to protect your data.')).model, 'security')).toEqual(['generic']);
});
