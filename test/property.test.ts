// Property tests (issue 7 §3), fast-check, seeded so that a failure reproduces:
// extraction and rendering never throw on arbitrary markdown; compile is deterministic; canonical
// markdown is idempotent; every evidence quote is an exact substring of its lines.
import { describe, test, expect } from '@jest/globals';
import fc from 'fast-check';
import { extractPolicy } from '../src/pipeline.js';
import { parseMarkdown } from '../src/parse/markdown.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { buildSite } from '../src/render/site.js';
import { limitNesting } from '../src/parse/guard.js';
import { parseChunked, safeSplits } from '../src/parse/chunked.js';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
import type { Evidence, PolicyModel } from '../src/model/types.js';

const SEED = Number(process.env.PROP_SEED ?? 20261129);
const RUNS = Number(process.env.PROP_RUNS ?? 150);

// --- a markdown-ish arbitrary ----------------------------------------------------------------
const word = fc.constantFrom(
  'we', 'collect', 'your', 'email address', 'name', 'share', 'with', 'advertisers', 'cookies', 'retain', 'for', '2 years',
  'you may', 'opt out', 'delete', 'access', 'Google Analytics', 'law enforcement', 'children under 13', 'unless', 'if you', 'do not sell',
  'café', 'naïve', '日本語', 'emoji 🎉', 'ﬁ ligature', 'Ω', '\u00a0', '\u200b', 'a\tb', '&amp;', '&#x3C;', '\\*', '`x`', 'x_y_z', 'http://example.com',
);
const unicode = fc.string({ unit: 'grapheme', maxLength: 12 });
const phrase = fc.array(fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: unicode }), { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
const inline = fc.oneof(
  { weight: 6, arbitrary: phrase },
  phrase.map((t) => `*${t}*`),
  phrase.map((t) => `**${t}**`),
  phrase.map((t) => `_${t}_`),
  phrase.map((t) => `~~${t}~~`),
  phrase.map((t) => `\`${t}\``),
  fc.tuple(phrase, fc.constantFrom('https://example.com/a', '#frag', 'mailto:a@b.example', 'javascript:alert(1)', '<x y>', '')).map(([t, u]) => `[${t}](${u})`),
  fc.tuple(phrase, fc.constantFrom('ref', 'Ref', 'missing')).map(([t, r]) => `[${t}][${r}]`),
  fc.constantFrom('<https://example.com>', 'www.example.com', '<b>bold</b>', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<br>', '<!-- c -->', '[^1]', '\\', '*', '_', '[', ']', '<', '>', '|'),
);
const line = fc.array(inline, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' '));
const block = fc.oneof(
  { weight: 5, arbitrary: line },
  fc.tuple(fc.integer({ min: 1, max: 6 }), line).map(([n, t]) => `${'#'.repeat(n)} ${t}`),
  fc.tuple(fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '  - ', '    - ', '- [ ] ', '- [x] '), line).map(([m, t]) => m + t),
  fc.tuple(fc.integer({ min: 1, max: 4 }), line).map(([n, t]) => `${'> '.repeat(n)}${t}`),
  fc.tuple(line, line).map(([a, b]) => `| ${a} | ${b} |\n| --- | :-: |\n| ${b} | ${a} |`),
  line.map((t) => `\`\`\`\n${t}\n\`\`\``),
  line.map((t) => `    ${t}`),
  fc.constantFrom('---', '***', '___', '', '', '```', '~~~', '<div>', '</div>', '<table><tr><td>x</td></tr></table>', '[ref]: https://example.com "t"', '[^1]: note', 'Setext\n===', 'Setext\n---'),
);
const frontMatter = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  fc.constant('---\ntitle: Acme\nversion: 1.2.3\neffective_date: 2024-01-01\n---\n'),
  fc.constant('---\ntitle: [broken\n---\n'),
  fc.constant('---\n---\n'),
  fc.constant('---\n- a list\n---\n'),
  line.map((t) => `---\ntitle: ${JSON.stringify(t)}\n---\n`),
);
/** Arbitrary policy-like markdown: front matter or not, blocks, LF/CRLF/blank-line separators. */
export const markdown = fc
  .tuple(frontMatter, fc.array(block, { maxLength: 25 }), fc.constantFrom('\n', '\n\n', '\r\n', '\r\n\r\n', '\n\n\n'), fc.boolean())
  .map(([fm, blocks, sep, bom]) => (bom ? '\ufeff' : '') + fm + blocks.join(sep));

const opts = { seed: SEED, numRuns: RUNS };

