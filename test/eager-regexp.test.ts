// A process that has read much policy text compiles regular expressions at once (src/node/memory.ts):
// V8's interpreter-first tier-up left a long corpus pass ~20% slower in the extractor. The switch is
// counted by readTextFile, so every command that reads policies gets it, and a small compile not.
import { describe, test, expect } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTextFile } from '../src/io/read.js';
import { EAGER_REGEXP_AFTER, eagerRegExps } from '../src/node/memory.js';

describe('eager regular expressions past a workload', () => {
  test('a small read keeps the interpreter; the read that crosses the threshold switches', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policyc-eager-'));
    try {
      const small = join(dir, 'small.md');
      writeFileSync(small, '# Privacy\n\nWe collect your email address.\n');
      await readTextFile(small);
      expect(eagerRegExps()).toBe(false);
      const big = join(dir, 'big.md');
      writeFileSync(big, 'We collect your email address to send you news.\n'.repeat(Math.ceil(EAGER_REGEXP_AFTER / 48)));
      await readTextFile(big);
      expect(eagerRegExps()).toBe(true);
      // the same extraction either way: the switch changes how V8 runs a regexp, never what it matches
      expect(/\bemail (address)\b/.exec('your email address')?.[1]).toBe('address');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
