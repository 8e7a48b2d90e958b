// Author pins: :::practice{...} container directives mark a passage as a given practice.
import { describe, test, expect } from '@jest/globals';
import { readFileSync, readdirSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './check-helpers.js';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { parseMarkdown } from '../src/parse/markdown.js';
import { extractPolicy } from '../src/pipeline.js';
import { renderBody } from '../src/render/html.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { applyPins } from '../src/pins/index.js';
import { emptyModel, ITEM_FACETS } from '../src/model/types.js';

const fixture = readFileSync('test/fixtures/check/pins.md', 'utf8');
const strip = (node: unknown): unknown =>
  JSON.parse(JSON.stringify(node, (k, v) => (k === 'position' || k === 'data' ? undefined : v)));

describe('author pins', () => {
  test('a pin becomes a declared item whose evidence is the pinned passage', () => {
    const r = extractPolicy({ id: 'acme', path: 'policy.md', text: fixture });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const marketing = r.model.purposes.find((p) => p.id === 'marketing')!;
    expect(marketing).toMatchObject({ id: 'marketing', legal_basis: 'consent', data_categories: ['contact.email'], source: 'declared', polarity: 'positive' });
    expect(marketing.evidence).toEqual([
      {
        lines: [13, 14],
        quote: 'We send our newsletter only to people who asked for it, and only\nto the email address they gave us.',
        section: ['Acme privacy notice', 'How we use your information'],
      },
    ]);
    const kept = r.model.retention.find((x) => x.id === 'stated_period')!;
    expect(kept).toMatchObject({ kind: 'stated_period', period: 'P2Y', data_categories: ['contact.email'], source: 'declared' });
    expect(kept.evidence[0]!.lines).toEqual([18, 18]);
  });

  test("a pin answers the extractor's note that the policy lacks it", () => {
    const r = extractPolicy({ id: 'acme', path: 'policy.md', text: fixture });
    expect(r.diagnostics.map((d) => d.ruleId)).not.toContain('meta/missing-retention');
    const without = extractPolicy({ id: 'acme', path: 'policy.md', text: fixture.replace(/:::practice\{retention[^]*?\n:::\n/, '') });
    expect(without.diagnostics.map((d) => d.ruleId)).toContain('meta/missing-retention');
  });

  test('front matter controller is declared metadata', () => {
    const r = extractPolicy({ id: 'acme', path: 'policy.md', text: fixture });
    expect(r.model.controller).toMatchObject({ name: 'Acme Ltd', contact: { email: 'privacy@acme.example' } });
  });

  test('pins render as ordinary text: HTML, canonical markdown and quotes carry no pin syntax', () => {
    const r = extractPolicy({ id: 'acme', path: 'policy.md', text: fixture });
    const html = renderBody(r.doc.tree).html;
    expect(html).toContain('We send our newsletter only to people who asked for it');
    expect(html).not.toMatch(/:::|practice|basis=/);
    const md = renderMarkdown(r.doc.tree);
    expect(md).toContain('We keep your email address for **two years** after your last order.');
    expect(md).not.toMatch(/:::|practice\{/);
    let quotes = 0;
    for (const facet of ITEM_FACETS)
      for (const item of r.model[facet])
        for (const ev of item.evidence) {
          quotes++;
          expect(ev.quote).not.toMatch(/:::|practice\{|\{purpose|\{retention/);
        }
    expect(quotes).toBeGreaterThanOrEqual(2);
  });

  test('no file compile publishes shows pin syntax, and every one shows the pinned passage', async () => {
    const root = mkdtempSync(join(tmpdir(), 'policyc-pins-'));
    mkdirSync(join(root, 'policies', 'acme'), { recursive: true });
    writeFileSync(join(root, 'policies', 'acme', 'policy.md'), fixture);
    const r = await runCli(['compile'], root);
    expect(r.code).toBe(0);
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) e.isDirectory() ? walk(join(d, e.name)) : files.push(join(d, e.name));
    };
    walk(join(root, 'dist'));
    let shown = 0;
    for (const f of files.filter((x) => /\.(html|md|json|jsonld|yaml|txt|xml)$/.test(x))) {
      const text = readFileSync(f, 'utf8');
      expect([f, /:::|practice\{|basis=consent/.test(text)]).toEqual([f, false]);
      if (text.includes('We send our newsletter only to people who asked for it')) shown++;
    }
    expect(shown).toBeGreaterThanOrEqual(2);
  });

  test('ordinary prose with colons is parsed exactly as without the pin syntax', () => {
    const prose = [
      'Write to mailto:privacy@acme.example or call at 10:30.',
      '',
      'Note:this must stay. So must :foo, :bar[x]{y} and a ratio 3:2.',
      '',
      '::leaf{a=b}',
      '',
      ':::note',
      'A callout some tool wrote.',
      ':::',
      '',
      '* item: value',
    ].join('\n');
    const plain = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
    const withPins = parseMarkdown(prose).tree;
    // Text and leaf directives are not parsed at all: the tree is identical.
    const without = plain.parse(prose);
    const a = strip(withPins) as { children: unknown[] };
    const b = strip(without) as { children: unknown[] };
    expect(a.children.slice(0, 3)).toEqual(b.children.slice(0, 3));
    expect(a.children.at(-1)).toEqual(b.children.at(-1));
    // An unknown container directive keeps its fences visible as text.
    const html = renderBody(withPins).html;
    expect(html).toContain('mailto:privacy@acme.example');
    expect(html).toContain('Note:this must stay. So must :foo, :bar[x]{y} and a ratio 3:2.');
    expect(html).toContain('::leaf{a=b}');
    expect(html).toContain(':::note');
    expect(html).toContain('A callout some tool wrote.');
  });

  test('a broken pin is an error at the pin, and pins nothing', () => {
    const text = '# P\n\n:::practice{purpose=marketting}\nWe send offers.\n:::\n\n:::practice{colour=blue}\nx\n:::\n\n:::practice{purpose=marketing basis=whim}\ny\n:::\n';
    const r = extractPolicy({ id: 'p', path: 'p.md', text });
    const pins = r.diagnostics.filter((d) => d.source === 'pins');
    expect(pins.map((d) => [d.ruleId, d.start?.line, d.start?.column])).toEqual([
      ['pins/unknown-id', 3, 1],
      ['pins/unknown-facet', 7, 1],
      ['pins/unknown-id', 11, 1],
    ]);
    expect(pins[0]!.message).toMatch(/did you mean "marketing"/);
    expect(r.model.purposes).toEqual([]);
  });

  test('a pin replaces an inferred item with the same key', () => {
    const text = '# P\n\n:::practice{data=contact.email polarity=negative}\nWe never ask for your email.\n:::\n';
    const doc = parseMarkdown(text);
    const model = emptyModel({ id: 'p', title: 'P', version: '1.0.0', effective_date: null, last_updated: null, languages: ['en'], jurisdictions: [] });
    model.data_categories.push({ id: 'contact.email', polarity: 'positive', modality: 'asserted', source: 'inferred', confidence: 0.6, rule: 'data/lexicon', evidence: [{ lines: [4, 4], quote: 'email', section: ['P'] }] });
    expect(applyPins(doc, model)).toEqual([]);
    const email = model.data_categories.filter((d) => d.id === 'contact.email');
    expect(email).toHaveLength(1);
    expect(email[0]).toMatchObject({ polarity: 'negative', source: 'declared' });
  });
});
