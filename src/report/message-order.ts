// vfile-sort's order (vfile-reporter sorts files and messages with it), with strings compared by
// code unit instead of localeCompare: the same order in every locale (localeCompare follows the
// user's, and Danish, say, sorts "aa" after "z"), and no ICU collator to load, which cost ~9 ms of
// every start that printed two diagnostics at one position. The CLI bundle puts this module in
// place of vfile-sort (scripts/build.mjs); test/report-order.test.ts checks it against vfile-sort.
import { byCodeUnit } from '../order.js';

interface Sortable {
  [field: string]: unknown;
}

export function compareFile(a: Sortable, b: Sortable): number {
  return compareString(a, b, 'path');
}

export function compareMessage(a: Sortable, b: Sortable): number {
  return (
    compareNumber(a, b, 'line') ||
    compareNumber(a, b, 'column') ||
    compareBoolean(a, b, 'fatal') ||
    compareString(a, b, 'source') ||
    compareString(a, b, 'ruleId') ||
    compareString(a, b, 'reason')
  );
}

function compareBoolean(a: Sortable, b: Sortable, field: string): number {
  return scoreNullableBoolean(a[field]) - scoreNullableBoolean(b[field]);
}

function compareNumber(a: Sortable, b: Sortable, field: string): number {
  return (Number(a[field]) || 0) - (Number(b[field]) || 0);
}

function compareString(a: Sortable, b: Sortable, field: string): number {
  return byCodeUnit(String(a[field] || ''), String(b[field] || ''));
}

/** Errors (fatal: true) first, then warnings (false), then the rest, as in vfile-sort. */
function scoreNullableBoolean(value: unknown): number {
  return value ? 0 : value === false ? 1 : 2;
}
