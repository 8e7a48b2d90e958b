// policyc.config.yaml: one file name, one search rule (walk up from the working directory), one
// JSON Schema (schemas/policyc-config.schema.json); results, not throws (style.md principle 10).
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument, LineCounter } from 'yaml';
import { createRequire } from 'node:module';
import type { Diagnostic } from '../diagnostics.js';

export const CONFIG_NAME = 'policyc.config.yaml';

export interface Config {
  site?: { base_url?: string; name?: string };
  policies?: string;
  out?: string;
  profiles?: string[];
  rules?: Record<string, 'error' | 'warning' | 'info' | 'off'>;
}

export interface ConfigResult {
  config: Config;
  /** Absolute path of the file read, or null when none was found. */
  path: string | null;
  diagnostics: Diagnostic[];
}

const configSchemaPath = fileURLToPath(new URL('../../schemas/policyc-config.schema.json', import.meta.url));

export async function findConfig(cwd: string): Promise<string | null> {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = join(dir, CONFIG_NAME);
    try {
      await readFile(candidate);
      return candidate;
    } catch {
      /* keep walking */
    }
    if (dirname(dir) === dir) return null;
  }
}

export async function loadConfig(cwd: string, explicit?: string): Promise<ConfigResult> {
  const path = explicit ? resolve(cwd, explicit) : await findConfig(cwd);
  if (!path) return { config: {}, path: null, diagnostics: [] };
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { config: {}, path, diagnostics: [{ ruleId: 'config/unreadable', severity: 'error', message: `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code}`, file: path, source: 'config' }] };
  }
  return { ...parseConfig(text, path), path };
}

export function parseConfig(text: string, file: string): { config: Config; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (o: number) => {
    const p = lineCounter.linePos(o);
    return { line: p.line, column: p.col };
  };
  const diagnostics: Diagnostic[] = doc.errors.map((e) => ({
    ruleId: `config/${e.code.toLowerCase().replace(/_/g, '-')}`,
    severity: 'error' as const,
    message: e.message.split('\n')[0]!,
    file,
    start: at(e.pos[0]),
    source: 'config',
  }));
  if (diagnostics.length) return { config: {}, diagnostics };
  const value = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as unknown;
  const require = createRequire(import.meta.url);
  const Ajv2020 = require('ajv/dist/2020.js').default as typeof import('ajv/dist/2020.js').default;
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const validate = ajv.compile(JSON.parse(require('node:fs').readFileSync(configSchemaPath, 'utf8')));
  if (!validate(value)) {
    for (const e of validate.errors ?? []) {
      const path = e.instancePath.split('/').slice(1).map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'));
      const node = doc.getIn(path, true) as { range?: [number, number] } | undefined;
      const extra = (e.params as { additionalProperty?: string }).additionalProperty;
      diagnostics.push({
        ruleId: `config/${e.keyword}`,
        severity: 'error',
        message: `${e.instancePath || '/'} ${extra ? `has unknown key "${extra}"` : e.message}`,
        file,
        start: node?.range ? at(node.range[0]) : { line: 1, column: 1 },
        source: 'config',
      });
    }
    return { config: {}, diagnostics };
  }
  return { config: value as Config, diagnostics };
}
