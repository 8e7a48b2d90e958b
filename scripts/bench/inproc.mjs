// One in-process measurement, run as its own process so that its peak memory is its own.
//   node scripts/bench/inproc.mjs <mode> <list.json> <reps>
// mode: policyc (parse, extract, validate and render each document, as compile does without I/O)
//       floor   (the bare unified pipeline: remark-parse, remark-gfm, remark-rehype, rehype-stringify)
//       diff    (list.json is [[a.md, b.md]]: extract both, then diffPolicies)
// Prints one JSON line: {times: [ms per rep], docs, bytes, maxRssMB}.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const [mode, listFile, repsArg] = process.argv.slice(2);
const reps = Number(repsArg ?? 3);
const root = new URL('../../', import.meta.url);
const lib = (p) => import(new URL(`lib/${p}`, root).href);
const list = JSON.parse(readFileSync(listFile, 'utf8'));

let run;
let docs = 0;
let bytes = 0;
if (mode === 'policyc') {
  const { extractPolicy } = await lib('pipeline.js');
  const { buildSite } = await lib('render/site.js');
  const { simpleDiffer } = await lib('render/changes.js');
  const schemaText = readFileSync(new URL('schemas/policy.schema.json', root), 'utf8');
  const texts = list.map((f) => readFileSync(f, 'utf8'));
  docs = texts.length;
  bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  run = () => {
    texts.forEach((text, i) => {
      const id = `p${i}`;
      const r = extractPolicy({ id, path: `${id}/policy.md`, text });
      buildSite([{ id, versions: [{ version: r.model.policy.version, model: r.model, doc: r.doc, draft: true, effective_date: null, source_sha256: 'x', model_sha256: 'x' }] }], { schemaText, differ: simpleDiffer });
    });
  };
} else if (mode === 'floor') {
  const { unified } = await import('unified');
  const remarkParse = (await import('remark-parse')).default;
  const remarkGfm = (await import('remark-gfm')).default;
  const remarkRehype = (await import('remark-rehype')).default;
  const rehypeStringify = (await import('rehype-stringify')).default;
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify);
  const texts = list.map((f) => readFileSync(f, 'utf8'));
  docs = texts.length;
  bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  run = () => {
    for (const text of texts) String(processor.processSync(text));
  };
} else if (mode === 'diff') {
  const diffMod = await lib('diff/index.js').catch(() => null);
  if (!diffMod?.diffPolicies) {
    console.log(JSON.stringify({ pending: 'src/diff/index.ts diffPolicies is not on this branch yet' }));
    process.exit(0);
  }
  const { extractPolicy } = await lib('pipeline.js');
  const [[a, b]] = list;
  const side = (file, label) => {
    const text = readFileSync(file, 'utf8');
    const r = extractPolicy({ id: 'bench', path: file, text });
    return { label, model: r.model, doc: r.doc };
  };
  const A = side(a, 'a');
  const B = side(b, 'b');
  docs = 2;
  bytes = Buffer.byteLength(readFileSync(a)) + Buffer.byteLength(readFileSync(b));
  run = () => diffMod.diffPolicies(A, B);
} else {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}

const times = [];
const cpu0 = process.cpuUsage();
for (let i = 0; i < reps; i++) {
  const t0 = performance.now();
  run();
  times.push(performance.now() - t0);
}
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ times, docs, bytes, cpuMs: (cpu.user + cpu.system) / 1000 / reps, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
