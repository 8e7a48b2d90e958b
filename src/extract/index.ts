// INTERIM extractor: metadata only, while the full extractor is built on the `extract` branch.
// It reads front matter and the archive header and finds nothing else; the merge replaces it.
import type { ParsedDocument } from '../parse/markdown.js';
import { emptyModel, type PolicyModel } from '../model/types.js';
import type { Diagnostic } from '../diagnostics.js';
import { readFrontMatter } from '../parse/frontmatter.js';
import { toString } from 'mdast-util-to-string';

export interface ExtractOptions {
  id?: string;
}
export interface ExtractResult {
  model: PolicyModel;
  diagnostics: Diagnostic[];
}

export function extract(doc: ParsedDocument, options: ExtractOptions = {}): ExtractResult {
  const fm = readFrontMatter(doc);
  const diagnostics = [...fm.diagnostics];
  const data = fm.data;
  const heading = doc.tree.children.find((n) => n.type === 'heading');
  const id = options.id ?? (doc.path.split('/').pop() ?? 'policy').replace(/\.md$/, '').toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  const model = emptyModel({
    id,
    title: typeof data.title === 'string' ? data.title : heading ? toString(heading) : id,
    version: typeof data.version === 'string' ? data.version : '1.0.0',
    effective_date: typeof data.effective_date === 'string' ? data.effective_date : null,
    last_updated: typeof data.last_updated === 'string' ? data.last_updated : null,
    languages: Array.isArray(data.languages) ? data.languages.map(String) : ['en'],
    jurisdictions: Array.isArray(data.jurisdictions) ? data.jurisdictions.map(String) : [],
  });
  if (!model.policy.effective_date)
    diagnostics.push({ ruleId: 'meta/missing-effective-date', severity: 'warning', message: 'The policy states no effective date', start: { line: 1, column: 1 }, source: 'extract' });
  return { model, diagnostics };
}
