// Node layer of compile: discover, read, run the pure pipeline, write the site atomically.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { discoverPolicies, type PolicyLocation } from './discover.js';
import { readTextFile } from '../io/read.js';
import { InputError } from '../errors.js';
import { extractPolicy } from '../pipeline.js';
import { buildSite, type PolicyBuild } from '../render/site.js';
import { writeTreeAtomic } from './write.js';
import { schemaPath } from '../validate/schema.js';
import type { FileReport } from '../report/index.js';
import { hasErrors, type Diagnostic } from '../diagnostics.js';

export interface CompileOptions {
  cwd: string;
  inputs: string[];
  outDir: string;
  /** Fail on warnings too. */
  strict?: boolean;
  /** Map an absolute path to the path shown in messages. */
  display?: (path: string) => string;
}

export interface CompileResult {
  policies: PolicyLocation[];
  reports: FileReport[];
  /** Whether dist/ was written. */
  written: boolean;
  files: Map<string, string>;
}

export async function compile(options: CompileOptions): Promise<CompileResult> {
  const display = options.display ?? ((p: string) => p);
  const policies = await discoverPolicies(options.inputs, options.cwd);
  const reports: FileReport[] = [];
  const builds: PolicyBuild[] = [];
  for (const loc of policies) {
    const shown = display(loc.file);
    let text: string;
    try {
      text = await readTextFile(loc.file);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      reports.push({ path: shown, diagnostics: [fromInputError(error)] });
      continue;
    }
    const result = extractPolicy({ id: loc.id, path: shown, text });
    reports.push({ path: shown, diagnostics: result.diagnostics });
    builds.push({ id: loc.id, versions: [{ model: result.model, tree: result.doc.tree, draft: false }] });
  }
  const failed = reports.some((r) => hasErrors(r.diagnostics) || (options.strict && r.diagnostics.some((d) => d.severity === 'warning')));
  const schemaText = await readFile(fileURLToPath(schemaPath), 'utf8');
  const files = buildSite(builds, schemaText);
  if (!failed) await writeTreeAtomic(options.outDir, files);
  return { policies, reports, written: !failed, files };
}

function fromInputError(error: InputError): Diagnostic {
  const m = /:(\d+):(\d+): (.*)$/s.exec(error.message);
  return {
    ruleId: error.ruleId,
    severity: 'error',
    message: m ? m[3]! : error.message,
    start: m ? { line: Number(m[1]), column: Number(m[2]) } : undefined,
    source: 'read',
  };
}
