// The published site, as an in-memory tree (path -> content). Pure; src/node/write.ts writes it.
//   index.html                       the policies
//   <id>/                            the current version (latest release; the draft if none), at a stable URL
//   <id>/<version>/                  each version: index.html, changes.html, policy.{md,yaml,json,jsonld}
//   <id>/versions.json, feed.xml     every version with dates, hashes and what changed; Atom feed
//   schemas/policy.schema.json       what policy.json validates against
// All internal links are relative, so the site can be served under any path; the base URL (when
// configured) only feeds canonical links, Atom ids and JSON-LD @ids.
import type { Root } from 'mdast';
import type { PolicyModel } from '../model/types.js';
import { renderPage, escapeHtml, type BannerInfo, type VersionLink } from './html.js';
import { renderJson } from './json.js';
import { renderYaml } from './yaml.js';
import { renderMarkdown } from './markdown.js';
import { renderJsonLd } from './jsonld.js';
import { renderFeed, type FeedEntry } from './feed.js';
import { renderVersionsJson, type VersionRecord, type VersionsFile } from './versions.js';
import { renderChangesPage, simpleDiffer, type ChangeSet, type Differ } from './changes.js';
import { CSS } from './style.js';

export interface VersionBuild {
  version: string;
  model: PolicyModel;
  doc: { tree: Root; text: string; path: string };
  /** An unreleased draft that differs from every release. */
  draft: boolean;
  effective_date: string | null;
  source_sha256: string;
  model_sha256: string;
}

export interface PolicyBuild {
  id: string;
  /** Releases oldest first, then the draft (when it differs from every release). */
  versions: VersionBuild[];
}

export interface SiteOptions {
  schemaText: string;
  /** Absolute URL the site is served from; a trailing slash is added. */
  baseUrl?: string;
  /** The organisation's name, shown on every page. */
  siteName?: string;
  differ?: Differ;
  /** ISO date-time for feed entries that have no date (from SOURCE_DATE_EPOCH). */
  fallbackDate?: string;
}

export function buildSite(policies: PolicyBuild[], options: SiteOptions): Map<string, string> {
  const files = new Map<string, string>();
  const base = options.baseUrl ? options.baseUrl.replace(/\/?$/, '/') : undefined;
  files.set('schemas/policy.schema.json', options.schemaText);
  for (const policy of policies) buildPolicy(files, policy, { ...options, baseUrl: base });
  files.set('index.html', renderIndex(policies, options.siteName, base));
  return files;
}

/** The version shown at the policy's stable URL: the latest release, else the draft. */
export function currentOf(policy: PolicyBuild): VersionBuild | undefined {
  return [...policy.versions].reverse().find((v) => !v.draft) ?? policy.versions[policy.versions.length - 1];
}

