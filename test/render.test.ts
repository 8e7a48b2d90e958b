// The HTML page of one version: sanitising, evidence links, table of contents, banner.
import { describe, test, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parseMarkdown } from '../src/parse/markdown.js';
import { renderPage, renderBody } from '../src/render/html.js';
import type { PolicyModel } from '../src/model/types.js';

const fixture = (name: string) => readFileSync(`test/fixtures/site/${name}`, 'utf8');
const acmeDoc = parseMarkdown(fixture('acme-1.0.0.md'), 'acme.md');
const acmeModel = parse(fixture('acme-1.0.0.yaml')) as PolicyModel;

const ids = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
const hrefs = (html: string) => [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]!);

// XSS payloads: raw HTML in markdown, markdown links, attribute tricks. Each comes with a word
// of text that must survive sanitising.
const PAYLOADS: [string, string][] = [
  ['<script>alert(1)</script>kept1', 'kept1'],
  ['<img src=x onerror="alert(2)"> kept2', 'kept2'],
  ['<a href="javascript:alert(3)">kept3</a>', 'kept3'],
  ['[kept4](javascript:alert(4))', 'kept4'],
  ['[kept5](JaVaScRiPt:alert(5))', 'kept5'],
  ['<div onclick="alert(6)" onmouseover="alert(6)">kept6</div>', 'kept6'],
  ['<svg onload="alert(7)"><text>kept7</text></svg>', 'kept7'],
  ['<iframe src="https://evil.example"></iframe>kept8', 'kept8'],
  ['<a href="&#106;avascript:alert(9)">kept9</a>', 'kept9'],
  ['<style>body{background:url(https://evil.example/x)}</style>kept10', 'kept10'],
  ['<form action="https://evil.example"><button formaction="javascript:alert(11)">kept11</button></form>', 'kept11'],
  ['<p id="L3" name="Glance">kept12</p>', 'kept12'],
  ['<a href="data:text/html,<script>alert(13)</script>">kept13</a>', 'kept13'],
  ['<details open ontoggle="alert(14)"><summary>kept14</summary></details>', 'kept14'],
  ['<meta http-equiv="refresh" content="0;url=https://evil.example">kept15', 'kept15'],
  ['<link rel="stylesheet" href="https://evil.example/x.css">kept16', 'kept16'],
];

