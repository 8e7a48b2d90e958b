#!/usr/bin/env node
// Score `policyc extract` on a hand-read facet measure (test/fixtures/handread/facets.yaml, set 1,
// or facets-2.yaml, set 2): per facet, units right, wrong (invented or mis-typed) and missed. Usage:
//   node scripts/score-facets.mjs [--set 1|2 | --gold file.yaml] [--corpus ../shared/corpus] [--bin bin/policyc.js] [--verbose]
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (k, d) => { const i = process.argv.indexOf(k); return i > 0 ? process.argv[i + 1] : d; };
const corpus = arg('--corpus', join(root, '..', 'shared', 'corpus'));
const bin = arg('--bin', join(root, 'bin', 'policyc.js'));
const verbose = process.argv.includes('--verbose');
const set = arg('--set', '1');
const goldFile = arg('--gold', join(root, 'test/fixtures/handread', set === '1' ? 'facets.yaml' : `facets-${set}.yaml`));
const gold = YAML.parse(readFileSync(goldFile, 'utf8'), { schema: 'failsafe' });

const FACETS = ['retention', 'transfers', 'security', 'cookies', 'children', 'controller', 'dates', 'policy_change'];
const total = Object.fromEntries(FACETS.map((f) => [f, { right: 0, wrong: 0, missed: 0 }]));
const nul = (v) => (v === undefined || v === null || v === 'null' || v === '~' ? null : v);
const norm = (v) => (v === null ? null : String(v));
for (const p of gold.policies) {
  const out = execFileSync(process.execPath, [bin, 'extract', join(corpus, p.file), '--format', 'json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const m = JSON.parse(out);
  const log = [];
  const mark = (facet, verdict, what) => { total[facet][verdict]++; if (verdict !== 'right') log.push(`  ${facet}: ${verdict} ${what}`); };
  const scalar = (facet, what, g, v) => {
    g = nul(g); v = nul(v === undefined ? null : v);
    if (g === '?') return;
    if (norm(g) === norm(v)) { if (g !== null) mark(facet, 'right', what); return; }
    if (v === null) mark(facet, 'missed', `${what}: ${g}`);
    else mark(facet, 'wrong', `${what}: ${v} (read: ${g})`);
  };
  // retention: kind+period pairs
  const gr = p.retention ?? [];
  const mr = (m.retention ?? []).map((r) => ({ kind: r.kind, period: r.period ?? null }));
  const used = new Set();
  for (const g of gr) {
    const kinds = [g.kind, ...(g.also ?? [])];
    const i = mr.findIndex((r, j) => !used.has(j) && kinds.includes(r.kind) && norm(nul(r.period)) === norm(nul(g.period)));
    if (i >= 0) { used.add(i); mark('retention', 'right', ''); } else mark('retention', 'missed', `${g.kind} ${nul(g.period) ?? ''} (lines ${g.lines ?? ''})`);
  }
  mr.forEach((r, j) => { if (!used.has(j) && !gr.some((g) => [g.kind, ...(g.also ?? [])].includes(r.kind) && norm(nul(g.period)) === norm(r.period))) mark('retention', 'wrong', `${r.kind} ${r.period ?? ''}`); });
  // transfers
  const gt = p.transfers;
  const mt = m.transfers ?? [];
  const stated = gt.stated === 'true';
  if (stated && mt.length) mark('transfers', 'right', 'stated'); else if (stated) mark('transfers', 'missed', 'a transfer'); else if (mt.length) mark('transfers', 'wrong', 'a transfer');
  for (const key of ['countries', 'safeguards']) {
    const mv = new Set(mt.flatMap((t) => t[key] ?? []));
    for (const g of gt[key] ?? []) mv.has(g) ? mark('transfers', 'right', g) : mark('transfers', 'missed', `${key} ${g}`);
    for (const v of mv) if (!(gt[key] ?? []).includes(v) && !(gt.also_ok ?? []).includes(v)) mark('transfers', 'wrong', `${key} ${v}`);
  }
  // security
  const ms = new Set((m.security ?? []).filter((s) => s.polarity !== 'negative').map((s) => s.id));
  for (const g of p.security.ids) ms.has(g) ? mark('security', 'right', g) : mark('security', 'missed', g);
  for (const v of ms) if (!p.security.ids.includes(v) && !(p.security.also_ok ?? []).includes(v)) mark('security', 'wrong', v);
  // cookies, children
  for (const k of ['used', 'third_party', 'do_not_track']) scalar('cookies', k, p.cookies[k], m.cookies?.[k]);
  scalar('children', 'min_age', p.children.min_age, m.children?.min_age);
  scalar('children', 'collects_knowingly', p.children.collects_knowingly, m.children?.collects_knowingly);
  // controller
  const names = p.controller.name ?? [];
  const mn = nul(m.controller?.name ?? null);
  if (names.length && mn && names.includes(mn)) mark('controller', 'right', 'name');
  else if (names.length && !mn) mark('controller', 'missed', `name ${names[0]}`);
  else if (mn && !names.includes(mn)) mark('controller', 'wrong', `name ${mn}`);
  for (const k of ['email', 'postal_address', 'url', 'phone']) scalar('controller', k, p.controller[k], m.controller?.contact?.[k]);
  scalar('dates', 'effective_date', p.effective_date, m.policy?.effective_date);
  scalar('dates', 'last_updated', p.last_updated, m.policy?.last_updated);
  scalar('policy_change', 'notice', p.policy_change, m.policy_change?.notice);
  if (verbose && log.length) console.log(`${p.file}\n${log.join('\n')}`);
}
let R = 0, W = 0, M = 0;
console.log('facet           right  wrong  missed');
for (const f of FACETS) {
  const t = total[f];
  R += t.right; W += t.wrong; M += t.missed;
  console.log(`${f.padEnd(15)} ${String(t.right).padStart(5)}  ${String(t.wrong).padStart(5)}  ${String(t.missed).padStart(6)}`);
}
console.log(`${'all'.padEnd(15)} ${String(R).padStart(5)}  ${String(W).padStart(5)}  ${String(M).padStart(6)}`);
