// Test helpers for the extraction tests (not a test file itself).
import { parseMarkdown } from '../src/parse/markdown.js';
import { extract } from '../src/extract/index.js';
import type { PolicyModel } from '../src/model/types.js';

/** A body of sentences as a policy: a title and one section (the wrapper most extraction tests use). */
export const P = (body: string) => `# Privacy Policy\n\n## Section\n\n${body}\n`;

export function run(md: string, path = 'test-policy.md') {
  const doc = parseMarkdown(md, path);
  return { doc, ...extract(doc) };
}

type Facet = 'data_categories' | 'purposes' | 'recipients' | 'rights' | 'retention' | 'transfers' | 'security' | 'sources';

export function ids(model: PolicyModel, facet: Facet, polarity: 'positive' | 'negative' = 'positive'): string[] {
  return (model[facet] as { id: string; polarity: string }[]).filter((i) => i.polarity === polarity).map((i) => i.id);
}

export function item(model: PolicyModel, facet: Facet, id: string, polarity: 'positive' | 'negative' = 'positive') {
  return (model[facet] as { id: string; polarity: string }[]).find((i) => i.id === id && i.polarity === polarity) as
    | (Record<string, unknown> & { id: string; polarity: string; modality: string; condition?: string; evidence: { lines: [number, number]; quote: string }[] })
    | undefined;
}
