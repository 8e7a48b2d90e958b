#!/usr/bin/env node
// npm run eval: measures the extractor on the shared corpus (../shared/corpus from the repo root).
//  - OPP-115 dev scores (policy and segment level) with the shared scorer, for all 10 dev policies,
//    for the 5 the rules were tuned on and for the other 5 (held out until extract5 read their
//    recipient errors, then their access and data errors: no longer an untuned measure);
//  - recipients of plc/ policies read by hand: set 1 (test/fixtures/handread/recipients.yaml,
//    untuned until extract6 read its misses), set 2 (recipients-2.yaml, frozen in extract6, tuned
//    since recip7), set 3 (recipients-3.yaml, frozen in recip7, tuned since recip8), set 4
//    (recipients-4.yaml, versions/ policies, frozen in recip8, tuned since recip9), set 5
//    (recipients-5.yaml, plc/ and versions/, frozen in recip9, tuned since recip10), set 6
//    (recipients-6.yaml, plc/, frozen in recip10, tuned since recip11), set 7 (recipients-7.yaml,
//    six plc/ policies, frozen in recip11, tuned since recip12) and set 8 (recipients-8.yaml, five
//    versions/ and plc/ policies, frozen in recip12 before any rule change: the untuned measure);
//  - access rights read by hand: set 1 (access.yaml, plc/, untuned until access2 read its misses) and
//    set 2 (access-2.yaml, versions/, frozen in access2, tuned since access3), set 3 (access-3.yaml,
//    frozen in access3, tuned since access4) and set 4 (access-4.yaml, plc/ and versions/, frozen in
//    access4 before any rule change: the untuned measure);
//  - data-category precision of four plc/ policies judged by hand (data-precision.yaml, frozen in datap);
//  - the seed policy's recall and traps (shared score-seed.mjs);
//  - every corpus file extracted in one process: throws, evidence self-check errors, timing;
//  - determinism: each file extracted twice must give byte-identical JSON.
// Skips cleanly when the corpus is absent. Uses lib/ (built by `npm run build` / `prepare`).
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '..', 'shared');
const corpus = join(shared, 'corpus');
const tools = join(shared, 'tools');
if (!existsSync(corpus)) {
  console.log(`eval: ${relative(root, corpus)} not found; nothing to evaluate (skipped).`);
  process.exit(0);
}
if (!existsSync(join(root, 'lib', 'extract', 'index.js'))) {
  console.log('eval: lib/ is not built; running npm run build');
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}
const { parseMarkdown } = await import(join(root, 'lib', 'parse', 'markdown.js'));
const { extract } = await import(join(root, 'lib', 'extract', 'index.js'));
const YAML = (await import('yaml')).default;

// ---- 1. every corpus file, one process: timing, throws, self-check, determinism
const files = [];
const walk = (d) => {
  for (const name of readdirSync(d).sort()) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.md') && name !== 'README.md') files.push(p);
  }
};
walk(corpus);
const texts = files.map((f) => readFileSync(f, 'utf8'));
let throws = 0;
let mismatches = 0;
let nondeterministic = 0;
const outputs = [];
const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
let extractNs = 0n;
texts.forEach((text, i) => {
  try {
    const doc = parseMarkdown(text, files[i]);
    const e0 = process.hrtime.bigint();
    const { model, diagnostics } = extract(doc);
    extractNs += process.hrtime.bigint() - e0;
    mismatches += diagnostics.filter((d) => d.ruleId === 'extract/evidence-mismatch').length;
    outputs.push(JSON.stringify(model));
  } catch (e) {
    throws++;
    outputs.push(null);
    console.log(`THROW ${relative(corpus, files[i])}: ${e.message}`);
  }
});
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const cpu = process.cpuUsage(c0);
const cpuMs = (cpu.user + cpu.system) / 1000;
texts.forEach((text, i) => {
  try {
    const again = JSON.stringify(extract(parseMarkdown(text, files[i])).model);
    if (again !== outputs[i]) {
      nondeterministic++;
      console.log(`NONDETERMINISTIC ${relative(corpus, files[i])}`);
    }
  } catch {
    /* counted above */
  }
});
const load = (await import('node:os')).loadavg()[0];
console.log(`corpus: ${files.length} files in one process: ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU (parse + extract, incl. lexicon load), of which extract ${(Number(extractNs) / 1e6).toFixed(0)} ms wall; load average ${load.toFixed(1)}`);
console.log(`corpus: throws=${throws} evidence-mismatches=${mismatches} nondeterministic=${nondeterministic}`);

