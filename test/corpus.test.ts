// Every markdown file of the shared corpus extracts without a crash, its model validates, every
// evidence quote is an exact slice of its lines, and every plc/ policy yields at least one data
// category and one purpose (an empty model is not a pass). Needs ../shared/corpus: skipped,
// with a message, where it is absent (a user's fresh clone).
import { describe, test, expect } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, basename } from 'node:path';
import { extractPolicy } from '../src/pipeline.js';
import { checkModel } from '../src/validate/schema.js';
import { normalizeSource } from '../src/parse/source.js';
import { ITEM_FACETS } from '../src/model/types.js';

const corpus = join('..', 'shared', 'corpus');
const present = existsSync(corpus);
if (!present) console.warn(`corpus tests skipped: ${corpus} is absent (it sits beside the project in the team's workspace)`);
const maybe = present ? describe : describe.skip;

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

maybe('the shared corpus', () => {
  const files = present ? walk(corpus).filter((f) => f.endsWith('.md') && basename(f) !== 'README.md') : [];

  test('has the files the tests expect', () => {
    expect(files.length).toBeGreaterThanOrEqual(80);
  });

  test.each(files.map((f) => [f.slice(corpus.length + 1), f]))('%s extracts, validates and quotes exactly', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const result = extractPolicy({ id: 'corpus-policy', path: file, text });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(checkModel(result.model)).toEqual([]);
    const lines = normalizeSource(text).split('\n');
    for (const facet of ITEM_FACETS)
      for (const item of result.model[facet])
        for (const ev of item.evidence) {
          const span = lines.slice(ev.lines[0] - 1, ev.lines[1]).join('\n');
          expect(span.includes(ev.quote)).toBe(true);
          // smallest span: the quote starts on the first line and ends on the last
          expect(lines[ev.lines[0] - 1]!.includes(ev.quote.split('\n')[0]!)).toBe(true);
          expect(ev.lines[1] - ev.lines[0]).toBe((ev.quote.match(/\n/g) ?? []).length);
        }
    if (file.includes(`${join('corpus', 'plc')}`)) {
      expect(result.model.data_categories.filter((i) => i.polarity === 'positive').length).toBeGreaterThan(0);
      expect(result.model.purposes.filter((i) => i.polarity === 'positive').length).toBeGreaterThan(0);
    }
  });
});
