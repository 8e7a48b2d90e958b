// Deterministic inputs for the bench, generated from the corpus into .bench/ (git-ignored).
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every policy (.md, not README.md) under the corpus, sorted. */
export function corpusFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.md') && name !== 'README.md') out.push(p);
    }
  };
  walk(dir);
  return out;
}

const stripFrontMatter = (t) => t.replace(/^---\n[\s\S]*?\n---\n/, '');
const norm = (t) => t.replace(/\r\n?/g, '\n');

/**
 * One document of about `size` bytes: corpus policies one after another, each under its own heading.
 * `atx: false` writes every heading as a bold line instead, as many real policies do (no `#` at all).
 */
export function generateSized(corpus, size, dir, { atx = true } = {}) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `doc-${size}${atx ? '' : '-bold'}.md`);
  if (existsSync(file)) return file;
  const heading = (depth, text) => (atx ? `${'#'.repeat(depth)} ${text}` : `**${text}**`);
  const parts = [heading(1, 'A generated policy of about ' + size + ' bytes') + '\n'];
  let n = parts[0].length;
  for (let i = 0; n < size; i++) {
    let text = stripFrontMatter(norm(readFileSync(corpus[i % corpus.length], 'utf8')));
    if (!atx) text = text.replace(/^#{1,6}[ \t]+(.*?)[ \t#]*$/gm, (_, t) => heading(0, t));
    const part = `\n${heading(2, `Part ${i + 1}`)}\n\n${text.trim()}\n`;
    parts.push(part);
    n += part.length;
  }
  writeFileSync(file, parts.join('').slice(0, size).replace(/\n[^\n]*$/, '\n'));
  return file;
}

/** A version pair of about `size` bytes: b edits every 7th paragraph, drops every 23rd, adds one every 31st. */
export function makePair(corpus, size, dir) {
  mkdirSync(dir, { recursive: true });
  const a = join(dir, `a-${size}.md`);
  const b = join(dir, `b-${size}.md`);
  if (existsSync(a) && existsSync(b)) return [a, b];
  const text = readFileSync(generateSized(corpus, size, join(dir, 'src')), 'utf8');
  writeFileSync(a, text);
  const paras = text.split('\n\n');
  const out = [];
  paras.forEach((p, i) => {
    if (i > 0 && i % 23 === 0) return;
    out.push(i > 0 && i % 7 === 0 ? p.replace(/\bdata\b/, 'personal data').replace(/\bmay\b/, 'will') : p);
    if (i > 0 && i % 31 === 0) out.push('We may also share your information with advertising partners for marketing purposes.');
  });
  writeFileSync(b, out.join('\n\n'));
  return [a, b];
}

/** `count` policy folders <dir>/bench-NNNN/policy.md, cycling through the corpus. */
export function generateSet(corpus, count, dir) {
  const dirs = [];
  for (let i = 0; i < count; i++) {
    const id = `bench-${String(i + 1).padStart(4, '0')}`;
    const d = join(dir, id);
    dirs.push(d);
    const file = join(d, 'policy.md');
    if (existsSync(file)) continue;
    mkdirSync(d, { recursive: true });
    const text = stripFrontMatter(norm(readFileSync(corpus[i % corpus.length], 'utf8')));
    writeFileSync(file, `---\nversion: 1.${Math.floor(i / corpus.length)}.0\n---\n${text.trim()}\n\nThis copy is number ${i + 1} of a generated set.\n`);
  }
  return dirs;
}
