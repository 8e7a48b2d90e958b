// The library: everything the CLI does is available here (style.md principle 1).
export { run } from './cli.js';
export { parseMarkdown, type ParsedDocument } from './parse/markdown.js';
export { extract, type ExtractOptions, type ExtractResult } from './extract/index.js';
export { extractPolicy, type PolicyInput, type ExtractedPolicy } from './pipeline.js';
export { checkModel, type ModelProblem } from './validate/schema.js';
export { validateModelText } from './validate/positions.js';
export { renderJson } from './render/json.js';
export { renderYaml } from './render/yaml.js';
export { renderMarkdown } from './render/markdown.js';
export { renderPage } from './render/html.js';
export { buildSite } from './render/site.js';
export { compile } from './node/compile.js';
export type * from './model/types.js';
export type { Diagnostic, Severity } from './diagnostics.js';
export { runChecks, RULES, type CheckOptions } from './check/index.js';
export { mergeReviewed } from './review/merge.js';
export { diffPolicies, renderDiffHtml, renderDiffMarkdown, renderDiffText, renderDiffJson, summarizeDiff, type DiffSide, type PolicyDiff, type Change, type ChangeClass, type Bump } from './diff/index.js';
export { renderJsonLd } from './render/jsonld.js';
