// Benchmark of the diff engine (issue 4 §7), in-process, on the built lib/ (npm run build first):
//   node scripts/bench-diff.mjs [corpus-versions-dir]
// 1. the largest real pair (~50-60 KB each), models extracted beforehand, diff timed alone;
// 2. growth: synthetic pairs of 0.25-5 MB made of real versions (old vs new text of each series,
//    one part per copy), to show the cost grows near-linearly (no quadratic blow-up).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { extractPolicy } from '../lib/pipeline.js';
import { parseMarkdown } from '../lib/parse/markdown.js';
import { emptyModel } from '../lib/model/types.js';
import { diffPolicies } from '../lib/diff/index.js';

const dir = process.argv[2] ?? '../shared/corpus/versions';
if (!existsSync(dir)) {
  console.error(`no corpus at ${dir}`);
  process.exit(2);
}
const time = (fn, runs = 5) => {
  fn(); // warm-up
  const ts = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  ts.sort((a, b) => a - b);
  return ts[Math.floor(ts.length / 2)];
};

// 1. Real pairs.
const pairs = [];
for (const series of readdirSync(dir)) {
  const vs = readdirSync(join(dir, series)).filter((f) => f.endsWith('.md')).sort();
  for (let i = 1; i < vs.length; i++) pairs.push([join(dir, series, vs[i - 1]), join(dir, series, vs[i])]);
}
const size = (p) => readFileSync(p).length;
pairs.sort((x, y) => size(y[0]) + size(y[1]) - size(x[0]) - size(x[1]));
console.log('real pairs (median of 5, diff only; models extracted beforehand):');
for (const [a, b] of pairs.slice(0, 4)) {
  const side = (p) => {
    const r = extractPolicy({ id: 'bench', path: p, text: readFileSync(p, 'utf8') });
    return { label: p, model: r.model, doc: r.doc };
  };
  const A = side(a);
  const B = side(b);
  const ms = time(() => diffPolicies(A, B));
  const d = diffPolicies(A, B);
  console.log(`  ${a.split('/').slice(-2).join('/')} -> ${b.split('/').slice(-1)[0]}  ${(size(a) / 1024).toFixed(0)} KB / ${(size(b) / 1024).toFixed(0)} KB  ${ms.toFixed(1)} ms  (${d.changes.length} changes, ${d.required_bump})`);
}

// 2. Growth.
const olds = pairs.map(([a]) => readFileSync(a, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
const news = pairs.map(([, b]) => readFileSync(b, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
const build = (texts, bytes) => {
  const out = [];
  let n = 0;
  for (let k = 0; n < bytes; k++) {
    const t = `# Part ${k}\n\n${texts[k % texts.length]}\n`;
    out.push(t);
    n += t.length;
  }
  return out.join('');
};
console.log('\ngrowth (text diff of synthetic pairs made of real old/new versions; median of 3):');
let base;
for (const mb of [0.25, 0.5, 1, 2, 5]) {
  const bytes = mb * 1024 * 1024;
  const ta = build(olds, bytes);
  const tb = build(news, bytes);
  const A = { label: 'a', model: emptyModel({ id: 'a', title: 'a', version: '1.0.0', effective_date: null, last_updated: null, languages: [], jurisdictions: [] }), doc: parseMarkdown(ta, 'a.md') };
  const B = { label: 'b', model: A.model, doc: parseMarkdown(tb, 'b.md') };
  const ms = time(() => diffPolicies(A, B), 3);
  base ??= ms / mb;
  console.log(`  ${mb.toString().padStart(4)} MB  ${ms.toFixed(0).padStart(6)} ms  ${(ms / mb).toFixed(0)} ms/MB  (x${(ms / mb / base).toFixed(2)} of the 0.25 MB rate)`);
}
