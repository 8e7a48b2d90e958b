// feed.xml: an Atom feed (RFC 4287) of a policy's releases, newest first, each entry saying what
// changed. Deterministic: dates come from the releases' effective dates, else SOURCE_DATE_EPOCH.
import { escapeHtml } from './html.js';

export interface FeedEntry {
  version: string;
  title: string;
  /** YYYY-MM-DD, or null when the release states none. */
  date: string | null;
  /** Relative link from the policy's folder to the version's page. */
  href: string;
  summary: string;
  /** Relative link to the changes page, when there is a previous version. */
  changesHref?: string;
}

export interface FeedOptions {
  policyId: string;
  title: string;
  /** Absolute URL of the policy's folder (ends with /), when the site has a base URL. */
  base?: string;
  author?: string;
  /** Fallback date (ISO) for entries without one: from SOURCE_DATE_EPOCH, else 1970-01-01. */
  fallbackDate?: string;
}

const stamp = (date: string) => (date.length === 10 ? `${date}T00:00:00Z` : date);

export function renderFeed(entries: FeedEntry[], options: FeedOptions): string {
  const x = escapeHtml;
  const fallback = options.fallbackDate ?? '1970-01-01T00:00:00Z';
  const id = (suffix: string) => (options.base ? `${options.base}${suffix}` : `urn:policyc:${options.policyId}${suffix ? `:${suffix.replace(/\/$/, '')}` : ''}`);
  const link = (href: string) => (options.base ? `${options.base}${href}` : href);
  const ordered = [...entries].reverse();
  const updated = ordered.map((e) => (e.date ? stamp(e.date) : fallback)).sort().pop() ?? fallback;
  const items = ordered.map((e) => {
    const when = e.date ? stamp(e.date) : fallback;
    const content = `<p>${x(e.summary)}</p>${e.changesHref ? `<p><a href="${x(link(e.changesHref))}">What changed</a></p>` : ''}`;
    return `  <entry>
    <title>${x(e.title)}</title>
    <id>${x(id(e.href))}</id>
    <link rel="alternate" type="text/html" href="${x(link(e.href))}"/>
    <updated>${when}</updated>
    <summary>${x(e.summary)}</summary>
    <content type="html">${x(content)}</content>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"${options.base ? ` xml:base="${x(options.base)}"` : ''}>
  <title>${x(options.title)}: versions</title>
  <id>${x(id(''))}</id>
  <link rel="self" type="application/atom+xml" href="${x(link('feed.xml'))}"/>
  <link rel="alternate" type="text/html" href="${x(options.base ?? './')}"/>
  <updated>${updated}</updated>
  <author><name>${x(options.author ?? options.title)}</name></author>
${items.join('\n')}
</feed>
`;
}
