// Machine reporter: one JSON document, stable key order, positions 1-based.
import type { FileReport } from './index.js';

export function formatJson(files: FileReport[]): string {
  const out = files.map((f) => ({
    file: f.path,
    messages: f.diagnostics.map((d) => ({
      ruleId: d.ruleId,
      severity: d.severity,
      message: d.message,
      source: d.source,
      line: d.start?.line ?? null,
      column: d.start?.column ?? null,
      endLine: d.end?.line ?? null,
      endColumn: d.end?.column ?? null,
      ...(d.cite ? { cite: d.cite } : {}),
      ...(d.data ? { data: d.data } : {}),
    })),
  }));
  return JSON.stringify(out, null, 2) + '\n';
}
