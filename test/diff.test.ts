// The diff engine on hand-written fixtures (test/fixtures/diff/<case>/{policy.md, policy.yaml,
// expected.json}, made by make.py): each case differs from base/ by one kind of change.
import { describe, test, expect } from '@jest/globals';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseMarkdown } from '../src/parse/markdown.js';
import { checkModel } from '../src/validate/schema.js';
import type { PolicyModel } from '../src/model/types.js';
import {
  diffPolicies,
  renderDiffHtml,
  renderDiffJson,
  renderDiffMarkdown,
  renderDiffText,
  summarizeDiff,
  failsGate,
  bumpBetween,
  bumpSatisfies,
  type DiffSide,
} from '../src/diff/index.js';
import { diffSequences, normalizeText, splitSections } from '../src/diff/text.js';
import { durationDays } from '../src/diff/model.js';
import type { ChangeClass } from '../src/diff/types.js';

const root = 'test/fixtures/diff';

export function fixtureSide(name: string, label = name): DiffSide {
  const text = readFileSync(join(root, name, 'policy.md'), 'utf8');
  const model = parse(readFileSync(join(root, name, 'policy.yaml'), 'utf8')) as PolicyModel;
  return { label, model, doc: parseMarkdown(text, `${name}/policy.md`) };
}

interface Expected {
  required_bump: string;
  only?: ChangeClass[];
  keys?: Record<string, ChangeClass>;
  moved?: number;
}

const cases = readdirSync(root).filter((n) => existsSync(join(root, n, 'expected.json')));

describe('diff fixtures: one kind of change each', () => {
  test('there is a fixture for each kind of change', () => {
    expect(cases).toEqual(expect.arrayContaining(['wording', 'new-recipient', 'longer-retention', 'removed-right', 'new-security', 'missed-practice', 'moved-section', 'whitespace-quotes']));
  });

  test('every fixture model is valid against the schema', () => {
    for (const name of ['base', ...cases]) expect([name, checkModel(fixtureSide(name).model)]).toEqual([name, []]);
  });

  test.each(cases)('%s', (name) => {
    const expected = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as Expected;
    const diff = diffPolicies(fixtureSide('base', '1.0.0'), fixtureSide(name, 'next'));
    const classes = diff.changes.map((c) => `${c.key}=${c.class}`);
    expect([name, diff.required_bump, classes]).toEqual([name, expected.required_bump, classes]);
    if (expected.only) expect([...new Set(diff.changes.map((c) => c.class))].sort()).toEqual([...expected.only].sort());
    for (const [key, cls] of Object.entries(expected.keys ?? {})) {
      const change = diff.changes.find((c) => c.key === key);
      expect([key, change?.class]).toEqual([key, cls]);
    }
    if (expected.moved !== undefined) expect(diff.sections.filter((s) => s.status === 'moved').length).toBe(expected.moved);
  });

  test('each change carries its evidence in the old text and the new', () => {
    const diff = diffPolicies(fixtureSide('base'), fixtureSide('longer-retention'));
    const c = diff.changes.find((x) => x.key === 'retention/stated_period:period')!;
    expect(c.before).toBe('P12M');
    expect(c.after).toBe('P24M');
    expect(c.evidenceBefore[0]!.quote).toMatch(/12 months/);
    expect(c.evidenceAfter[0]!.quote).toMatch(/24 months/);
  });

  test('the missed practice is needs_review with the changed sentence as evidence, never editorial', () => {
    const diff = diffPolicies(fixtureSide('base'), fixtureSide('missed-practice'));
    const c = diff.changes.find((x) => x.class === 'needs_review')!;
    expect(c.evidenceAfter[0]!.quote).toMatch(/advertising partners/);
    expect(c.evidenceBefore[0]!.quote).toMatch(/who host our servers\.$/);
    expect(failsGate(diff, 'material')).toBe(true);
  });

  test('a diff of a version with itself is empty and needs no bump', () => {
    const diff = diffPolicies(fixtureSide('base'), fixtureSide('base'));
    expect(diff.changes).toEqual([]);
    expect(diff.required_bump).toBe('none');
    expect(diff.sections.every((s) => s.status === 'same')).toBe(true);
    expect(summarizeDiff(diff)).toBe('No changes; no new version required');
    expect(failsGate(diff, 'any')).toBe(false);
  });

  test('overrides reclassify a change and record the reason; an unknown key is noted', () => {
    const diff = diffPolicies(fixtureSide('base'), fixtureSide('new-recipient'), {
      overrides: [
        { key: 'recipients/advertising_partner', class: 'minor', reason: 'contract signed before; notice already sent' },
        { key: 'recipients/nobody', class: 'minor', reason: 'x' },
      ],
    });
    const c = diff.changes.find((x) => x.key === 'recipients/advertising_partner')!;
    expect(c.class).toBe('minor');
    expect(c.override).toEqual({ from: 'material', reason: 'contract signed before; notice already sent' });
    expect(diff.notes?.join('\n')).toMatch(/recipients\/nobody/);
  });

  test('models only: no sources, no redline, and the diff says so', () => {
    const a = fixtureSide('base');
    const b = fixtureSide('new-recipient');
    const diff = diffPolicies({ label: 'a', model: a.model }, { label: 'b', model: b.model });
    expect(diff.sections).toEqual([]);
    expect(diff.notes?.[0]).toMatch(/only the models were compared/);
    expect(diff.required_bump).toBe('major');
  });

  test('the CI gate: material, minor, any', () => {
    const minor = diffPolicies(fixtureSide('base'), fixtureSide('new-security'));
    expect([failsGate(minor, 'material'), failsGate(minor, 'minor'), failsGate(minor, 'any')]).toEqual([false, true, true]);
    const editorial = diffPolicies(fixtureSide('base'), fixtureSide('wording'));
    expect([failsGate(editorial, 'material'), failsGate(editorial, 'minor'), failsGate(editorial, 'any')]).toEqual([false, false, true]);
  });
});

