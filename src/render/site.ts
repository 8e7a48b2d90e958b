// The published site, as an in-memory tree (path -> content). Pure; src/node/write.ts writes it.
import type { Root } from 'mdast';
import type { PolicyModel } from '../model/types.js';
import { renderPage, escapeHtml } from './html.js';
import { renderJson } from './json.js';
import { renderYaml } from './yaml.js';
import { renderMarkdown } from './markdown.js';
import { CSS } from './style.js';

export interface VersionBuild {
  model: PolicyModel;
  tree: Root;
  draft: boolean;
}

export interface PolicyBuild {
  id: string;
  versions: VersionBuild[];
}

export function buildSite(policies: PolicyBuild[], schemaText: string): Map<string, string> {
  const files = new Map<string, string>();
  files.set('schemas/policy.schema.json', schemaText);
  for (const policy of policies) {
    for (const v of policy.versions) {
      const dir = `${policy.id}/${v.model.policy.version}`;
      files.set(`${dir}/index.html`, renderPage(v.model, v.tree, { draft: v.draft, home: '../../', css: CSS }));
      files.set(`${dir}/policy.md`, renderMarkdown(v.tree));
      files.set(`${dir}/policy.yaml`, renderYaml(v.model, '../../schemas/policy.schema.json'));
      files.set(`${dir}/policy.json`, renderJson(v.model));
    }
  }
  files.set('index.html', renderIndex(policies));
  return files;
}

function renderIndex(policies: PolicyBuild[]): string {
  const rows = policies
    .map((p) => {
      const latest = p.versions[p.versions.length - 1]!;
      const m = latest.model.policy;
      return `<li><a href="${escapeHtml(p.id)}/${escapeHtml(m.version)}/">${escapeHtml(m.title)}</a> — version ${escapeHtml(m.version)}${latest.draft ? ' (draft)' : ''}${m.effective_date ? `, effective ${escapeHtml(m.effective_date)}` : ''}</li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Policies</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>Policies</h1>
<ul>
${rows}
</ul>
</main>
</body>
</html>
`;
}