function siteOf(text: string): Map<string, string> {
  const result = extractPolicy({ id: 'prop', path: 'policies/prop/policy.md', text });
  const version = /^\d+\.\d+\.\d+$/.test(result.model.policy.version) ? result.model.policy.version : '1.0.0';
  const model = { ...result.model, policy: { ...result.model.policy, version } };
  return buildSite([{ id: 'prop', versions: [{ version, model, doc: { tree: result.doc.tree, text: result.doc.text, path: result.doc.path }, draft: true }] } as never], { schemaText: '{}' });
}

function evidenceOf(model: PolicyModel): Evidence[] {
  const out: Evidence[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'evidence' && Array.isArray(x)) out.push(...(x as Evidence[]));
        else walk(x);
      }
    }
  };
  walk(model);
  return out;
}

describe('properties of the pipeline on arbitrary markdown', () => {
  test('extraction and rendering never throw', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const site = siteOf(text);
        expect(site.get('prop/index.html')).toMatch(/^<!doctype html>/);
      }),
      opts,
    );
  });

  test('compile is deterministic: the same input gives the same model, diagnostics and files', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const a = extractPolicy({ id: 'prop', path: 'p.md', text });
        const b = extractPolicy({ id: 'prop', path: 'p.md', text });
        expect(JSON.stringify(b.model)).toBe(JSON.stringify(a.model));
        expect(JSON.stringify(b.diagnostics)).toBe(JSON.stringify(a.diagnostics));
        expect([...siteOf(text)]).toEqual([...siteOf(text)]);
      }),
      { ...opts, numRuns: 60 },
    );
  });

  test('line endings and a BOM never change the model or the site', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const lf = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
        const crlf = '\ufeff' + lf.replace(/\n/g, '\r\n');
        expect([...siteOf(crlf)]).toEqual([...siteOf(lf)]);
      }),
      { ...opts, numRuns: 60 },
    );
  });

  test('canonical markdown is idempotent', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const once = renderMarkdown(parseMarkdown(text).tree);
        const twice = renderMarkdown(parseMarkdown(once).tree);
        expect(twice).toBe(once);
      }),
      opts,
    );
  });

  test('every evidence quote is an exact substring of its lines', () => {
    let quotes = 0;
    fc.assert(
      fc.property(markdown, (text) => {
        const { doc, model } = extractPolicy({ id: 'prop', path: 'p.md', text });
        const lines = doc.text.split('\n');
        for (const e of evidenceOf(model)) {
          const [first, last] = e.lines;
          expect(first).toBeGreaterThanOrEqual(1);
          expect(last).toBeGreaterThanOrEqual(first);
          expect(last).toBeLessThanOrEqual(lines.length);
          expect(lines.slice(first - 1, last).join('\n')).toContain(e.quote);
          quotes++;
        }
      }),
      opts,
    );
    // The arbitrary must reach the extractor's rules, or this property says nothing.
    expect(quotes).toBeGreaterThan(RUNS);
  });

  test('the nesting guard keeps length and line breaks, and changes nothing in ordinary text', () => {
    fc.assert(
      fc.property(markdown, fc.integer({ min: 0, max: 200 }), fc.constantFrom('> ', '- ', '* ', '1. ', '  ', '*', '[', '<span>'), (text, n, unit) => {
        const deep = text + '\n' + unit.repeat(n) + 'x\n';
        const guarded = limitNesting(deep);
        expect(guarded.text.length).toBe(deep.length);
        expect(guarded.text.split('\n').map((l) => l.length)).toEqual(deep.split('\n').map((l) => l.length));
        expect(limitNesting(text).text).toBe(text);
      }),
      opts,
    );
  });

  test('a document parsed section by section equals the same document parsed whole', () => {
    const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
    const parse = (t: string) => processor.parse(t) as Root;
    let cut = 0;
    // Headings often, and a tiny chunk size, so that the arbitrary documents are actually cut.
    const sectioned = fc
      .tuple(markdown, fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), markdown), { minLength: 1, maxLength: 6 }))
      .map(([head, rest]) => [head, ...rest.map(([n, t]) => `${'#'.repeat(n)} Section\n\n${t.replace(/^\ufeff/, '').replace(/^---\n[\s\S]*?\n---\n/, '')}`)].join('\n\n').replace(/\r\n?/g, '\n').replace(/^\ufeff/, ''));
    fc.assert(
      fc.property(sectioned, (text) => {
        const whole = parse(text);
        const pieces = parseChunked(text, parse, 16);
        if ((safeSplits(text, 16)?.length ?? 0) > 0) cut++;
        expect(pieces).toEqual(whole);
      }),
      { ...opts, numRuns: Math.ceil(RUNS / 2) },
    );
    expect(cut).toBeGreaterThan(RUNS / 4);
  });
});
