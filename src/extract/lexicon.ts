// Loads src/lexicons/lexicon.yaml (surface forms -> vocabulary ids) and compiles it once.
import { readFileSync } from 'node:fs';
import { readDerivedData, readYamlData } from '../data/cache.js';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { byCodeUnit } from '../order.js';
import { nativeRegExp, padSafe } from './native-regexp.js';

export interface Pattern {
  id: string;
  re: RegExp;
  name?: string;
  /** Every match contains one of these literals: the regex runs only where one is present. */
  lits?: string[];
  /** Indexes of `lits` in the lexicon's LiteralIndex. */
  litIds?: number[];
  /** Which string widths `re` has been compiled natively for: 1 one-byte, 2 two-byte (native-regexp.ts). */
  native?: number;
  /** padSafe(re.source), decided when the lexicon was compiled (the build stores it). */
  pad?: boolean;
}

/**
 * Every match of a global regular expression, by an exec loop: String#matchAll clones the
 * expression on each call, and the clone does not keep the original's compiled state.
 */
export function execAll(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    out.push(m);
    if (!m[0]) re.lastIndex++;
  }
  re.lastIndex = 0;
  return out;
}

/** The automaton as plain data, for the build's precompiled copy of the lexicon. */
export interface LiteralIndexData {
  literals: string[];
  /** Trie edges as pairs: node * 128 + character code, child node. */
  edges: number[];
  fail: number[];
  out: number[][];
}

/**
 * Aho-Corasick automaton over every required literal of the lexicon: one linear pass over a block
 * tells which literals occur in it, so only the patterns that can match are run. Literals are
 * ASCII (loadLexicon keeps only those), so a trie edge is keyed node * 128 + code.
 */
export class LiteralIndex {
  private edge = new Map<number, number>();
  private nodes = 1;
  private fail: number[] = [0];
  private out: number[][] = [[]];
  literals: string[] = [];
  private readonly ids = new Map<string, number>();
  private built = false;
  /** stamp[literal] === generation when the literal occurs in the last scanned text. */
  private stamp = new Int32Array(0);
  private generation = 0;

  id(lit: string): number {
    let id = this.ids.get(lit);
    if (id !== undefined) return id;
    if (this.built) throw new Error('LiteralIndex: literal added after the automaton was built');
    id = this.literals.length;
    this.literals.push(lit);
    this.ids.set(lit, id);
    let node = 0;
    for (let i = 0; i < lit.length; i++) {
      const key = node * 128 + lit.charCodeAt(i);
      let nx = this.edge.get(key);
      if (nx === undefined) {
        nx = this.nodes++;
        this.fail.push(0);
        this.out.push([]);
        this.edge.set(key, nx);
      }
      node = nx;
    }
    this.out[node]!.push(id);
    return id;
  }

  /** Goto table over ASCII: delta[node * 128 + c] (failure links folded in), -1 until first needed. */
  private delta = new Int32Array(0);

  private build(): void {
    const kids: [number, number][][] = Array.from({ length: this.nodes }, () => []);
    for (const [key, child] of this.edge) kids[Math.floor(key / 128)]!.push([key % 128, child]);
    const queue: number[] = kids[0]!.map(([, child]) => child);
    for (let qi = 0; qi < queue.length; qi++) {
      const node = queue[qi]!;
      for (const [c, child] of kids[node]!) {
        let f = this.fail[node]!;
        while (f !== 0 && !this.edge.has(f * 128 + c)) f = this.fail[f]!;
        const target = this.edge.get(f * 128 + c);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        this.out[child]!.push(...this.out[this.fail[child]!]!);
        queue.push(child);
      }
    }
    this.ready();
  }

  private ready(): void {
    // The dense goto table is filled lazily (step): a process that extracts one small policy
    // visits a few thousand of its ~900k entries, and building it whole cost ~20-60 ms per start.
    this.delta = new Int32Array(this.nodes * 128).fill(-1);
    this.stamp = new Int32Array(this.literals.length);
    this.built = true;
  }

  /** The built automaton as plain data (see LiteralIndex.fromData). */
  toData(): LiteralIndexData {
    if (!this.built) this.build();
    const edges: number[] = [];
    for (const [key, child] of this.edge) edges.push(key, child);
    return { literals: [...this.literals], edges, fail: [...this.fail], out: this.out.map((o) => [...o]) };
  }

  /** An automaton from toData(): nothing left to build. */
  static fromData(data: LiteralIndexData): LiteralIndex {
    const index = new LiteralIndex();
    index.literals = data.literals;
    data.literals.forEach((lit, i) => index.ids.set(lit, i));
    for (let i = 0; i < data.edges.length; i += 2) index.edge.set(data.edges[i]!, data.edges[i + 1]!);
    index.nodes = data.fail.length;
    index.fail = data.fail;
    index.out = data.out;
    index.ready();
    return index;
  }

