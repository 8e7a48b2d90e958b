// Parse a large document section by section. micromark (under remark-parse) is superlinear past
// about 250 KB: a 5 MB policy took 42 s and 840 MB in one piece (../shared/reference/performance.md).
// Split before top-level ATX headings where CommonMark guarantees that nothing spans the split
// (no open code fence, no open HTML block, no link reference or footnote definitions anywhere),
// parse each piece, shift its positions back into the whole file and concatenate. The result
// equals the one-piece parse (test/property.test.ts checks this on arbitrary markdown).
// Pure: no I/O.
import type { Root, RootContent } from 'mdast';
import type { Node } from 'unist';

/** Documents smaller than this are parsed in one piece. */
export const CHUNK_BYTES = 32 * 1024;

/** Offsets where the document may be cut, each at the start of a top-level `#` heading line. */
export function safeSplits(text: string, chunkBytes = CHUNK_BYTES): number[] | null {
  // References may point across sections: keep such documents whole.
  if (/^ {0,3}\[(?:[^\]\\\n]|\\.){1,999}\]:/m.test(text)) return null;
  const splits: number[] = [];
  let fence: { char: string; length: number } | null = null;
  let htmlEnd: RegExp | null = null;
  let last = 0;
  let start = 0;
  let first = true;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    if (first && line === '---') {
      // Front matter: skip to its closing fence.
      const close = text.indexOf('\n---', end);
      if (close === -1) return null;
      end = text.indexOf('\n', close + 1);
      if (end === -1) end = text.length;
      first = false;
      start = end + 1;
      continue;
    }
    first = false;
    if (fence) {
      const m = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (m && m[1]![0] === fence.char && m[1]!.length >= fence.length) fence = null;
    } else if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = null;
    } else {
      const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (f && !(f[1]![0] === '`' && line.slice(f[0].length).includes('`'))) fence = { char: f[1]![0]!, length: f[1]!.length };
      else if (/^ {0,3}<(script|pre|style|textarea)(\s|>|$)/i.test(line)) htmlEnd = /<\/(script|pre|style|textarea)>/i;
      else if (/^ {0,3}<!--/.test(line)) htmlEnd = /-->/;
      else if (/^ {0,3}<\?/.test(line)) htmlEnd = /\?>/;
      else if (/^ {0,3}<![A-Za-z]/.test(line)) htmlEnd = />/;
      else if (/^ {0,3}<!\[CDATA\[/.test(line)) htmlEnd = /\]\]>/;
      // The opening line may close its own block.
      if (htmlEnd && htmlEnd.test(line.replace(/^ {0,3}<(!--|\?|!\[CDATA\[|!|script|pre|style|textarea)/i, ''))) htmlEnd = null;
      // A heading that follows a blank line: no paragraph, list item, quote or HTML block of type
      // 6/7 continues across it.
      if (!fence && !htmlEnd && /^#{1,6}(\s|$)/.test(line) && start - last >= chunkBytes && start >= 2 && text[start - 2] === '\n') {
        splits.push(start);
        last = start;
      }
    }
    start = end + 1;
  }
  return splits;
}

/** Parse in pieces with `parse`, or in one piece when the document is small or cannot be cut. */
export function parseChunked(text: string, parse: (text: string) => Root, chunkBytes = CHUNK_BYTES): Root {
  if (text.length < chunkBytes * 2) return parse(text);
  const splits = safeSplits(text, chunkBytes);
  if (!splits || splits.length === 0) return parse(text);
  const bounds = [0, ...splits, text.length];
  const children: RootContent[] = [];
  let lineOffset = 0;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i]!;
    const piece = text.slice(from, bounds[i + 1]!);
    const tree = parse(piece);
    if (i > 0) shift(tree, lineOffset, from);
    children.push(...tree.children);
    for (let k = piece.indexOf('\n'); k !== -1; k = piece.indexOf('\n', k + 1)) lineOffset++;
  }
  const end = endPoint(text);
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
}

function shift(tree: Root, lines: number, offset: number): void {
  const stack: Node[] = [...tree.children];
  while (stack.length) {
    const node = stack.pop()!;
    const p = node.position;
    if (p) {
      p.start = { line: p.start.line + lines, column: p.start.column, ...(p.start.offset !== undefined ? { offset: p.start.offset + offset } : {}) };
      p.end = { line: p.end.line + lines, column: p.end.column, ...(p.end.offset !== undefined ? { offset: p.end.offset + offset } : {}) };
    }
    const kids = (node as { children?: Node[] }).children;
    if (kids) for (const k of kids) stack.push(k);
  }
}

function endPoint(text: string): { line: number; column: number; offset: number } {
  let line = 1;
  let lastBreak = -1;
  for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) {
    line++;
    lastBreak = k;
  }
  return { line, column: text.length - lastBreak, offset: text.length };
}
