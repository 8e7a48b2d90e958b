// Correctness of the performance machinery (never timings: those are in `npm run bench`).
// Chunked parse == whole parse, on the corpus and on crafted cases where a chunk boundary could
// go wrong: references and footnotes used across chunks, fences, HTML blocks and pins spanning
// headings, front matter, positions.
import { describe, test, expect } from '@jest/globals';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseChunked, chunkStarts } from '../src/parse/chunked.js';
import { parseTree, parseMarkdown, CHUNKED_PARSE_ABOVE } from '../src/parse/markdown.js';
import { normalizeSource } from '../src/parse/source.js';

const corpusDir = '../shared/corpus';
const maybe = existsSync(corpusDir) ? describe : describe.skip;
if (!existsSync(corpusDir)) console.warn(`skipped: corpus not found at ${corpusDir}`);

function corpusFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...corpusFiles(p));
    else if (name.endsWith('.md') && name !== 'README.md') out.push(p);
  }
  return out;
}

/** Chunk at every safe heading (targetBytes 1), the harshest split. */
const chunked = (source: string) => parseChunked(source, parseTree, { targetBytes: 1 });

function expectSame(text: string, minChunks = 2): void {
  const source = normalizeSource(text);
  expect(chunkStarts(source, { targetBytes: 1 }).length).toBeGreaterThanOrEqual(minChunks);
  expect(chunked(source)).toEqual(parseTree(source));
}

