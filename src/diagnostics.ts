// Diagnostics are plain data in the pure core; the reporter turns them into vfile messages.
// Every diagnostic has a rule id and, where one exists, a position (style.md principle 5).

import { byCodeUnit } from './order.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Point {
  line: number;
  column: number;
}

export interface Diagnostic {
  /** e.g. 'meta/missing-effective-date', 'schema/type', 'yaml/duplicate-key'. */
  ruleId: string;
  severity: Severity;
  message: string;
  /** Path of the file the position refers to. Defaults to the file being processed. */
  file?: string;
  start?: Point;
  end?: Point;
  /** The stage or rule set that raised it: 'parse', 'extract', 'schema', 'check', ... */
  source: string;
  /** A legal citation or documentation pointer ("GDPR Art. 13(1)(c)"). */
  cite?: string;
  /** Extra machine-readable detail (JSON path, suggestion, ...). */
  data?: Record<string, unknown>;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Stable order: by file, line, column, rule id, message. Output must be deterministic. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      byCodeUnit(a.file ?? '', b.file ?? '') ||
      (a.start?.line ?? 0) - (b.start?.line ?? 0) ||
      (a.start?.column ?? 0) - (b.start?.column ?? 0) ||
      byCodeUnit(a.ruleId, b.ruleId) ||
      byCodeUnit(a.message, b.message),
  );
}
