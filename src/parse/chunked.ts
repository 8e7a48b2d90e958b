// Parse a large document block-chunk by block-chunk, so that parse time stays linear in its size.
//
// micromark (under remark-parse) copies its whole event list each time a list or block quote
// closes, so a whole parse of a document with many lists costs lists x size: 27 s for 5 MB
// (../shared/reference/performance.md). Parsed in chunks of ~16 KB, the same document costs
// a few seconds, and the tree is the same as the whole parse's:
//   - chunks start only at a line at column 0 that follows a blank line (a heading, a paragraph,
//     a table..., never a list or quote marker), outside any fenced code block, HTML block
//     (types 1-5), container directive (:::) or front matter: such a line closes every open block,
//     so nothing before it can change how it and what follows parse. (Until session 4 only ATX
//     headings were split points, so a large policy without them was parsed whole: superlinear.)
//   - link reference definitions and footnote definitions are document-wide: a chunk that uses a
//     label defined in another chunk is parsed again with stand-in definitions of those labels
//     (before it, or after it for the first chunk), which are then dropped from its tree;
//   - positions (line, column, offset) are shifted back to the whole file, and so are the author
//     pins that src/pins/syntax.ts keeps on tree.data.pins.
// Pure; test/perf.test.ts checks chunked == whole on the corpus and on crafted cases.
import type { Root, RootContent } from 'mdast';
import type { Point, Position } from 'unist';
import type { RawPin } from '../pins/syntax.js';
import { settle, SETTLE_ABOVE } from '../settle.js';

export interface ChunkOptions {
  /** Preferred chunk size in bytes (chunks only start at safe headings, so they vary). */
  targetBytes?: number;
}

// Small chunks pay even for ordinary policies: over the corpus (files of 2-200 KB) parsing in ~16 KB
// chunks took ~12% less CPU than whole parses, and a 5 MB document 4.8 s against 6.5 s at 64 KB
// (session 5, scripts/bench); 8 KB was no better.
export const DEFAULT_CHUNK_BYTES = 16 * 1024;
/** The name main's earlier version of this module used (test/property.test.ts). */
export const CHUNK_BYTES = DEFAULT_CHUNK_BYTES;

/** Offsets where the document is cut (chunk starts after the first); never null, kept for test/property.test.ts. */
export function safeSplits(text: string, chunkBytes = DEFAULT_CHUNK_BYTES): number[] | null {
  return chunkStarts(text, { targetBytes: chunkBytes }).slice(1);
}

/** Offsets where chunks start: [0, ...] (a single [0] when the document cannot be split). */
export function chunkStarts(source: string, options: ChunkOptions = {}): number[] {
  const target = options.targetBytes ?? DEFAULT_CHUNK_BYTES;
  const starts = [0];
  let lineStart = 0;
  let prevBlank = true;
  let fence: { char: string; length: number } | null = null;
  let html: RegExp | null = null;
  let directives = 0;
  let inFrontMatter = source.startsWith('---\n');
  let first = true;
  while (lineStart <= source.length) {
    let lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = source.length;
    const line = source.slice(lineStart, lineEnd);
    if (inFrontMatter) {
      if (!first && /^(---|\.\.\.)\s*$/.test(line)) inFrontMatter = false;
    } else if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length) fence = null;
    } else if (html) {
      if (html.test(line)) html = null;
    } else {
      const blank = /^\s*$/.test(line);
      if (prevBlank && directives === 0 && lineStart - starts[starts.length - 1]! >= target && opensTopLevelBlock(line)) starts.push(lineStart);
      const open = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
      if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) fence = { char: open[1]![0]!, length: open[1]!.length };
      else if (/^ {0,3}:{3,}\s*[A-Za-z]/.test(line)) directives++;
      else if (/^ {0,3}:{3,}\s*$/.test(line) && directives > 0) directives--;
      else html = htmlBlockEnd(line);
      prevBlank = blank;
    }
    first = false;
    lineStart = lineEnd + 1;
  }
  return starts;
}

/**
 * After a blank line, outside fences, HTML blocks 1-5 and directives: does this line start a block at
 * the top level that nothing before it can absorb? A line at column 0 closes every list item and
 * block quote (their content is indented or marked, and a blank line ends lazy continuation), so
 * it starts a heading, a paragraph, a table, a definition... What it must not be is a list
 * marker (the next item of the list before: a split would make two lists) or a quote marker.
 */
function opensTopLevelBlock(line: string): boolean {
  const c = line.charCodeAt(0);
  if (Number.isNaN(c) || c === 0x20 || c === 0x09 || c === 0x3e /* > */) return false;
  // nor a thematic break, nor "---"/"+++", which at the start of a chunk would read as front matter
  return !/^(?:(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)|---|\+\+\+|(?:\*[ \t]*){3,}$|(?:_[ \t]*){3,}$)/.test(line);
}

/** For an HTML block of kinds 1-5 that this line opens and does not close: the end condition. */
function htmlBlockEnd(line: string): RegExp | null {
  const m = /^ {0,3}<(script|pre|style|textarea|!--|\?|![A-Za-z]|!\[CDATA\[)/i.exec(line);
  if (!m) return null;
  const kind = m[1]!.toLowerCase();
  const end =
    kind === '!--' ? /-->/ : kind === '?' ? /\?>/ : kind === '![cdata[' ? /\]\]>/ : kind.startsWith('!') ? />/ : new RegExp(`</(script|pre|style|textarea)>`, 'i');
  const rest = line.slice(m.index + m[0].length);
  return end.test(rest) ? null : end;
}

interface Chunk {
  start: number;
  text: string;
  /** 1-based line of the chunk's first line in the whole document. */
  line: number;
  tree: Root;
}

