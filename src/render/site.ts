// The published site, file by file (path -> content) through an `emit` callback, so a caller can
// write each file as it is made instead of holding the whole site (src/node/compile.ts streams
// into a staging folder; buildSite collects a Map). Pure.
//   index.html                       the policies
//   <id>/                            the current version (latest release; the draft if none), at a stable URL
//   <id>/<version>/                  each version: index.html, changes.html, policy.{md,yaml,json,jsonld}
//   <id>/versions.json, feed.xml     every version with dates, hashes and what changed; Atom feed
//   schemas/policy.schema.json       what policy.json validates against
// All internal links are relative, so the site can be served under any path; the base URL (when
// configured) only feeds canonical links, Atom ids and JSON-LD @ids.
import type { Root } from 'mdast';
import type { PolicyModel } from '../model/types.js';
import { renderPage, escapeHtml, pageStart, type BannerInfo, type VersionLink } from './html.js';
import { renderJson } from './json.js';
import { renderYaml, yamlBody, RELEASE_SCHEMA_REF } from './yaml.js';
import { sha256Hex } from '../hash.js';
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
  /** sha256 of the release's policy.yaml; for a draft, absent: the site computes the hash of the policy.yaml `policyc release` would write. */
  model_sha256?: string;
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

/** Receives each output file as it is made. */
export type Emit = (path: string, content: string) => void;

/** What the site's index needs of a policy once its own files are out. */
export interface PolicySummary {
  id: string;
  title: string;
  current: { version: string; draft: boolean; effective_date: string | null };
  released: number;
  /** The draft's version, when a draft exists beside a release. */
  draft: string | null;
}

/** The whole site in memory (tests, the library); compile streams it instead. */
export function buildSite(policies: PolicyBuild[], options: SiteOptions): Map<string, string> {
  const files = new Map<string, string>();
  const emit: Emit = (path, content) => void files.set(path, content);
  const summaries = policies.map((p) => renderPolicySite(p, options, emit));
  renderSiteFiles(summaries.filter((s): s is PolicySummary => s !== null), options, emit);
  return files;
}

/** The site's own files: the index of every policy and the schema. */
export function renderSiteFiles(summaries: PolicySummary[], options: SiteOptions, emit: Emit): void {
  emit('schemas/policy.schema.json', options.schemaText);
  emit('index.html', renderIndex(summaries, options.siteName, siteBase(options)));
}

const siteBase = (options: SiteOptions) => (options.baseUrl ? options.baseUrl.replace(/\/?$/, '/') : undefined);

/** Every file of one policy (its folder); null when it has no version to publish. */
export function renderPolicySite(policy: PolicyBuild, options: SiteOptions, emit: Emit): PolicySummary | null {
  if (policy.versions.length === 0) return null;
  buildPolicy(emit, policy, { ...options, baseUrl: siteBase(options) });
  const cur = currentOf(policy)!;
  const draft = policy.versions.find((v) => v.draft);
  return {
    id: policy.id,
    title: cur.model.policy.title,
    current: { version: cur.version, draft: cur.draft, effective_date: cur.effective_date },
    released: policy.versions.filter((v) => !v.draft).length,
    draft: draft && !cur.draft ? draft.version : null,
  };
}

/** The version shown at the policy's stable URL: the latest release, else the draft. */
export function currentOf(policy: PolicyBuild): VersionBuild | undefined {
  return [...policy.versions].reverse().find((v) => !v.draft) ?? policy.versions[policy.versions.length - 1];
}

function buildPolicy(emit: Emit, policy: PolicyBuild, options: SiteOptions): void {
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
      model_sha256: v.model_sha256 ?? sha256Hex(renderYaml(modelAt(v), RELEASE_SCHEMA_REF)),
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
  emit(`${id}/versions.json`, renderVersionsJson(versionsFile));

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

  // policy.{md,yaml,json,jsonld} of a version. The stable URL repeats the current version's: the
  // same strings are emitted twice (only the yaml's schema line differs), not rendered twice.
  const machineOf = (v: VersionBuild, absolute: string | undefined) => {
    const model = modelAt(v);
    return { md: renderMarkdown(v.doc.tree), yaml: yamlBody(model), json: renderJson(model), jsonld: renderJsonLd(model, { base: absolute }) };
  };
  const machine = (dir: string, out: ReturnType<typeof machineOf>, schemaRef: string) => {
    emit(`${dir}policy.md`, out.md);
    emit(`${dir}policy.yaml`, `# yaml-language-server: $schema=${schemaRef}\n${out.yaml}`);
    emit(`${dir}policy.json`, out.json);
    emit(`${dir}policy.jsonld`, out.jsonld);
  };
  let currentMachine: ReturnType<typeof machineOf> | undefined;

  for (const v of versions) {
    const dir = `${id}/${v.version}/`;
    emit(`${dir}index.html`, page(v, false));
    const out = machineOf(v, policyBase ? `${policyBase}${v.version}/` : undefined);
    machine(dir, out, '../../schemas/policy.schema.json');
    if (v === current) currentMachine = out;
    const c = changes.get(v.version);
    if (c) {
      const prev = versions.find((o) => o.version === c.from)!;
      emit(
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
  emit(`${id}/index.html`, page(current, true));
  machine(`${id}/`, currentMachine!, '../schemas/policy.schema.json');

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
  emit(`${id}/feed.xml`, renderFeed(entries, { policyId: id, title, base: policyBase, author: options.siteName ?? current.model.controller.name ?? title, fallbackDate: options.fallbackDate }));
}

/** The model as published for a version: its version and effective date are the release's. */
function modelAt(v: VersionBuild): PolicyModel {
  let model = published.get(v);
  if (!model) published.set(v, (model = { ...v.model, policy: { ...v.model.policy, version: v.version, effective_date: v.effective_date } }));
  return model;
}
// One object per version, so that renderers memoised per model (yamlBody) print it once.
const published = new WeakMap<VersionBuild, PolicyModel>();

function renderIndex(policies: PolicySummary[], siteName: string | undefined, base: string | undefined): string {
  const x = escapeHtml;
  const rows = policies
    .map((p) => {
      const cur = p.current;
      return `<li><a href="${x(p.id)}/">${x(p.title)}</a><br>
<span class="meta">${cur.draft ? 'Draft' : 'Current version'} ${x(cur.version)}${cur.effective_date ? `, effective ${x(cur.effective_date)}` : ''}; ${p.released} release${p.released === 1 ? '' : 's'}${p.draft ? `; draft ${x(p.draft)} in preparation` : ''}. <a href="${x(p.id)}/versions.json">versions.json</a> · <a href="${x(p.id)}/feed.xml">Atom feed</a></span></li>`;
    })
    .join('\n');
  return `${pageStart({ lang: 'en', title: siteName ? `${siteName}: privacy policies` : 'Privacy policies', canonical: base, css: CSS })}<body>
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
