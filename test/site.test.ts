// The site as a tree of files (pure): layout, versions.json, the Atom feed, JSON-LD, determinism.
import { describe, test, expect } from '@jest/globals';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { parse } from 'yaml';
import { parseMarkdown } from '../src/parse/markdown.js';
import { buildSite, type PolicyBuild, type VersionBuild } from '../src/render/site.js';
import { versionInForce, type VersionsFile } from '../src/render/versions.js';
import { dpvTermsIn } from '../src/render/jsonld.js';
import { checkModel } from '../src/validate/schema.js';
import { sha256 } from '../src/node/releases.js';
import type { PolicyModel } from '../src/model/types.js';

const fixture = (name: string) => readFileSync(`test/fixtures/site/${name}`, 'utf8');
function version(v: string, draft = false, modelVersion = v): VersionBuild {
  const text = fixture(`acme-${v}.md`);
  const model = parse(fixture(`acme-${modelVersion}.yaml`)) as PolicyModel;
  return { version: v, model, doc: parseMarkdown(text, `acme-${v}.md`), draft, effective_date: model.policy.effective_date, source_sha256: sha256(text), model_sha256: 'm' + v };
}
const schemaText = '{"$id":"test"}';
const acme: PolicyBuild = { id: 'acme', versions: [version('1.0.0'), version('1.1.0')] };

