// Front matter: YAML metadata at the top of a policy. Errors become diagnostics, never throws.
import { parseDocument, LineCounter, isMap } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import type { ParsedDocument } from './markdown.js';

export interface FrontMatterData {
  data: Record<string, unknown>;
  diagnostics: Diagnostic[];
  /** 1-based line of a top-level key, for positioning later messages. */
  lineOf: (key: string) => number | undefined;
}

export function readFrontMatter(doc: ParsedDocument): FrontMatterData {
  const fm = doc.frontMatter;
  if (!fm) return { data: {}, diagnostics: [], lineOf: () => undefined };
  const lineCounter = new LineCounter();
  // maxAliasCount guards against alias bombs ("billion laughs"); uniqueKeys rejects duplicate keys.
  const ydoc = parseDocument(fm.raw, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const diagnostics: Diagnostic[] = [];
  const at = (pos: number) => {
    const p = lineCounter.linePos(pos);
    return { line: p.line + fm.line - 1, column: p.col };
  };
  for (const e of [...ydoc.errors, ...ydoc.warnings]) {
    diagnostics.push({
      ruleId: `front-matter/${e.code.toLowerCase().replace(/_/g, '-')}`,
      severity: ydoc.errors.includes(e as never) ? 'error' : 'warning',
      message: `Front matter is not valid YAML: ${e.message.split('\n')[0]}`,
      start: at(e.pos[0]),
      source: 'parse',
    });
  }
  let data: Record<string, unknown> = {};
  if (ydoc.errors.length === 0) {
    try {
      const value: unknown = ydoc.toJS({ maxAliasCount: 100 });
      if (value == null) data = {};
      else if (typeof value === 'object' && !Array.isArray(value)) data = value as Record<string, unknown>;
      else
        diagnostics.push({
          ruleId: 'front-matter/not-a-map',
          severity: 'error',
          message: 'Front matter must be a YAML map of keys (title: ..., version: ...)',
          start: { line: fm.line, column: 1 },
          source: 'parse',
        });
    } catch (error) {
      diagnostics.push({
        ruleId: 'front-matter/invalid',
        severity: 'error',
        message: `Front matter could not be read: ${(error as Error).message}`,
        start: { line: fm.line, column: 1 },
        source: 'parse',
      });
    }
  }
  const lineOf = (key: string): number | undefined => {
    const contents = ydoc.contents;
    if (!isMap(contents)) return undefined;
    for (const pair of contents.items) {
      const k = pair.key as { value?: unknown; range?: [number, number, number] } | null;
      if (k && k.value === key && k.range) return at(k.range[0]).line;
    }
    return undefined;
  };
  return { data, diagnostics, lineOf };
}
