// HTML page for one policy version: the policy text (sanitised), a table of contents, an
// "at a glance" summary from the model and a version banner. Pure: strings in, string out.
// No scripts, no external assets: a Content-Security-Policy meta forbids them as a second guard.
import type { Root as MdastRoot } from 'mdast';
import type { Root as HastRoot, Element, ElementContent } from 'hast';
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import { rehypeRaw } from './rehype-raw-lazy.js';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import GithubSlugger from 'github-slugger';
import rehypeStringify from 'rehype-stringify';
import { visit } from 'unist-util-visit';
import { toString } from 'hast-util-to-string';
import type { PolicyModel, Evidence } from '../model/types.js';
import { settle } from '../settle.js';
import { loadVocabulary, lookupTerm, type VocabularySection } from '../model/vocabulary.js';

/** One entry of the version list a page shows. */
export interface VersionLink {
  version: string;
  effective_date: string | null;
  /** Relative link to the version's page. */
  href: string;
  current: boolean;
  draft: boolean;
}

export interface BannerInfo {
  version: string;
  effective_date: string | null;
  /** This page shows the current (latest released) version. */
  current: boolean;
  /** An unreleased draft: DRAFT banner and noindex. */
  draft: boolean;
  /** The current version and a link to it, when this page is not it. */
  currentLink?: { version: string; href: string };
  versions: VersionLink[];
  /** What changed since the previous version. */
  changes?: { from: string; href: string; summary: string };
}

export interface PageOptions {
  /** Relative link to the site root (the folder holding index.html), e.g. "../../". */
  root?: string;
  /** Stylesheet text, inlined (no external assets). */
  css?: string;
  /** The organisation's name, shown in the page header. */
  siteName?: string;
  /** Absolute URL of this page, when the site has a base URL. */
  canonical?: string;
  banner?: BannerInfo;
  /** Relative links to the machine-readable twins of this page. */
  alternates?: { json: string; yaml: string; jsonld: string; md: string };
  /** Back-compatible shorthand for banner.draft. */
  draft?: boolean;
}

// Sanitise the policy's own HTML with GitHub's schema (no script, no event handler, no
// javascript: URL; ids prefixed so they cannot clobber ours), then add heading ids.
let toHastRaw: ReturnType<typeof rawPipeline> | undefined;
function rawPipeline() {
  return unified()
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw())
    .use(rehypeSanitize, { ...defaultSchema, clobberPrefix: 'policy-' });
}
// Without raw HTML in the markdown, rehype-raw's pass through parse5 changes nothing (the same
// output on every corpus file): skip it, and parse5 is never loaded nor run (~20 ms each, cold).
const toHastNoRaw = unified()
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeSanitize, { ...defaultSchema, clobberPrefix: 'policy-' });

/**
 * What one document's body needs across its chunks (a big policy is rendered in chunks of
 * top-level blocks: renderBodyOnce): the ids seen so far, links waiting for an id further on,
 * the heading slugs (unique in the whole document, as rehype-slug makes them).
 */
interface BodyState {
  ids: Set<string>;
  /** Links to an id not seen yet: sentinel number -> the link's target and href. */
  pending: { target: string; href: string }[];
  slugs: GithubSlugger;
}

const SENTINEL = (n: number) => `#\uE000${n}\uE001`;
const SENTINEL_RE = /#\uE000(\d+)\uE001/g;

/**
 * The sanitiser prefixes the policy's own ids (so they cannot hijack page anchors) but not the
 * links that point at them: footnote references and in-page links would break. Point each
 * "#x" link at "#policy-x" where only the prefixed id exists. A link to an id in a later chunk
 * gets a sentinel that resolveSentinels settles once every id is known.
 */
function relinkClobbered(node: Element, state: BodyState): void {
  const href = node.properties.href;
  if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return;
  let target: string;
  try {
    target = decodeURIComponent(href.slice(1));
  } catch {
    return; // a malformed %-escape links nowhere either way
  }
  const ids = state.ids;
  if (ids.has(target)) return;
  if (ids.has(`policy-${target}`)) node.properties.href = `#policy-${target}`;
  else {
    node.properties.href = SENTINEL(state.pending.length);
    state.pending.push({ target, href });
  }
}

/**
 * Every element of a tree in document order (what unist-util-visit's preorder walk gives, at a
 * fraction of its cost: the body's five visits were 40% of its rendering). `fn` may replace the
 * element in its parent and return true to skip what it put there.
 */
