// Runs the extractor over every file of ../shared/corpus when it is present (it is not shipped).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { parseMarkdown } from '../src/parse/markdown.js';
import { extract } from '../src/extract/index.js';

const corpus = fileURLToPath(new URL('../../shared/corpus', import.meta.url));
const present = existsSync(corpus);
if (!present) console.log(`extract-corpus: ${corpus} not found; corpus tests skipped`);
const maybe = present ? describe : describe.skip;

const files: string[] = [];
const walk = (d: string) => {
  for (const n of readdirSync(d).sort()) {
    const p = join(d, n);
    if (statSync(p).isDirectory()) walk(p);
    else if (n.endsWith('.md') && n !== 'README.md') files.push(p);
  }
};
if (present) walk(corpus);

maybe('corpus', () => {
  test('every file extracts without a throw, with valid evidence, deterministically', () => {
    expect(files.length).toBeGreaterThan(50);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const a = extract(parseMarkdown(text, f));
      expect(a.diagnostics.filter((d) => d.severity === 'error' && d.source === 'extract')).toEqual([]);
      const b = extract(parseMarkdown(text, f));
      expect(JSON.stringify(b.model)).toBe(JSON.stringify(a.model));
      for (const facet of ['data_categories', 'purposes', 'recipients', 'rights'] as const)
        for (const it of a.model[facet]) for (const e of it.evidence) expect(e.lines[1] - e.lines[0]).toBeLessThan(30);
    }
  });

  test('archive headers are never the effective date', () => {
    for (const f of files.filter((x) => x.includes('/plc/'))) {
      const { model } = extract(parseMarkdown(readFileSync(f, 'utf8'), f));
      expect(model.policy.source?.archived_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect([model.policy.effective_date, model.policy.last_updated]).not.toContain(model.policy.source?.archived_on);
    }
  });
});
