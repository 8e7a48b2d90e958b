// policyc extract <policy.md> [-o file] [--format yaml|json]
import { writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import type { Io, CommonOptions } from '../io.js';
import { readTextFile } from '../io/read.js';
import { idForFile } from '../node/discover.js';
import { extractPolicy } from '../pipeline.js';
import { renderYaml, SCHEMA_ID } from '../render/yaml.js';
import { renderJson } from '../render/json.js';
import { UsageError, InputError } from '../errors.js';
import { printReport, displayPath } from './report.js';
import { hasErrors } from '../diagnostics.js';
import { schemaPath } from '../validate/schema.js';
import { fileURLToPath } from 'node:url';

export interface ExtractCommandOptions extends CommonOptions {
  output?: string;
  format?: string;
}

export default async function extractCommand(io: Io, file: string, options: ExtractCommandOptions): Promise<number> {
  const format = options.format ?? 'yaml';
  if (format !== 'yaml' && format !== 'json') throw new UsageError(`Unknown format "${format}": use yaml or json`);
  const path = resolve(io.cwd, file);
  const shown = displayPath(io, path);
  let text: string;
  try {
    text = await readTextFile(path);
  } catch (error) {
    if (error instanceof InputError && error.ruleId !== 'input/unreadable') {
      await printReport(io, [{ path: shown, diagnostics: [inputDiagnostic(error)] }], options);
      return 1;
    }
    throw error;
  }
  const id = idForFile(path);
  const result = extractPolicy({ id, path: shown, text });
  const out = options.output ? resolve(io.cwd, options.output) : undefined;
  const schemaRef = out ? relativeRef(dirname(out), fileURLToPath(schemaPath)) : SCHEMA_ID;
  const rendered = format === 'json' ? renderJson(result.model) : renderYaml(result.model, schemaRef);
  if (out) {
    try {
      await writeFile(out, rendered);
    } catch (error) {
      throw new InputError(`Cannot write ${options.output}: ${(error as NodeJS.ErrnoException).code}`, options.output, 'output/unwritable');
    }
  } else io.stdout(rendered);
  await printReport(io, [{ path: shown, diagnostics: result.diagnostics }], options);
  return hasErrors(result.diagnostics) ? 1 : 0;
}

function relativeRef(fromDir: string, to: string): string {
  const rel = relative(fromDir, to).split('\\').join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

export function inputDiagnostic(error: InputError) {
  const m = /:(\d+):(\d+): (.*)$/s.exec(error.message);
  return {
    ruleId: error.ruleId,
    severity: 'error' as const,
    message: m ? m[3]! : error.message,
    start: m ? { line: Number(m[1]), column: Number(m[2]) } : undefined,
    source: 'read',
  };
}
