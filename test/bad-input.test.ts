// The bad-input table (issue 7): every row is an input, a command, the exit code and the message
// expected. No row may crash with a stack trace. Rows run in-process through run(argv, io).
// The human reporter prints the file on its own line, then line:column per message, so a
// "file:line:column" here reads `<file>\n<line>:<column> error ...`.
import { describe, test, expect } from '@jest/globals';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, project, tempDir, readTree, treeText, STACK_FRAME, POLICY } from './robust-helpers.js';

const fixture = (name: string) => readFileSync(join('test/fixtures/bad', name));
const fullModel = readFileSync('test/fixtures/models/full.yaml', 'utf8');
/** The full model with one edit; fails the test if the text to replace is not there. */
const model = (from: string, to: string) => {
  if (!fullModel.includes(from)) throw new Error(`full.yaml no longer contains ${from}`);
  return fullModel.replace(from, to);
};
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

interface Row {
  name: string;
  files: Record<string, string | Uint8Array>;
  args: string[];
  code: 0 | 1 | 2;
  /** Matched against stderr + stdout. */
  message: RegExp;
}

const deepList = '# Deep\n\n' + '- '.repeat(10_000) + 'innermost\n';
const deepQuote = '# Deep\n\n' + '> '.repeat(10_000) + 'innermost\n';
const deepStair = '# Deep\n\n' + Array.from({ length: 500 }, (_, i) => '> '.repeat(i + 1) + `level ${i + 1}`).join('\n') + '\n';
const deepIndent = '# Deep\n\n' + Array.from({ length: 300 }, (_, i) => '  '.repeat(i) + `- level ${i + 1}`).join('\n') + '\n';
const deepEmphasis = '# Deep\n\n' + '*'.repeat(20_000) + 'x' + '*'.repeat(20_000) + '\n';
const deepHtml = '# Deep\n\n' + '<div>\n'.repeat(5_000) + 'x\n' + '</div>\n'.repeat(5_000);

