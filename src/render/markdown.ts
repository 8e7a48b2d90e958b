// Canonical policy.md: the source re-printed by remark-stringify with fixed settings, so that
// formatting noise (list markers, emphasis style, spacing) disappears from diffs.
// Round trip: canonical(canonical(x)) === canonical(x) (test/render-markdown.test.ts).
import type { Root } from 'mdast';
import { unified } from 'unified';
import remarkStringify from 'remark-stringify';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';

const printer = unified()
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkStringify, {
    bullet: '-',
    emphasis: '_',
    strong: '*',
    fence: '`',
    fences: true,
    rule: '-',
    listItemIndent: 'one',
    incrementListMarker: true,
    resourceLink: true,
    handlers: {
      // A rule printed as `---` on the first line would read back as a front matter fence
      // (found by test/property.test.ts): print that one as `***`.
      thematicBreak: (_node, parent) => (parent?.type === 'root' && parent.children[0]?.type === 'thematicBreak' && parent.children[0] === _node ? '***' : '---'),
    },
  });

export function renderMarkdown(tree: Root): string {
  return printer.stringify(tree);
}
