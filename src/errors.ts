import type { Diagnostic } from './diagnostics.js';

// Typed errors. Library code throws these (or returns diagnostics); only the CLI maps them to
// exit codes: UsageError and InputError -> 2, InternalError -> 2 with a "please report" hint.

/** Bad command-line usage: unknown option, missing argument, conflicting flags. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The tool could not run on its input: unreadable file, no policies found, unwritable output. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    message: string,
    readonly file?: string,
    readonly ruleId = 'input/unreadable',
    /** Where in the file the problem is (binary byte, invalid UTF-8), for a positioned diagnostic. */
    readonly at?: { line: number; column: number; reason: string },
  ) {
    super(message);
  }
}

/** An input error about a file's content, as a diagnostic on that file (reported, exit 1). */
export function inputErrorDiagnostic(error: InputError): Diagnostic {
  return { ruleId: error.ruleId, severity: 'error', message: error.at?.reason ?? error.message, ...(error.at ? { start: { line: error.at.line, column: error.at.column } } : {}), source: 'read' };
}

/** A broken invariant inside policyc: a bug to report, never the user's fault. */
export class InternalError extends Error {
  override name = 'InternalError';
}
