// One reporter for every command: diagnostics are collected per file, then printed once at the
// end in the chosen format (style.md principle 6). Formatters are swappable modules.
import type { Diagnostic } from '../diagnostics.js';

export type ReporterName = 'human' | 'json' | 'github' | 'sarif';
export const REPORTERS: readonly ReporterName[] = ['human', 'json', 'github', 'sarif'];

export interface FileReport {
  /** Path as shown to the user (relative to the working directory where possible). */
  path: string;
  diagnostics: Diagnostic[];
}

export interface ReportOptions {
  color?: boolean;
  /** Show only errors. */
  quiet?: boolean;
}

export async function formatReport(files: FileReport[], reporter: ReporterName, options: ReportOptions = {}): Promise<string> {
  switch (reporter) {
    case 'json':
      return (await import('./json.js')).formatJson(files);
    case 'github':
      return (await import('./github.js')).formatGithub(files);
    case 'sarif':
      return (await import('./sarif.js')).formatSarif(files);
    default:
      return (await import('./human.js')).formatHuman(files, options);
  }
}

export function countBySeverity(files: FileReport[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of files)
    for (const d of f.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      else infos++;
    }
  return { errors, warnings, infos };
}