  /** The goto function with failure links folded in, memoised in `delta`. */
  private step(node: number, c: number): number {
    const i = node * 128 + c;
    let d = this.delta[i]!;
    if (d >= 0) return d;
    const own = this.edge.get(i);
    d = own !== undefined ? own : node === 0 ? 0 : this.step(this.fail[node]!, c);
    this.delta[i] = d;
    return d;
  }

  /** Scan text[start, end); afterwards `has(id)` tells whether literal `id` occurs there. */
  scan(text: string, start = 0, end = text.length): void {
    if (!this.built) this.build();
    this.generation++;
    const g = this.generation;
    const delta = this.delta;
    const out = this.out;
    let node = 0;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128) {
        node = 0; // literals are ASCII: a non-ASCII character breaks every match in progress
        continue;
      }
      const d = delta[node * 128 + c]!;
      node = d >= 0 ? d : this.step(node, c);
      const o = out[node]!;
      for (let k = 0; k < o.length; k++) this.stamp[o[k]!] = g;
    }
  }

  has(id: number): boolean {
    return this.stamp[id] === this.generation;
  }
}

/** Split a pattern at its top-level `|`. */
function topLevelBranches(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') i++;
    else if (c === '[') {
      while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(src.slice(start, i));
      start = i + 1;
    }
  }
  out.push(src.slice(start));
  return out;
}

/**
 * Literals of which every match of `source` contains at least one (or undefined when none can be
 * read off the pattern): a cheap `includes` test then skips the regular expression. Only plain
 * letters count; a quantifier drops what it applies to; groups are read recursively.
 */
export function requiredLiterals(source: string): string[] | undefined {
  const branches = topLevelBranches(source);
  if (branches.length > 1) {
    const all: string[] = [];
    for (const b of branches) {
      const r = requiredLiterals(b);
      if (!r) return undefined;
      all.push(...r);
    }
    return [...new Set(all)];
  }
  const src = branches[0]!;
  let best: string[] | undefined;
  let bestScore = 0;
  const offer = (lits: string[] | undefined) => {
    if (!lits || !lits.length) return;
    const score = Math.min(...lits.map((l) => l.trim().length));
    if (score > bestScore) {
      best = lits.map((l) => l.trim());
      bestScore = score;
    }
  };
  let run = '';
  const end = () => {
    offer(run.trim() ? [run] : undefined);
    run = '';
  };
  const quantified = (j: number) => src[j] === '?' || src[j] === '*' || (src[j] === '{' && /^\{0/.test(src.slice(j)));
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') {
      end();
      i++;
      continue;
    }
    if (c === '[') {
      end();
      while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
      continue;
    }
    if (c === '(') {
      end();
      let depth = 1;
      let j = i + 1;
      for (; j < src.length && depth > 0; j++) {
        if (src[j] === '\\') j++;
        else if (src[j] === '[') {
          while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
        } else if (src[j] === '(') depth++;
        else if (src[j] === ')') depth--;
      }
      const inner = src.slice(i + 1, j - 1);
      const look = /^\?(?:<?[=!])/.test(inner);
      if (!look && !quantified(j)) offer(requiredLiterals(inner.replace(/^\?:/, '')));
      i = j - 1;
      continue;
    }
    if (c === '?' || c === '*' || c === '{') {
      run = run.slice(0, -1);
      end();
      if (c === '{') while (i < src.length && src[i] !== '}') i++;
      continue;
    }
    if (c === '+' || c === '.' || c === '^' || c === '$' || c === ')') {
      end();
      continue;
    }
    run += c;
  }
  end();
  return bestScore >= 2 ? best : undefined;
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
  index: LiteralIndex;
}

export interface RawLexicon {
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
  return new RegExp(wordSource(source), 'g');
}

function wordSource(source: string): string {
  return `(?<![a-z0-9])(?:${source})(?![a-z0-9])`;
}

/** A table entry as plain data: the alternation's source (wordRe adds the bounds) and its literals. */
export interface PatternData {
  id: string;
  source: string;
  name?: string;
  lits?: string[];
  litIds?: number[];
  /** Whether the table may get its first run over the U+0000 pad (native-regexp.ts: padSafe). */
  pad?: boolean;
}

/** The lexicon compiled to plain data: what the build stores, and what loadLexicon hydrates. */
export interface LexiconData {
  version: number;
  tables: Record<'data' | 'purposes' | 'recipients' | 'named' | 'rights' | 'mechanisms' | 'security', PatternData[]>;
  anaphora: string;
  dataGuards: string;
  index: LiteralIndexData;
}