describe('site layout', () => {
  const files = buildSite([acme], { schemaText, siteName: 'Acme Ltd' });

  test('a folder per version, the current version at a stable URL, machine outputs beside each page', () => {
    const paths = [...files.keys()].sort();
    for (const dir of ['acme/', 'acme/1.0.0/', 'acme/1.1.0/'])
      for (const f of ['index.html', 'policy.md', 'policy.yaml', 'policy.json', 'policy.jsonld']) expect(paths).toContain(dir + f);
    expect(paths).toContain('acme/1.1.0/changes.html');
    expect(paths).not.toContain('acme/1.0.0/changes.html');
    for (const f of ['index.html', 'acme/versions.json', 'acme/feed.xml', 'schemas/policy.schema.json']) expect(paths).toContain(f);
    expect(files.get('acme/policy.json')).toBe(files.get('acme/1.1.0/policy.json'));
  });

  test('every internal link is relative and resolves to a file of the site', () => {
    const resolveLink = (from: string, href: string) => {
      const url = new URL(href, `http://site/${from}`);
      let path = url.pathname.slice(1);
      if (path === '' || path.endsWith('/')) path += 'index.html';
      return path;
    };
    let checked = 0;
    for (const [path, content] of files) {
      if (!path.endsWith('.html')) continue;
      for (const m of content.matchAll(/\shref="([^"#][^"]*)"/g)) {
        const href = m[1]!;
        if (/^(https?:|mailto:)/.test(href)) continue;
        expect(href.startsWith('/')).toBe(false);
        expect([path, files.has(resolveLink(path, href))]).toEqual([path, true]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  test('the site name is on every page; pages link to their machine-readable twins', () => {
    for (const [path, content] of files) if (path.endsWith('.html')) expect(content).toContain('Acme Ltd');
    expect(files.get('acme/1.0.0/index.html')).toContain('<link rel="alternate" type="application/ld+json" href="policy.jsonld">');
  });

  test('policy.json of every version validates against the schema, with the version of its folder', () => {
    for (const [path, content] of files)
      if (path.endsWith('policy.json')) {
        const model = JSON.parse(content) as PolicyModel;
        expect(checkModel(model)).toEqual([]);
        if (path !== 'acme/policy.json') expect(`acme/${model.policy.version}/policy.json`).toBe(path);
      }
    expect(files.get('acme/1.0.0/policy.yaml')!.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/policy.schema.json');
    expect(files.get('acme/policy.yaml')!.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/policy.schema.json');
  });

  test('building twice gives the same bytes', () => {
    expect(buildSite([acme], { schemaText, siteName: 'Acme Ltd' })).toEqual(files);
  });
});

describe('versions.json', () => {
  const files = buildSite([acme], { schemaText });
  const v = JSON.parse(files.get('acme/versions.json')!) as VersionsFile;

  test('lists each version with its dates, hashes and what changed', () => {
    expect(v.current).toBe('1.1.0');
    expect(v.draft).toBeNull();
    expect(v.versions.map((x) => [x.version, x.status, x.effective_date, x.superseded_on])).toEqual([
      ['1.0.0', 'superseded', '2024-01-01', '2025-03-01'],
      ['1.1.0', 'current', '2025-03-01', null],
    ]);
    expect(v.versions[0]!.changes).toBeNull();
    expect(v.versions[1]!.changes).toMatchObject({ from: '1.0.0', url: '1.1.0/changes.html' });
    expect(v.versions[1]!.changes!.summary).toMatch(/practices? added/);
    expect(v.versions[1]!.source_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test('answers which version was in force on a date', () => {
    expect(versionInForce(v, '2023-12-31')).toBeNull();
    expect(versionInForce(v, '2024-01-01')!.version).toBe('1.0.0');
    expect(versionInForce(v, '2025-02-28')!.version).toBe('1.0.0');
    expect(versionInForce(v, '2025-03-01')!.version).toBe('1.1.0');
    expect(versionInForce(v, '2099-01-01')!.version).toBe('1.1.0');
  });

  test('a release without an effective date is in force only until the next one', () => {
    const undated = { versions: [{ ...v.versions[0]!, effective_date: null }, v.versions[1]!] };
    expect(versionInForce(undated, '2020-01-01')!.version).toBe('1.0.0');
    expect(versionInForce(undated, '2025-03-02')!.version).toBe('1.1.0');
  });

  test('a draft is listed but never in force, and the current version stays the latest release', () => {
    const withDraft = buildSite([{ id: 'acme', versions: [version('1.0.0'), version('1.1.0', true)] }], { schemaText });
    const d = JSON.parse(withDraft.get('acme/versions.json')!) as VersionsFile;
    expect(d.current).toBe('1.0.0');
    expect(d.draft).toBe('1.1.0');
    expect(d.versions.map((x) => x.status)).toEqual(['current', 'draft']);
    expect(versionInForce(d, '2099-01-01')!.version).toBe('1.0.0');
    expect(withDraft.get('acme/1.1.0/index.html')).toContain('<meta name="robots" content="noindex">');
    expect(withDraft.get('acme/index.html')).not.toContain('noindex');
    expect(withDraft.get('acme/index.html')).toMatch(/Current version<\/strong> Version 1\.0\.0/);
    expect(withDraft.get('acme/feed.xml')).not.toContain('1.1.0');
  });
});

describe('Atom feed', () => {
  test('one entry per release, newest first, dated by effective date; ids from the base URL', () => {
    const files = buildSite([acme], { schemaText, baseUrl: 'https://acme.example/privacy' });
    const feed = files.get('acme/feed.xml')!;
    expect(feed).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    const entries = [...feed.matchAll(/<entry>[\s\S]*?<\/entry>/g)].map((m) => m[0]);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toContain('<id>https://acme.example/privacy/acme/1.1.0/</id>');
    expect(entries[0]).toContain('<updated>2025-03-01T00:00:00Z</updated>');
    expect(entries[1]).toContain('<updated>2024-01-01T00:00:00Z</updated>');
    expect(feed).toMatch(/<feed[^>]*>\n  <title>Acme privacy notice: versions<\/title>\n  <id>https:\/\/acme\.example\/privacy\/acme\/<\/id>/);
    expect(feed).toContain('<updated>2025-03-01T00:00:00Z</updated>\n  <author>');
  });

  test('without a base URL, ids are stable URNs and links relative; undated entries use the fallback date', () => {
    const undated = { ...version('1.0.0'), effective_date: null };
    const feed = buildSite([{ id: 'acme', versions: [undated] }], { schemaText, fallbackDate: '2020-02-02T00:00:00Z' }).get('acme/feed.xml')!;
    expect(feed).toContain('<id>urn:policyc:acme:1.0.0</id>');
    expect(feed).toContain('href="1.0.0/"');
    expect(feed).toContain('<updated>2020-02-02T00:00:00Z</updated>');
  });
});

describe('base URL', () => {
  test('canonical links and JSON-LD @ids are absolute; internal links stay relative', () => {
    const files = buildSite([acme], { schemaText, baseUrl: 'https://acme.example/privacy/' });
    expect(files.get('acme/1.0.0/index.html')).toContain('<link rel="canonical" href="https://acme.example/privacy/acme/1.0.0/">');
    expect(files.get('acme/index.html')).toContain('<link rel="canonical" href="https://acme.example/privacy/acme/">');
    const ld = JSON.parse(files.get('acme/1.1.0/policy.jsonld')!);
    expect(ld['@id']).toBe('https://acme.example/privacy/acme/1.1.0/');
    expect(ld.controller['@id']).toBe('https://acme.example/privacy/acme/1.1.0/#controller');
    expect(files.get('acme/1.1.0/index.html')).not.toMatch(/href="https:\/\/acme\.example\/privacy\/(?!acme\/1\.1\.0\/")/);
  });
});

describe('JSON-LD', () => {
  const files = buildSite([acme], { schemaText });
  const ld = JSON.parse(files.get('acme/1.1.0/policy.jsonld')!);

  test('a dpv:PrivacyNotice with an @context, purposes, recipients, rights and data in DPV terms', () => {
    expect(ld['@context'].dpv).toBe('https://w3id.org/dpv#');
    expect(ld['@type']).toBe('dpv:PrivacyNotice');
    expect(ld.personal_data).toEqual(['pd:EmailAddress', 'pd:PhysicalAddress']);
    const ads = ld.purposes.find((p: { model_id: string }) => p.model_id === 'targeted_advertising');
    expect(ads['@type']).toEqual(['dpv:Purpose', 'dpv:TargetedAdvertising']);
    expect(ads.legal_basis).toBe('dpv:Consent');
    expect(ld.recipients.map((r: { '@type': unknown }) => r['@type'])).toEqual([
      ['dpv:Recipient', 'dpv:DataProcessor'],
      ['dpv:Recipient', 'dpv:ThirdParty'],
      'dpv:Recipient',
    ]);
    expect(ld.rights.map((r: { '@type': string }) => r['@type'])).toEqual(['eu-gdpr:A15', 'eu-gdpr:A17']);
    expect(ld.transfers[0].safeguards).toEqual(['eu-gdpr:A46-2-c']);
    expect(ld.special_category_conditions).toEqual(['eu-gdpr:A9-2-a']);
  });

  const dpvDir = '../shared/reference/dpv';
  const maybe = existsSync(dpvDir) ? test : test.skip;
  if (!existsSync(dpvDir)) console.warn(`JSON-LD term check skipped: ${dpvDir} is absent`);
  maybe('uses only terms that exist in the DPV 2.3 exports', () => {
    const known = new Set<string>();
    for (const f of readdirSync(dpvDir).filter((n) => n.endsWith('.csv')))
      for (const line of readFileSync(`${dpvDir}/${f}`, 'utf8').split('\n').slice(1)) {
        const m = /^"[^"]*","[^"]*","([^"]*)"/.exec(line);
        if (m) known.add(m[1]!);
      }
    const ns: Record<string, string> = { dpv: 'https://w3id.org/dpv#', pd: 'https://w3id.org/dpv/pd#', 'eu-gdpr': 'https://w3id.org/dpv/legal/eu/gdpr#' };
    // Every mapping of the vocabulary, through the renderer: a model that uses every id.
    const vocab = parse(readFileSync('schemas/vocabulary.yaml', 'utf8')) as Record<string, { id: string }[]>;
    const all = parse(fixture('acme-1.1.0.yaml')) as PolicyModel;
    const item = (id: string) => ({ id, polarity: 'positive' as const, modality: 'asserted' as const, source: 'declared' as const, evidence: [] });
    all.data_categories = vocab.data_categories!.map((t) => item(t.id));
    all.purposes = vocab.purposes!.map((t) => ({ ...item(t.id), data_categories: vocab.data_categories!.map((d) => d.id), legal_basis: 'consent' }));
    all.purposes.push(...vocab.legal_bases!.map((t) => ({ ...item('marketing'), data_categories: [], legal_basis: t.id })));
    all.recipients = vocab.recipients!.map((t) => ({ ...item(t.id), data_categories: [], purposes: vocab.purposes!.map((p) => p.id) }));
    all.rights = vocab.rights!.map((t) => ({ ...item(t.id), via: [] }));
    all.transfers = [{ ...item('outside_eea'), countries: ['US'], safeguards: vocab.transfer_safeguards!.map((t) => t.id) }];
    all.controller = { ...all.controller, dpo: { name: 'DPO', contact: { email: 'dpo@acme.example' } } };
    all.special_category_conditions = vocab.special_category_conditions!.map((t) => item(t.id));
    const text = buildSite([{ id: 'acme', versions: [{ ...version('1.1.0'), model: all }] }], { schemaText }).get('acme/1.1.0/policy.jsonld')!;
    const terms = dpvTermsIn(text);
    expect(terms.length).toBeGreaterThan(60);
    const unknown = terms.filter((t) => {
      const [prefix, local] = t.split(':') as [string, string];
      return !known.has(ns[prefix]! + local);
    });
    expect(unknown).toEqual([]);
  });
});

describe('changes from the diff engine', () => {
  test("the engine's summary, classes, required bump and HTML reach versions.json, banners, feed and changes page", async () => {
    const { engineDiffer } = await import('../src/node/differ.js');
    const calls: string[] = [];
    const differ = engineDiffer({
      diffPolicies: (a, b) => {
        calls.push(`${a.label}->${b.label}`);
        return { from: a.label, to: b.label, changes: [], sections: [], counts: { material: 1, minor: 2, editorial: 0, needs_review: 0 }, required_bump: 'major' };
      },
      renderDiffHtml: () => '<section class="engine">ENGINE DIFF</section>',
      summarizeDiff: () => '1 material change: new recipient type.',
    });
    const files = buildSite([acme], { schemaText, differ });
    expect(calls).toEqual(['1.0.0->1.1.0']);
    const v = JSON.parse(files.get('acme/versions.json')!) as VersionsFile;
    expect(v.versions[1]!.changes).toEqual({ from: '1.0.0', summary: '1 material change: new recipient type.', required_bump: 'major', counts: { material: 1, minor: 2, editorial: 0, needs_review: 0 }, url: '1.1.0/changes.html' });
    expect(files.get('acme/1.1.0/changes.html')).toMatch(/<span class="class material">material: 1<\/span> <span class="class minor">minor: 2<\/span>[\s\S]*ENGINE DIFF/);
    expect(files.get('acme/1.1.0/changes.html')).toContain('Required version bump: major.');
    expect(files.get('acme/1.1.0/index.html')).toContain('What changed since 1.0.0</a>: 1 material change: new recipient type.');
    expect(files.get('acme/feed.xml')).toContain('<summary>Changes since 1.0.0: 1 material change: new recipient type.</summary>');
  });
});
