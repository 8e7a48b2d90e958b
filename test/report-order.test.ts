// src/report/message-order.ts replaces vfile-sort in the CLI bundle. It must be vfile-sort's order
// wherever localeCompare and code-unit order agree (rule ids, sources and paths are lowercase
// ASCII), and code-unit order where they do not, in every locale.
import { describe, test, expect } from '@jest/globals';
import fc from 'fast-check';
import { compareFile as theirFile, compareMessage as theirMessage } from 'vfile-sort';
import { compareFile, compareMessage } from '../src/report/message-order.js';
import { byCodeUnit } from '../src/order.js';

const id = fc.stringMatching(/^[a-z0-9][a-z0-9/-]{0,12}$/);
const message = fc.record({
  line: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  column: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
  fatal: fc.constantFrom(true, false, undefined),
  source: fc.constantFrom('extract', 'check', 'read', 'validate', undefined),
  ruleId: id,
  reason: id,
});

describe('the bundle\'s order of diagnostics', () => {
  test('equals vfile-sort\'s on lowercase ASCII fields (messages and file paths)', () => {
    fc.assert(
      fc.property(fc.array(message, { maxLength: 12 }), (messages) => {
        expect([...messages].sort(compareMessage)).toEqual([...messages].sort(theirMessage as never));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.array(id.map((p) => ({ path: `policies/${p}/policy.md` })), { maxLength: 8 }), (files) => {
        expect([...files].sort(compareFile)).toEqual([...files].sort(theirFile as never));
      }),
      { numRuns: 300 },
    );
  });

  test('compares strings by code unit, never by locale', () => {
    const at = { line: 1, column: 1, fatal: false, source: 'extract' };
    const sorted = [{ ...at, ruleId: 'b' }, { ...at, ruleId: 'B' }, { ...at, ruleId: 'aa' }, { ...at, ruleId: 'å' }].sort(compareMessage).map((m) => m.ruleId);
    expect(sorted).toEqual(['B', 'aa', 'b', 'å'].sort(byCodeUnit));
    expect(sorted).toEqual(['B', 'aa', 'b', 'å']);
    // errors before warnings before the rest, then by place, as vfile-sort has it
    const rank = [{ line: 2, fatal: undefined }, { line: 2, fatal: false }, { line: 2, fatal: true }, { line: 1, fatal: undefined }].sort(compareMessage);
    expect(rank).toEqual([{ line: 1, fatal: undefined }, { line: 2, fatal: true }, { line: 2, fatal: false }, { line: 2, fatal: undefined }]);
  });
});
