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