function eachElement(parent: HastRoot | Element, fn: (node: Element, index: number, parent: HastRoot | Element) => boolean | void): void {
  const children = parent.children;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.type !== 'element') continue;
    if (fn(node, i, parent) === true) continue;
    eachElement(node, fn);
  }
}

/** Put the final href in place of each sentinel: relinked when only the prefixed id exists. */
function resolveSentinels(html: string, state: BodyState): string {
  if (!state.pending.length) return html;
  return html.replace(SENTINEL_RE, (_, n: string) => {
    const { target, href } = state.pending[Number(n)]!;
    const final = !state.ids.has(target) && state.ids.has(`policy-${target}`) ? `#policy-${target}` : href;
    // Encoded as the stringifier encodes an attribute value (the sentinel needs no encoding).
    const a = stringifier.stringify({ type: 'root', children: [{ type: 'element', tagName: 'a', properties: { href: final }, children: [] }] });
    return a.slice('<a href="'.length, a.indexOf('"></a>'));
  });
}

/** Above this many source bytes a body is rendered in chunks of top-level blocks (memory: issue #7). */
export const CHUNKED_RENDER_ABOVE = 512 * 1024;
const RENDER_CHUNK_BYTES = 128 * 1024;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * Groups of top-level blocks, cut only where no raw HTML element is left open (an element opened
 * in one block and closed in a later one must stay in one tree, as it does rendered whole).
 * A document with footnotes is one group: their numbering and section are document-wide.
 */
export function renderChunks(children: MdastRoot['children'], chunkBytes = RENDER_CHUNK_BYTES): MdastRoot['children'][] {
  const groups: MdastRoot['children'][] = [];
  let group: MdastRoot['children'] = [];
  let bytes = 0;
  let open = 0;
  for (const node of children) {
    group.push(node);
    bytes += (node.position?.end.offset ?? 0) - (node.position?.start.offset ?? 0);
    if (node.type === 'html') {
      for (const m of node.value.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g)) {
        if (VOID.has(m[2]!.toLowerCase()) || m[3]) continue;
        open = Math.max(0, open + (m[1] ? -1 : 1));
      }
    }
    if (bytes >= chunkBytes && open === 0) {
      groups.push(group);
      group = [];
      bytes = 0;
    }
  }
  if (group.length) groups.push(group);
  return groups;
}

const stringifier = unified().use(rehypeStringify);

export interface RenderedBody {
  html: string;
  toc: { depth: number; id: string; text: string }[];
  /** Source lines that have an L<n> anchor, ascending. */
  anchors: number[];
}

