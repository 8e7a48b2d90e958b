// HTML page for one policy version: the policy text (sanitised), a table of contents, and an
// "at a glance" summary from the model. Pure: strings in, string out. No scripts, no external assets.
import type { Root as MdastRoot } from 'mdast';
import type { Root as HastRoot, Element } from 'hast';
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import { visit } from 'unist-util-visit';
import { toString } from 'hast-util-to-string';
import type { PolicyModel } from '../model/types.js';
import { loadVocabulary, lookupTerm, type VocabularySection } from '../model/vocabulary.js';

export interface PageOptions {
  /** Banner text for an unreleased draft; also adds noindex. */
  draft?: boolean;
  /** Relative link to the site index. */
  home?: string;
  /** Stylesheet text, inlined (no external assets). */
  css?: string;
}

// Sanitise the policy's own HTML (GitHub's schema), but keep heading ids that rehype-slug adds
// after sanitising, without the user-content- prefix clobbering.
const toHast = unified()
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, { ...defaultSchema, clobberPrefix: 'policy-' })
  .use(rehypeSlug);
const stringifier = unified().use(rehypeStringify);

export interface RenderedBody {
  html: string;
  toc: { depth: number; id: string; text: string }[];
  /** Source lines that have an L<n> anchor, ascending. */
  anchors: number[];
}

const BLOCKS = new Set(['p', 'li', 'blockquote', 'table', 'pre', 'dt', 'dd']);

/** The anchor of the block that contains a source line: the last anchor at or before it. */
export function anchorFor(anchors: number[], line: number): string | undefined {
  let found: number | undefined;
  for (const a of anchors) {
    if (a > line) break;
    found = a;
  }
  return found === undefined ? undefined : `L${found}`;
}

export function renderBody(tree: MdastRoot): RenderedBody {
  const content = { ...tree, children: tree.children.filter((n) => n.type !== 'yaml') } as MdastRoot;
  const hast = toHast.runSync(content) as HastRoot;
  const toc: RenderedBody['toc'] = [];
  const anchors: number[] = [];
  visit(hast, 'element', (node: Element) => {
    const m = /^h([1-6])$/.exec(node.tagName);
    if (m && typeof node.properties.id === 'string') toc.push({ depth: Number(m[1]), id: node.properties.id, text: toString(node) });
    // Line anchors on blocks, so that evidence links ("line 25") land on the passage.
    const line = node.position?.start.line;
    if (line && BLOCKS.has(node.tagName) && node.properties.id === undefined && !anchors.includes(line)) {
      node.properties.id = `L${line}`;
      anchors.push(line);
    }
  });
  anchors.sort((a, b) => a - b);
  return { html: stringifier.stringify(hast), toc, anchors };
}

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function label(section: VocabularySection, id: string): string {
  return lookupTerm(section, id, loadVocabulary())?.label ?? id.replace(/^x\./, '').replace(/[._]/g, ' ');
}

function glanceList(anchors: number[], title: string, section: VocabularySection, items: { id: string; name?: string; polarity: string; evidence: { lines: [number, number] }[] }[]): string {
  const positive = items.filter((i) => i.polarity !== 'negative');
  if (positive.length === 0) return `<h3>${escapeHtml(title)}</h3><p class="none">The policy does not say.</p>`;
  const lis = positive.map((i) => {
    const text = escapeHtml(i.name ? `${label(section, i.id)}: ${i.name}` : label(section, i.id));
    const links = i.evidence
      .map((e) => ({ line: e.lines[0], anchor: anchorFor(anchors, e.lines[0]) }))
      .filter((e, k, all) => e.anchor && all.findIndex((o) => o.anchor === e.anchor) === k)
      .map((e) => `<a class="ev" href="#${e.anchor}" title="Where the policy says this">line ${e.line}</a>`);
    return `<li>${text}${links.length ? ` <span class="evs">${links.join(' ')}</span>` : ''}</li>`;
  });
  return `<h3>${escapeHtml(title)}</h3><ul>${lis.join('')}</ul>`;
}

export function renderGlance(model: PolicyModel, anchors: number[] = []): string {
  const c = model.controller;
  const contact = [c.name, c.contact?.email, c.contact?.url, c.contact?.postal_address, c.contact?.phone].filter(Boolean).map((s) => escapeHtml(String(s)));
  return [
    '<section class="glance" aria-labelledby="glance-title"><h2 id="glance-title">At a glance</h2><div class="grid">',
    `<div>${glanceList(anchors, 'What we collect', 'data_categories', model.data_categories)}</div>`,
    `<div>${glanceList(anchors, 'Why', 'purposes', model.purposes)}</div>`,
    `<div>${glanceList(anchors, 'Who receives it', 'recipients', model.recipients)}</div>`,
    `<div>${glanceList(anchors, 'Your rights and choices', 'rights', model.rights)}</div>`,
    `<div><h3>How to contact</h3>${contact.length ? `<p>${contact.join('<br>')}</p>` : '<p class="none">The policy gives no contact details.</p>'}</div>`,
    '</div></section>',
  ].join('\n');
}

export function renderPage(model: PolicyModel, tree: MdastRoot, options: PageOptions = {}): string {
  const body = renderBody(tree);
  const meta = model.policy;
  const toc = body.toc
    .filter((h) => h.depth >= 2 && h.depth <= 3)
    .map((h) => `<li class="d${h.depth}"><a href="#${escapeHtml(h.id)}">${escapeHtml(h.text)}</a></li>`)
    .join('');
  const effective = meta.effective_date ? `effective ${escapeHtml(meta.effective_date)}` : 'no effective date stated';
  return `<!doctype html>
<html lang="${escapeHtml(meta.languages[0] ?? 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${options.draft ? '<meta name="robots" content="noindex">\n' : ''}<title>${escapeHtml(meta.title)} (version ${escapeHtml(meta.version)})</title>
<style>${options.css ?? ''}</style>
</head>
<body>
<header class="banner${options.draft ? ' draft' : ''}" role="banner">
<p>${options.draft ? '<strong>DRAFT</strong> — not yet released. ' : ''}Version ${escapeHtml(meta.version)}, ${effective}.${options.home ? ` <a href="${escapeHtml(options.home)}">All policies</a>` : ''}</p>
</header>
<nav aria-label="Contents"><h2>Contents</h2><ol>${toc}</ol></nav>
<main>
${renderGlance(model, body.anchors)}
<article class="policy">
${body.html}
</article>
</main>
</body>
</html>
`;
}
