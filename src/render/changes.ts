// Changes pages: "what changed from version A to version B", as a page of the site. The diff
// itself comes from a Differ (src/node/compile.ts wires the diff engine); a simple differ over
// the model's ids and the canonical text is kept here for sites built without it. Pure.
import type { Root } from 'mdast';
import { diffWords } from 'diff';
import type { PolicyModel } from '../model/types.js';
import type { VocabularySection } from '../model/vocabulary.js';
import { escapeHtml, pageStart, termLabel } from './html.js';
import { renderMarkdown } from './markdown.js';

/** One side of a comparison (the diff engine's DiffSide, structurally). */
export interface ChangeSide {
  label: string;
  model: PolicyModel;
  doc: { tree: Root; text: string; path: string };
}

export interface ChangeSet {
  from: string;
  to: string;
  /** One line for banners, feeds and versions.json. */
  summary: string;
  /** An HTML fragment: the changes, classified where the engine can. */
  html: string;
  required_bump: string | null;
  counts: Record<string, number> | null;
}

export type Differ = (a: ChangeSide, b: ChangeSide) => ChangeSet;

type Facet = 'data_categories' | 'purposes' | 'recipients' | 'rights' | 'security' | 'transfers' | 'sources';
const FACETS: [Facet, VocabularySection, string][] = [
  ['data_categories', 'data_categories', 'Data collected'],
  ['purposes', 'purposes', 'Purposes'],
  ['recipients', 'recipients', 'Recipients'],
  ['rights', 'rights', 'Rights and choices'],
  ['security', 'security_measures', 'Security measures'],
  ['transfers', 'transfers', 'Transfers'],
  ['sources', 'sources', 'Sources'],
];

type Keyed = { id: string; name?: string; polarity: string };
const keyOf = (i: Keyed) => `${i.polarity === 'negative' ? '!' : ''}${i.id}${i.name ? `|${i.name}` : ''}`;

/** A differ that needs no diff engine: added/removed model items, and a word-level redline of the text. */
export const simpleDiffer: Differ = (a, b) => {
  const added: string[] = [];
  const removed: string[] = [];
  const facetHtml: string[] = [];
  for (const [facet, section, title] of FACETS) {
    const before = new Map((a.model[facet] as Keyed[]).map((i) => [keyOf(i), i]));
    const after = new Map((b.model[facet] as Keyed[]).map((i) => [keyOf(i), i]));
    const label = (i: Keyed) => `${i.polarity === 'negative' ? 'not: ' : ''}${termLabel(section, i.id)}${i.name ? ` (${i.name})` : ''}`;
    const plus = [...after.keys()].filter((k) => !before.has(k)).sort().map((k) => label(after.get(k)!));
    const minus = [...before.keys()].filter((k) => !after.has(k)).sort().map((k) => label(before.get(k)!));
    added.push(...plus);
    removed.push(...minus);
    if (plus.length || minus.length)
      facetHtml.push(
        `<li><strong>${escapeHtml(title)}</strong>: ${[...plus.map((p) => `<ins>added ${escapeHtml(p)}</ins>`), ...minus.map((m) => `<del>removed ${escapeHtml(m)}</del>`)].join(', ')}</li>`,
      );
  }
  const parts = diffWords(renderMarkdown(stripFront(a.doc.tree)), renderMarkdown(stripFront(b.doc.tree)));
  const changedWords = parts.filter((p) => p.added || p.removed).reduce((n, p) => n + p.value.split(/\s+/).filter(Boolean).length, 0);
  const summaryParts: string[] = [];
  if (added.length) summaryParts.push(`${added.length} practice${added.length === 1 ? '' : 's'} added`);
  if (removed.length) summaryParts.push(`${removed.length} removed`);
  summaryParts.push(changedWords ? `${changedWords} words of text changed` : 'no change to the text');
  const summary = summaryParts.join('; ') + '.';
  const redline = parts
    .map((p) => {
      const text = escapeHtml(p.value);
      return p.added ? `<ins>${text}</ins>` : p.removed ? `<del>${text}</del>` : text;
    })
    .join('');
  const html = `<section aria-labelledby="Practices"><h2 id="Practices">Changes in what the policy says it does</h2>
${facetHtml.length ? `<ul class="changes-list">${facetHtml.join('')}</ul>` : '<p class="none">No practice added or removed.</p>'}
</section>
<section aria-labelledby="Redline"><h2 id="Redline">Changes to the text</h2>
<p class="glance-note">Inserted text is <ins>underlined on green</ins>; deleted text is <del>struck through on red</del>.</p>
<pre class="redline">${redline}</pre>
</section>`;
  return { from: a.label, to: b.label, summary, html, required_bump: null, counts: null };
};

function stripFront(tree: Root): Root {
  return { ...tree, children: tree.children.filter((n) => n.type !== 'yaml') };
}

export interface ChangesPageOptions {
  title: string;
  from: { version: string; href: string; effective_date: string | null };
  to: { version: string; href: string; effective_date: string | null; draft: boolean };
  root: string;
  css: string;
  siteName?: string;
  canonical?: string;
  lang: string;
}

export function renderChangesPage(changes: ChangeSet, o: ChangesPageOptions): string {
  const x = escapeHtml;
  const date = (d: string | null) => (d ? `effective ${x(d)}` : 'effective date not stated');
  return `${pageStart({
    lang: o.lang,
    title: `Changes in ${o.title} from ${o.from.version} to ${o.to.version}${o.siteName ? ` · ${o.siteName}` : ''}`,
    noindex: o.to.draft,
    canonical: o.canonical,
    css: o.css,
  })}<body>
<header class="site${o.to.draft ? ' draft' : ''}">
<p class="site-name"><a href="${x(o.root)}">${x(o.siteName ?? 'Privacy policies')}</a></p>
<div class="version"><p>${o.to.draft ? '<strong class="tag">DRAFT</strong> ' : ''}Changes from <a href="${x(o.from.href)}">version ${x(o.from.version)}</a> (${date(o.from.effective_date)}) to <a href="${x(o.to.href)}">version ${x(o.to.version)}</a> (${date(o.to.effective_date)}).</p></div>
</header>
<main class="layout-single">
<h1>What changed in ${x(o.title)}: ${x(o.from.version)} → ${x(o.to.version)}</h1>
<p class="summary">${x(changes.summary)}${changes.required_bump ? ` Required version bump: ${x(changes.required_bump)}.` : ''}</p>
${changes.html}
</main>
</body>
</html>
`;
}
