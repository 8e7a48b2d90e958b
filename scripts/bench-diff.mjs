#!/usr/bin/env node
// Diff benchmark (a script, not a test): two 60 KB versions and two 5 MB versions built from the
// shared corpus, with a few sentences changed. Prints medians of the diff alone (models and
// parsed documents are prepared first). Run after `npm run build`: node scripts/bench-diff.mjs
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const corpus = join('..', 'shared', 'corpus', 'plc');
if (!existsSync(corpus)) {
  console.log(`skipped: ${corpus} is absent`);
  process.exit(0);
}
const { extractPolicy } = await import('../lib/pipeline.js');
const { diffPolicies } = await import('../lib/diff/index.js');
const texts = readdirSync(corpus).sort().map((f) => readFileSync(join(corpus, f), 'utf8'));

function build(bytes) {
  let out = '';
  for (let i = 0; out.length < bytes; i++) out += `\n\n## Part ${i}\n\n` + texts[i % texts.length].replace(/^> .*$/m, '');
  return out.slice(0, bytes);
}
function edit(text) {
  // change one sentence in twenty paragraphs spread through the text
  const paras = text.split('\n\n');
  const step = Math.max(1, Math.floor(paras.length / 20));
  for (let i = 0; i < paras.length; i += step) paras[i] = paras[i].replace(/\bwe\b/, 'we, and our partners,');
  return paras.join('\n\n');
}
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (const [name, bytes, runs] of [['60 KB', 60_000, 9], ['5 MB', 5_000_000, 3]]) {
  const a = build(bytes);
  const b = edit(a);
  const side = (t, label) => {
    const r = extractPolicy({ id: 'bench', path: `${label}.md`, text: t });
    return { label, model: r.model, doc: r.doc };
  };
  const t0 = performance.now();
  const A = side(a, 'a');
  const B = side(b, 'b');
  const prep = performance.now() - t0;
  const times = [];
  let diff;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    diff = diffPolicies(A, B);
    times.push(performance.now() - t);
  }
  console.log(`${name} pair: diff median ${median(times).toFixed(1)} ms over ${runs} runs (extract+parse both: ${(prep / 1000).toFixed(1)} s); ${diff.changes.length} changes, ${diff.sections.length} sections, bump ${diff.required_bump}`);
}
