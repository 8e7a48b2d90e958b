// Each hand-written fixture (test/fixtures/diff/<case>/{policy.md, policy.yaml, expected.json},
// made by make.py) differs from base/ by one kind of change; the diff must find that change,
// with the class and the bump expected. The models are hand-written, so this does not depend on
// the extractor. A moved section is not a change (bump none); a party newly named in a sentence
// the model only saw reworded is needs review.
import { describe, test, expect } from '@jest/globals';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseMarkdown } from '../src/parse/markdown.js';
import { checkModel } from '../src/validate/schema.js';
import type { PolicyModel } from '../src/model/types.js';
import { diffPolicies, type DiffSide } from '../src/diff/index.js';
import type { ChangeClass } from '../src/diff/types.js';

const root = 'test/fixtures/diff';

function fixtureSide(name: string): DiffSide {
  const text = readFileSync(join(root, name, 'policy.md'), 'utf8');
  const model = parse(readFileSync(join(root, name, 'policy.yaml'), 'utf8')) as PolicyModel;
  return { label: name, model, doc: parseMarkdown(text, `${name}/policy.md`) };
}

interface Expected {
  required_bump: string;
  only?: ChangeClass[];
  keys?: Record<string, ChangeClass>;
  has?: ChangeClass[];
  moved?: number;
}

const cases = readdirSync(root).filter((n) => existsSync(join(root, n, 'expected.json')));

describe('hand-written fixtures: one kind of change each', () => {
  test('a fixture for each kind of change; every model valid against the schema', () => {
    expect(cases).toEqual(expect.arrayContaining(['wording', 'new-recipient', 'longer-retention', 'removed-right', 'new-security', 'missed-practice', 'moved-section', 'whitespace-quotes']));
    for (const name of ['base', ...cases]) expect([name, checkModel(fixtureSide(name).model)]).toEqual([name, []]);
  });

  test.each(cases)('%s', (name) => {
    const expected = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as Expected;
    const diff = diffPolicies(fixtureSide('base'), fixtureSide(name));
    const classes = diff.changes.map((c) => `${c.key}=${c.class}`);
    expect([name, diff.required_bump, classes]).toEqual([name, expected.required_bump, classes]);
    if (expected.only) expect([...new Set(diff.changes.map((c) => c.class))].sort()).toEqual([...expected.only].sort());
    for (const [key, cls] of Object.entries(expected.keys ?? {})) {
      const change = diff.changes.find((c) => c.key === key);
      expect([key, change?.class ?? diff.changes.map((c) => c.key)]).toEqual([key, cls]);
    }
    for (const cls of expected.has ?? []) expect([name, diff.changes.some((c) => c.class === cls)]).toEqual([name, true]);
    if (expected.moved !== undefined) expect(diff.sections.filter((s) => s.status === 'moved').length).toBe(expected.moved);
  });
});
