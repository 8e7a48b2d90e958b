// Hostile input (issue 7 §2): XSS payloads in the markdown (test/fixtures/xss/policy.md) and in
// every model field must not produce executable content in any HTML output. This file reads the
// outputs; test/xss-browser.test.ts loads them in Chromium and checks that no script ran.
import { describe, test, expect, beforeAll } from '@jest/globals';
import { readTree } from './robust-helpers.js';
import { HOSTILE_MD, FIELD_PAYLOADS, compileHostile, hostileModelSite, findExecutable, feedHtml } from './xss-helpers.js';

describe('the scanner itself', () => {
  test('finds the payloads in the raw corpus (so a clean result means something)', () => {
    const found = findExecutable(HOSTILE_MD, true);
    for (const kind of ['<script> element', 'onerror handler', 'onload handler', '<iframe> element', '<svg> element', '<object> element', '<base> element', '<form> element', '<meta http-equiv="refresh">', 'ontoggle handler', 'onfocus handler'])
      expect(found.join('\n')).toContain(kind);
    expect(found.some((f) => f.includes('(javascript:)'))).toBe(true);
    expect(found.some((f) => f.includes('(data:)'))).toBe(true);
    for (const payload of FIELD_PAYLOADS.slice(0, 3)) expect(findExecutable(`<p>${payload}</p>`, true)).not.toEqual([]);
  });

  test('does not flag ordinary links, mailto and the page\'s own CSP', () => {
    expect(findExecutable('<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src \'none\'"><a href="https://x.example/">x</a> <a href="mailto:a@b.example">m</a> <a href="#L3">3</a> <a href="../1.0.0/">v</a>')).toEqual([]);
  });
});

describe('hostile markdown compiles to inert HTML', () => {
  let files: Map<string, Buffer>;
  beforeAll(async () => {
    files = readTree(await compileHostile());
  });

  test('every HTML page is free of executable content', () => {
    const pages = [...files.keys()].filter((p) => p.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) expect({ page, found: findExecutable(files.get(page)!.toString('utf8')) }).toEqual({ page, found: [] });
  });

  test('the Atom feed carries no executable HTML', () => {
    const feeds = [...files.keys()].filter((p) => p.endsWith('.xml'));
    for (const feed of feeds)
      for (const html of feedHtml(files.get(feed)!.toString('utf8'))) expect({ feed, found: findExecutable(html, true) }).toEqual({ feed, found: [] });
  });

  test('the payloads stay visible as text where the policy says them', () => {
    const page = files.get('xss/1.0.0/index.html')!.toString('utf8');
    expect(page).toContain('&#x3C;script>window.__pwned=\'entity-text\'&#x3C;/script>');
    expect(page).toContain('&#x3C;script>window.__pwned=\'code-fence\'&#x3C;/script>');
    // A markdown link to javascript: keeps its text and loses its target.
    expect(page).toMatch(/<a>plain js<\/a>/);
    // Ids from the policy cannot clobber globals or the page's own ids.
    expect(page).not.toMatch(/\sid="__pwned"/);
    expect(page).toMatch(/id="policy-__pwned"/);
  });

  test('machine-readable outputs keep the text as data, never as markup for the page', () => {
    const json = JSON.parse(files.get('xss/1.0.0/policy.json')!.toString('utf8')) as { policy: { title: string } };
    expect(json.policy.title).toContain('<script>');
    // The title reaches the pages only escaped.
    for (const page of ['index.html', 'xss/index.html', 'xss/1.0.0/index.html']) {
      const html = files.get(page)!.toString('utf8');
      expect(html).not.toContain(`<script>window.__pwned='title'`);
      expect(html).toMatch(/&lt;script&gt;window\.__pwned=&#39;title&#39;&lt;\/script&gt;/);
    }
  });
});

describe('payloads in every model field and site setting render inert', () => {
  const site = hostileModelSite();

  test('every HTML page is free of executable content', () => {
    const pages = [...site.keys()].filter((p) => p.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) expect({ page, found: findExecutable(site.get(page)!) }).toEqual({ page, found: [] });
  });

  test('the feeds are free of executable content', () => {
    for (const [path, xml] of site) if (path.endsWith('.xml')) for (const html of feedHtml(xml)) expect({ path, found: findExecutable(html, true) }).toEqual({ path, found: [] });
  });

  test('the payloads reach the page, escaped (so the test exercised them)', () => {
    const page = site.get('acme/1.0.0/index.html')!;
    expect(page).toContain('&lt;script&gt;window.__pwned=&#39;field-script&#39;&lt;/script&gt;');
    expect(page).toContain('&lt;/style&gt;&lt;script&gt;window.__pwned=&#39;field-style&#39;&lt;/script&gt;</title>');
    expect(page).toContain('<a href="mailto:&lt;/title&gt;&lt;script&gt;window.__pwned=&#39;field-title&#39;&lt;/script&gt;">');
    // A javascript: contact URL is never made a link.
    expect(page).not.toMatch(/href="javascript:/i);
  });
});

describe('hostile values the schema refuses before anything is rendered', () => {
  test('a language tag that would break out of <html lang>', async () => {
    const { runCli, project, STACK_FRAME } = await import('./robust-helpers.js');
    const dir = project({ 'policies/x/policy.md': `---\ntitle: X\nversion: 1.0.0\nlanguages: ['en"><script>window.__pwned=1</script>']\n---\n# X\n\nText.\n` });
    const r = await runCli(['compile'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(r.stderr).toMatch(/\/policy\/languages\/0 must match pattern/);
  });

  test('a version that would become a path or markup', async () => {
    const { runCli, project } = await import('./robust-helpers.js');
    for (const version of ['1.0.0-<script>', '../../1.0.0', '1.0.0/../../x']) {
      const dir = project({ 'policies/x/policy.md': `---\ntitle: X\nversion: "${version}"\n---\n# X\n\nText.\n` });
      const r = await runCli(['compile'], dir);
      expect({ version, code: r.code }).toEqual({ version, code: 1 });
      expect(r.stderr).toMatch(/\/policy\/version must match pattern/);
    }
  });
});

