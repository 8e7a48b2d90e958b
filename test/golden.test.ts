// Golden fixtures for compiler output (style.md principle 12): each test/fixtures/golden/<case>/
// holds case.json (input, id) and the expected model (model.yaml), page (page.html), canonical
// markdown (canonical.md) and JSON-LD (policy.jsonld). One runner discovers and checks them all.
// After an intended change: POLICYC_UPDATE_GOLDEN=1 npm test -- test/golden.test.ts, then read the diff.
import { describe, test, expect } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractPolicy } from '../src/pipeline.js';
import { renderYaml } from '../src/render/yaml.js';
import { renderPage } from '../src/render/html.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { renderJsonLd } from '../src/render/jsonld.js';
import { parseMarkdown } from '../src/parse/markdown.js';

const root = 'test/fixtures/golden';
const update = process.env.POLICYC_UPDATE_GOLDEN === '1';

interface Case {
  input: string;
  id: string;
}

function outputs(dir: string, c: Case): Record<string, string> {
  const inputPath = c.input === 'policy.md' ? join(dir, 'policy.md') : c.input;
  const text = readFileSync(inputPath, 'utf8');
  const result = extractPolicy({ id: c.id, path: inputPath, text });
  const canonical = renderMarkdown(result.doc.tree);
  return {
    'model.yaml': renderYaml(result.model, '../../../../schemas/policy.schema.json'),
    'page.html': renderPage(result.model, result.doc.tree, {}),
    'canonical.md': canonical,
    'policy.jsonld': renderJsonLd(result.model, {}),
    'diagnostics.txt': result.diagnostics.map((d) => `${d.start?.line ?? 0}:${d.start?.column ?? 0} ${d.severity} ${d.ruleId} ${d.message}`).join('\n') + '\n',
  };
}

describe('golden fixtures', () => {
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    const c = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as Case;
    test(`${name}: output matches the committed golden files`, () => {
      const got = outputs(dir, c);
      for (const [file, content] of Object.entries(got)) {
        const path = join(dir, file);
        if (update || !existsSync(path)) writeFileSync(path, content);
        expect([file, content]).toEqual([file, readFileSync(path, 'utf8')]);
      }
    });

    test(`${name}: compiling twice gives byte-identical output`, () => {
      expect(outputs(dir, c)).toEqual(outputs(dir, c));
    });

    test(`${name}: canonical markdown is idempotent and keeps the model`, () => {
      const first = readFileSync(join(dir, 'canonical.md'), 'utf8');
      expect(renderMarkdown(parseMarkdown(first).tree)).toBe(first);
      const strip = (m: unknown) => JSON.parse(JSON.stringify(m, (k, v) => (k === 'evidence' ? undefined : v)));
      const original = extractPolicy({ id: c.id, path: 'a.md', text: readFileSync(c.input === 'policy.md' ? join(dir, 'policy.md') : c.input, 'utf8') }).model;
      const again = extractPolicy({ id: c.id, path: 'b.md', text: first }).model;
      expect(strip(again)).toEqual(strip(original));
    });
  }
});
