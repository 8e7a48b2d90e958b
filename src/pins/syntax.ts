// The author pin syntax: a container directive that marks a passage as a given practice.
//
//   :::practice{purpose=marketing basis=consent data="contact.email identity.name"}
//   We send our newsletter only to people who asked for it.
//   :::
//
// Only *container* directives are parsed (remark-directive's text directives would swallow
// ordinary prose such as "mailto:x" or "10:30", and leaf directives "::x" are not needed). The
// fences sit on their own lines, so the passage inside stays ordinary markdown: the parse step
// replaces the directive by its children, and every output (HTML, canonical markdown, the model's
// quotes) shows plain text. The pins themselves are kept on `tree.data.pins` for src/pins/index.ts.
import type { Root, RootContent, Parent } from 'mdast';
import type { Processor } from 'unified';
import { unified } from 'unified';
import remarkDirective from 'remark-directive';

export const PIN_NAME = 'practice';

/** One pin as the parser saw it. Lines are 1-based lines of the normalised source. */
export interface RawPin {
  attributes: Record<string, string>;
  /** Lines of the opening and closing fences. */
  start: { line: number; column: number };
  end: { line: number; column: number };
  /** Line span and offsets of the content between the fences, or null when it is empty. */
  content: { lines: [number, number]; startOffset: number; endOffset: number } | null;
}

declare module 'mdast' {
  interface RootData {
    /** Author pins found by the parse step (src/pins/syntax.ts). */
    pins?: RawPin[];
  }
}

interface DirectiveNode extends Parent {
  type: 'containerDirective';
  name: string;
  attributes?: Record<string, string | null | undefined> | null;
}

interface Extensions {
  micromark: unknown;
  fromMarkdown: unknown;
}

let cached: Extensions | undefined;
/** remark-directive's syntax, restricted to container directives (no text or leaf directives). */
function containerOnly(): Extensions {
  if (cached) return cached;
  const probe = unified().use(remarkDirective).freeze();
  const data = probe.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  const full = data.micromarkExtensions?.[0] as { flow: Record<number, unknown[]> };
  const container = full.flow[58]?.[0];
  cached = { micromark: { flow: { 58: [container] } }, fromMarkdown: data.fromMarkdownExtensions?.[0] };
  return cached;
}

/** The unified plugin for src/parse/markdown.ts: pin syntax in, plain children out. */
export default function remarkPins(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  const ext = containerOnly();
  (data.micromarkExtensions ??= []).push(ext.micromark);
  (data.fromMarkdownExtensions ??= []).push(ext.fromMarkdown, { transforms: [unwrapDirectives] });
}

/** Replace every container directive by its children; record the `practice` ones as pins. */
export function unwrapDirectives(tree: Root): Root {
  const pins: RawPin[] = [];
  const walk = (parent: Parent): void => {
    const out: RootContent[] = [];
    for (const child of parent.children as RootContent[]) {
      const node = child as unknown as DirectiveNode;
      if (node.type === 'containerDirective') {
        walk(node);
        const kids = node.children as RootContent[];
        if (node.name === PIN_NAME) {
          const first = kids[0]?.position;
          const last = kids[kids.length - 1]?.position;
          const attributes: Record<string, string> = {};
          for (const [k, v] of Object.entries(node.attributes ?? {})) attributes[k] = v ?? '';
          pins.push({
            attributes,
            start: { line: node.position!.start.line, column: node.position!.start.column },
            end: { line: node.position!.end.line, column: node.position!.end.column },
            content:
              first && last
                ? { lines: [first.start.line, last.end.line], startOffset: first.start.offset ?? 0, endOffset: last.end.offset ?? 0 }
                : null,
          });
          out.push(...kids);
        } else {
          // Not ours: keep the fences visible as text, so nothing the author wrote disappears.
          const attrs = Object.entries(node.attributes ?? {})
            .map(([k, v]) => (v ? `${k}="${v}"` : k))
            .join(' ');
          out.push({ type: 'paragraph', children: [{ type: 'text', value: `:::${node.name}${attrs ? `{${attrs}}` : ''}` }] });
          out.push(...kids);
          out.push({ type: 'paragraph', children: [{ type: 'text', value: ':::' }] });
        }
      } else {
        if ('children' in child) walk(child as Parent);
        out.push(child);
      }
    }
    parent.children = out as Parent['children'];
  };
  walk(tree);
  if (pins.length) (tree.data ??= {}).pins = pins;
  return tree;
}
