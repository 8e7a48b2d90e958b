// Loads src/lexicons/lexicon.yaml (surface forms -> vocabulary ids) and compiles it once.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export interface Pattern {
  id: string;
  re: RegExp;
  name?: string;
}

export interface CompiledLexicon {
  version: number;
  data: Pattern[];
  anaphora: RegExp;
  dataGuards: RegExp;
  purposes: Pattern[];
  recipients: Pattern[];
  named: Pattern[];
  rights: Pattern[];
  mechanisms: Pattern[];
  security: Pattern[];
}

interface RawLexicon {
  version: number;
  data_categories: Record<string, string[]>;
  anaphora: string[];
  data_guards: string[];
  purposes: Record<string, string[]>;
  recipients: Record<string, string[]>;
  named_recipients: Record<string, [string, string]>;
  rights: Record<string, string[]>;
  choice_mechanisms: Record<string, string[]>;
  security_measures: Record<string, string[]>;
}

// src/extract -> src/lexicons and lib/extract -> src/lexicons (package.json ships src/lexicons/)
export const lexiconPath = fileURLToPath(new URL('../../src/lexicons/lexicon.yaml', import.meta.url));

/** Word-bounded, global regular expression from a lexicon pattern. */
export function wordRe(source: string): RegExp {
  return new RegExp(`(?<![a-z0-9])(?:${source})(?![a-z0-9])`, 'g');
}

function table(section: Record<string, string[]> | undefined): Pattern[] {
  const out: Pattern[] = [];
  for (const [id, patterns] of Object.entries(section ?? {})) for (const p of patterns ?? []) out.push({ id, re: wordRe(p) });
  return out;
}

let cached: CompiledLexicon | undefined;

export function loadRawLexicon(path = lexiconPath): RawLexicon {
  return parse(readFileSync(path, 'utf8')) as RawLexicon;
}

export function loadLexicon(): CompiledLexicon {
  if (cached) return cached;
  const raw = loadRawLexicon();
  cached = {
    version: raw.version,
    data: table(raw.data_categories),
    anaphora: wordRe((raw.anaphora ?? []).join('|') || '(?!)'),
    dataGuards: wordRe((raw.data_guards ?? []).join('|') || '(?!)'),
    purposes: table(raw.purposes),
    recipients: table(raw.recipients),
    named: Object.entries(raw.named_recipients ?? {}).map(([p, [id, name]]) => ({ id, name, re: wordRe(p) })),
    rights: table(raw.rights),
    mechanisms: table(raw.choice_mechanisms),
    security: table(raw.security_measures),
  };
  return cached;
}

export interface Match {
  id: string;
  name?: string;
  start: number;
  end: number;
}

/** Every match of a table in `text` (offsets relative to text), longest first where they overlap. */
export function matchAll(patterns: Pattern[], text: string): Match[] {
  const found: Match[] = [];
  for (const p of patterns) {
    p.re.lastIndex = 0;
    for (const m of text.matchAll(p.re)) {
      if (!m[0]) continue;
      found.push({ id: p.id, start: m.index, end: m.index + m[0].length, ...(p.name ? { name: p.name } : {}) });
    }
  }
  // drop a match contained in a longer match of another id (e.g. "cookie" inside "cookie settings")
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || a.id.localeCompare(b.id));
  const out: Match[] = [];
  for (const m of found) {
    const inside = out.some((o) => o.start <= m.start && m.end <= o.end && (o.end - o.start > m.end - m.start) && o.id !== m.id);
    const dup = out.some((o) => o.id === m.id && o.start <= m.start && m.end <= o.end);
    if (!inside && !dup) out.push(m);
  }
  return out;
}
