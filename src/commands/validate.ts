// policyc validate <file>...: schema + vocabulary validation of model files (YAML/JSON), or of the
// model extracted from a markdown file. Every error has line:column, a JSON path and a rule id.
import { resolve } from 'node:path';
import type { Io, CommonOptions } from '../io.js';
import { idForFile } from '../node/discover.js';
import { extractPolicy } from '../pipeline.js';
import { validateModelText } from '../validate/positions.js';
import type { FileReport } from '../report/index.js';
import { printReport, displayPath, readChecked } from './report.js';

export default async function validateCommand(io: Io, files: string[], options: CommonOptions): Promise<number> {
  const reports: FileReport[] = [];
  for (const file of files) {
    const path = resolve(io.cwd, file);
    const shown = displayPath(io, path);
    const read = await readChecked(path, shown);
    if (read.report) {
      reports.push(read.report);
      continue;
    }
    const text = read.text;
    if (/\.(md|markdown)$/i.test(path)) {
      const result = extractPolicy({ id: idForFile(path), path: shown, text });
      reports.push({ path: shown, diagnostics: result.diagnostics });
    } else {
      const result = validateModelText(text, shown);
      reports.push({ path: shown, diagnostics: result.diagnostics.map((d) => ({ ...d, file: undefined })) });
    }
  }
  const { errors } = await printReport(io, reports, options, 'stdout');
  if (errors === 0 && (options.reporter ?? 'human') === 'human')
    io.stderr(`${files.length} file${files.length === 1 ? '' : 's'} valid\n`);
  return errors > 0 ? 1 : 0;
}
