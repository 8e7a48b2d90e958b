// The review loop: policy.yaml beside policy.md, merged without losing human edits, drift both ways.
import { describe, test, expect } from '@jest/globals';
import { readFileSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { mergeReviewed } from '../src/review/index.js';
import { extractPolicy } from '../src/pipeline.js';
import { checkModel } from '../src/validate/schema.js';
import type { PolicyModel } from '../src/model/types.js';
import { runCli } from './check-helpers.js';

const dir = 'test/fixtures/check/review';
const prose = readFileSync(join(dir, 'policy.md'), 'utf8');
const reviewed = readFileSync(join(dir, 'policy.yaml'), 'utf8');
const REVIEWED_PATH = 'policies/acme/policy.yaml';

/** The lines of the reviewed text that belong to the human items, with their comments. */
function humanBlocks(text: string): string[] {
  const lines = text.split('\n');
  const from = (start: string, end: string) => lines.slice(lines.indexOf(start), lines.indexOf(end)).join('\n');
  return [
    from('  # Confirmed: the sign-up form asks for an email address only.', '  - id: identity.name'),
    lines.find((l) => l.startsWith('  - {id: marketing'))!,
    from('  - id: processor   # a person added this', 'rights: []'),
    '  name: Acme Ltd # declared by legal',
  ];
}

function freshModel(): PolicyModel {
  const m = parse(reviewed) as PolicyModel;
  // The new extraction: finds the email again (with other numbers), no longer finds the name,
  // and finds something new.
  m.data_categories = [
    { id: 'contact.email', polarity: 'positive', modality: 'asserted', source: 'inferred', confidence: 0.7, rule: 'data/other', evidence: [{ lines: [11, 11], quote: 'your email address', section: ['Acme privacy notice', 'What we collect'] }] },
    { id: 'online.ip_address', polarity: 'positive', modality: 'asserted', source: 'inferred', confidence: 0.8, rule: 'data/lexicon', evidence: [{ lines: [11, 11], quote: 'sign up', section: ['Acme privacy notice', 'What we collect'] }] },
  ];
  m.recipients = [];
  m.rights = [{ id: 'erasure', via: ['contact_us'], polarity: 'positive', modality: 'asserted', source: 'inferred', confidence: 0.6, rule: 'rights/lexicon', evidence: [{ lines: [19, 19], quote: 'service providers', section: [] }] }];
  return m;
}

describe('extract --update merge', () => {
  test('declared and reviewed items stay byte for byte, with their comments and key order', () => {
    const out = mergeReviewed(reviewed, freshModel());
    expect(out.text).not.toBeNull();
    const text = out.text!;
    for (const block of humanBlocks(reviewed)) expect(text).toContain(block);
    expect(text.startsWith(reviewed.split('data_categories:')[0]!)).toBe(true);
    expect(out.summary.kept).toEqual(['data_categories:contact.email', 'purposes:marketing', 'recipients:processor']);
  });

  test('inferred items no longer found go; new inferred items come in unreviewed', () => {
    const out = mergeReviewed(reviewed, freshModel());
    const model = parse(out.text!) as PolicyModel;
    expect(model.data_categories.map((d) => d.id)).toEqual(['contact.email', 'online.ip_address']);
    const ip = model.data_categories[1]!;
    expect(ip.source).toBe('inferred');
    expect(ip.reviewed).toBeUndefined();
    expect(model.rights.map((r) => r.id)).toEqual(['erasure']);
    expect(out.text).toMatch(/^rights:\n  - id: erasure\n/m);
    expect(out.summary.removed).toEqual(['data_categories:identity.name']);
    expect(out.summary.added).toEqual(['data_categories:online.ip_address', 'rights:erasure']);
    expect(checkModel(model)).toEqual([]);
    // The human-edited contact.email keeps its reviewed numbers, not the fresh ones.
    expect(model.data_categories[0]).toMatchObject({ confidence: 0.9, rule: 'data/lexicon', reviewed: true });
  });

  test('policy: follows the front matter; the rest of the file is untouched', () => {
    const fresh = freshModel();
    fresh.data_categories = (parse(reviewed) as PolicyModel).data_categories;
    fresh.rights = [];
    fresh.recipients = (parse(reviewed) as PolicyModel).recipients;
    fresh.policy = { ...fresh.policy, version: '1.1.0', last_updated: '2024-09-01' };
    const out = mergeReviewed(reviewed, fresh).text!;
    expect((parse(out) as PolicyModel).policy).toMatchObject({ version: '1.1.0', last_updated: '2024-09-01', title: 'Acme privacy notice' });
    const tail = (t: string) => t.slice(t.indexOf('controller:'));
    expect(tail(out)).toBe(tail(reviewed));
    expect(out.slice(0, out.indexOf('policy:'))).toBe(reviewed.slice(0, reviewed.indexOf('policy:')));
  });

  test('merging is idempotent', () => {
    const once = mergeReviewed(reviewed, freshModel()).text!;
    expect(mergeReviewed(once, freshModel()).text).toBe(once);
  });

  test('an unreviewed inferred item is refreshed in place', () => {
    const fresh = freshModel();
    fresh.data_categories.push({ id: 'identity.name', polarity: 'positive', modality: 'asserted', source: 'inferred', confidence: 0.8, rule: 'data/lexicon', evidence: [{ lines: [11, 11], quote: 'your', section: [] }] });
    const out = mergeReviewed(reviewed, fresh);
    const model = parse(out.text!) as PolicyModel;
    expect(model.data_categories.map((d) => [d.id, d.confidence])).toEqual([
      ['contact.email', 0.9],
      ['identity.name', 0.8],
      ['online.ip_address', 0.8],
    ]);
    expect(out.summary.updated).toEqual(['data_categories:identity.name']);
  });
});

describe('drift between the prose and the reviewed model', () => {
  const input = (text: string, yaml = reviewed) => ({ id: 'acme', path: 'policies/acme/policy.md', text, reviewed: { path: REVIEWED_PATH, text: yaml } });

  test('unchanged prose: no drift errors', () => {
    const r = extractPolicy(input(prose));
    expect(r.diagnostics.filter((d) => d.ruleId === 'review/evidence-missing')).toEqual([]);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // The model is the reviewed one: the person's controller is there.
    expect(r.model.controller.name).toBe('Acme Ltd');
  });

  test('when the prose moves, the published model points at the new lines; policy.yaml is not touched', () => {
    const moved = prose.replace('# Acme privacy notice\n', '# Acme privacy notice\n\nA new introduction.\n\nAnd another paragraph.\n');
    const r = extractPolicy(input(moved));
    expect(r.diagnostics.filter((d) => d.ruleId === 'review/evidence-missing')).toEqual([]);
    expect(r.model.recipients.find((x) => x.id === 'processor')!.evidence[0]!.lines).toEqual([23, 23]);
    expect(r.model.data_categories.find((x) => x.id === 'contact.email')!.evidence[0]!.lines).toEqual([15, 15]);
    expect(mergeReviewed(reviewed, r.fresh!).text).toContain('      - lines: [19, 19]\n        quote: We use service providers');
  });

  test('reflowing a reviewed passage is not drift', () => {
    const r = extractPolicy(input(prose.replace('your email address when you', 'your email\naddress when you')));
    expect(r.diagnostics.filter((d) => d.ruleId === 'review/evidence-missing')).toEqual([]);
  });

  test('deleting a reviewed disclosure is an error that says where it used to be', () => {
    const edited = prose.replace('We use service providers to send the newsletter.\n', '');
    const r = extractPolicy(input(edited));
    const missing = r.diagnostics.filter((d) => d.ruleId === 'review/evidence-missing');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: 'error', start: { line: 19, column: 1 } });
    expect(missing[0]!.message).toMatch(/recipient "processor".*used to be at line 19 \(Acme privacy notice > How we use your information\): "We use service providers to send the newsletter\."/);
  });

  test('a new disclosure in the prose that the reviewed model lacks is a warning', () => {
    const edited = prose + '\n:::practice{right=erasure via=contact_us}\nYou can ask us to delete your data.\n:::\n';
    const r = extractPolicy(input(edited));
    const w = r.diagnostics.filter((d) => d.ruleId === 'review/undeclared-practice');
    expect(w.map((d) => [d.severity, d.start?.line, d.data?.key])).toEqual([['warning', 22, 'erasure']]);
    expect(w[0]!.message).toMatch(/policies\/acme\/policy\.yaml lacks: run policyc extract --update/);
  });

  test('a broken policy.yaml gets errors at the right line:column in policy.yaml', () => {
    const lines = reviewed.split('\n');
    const broken = reviewed.replace('  version: 1.0.0', '  version: one').replace('    modality: hedged', '    modality: perhaps');
    const r = extractPolicy(input(prose, broken));
    const errs = r.diagnostics.filter((d) => d.file === REVIEWED_PATH && d.severity === 'error');
    const at = (path: string) => errs.find((d) => d.data?.path === path);
    expect(at('/policy/version')).toMatchObject({ start: { line: lines.indexOf('  version: 1.0.0') + 1, column: 12 } });
    expect(at('/data_categories/1/modality')).toMatchObject({ start: { line: lines.indexOf('    modality: hedged') + 1, column: 15 } });
    const syntax = extractPolicy(input(prose, reviewed.replace('  title: Acme privacy notice', '  title: [unclosed')));
    const y = syntax.diagnostics.find((d) => d.file === REVIEWED_PATH && d.ruleId.startsWith('yaml/'));
    expect(y?.start?.line).toBeGreaterThanOrEqual(lines.indexOf('  title: Acme privacy notice') + 1);
  });
});

