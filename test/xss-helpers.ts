// Shared by the XSS tests: the hostile corpus compiled into a site, and a static scan of HTML for
// anything a browser would execute. Not a test file itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parse, parseFragment } from 'parse5';
import { compile } from '../src/node/compile.js';
import { parseMarkdown } from '../src/parse/markdown.js';
import { buildSite } from '../src/render/site.js';
import type { PolicyModel } from '../src/model/types.js';
import { project } from './robust-helpers.js';

export const HOSTILE_MD = readFileSync('test/fixtures/xss/policy.md', 'utf8');

/** Payloads for model fields and site settings: each would set window.__pwned if it ran. */
export const FIELD_PAYLOADS = [
  `<script>window.__pwned='field-script'</script>`,
  `"><img src=x onerror="window.__pwned='field-attr'">`,
  `'><svg onload="window.__pwned='field-svg'">`,
  `javascript:window.__pwned='field-url'`,
  `</title><script>window.__pwned='field-title'</script>`,
  `</style><script>window.__pwned='field-style'</script>`,
  `&lt;script&gt;window.__pwned='field-entity'&lt;/script&gt;`,
  `]]><script>window.__pwned='field-cdata'</script>`,
];

const TEXT_KEYS = new Set(['title', 'name', 'quote', 'condition', 'exception', 'note', 'legitimate_interest', 'postal_address', 'phone', 'site', 'snapshot_url', 'url', 'email']);

/** The full model fixture with a payload in every free-text field, every section path and a policy-own id. */
export function hostileModel(): PolicyModel {
  const model = parseYaml(readFileSync('test/fixtures/models/full.yaml', 'utf8')) as PolicyModel;
  let n = 0;
  const next = () => FIELD_PAYLOADS[n++ % FIELD_PAYLOADS.length]!;
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        if (TEXT_KEYS.has(k) && typeof v === 'string') out[k] = next();
        else if (k === 'section' && Array.isArray(v)) out[k] = v.map(() => next());
        else out[k] = walk(v);
      }
      return out;
    }
    return value;
  };
  const hostile = walk(model) as PolicyModel;
  hostile.data_categories.push({ id: `x.<img src=x onerror="window.__pwned='x-id'">`, polarity: 'positive', modality: 'asserted', source: 'declared', evidence: [{ lines: [1, 1], quote: FIELD_PAYLOADS[0]!, section: [FIELD_PAYLOADS[1]!] }] });
  hostile.policy.version = '1.0.0';
  return hostile;
}

/** Compile the hostile markdown (through the CLI's compile) into a fresh dist/; returns its path. */
export async function compileHostile(): Promise<string> {
  const dir = project({ 'policies/xss/policy.md': HOSTILE_MD });
  const outDir = join(dir, 'dist');
  const result = await compile({ cwd: dir, inputs: [], outDir, config: { site: { name: FIELD_PAYLOADS[4]! } } });
  if (!result.written) throw new Error(`the hostile corpus did not compile: ${JSON.stringify(result.reports)}`);
  return outDir;
}

/** A site rendered from the hostile model (payloads in every model field), as path -> content. */
export function hostileModelSite(): Map<string, string> {
  const doc = parseMarkdown(HOSTILE_MD, 'policies/xss/policy.md');
  const model = hostileModel();
  const draft = { ...model, policy: { ...model.policy, version: '1.1.0' } };
  return buildSite(
    [
      {
        id: 'acme',
        versions: [
          { version: '1.0.0', model, doc: { tree: doc.tree, text: doc.text, path: doc.path }, draft: false },
          { version: '1.1.0', model: draft, doc: { tree: doc.tree, text: doc.text, path: doc.path }, draft: true },
        ],
      } as never,
    ],
    { schemaText: '{}', siteName: FIELD_PAYLOADS[5]! },
  );
}

// --- the static scan -------------------------------------------------------------------------

interface P5Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: P5Node[];
  content?: P5Node;
  value?: string;
}

const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'ping', 'lowsrc', 'dynsrc', 'codebase', 'cite', 'longdesc', 'manifest', 'srcset', 'icon']);
const EXECUTABLE_ELEMENTS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal', 'svg', 'math', 'form', 'noscript', 'template']);

/** The scheme of a URL as a browser resolves it: control characters and whitespace ignored. */
function scheme(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(cleaned)?.[1];
}

/** Everything in an HTML document that could run script or leave the page; empty when safe. */
export function findExecutable(html: string, fragment = false): string[] {
  const root = (fragment ? parseFragment(html) : parse(html)) as unknown as P5Node;
  const found: string[] = [];
  const stack: P5Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.tagName) {
      const tag = node.tagName.toLowerCase();
      const at = `<${tag}>`;
      if (EXECUTABLE_ELEMENTS.has(tag)) found.push(`${at} element`);
      for (const { name, value } of node.attrs ?? []) {
        const n = name.toLowerCase();
        if (n.startsWith('on')) found.push(`${at} ${n} handler`);
        if (n === 'srcdoc') found.push(`${at} srcdoc`);
        if (n === 'style' && /javascript:|expression\s*\(|url\s*\(|@import|behavior\s*:/i.test(value)) found.push(`${at} style="${value}"`);
        if (URL_ATTRS.has(n)) {
          const s = scheme(value);
          if (s && !['http', 'https', 'mailto'].includes(s)) found.push(`${at} ${n}="${value}" (${s}:)`);
        }
      }
      if (tag === 'meta') {
        const equiv = node.attrs?.find((a) => a.name === 'http-equiv')?.value.toLowerCase();
        if (equiv && equiv !== 'content-security-policy') found.push(`<meta http-equiv="${equiv}">`);
      }
      if (tag === 'link') {
        const rel = node.attrs?.find((a) => a.name === 'rel')?.value.toLowerCase() ?? '';
        const href = node.attrs?.find((a) => a.name === 'href')?.value ?? '';
        if (/stylesheet|import|preload|prefetch|modulepreload|manifest|icon/.test(rel) && href) found.push(`<link rel="${rel}" href="${href}">`);
      }
      if (tag === 'style') {
        const css = (node.childNodes ?? []).map((c) => c.value ?? '').join('');
        if (/javascript:|expression\s*\(|@import|behavior\s*:|url\s*\(\s*['"]?(?!data:image\/)(?!#)[a-z]+:/i.test(css)) found.push('<style> with script or remote content');
      }
    }
    if (node.content) stack.push(node.content);
    for (const child of node.childNodes ?? []) stack.push(child);
  }
  return found;
}

/** HTML that an Atom feed carries in `<content type="html">` and `<summary type="html">`: decoded once. */
export function feedHtml(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<(content|summary|title)[^>]*type="html"[^>]*>([\s\S]*?)<\/\1>/g))
    out.push(m[2]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'));
  return out;
}