/** Parse `source` chunk by chunk with `parse` (the processor's parse), as if it were parsed whole. */
export function parseChunked(source: string, parse: (text: string) => Root, options: ChunkOptions | number = {}): Root {
  const starts = chunkStarts(source, typeof options === 'number' ? { targetBytes: options } : options);
  if (starts.length === 1) return parse(source);
  const chunks: Chunk[] = [];
  let line = 1;
  let unsettled = 0;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const text = source.slice(start, starts[i + 1] ?? source.length);
    chunks.push({ start, text, line, tree: parse(text) });
    // every ~1 MB: the parser's garbage, before it piles up (by bytes: chunk sizes vary)
    unsettled += text.length;
    if (unsettled >= SETTLE_ABOVE) {
      settle();
      unsettled = 0;
    }
    line += countNewlines(text);
  }

  // Document-wide labels: definitions and footnotes defined in one chunk, used in another.
  const defined = chunks.map((c) => labelsOf(c.tree));
  const all = { definition: new Map<string, string>(), footnoteDefinition: new Map<string, string>() };
  for (const d of defined) {
    for (const [id, label] of d.definition) if (!all.definition.has(id)) all.definition.set(id, label);
    for (const [id, label] of d.footnoteDefinition) if (!all.footnoteDefinition.has(id)) all.footnoteDefinition.set(id, label);
  }
  if (all.definition.size || all.footnoteDefinition.size) {
    chunks.forEach((chunk, i) => {
      const own = defined[i]!;
      const foreign: string[] = [];
      let folded: string | undefined;
      const mentions = (id: string) => (folded ??= chunk.text.replace(/\s+/g, ' ').toLowerCase()).includes(id);
      for (const [id, label] of all.definition) if (!own.definition.has(id) && mentions(id)) foreign.push(`[${label}]: #`);
      for (const [id, label] of all.footnoteDefinition) if (!own.footnoteDefinition.has(id) && mentions(id)) foreign.push(`[^${label}]: #`);
      if (!foreign.length) return;
      const stand = foreign.join('\n');
      if (i === 0) {
        // The first chunk may open with front matter: the stand-ins go after it.
        const tree = parse(`${chunk.text}${chunk.text.endsWith('\n') ? '' : '\n'}\n${stand}\n`);
        tree.children = tree.children.filter((n) => (n.position?.start.offset ?? 0) < chunk.text.length);
        tree.position = chunk.tree.position;
        chunk.tree = tree;
      } else {
        // Other chunks open with a heading after a blank line: stand-ins before it change nothing.
        const prefix = `${stand}\n\n`;
        const tree = parse(prefix + chunk.text);
        tree.children = tree.children.filter((n) => (n.position?.start.offset ?? 0) >= prefix.length);
        shiftTree(tree, -prefix.length, -countNewlines(prefix));
        tree.position = chunk.tree.position;
        chunk.tree = tree;
      }
    });
  }

  const root: Root = { type: 'root', children: [] };
  const pins: RawPin[] = [];
  for (const chunk of chunks) {
    shiftTree(chunk.tree, chunk.start, chunk.line - 1);
    root.children.push(...(chunk.tree.children as RootContent[]));
    for (const pin of chunk.tree.data?.pins ?? []) pins.push(shiftPin(pin, chunk.start, chunk.line - 1));
  }
  const last = chunks[chunks.length - 1]!;
  const firstPos = chunks[0]!.tree.position;
  const lastPos = last.tree.position;
  if (firstPos && lastPos) root.position = { start: { ...firstPos.start }, end: { ...lastPos.end } };
  if (pins.length) root.data = { ...root.data, pins };
  return root;
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Identifiers (normalised, lowercase) and labels of a tree's top-level definitions and footnotes. */
function labelsOf(tree: Root): { definition: Map<string, string>; footnoteDefinition: Map<string, string> } {
  const out = { definition: new Map<string, string>(), footnoteDefinition: new Map<string, string>() };
  const walk = (nodes: readonly RootContent[]): void => {
    for (const n of nodes) {
      if (n.type === 'definition' || n.type === 'footnoteDefinition') out[n.type].set(n.identifier.toLowerCase(), n.label ?? n.identifier);
      if ('children' in n) walk(n.children as RootContent[]);
    }
  };
  walk(tree.children);
  return out;
}

/** Shift every position in a tree (the root included) by an offset and a number of lines. */
function shiftTree(tree: Root, offset: number, lines: number): void {
  if (offset === 0 && lines === 0) return;
  const stack: { position?: Position; children?: unknown[] }[] = [tree];
  const seen = new Set<Point>(); // a transform may share a point between nodes: shift it once
  while (stack.length) {
    const node = stack.pop()!;
    if (node.position) {
      for (const p of [node.position.start, node.position.end]) {
        if (seen.has(p)) continue;
        seen.add(p);
        shiftPoint(p, offset, lines);
      }
    }
    if (node.children) for (const c of node.children) stack.push(c as (typeof stack)[number]);
  }
}

function shiftPoint(p: Point, offset: number, lines: number): void {
  p.line += lines;
  if (p.offset !== undefined) p.offset += offset;
}

function shiftPin(pin: RawPin, offset: number, lines: number): RawPin {
  return {
    ...pin,
    start: { ...pin.start, line: pin.start.line + lines },
    end: { ...pin.end, line: pin.end.line + lines },
    content: pin.content
      ? { lines: [pin.content.lines[0] + lines, pin.content.lines[1] + lines], startOffset: pin.content.startOffset + offset, endOffset: pin.content.endOffset + offset }
      : null,
  };
}
