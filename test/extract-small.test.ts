// Small texts from test/fixtures/diff/base.md that the extractor must read.
import { describe, test, expect } from '@jest/globals';
import { extractPolicy } from '../src/pipeline.js';

const model = (sentence: string) => extractPolicy({ id: 'small', path: 'small.md', text: `# Privacy\n\n${sentence}\n` }).model;

describe('small texts', () => {
  test('a stated service-communication purpose', () => {
    const m = model('We use your email address to send you service announcements.');
    expect(m.purposes.filter((p) => p.polarity === 'positive').map((p) => p.id)).toContain('service_communications');
  });
  test('access and erasure in account settings', () => {
    const m = model('You can access and delete your data in your account settings.');
    const rights = m.rights.filter((r) => r.polarity === 'positive');
    for (const id of ['access', 'erasure']) expect(rights.find((r) => r.id === id)?.via).toContain('account_settings');
  });
});

test('"keep your account data for 12 months" is a stated retention period, "keep your account secure" is not', async () => {
  const { parseMarkdown } = await import('../src/parse/markdown.js');
  const { extract } = await import('../src/extract/index.js');
  const model = (text: string) => extract(parseMarkdown(`# P\n\n## How long we keep it\n\n${text}\n`, 'p.md')).model;
  const kept = model('We keep your account data for 12 months after you close your account.');
  expect(kept.retention.map((r) => [r.kind, r.period])).toEqual([['stated_period', 'P12M']]);
  expect(model('Please keep your account password secret.').retention).toEqual([]);
});