/** One regular expression per id: the alternation of its patterns (matched leftmost-first). */
function table(section: Record<string, string[]> | undefined): PatternData[] {
  const out: PatternData[] = [];
  for (const [id, patterns] of Object.entries(section ?? {})) {
    const list = patterns ?? [];
    if (!list.length) continue;
    const litSets = list.map((p) => requiredLiterals(p));
    const lits = litSets.every((l) => l !== undefined) ? [...new Set(litSets.flat() as string[])] : undefined;
    out.push({ id, source: list.map((p) => `(?:${p})`).join('|'), ...(lits ? { lits } : {}) });
  }
  return out;
}

let cached: CompiledLexicon | undefined;

export function loadRawLexicon(path = lexiconPath): RawLexicon {
  return (path === lexiconPath ? readYamlData(path) : parse(readFileSync(path, 'utf8'))) as RawLexicon;
}

/**
 * Everything loadLexicon derives from the YAML that is not a RegExp: required literals and the
 * literal automaton. The build stores it (lib/data/lexicon-compiled.json), since deriving it
 * took 30-50 ms of every cold start.
 */
export function compileLexiconData(raw: RawLexicon): LexiconData {
  const index = new LiteralIndex();
  const withIds = (ps: PatternData[]) => {
    // the automaton reads ASCII only: a pattern with a non-ASCII literal is always run
    for (const p of ps) if (p.lits && p.lits.every((l) => /^[\x00-\x7f]*$/.test(l))) p.litIds = p.lits.map((l) => index.id(l));
    // parsing every table's source for padSafe took ~7 ms of each cold start: the build does it once
    for (const p of ps) p.pad = padSafe(wordSource(p.source));
    return ps;
  };
  const tables: LexiconData['tables'] = {
    data: withIds(table(raw.data_categories)),
    purposes: withIds(table(raw.purposes)),
    recipients: withIds(table(raw.recipients)),
    named: withIds(
      Object.entries(raw.named_recipients ?? {}).map(([p, [id, name]]) => {
        const lits = requiredLiterals(p);
        return { id, name, source: p, ...(lits ? { lits } : {}) };
      }),
    ),
    rights: withIds(table(raw.rights)),
    mechanisms: withIds(table(raw.choice_mechanisms)),
    security: withIds(table(raw.security_measures)),
  };
  return {
    version: raw.version,
    tables,
    anaphora: (raw.anaphora ?? []).join('|') || '(?!)',
    dataGuards: (raw.data_guards ?? []).join('|') || '(?!)',
    index: index.toData(),
  };
}

function hydrate(data: LexiconData): CompiledLexicon {
  const patterns = (ps: PatternData[]): Pattern[] => ps.map(({ source, ...rest }) => ({ ...rest, re: wordRe(source) }));
  const t = data.tables;
  return {
    index: LiteralIndex.fromData(data.index),
    version: data.version,
    data: patterns(t.data),
    anaphora: wordRe(data.anaphora),
    dataGuards: wordRe(data.dataGuards),
    purposes: patterns(t.purposes),
    recipients: patterns(t.recipients),
    named: patterns(t.named),
    rights: patterns(t.rights),
    mechanisms: patterns(t.mechanisms),
    security: patterns(t.security),
  };
}

export function loadLexicon(): CompiledLexicon {
  cached ??= hydrate(readDerivedData(lexiconPath, 'lexicon-compiled', (raw) => compileLexiconData(raw as RawLexicon)));
  return cached;
}

export interface Match {
  id: string;
  name?: string;
  start: number;
  end: number;
}

/**
 * Every match of a table in `text` (offsets relative to text), longest first where they overlap.
 * With `index` (just scanned over the same text) patterns whose literals are absent are skipped.
 * `wide`: the text is a slice of a string with characters beyond U+00FF, which V8 matches with
 * code of its own (a table's first run is then made over a subject of that width).
 */
export function matchAll(patterns: Pattern[], text: string, index?: LiteralIndex, nested = false, wide = false): Match[] {
  const found: Match[] = [];
  for (const p of patterns) {
    if (index && p.litIds) {
      if (!p.litIds.some((id) => index.has(id))) continue;
    } else if (p.lits && !p.lits.some((l) => text.includes(l))) continue;
    const width = wide ? 2 : 1;
    if (!((p.native ?? 0) & width)) {
      nativeRegExp(p.re, wide, p.pad);
      p.native = (p.native ?? 0) | width;
    }
    for (const m of execAll(p.re, text)) {
      if (!m[0]) continue;
      found.push({ id: p.id, start: m.index, end: m.index + m[0].length, ...(p.name ? { name: p.name } : {}) });
    }
  }
  // drop a match contained in a longer match of another id (e.g. "cookie" inside "cookie settings")
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || byCodeUnit(a.id, b.id));
  const out: Match[] = [];
  for (const m of found) {
    const inside = !nested && out.some((o) => o.start <= m.start && m.end <= o.end && (o.end - o.start > m.end - m.start) && o.id !== m.id);
    const dup = out.some((o) => o.id === m.id && o.start <= m.start && m.end <= o.end);
    if (!inside && !dup) out.push(m);
  }
  return out;
}