describe('chunked parse: crafted cases', () => {
  test('plain sections, positions shifted back to the whole file', () => {
    const text = '# One\n\nFirst *para*.\n\n## Two\n\n- a\n- b\n\n## Three\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';
    expectSame(text, 3);
    const tree = chunked(text);
    const three = tree.children.find((n) => n.type === 'heading' && n.depth === 2 && JSON.stringify(n).includes('Three'));
    expect(three?.position?.start).toEqual({ line: 10, column: 1, offset: text.indexOf('## Three') });
  });

  test('a link reference definition at the end, used in earlier chunks (full, collapsed, shortcut, image)', () => {
    const text = '# Intro\n\nSee [our site][Home] and [home][] and [HOME].\n\n## Middle\n\n![logo][home] here.\n\n## Links\n\n[home]: https://example.com "Home"\n';
    expectSame(text, 3);
    const tree = chunked(text);
    const json = JSON.stringify(tree);
    expect((json.match(/"type":"linkReference"/g) ?? []).length).toBe(3);
    expect(json).toContain('"type":"imageReference"');
    expect(tree.children.filter((n) => n.type === 'definition')).toHaveLength(1);
  });

  test('the stand-in definitions matter: chunks parsed naively lose cross-chunk references and footnotes', () => {
    const text = '# A\n\nSee [home] and a note.[^1]\n\n## B\n\n[home]: /\n\n[^1]: Note.\n';
    const naive = chunkStarts(text, { targetBytes: 1 }).map((s, i, all) => parseTree(text.slice(s, all[i + 1])));
    const json = JSON.stringify(naive);
    expect(json).not.toContain('"type":"linkReference"');
    expect(json).not.toContain('"type":"footnoteReference"');
    expect(JSON.stringify(chunked(text))).toContain('"type":"linkReference"');
    expect(JSON.stringify(chunked(text))).toContain('"type":"footnoteReference"');
  });

  test('a definition in the first chunk used later, and one in the middle used first', () => {
    const text = '---\ntitle: x\n---\n# A\n\nUses [b].\n\n[a]: /a\n\n## B\n\nUses [a] and [not defined].\n\n## C\n\n[b]: /b\n';
    expectSame(text, 3);
  });

  test('footnotes used across chunks', () => {
    const text = '# A\n\nA claim.[^1] Another.[^note]\n\n## B\n\nMore.[^1]\n\n## Notes\n\n[^1]: The first note.\n\n[^note]: The second,\n    on two lines.\n';
    expectSame(text, 3);
    const json = JSON.stringify(chunked(text));
    expect((json.match(/"type":"footnoteReference"/g) ?? []).length).toBe(3);
  });

  test('a code fence that spans headings is never split', () => {
    const text = '# A\n\n```markdown\n# Not a heading\n\n## Nor this\n```\n\n~~~~\n# x\n\n~~~\n# still code\n~~~~\n\n## B\n\ntext\n';
    expectSame(text, 2);
    // split points: after each fence, never inside one
    const starts = chunkStarts(text, { targetBytes: 1 });
    expect(starts).toEqual([0, text.indexOf('```markdown'), text.indexOf('~~~~'), text.indexOf('## B'), text.indexOf('text\n')]);
  });

  test('HTML comments and blocks that span headings', () => {
    const text = '# A\n\n<!-- a comment\n\n# inside the comment\n-->\n\n<pre>\n\n# inside pre\n</pre>\n\n## B\n\n<div>\n# after html, no blank line\n</div>\n\n## C\n';
    expectSame(text, 2);
    const starts = chunkStarts(text, { targetBytes: 1 });
    // the comment and <pre> are split before, never inside; <div> (kind 6) ends at the blank line
    expect(starts.map((s) => text.slice(s, s + 4))).toEqual(['# A\n', '<!--', '<pre', '## B', '<div', '## C']);
  });

  test('pins (container directives) that contain headings, with their positions', () => {
    const text = '# A\n\n:::practice{purpose=marketing}\nWe send news.\n\n# Inside the pin\n:::\n\n## B\n\n:::practice{purpose=analytics}\nWe count visits.\n:::\n';
    expectSame(text, 2);
    expect(chunked(text).data?.pins).toEqual(parseTree(text).data?.pins);
    expect(parseTree(text).data?.pins).toHaveLength(2);
  });

  test('headings that cannot start a chunk: after a paragraph line, indented, in a list, in a block quote', () => {
    const text = '# A\n\npara\n# after para\n\n- item\n\n  # in item\n\n> quote\n>\n> # in quote\n\n    # indented code\n\n## B\n';
    expectSame(text, 2);
  });

  test('a document with no heading splits at paragraphs; list items, quotes, breaks (--- would read as front matter), indented and lazy lines never start a chunk', () => {
    const text = 'no headings\n\nat all\n\n- one\n\n- two\n\n1. first\n\n2) second\n\n> quote\n\n> again\n\n    code\n\n\tcode\n\n**Bold line as heading**\nlazy\n\n| a | b |\n|---|---|\n\n---\n\n[x]: /x\n';
    const starts = chunkStarts(text, { targetBytes: 1 });
    expect(starts.map((s) => text.slice(s, s + 5))).toEqual(['no he', 'at al', '**Bol', '| a |', '[x]: ']);
    expectSame(text, 5);
  });

  test('a large policy without ATX headings (bold lines as headings) is parsed in chunks, the same as whole', () => {
    const section = (i: number) => `**Section ${i}**\n\nWe collect your [name] and e-mail address.[^n]\n\n- one\n- two\n  continued\n\n1. first\n\n   second paragraph of the item\n\n`;
    let text = '';
    for (let i = 0; text.length <= CHUNKED_PARSE_ABOVE * 2; i++) text += section(i);
    text += '[name]: https://example.com\n\n[^n]: A note.\n';
    expect(chunkStarts(text).length).toBeGreaterThan(2);
    expect(parseMarkdown(text).tree).toEqual(parseTree(text));
  });

  test('chunks respect the target size', () => {
    const text = Array.from({ length: 100 }, (_, i) => `## S${i}\n\n${'word '.repeat(40)}\n`).join('\n');
    const starts = chunkStarts(text, { targetBytes: 2000 });
    expect(starts.length).toBeGreaterThan(5);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(2000);
    expect(parseChunked(text, parseTree, { targetBytes: 2000 })).toEqual(parseTree(text));
  });

  test('parseMarkdown uses the chunked parse above the threshold, with the same tree', () => {
    const section = (i: number) => `## Section ${i}\n\nText with a [ref] and a note.[^n]\n\n- one\n- two\n\n`;
    let text = '# Big\n\n';
    for (let i = 0; text.length <= CHUNKED_PARSE_ABOVE * 2; i++) text += section(i);
    text += '[ref]: https://example.com\n\n[^n]: A note.\n';
    expect(chunkStarts(text).length).toBeGreaterThan(1);
    expect(parseMarkdown(text).tree).toEqual(parseTree(text));
  });
});

maybe('chunked parse: corpus', () => {
  const files = existsSync(corpusDir) ? corpusFiles(corpusDir) : [];
  test('the corpus is there', () => expect(files.length).toBeGreaterThan(50));
  test.each(files.map((f) => [f.slice(corpusDir.length + 1), f]))('%s', (_name, file) => {
    const source = normalizeSource(readFileSync(file, 'utf8'));
    expect(chunked(source)).toEqual(parseTree(source));
  });
});
