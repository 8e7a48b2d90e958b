// Evidence: exact slices of the normalised source, with the smallest line span that contains them.
import type { ParsedDocument } from '../parse/markdown.js';
import type { Evidence, PolicyModel } from '../model/types.js';
import type { Diagnostic } from '../diagnostics.js';
import { ITEM_FACETS } from '../model/types.js';

export function makeEvidence(doc: ParsedDocument, start: number, end: number, section: string[], rule: string): Evidence {
  return { lines: doc.lines.span(start, end), quote: doc.text.slice(start, end), section: [...section], rule };
}

/** Every evidence of the model, with a JSON-ish path for messages. */
export function* allEvidence(model: PolicyModel): Generator<[string, Evidence]> {
  for (const facet of ITEM_FACETS) {
    const items = model[facet] as { id: string; evidence: Evidence[] }[];
    for (let i = 0; i < items.length; i++) {
      const ev = items[i]!.evidence;
      for (let j = 0; j < ev.length; j++) yield [`${facet}[${i}].evidence[${j}]`, ev[j]!];
    }
  }
  for (const key of ['cookies', 'children', 'policy_change'] as const) {
    const ev = model[key].evidence;
    for (let j = 0; j < ev.length; j++) yield [`${key}.evidence[${j}]`, ev[j]!];
  }
  const ce = model.controller.evidence ?? [];
  for (let j = 0; j < ce.length; j++) yield [`controller.evidence[${j}]`, ce[j]!];
}

/**
 * The self-check: every quote must be an exact slice of the source lines it cites, and those lines
 * must be the smallest span that contains it. Returns one error diagnostic per violation.
 */
export function checkEvidence(doc: ParsedDocument, model: PolicyModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  const starts = doc.lines.starts;
  for (const [path, ev] of allEvidence(model)) {
    const [first, last] = ev.lines;
    const from = starts[first - 1];
    const to = last < starts.length ? starts[last]! : doc.text.length;
    let ok = from !== undefined && first <= last && ev.quote.length > 0;
    if (ok) {
      const slice = doc.text.slice(from, to);
      const at = slice.indexOf(ev.quote);
      ok = at >= 0;
      if (ok) {
        // smallest span: the quote starts on `first` and ends on `last`
        const span = doc.lines.span(from! + at, from! + at + ev.quote.length);
        ok = span[0] === first && span[1] === last;
      }
    }
    if (!ok)
      out.push({
        ruleId: 'extract/evidence-mismatch',
        severity: 'error',
        message: `Evidence quote at ${path} is not an exact slice of lines ${first}-${last}`,
        start: { line: Math.max(1, first), column: 1 },
        source: 'extract',
        data: { path, quote: ev.quote.slice(0, 80) },
      });
  }
  return out;
}
