// The actor of a practice (src/extract/actor.ts): what OTHER companies do is not the service's own
// practice. Sentences written for these tests (issue #3, "never invent" a disclosure).
import { expect, test } from '@jest/globals';
import { ids, run } from './helpers-extract.js';

const P = (body: string) => `# Example Privacy Policy\n\n## Section\n\n${body}\n`;
const model = (body: string) => run(P(body)).model;
const all = (body: string, facet: 'data_categories' | 'purposes' | 'recipients') => {
  const m = model(body);
  return [...ids(m, facet, 'positive'), ...ids(m, facet, 'negative')];
};

test.each([
  ['a class of other parties as subject', 'Many search engines record your IP address and the searches you make.', 'data_categories'],
  ['"other" companies as subject', 'Other websites may collect your e-mail address when you sign up.', 'data_categories'],
  ['a sentence opening "At other ..."', 'At other search engines, your search terms are sent to the site you click on.', 'data_categories'],
  ['a passive agent', 'Collecting IP addresses is standard practice and is done automatically by many web sites.', 'data_categories'],
  ['a named other company in a past event', 'Acmesoft famously released anonymous search logs for research purposes.', 'purposes'],
  ['"the major" search engines', 'The major search engines use your search history to show you targeted advertising.', 'purposes'],
  ['another party giving data to the authorities', 'Many sites give your information to law enforcement when asked.', 'recipients'],
] as const)('not our practice: %s', (_label, body, facet) => {
  expect(all(body, facet)).toEqual([]);
});

test('a paragraph framed as about others: its agentless passives and "they" are theirs too', () => {
  const body =
    'Other search engines save your search history. Usually your searches are saved along with your IP address and, if you are logged in, your name and e-mail address. ' +
    'They may give it to law enforcement or use it for research purposes.';
  const m = model(body);
  expect(ids(m, 'data_categories')).toEqual([]);
  expect(ids(m, 'purposes')).toEqual([]);
  expect(ids(m, 'recipients')).toEqual([]);
});

test('no invented negative: what other sites do not do says nothing of ours', () => {
  expect(all('Most websites do not collect your postal address.', 'data_categories')).toEqual([]);
});

test('the service in the same paragraph stays ours; the next paragraph is not framed', () => {
  const body =
    'Other search engines save your search history. We do not store your IP address.\n\n' +
    'Your e-mail address is collected when you subscribe to our newsletter.';
  const m = model(body);
  expect(ids(m, 'data_categories', 'negative')).toContain('online.ip_address');
  expect(ids(m, 'data_categories')).toContain('contact.email');
});

test.each([
  ['we as subject', 'We collect your e-mail address and IP address.', 'data_categories', 'contact.email'],
  ['the service by name', 'Example collects your e-mail address when you register.', 'data_categories', 'contact.email'],
  ['a comparison: like many other web sites, we ...', 'Like many other web sites, we use log files that record your IP address.', 'data_categories', 'online.ip_address'],
  ['third parties on our site', 'Advertisers may place cookies on our site to collect your IP address.', 'data_categories', 'online.ip_address'],
  ['a third party named as our processor', 'Google Analytics collects your IP address on this site to help us understand usage.', 'data_categories', 'online.ip_address'],
  ['other companies as our contractors', 'We may employ other companies to process credit card payments on our behalf.', 'recipients', 'processor'],
  ['an agentless passive outside any frame', 'Your IP address is recorded when you visit.', 'data_categories', 'online.ip_address'],
  ['ads shown on other websites are still our purpose', 'We use your browsing information to show you ads on other websites.', 'purposes', 'advertising'],
] as const)('still ours: %s', (_label, body, facet, id) => {
  expect(ids(model(body), facet)).toContain(id);
});
