// The build's precomputed artefacts must mean exactly what their sources mean: the Ajv standalone
// validator (scripts/build/standalone.mjs) against a fresh Ajv compile, and the JSON copies of
// YAML data (src/data/cache.ts) against the YAML. Correctness only; timings live in `npm run bench`.
import { describe, test, expect, beforeAll } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import type { ValidateFunction } from 'ajv';
import { emptyModel } from '../src/model/types.js';
import { derivedCopyOf, jsonCopyOf, readYamlData, sha256Hex } from '../src/data/cache.js';
import { compileLexiconData, loadLexicon, matchAll, type RawLexicon } from '../src/extract/lexicon.js';

const require = createRequire(import.meta.url);
const root = resolve('.');
const schemaText = readFileSync('schemas/policy.schema.json', 'utf8');
const meta = { id: 'acme', title: 'Acme', version: '1.0.0', effective_date: null, last_updated: null, languages: ['en'], jurisdictions: [] };

function models(): [string, unknown][] {
  const full = parse(readFileSync('test/fixtures/models/full.yaml', 'utf8')) as Record<string, unknown>;
  const empty = emptyModel(meta) as unknown as Record<string, unknown>;
  const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
  const cases: [string, unknown][] = [
    ['full', full],
    ['empty', empty],
    ['unknown top-level property', { ...clone(empty), extra: 1 }],
    ['missing required', (() => { const m = clone(empty); delete m.purposes; return m; })()],
    ['bad date', (() => { const m = clone(full); (m.policy as Record<string, unknown>).effective_date = '2024-13-45'; return m; })()],
    ['bad email', (() => { const m = clone(full); ((m.controller as Record<string, unknown>).contact as Record<string, unknown>) = { email: 'not an email' }; return m; })()],
    ['wrong type', { ...clone(full), data_categories: 'none' }],
    ['bad enum', (() => { const m = clone(full); (m.policy_change as Record<string, unknown>) = { notice: 'sometimes' }; return m; })()],
    ['not an object', 42],
  ];
  return cases;
}

describe('Ajv standalone validator (precompiled at build time)', () => {
  let standalone: ValidateFunction & { schemaSha256?: string };
  let ajvCompiled: ValidateFunction;
  beforeAll(async () => {
    const { generateStandalone } = (await import(join(root, 'scripts/build/standalone.mjs'))) as { generateStandalone: (s: string) => string };
    mkdirSync('test/artifacts', { recursive: true });
    const file = join(root, 'test/artifacts/standalone.cjs');
    writeFileSync(file, generateStandalone(schemaText));
    const mod = require(file) as ValidateFunction & { default?: ValidateFunction; schemaSha256?: string };
    standalone = Object.assign(mod.default ?? mod, { schemaSha256: mod.schemaSha256 });
    const Ajv2020 = require('ajv/dist/2020.js').default as typeof import('ajv/dist/2020.js').default;
    const addFormats = require('ajv-formats').default as typeof import('ajv-formats').default;
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(ajv, ['date', 'email']);
    ajvCompiled = ajv.compile(JSON.parse(schemaText));
  });

  test('is tagged with the sha256 of the schema it was built from', () => {
    expect(standalone.schemaSha256).toBe(sha256Hex(schemaText));
  });

  test.each(models())('gives the same verdict and errors as Ajv: %s', (_name, model) => {
    const a = standalone(model);
    const b = ajvCompiled(model);
    expect(a).toBe(b);
    expect(standalone.errors ?? null).toEqual(ajvCompiled.errors ?? null);
  });

  test('the cases include both valid and invalid models (so the comparison can fail)', () => {
    const verdicts = models().map(([, m]) => ajvCompiled(m));
    expect(verdicts).toContain(true);
    expect(verdicts).toContain(false);
  });
});

describe('JSON copies of YAML data', () => {
  test.each([['schemas/vocabulary.yaml'], ['src/lexicons/lexicon.yaml']])('%s: the copy holds the same data as the YAML', (yamlFile) => {
    const text = readFileSync(yamlFile, 'utf8');
    const copy = JSON.parse(jsonCopyOf(text)) as { sha256: string; data: unknown };
    expect(copy.sha256).toBe(sha256Hex(text));
    expect(copy.data).toEqual(parse(text));
    expect(readYamlData(yamlFile)).toEqual(parse(text));
  });

  test.each([['vocabulary', 'schemas/vocabulary.yaml'], ['lexicon', 'src/lexicons/lexicon.yaml']])('lib/data/%s.json, when built from the current YAML, agrees with it', (name, yamlFile) => {
    const built = join('lib/data', `${name}.json`);
    if (!existsSync(built)) {
      console.warn(`skipped: ${built} is absent (run npm run build)`);
      return;
    }
    const text = readFileSync(yamlFile, 'utf8');
    const copy = JSON.parse(readFileSync(built, 'utf8')) as { sha256: string; data: unknown };
    if (copy.sha256 !== sha256Hex(text)) {
      console.warn(`${built} is stale (the YAML changed after the build); it is not used until npm run build`);
      return;
    }
    expect(copy.data).toEqual(parse(text));
  });
});

describe('the precompiled lexicon', () => {
  const text = readFileSync('src/lexicons/lexicon.yaml', 'utf8');
  const derived = () => JSON.parse(derivedCopyOf(text, (d) => compileLexiconData(d as RawLexicon))) as { sha256: string; data: ReturnType<typeof compileLexiconData> };

  test('a JSON round trip keeps every table, literal and automaton state', () => {
    const copy = derived();
    expect(copy.sha256).toBe(sha256Hex(text));
    expect(copy.data).toEqual(compileLexiconData(parse(text) as RawLexicon));
    expect(copy.data.index.literals.length).toBeGreaterThan(100);
  });

  test('lib/data/lexicon-compiled.json, when built from the current YAML, is what compileLexiconData gives', () => {
    const built = 'lib/data/lexicon-compiled.json';
    if (!existsSync(built)) {
      console.warn(`skipped: ${built} is absent (run npm run build)`);
      return;
    }
    const copy = JSON.parse(readFileSync(built, 'utf8')) as { sha256: string; data: unknown };
    if (copy.sha256 !== sha256Hex(text)) {
      console.warn(`${built} is stale (the YAML changed after the build); it is not used until npm run build`);
      return;
    }
    expect(copy.data).toEqual(derived().data);
  });

  test('the automaton built from stored data finds what the freshly built one finds', async () => {
    const { LiteralIndex } = await import('../src/extract/lexicon.js');
    const data = derived().data;
    const stored = LiteralIndex.fromData(data.index);
    const fresh = loadLexicon().index;
    const samples = ['we collect your e-mail address and ip address', 'share with service providers and advertisers', 'you may opt-out or delete your account', '\u00e9t\u00e9 cookies, web beacons'];
    for (const s of samples) {
      stored.scan(s);
      fresh.scan(s);
      const a = data.index.literals.map((_, i) => stored.has(i));
      const b = data.index.literals.map((_, i) => fresh.has(i));
      expect(a).toEqual(b);
      expect(a.some(Boolean)).toBe(true);
    }
    expect(matchAll(loadLexicon().data, samples[0]!).map((m) => m.id)).toEqual(['contact.email', 'online.ip_address']);
  });
});
