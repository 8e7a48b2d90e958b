// Data categories are credited only where a passage says data is collected, used or shared
// (datap round). Sentences written for these tests from common policy grammar.
import { expect, test } from '@jest/globals';
import { P, ids, run } from './helpers-extract.js';

const data = (body: string) => ids(run(P(body)).model, 'data_categories');
const lines = (body: string, id: string) =>
  ((run(P(body)).model.data_categories as { id: string; polarity: string; evidence: { lines: [number, number] }[] }[]).find((i) => i.id === id && i.polarity === 'positive')?.evidence ?? []).map((e) => e.lines[0]);

test.each([
  ['a topic list item', 'This notice explains:\n\n- How we gather and use your e-mail address;\n- What we do to protect it.'],
  ['a question', 'Why do we ask for your phone number?'],
  ['a cross-reference', 'See "Sharing Your Personal Information" below.'],
  ['a definition of the term', 'Personal information means information that identifies you, such as your name.'],
  ['a data-quality promise', 'We try to keep your personal information accurate and up to date.'],
  ['choices offered about practices', 'You have several choices about how we use your e-mail address.'],
  ['a request the user sends', 'To change your details, send us a letter requesting access to your personal information.'],
  ['what to include for verification', 'For verification purposes please include your name and e-mail address.'],
  ['what to send when asking for help', 'If a page does not work for you, please e-mail us and provide the page address and your contact information.'],
  ['consent asked before a practice', 'We will ask for your express consent before we sell your personal information.'],
])('no data: %s', (_label, body) => {
  expect(data(body)).toEqual([]);
});

test('a list under "This notice describes:" names topics, not data', () => {
  expect(data('This notice describes:\n\n- when we share your phone number with partners; and\n- the cookies on our site.')).toEqual([]);
});

test('a security section: data it protects is not data collected', () => {
  const md = '# Privacy Policy\n\n## How We Protect Your Information\n\nPasswords are required to access your account and help protect your account information.\n';
  expect(ids(run(md).model, 'data_categories')).toEqual([]);
  const collects = '# Privacy Policy\n\n## Security\n\nWe collect your IP address to detect fraudulent logins.\n';
  expect(ids(run(collects).model, 'data_categories')).toContain('online.ip_address');
});

test('a policy titled "Privacy and Security Policy" is not a security section', () => {
  const md = '# Privacy and Security Policy\n\nIn order to help you, we may use session cookies.\n';
  expect(ids(run(md).model, 'data_categories')).toContain('online.cookies');
});

test.each([
  ['a service named by the data it handles', 'We use vendors for shipping and credit card processing.', 'financial.payment_card'],
  ['a payment activity', 'Our vendors help us process credit card payments and ship orders.', 'financial.payment_card'],
  ['the generic term before its examples', 'We collect personal information, such as your name and e-mail address.', 'generic.personal_information'],
  ['people, not data about them', 'We make our site usable for individuals with disabilities.', 'special.health'],
])('no data: %s', (_label, body, id) => {
  expect(data(body)).not.toContain(id);
});

test.each([
  ['credit card payment information is data', 'We collect credit card payment information when you order.', ['financial.payment_card']],
  ['the examples of the generic term', 'We collect personal information, such as your name and e-mail address.', ['identity.name', 'contact.email']],
  ['the generic term alone', 'We collect personal information when you register.', ['generic.personal_information']],
  ['card numbers are still data', 'We collect your credit card number when you order.', ['financial.payment_card']],
  ['a plain collection', 'We collect your name and e-mail address when you register.', ['identity.name', 'contact.email']],
  ['a "when" clause first', 'When you register, you give us your phone number.', ['contact.phone']],
  ['a lead-in that ends in a colon', 'What we collect when you order:\n\n- your postal address', ['contact.postal_address']],
])('data kept: %s', (_label, body, want) => {
  for (const id of want) expect(data(body)).toContain(id);
});

test('"this information" credits the data it refers to only in its own paragraph', () => {
  const body = 'We collect your e-mail address when you subscribe.\n\nThis information is used to send you the newsletter.';
  // the e-mail address is credited where it is named (line 5), not to the next paragraph (line 7)
  expect(lines(body, 'contact.email')).toEqual([5]);
  const same = 'We collect your e-mail address when you subscribe. This information is used to send you the newsletter.';
  expect(lines(same, 'contact.email')).toEqual([5, 5]);
});
