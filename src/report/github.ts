// GitHub Actions workflow commands: ::error file=...,line=...,col=...,title=rule::message
import type { FileReport } from './index.js';

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProp = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(files: FileReport[]): string {
  const lines: string[] = [];
  for (const f of files)
    for (const d of f.diagnostics) {
      const kind = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
      const props = [`file=${escapeProp(d.file ?? f.path)}`];
      if (d.start) props.push(`line=${d.start.line}`, `col=${d.start.column}`);
      if (d.end) props.push(`endLine=${d.end.line}`, `endColumn=${d.end.column}`);
      props.push(`title=${escapeProp(d.ruleId)}`);
      const text = d.cite ? `${d.message} (${d.cite})` : d.message;
      lines.push(`::${kind} ${props.join(',')}::${escapeData(text)}`);
    }
  return lines.length ? lines.join('\n') + '\n' : '';
}
