// Canonical policy.md: the source re-printed by remark-stringify with fixed settings, so that
// formatting noise (list markers, emphasis style, spacing) disappears from diffs.
// Round trip: canonical(canonical(x)) === canonical(x) (test/render-markdown.test.ts).
import type { Root } from 'mdast';
import { unified } from 'unified';
import remarkStringify from 'remark-stringify';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Options as StringifyOptions } from 'remark-stringify';

type Handlers = NonNullable<StringifyOptions['handlers']>;
type TextHandler = NonNullable<Handlers['text']>;

/**
 * remark-stringify's own text handler, with one saving: state.safe runs every "unsafe" pattern's
 * regular expression over each text (some 45 with GFM; half of the printing time on the corpus),
 * and a pattern can only match where its character occurs. Only the patterns whose character is in
 * the text or its neighbours are handed to it: the same escapes, byte for byte.
 */
const text: TextHandler = (node, parent, state, info) => {
  const siblings = parent ? parent.children : [];
  const index = state.indexStack[state.indexStack.length - 1]!;
  const around = (info.before ?? '') + node.value + (info.after ?? '');
  const all = state.unsafe;
  state.unsafe = all.filter((p) => around.includes(p.character));
  try {
    return state.safe(node.value, { ...info, afterNode: siblings[index + 1], beforeNode: siblings[index - 1] });
  } finally {
    state.unsafe = all;
  }
};

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
      text,
      // A rule printed as `---` on the first line would read back as a front matter fence
      // (found by test/property.test.ts): print that one as `***`.
      thematicBreak: (_node, parent) => (parent?.type === 'root' && parent.children[0]?.type === 'thematicBreak' && parent.children[0] === _node ? '***' : '---'),
    },
  });

// A version's canonical markdown is published twice (its own folder and the stable URL): print once per tree.
const printed = new WeakMap<Root, string>();

export function renderMarkdown(tree: Root): string {
  let text = printed.get(tree);
  if (text === undefined) {
    text = printer.stringify(tree);
    printed.set(tree, text);
  }
  return text;
}
