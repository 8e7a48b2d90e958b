// policyc extract <policy.md> [-o file] [--format yaml|json]
import { writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { mergeReviewed } from '../review/index.js';
import { reportsOf } from '../pipeline.js';
import type { Io, CommonOptions } from '../io.js';
import { readTextFile } from '../io/read.js';
import { rerunEager, sizeOf } from '../node/eager-regexp.js';
import { idForFile } from '../node/discover.js';
import { extractPolicy } from '../pipeline.js';
import { renderYaml, SCHEMA_ID } from '../render/yaml.js';
import { renderJson } from '../render/json.js';
import { UsageError, InputError } from '../errors.js';
import { printReport, displayPath, readChecked } from './report.js';
import { hasErrors } from '../diagnostics.js';
import { schemaPath } from '../validate/schema.js';
import { fileURLToPath } from 'node:url';

export interface ExtractCommandOptions extends CommonOptions {
  output?: string;
  format?: string;
  update?: boolean;
}

export default async function extractCommand(io: Io, file: string, options: ExtractCommandOptions): Promise<number> {
  const format = options.format ?? 'yaml';
  if (format !== 'yaml' && format !== 'json') throw new UsageError(`Unknown format "${format}": use yaml or json`);
  const path = resolve(io.cwd, file);
  const shown = displayPath(io, path);
  const rerun = await rerunEager(io, await sizeOf([path])); // a big policy: eager regexps (src/node/eager-regexp.ts)
  if (rerun !== undefined) return rerun;
  const read = await readChecked(path, shown);
  if (read.report) {
    await printReport(io, [read.report], options);
    return 1;
  }
  const text = read.text;
  const id = idForFile(path);
  const dir = dirname(path);
  if (options.update) {
    const target = options.output ? resolve(io.cwd, options.output) : basename(path) === 'policy.md' ? join(dir, 'policy.yaml') : path.replace(/\.(md|markdown)$/i, '.yaml');
    return updateReviewed(io, { id, path: shown, text }, target, options);
  }
  // With a reviewed policy.yaml beside policy.md, report drift too; the result is still the prose's own model.
  const yamlPath = join(dir, 'policy.yaml');
  const out = options.output ? resolve(io.cwd, options.output) : undefined;
  const reviewed = basename(path) === 'policy.md' && out !== yamlPath && existsSync(yamlPath) ? { path: displayPath(io, yamlPath), text: await readTextFile(yamlPath) } : undefined;
  const extracted = extractPolicy({ id, path: shown, text, ...(reviewed ? { reviewed } : {}) });
  const result = { ...extracted, model: extracted.fresh ?? extracted.model };
  const schemaRef = out ? relativeRef(dirname(out), fileURLToPath(schemaPath)) : SCHEMA_ID;
  const rendered = format === 'json' ? renderJson(result.model) : renderYaml(result.model, schemaRef);
  if (out) {
    try {
      await writeFile(out, rendered);
    } catch (error) {
      throw new InputError(`Cannot write ${options.output}: ${(error as NodeJS.ErrnoException).code}`, options.output, 'output/unwritable');
    }
  } else io.stdout(rendered);
  await printReport(io, reportsOf(shown, result.diagnostics), options);
  return hasErrors(result.diagnostics) ? 1 : 0;
}

function relativeRef(fromDir: string, to: string): string {
  const rel = relative(fromDir, to).split('\\').join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}


/**
 * --update: merge a fresh extraction into the reviewed policy.yaml. Declared and reviewed items stay
 * byte for byte; inferred items are refreshed, added (unreviewed) or removed. A policy.yaml that is
 * not valid is never overwritten: its errors are reported at line:column and the exit code is 1.
 */
async function updateReviewed(io: Io, input: { id: string; path: string; text: string }, yamlPath: string, options: ExtractCommandOptions): Promise<number> {
  const shownYaml = displayPath(io, yamlPath);
  const schemaRef = relativeRef(dirname(yamlPath), fileURLToPath(schemaPath));
  if (!existsSync(yamlPath)) {
    const result = extractPolicy(input);
    await writeOut(yamlPath, renderYaml(result.model, schemaRef), shownYaml);
    await printReport(io, reportsOf(input.path, result.diagnostics), options);
    io.stderr(`Wrote ${shownYaml}: every item is inferred and unreviewed; confirm items with reviewed: true\n`);
    return hasErrors(result.diagnostics) ? 1 : 0;
  }
  const reviewedText = await readTextFile(yamlPath);
  const result = extractPolicy({ ...input, reviewed: { path: shownYaml, text: reviewedText } });
  const broken = result.diagnostics.some((d) => d.file === shownYaml && d.severity === 'error');
  if (broken || !result.fresh) {
    await printReport(io, reportsOf(input.path, result.diagnostics), options);
    io.stderr(`${shownYaml} is not valid: fix it first; it was not changed\n`);
    return 1;
  }
  const merged = mergeReviewed(reviewedText, result.fresh);
  if (merged.text === null) throw new InputError(`${shownYaml} could not be read as YAML`, shownYaml, 'review/unreadable');
  if (merged.text !== reviewedText) await writeOut(yamlPath, merged.text, shownYaml);
  await printReport(io, reportsOf(input.path, result.diagnostics), options);
  const s = merged.summary;
  io.stderr(`Updated ${shownYaml}: kept ${s.kept.length} reviewed, refreshed ${s.updated.length}, added ${s.added.length} unreviewed, removed ${s.removed.length}${merged.text === reviewedText ? ' (no change)' : ''}\n`);
  return hasErrors(result.diagnostics) ? 1 : 0;
}

async function writeOut(path: string, text: string, shown: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (error) {
    throw new InputError(`Cannot write ${shown}: ${(error as NodeJS.ErrnoException).code}`, shown, 'output/unwritable');
  }
}
