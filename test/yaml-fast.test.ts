// policy.yaml is printed by a fast printer (src/render/yaml-fast.ts) with the yaml package as its
// fallback; the text must be exactly what the yaml package prints for the whole model. Checked on
// arbitrary values and strings (fast-check), on tricky strings, and (where ../shared/corpus is
// present) on the model of every corpus policy.
import { describe, test, expect } from '@jest/globals';
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { fastEntry } from '../src/render/yaml-fast.js';
import { renderYaml, renderYamlWhole } from '../src/render/yaml.js';
import { extractPolicy } from '../src/pipeline.js';

const OPTIONS = { lineWidth: 0, aliasDuplicateObjects: false, singleQuote: false } as const;
const reference = (key: string, value: unknown) => stringify({ [key]: value }, OPTIONS);

describe('the fast YAML printer', () => {
  const tricky = [
    '', ' ', 'a', '-', '- a', '-a', '?', '? a', ':', 'a:', 'a: b', 'a :b', 'a #b', 'a#b', '#a', '"a"', "'a'", 'a"b', 'a\\b',
    'true', 'True', 'TRUE', 'yes', 'no', 'null', 'Null', '~', '1', '-1', '+1', '1.5', '.5', '1e5', '0x1F', '0o17', '.inf', '-.Inf', '.nan',
    '2014-05-15', '1.0.0', 'http://x.example/a?b=c#d', '[a]', '{a}', '*a', '&a', '!a', '|a', '>a', '%a', '@a', '`a', 'a,b', ',a',
    '---', '--- a', '...', 'a\nb', 'a\tb', 'a ', ' a', 'tab\t', '“quoted”', 'é', '\u00a0a', 'a\u2028b', '\ufeffa', '\ud800', 'emoji 😀',
  ];
  test('prints each tricky string exactly as the yaml package does (or leaves it to it)', () => {
    for (const s of tricky) {
      const fast = fastEntry('quote', s);
      if (fast !== null) expect({ s, fast }).toEqual({ s, fast: reference('quote', s) });
      const nested = fastEntry('items', [{ quote: s, lines: [1, 2], section: [s] }]);
      if (nested !== null) expect({ s, nested }).toEqual({ s, nested: reference('items', [{ quote: s, lines: [1, 2], section: [s] }]) });
    }
    // the common cases really take the fast path
    expect(fastEntry('quote', 'We collect your email address.')).not.toBeNull();
    expect(fastEntry('quote', 'Contact us: privacy@example.com')).not.toBeNull();
  });

  test('agrees with the yaml package on arbitrary values and strings', () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null)),
      node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string({ minLength: 1 }), tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), value, (key, v) => {
        const fast = fastEntry(key, v);
        if (fast !== null) expect(fast).toEqual(reference(key, v));
      }),
      { numRuns: 2000, seed: 20261129 },
    );
  });
});

const corpus = join('..', 'shared', 'corpus');
const present = existsSync(corpus);
if (!present) console.warn(`yaml printer corpus test skipped: ${corpus} is absent`);
(present ? describe : describe.skip)('policy.yaml on the shared corpus', () => {
  const walk = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
  test('every corpus model prints exactly as the yaml package prints it whole', () => {
    const files = walk(corpus).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(80);
    for (const f of files) {
      const { model } = extractPolicy({ id: 'p', path: f, text: readFileSync(f, 'utf8') });
      expect({ f, yaml: renderYaml(model) }).toEqual({ f, yaml: renderYamlWhole(model) });
    }
  });
});