const rows: Row[] = [
  // files
  { name: 'an empty file', files: { 'empty.md': fixture('empty.md') }, args: ['compile', 'empty.md'], code: 1, message: /empty\.md\n\s*1:1\s+error\s+The policy is empty\s+input\/empty/ },
  { name: 'an empty file (extract)', files: { 'empty.md': fixture('empty.md') }, args: ['extract', 'empty.md'], code: 1, message: /empty\.md\n\s*1:1\s+error\s+The policy is empty/ },
  { name: 'a binary file', files: { 'binary.md': fixture('binary.md') }, args: ['compile', 'binary.md'], code: 1, message: /binary\.md\n\s*3:10\s+error\s+binary file \(NUL byte\)/ },
  { name: 'a binary file (validate)', files: { 'm.yaml': fixture('binary.md') }, args: ['validate', 'm.yaml'], code: 1, message: /m\.yaml\n\s*3:10\s+error\s+binary file/ },
  { name: 'non-UTF-8 bytes', files: { 'latin1.md': fixture('latin1.md') }, args: ['compile', 'latin1.md'], code: 1, message: /latin1\.md\n\s*2:11\s+error\s+not valid UTF-8 \(byte 0xe9\)/ },
  { name: 'non-UTF-8 bytes (extract)', files: { 'latin1.md': fixture('latin1.md') }, args: ['extract', 'latin1.md'], code: 1, message: /latin1\.md\n\s*2:11\s+error\s+not valid UTF-8/ },
  { name: 'a byte-order mark', files: { 'bom.md': fixture('bom.md') }, args: ['compile', 'bom.md'], code: 0, message: /Compiled 1 policy/ },
  // markdown
  { name: '10,000 nested lists on one line', files: { 'deep.md': deepList }, args: ['compile', 'deep.md'], code: 0, message: /deep\.md\n[\s\S]*3:65\s+warning\s+Block quotes and lists nested deeper than 32[\s\S]*Compiled 1 policy/ },
  { name: '10,000 nested block quotes on one line', files: { 'deep.md': deepQuote }, args: ['compile', 'deep.md'], code: 0, message: /3:65\s+warning[\s\S]*parse\/too-deep[\s\S]*Compiled 1 policy/ },
  { name: '500 block quote levels, one per line', files: { 'deep.md': deepStair }, args: ['compile', 'deep.md'], code: 0, message: /35:65\s+warning[\s\S]*parse\/too-deep[\s\S]*Compiled 1 policy/ },
  { name: '300 list levels by indentation', files: { 'deep.md': deepIndent }, args: ['compile', 'deep.md'], code: 0, message: /parse\/too-deep[\s\S]*Compiled 1 policy/ },
  { name: '20,000 emphasis markers', files: { 'deep.md': deepEmphasis }, args: ['compile', 'deep.md'], code: 0, message: /3:33\s+warning[\s\S]*parse\/too-deep[\s\S]*Compiled 1 policy/ },
  { name: '5,000 nested HTML elements', files: { 'deep.md': deepHtml }, args: ['compile', 'deep.md'], code: 0, message: /131:1\s+warning[\s\S]*parse\/too-deep[\s\S]*Compiled 1 policy/ },
  // front matter
  { name: 'front matter that is not YAML', files: { 'p.md': fixture('front-matter-not-yaml.md') }, args: ['compile', 'p.md'], code: 1, message: /p\.md\n[\s\S]*3:1\s+error\s+Front matter is not valid YAML: Flow sequence/ },
  { name: 'front matter that is a list, not a map', files: { 'p.md': fixture('front-matter-list.md') }, args: ['compile', 'p.md'], code: 1, message: /p\.md\n[\s\S]*2:1\s+error\s+Front matter must be a YAML map/ },
  { name: 'front matter with a path in the version', files: { 'p.md': POLICY('Acme', '../../../tmp/evil') }, args: ['compile', 'p.md'], code: 1, message: /p\.md\n[\s\S]*error[\s\S]*\/policy\/version must match pattern[\s\S]*Not published/ },
  // YAML models
  { name: 'YAML duplicate keys', files: { 'm.yaml': fixture('duplicate-keys.yaml') }, args: ['validate', 'm.yaml'], code: 1, message: /m\.yaml\n\s*5:3-5:4\s+error\s+Map keys must be unique\s+yaml\/duplicate-key/ },
  { name: 'YAML duplicate keys in front matter', files: { 'p.md': '---\ntitle: A\ntitle: B\n---\n# A\n\nText.\n' }, args: ['compile', 'p.md'], code: 1, message: /p\.md\n[\s\S]*3:1\s+error\s+Front matter is not valid YAML: Map keys must be unique/ },
  { name: 'a YAML alias bomb', files: { 'm.yaml': fixture('alias-bomb.yaml') }, args: ['validate', 'm.yaml'], code: 1, message: /m\.yaml\n\s*1:1\s+error\s+Excessive alias count[\s\S]*yaml\/alias-limit/ },
  { name: 'a YAML alias bomb in front matter', files: { 'p.md': `---\n${fixture('alias-bomb.yaml').toString()}---\n# A\n\nText.\n` }, args: ['compile', 'p.md'], code: 1, message: /p\.md\n[\s\S]*2:1\s+error\s+Front matter could not be read: Excessive alias count/ },
  { name: 'an unknown YAML tag', files: { 'm.yaml': model('  title: Acme privacy notice', '  title: !evil Acme privacy notice') }, args: ['validate', 'm.yaml'], code: 0, message: new RegExp(`m\\.yaml\\n\\s*${lineOf(fullModel, 'title: Acme privacy notice')}:10\\s+warning\\s+Unresolved tag: !evil`) },
  { name: 'a YAML language tag', files: { 'm.yaml': model('  title: Acme privacy notice', '  title: !!python/object:os.system "echo pwned"') }, args: ['validate', 'm.yaml'], code: 0, message: /m\.yaml\n\s*7:10\s+warning\s+Unresolved tag: tag:yaml\.org,2002:python\/object:os\.system[\s\S]*1 file valid/ },
  // models
  { name: 'a model with a wrong type', files: { 'm.yaml': model('  version: 2.1.0', '  version: 2') }, args: ['validate', 'm.yaml'], code: 1, message: new RegExp(`m\\.yaml\\n\\s*${lineOf(fullModel, 'version: 2.1.0')}:12-\\d+:\\d+\\s+error\\s+/policy/version must be string\\s+schema/type`) },
  { name: 'a model with a list where a map belongs', files: { 'm.yaml': model('  languages: [en, en-GB]', '  languages: en') }, args: ['validate', 'm.yaml'], code: 1, message: /\/policy\/languages must be array\s+schema\/type/ },
  { name: 'a model with an unknown id', files: { 'm.yaml': model('{id: contact.email, polarity', '{id: contact.emial, polarity') }, args: ['validate', 'm.yaml'], code: 1, message: new RegExp(`${lineOf(fullModel, '{id: contact.email, polarity')}:\\d+-\\d+:\\d+\\s+error\\s+Unknown data categories id "contact\\.emial"; did you mean "contact\\.email"`) },
  { name: 'a model that is not a map', files: { 'm.yaml': '- 1\n- 2\n' }, args: ['validate', 'm.yaml'], code: 1, message: /m\.yaml\n\s*1:1-\d+:\d+\s+error\s+must be object/ },
  // paths
  { name: 'a missing file (compile)', files: {}, args: ['compile', 'no/such/policy.md'], code: 2, message: /^policyc: No such file or folder: no\/such\/policy\.md\n$/ },
  { name: 'a missing file (extract)', files: {}, args: ['extract', 'nope.md'], code: 2, message: /^policyc: No such file: .*nope\.md\n$/ },
  { name: 'a missing file (validate)', files: {}, args: ['validate', 'nope.yaml'], code: 2, message: /^policyc: No such file: .*nope\.yaml\n$/ },
  { name: 'a folder given as a file', files: { 'dir/x.txt': 'x' }, args: ['extract', 'dir'], code: 2, message: /dir is a folder, not a file/ },
  { name: 'a folder with no policies', files: { 'policies/readme.txt': 'nothing here' }, args: ['compile'], code: 2, message: /^policyc: No policies in policies: expected policies\/<id>\/policy\.md or policies\/policy\.md\n$/ },
  { name: 'an output folder under a regular file', files: { 'policies/acme/policy.md': POLICY(), afile: 'x' }, args: ['compile', '--out', 'afile/dist'], code: 2, message: /^policyc: Cannot create .*afile: (EEXIST|ENOTDIR)\n$/ },
  { name: 'an output folder in /proc', files: { 'policies/acme/policy.md': POLICY() }, args: ['compile', '--out', '/proc/policyc-dist'], code: 2, message: /^policyc: Cannot write to \/proc: E[A-Z]+\n$/ },
  { name: 'an output folder that is the sources', files: { 'policies/acme/policy.md': POLICY() }, args: ['compile', '--out', 'policies'], code: 2, message: /Refusing to replace .*policies: it exists and was not written by policyc/ },
  { name: 'an output folder that is the project', files: { 'policies/acme/policy.md': POLICY() }, args: ['compile', '--out', '.'], code: 2, message: /Refusing to replace .*: it exists and was not written by policyc/ },
  { name: 'an output path that is a file', files: { 'policies/acme/policy.md': POLICY(), out: 'x' }, args: ['compile', '--out', 'out'], code: 2, message: /Cannot write .*out: it is a file, not a folder/ },
  { name: 'a policy id with a space', files: { 'policies/my policy/policy.md': POLICY() }, args: ['compile'], code: 2, message: /Invalid policy id "my policy"/ },
  { name: 'a policy id with a look-alike letter', files: { 'policies/\u0430cme/policy.md': POLICY() }, args: ['compile'], code: 2, message: /Invalid policy id "\u0430cme"/ },
  { name: 'a policy id with dots', files: { 'x/..policy/policy.md': POLICY() }, args: ['compile', 'x/..policy'], code: 2, message: /Invalid policy id "\.\.policy"/ },
];