describe('sanitising raw HTML in the policy', () => {
  const source = `# Policy\n\n${PAYLOADS.map(([p]) => p).join('\n\n')}\n`;
  const page = renderPage(acmeModel, parseMarkdown(source).tree, {});
  const article = page.slice(page.indexOf('<article'), page.indexOf('</article>'));

  test.each(PAYLOADS)('%s', (_payload, kept) => {
    expect(article).toContain(kept);
  });

  test('no script, event handler, javascript: URL, frame, style or external load survives', () => {
    expect(article).not.toMatch(/<script/i);
    expect(article).not.toMatch(/\son[a-z]+\s*=/i);
    expect(article).not.toMatch(/javascript:/i);
    expect(article).not.toMatch(/<(iframe|style|link|meta|form|svg|img)\b/i);
    expect(article).not.toMatch(/href="data:/i);
    expect(page.match(/<script/gi)).toBeNull();
  });

  test("the policy's ids cannot clobber the page's own", () => {
    expect(article).toContain('id="policy-L3"');
    expect(article).not.toMatch(/name="Glance"/);
  });

  test('a Content-Security-Policy forbids scripts and external loads even if sanitising failed', () => {
    expect(page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
  });
});

describe('the page of a version', () => {
  const page = renderPage(acmeModel, acmeDoc.tree, {
    siteName: 'Acme',
    banner: { version: '1.0.0', effective_date: '2024-01-01', current: true, draft: false, versions: [] },
  });

  test('every in-page link has a target: table of contents and evidence', () => {
    const targets = ids(page);
    const local = hrefs(page).filter((h) => h.startsWith('#'));
    expect(local.length).toBeGreaterThan(5);
    for (const h of local) expect(targets).toContain(h.slice(1));
  });

  test('the glance links each entry to the block holding its evidence', () => {
    expect(page).toMatch(/Email address <span class="evs">\(line <a class="ev" href="#L12"[^>]*>12<\/a>\)/);
    expect(page).toMatch(/Analytics providers: Google Analytics <span class="evs">\(line <a class="ev" href="#L16"/);
    expect(page).toMatch(/<p id="L12">We collect your email address/);
    expect(page).toContain('<a href="mailto:privacy@acme.example">');
  });

  test('the table of contents lists the headings, with slug anchors', () => {
    expect(page).toMatch(/<nav aria-label="Contents">[\s\S]*<a href="#what-we-collect">What we collect<\/a>/);
    expect(page).toMatch(/<h2 id="what-we-collect">/);
  });

  test('landmarks, language, no front matter in the text', () => {
    expect(page).toMatch(/^<!doctype html>\n<html lang="en">/);
    for (const l of ['<header', '<nav aria-label="Contents">', '<main>', '<article']) expect(page).toContain(l);
    expect(page).not.toContain('effective_date: 2024');
  });

  test('a released page is indexable; a draft says DRAFT and asks not to be indexed', () => {
    expect(page).not.toContain('noindex');
    expect(page).toMatch(/Current version<\/strong> Version 1\.0\.0, effective 2024-01-01/);
    const draft = renderPage(acmeModel, acmeDoc.tree, { banner: { version: '1.1.0', effective_date: null, current: false, draft: true, versions: [] } });
    expect(draft).toContain('<meta name="robots" content="noindex">');
    expect(draft).toMatch(/<header class="site draft">[\s\S]*DRAFT<\/strong> Not released/);
  });

  test('a superseded page links to the current version and to its changes', () => {
    const old = renderPage(acmeModel, acmeDoc.tree, {
      banner: {
        version: '1.0.0',
        effective_date: '2024-01-01',
        current: false,
        draft: false,
        currentLink: { version: '1.1.0', href: '../' },
        versions: [
          { version: '1.0.0', effective_date: '2024-01-01', href: '../1.0.0/', current: false, draft: false },
          { version: '1.1.0', effective_date: '2025-03-01', href: '../1.1.0/', current: true, draft: false },
        ],
        changes: { from: '0.9.0', href: '../1.0.0/changes.html', summary: 'New recipient.' },
      },
    });
    expect(old).toMatch(/Superseded<\/strong> This is not the current version\. <a href="\.\.\/">Read the current version \(1\.1\.0\)<\/a>/);
    expect(old).toContain('<li aria-current="page">1.0.0, 2024-01-01</li>');
    expect(old).toContain('<li><a href="../1.1.0/">1.1.0 (current), 2025-03-01</a></li>');
    expect(old).toMatch(/<a href="\.\.\/1\.0\.0\/changes\.html">What changed since 0\.9\.0<\/a>: New recipient\./);
  });

  test('images become links: the page loads nothing from elsewhere', () => {
    const body = renderBody(parseMarkdown('# P\n\n![Our office](https://acme.example/office.jpg)\n').tree);
    expect(body.html).not.toMatch(/<img/);
    expect(body.html).toContain('<a href="https://acme.example/office.jpg" class="image-link">[image: Our office]</a>');
  });

  test('an empty model says so instead of showing empty lists', () => {
    const empty = { ...acmeModel, data_categories: [], purposes: [], recipients: [], rights: [], controller: {} };
    const html = renderPage(empty, acmeDoc.tree);
    expect(html).toContain('The policy does not say what it collects.');
    expect(html).toContain('The policy gives no contact details.');
  });
});

describe('heading order', () => {
  test('a heading is never more than one level below the one before it; the TOC follows', () => {
    const body = renderBody(parseMarkdown('# Title\n\n### Skipped a level\n\n#### Deeper\n\n### Sibling\n\n## Back\n\n#### Jump again\n').tree);
    expect([...body.html.matchAll(/<h(\d)/g)].map((m) => Number(m[1]))).toEqual([1, 2, 3, 2, 2, 3]);
    expect(body.toc.map((t) => t.depth)).toEqual([1, 2, 3, 2, 2, 3]);
  });
});

test('footnote references and in-page links still reach their targets after the sanitiser prefixes ids', async () => {
  const { parseMarkdown } = await import('../src/parse/markdown.js');
  const { renderBody } = await import('../src/render/html.js');
  const { html } = renderBody(parseMarkdown('# T\n\nA note[^1] and [a link](#sec) and [bad](#%E0%A4%A).\n\n<a id="sec"></a>Here.\n\n[^1]: The note.\n').tree);
  const hrefs = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
  const ids = new Set([...html.matchAll(/id="([^"]+)"/g)].map((m) => m[1]!));
  expect(hrefs.filter((h) => h.startsWith('policy-')).length).toBeGreaterThanOrEqual(3);
  for (const h of hrefs.filter((x) => !x.startsWith('%E0'))) expect([h, ids.has(h)]).toEqual([h, true]);
});
