// A big policy's body is rendered in chunks of top-level blocks (src/render/html.ts), so that a
// 5 MB page never holds one hast tree of the whole document (issue #7's memory limit). The
// chunked body must be the whole body, byte for byte: ids, in-page links, heading slugs, link
// reference definitions and raw HTML that spans blocks. Checked on crafted cases and, where
// ../shared/corpus is present, on every corpus file cut into tiny chunks.
import { describe, test, expect } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseMarkdown } from '../src/parse/markdown.js';
import { renderBody, renderBodyChunked, renderBodyThroughRaw, renderChunks } from '../src/render/html.js';

const whole = (md: string) => renderBody(parseMarkdown(md, 'p.md').tree);
const chunked = (md: string, bytes = 1) => renderBodyChunked(parseMarkdown(md, 'p.md').tree, bytes);

describe('chunked body rendering', () => {
  const cases: [string, string][] = [
    ['a link to an id defined in a later chunk is relinked to its prefixed id', '[see below](#later)\n\nText.\n\n<p id="later">Later.</p>\n\nThe end.\n'],
    ['a link to an id in an earlier chunk', '<p id="early">Early</p>\n\nMiddle.\n\n[back up](#early)\n'],
    ['a link to an id that exists nowhere keeps its href', '[nowhere](#nothing-here)\n\nText.\n'],
    ['duplicate headings across chunks get document-unique slugs', '# Data\n\nOne.\n\n# Data\n\nTwo.\n\n## Data\n\nThree.\n'],
    ['a reference used before its definition in another chunk', 'See [the site][home].\n\nMore text.\n\n[home]: https://example.com "Home"\n'],
    ['raw HTML opened in one block and closed in a later one', '<div class="x">\n\nInside **one**.\n\nInside two.\n\n</div>\n\nAfter.\n'],
    ['heading levels normalised across chunks', '# Top\n\n### Deep\n\nText\n\n#### Deeper\n\n## Back\n'],
    ['footnotes keep their document-wide numbering (never chunked)', 'First[^a].\n\nSecond[^b].\n\n[^a]: Note a.\n[^b]: Note b.\n'],
    ['a link with characters that need encoding', '[x](#a%22b&c)\n\nText.\n\n<a id="a&quot;b&amp;c"></a>\n'],
  ];
  for (const [name, md] of cases)
    test(name, () => {
      expect(chunked(md)).toEqual(whole(md));
    });

  // Comments alone skip rehype-raw (they render nothing either way); comments that end early in
  // HTML (`<!-->`, `<!--->`, `--!>`) leave text that parse5 shows, so those still go through it.
  const comments: [string, string][] = [
    ['block and inline comments', '<!-- opp115-segment 3 -->\nText <!-- note --> more.\n\n<!-- a -->\n<!-- b\nspans lines -->\n\nEnd.\n'],
    ['an abruptly closed empty comment leaves its text', '<!-->visible-->\n\nText.\n'],
    ['a dash-closed empty comment leaves its text', '<!--->also visible-->\n'],
    ['--!> ends a comment', 'a <!-- x --!> shown --> b\n'],
    ['a comment followed by markup', '<!-- x --><b>bold</b>\n'],
  ];
  for (const [name, md] of comments)
    test(`comments: ${name}: skipping rehype-raw renders as through it`, () => {
      const tree = parseMarkdown(md, 'p.md').tree;
      expect(renderBody(tree)).toEqual(renderBodyThroughRaw(tree));
    });
  test('comments: early-ended comments keep their visible text', () => {
    expect(whole(comments[1]![1]).html).toContain('visible');
    expect(whole(comments[3]![1]).html).toContain('shown');
    expect(whole(comments[0]![1]).html).not.toContain('note');
  });

  test('the crafted cases really are cut into several chunks', () => {
    const tree = parseMarkdown(cases[0]![1], 'p.md').tree;
    expect(renderChunks(tree.children, 1).length).toBeGreaterThan(2);
    // ...but not inside an open raw HTML element
    const html = parseMarkdown(cases[5]![1], 'p.md').tree;
    const groups = renderChunks(html.children, 1);
    expect(groups[0]!.length).toBeGreaterThan(1);
  });

  test('a relinked forward link points at the prefixed id', () => {
    const { html } = chunked(cases[0]![1]);
    expect(html).toContain('href="#policy-later"');
    expect(html).toContain('id="policy-later"');
    expect(html).not.toMatch(/\uE000/);
  });
});

const corpus = join('..', 'shared', 'corpus');
const present = existsSync(corpus);
if (!present) console.warn(`chunked-render corpus test skipped: ${corpus} is absent`);
(present ? describe : describe.skip)('chunked body rendering on the shared corpus', () => {
  const walk = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
  const files = present ? walk(corpus).filter((f) => f.endsWith('.md')) : [];
  test('every corpus file cut into ~2 KB chunks renders exactly as whole', () => {
    expect(files.length).toBeGreaterThan(80);
    for (const f of files) {
      const tree = parseMarkdown(readFileSync(f, 'utf8'), f).tree;
      expect({ f, body: renderBodyChunked(tree, 2000) }).toEqual({ f, body: renderBody(tree) });
    }
  });

  test('without raw HTML other than comments, skipping rehype-raw renders every corpus file exactly as through it', () => {
    let plain = 0;
    let comments = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const tree = parseMarkdown(text, f).tree;
      const html: string[] = [];
      const walk = (n: { type: string; value?: string; children?: unknown[] }) => {
        if (n.type === 'html') html.push(n.value ?? '');
        for (const c of (n.children ?? []) as (typeof n)[]) walk(c);
      };
      walk(tree);
      if (html.length === 0) plain++;
      else if (html.every((h) => h.trim().startsWith('<!--'))) comments++;
      expect({ f, body: renderBody(tree) }).toEqual({ f, body: renderBodyThroughRaw(tree) });
    }
    expect(plain).toBeGreaterThan(40);
    expect(comments).toBeGreaterThan(5); // the OPP-115 files carry segment markers
  });
});
