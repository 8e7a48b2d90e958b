// Shared by the commands: print diagnostics once, through the one reporter, and pick the exit code.
import { displayer } from '../node/display.js';
import type { Io, CommonOptions } from '../io.js';
import { formatReport, countBySeverity, REPORTERS, type FileReport, type ReporterName } from '../report/index.js';
import { sortDiagnostics } from '../diagnostics.js';
import { UsageError, InputError, inputErrorDiagnostic } from '../errors.js';
import { readTextFile } from '../io/read.js';

export function reporterName(options: CommonOptions): ReporterName {
  const name = (options.reporter ?? 'human') as ReporterName;
  if (!REPORTERS.includes(name)) throw new UsageError(`Unknown reporter "${options.reporter}": use ${REPORTERS.join(', ')}`);
  return name;
}

export function displayPath(io: Io, path: string): string {
  return displayer(io.cwd)(path);
}

/**
 * Print the report once. Diagnostics go to stderr, so that stdout carries only a command's result;
 * commands whose result is the diagnostics (validate, check) pass `stream: 'stdout'` for machine reporters.
 */
export async function printReport(
  io: Io,
  files: FileReport[],
  options: CommonOptions,
  stream: 'stdout' | 'stderr' = 'stderr',
): Promise<{ errors: number; warnings: number }> {
  const name = reporterName(options);
  for (const f of files) sortDiagnostics(f.diagnostics);
  const text = await formatReport(files, name, { color: options.color ?? (io.isTTY && !io.env.NO_COLOR), quiet: options.quiet });
  const out = stream === 'stdout' && name !== 'human' ? io.stdout : io.stderr;
  if (text) out(text.endsWith('\n') ? text : text + '\n');
  return countBySeverity(files);
}

/**
 * Read a file a command checks. A problem with its content (binary, invalid UTF-8, too large) is a
 * finding on that file, returned as its report (exit 1); a file that cannot be read at all
 * (missing, a folder, no permission) is thrown (exit 2).
 */
export async function readChecked(path: string, shown: string): Promise<{ text: string; report?: undefined } | { report: FileReport; text?: undefined }> {
  try {
    return { text: await readTextFile(path) };
  } catch (error) {
    if (error instanceof InputError && error.ruleId !== 'input/unreadable') return { report: { path: shown, diagnostics: [inputErrorDiagnostic(error)] } };
    throw error;
  }
}
