// The diff engine on the real version series in ../shared/corpus/versions (skipped where absent).
// Properties, not exact output: the extractor under the models changes over time.
import { describe, test, expect } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractPolicy } from '../src/pipeline.js';
import { diffPolicies, renderDiffHtml, renderDiffMarkdown, renderDiffText, type DiffSide } from '../src/diff/index.js';
import type { PolicyDiff } from '../src/diff/types.js';

const dir = '../shared/corpus/versions';
const maybe = existsSync(dir) ? describe : describe.skip;
if (!existsSync(dir)) console.warn(`diff-corpus tests skipped: ${dir} is absent`);

const cache = new Map<string, DiffSide>();
function side(series: string, version: string): DiffSide {
  const path = join(dir, series, `${version}.md`);
  let s = cache.get(path);
  if (!s) {
    const r = extractPolicy({ id: 'corpus', path, text: readFileSync(path, 'utf8') });
    s = { label: version, model: r.model, doc: r.doc };
    cache.set(path, s);
  }
  return s;
}
const versions = (series: string) => readdirSync(join(dir, series)).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();

function wellFormed(diff: PolicyDiff): void {
  const keys = diff.changes.map((c) => c.key);
  expect(new Set(keys).size).toBe(keys.length);
  const total = Object.values(diff.counts).reduce((a, b) => a + b, 0);
  expect(total).toBe(diff.changes.length);
  for (const c of diff.changes) {
    expect(c.summary.length).toBeGreaterThan(0);
    expect(c.evidenceBefore.length + c.evidenceAfter.length + (c.facet === 'text' ? 1 : 0)).toBeGreaterThan(0);
  }
}

/** Every quote a change cites is a raw slice of its side's source, at the lines it says. */
function evidenceExact(diff: PolicyDiff, a: DiffSide, b: DiffSide): void {
  const check = (doc: DiffSide['doc'], ev: { lines: [number, number]; quote: string }[]) => {
    const lines = doc!.text.split('\n');
    for (const e of ev) expect(lines.slice(e.lines[0] - 1, e.lines[1]).join('\n')).toContain(e.quote.split('\n')[0]!);
  };
  for (const c of diff.changes.filter((x) => x.facet === 'text')) {
    check(a.doc, c.evidenceBefore);
    check(b.doc, c.evidenceAfter);
  }
}

maybe('diffs of the real version series', () => {
  test('a version diffed with itself is empty and needs no bump', () => {
    for (const [series, v] of [['kaspersky.co.uk', '2015-06-07'], ['wikipedia', '2014-06-07'], ['reddit', '2024-02-16']] as const) {
      const d = diffPolicies(side(series, v), side(series, v));
      expect([series, d.changes.length, d.required_bump]).toEqual([series, 0, 'none']);
    }
  });

  test('kaspersky 2013 → 2015: sections aligned by heading, a major rewrite flagged', () => {
    const a = side('kaspersky.co.uk', '2013-06-06');
    const b = side('kaspersky.co.uk', '2015-06-07');
    const d = diffPolicies(a, b);
    wellFormed(d);
    evidenceExact(d, a, b);
    expect(d.required_bump).toBe('major');
    // Each section of the new text appears once, in order; removed ones are kept too.
    const after = d.sections.filter((s) => s.status !== 'removed').map((s) => s.line_after!);
    expect(after).toEqual([...after].sort((x, y) => x - y));
    expect(d.sections.some((s) => s.status === 'removed')).toBe(true);
    expect(renderDiffText(d)).toMatch(/requires a major version/);
  });

  test('wikipedia 2013 → 2014, a rewrite: completes and is flagged for review', () => {
    const a = side('wikipedia', '2013-06-20');
    const b = side('wikipedia', '2014-06-07');
    const d = diffPolicies(a, b);
    wellFormed(d);
    evidenceExact(d, a, b);
    expect(d.required_bump).toBe('major');
    expect(d.counts.needs_review + d.counts.material).toBeGreaterThan(0);
    expect(renderDiffHtml(d).length).toBeGreaterThan(1000);
  });

  test.each(['telegram', 'reddit', 'github-site-policy'])('%s across its versions: finite, ordered, well-formed', (series) => {
    const vs = versions(series);
    expect(vs.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < vs.length; i++) {
      const a = side(series, vs[i - 1]!);
      const b = side(series, vs[i]!);
      const d = diffPolicies(a, b);
      wellFormed(d);
      evidenceExact(d, a, b);
      expect(d.changes.length).toBeLessThan(1000);
      expect(renderDiffMarkdown(d)).toMatch(/^### Policy diff/);
      // Deterministic: the same inputs give the same diff.
      expect(JSON.stringify(diffPolicies(a, b))).toBe(JSON.stringify(d));
    }
  });

  test('telegram 2020 → 2021: the new location section is not passed as editorial', () => {
    const d = diffPolicies(side('telegram', '2020-07-29'), side('telegram', '2021-03-25'));
    const loc = d.sections.find((s) => /location data/i.test(s.heading));
    expect(loc?.status).toBe('added');
    const c = d.changes.find((x) => x.key === 'text/location data');
    expect(c === undefined || c.class !== 'editorial').toBe(true);
    expect(d.required_bump).not.toBe('patch');
  });
});
