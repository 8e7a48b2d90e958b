// issue 5 §6: the published site in a real browser. Debian's chromium, driven by playwright-core
// (no browser download); pages render, links between versions resolve, axe-core finds no serious
// or critical violations; a screenshot of the seed's page is kept in test/artifacts/.
import { describe, test, expect, beforeAll, afterAll } from '@jest/globals';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, normalize, extname } from 'node:path';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { compile } from '../src/node/compile.js';

const CHROMIUM = '/usr/bin/chromium';
const maybe = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) console.warn(`browser tests skipped: ${CHROMIUM} is absent (apt-get install chromium)`);

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.jsonld': 'application/ld+json', '.xml': 'application/atom+xml', '.md': 'text/markdown; charset=utf-8', '.yaml': 'text/yaml; charset=utf-8' };

/** A tiny static server for dist/, mounted under /privacy/ to prove the site works under a subpath. */
function serve(root: string): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith('/privacy/')) return void res.writeHead(404).end('not found');
    let path = normalize(decodeURIComponent(url.pathname.slice('/privacy/'.length)));
    if (path.startsWith('..')) return void res.writeHead(403).end();
    if (path === '.' || path.endsWith('/')) path = join(path, 'index.html');
    const file = join(root, path);
    if (!existsSync(file)) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    done({ server, base: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/privacy/` });
  }));
}

maybe('the published site in Chromium', () => {
  let browser: Browser;
  let server: Server;
  let base: string;
  const external: string[] = [];
  const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

  beforeAll(async () => {
    // The bundled example, plus an edited draft (2.1.0) so that the DRAFT page is checked too.
    const repo = mkdtempSync(join(tmpdir(), 'policyc-browser-'));
    cpSync('policies', join(repo, 'policies'), { recursive: true });
    const draft = join(repo, 'policies', 'kaspersky-uk', 'policy.md');
    writeFileSync(draft, readFileSync(draft, 'utf8').replace('version: 2.0.0', 'version: 2.1.0').replace('Last updated: 15th of May 2014', 'Last updated: 1st of June 2015\n\nWe now also share your email address with advertising partners.'));
    const out = join(repo, 'dist');
    const result = await compile({ cwd: repo, inputs: [], outDir: out, config: { site: { name: 'Kaspersky Lab UK' } } });
    expect(result.written).toBe(true);
    ({ server, base } = await serve(out));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
  });

  async function open(path: string): Promise<Page> {
    // bypassCSP lets the test inject axe; the pages themselves forbid every script.
    const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: true, viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    page.on('request', (r) => {
      if (!r.url().startsWith(base)) external.push(r.url());
    });
    const response = await page.goto(base + path);
    expect(response?.status()).toBe(200);
    return page;
  }

  async function axe(page: Page): Promise<{ id: string; impact: string; nodes: number }[]> {
    await page.addScriptTag({ path: axePath });
    // A string, so that this Node-typed file needs no DOM types.
    const result = (await page.evaluate(
      `axe.run({ resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })))`,
    )) as { id: string; impact: string; nodes: number }[];
    return result;
  }

  test('every page renders, every internal link resolves, no external request', async () => {
    const seen = new Set<string>();
    const queue = [''];
    const broken: string[] = [];
    const page = await open('');
    while (queue.length) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const response = await page.goto(base + path);
      if (response?.status() !== 200) {
        broken.push(`${path}: ${response?.status()}`);
        continue;
      }
      if (!(response.headers()['content-type'] ?? '').startsWith('text/html')) continue;
      const { links, ids } = (await page.evaluate(
        `({ links: [...document.querySelectorAll('a[href], link[href]')].map((a) => a.href), ids: [...document.querySelectorAll('[id]')].map((e) => e.id) })`,
      )) as { links: string[]; ids: string[] };
      for (const link of links) {
        const url = new URL(link);
        if (!link.startsWith(base)) continue;
        const target = url.pathname.slice(new URL(base).pathname.length);
        if (url.hash && target === path) {
          if (!ids.includes(decodeURIComponent(url.hash.slice(1)))) broken.push(`${path}: #${url.hash.slice(1)} has no target`);
        } else if (!seen.has(target)) queue.push(target);
      }
    }
    expect(broken).toEqual([]);
    expect(seen.has('kaspersky-uk/1.0.0/')).toBe(true);
    expect(seen.has('kaspersky-uk/2.0.0/changes.html')).toBe(true);
    expect(seen.has('kaspersky-uk/versions.json')).toBe(true);
    expect(seen.has('kaspersky-uk/2.1.0/changes.html')).toBe(true);
    expect(external).toEqual([]);
  });

  test('the seed page shows its banner, summary and text; a screenshot is kept', async () => {
    const page = await open('kaspersky-uk/1.0.0/');
    await expect(page.locator('header .version').innerText()).resolves.toMatch(/Superseded[\s\S]*Version 1\.0\.0/);
    await expect(page.locator('h2#Glance').isVisible()).resolves.toBe(true);
    await expect(page.locator('article h1').innerText()).resolves.toBe('Kaspersky Lab UK :: Antivirus software');
    const current = page.locator('header a', { hasText: 'Read the current version' });
    await current.click();
    await page.waitForURL(/kaspersky-uk\/$/);
    await expect(page.locator('header .version').innerText()).resolves.toMatch(/Current version[\s\S]*2\.0\.0/);
    const seed = await open('kaspersky-uk/1.0.0/');
    mkdirSync('test/artifacts', { recursive: true });
    await seed.screenshot({ path: 'test/artifacts/seed-1.0.0.png', fullPage: true });
    const current2 = await open('kaspersky-uk/');
    await current2.screenshot({ path: 'test/artifacts/current.png' });
    const draft = await open('kaspersky-uk/2.1.0/');
    await expect(draft.locator('meta[name=robots]').getAttribute('content')).resolves.toBe('noindex');
    await expect(draft.locator('header .version').innerText()).resolves.toMatch(/DRAFT/);
    await draft.screenshot({ path: 'test/artifacts/draft-2.1.0.png' });
    const changes = await open('kaspersky-uk/2.0.0/changes.html');
    await changes.screenshot({ path: 'test/artifacts/changes-2.0.0.png' });
    expect(existsSync('test/artifacts/seed-1.0.0.png')).toBe(true);
  });

  test('axe-core: no serious or critical violations', async () => {
    const pages = ['', 'kaspersky-uk/', 'kaspersky-uk/1.0.0/', 'kaspersky-uk/2.0.0/', 'kaspersky-uk/2.0.0/changes.html', 'kaspersky-uk/2.1.0/', 'kaspersky-uk/2.1.0/changes.html'];
    const found: string[] = [];
    for (const path of pages) {
      const page = await open(path);
      for (const v of await axe(page)) {
        if (v.impact === 'serious' || v.impact === 'critical') found.push(`${path}: ${v.id} (${v.impact}, ${v.nodes} nodes)`);
        else console.warn(`axe, ${path}: ${v.id} (${v.impact}, ${v.nodes} nodes)`);
      }
    }
    expect(found).toEqual([]);
  });

  test('the page works without JavaScript and prints without navigation', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(base + 'kaspersky-uk/');
    await expect(page.locator('article.policy').innerText()).resolves.toMatch(/Kaspersky/);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('nav[aria-label=Contents]').isVisible()).resolves.toBe(false);
    await context.close();
  });
});
