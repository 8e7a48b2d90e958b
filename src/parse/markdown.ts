// Parse stage: markdown text -> mdast with positions, plus front matter. Pure: no I/O.
import type { Root, Yaml } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { LineIndex, normalizeSource } from './source.js';
import { limitNesting } from './guard.js';
import { parseChunked, DEFAULT_CHUNK_BYTES } from './chunked.js';
import type { Diagnostic } from '../diagnostics.js';
import remarkPins from '../pins/syntax.js';

export interface FrontMatter {
  /** Raw YAML text between the fences. */
  raw: string;
  /** 1-based line of the first YAML line (after the opening ---). */
  line: number;
  /** Offsets of the whole block (fences included) in the source. */
  start: number;
  end: number;
}

/** A parsed policy: the contract between parse and the stages after it. */
export interface ParsedDocument {
  /** Path as given (for messages); may be virtual. */
  path: string;
  /** Normalised source text (LF line endings, no BOM). All offsets refer to it. */
  text: string;
  lines: LineIndex;
  tree: Root;
  frontMatter: FrontMatter | null;
  /** Problems found while parsing (e.g. nesting too deep to keep: parse/too-deep). */
  diagnostics?: Diagnostic[];
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkPins);

/** Above this size, parse block-chunk by block-chunk (src/parse/chunked.ts): same tree, linear time, less work. */
export const CHUNKED_PARSE_ABOVE = DEFAULT_CHUNK_BYTES;

/** The tree of a normalised source, parsed whole. */
export function parseTree(source: string): Root {
  return processor.parse(source) as Root;
}

export function parseMarkdown(text: string, path = 'policy.md'): ParsedDocument {
  const source = normalizeSource(text);
  // Pathological nesting is capped first (same length, so offsets into `source` stay valid).
  const guarded = limitNesting(source);
  const tree = guarded.text.length > CHUNKED_PARSE_ABOVE ? parseChunked(guarded.text, parseTree) : parseTree(guarded.text);
  const first = tree.children[0];
  let frontMatter: FrontMatter | null = null;
  if (first && first.type === 'yaml' && first.position) {
    const node = first as Yaml;
    frontMatter = {
      raw: node.value,
      line: first.position.start.line + 1,
      start: first.position.start.offset ?? 0,
      end: first.position.end.offset ?? 0,
    };
  }
  return { path, text: source, lines: new LineIndex(source), tree, frontMatter, diagnostics: guarded.diagnostics };
}