function buildPolicy(files: Map<string, string>, policy: PolicyBuild, options: SiteOptions): void {
  const { id, versions } = policy;
  if (versions.length === 0) return;
  const differ = options.differ ?? simpleDiffer;
  const current = currentOf(policy)!;
  const released = versions.filter((v) => !v.draft);
  const policyBase = options.baseUrl ? `${options.baseUrl}${id}/` : undefined;
  const title = current.model.policy.title;
  const lang = current.model.policy.languages[0] ?? 'en';

  // Each version is compared with the release before it (a draft with the latest release).
  const changes = new Map<string, ChangeSet>();
  for (let i = 1; i < versions.length; i++) {
    const a = versions[i - 1]!;
    const b = versions[i]!;
    const prev = b.draft ? released[released.length - 1] ?? a : a;
    changes.set(b.version, differ({ label: prev.version, model: prev.model, doc: prev.doc }, { label: b.version, model: b.model, doc: b.doc }));
  }
  const nextRelease = (v: VersionBuild) => released[released.indexOf(v) + 1];

  const records: VersionRecord[] = versions.map((v) => {
    const c = changes.get(v.version);
    const next = v.draft ? undefined : nextRelease(v);
    return {
      version: v.version,
      status: v.draft ? 'draft' : v === current ? 'current' : 'superseded',
      effective_date: v.effective_date,
      superseded_on: next ? next.effective_date : null,
      url: `${v.version}/`,
      source_sha256: v.source_sha256,
      model_sha256: v.model_sha256,
      changes: c ? { from: c.from, summary: c.summary, required_bump: c.required_bump, counts: c.counts, url: `${v.version}/changes.html` } : null,
    };
  });
  const draft = versions.find((v) => v.draft);
  const versionsFile: VersionsFile = {
    policy: id,
    title,
    current: released.length ? released[released.length - 1]!.version : null,
    draft: draft ? draft.version : null,
    base_url: policyBase ?? null,
    versions: records,
  };
  files.set(`${id}/versions.json`, renderVersionsJson(versionsFile));

  // A page at `prefix` (relative to the policy folder: '' for the stable URL, '<v>/' for a version).
  const page = (v: VersionBuild, atRoot: boolean): string => {
    const up = atRoot ? '' : '../';
    const links: VersionLink[] = versions.map((o) => ({
      version: o.version,
      effective_date: o.effective_date,
      href: `${up}${o.version}/`,
      current: o === current && !o.draft,
      draft: o.draft,
    }));
    const c = changes.get(v.version);
    const banner: BannerInfo = {
      version: v.version,
      effective_date: v.effective_date,
      current: v === current && !v.draft,
      draft: v.draft,
      currentLink: v !== current && !current.draft ? { version: current.version, href: atRoot ? './' : '../' } : undefined,
      versions: links,
      changes: c ? { from: c.from, href: `${up}${v.version}/changes.html`, summary: c.summary } : undefined,
    };
    const here = atRoot ? '' : `${v.version}/`;
    return renderPage(modelAt(v), v.doc.tree, {
      root: atRoot ? '../' : '../../',
      css: CSS,
      siteName: options.siteName,
      canonical: policyBase ? `${policyBase}${here}` : undefined,
      banner,
      alternates: { json: 'policy.json', yaml: 'policy.yaml', jsonld: 'policy.jsonld', md: 'policy.md' },
    });
  };

  const machine = (dir: string, v: VersionBuild, schemaRef: string, absolute: string | undefined) => {
    const model = modelAt(v);
    files.set(`${dir}policy.md`, renderMarkdown(v.doc.tree));
    files.set(`${dir}policy.yaml`, renderYaml(model, schemaRef));
    files.set(`${dir}policy.json`, renderJson(model));
    files.set(`${dir}policy.jsonld`, renderJsonLd(model, { base: absolute }));
  };

  for (const v of versions) {
    const dir = `${id}/${v.version}/`;
    files.set(`${dir}index.html`, page(v, false));
    machine(dir, v, '../../schemas/policy.schema.json', policyBase ? `${policyBase}${v.version}/` : undefined);
    const c = changes.get(v.version);
    if (c) {
      const prev = versions.find((o) => o.version === c.from)!;
      files.set(
        `${dir}changes.html`,
        renderChangesPage(c, {
          title,
          from: { version: prev.version, href: `../${prev.version}/`, effective_date: prev.effective_date },
          to: { version: v.version, href: './', effective_date: v.effective_date, draft: v.draft },
          root: '../../',
          css: CSS,
          siteName: options.siteName,
          canonical: policyBase ? `${policyBase}${v.version}/changes.html` : undefined,
          lang,
        }),
      );
    }
  }
  files.set(`${id}/index.html`, page(current, true));
  machine(`${id}/`, current, '../schemas/policy.schema.json', policyBase ? `${policyBase}${current.version}/` : undefined);

  const entries: FeedEntry[] = released.map((v) => {
    const c = changes.get(v.version);
    return {
      version: v.version,
      title: `${title}: version ${v.version}`,
      date: v.effective_date,
      href: `${v.version}/`,
      summary: c ? `Changes since ${c.from}: ${c.summary}` : 'First published version.',
      changesHref: c ? `${v.version}/changes.html` : undefined,
    };
  });
  files.set(`${id}/feed.xml`, renderFeed(entries, { policyId: id, title, base: policyBase, author: options.siteName ?? current.model.controller.name ?? title, fallbackDate: options.fallbackDate }));
}

/** The model as published for a version: its version and effective date are the release's. */
function modelAt(v: VersionBuild): PolicyModel {
  return { ...v.model, policy: { ...v.model.policy, version: v.version, effective_date: v.effective_date } };
}

function renderIndex(policies: PolicyBuild[], siteName: string | undefined, base: string | undefined): string {
  const x = escapeHtml;
  const rows = policies
    .filter((p) => p.versions.length)
    .map((p) => {
      const cur = currentOf(p)!;
      const draft = p.versions.find((v) => v.draft);
      const m = cur.model.policy;
      const released = p.versions.filter((v) => !v.draft).length;
      return `<li><a href="${x(p.id)}/">${x(m.title)}</a><br>
<span class="meta">${cur.draft ? 'Draft' : 'Current version'} ${x(cur.version)}${cur.effective_date ? `, effective ${x(cur.effective_date)}` : ''}; ${released} release${released === 1 ? '' : 's'}${draft && !cur.draft ? `; draft ${x(draft.version)} in preparation` : ''}. <a href="${x(p.id)}/versions.json">versions.json</a> · <a href="${x(p.id)}/feed.xml">Atom feed</a></span></li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'">
<title>${x(siteName ? `${siteName}: privacy policies` : 'Privacy policies')}</title>
${base ? `<link rel="canonical" href="${x(base)}">\n` : ''}<style>${CSS}</style>
</head>
<body>
<header class="site"><p class="site-name">${x(siteName ?? 'Privacy policies')}</p></header>
<main class="layout-single">
<h1>Privacy policies</h1>
<ul class="index-list">
${rows}
</ul>
</main>
</body>
</html>
`;
}
