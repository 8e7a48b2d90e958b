// policyc compile [policy-or-folder...] [--out dist] [--strict]
import { resolve } from 'node:path';
import type { Io, CommonOptions } from '../io.js';
import { compile } from '../node/compile.js';
import { printReport, displayPath } from './report.js';

export interface CompileCommandOptions extends CommonOptions {
  out?: string;
  strict?: boolean;
}

export default async function compileCommand(io: Io, inputs: string[], options: CompileCommandOptions): Promise<number> {
  const outDir = resolve(io.cwd, options.out ?? 'dist');
  const result = await compile({ cwd: io.cwd, inputs, outDir, strict: options.strict, display: (p) => displayPath(io, p) });
  const { errors, warnings } = await printReport(io, result.reports, options);
  const n = result.policies.length;
  if (!result.written) {
    io.stderr(`Not published: ${errors} error${errors === 1 ? '' : 's'}${options.strict && warnings ? ` and ${warnings} warning${warnings === 1 ? '' : 's'} (--strict)` : ''}. ${displayPath(io, outDir)}/ is unchanged.\n`);
    return 1;
  }
  const shown = displayPath(io, outDir);
  io.stderr(`Compiled ${n} polic${n === 1 ? 'y' : 'ies'} into ${shown}/ (${result.files.size} files). Open ${shown}/index.html\n`);
  return 0;
}
