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