describe('bad-input table', () => {
  test.each(rows)('$name: exit $code', async (row) => {
    const dir = project(row.files);
    const r = await runCli(row.args, dir);
    const all = r.stderr + r.stdout;
    expect(all).not.toMatch(STACK_FRAME);
    expect(all).not.toMatch(/internal error/);
    expect({ code: r.code, out: all }).toEqual({ code: row.code, out: expect.stringMatching(row.message) });
  });
});

describe('line endings and byte-order marks never change an output', () => {
  const body = '## What we collect\n\nWe collect your email address\nand your name.\n\n- item one\n- item two\n\n> quoted\n> text\n';
  const compileWith = async (text: string) => {
    const dir = project({ 'policies/acme/policy.md': text });
    const r = await runCli(['compile'], dir);
    expect(r.code).toBe(0);
    return readTree(join(dir, 'dist'));
  };

  test('CRLF, lone CR and a BOM compile to the same bytes as LF', async () => {
    const lf = POLICY('Acme', '1.0.0', body);
    const reference = await compileWith(lf);
    expect(reference.size).toBeGreaterThan(3);
    for (const variant of [lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r'), '\ufeff' + lf, '\ufeff' + lf.replace(/\n/g, '\r\n')])
      expect(treeText(await compileWith(variant))).toEqual(treeText(reference));
  });

  test('the release hash ignores CRLF and a BOM', async () => {
    const { sha256 } = await import('../src/node/releases.js');
    const lf = POLICY('Acme', '1.0.0', body);
    expect(sha256(lf.replace(/\n/g, '\r\n'))).toBe(sha256(lf));
    expect(sha256('\ufeff' + lf)).toBe(sha256(lf));
    expect(sha256(lf + 'x')).not.toBe(sha256(lf));
  });

  test('a UTF-16 file with a BOM reads as the same text', async () => {
    const { decodeText } = await import('../src/io/read.js');
    const text = POLICY();
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeText(le, 'p.md')).toBe(text);
  });
});

describe('nothing outside the output folder is touched', () => {
  test('a refused --out leaves the sources as they were', async () => {
    const dir = project({ 'policies/acme/policy.md': POLICY() });
    const before = treeText(readTree(dir));
    expect((await runCli(['compile', '--out', 'policies'], dir)).code).toBe(2);
    expect((await runCli(['compile', '--out', '.'], dir)).code).toBe(2);
    expect(treeText(readTree(dir))).toEqual(before);
  });

  test('an existing site without the marker (written before it existed) is still replaced', async () => {
    const dir = project({ 'policies/acme/policy.md': POLICY(), 'dist/index.html': 'old', 'dist/schemas/policy.schema.json': '{}' });
    expect((await runCli(['compile'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'dist/index.html'), 'utf8')).not.toBe('old');
    expect(existsSync(join(dir, 'dist/.policyc-output'))).toBe(true);
  });

  test('an empty existing folder is used', async () => {
    const dir = project({ 'policies/acme/policy.md': POLICY() });
    mkdirSync(join(dir, 'site'));
    expect((await runCli(['compile', '--out', 'site'], dir)).code).toBe(0);
    expect(existsSync(join(dir, 'site/index.html'))).toBe(true);
  });
});

describe('input size limit', () => {
  test('a file over MAX_INPUT_BYTES is refused before it is read, with its size', async () => {
    const { MAX_INPUT_BYTES } = await import('../src/io/read.js');
    const dir = tempDir();
    // A sparse file: the size is what stat reports; no memory is used to make it.
    writeFileSync(join(dir, 'huge.md'), '');
    const { truncateSync } = await import('node:fs');
    truncateSync(join(dir, 'huge.md'), MAX_INPUT_BYTES + 1);
    const r = await runCli(['compile', 'huge.md'], dir);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`huge\\.md\\n[\\s\\S]*error\\s+.*huge\\.md is ${((MAX_INPUT_BYTES + 1) / 1048576).toFixed(1)} MB; the largest input accepted is ${MAX_INPUT_BYTES / 1048576} MB`));
  });
});