const HEADING = /^h([1-6])$/;
const BLOCKS = new Set(['p', 'li', 'blockquote', 'table', 'pre', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** The anchor of the block that contains a source line: the last anchor at or before it. */
export function anchorFor(anchors: number[], line: number): string | undefined {
  // anchors is ascending: binary search for the last one at or before the line.
  let lo = 0;
  let hi = anchors.length - 1;
  let found: number | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (anchors[mid]! <= line) {
      found = anchors[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found === undefined ? undefined : `L${found}`;
}

/** Images would load from elsewhere: show them as links instead (the page loads no external assets). */
function imageToLink(node: Element): ElementContent {
  const src = typeof node.properties.src === 'string' ? node.properties.src : undefined;
  const alt = typeof node.properties.alt === 'string' && node.properties.alt ? node.properties.alt : 'image';
  const text: ElementContent = { type: 'text', value: `[image: ${alt}]` };
  return src ? { type: 'element', tagName: 'a', properties: { href: src, className: ['image-link'] }, children: [text] } : text;
}

// The body depends on the tree alone, and a version's page is rendered twice (at its own URL and at
// the policy's stable URL): render it once per tree (halves time and peak memory on big policies).
const bodies = new WeakMap<MdastRoot, RenderedBody>();

export function renderBody(tree: MdastRoot): RenderedBody {
  const cached = bodies.get(tree);
  if (cached) return { ...cached, toc: [...cached.toc], anchors: [...cached.anchors] };
  const body = renderBodyOnce(tree);
  bodies.set(tree, body);
  return { ...body, toc: [...body.toc], anchors: [...body.anchors] };
}

/**
 * Raw HTML that is nothing but comments (archive markers, editors' notes): rehype-raw would parse
 * it into comment nodes that the sanitiser then drops, as it drops the raw nodes when rehype-raw
 * is skipped, so the page is the same without parse5's pass (test/render-chunks.test.ts). A
 * comment ends at its first `-->`; `<!-->`, `<!--->` and `--!>` end one early in HTML, so text
 * with them goes through parse5.
 */
const COMMENTS_ONLY = /^\s*(?:<!--(?!-?>)(?:(?!--!>)[^])*?-->\s*)+$/;

function renderBodyOnce(tree: MdastRoot, chunkBytes?: number, forceRaw = false): RenderedBody {
  const content = tree.children.filter((n) => n.type !== 'yaml');
  const size = (tree.position?.end.offset ?? 0) - (tree.position?.start.offset ?? 0);
  let footnotes = false;
  let raw = forceRaw;
  const definitions: MdastRoot['children'] = [];
  visit(tree, (node) => {
    if (node.type === 'footnoteDefinition' || node.type === 'footnoteReference') footnotes = true;
    else if (node.type === 'definition') definitions.push(node);
    else if (node.type === 'html' && !COMMENTS_ONLY.test(node.value)) raw = true;
  });
  const groups = !footnotes && (chunkBytes !== undefined || size > CHUNKED_RENDER_ABOVE) ? renderChunks(content, chunkBytes) : [content];
  const state: BodyState = { ids: new Set(), pending: [], slugs: new GithubSlugger() };
  const toc: RenderedBody['toc'] = [];
  const anchors: number[] = [];
  const anchored = new Set<number>(); // O(1) membership: a long policy has thousands of blocks
  // Heading order: a heading is at most one level deeper than the one before it (policies often
  // jump from # to ###), so that screen-reader users get an outline without holes.
  // Siblings stay siblings: a heading's level is one more than the number of open headings above it.
  const open: number[] = [];
  const parts: string[] = [];
  for (const group of groups) {
    // Link reference definitions are document-wide: every chunk sees them all (they render nothing).
    const children = groups.length > 1 ? [...group, ...definitions] : group;
    const hast = (raw ? (toHastRaw ??= rawPipeline()) : toHastNoRaw).runSync({ ...tree, children } as MdastRoot) as HastRoot;
    // The ids the sanitiser left (its prefixed ones) are known before any link is relinked.
    eachElement(hast, (node) => {
      if (typeof node.properties.id === 'string') state.ids.add(node.properties.id);
    });
    eachElement(hast, (node, index, parent) => {
      relinkClobbered(node, state);
      if (node.tagName === 'img') {
        parent.children[index] = imageToLink(node);
        return true;
      }
      const h = HEADING.exec(node.tagName);
      if (h) {
        // Heading ids from their text, unique in the document (what rehype-slug does, across chunks).
        const text = toString(node);
        if (!node.properties.id) node.properties.id = state.slugs.slug(text);
        const source = Number(h[1]);
        while (open.length && open[open.length - 1]! >= source) open.pop();
        node.tagName = `h${open.length + 1}`;
        open.push(source);
        if (typeof node.properties.id === 'string') toc.push({ depth: open.length, id: node.properties.id, text });
      }
      // Line anchors on blocks, so that evidence links ("line 25") land on the passage. Headings
      // keep their slug id; their line goes on a data attribute target via an empty span.
      const line = node.position?.start.line;
      if (!line || !BLOCKS.has(node.tagName) || anchored.has(line)) return;
      anchored.add(line);
      if (node.properties.id === undefined) {
        node.properties.id = `L${line}`;
        anchors.push(line);
      } else {
        node.children.unshift({ type: 'element', tagName: 'span', properties: { id: `L${line}` }, children: [] });
        anchors.push(line);
      }
      return undefined;
    });
    const html = stringifier.stringify(hast);
    if (html) parts.push(html);
    if (parts.length % 8 === 0) settle(); // every ~1 MB rendered
  }
  anchors.sort((a, b) => a - b);
  return { html: resolveSentinels(parts.join('\n'), state), toc, anchors };
}

/** The body rendered in chunks of `chunkBytes` whatever its size (tests: chunked equals whole). */
export function renderBodyChunked(tree: MdastRoot, chunkBytes: number): RenderedBody {
  return renderBodyOnce(tree, chunkBytes);
}

/** The body with rehype-raw's pass even without raw HTML (tests: skipping it changes nothing). */
export function renderBodyThroughRaw(tree: MdastRoot): RenderedBody {
  return renderBodyOnce(tree, undefined, true);
}

/** The Content-Security-Policy of every page: no script, no external asset, no form, no base. */
const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'">`;

export interface PageStart {
  lang: string;
  /** Plain text; escaped here. */
  title: string;
  noindex?: boolean;
  canonical?: string;
  /** Further <head> elements, as HTML. */
  links?: string[];
  css: string;
}

/** Every page of the site up to and including </head>, so that all share one head and one CSP. */
export function pageStart(o: PageStart): string {
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    CSP,
    o.noindex ? '<meta name="robots" content="noindex">' : '',
    `<title>${escapeHtml(o.title)}</title>`,
    o.canonical ? `<link rel="canonical" href="${escapeHtml(o.canonical)}">` : '',
    ...(o.links ?? []),
    `<style>${o.css}</style>`,
  ].filter(Boolean);
  return `<!doctype html>\n<html lang="${escapeHtml(o.lang)}">\n<head>\n${head.join('\n')}\n</head>\n`;
}

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export function termLabel(section: VocabularySection, id: string): string {
  const term = lookupTerm(section, id, loadVocabulary());
  if (term?.label && term.id === id) return term.label;
  const own = id.replace(/^x\./, '').replace(/[._]/g, ' ');
  return term?.label ? `${term.label} (${id.slice(term.id.length + 1).replace(/[._]/g, ' ')})` : own.charAt(0).toUpperCase() + own.slice(1);
}

interface GlanceItem {
  id: string;
  name?: string;
  polarity: string;
  modality?: string;
  evidence: Evidence[];
}

function evidenceLinks(anchors: number[], evidence: Evidence[]): string {
  const seen = new Set<string>();
  const links: string[] = [];
  let ranges = false;
  for (const e of evidence) {
    const anchor = anchorFor(anchors, e.lines[0]);
    if (!anchor || seen.has(anchor)) continue;
    seen.add(anchor);
    const where = e.lines[0] === e.lines[1] ? `${e.lines[0]}` : `${e.lines[0]}-${e.lines[1]}`;
    ranges ||= e.lines[0] !== e.lines[1];
    links.push(`<a class="ev" href="#${anchor}" aria-label="Where the policy says this: line ${where}" title="${escapeHtml(e.quote.slice(0, 200))}">${where}</a>`);
  }
  if (!links.length) return '';
  return ` <span class="evs">(${links.length === 1 && !ranges ? 'line' : 'lines'} ${links.join(', ')})</span>`;
}

function glanceList(anchors: number[], title: string, section: VocabularySection, items: GlanceItem[], none: string): string {
  const positive = items.filter((i) => i.polarity !== 'negative');
  const negative = items.filter((i) => i.polarity === 'negative');
  const li = (i: GlanceItem, prefix = '') => {
    const text = escapeHtml(prefix + (i.name ? `${termLabel(section, i.id)}: ${i.name}` : termLabel(section, i.id)));
    const hedge = i.modality === 'hedged' ? ' <span class="hedge">(may)</span>' : i.modality === 'conditional' ? ' <span class="hedge">(in some cases)</span>' : '';
    return `<li>${text}${hedge}${evidenceLinks(anchors, i.evidence)}</li>`;
  };
  const rows = [...positive.map((i) => li(i)), ...negative.map((i) => li(i, 'Not: '))];
  if (rows.length === 0) return `<h3>${escapeHtml(title)}</h3><p class="none">${escapeHtml(none)}</p>`;
  return `<h3>${escapeHtml(title)}</h3><ul>${rows.join('')}</ul>`;
}

export function renderGlance(model: PolicyModel, anchors: number[] = []): string {
  const c = model.controller;
  const contact: string[] = [];
  if (c.name) contact.push(escapeHtml(c.name));
  if (c.contact?.email) contact.push(`<a href="mailto:${escapeHtml(c.contact.email)}">${escapeHtml(c.contact.email)}</a>`);
  if (c.contact?.url && /^https?:\/\//.test(c.contact.url)) contact.push(`<a href="${escapeHtml(c.contact.url)}">${escapeHtml(c.contact.url)}</a>`);
  if (c.contact?.postal_address) contact.push(escapeHtml(c.contact.postal_address));
  if (c.contact?.phone) contact.push(escapeHtml(c.contact.phone));
  const dpo = c.dpo?.contact?.email ? `<p>Data protection officer: <a href="mailto:${escapeHtml(c.dpo.contact.email)}">${escapeHtml(c.dpo.contact.email)}</a></p>` : '';
  return [
    '<section class="glance" aria-labelledby="Glance"><h2 id="Glance">At a glance</h2>',
    '<p class="glance-note">A summary that policyc extracted from the text below. Each entry links to the passage it comes from; the text is what counts.</p><div class="grid">',
    `<div>${glanceList(anchors, 'What is collected', 'data_categories', model.data_categories, 'The policy does not say what it collects.')}</div>`,
    `<div>${glanceList(anchors, 'Why', 'purposes', model.purposes, 'The policy states no purposes.')}</div>`,
    `<div>${glanceList(anchors, 'Who receives it', 'recipients', model.recipients, 'The policy names no recipients.')}</div>`,
    `<div>${glanceList(anchors, 'Your rights and choices', 'rights', model.rights, 'The policy states no rights or choices.')}</div>`,
    `<div><h3>How to contact</h3>${contact.length ? `<p>${contact.join('<br>')}${evidenceLinks(anchors, c.evidence ?? [])}</p>` : '<p class="none">The policy gives no contact details.</p>'}${dpo}</div>`,
    '</div></section>',
  ].join('\n');
}

function renderBanner(b: BannerInfo): string {
  const effective = b.effective_date ? `effective ${escapeHtml(b.effective_date)}` : 'effective date not stated';
  const status = b.draft
    ? '<strong class="tag">DRAFT</strong> Not released: this text is not in force and may change.'
    : b.current
      ? '<strong class="tag">Current version</strong>'
      : `<strong class="tag">Superseded</strong> This is not the current version.${b.currentLink ? ` <a href="${escapeHtml(b.currentLink.href)}">Read the current version (${escapeHtml(b.currentLink.version)})</a>.` : ''}`;
  const changes = b.changes
    ? `<p class="changes"><a href="${escapeHtml(b.changes.href)}">What changed since ${escapeHtml(b.changes.from)}</a>: ${escapeHtml(b.changes.summary)}</p>`
    : '<p class="changes">This is the first version.</p>';
  const others = b.versions
    .map((v) => {
      const text = `${escapeHtml(v.version)}${v.draft ? ' (draft)' : v.current ? ' (current)' : ''}${v.effective_date ? `, ${escapeHtml(v.effective_date)}` : ''}`;
      return v.version === b.version ? `<li aria-current="page">${text}</li>` : `<li><a href="${escapeHtml(v.href)}">${text}</a></li>`;
    })
    .join('');
  return `<div class="version${b.draft ? ' draft' : ''}">
<p>${status} Version ${escapeHtml(b.version)}, ${effective}.</p>
${changes}
<details class="versions"><summary>All versions (${b.versions.length})</summary><ol>${others}</ol></details>
</div>`;
}

export function renderPage(model: PolicyModel, tree: MdastRoot, options: PageOptions = {}): string {
  const body = renderBody(tree);
  const meta = model.policy;
  const root = options.root ?? '../../';
  const banner: BannerInfo = options.banner ?? {
    version: meta.version,
    effective_date: meta.effective_date,
    current: !options.draft,
    draft: Boolean(options.draft),
    versions: [],
  };
  const toc = body.toc
    .filter((h) => h.depth >= 1 && h.depth <= 3)
    .map((h) => `<li class="d${h.depth}"><a href="#${escapeHtml(h.id)}">${escapeHtml(h.text)}</a></li>`)
    .join('');
  const start = pageStart({
    lang: meta.languages[0] ?? 'en',
    title: `${meta.title} (version ${banner.version}${banner.draft ? ', draft' : ''})${options.siteName ? ` · ${options.siteName}` : ''}`,
    noindex: banner.draft,
    canonical: options.canonical,
    links: options.alternates
      ? [
          `<link rel="alternate" type="application/json" href="${escapeHtml(options.alternates.json)}">`,
          `<link rel="alternate" type="application/ld+json" href="${escapeHtml(options.alternates.jsonld)}">`,
          `<link rel="alternate" type="text/markdown" href="${escapeHtml(options.alternates.md)}">`,
        ]
      : [],
    css: options.css ?? '',
  });
  const downloads = options.alternates
    ? `<p class="downloads">This version as <a href="${escapeHtml(options.alternates.md)}">markdown</a>, <a href="${escapeHtml(options.alternates.json)}">JSON</a>, <a href="${escapeHtml(options.alternates.yaml)}">YAML</a> or <a href="${escapeHtml(options.alternates.jsonld)}">JSON-LD (W3C DPV)</a>.</p>`
    : '';
  return `${start}<body>
<a class="skip" href="#PolicyText">Skip to the policy text</a>
<header class="site${banner.draft ? ' draft' : banner.current ? '' : ' old'}">
<p class="site-name"><a href="${escapeHtml(root)}">${escapeHtml(options.siteName ?? 'Privacy policies')}</a></p>
${renderBanner(banner)}
</header>
<div class="layout">
<nav aria-label="Contents"><h2>Contents</h2><ol><li class="d2"><a href="#Glance">At a glance</a></li>${toc}</ol></nav>
<main>
${renderGlance(model, body.anchors)}
<article class="policy" id="PolicyText">
${body.html}
</article>
${downloads}
</main>
</div>
</body>
</html>
`;
}
