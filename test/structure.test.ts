import { expect, test } from '@jest/globals';
import { parseMarkdown } from '../src/parse/markdown.js';
import { buildStructure } from '../src/parse/structure.js';

const build = (md: string) => {
  const doc = parseMarkdown(md);
  const st = buildStructure(doc);
  const text = (b: { start: number; end: number }) => doc.text.slice(b.start, b.end);
  return { doc, st, text };
};

test('markdown headings give the section path', () => {
  const { st, text } = build('# Policy\n\n## Sharing\n\nWe share data.\n\n### Partners\n\nPartners get data.\n');
  const para = st.blocks.find((b) => text(b) === 'Partners get data.')!;
  expect(para.section).toEqual(['Policy', 'Sharing', 'Partners']);
  expect(st.firstHeading).toBe('Policy');
});

test('a bold line used as a heading opens a section', () => {
  const { st, text } = build('# Policy\n\n**Information We Collect**\n\nWe collect your name.\n');
  const para = st.blocks.find((b) => text(b) === 'We collect your name.')!;
  expect(para.section).toEqual(['Policy', 'Information We Collect']);
  expect(st.blocks.find((b) => b.pseudoHeading)).toBeDefined();
});

test('a plain Title Case line used as a heading opens a section', () => {
  const { st, text } = build('# Policy\n\nHow We Use Information\n\nWe use it to provide the service.\n');
  const para = st.blocks.find((b) => text(b).startsWith('We use it'))!;
  expect(para.section).toEqual(['Policy', 'How We Use Information']);
});

test('a sentence is not mistaken for a heading', () => {
  const { st } = build('# Policy\n\nWe collect your name.\n\nWe use it.\n');
  expect(st.blocks.filter((b) => b.kind === 'heading')).toHaveLength(1);
});

test('a heading pushed onto the next line is recovered', () => {
  const { st, text } = build('# Policy\n\n###   \nBitcoin payments\n\nWe keep no logs.\n');
  const h = st.blocks.find((b) => b.kind === 'heading' && text(b) === 'Bitcoin payments');
  expect(h).toBeDefined();
  const para = st.blocks.find((b) => text(b) === 'We keep no logs.')!;
  expect(para.section).toEqual(['Policy', 'Bitcoin payments']);
});

test('a #### paragraph of prose is text, not a heading', () => {
  const long = 'We are committed to protecting the privacy of every visitor to this site and we explain here what we collect and why we collect it in detail.';
  const { st, text } = build(`# Policy\n\n#### ${long}\n`);
  const b = st.blocks.find((x) => text(x) === long)!;
  expect(b.kind).toBe('paragraph');
});

test('a heading glued to the last list item is split off (seed line 41)', () => {
  const md = '# P\n\nWe use personal information in the following ways:\n\n  * To assist us in creating content\n  * To help you quickly find software important to you with whom we may share your information\n\n\n\nKaspersky Labs retains the services of outside contractors.\n';
  const { st, text } = build(md);
  const item = st.blocks.find((b) => b.kind === 'item' && text(b).startsWith('To help'))!;
  expect(text(item)).toBe('To help you quickly find software important to you');
  const h = st.blocks.find((b) => b.kind === 'heading' && text(b) === 'with whom we may share your information');
  expect(h).toBeDefined();
  const after = st.blocks.find((b) => text(b).startsWith('Kaspersky'))!;
  expect(after.section).toEqual(['P', 'with whom we may share your information']);
});

test('a list item inherits its lead-in sentence', () => {
  const { st, text } = build('# P\n\nWe use personal information in the following ways:\n\n* To send newsletters\n* To improve the site\n');
  const items = st.blocks.filter((b) => b.kind === 'item');
  expect(items).toHaveLength(2);
  for (const it of items) expect(text(st.blocks[it.leadIn!]!)).toBe('We use personal information in the following ways:');
});

test('nested list items inherit the parent item as lead-in', () => {
  const { st, text } = build('# P\n\n* We share data with:\n  * advertisers\n');
  const child = st.blocks.find((b) => text(b) === 'advertisers')!;
  expect(text(st.blocks[child.leadIn!]!)).toBe('We share data with:');
});

test('the archive header is metadata, blanked from the policy text', () => {
  const md = '> *The following text is extracted and transformed from the example.com privacy policy that was archived on 2013-06-06. Please check the [original snapshot on the Wayback Machine](https://web.archive.org/web/2013/http://example.com/privacy) for the most accurate reproduction.*\n\n# Example\n\nWe collect your name.\n';
  const { st } = build(md);
  expect(st.archive).toMatchObject({ site: 'example.com', archived_on: '2013-06-06', snapshot_url: 'https://web.archive.org/web/2013/http://example.com/privacy' });
  expect(st.mask).not.toContain('archived');
  expect(st.blocks.some((b) => b.quoted)).toBe(false);
});

test('HTML comments (segment markers) are not text; fake layout tables keep their text', () => {
  const md = '<!-- opp115-segment 3 -->\nWe collect your name.\n\n|  |  \n---|---  \nWe use cookies on this site. | \n';
  const { st } = build(md);
  expect(st.mask).not.toContain('opp115');
  expect(st.mask).toContain('we use cookies on this site.');
  expect(st.mask).toContain('we collect your name.');
});

test('prose in a code block is kept, a log is not', () => {
  const md = '# P\n\n    We collect your e-mail address when you subscribe to our newsletter and we use it only to send it.\n\n```\nGET /index.html 200 192.168.0.1\n```\n';
  const { st } = build(md);
  expect(st.mask).toContain('we collect your e-mail address');
  expect(st.mask).not.toContain('192.168');
});

test('a table of contents is marked and links keep their text only', () => {
  const md = '# P\n\nWe explain:\n\n* What personal information is gathered\n* With whom the information may be shared\n\nSee [our partners](https://example.com/partners).\n';
  const { st, text } = build(md);
  expect(st.blocks.filter((b) => b.toc).map(text)).toEqual(['What personal information is gathered', 'With whom the information may be shared']);
  expect(st.mask).toContain('our partners');
  expect(st.mask).not.toContain('example.com');
});

test('the mask has the length of the source, lower-cased, curly quotes straightened', () => {
  const md = '# P\n\nWe don\u2019t sell \u201cdata\u201d.\u200b\n';
  const { doc, st } = build(md);
  expect(st.mask).toHaveLength(doc.text.length);
  expect(st.mask).toContain('we don\'t sell "data".');
});