describe('the review loop through the CLI', () => {
  function repo() {
    const root = mkdtempSync(join(tmpdir(), 'policyc-review-'));
    mkdirSync(join(root, 'policies', 'acme'), { recursive: true });
    writeFileSync(join(root, 'policies', 'acme', 'policy.md'), prose);
    writeFileSync(join(root, 'policies', 'acme', 'policy.yaml'), reviewed);
    return root;
  }

  test('extract --update keeps human items byte for byte and drops stale inferred ones', async () => {
    const root = repo();
    const r = await runCli(['extract', 'policies/acme/policy.md', '--update'], root);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Updated policies\/acme\/policy\.yaml: kept 3 reviewed/);
    const text = readFileSync(join(root, 'policies', 'acme', 'policy.yaml'), 'utf8');
    for (const block of humanBlocks(reviewed)) expect(text).toContain(block);
    const again = await runCli(['extract', 'policies/acme/policy.md', '--update'], root);
    expect(again.code).toBe(0);
    expect(readFileSync(join(root, 'policies', 'acme', 'policy.yaml'), 'utf8')).toBe(text);
  });

  test('plain extract reports drift and prints the prose\'s own model', async () => {
    const root = repo();
    writeFileSync(join(root, 'policies', 'acme', 'policy.md'), prose.replace('We use service providers to send the newsletter.\n', ''));
    const r = await runCli(['extract', 'policies/acme/policy.md', '--format', 'json'], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error\s+The reviewed recipient "processor" rests on a passage that is no longer in the prose/);
    expect((JSON.parse(r.stdout) as PolicyModel).recipients).toEqual([]);
  });

  test('extract --update refuses to touch a broken policy.yaml and shows where it is broken', async () => {
    const root = repo();
    const broken = reviewed.replace('  version: 1.0.0', '  version: one');
    writeFileSync(join(root, 'policies', 'acme', 'policy.yaml'), broken);
    const r = await runCli(['extract', 'policies/acme/policy.md', '--update', '--reporter', 'json'], root);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stderr.slice(0, r.stderr.lastIndexOf(']') + 1)) as { file: string; messages: { line: number; column: number; ruleId: string }[] }[];
    const yamlReport = report.find((f) => f.file === 'policies/acme/policy.yaml')!;
    expect(yamlReport.messages).toContainEqual(expect.objectContaining({ ruleId: 'schema/pattern', line: broken.split('\n').indexOf('  version: one') + 1, column: 12 }));
    expect(readFileSync(join(root, 'policies', 'acme', 'policy.yaml'), 'utf8')).toBe(broken);
  });

  test('check fails when an edit deletes a reviewed disclosure from the prose', async () => {
    const root = repo();
    expect((await runCli(['check', '--as-of', '2024-06-01'], root)).code).toBe(0);
    writeFileSync(join(root, 'policies', 'acme', 'policy.md'), prose.replace('We use service providers to send the newsletter.\n', ''));
    const r = await runCli(['check', '--as-of', '2024-06-01'], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/19:1\s+error\s+The reviewed recipient "processor" rests on a passage that is no longer in the prose; it used to be at line 19/);
  });
});
