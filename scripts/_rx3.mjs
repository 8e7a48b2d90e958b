import ts from 'typescript';
import { readFileSync, readdirSync } from 'node:fs';
const files = [...readdirSync('src/extract').map(f => 'src/extract/' + f), 'src/parse/sentences.ts', 'src/parse/structure.ts'].filter(f => f.endsWith('.ts'));
const lits = [];
for (const f of files) { const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.ES2022, true); const v = (n) => { if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) lits.push(n.getText()); ts.forEachChild(n, v); }; v(sf); }
const ch = process.argv[2] === 'nul' ? '\0' : process.argv[2] === 'space' ? ' ' : null;
const sample = 'we may share your personal information with our service providers, who process it on our behalf, and with law enforcement if required by law; you can opt out at any time.';
const sample2 = 'you can access or delete your account and we use cookies for analytics.';
const PAD = ch ? ch.repeat(1024) : '';
const res = lits.map(t => { const m = t.match(/^\/(.*)\/([a-z]*)$/s); try { return new RegExp(m[1], m[2].replace('g', '')); } catch { return null; } }).filter(Boolean);
const slow = [];
const t0 = performance.now();
for (const re of res) { if (ch) { const a = performance.now(); re.test(PAD); const d = performance.now() - a; if (d > 3) slow.push([d.toFixed(1), re.source.slice(0, 80)]); } re.test(sample); }
const t1 = performance.now();
for (const re of res) re.test(sample2);
const t2 = performance.now();
console.log(process.argv[2], 'first', (t1 - t0).toFixed(1), 'second', (t2 - t1).toFixed(1), 'slow', slow.length);
if (process.argv[3]) console.log(slow);
const { loadLexicon } = await import('../lib/extract/lexicon.js');
