#!/usr/bin/env node
// Rebuilds the bundled example, policies/kaspersky-uk/, from the corpus: the seed (the 2013
// kaspersky.co.uk policy) as release 1.0.0 and the same site's 2015 policy as release 2.0.0,
// with the draft (policy.md) equal to 2.0.0. Deterministic: no wall clock in any file.
// Texts: Princeton-Leuven longitudinal privacy policy corpus, kaspersky.co.uk via the Wayback Machine.
// Usage: npm run build && node scripts/make-example.mjs [path/to/corpus]
import { readFile, writeFile, rm } from 'node:fs/promises';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(process.argv[2] ?? join(repo, '..', 'shared', 'corpus'));
const lib = (p) => import(join(repo, 'lib', p));
const { extractPolicy } = await lib('pipeline.js');
const { renderYaml } = await lib('render/yaml.js');
const { writeRelease, sha256 } = await lib('node/releases.js');
let diff = null;
try {
  diff = await lib('diff/index.js');
} catch {
  console.warn('make-example: no diff engine in lib/diff/index.js; required_bump left null');
}

const id = 'kaspersky-uk';
const dir = join(repo, 'policies', id);
const seed = await readFile(join(corpus, 'versions', 'kaspersky.co.uk', '2013-06-06.md'), 'utf8');
const v2015 = await readFile(join(corpus, 'versions', 'kaspersky.co.uk', '2015-06-07.md'), 'utf8');

// The 2015 text as the next version: front matter gives the version; the text itself says
// "Last updated: 15th of May 2014", which the release records as its effective date.
const draft = `---\nversion: 2.0.0\n---\n${v2015}`;
const releases = [
  { version: '1.0.0', source: seed, effective_date: null },
  { version: '2.0.0', source: draft, effective_date: '2014-05-15' },
];

await rm(join(dir, 'releases'), { recursive: true, force: true });
let previous = null;
for (const r of releases) {
  const result = extractPolicy({ id, path: `policies/${id}/releases/${r.version}/policy.md`, text: r.source });
  const model = { ...result.model, policy: { ...result.model.policy, version: r.version } };
  const modelYaml = renderYaml(model, '../../../../schemas/policy.schema.json');
  let required_bump = null;
  if (diff && previous)
    required_bump = diff.diffPolicies({ label: previous.version, model: previous.model, doc: previous.doc }, { label: r.version, model, doc: result.doc }).required_bump;
  await writeRelease(dir, {
    source: r.source,
    modelYaml,
    manifest: {
      version: r.version,
      effective_date: r.effective_date,
      source_sha256: sha256(r.source),
      model_sha256: sha256(modelYaml),
      previous: previous?.version ?? null,
      required_bump,
    },
  });
  previous = { version: r.version, model, doc: result.doc };
}
await writeFile(join(dir, 'policy.md'), draft);
console.log(`make-example: wrote ${releases.map((r) => r.version).join(', ')} and the draft under policies/${id}/`);
