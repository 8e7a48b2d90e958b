// Polarity and modality: negation is scoped to the clause; frames that carry a negation word but
// state no negated practice (choices, identifiability, disclaimers, "not confidential") stay positive.
import { expect, test } from '@jest/globals';
import { P, ids, item, run } from './helpers-extract.js';

test('"we do not sell your personal information" is a negative item, never a sale', () => {
  const { model } = run(P('We do not sell your personal information to third parties.'));
  const positiveSale = [...model.recipients, ...model.purposes].filter((i) => i.polarity === 'positive' && (/sale|sell/.test(i.id) || (i as { sold?: boolean }).sold));
  expect(positiveSale).toEqual([]);
  expect(ids(model, 'recipients', 'negative')).toContain('third_party');
  expect(ids(model, 'purposes', 'negative')).toContain('sale_of_data');
  expect(ids(model, 'recipients')).toEqual([]);
});

test.each([
  ['straight quotes', 'We do not "sell" your personal information.'],
  ['curly quotes, two verbs', 'We do not \u201csell\u201d or \u201cshare\u201d personal information as those terms are defined in the CCPA.'],
  ['a contraction', "We don't 'sell' personal information to third parties."],
])('a quoted verb is still denied (%s): never a sale', (_label, body) => {
  const { model } = run(P(body));
  const positiveSale = [...model.recipients, ...model.purposes].filter((i) => i.polarity === 'positive' && (/sale|sell/.test(i.id) || (i as { sold?: boolean }).sold));
  expect(positiveSale).toEqual([]);
  expect(ids(model, 'purposes', 'negative')).toContain('sale_of_data');
});

test('quotes do not turn an assertion into a denial', () => {
  const { model } = run(P('We may "share" your information with our service providers. We do not sell it.'));
  expect(ids(model, 'recipients')).toContain('processor');
});

test('negation does not leak into the next clause', () => {
  const { model } = run(P('We do not sell your personal information, but we share it with service providers who help us.'));
  expect(ids(model, 'recipients')).toContain('processor');
  expect(ids(model, 'purposes', 'negative')).toContain('sale_of_data');
  expect(ids(model, 'recipients', 'negative')).toEqual([]);
});

test('"never share" and passive "is not shared" are negations', () => {
  expect(ids(run(P('We will never share your e-mail address with advertisers.')).model, 'recipients', 'negative')).toContain('advertising_partner');
  expect(ids(run(P('Your personal information is not shared with advertisers.')).model, 'recipients', 'negative')).toContain('advertising_partner');
});

test('a negated collection gives a negative data item', () => {
  const { model } = run(P('We do not collect your date of birth.'));
  expect(ids(model, 'data_categories', 'negative')).toContain('demographic.age');
  expect(ids(model, 'data_categories')).not.toContain('demographic.age');
});

test('"we do not use cookies to collect X": the negation governs "use cookies", not "collect"', () => {
  const { model } = run(P('We do not use cookies to collect personal information.'));
  expect(ids(model, 'data_categories', 'negative')).toContain('online.cookies');
  expect(ids(model, 'data_categories')).not.toContain('online.cookies');
});

test('"may" is hedged', () => {
  const it = item(run(P('We may share your personal information with our affiliates.')).model, 'recipients', 'group_company');
  expect(it?.modality).toBe('hedged');
});

test('"if you ..." is conditional, with the condition text', () => {
  const it = item(run(P('If you place an order, we collect your postal address.')).model, 'data_categories', 'contact.postal_address');
  expect(it?.modality).toBe('conditional');
  expect(it?.condition).toBe('If you place an order');
});

test('user-choice wording is a right, not a negation (seed lines 30, 51, 61)', () => {
  const { model } = run(P("If you do not wish to continue receiving our e-mail newsletters you can opt-out by replying and typing 'unsubscribe' in the subject line.\n\nIf you do not wish to provide the requested information, you may not be able to complete the transaction.\n\nIf you do not want us to deploy cookies in your browser, you can set your browser to reject cookies."));
  expect([...model.data_categories, ...model.purposes, ...model.recipients].filter((i) => i.polarity === 'negative')).toEqual([]);
  expect(item(model, 'rights', 'opt_out_marketing')?.via).toEqual(['contact_us']);
  expect(item(model, 'rights', 'decline_to_provide')?.via).toContain('do_not_use');
  expect(item(model, 'rights', 'cookie_controls')?.via).toContain('browser_settings');
});

test('"does not identify you" is an identifiability note, not a negation (seed line 63)', () => {
  const { model } = run(P('While our Web servers may automatically log your IP address, you are anonymous: this information does not identify you.'));
  const ip = item(model, 'data_categories', 'online.ip_address');
  expect(ip).toBeDefined();
  expect(ip?.identifiability).toBe('anonymous');
  expect(ids(model, 'data_categories', 'negative')).toEqual([]);
});

test('"will not be treated as confidential" is a positive disclosure to the public (seed line 75)', () => {
  const { model } = run(P('Please remember that information you submit in a news discussion or forum is public information and will not be treated as confidential. Such information can be collected and used by others.'));
  expect(ids(model, 'recipients')).toContain('public');
  expect(ids(model, 'recipients', 'negative')).toEqual([]);
});

test('a disclaimer about partners is no recipient (seed line 71)', () => {
  const { model } = run(P('The sites contain links to site of companies with whom we have a relationship. We are not responsible for the privacy practices of our business partners.'));
  expect(model.recipients).toEqual([]);
});

test('"disclosure" in a security sentence is not sharing (seed line 55)', () => {
  const { model } = run(P('These measures include technical and procedural steps to protect your data from misuse, unauthorized access or disclosure, loss, alteration, or destruction.'));
  expect(model.recipients).toEqual([]);
  expect(ids(model, 'security')).toContain('security_program');
});

test('"except as required by law" after a denial gives a conditional disclosure to authorities', () => {
  const { model } = run(P('We do not share your personal information with third parties except as required by law.'));
  expect(ids(model, 'recipients', 'negative')).toContain('third_party');
  const gov = item(model, 'recipients', 'public_authority');
  expect(gov?.modality).toBe('conditional');
});

test('Do Not Track stance', () => {
  expect(run(P('We do not respond to Do Not Track signals.')).model.cookies.do_not_track).toBe('not_honored');
  expect(run(P('We honor Do Not Track signals from your browser.')).model.cookies.do_not_track).toBe('honored');
  expect(run(P('We use cookies.')).model.cookies.do_not_track).toBe('not_mentioned');
});

test('a named recipient keeps its type and name', () => {
  const { model } = run(P('We use Google Analytics to collect information about how visitors use our site.'));
  const ga = model.recipients.find((r) => r.name === 'Google Analytics');
  expect(ga?.id).toBe('analytics_provider');
});

test('opting out of interest-based advertising is its own choice, with its mechanism', () => {
  const { model } = run(P('You can opt out of interest-based advertising by visiting the NAI opt-out page.\n\nYou can unsubscribe from our newsletters by clicking the unsubscribe link in any e-mail.'));
  expect(item(model, 'rights', 'opt_out_marketing.advertising')?.via).toContain('third_party_tool');
  expect(item(model, 'rights', 'opt_out_marketing')?.via).toContain('unsubscribe_link');
});

test('"there are also no cookies used by this site" denies cookies (adwaremedic)', () => {
  const { model } = run(P('There are also no cookies used by this site.'));
  expect(model.cookies.used).toBe(false);
  expect(ids(model, 'data_categories')).not.toContain('online.cookies');
  expect(ids(model, 'data_categories', 'negative')).toContain('online.cookies');
});
