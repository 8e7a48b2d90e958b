// Human reporter: vfile-reporter's familiar layout (path, then "line:col-line:col severity message rule source").
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import type { FileReport, ReportOptions } from './index.js';

export function formatHuman(files: FileReport[], options: ReportOptions = {}): string {
  const vfiles = files.map((f) => {
    const file = new VFile({ path: f.path });
    for (const d of f.diagnostics) {
      if (options.quiet && d.severity !== 'error') continue;
      const place = d.start ? (d.end ? { start: d.start, end: d.end } : d.start) : undefined;
      const reason = d.cite ? `${d.message} (${d.cite})` : d.message;
      const message = file.message(reason, { place, ruleId: d.ruleId, source: d.source });
      message.fatal = d.severity === 'error' ? true : d.severity === 'warning' ? false : undefined;
    }
    return file;
  });
  const withMessages = vfiles.filter((f) => f.messages.length > 0);
  if (withMessages.length === 0) return '';
  return reporter(withMessages, { color: options.color ?? false });
}
