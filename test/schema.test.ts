// The schema, the model types and the vocabulary must not drift apart.
import { describe, test, expect } from '@jest/globals';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkModel } from '../src/validate/schema.js';
import { validateModelText } from '../src/validate/positions.js';
import { emptyModel, ITEM_FACETS } from '../src/model/types.js';
import { loadVocabulary, isKnownId, VOCABULARY_SECTIONS, suggestIds } from '../src/model/vocabulary.js';
import { ID_FIELDS } from '../src/validate/ids.js';

const schema = JSON.parse(readFileSync('schemas/policy.schema.json', 'utf8'));
const vocab = loadVocabulary();
const meta = { id: 'acme', title: 'Acme', version: '1.0.0', effective_date: null, last_updated: null, languages: ['en'], jurisdictions: [] };

describe('policy schema', () => {
  test('is a 2020-12 schema with an $id, and titles or descriptions on every top-level field', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(/^https:\/\//);
    for (const [key, def] of Object.entries(schema.properties as Record<string, Record<string, string>>)) {
      if (key === '$schema') continue;
      const resolved = def.$ref ? schema.$defs[def.$ref.split('/').pop()!] : def;
      expect([key, Boolean(resolved.title || resolved.description)]).toEqual([key, true]);
    }
  });

  test('an empty model validates and has exactly the schema top-level fields', () => {
    const model = emptyModel(meta);
    expect(checkModel(model)).toEqual([]);
    expect(Object.keys(model).sort()).toEqual([...schema.required].sort());
    for (const facet of ITEM_FACETS) expect(schema.required).toContain(facet);
  });

  test('a model that uses every field validates', () => {
    const text = readFileSync('test/fixtures/models/full.yaml', 'utf8');
    expect(validateModelText(text, 'full.yaml').diagnostics).toEqual([]);
  });

  test('inferred items need evidence; declared ones may stand without', () => {
    const model = emptyModel(meta);
    model.data_categories.push({ id: 'contact.email', polarity: 'positive', modality: 'asserted', source: 'inferred', confidence: 0.5, rule: 'r', evidence: [] });
    expect(checkModel(model).map((p) => p.path.join('/'))).toContain('data_categories/0/evidence');
    model.data_categories[0]!.source = 'declared';
    expect(checkModel(model)).toEqual([]);
  });

  test('unknown properties, bad enums and bad durations are reported at their path', () => {
    const model = emptyModel(meta) as unknown as Record<string, unknown>;
    (model.policy as Record<string, unknown>).colour = 'red';
    (model.cookies as Record<string, unknown>).do_not_track = 'maybe';
    model.retention = [{ id: 'stated_period', period: '2 years', kind: 'stated_period', data_categories: [], polarity: 'positive', modality: 'asserted', source: 'declared', evidence: [] }];
    const paths = checkModel(model).map((p) => `${p.ruleId} ${p.path.join('/')}`);
    expect(paths).toEqual(expect.arrayContaining(['schema/additionalProperties policy', 'schema/enum cookies/do_not_track', 'schema/pattern retention/0/period']));
  });
});

describe('vocabulary', () => {
  test('every section the model draws ids from exists and is non-empty', () => {
    for (const section of VOCABULARY_SECTIONS) expect([section, (vocab[section] ?? []).length > 0]).toEqual([section, true]);
    for (const field of ID_FIELDS) expect(VOCABULARY_SECTIONS).toContain(field.section);
  });

  test('ids are unique per section and well-formed', () => {
    for (const section of VOCABULARY_SECTIONS) {
      const ids = vocab[section].map((t) => t.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/);
    }
  });

  test('enums in the schema use vocabulary ids', () => {
    const kinds = schema.$defs.retention.properties.kind.enum as string[];
    for (const k of kinds) expect(isKnownId('retention_kinds', k)).toBe(true);
  });

  test('children of an id and x. ids are accepted; near misses get suggestions', () => {
    expect(isKnownId('data_categories', 'contact.email.work')).toBe(true);
    expect(isKnownId('data_categories', 'x.loyalty_points')).toBe(true);
    expect(isKnownId('data_categories', 'contact.emial')).toBe(false);
    expect(suggestIds('data_categories', 'contact.emial')).toContain('contact.email');
  });

  const reference = join('..', 'shared', 'reference', 'vocabulary.yaml');
  const withShared = existsSync(reference) ? test : test.skip;
  if (!existsSync(reference)) console.warn(`skipped: ${reference} is absent (the shared reference vocabulary)`);
  withShared('extends the shared reference vocabulary: every reference id is kept with its mappings', () => {
    const ref = parse(readFileSync(reference, 'utf8')) as Record<string, { id: string }[]>;
    for (const [section, terms] of Object.entries(ref)) {
      const ours = (vocab as unknown as Record<string, { id: string }[]>)[section];
      expect(ours).toBeDefined();
      for (const term of terms) expect(ours!.find((t) => t.id === term.id)).toEqual(term);
    }
  });

  test('every id in the lexicons is a vocabulary id, a child of one, or x.<name>', () => {
    const dir = 'src/lexicons';
    const files = existsSync(dir) ? walk(dir).filter((f) => /\.ya?ml$/.test(f)) : [];
    let checked = 0;
    for (const file of files) {
      const lexicon = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      for (const section of VOCABULARY_SECTIONS) {
        const table = lexicon[section];
        if (!table || typeof table !== 'object' || Array.isArray(table)) continue;
        for (const id of Object.keys(table)) {
          expect([file, section, id, isKnownId(section, id)]).toEqual([file, section, id, true]);
          checked++;
        }
      }
      // named parties: pattern -> [recipient type id, display name]
      const named = lexicon.named_recipients as Record<string, [string, string]> | undefined;
      for (const [pattern, [id]] of Object.entries(named ?? {})) {
        expect([pattern, id, isKnownId('recipients', id)]).toEqual([pattern, id, true]);
        checked++;
      }
    }
    if (files.length) expect(checked).toBeGreaterThan(50);
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
