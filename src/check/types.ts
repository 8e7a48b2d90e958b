// The rules engine's shapes. A rule is a small pure module: id, default severity, legal source,
// and a check over the model that returns findings with positions (style.md principle 8).
import type { Point, Severity } from '../diagnostics.js';
import type { CheckContext } from './context.js';

export type ProfileName = 'gdpr' | 'ccpa';
export const PROFILES: readonly ProfileName[] = ['gdpr', 'ccpa'];

export interface Place {
  start: Point;
  end?: Point;
}

export interface Finding {
  message: string;
  at: Place;
  /** A more precise citation than the rule's own, where one applies. */
  cite?: string;
  data?: Record<string, unknown>;
}

export interface Rule {
  id: string;
  /** 'structure' rules always run; profile rules run when their profile applies. */
  group: 'structure' | ProfileName;
  severity: Severity;
  /** Where the requirement comes from: "GDPR Art. 13(2)(a)". */
  cite: string;
  /** One line for docs and SARIF. */
  description: string;
  check(ctx: CheckContext): Finding[];
}
