// Guard against pathological nesting before markdown is parsed. micromark, mdast and hast
// utilities recurse once per nesting level and some of them are quadratic in depth: 1,000 nested
// list items on one line overflow the stack, 20,000 `*` take over a minute. Browsers cap DOM depth
// the same way (Chromium at 512). Here, past MAX_NESTING container levels on a line (block quotes
// and list items, counting indentation) and past MAX_DELIMITER_RUN characters of one emphasis or
// bracket delimiter, the extra markers are replaced by look-alike characters that markdown treats
// as text. Each replacement keeps the length in UTF-16 code units, so every offset, line and
// column of the document stays valid: evidence is still sliced from the untouched source.
// Pure: no I/O.
import type { Diagnostic } from '../diagnostics.js';

/** Deepest nesting of block quotes and list items kept on one line. */
export const MAX_NESTING = 32;
/** Longest run of one emphasis, strikethrough or bracket character kept as markup. */
export const MAX_DELIMITER_RUN = 32;
/** Most openers of one kind (`*`, `_`, `~`, `[`, `<`) kept as markup on one line. */
export const MAX_OPENERS_PER_LINE = 256;
/** Deepest nesting of raw HTML elements kept (tags left open across lines count). */
export const MAX_HTML_DEPTH = 128;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Inert look-alikes, one UTF-16 code unit each, so offsets do not move. */
const INERT: Record<string, string> = {
  '>': '\u203a', // › single right-pointing angle quotation mark
  '-': '\u2010', // ‐ hyphen
  '+': '\uff0b', // ＋ fullwidth plus sign
  '*': '\u2217', // ∗ asterisk operator
  _: '\uff3f', // ＿ fullwidth low line
  '~': '\u223c', // ∼ tilde operator
  '[': '\uff3b', // ［ fullwidth left square bracket
  ']': '\uff3d', // ］ fullwidth right square bracket
  '.': '\uff0e', // ． fullwidth full stop
  ')': '\uff09', // ） fullwidth right parenthesis
  '<': '\u2039', // ‹ single left-pointing angle quotation mark
};

export interface GuardResult {
  /** The text to parse: same length and same line breaks as the input. */
  text: string;
  diagnostics: Diagnostic[];
}

/** Cap container nesting and delimiter runs; returns the input itself when nothing needed capping. */
export function limitNesting(text: string): GuardResult {
  const diagnostics: Diagnostic[] = [];
  const edits: [number, string][] = [];
  let lineStart = 0;
  let line = 1;
  let depthWarned = false;
  let runWarned = false;
  const html = { depth: 0 };
  for (;;) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const capped = capLine(text, lineStart, lineEnd, edits, html);
    if (capped.depthAt !== -1 && !depthWarned) {
      depthWarned = true;
      diagnostics.push({
        ruleId: 'parse/too-deep',
        severity: 'warning',
        message: `Block quotes and lists nested deeper than ${MAX_NESTING} levels are flattened into text (first here)`,
        start: { line, column: capped.depthAt - lineStart + 1 },
        source: 'parse',
      });
    }
    if (capped.runAt !== -1 && !runWarned) {
      runWarned = true;
      diagnostics.push({
        ruleId: 'parse/too-deep',
        severity: 'warning',
        message: `Emphasis, brackets or HTML tags nested too deeply (over ${MAX_DELIMITER_RUN} in a row, ${MAX_HTML_DEPTH} HTML levels) are kept as plain text (first here)`,
        start: { line, column: capped.runAt - lineStart + 1 },
        source: 'parse',
      });
    }
    if (lineEnd === text.length) break;
    lineStart = lineEnd + 1;
    line++;
  }
  if (edits.length === 0) return { text, diagnostics };
  const parts: string[] = [];
  let from = 0;
  for (const [at, c] of edits) {
    parts.push(text.slice(from, at), c);
    from = at + 1;
  }
  parts.push(text.slice(from));
  return { text: parts.join(''), diagnostics };
}

/** Offsets of the first neutralised container marker and delimiter on a line, or -1. */
interface CappedLine {
  depthAt: number;
  runAt: number;
}

const isBlank = (c: number) => c === 0x20 || c === 0x09;

function capLine(text: string, start: number, end: number, edits: [number, string][], html: { depth: number }): CappedLine {
  let depthAt = -1;
  let runAt = -1;

  // 1. Container prefix: indentation, `>` and list markers, as many as the line starts with.
  let depth = 0;
  let columns = 0;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isBlank(c)) {
      if (depth === 0) columns += c === 0x09 ? 4 - (columns % 4) : 1;
      i++;
      continue;
    }
    let markerEnd = -1;
    if (c === 0x3e) markerEnd = i + 1; // >
    else if ((c === 0x2d || c === 0x2b || c === 0x2a) && (i + 1 === end || isBlank(text.charCodeAt(i + 1)))) markerEnd = i + 1; // - + *
    else if (c >= 0x30 && c <= 0x39) {
      let j = i;
      while (j < end && j - i < 9 && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
      const d = text.charCodeAt(j);
      if ((d === 0x2e || d === 0x29) && (j + 1 === end || isBlank(text.charCodeAt(j + 1)))) markerEnd = j + 1;
    }
    if (markerEnd === -1) break;
    depth++;
    // Leading indentation counts as nesting too: a list item nests about one level per two columns.
    if (depth + Math.floor(columns / 2) > MAX_NESTING) {
      const at = markerEnd - 1; // for ordered lists, the `.` or `)`
      edits.push([at, INERT[text[at]!]!]);
      if (depthAt === -1) depthAt = at;
    }
    i = markerEnd;
  }

  // A line made of one repeated character (a thematic break, a code fence) is left alone.
  const rest = text.slice(i, end).trimEnd();
  if (rest.length > 0 && rest.replaceAll(rest[0]!, '').trim() === '') return { depthAt, runAt };

  // 2. Long runs of one delimiter, and 3. many openers of one kind on a line (`*a *a *a ...`,
  // `[[[`, `<span><span>`): both build deep trees. Keep the first ones, neutralise the rest.
  const counts = new Map<string, number>();
  let runChar = '';
  let runLength = 0;
  for (let k = i; k < end; k++) {
    const ch = text[k]!;
    if (ch === runChar) runLength++;
    else {
      runChar = ch;
      runLength = 1;
    }
    if (ch !== '*' && ch !== '_' && ch !== '~' && ch !== '[' && ch !== ']' && ch !== '<') continue;
    const n = (counts.get(ch) ?? 0) + 1;
    counts.set(ch, n);
    let tooDeep = false;
    if (ch === '<') {
      // 4. Raw HTML nesting, across lines: +1 per opening tag, -1 per closing tag (void tags: 0).
      const m = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)/.exec(text.slice(k, Math.min(end, k + 40)));
      if (m && !VOID.has(m[2]!.toLowerCase())) {
        if (m[1]) html.depth = Math.max(0, html.depth - 1);
        else if (html.depth >= MAX_HTML_DEPTH) tooDeep = true;
        else html.depth++;
      }
    }
    if (tooDeep || (runLength > MAX_DELIMITER_RUN && ch !== '<') || (n > MAX_OPENERS_PER_LINE && ch !== ']')) {
      edits.push([k, INERT[ch]!]);
      if (runAt === -1) runAt = k;
    }
  }
  return { depthAt, runAt };
}