// ---- 2. OPP-115 dev: all, tune half, held-out half
const dev = join(corpus, 'opp115', 'dev');
const cmd = `node ${join(root, 'scripts', 'dev-extract.mjs')} {file}`;
const TUNE = ['1034_aol.com.md', '135_instagram.com.md', '1361_yahoo.com.md', '1498_ticketmaster.com.md', '21_imdb.com.md'];
function score(goldPath, label) {
  try {
    const out = execFileSync('node', [join(tools, 'score-opp115.mjs'), '--gold', goldPath, '--cmd', cmd], { encoding: 'utf8', cwd: root, maxBuffer: 1 << 26 });
    const lines = out.trim().split('\n').filter((l) => /^(policy level|segment level|failures)/.test(l));
    console.log(`\nOPP-115 ${label}:\n  ${lines.join('\n  ')}`);
  } catch (e) {
    console.log(`OPP-115 ${label}: scorer failed: ${String(e.stdout ?? e.message).split('\n').slice(-3).join(' ')}`);
  }
}
if (existsSync(join(dev, 'gold.json')) && existsSync(join(tools, 'score-opp115.mjs'))) {
  score(join(dev, 'gold.json'), 'dev (10 policies)');
  const gold = JSON.parse(readFileSync(join(dev, 'gold.json'), 'utf8'));
  const seg = existsSync(join(dev, 'segment-gold.json')) ? JSON.parse(readFileSync(join(dev, 'segment-gold.json'), 'utf8')) : null;
  for (const [label, keep] of [
    ['dev tune half (rules inspected against these 5)', (f) => TUNE.includes(f)],
    ['dev held-out half (consumed: recipient errors read in extract5, access errors in the access round, data errors in datap; last untuned F1 recipients 0.36, access 0.33, data 0.62)', (f) => !TUNE.includes(f)],
  ]) {
    const dir = mkdtempSync(join(tmpdir(), 'policyc-eval-'));
    try {
      const policies = gold.policies.filter((p) => keep(p.file));
      for (const p of policies) symlinkSync(join(dev, p.file), join(dir, p.file));
      writeFileSync(join(dir, 'gold.json'), JSON.stringify({ ...gold, policies }));
      if (seg) writeFileSync(join(dir, 'segment-gold.json'), JSON.stringify(Object.fromEntries(Object.entries(seg).filter(([f]) => keep(f)))));
      score(join(dir, 'gold.json'), label);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
} else console.log('OPP-115 dev gold or scorer not found: skipped');

// ---- hand-read sets (test/fixtures/handread/*.yaml): the gold file and, for each of its policies,
// the model step 1 already extracted (extraction is deterministic, so no second run is needed)
function handreadSet(name, label) {
  const goldFile = join(root, 'test', 'fixtures', 'handread', name);
  if (!existsSync(goldFile)) return console.log(`\nhand-read plc ${label}: no gold file (skipped)`);
  const gold = YAML.parse(readFileSync(goldFile, 'utf8'));
  const index = gold.policies.map((f) => files.indexOf(join(corpus, f)));
  const missing = gold.policies.filter((_, i) => index[i] < 0 || outputs[index[i]] === null);
  if (missing.length) return console.log(`\nhand-read plc ${label}: ${missing.join(', ')} not found or not extracted (skipped)`);
  return { gold, models: gold.policies.map((f, i) => [f, JSON.parse(outputs[index[i]])]) };
}
/** Precision over predictions, recall over hand-read statements. */
function prf(tp, fp, found, total) {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = total ? found / total : 0;
  return `P=${p.toFixed(2)} R=${r.toFixed(2)} F1=${(p + r ? (2 * p * r) / (p + r) : 0).toFixed(2)} (right ${tp}/${tp + fp} predicted, found ${found}/${total})`;
}

// ---- 2b. hand-read plc/ recipients (test/fixtures/handread/recipients*.yaml)
// Each set: five plc/ policies read by hand before any rule of a round was written (set 1 in
// extract5, set 2 in extract6). Unit: (file, line, recipient type, polarity). An extracted recipient item gives
// one prediction per evidence span; it is right when a hand-read disclosure of the same polarity and
// type (or an accepted alternative) lies in the span. Recall: hand-read disclosures some prediction
// covers. Prints P/R/F1 for both polarities and for asserted disclosures alone.
function scoreHandread(name, label, verboseFlag) {
  const set = handreadSet(name, `recipients, ${label}`);
  if (!set) return;
  const { gold, models } = set;
  const rows = { all: { tp: 0, fp: 0, fn: 0, hit: 0 }, positive: { tp: 0, fp: 0, fn: 0, hit: 0 } };
  const detail = [];
  for (const [f, model] of models) {
    const want = gold.disclosures.filter((d) => d.file === f);
    const hit = new Set();
    for (const it of model.recipients ?? []) {
      const pol = it.polarity === 'negative' ? 'negative' : 'positive';
      for (const ev of it.evidence ?? []) {
        const [a, b] = ev.lines;
        const m = want.filter((d) => d.polarity === pol && d.line >= a && d.line <= b && [d.type, ...(d.alt ?? [])].includes(it.id.split('.')[0]));
        for (const key of pol === 'positive' ? ['all', 'positive'] : ['all']) {
          if (m.length) rows[key].tp++;
          else rows[key].fp++;
        }
        if (m.length) m.forEach((d) => hit.add(d));
        else detail.push(`  FP ${f}:${a === b ? a : `${a}-${b}`} ${it.id}${it.name ? ` (${it.name})` : ''} ${pol}`);
      }
    }
    for (const d of want) {
      for (const key of d.polarity === 'positive' ? ['all', 'positive'] : ['all']) rows[key][hit.has(d) ? 'hit' : 'fn']++;
      if (!hit.has(d)) detail.push(`  FN ${f}:${d.line} ${d.type} ${d.polarity}`);
    }
  }
  const fmt = ({ tp, fp, fn, hit }) => prf(tp, fp, hit, hit + fn);
  console.log(`\nhand-read recipients, ${label} (${gold.policies.length} policies, ${gold.disclosures.length} disclosures; line + type + polarity):`);
  console.log(`  both polarities: ${fmt(rows.all)}`);
  console.log(`  asserted only:   ${fmt(rows.positive)}`);
  if (process.argv.includes(verboseFlag)) console.log(detail.join('\n'));
}
// Set 1 was untuned through extract5; extract6 read its misses, so it is tuned now. Set 2 was
// frozen at the start of extract6 and is the untuned measure; its misses are printed only with
// --verbose-set2 (read them only when a round is over: once read, the set is consumed).
scoreHandread('recipients.yaml', 'set 1 (tuned since extract6; untuned before)', '--verbose');
scoreHandread('recipients-2.yaml', 'set 2 (tuned since recip7; untuned before)', '--verbose-set2');
// Set 3 was frozen at the start of recip7, before any rule of it: the untuned measure from then on;
// its misses are printed only with --verbose-set3 (read them only when a round is over).
scoreHandread('recipients-3.yaml', 'set 3 (tuned since recip8; untuned before)', '--verbose-set3');
// Set 4 (versions/ policies) was frozen at the start of recip8, before any rule of it: the untuned
// measure from then on; its misses are printed only with --verbose-set4 (read them only when a round is over).
scoreHandread('recipients-4.yaml', 'set 4 (tuned since recip9; untuned before: 0.64 in recip8, 0.65 after the quoted-denial fix)', '--verbose-set4');
// Set 5 (plc/ and versions/ policies) was frozen at the start of recip9, before any rule of it: the
// untuned measure from then on; its misses are printed only with --verbose-set5 (read them only when a
// round is over).
scoreHandread('recipients-5.yaml', 'set 5 (tuned since recip10; untuned before: 0.61 after recip9)', '--verbose-set5');
// Set 6 (five plc/ policies) was frozen at the start of recip10, before any rule of it, and read for
// its misses at the start of recip11 (0.66 then): tuned since.
scoreHandread('recipients-6.yaml', 'set 6 (tuned since recip11; untuned before: 0.66 after recip10)', '--verbose-set6');
// Set 7 (six plc/ policies) was frozen at the start of recip11, before any rule of it, and read for
// its misses at the start of recip12 (0.72 then): tuned since.
scoreHandread('recipients-7.yaml', 'set 7 (tuned since recip12; untuned before: 0.72 after recip11)', '--verbose-set7');
// Set 8 (five versions/ and plc/ policies of services no set had used) was frozen at the start of
// recip12, before any rule of it: the untuned measure from then on; its misses are printed only with
// --verbose-set8 (read them only when a round is over: once read, the set is consumed).
scoreHandread('recipients-8.yaml', 'set 8 (untuned: frozen in recip12, never tuned on)', '--verbose-set8');

// ---- 2c. hand-read plc access (test/fixtures/handread/access.yaml)
// Five plc/ policies read by hand at the start of the access round, before any rule of it was
// written: the untuned access measure. Unit: (statement, right). Each evidence span of an extracted
// access-type right (access, rectification, erasure, deactivation, portability; positive) is one
// prediction; it is right when a hand-read statement of the same right (or an accepted alternative)
// has a line in the span. Recall: statements some prediction covers. Misses are printed only with
// --verbose-access (read them only when a round is over: once read, the set is consumed).
const ACCESS_IDS = new Set(['access', 'rectification', 'erasure', 'deactivation', 'portability']);
function scoreAccess(name, label, verboseFlag) {
  const set = handreadSet(name, label);
  if (!set) return;
  const { gold, models } = set;
  let tp = 0, fp = 0;
  const hit = new Set();
  const detail = [];
  for (const [f, model] of models) {
    const want = gold.statements.filter((d) => d.file === f);
    for (const it of model.rights ?? []) {
      const id = it.id.split('.')[0];
      if (!ACCESS_IDS.has(id) || it.polarity === 'negative') continue;
      for (const ev of it.evidence ?? []) {
        const [a, b] = ev.lines;
        const m = want.filter((d) => [d.right, ...(d.alt ?? [])].includes(id) && d.lines.some((l) => l >= a && l <= b));
        if (m.length) { tp++; m.forEach((d) => hit.add(d)); }
        else { fp++; detail.push(`  FP ${f}:${a === b ? a : `${a}-${b}`} ${id}`); }
      }
    }
    for (const d of want) {
      const ok = hit.has(d);
      detail.push(`  ${ok ? 'hit' : 'FN '} ${f}:${d.lines.join('/')} ${d.right}`);
    }
  }
  const n = gold.statements.length;
  console.log(`\nhand-read ${label} (${gold.policies.length} policies, ${n} statements; line + right):`);
  console.log(`  access rights: ${prf(tp, fp, hit.size, n)}`);
  if (process.argv.includes(verboseFlag)) console.log(detail.join('\n'));
}
// Set 1 was untuned through the access round; access2 read its misses, so it is tuned now. Set 2
// (versions/ policies) was frozen at the start of access2, before any rule of it: the untuned
// access measure; its misses are printed only with --verbose-access2.
scoreAccess('access.yaml', 'plc access (set 1: tuned since access2; untuned before)', '--verbose-access');
scoreAccess('access-2.yaml', 'access set 2 (tuned since access3; untuned before)', '--verbose-access2');
// Set 3 (versions/ and plc/) was frozen at the start of access3, before any rule of it, and was the
// untuned access measure until access4 fixed its known miss kinds; --verbose-access3 lists them.
scoreAccess('access-3.yaml', 'access set 3 (tuned since access4; untuned before)', '--verbose-access3');
// Set 4 (plc/ and versions/) was frozen at the start of access4, before any rule of it: the untuned
// access measure from then on; its misses are printed only with --verbose-access4.
scoreAccess('access-4.yaml', 'access set 4 (untuned: frozen in access4, never tuned on)', '--verbose-access4');

// ---- 2d. hand-read plc data precision (test/fixtures/handread/data-precision.yaml)
// Four plc/ policies whose positive data_categories items were judged by hand at the start of the
// datap round, before any rule of it was written: the untuned data precision measure. Unit: one
// evidence span (file, id, exact line span) of a positive data item. A span judged "yes" is right,
// "no" is wrong; a span the file does not list (a later version extracts it) is unjudged and only
// counted, so the coverage shows. Wrong spans are printed only with --verbose-data-precision (read
// them only when a round is over: once read, the set is consumed).
function scoreDataPrecision() {
  const set = handreadSet('data-precision.yaml', 'data precision');
  if (!set) return;
  const { gold, models } = set;
  const judged = new Map(gold.items.map((it) => [`${it.file}|${it.id}|${it.lines[0]}-${it.lines[1]}`, it]));
  let right = 0, wrong = 0, unjudged = 0;
  const seen = new Set();
  const detail = [];
  for (const [f, model] of models) {
    for (const it of model.data_categories ?? []) {
      if (it.polarity === 'negative') continue;
      for (const ev of it.evidence ?? []) {
        const key = `${f}|${it.id}|${ev.lines[0]}-${ev.lines[1]}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const j = judged.get(key);
        if (!j) { unjudged++; detail.push(`  unjudged ${f}:${ev.lines.join('-')} ${it.id}`); }
        else if (j.verdict === 'yes') right++;
        else { wrong++; detail.push(`  wrong ${f}:${ev.lines.join('-')} ${it.id} (${j.why})`); }
      }
    }
  }
  const gone = [...judged.keys()].filter((k) => !seen.has(k));
  const goneRight = gone.filter((k) => judged.get(k).verdict === 'yes').length;
  const n = right + wrong;
  console.log(`\nhand-read plc data precision (untuned: frozen at the start of the datap round; ${gold.policies.length} policies, ${gold.items.length} judged spans; file + id + line span):`);
  console.log(`  data categories: P=${n ? (right / n).toFixed(2) : '0.00'} (right ${right}/${n} judged spans extracted now); unjudged spans ${unjudged}; judged spans no longer extracted ${gone.length} (${goneRight} of them right)`);
  if (process.argv.includes('--verbose-data-precision')) console.log(detail.join('\n'));
}
scoreDataPrecision();

// ---- 3. the seed policy
if (existsSync(join(tools, 'score-seed.mjs'))) {
  try {
    const out = execFileSync('node', [join(tools, 'score-seed.mjs'), '--cmd', cmd], { encoding: 'utf8', cwd: root });
    console.log(`\n${out.trim()}`);
  } catch (e) {
    console.log(`\n${String(e.stdout ?? '').trim()}\nseed: below target (exit ${e.status})`);
  }
}
process.exitCode = throws || mismatches || nondeterministic ? 1 : 0;