describe('printers', () => {
  const diff = diffPolicies(fixtureSide('base', '1.0.0'), fixtureSide('new-recipient', '2.0.0'));

  test('summary line', () => {
    expect(summarizeDiff(diff)).toMatch(/^\d+ material(, .*)? changes?; requires a major version$/);
  });

  test('text starts with the summary; colour only on request', () => {
    const plain = renderDiffText(diff);
    expect(plain.split('\n')[1]).toBe(summarizeDiff(diff));
    expect(plain).not.toMatch(/\u001b\[/);
    expect(renderDiffText(diff, { color: true })).toMatch(/\u001b\[31m/);
  });

  test('markdown for a pull-request comment', () => {
    const md = renderDiffMarkdown(diff);
    expect(md).toMatch(/^### Policy diff: 1\.0\.0 → 2\.0\.0\n\n\*\*.+\*\*/);
    expect(md).toMatch(/New recipient type: Advertising and marketing partners/);
    expect(md).toMatch(/```diff\n/);
  });

  test('HTML: a fragment, summary first, escaped, no scripts; both layouts', () => {
    const evil = fixtureSide('base');
    const b = fixtureSide('new-recipient');
    b.doc = parseMarkdown(b.doc!.text.replace('so they can show you ads.', 'so they can show you <script>alert(1)</script> ads.'), 'x.md');
    const d = diffPolicies(evil, b);
    for (const layout of ['inline', 'side-by-side'] as const) {
      const html = renderDiffHtml(d, { layout });
      expect(html.startsWith('<div class="policyc-diff"')).toBe(true);
      expect(html).not.toMatch(/<script|<html|<head/i);
      expect(html).toMatch(/&lt;script&gt;/);
      expect(html.indexOf('diff-summary')).toBeLessThan(html.indexOf('diff-changes'));
    }
    expect(renderDiffHtml(d, { layout: 'side-by-side' })).toMatch(/class="side-by-side"/);
  });

  test('JSON: complete, stable, deterministic', () => {
    const json = renderDiffJson(diff);
    expect(JSON.parse(json).required_bump).toBe('major');
    expect(renderDiffJson(diffPolicies(fixtureSide('base', '1.0.0'), fixtureSide('new-recipient', '2.0.0')))).toBe(json);
  });
});

describe('text pieces', () => {
  test('quote, dash and whitespace style do not count', () => {
    expect(normalizeText('It\u2019s  \u201Cfine\u201D \u2014 ok ')).toBe(normalizeText('It\'s "fine" - ok'));
  });

  test('sections: keyed by heading; front matter excluded', () => {
    const s = splitSections(fixtureSide('base').doc!);
    expect(s.map((x) => x.key)).toEqual(['acme privacy policy', 'what we collect', 'how we use it', 'who we share it with', 'how long we keep it', 'your rights', 'security']);
    expect(s.flatMap((x) => x.lines.map((l) => l.raw)).join('\n')).not.toMatch(/version: 1\.0\.0/);
  });

  test('sequence diff reproduces both sides', () => {
    const a = 'a b c d e f g h'.split(' ');
    const b = 'a x c d f g y h z'.split(' ');
    const ops = diffSequences(a, b);
    expect(ops.filter((o) => o.op !== '+').map((o) => a[o.a])).toEqual(a);
    expect(ops.filter((o) => o.op !== '-').map((o) => b[o.b])).toEqual(b);
  });

  test('durations', () => {
    expect(durationDays('P2Y')).toBeGreaterThan(durationDays('P18M'));
    expect(durationDays('P30D')).toBeLessThan(durationDays('P1M') + 1);
    expect(Number.isNaN(durationDays('soon'))).toBe(true);
  });

  test('bumps', () => {
    expect(bumpBetween('1.2.3', '2.0.0')).toBe('major');
    expect(bumpBetween('1.2.3', '1.3.0')).toBe('minor');
    expect(bumpBetween('1.2.3', '1.2.4')).toBe('patch');
    expect(bumpSatisfies('minor', 'major')).toBe(false);
    expect(bumpSatisfies('major', 'minor')).toBe(true);
  });
});
