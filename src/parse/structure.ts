// Structure stage: the mdast tree -> a flat list of text blocks, each with its section path.
// Real policies are messy (../shared/corpus/README.md): plain or bold lines used as headings,
// headings glued to list items or pushed onto the next line, `####` paragraphs, fake layout
// tables, prose in code blocks, HTML comments. Every block keeps offsets into the normalised
// source, so later stages can quote it exactly.
//
// The `mask` is a same-length copy of the source in which only policy text is kept (lower-cased,
// curly quotes straightened, invisible characters blanked); markup, URLs, comments and the archive
// header become spaces. Matching runs on the mask; quotes are cut from the source at the same offsets.
import type { Nodes, Parent, Root, RootContent } from 'mdast';
import type { ParsedDocument } from './markdown.js';

export type BlockKind = 'heading' | 'paragraph' | 'item' | 'cell' | 'code';

export interface Block {
  kind: BlockKind;
  /** Offsets of the block's text (markers such as `* ` or `## ` excluded) in doc.text. */
  start: number;
  end: number;
  /** Heading path of the section the block belongs to (for a heading: its parents). */
  section: string[];
  /** Heading depth (1-6 real, 7 for a line used as a heading); 0 for other blocks. */
  depth: number;
  /** A paragraph or line used as a heading, not a markdown heading. */
  pseudoHeading?: boolean;
  /** For a list item: the index of its lead-in block ("We use it in the following ways:"). */
  leadIn?: number;
  /** List nesting level (1 = top-level list). */
  listLevel?: number;
  /** Part of a table of contents (short wh-question items): not practice text. */
  toc?: boolean;
  /** Inside a blockquote. */
  quoted?: boolean;
}

export interface ArchiveHeader {
  site: string;
  archived_on: string;
  snapshot_url?: string;
  start: number;
  end: number;
}

export interface DocumentStructure {
  blocks: Block[];
  /** Same length as doc.text: the policy text only, lower-cased; everything else blanked. */
  mask: string;
  archive: ArchiveHeader | null;
  /** The first real heading's text, if any. */
  firstHeading: string | null;
}

const ARCHIVE_RE =
  /the following text is extracted and transformed from the\s+(\S+?)\s+privacy policy that was archived on\s+(\d{4}-\d{2}-\d{2})/;

/** Spaces for every character but newlines. */
function blankOut(s: string): string {
  return s.includes('\n') ? s.split('\n').map((l) => ' '.repeat(l.length)).join('\n') : ' '.repeat(s.length);
}

/** The mask of a slice of policy text: same length, lower-cased, quotes straightened, markup blanked. */
export function maskSlice(raw: string): string {
  let out = raw.toLowerCase();
  if (out.length !== raw.length) out = Array.from(raw, (c) => (c.toLowerCase().length === c.length ? c.toLowerCase() : c)).join('');
  return out
    .replace(/[\u2018\u2019\u201b\u2032`]/g, "'")
    .replace(/[\u201c\u201d\u201f]/g, '"')
    .replace(/[\u2013\u2014\u2010\u2011]/g, '-')
    .replace(/[\u00a0\t\u2007\u202f*_\\\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g, ' ')
    .replace(/\r/g, ' ');
}

const off = (n: { position?: { start: { offset?: number }; end: { offset?: number } } }): [number, number] | null => {
  const s = n.position?.start.offset;
  const e = n.position?.end.offset;
  return s == null || e == null ? null : [s, e];
};

/** Offsets of the text inside a node: from its first to its last phrasing child. */
function innerSpan(node: Parent): [number, number] | null {
  const kids = node.children as Nodes[];
  let s: number | null = null;
  let e: number | null = null;
  for (const k of kids) {
    const o = off(k);
    if (!o) continue;
    if (s == null || o[0] < s) s = o[0];
    if (e == null || o[1] > e) e = o[1];
  }
  return s == null || e == null ? null : [s, e];
}

/** A code block that is really prose (an indented pseudo-table or paragraph), not a log or SQL. */
function looksLikeProse(value: string): boolean {
  const letters = (value.match(/[A-Za-z]/g) ?? []).length;
  if (letters < 40 || letters / Math.max(1, value.length) < 0.6) return false;
  if (/[{};<>=]\s*$|^\s*(select|insert|update|create|GET|POST)\b|\d+\.\d+\.\d+\.\d+/im.test(value)) return false;
  const words = value.split(/\s+/).filter((w) => /^[A-Za-z][a-z'’,.;:]*$/.test(w)).length;
  return words >= 8;
}

export function buildStructure(doc: ParsedDocument): DocumentStructure {
  const text = doc.text;
  // Painted ranges of policy text; the mask is assembled once from them (see maskStr).
  const painted: [number, number][] = [];
  const paint = (s: number, e: number) => {
    if (e > s) painted.push([s, Math.min(e, text.length)]);
  };
  const blanked: [number, number][] = [];
  const blank = (s: number, e: number) => {
    blanked.push([s, e]);
  };

  // Paint every text-bearing leaf; links keep their text, not their URL.
  const paintPhrasing = (node: Nodes) => {
    if (node.type === 'text' || node.type === 'inlineCode') {
      const o = off(node);
      if (o) paint(o[0], o[1]);
      return;
    }
    if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference') return;
    if ('children' in node) for (const k of node.children as Nodes[]) paintPhrasing(k);
  };

  interface Raw {
    kind: BlockKind;
    start: number;
    end: number;
    depth: number;
    node: Nodes;
    listLevel?: number;
    parentItem?: number; // raw index of the parent item's first paragraph
    leadIn?: number;
    quoted?: boolean;
    listId?: number;
    lastInList?: boolean;
  }
  const raws: Raw[] = [];
  let archive: ArchiveHeader | null = null;
  let listCounter = 0;

  const walk = (nodes: RootContent[], ctx: { listLevel: number; parentItem?: number; quoted: boolean }) => {
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      switch (node.type) {
        case 'heading': {
          const span = innerSpan(node);
          paintPhrasing(node);
          raws.push({ kind: 'heading', start: span?.[0] ?? off(node)?.[1] ?? 0, end: span?.[1] ?? off(node)?.[1] ?? 0, depth: node.depth, node, quoted: ctx.quoted });
          break;
        }
        case 'paragraph': {
          const span = innerSpan(node);
          if (!span) break;
          paintPhrasing(node);
          raws.push({ kind: 'paragraph', start: span[0], end: span[1], depth: 0, node, quoted: ctx.quoted });
          break;
        }
        case 'blockquote':
          walk(node.children, { ...ctx, quoted: true });
          break;
        case 'list': {
          const listId = ++listCounter;
          // lead-in: the paragraph just before the list (in the same parent), or the parent item
          const prev = raws.length ? raws.length - 1 : undefined;
          const leadIn = ctx.parentItem ?? (prev !== undefined && raws[prev]!.kind !== 'heading' ? prev : undefined);
          const items = node.children;
          items.forEach((item, idx) => {
            let first: number | undefined;
            for (const child of item.children) {
              if (child.type === 'paragraph') {
                const span = innerSpan(child);
                if (!span) continue;
                paintPhrasing(child);
                raws.push({
                  kind: 'item', start: span[0], end: span[1], depth: 0, node: child, listLevel: ctx.listLevel + 1,
                  leadIn, quoted: ctx.quoted, listId, lastInList: idx === items.length - 1,
                });
                first ??= raws.length - 1;
              } else {
                walk([child], { listLevel: ctx.listLevel + 1, parentItem: first ?? leadIn, quoted: ctx.quoted });
              }
            }
          });
          break;
        }
        case 'table':
          for (const row of node.children)
            for (const cell of row.children) {
              const span = innerSpan(cell);
              if (!span) continue;
              paintPhrasing(cell);
              raws.push({ kind: 'cell', start: span[0], end: span[1], depth: 0, node: cell, quoted: ctx.quoted });
            }
          break;
        case 'code': {
          const o = off(node);
          if (!o || !looksLikeProse(node.value)) break;
          // paint the code's lines (fences excluded)
          let s = o[0];
          let e = o[1];
          if (node.position && /^\s*(```|~~~)/.test(text.slice(s, s + 10))) {
            s = text.indexOf('\n', s) + 1;
            const lastNl = text.lastIndexOf('\n', e - 1);
            if (lastNl > s) e = lastNl;
          }
          paint(s, e);
          raws.push({ kind: 'code', start: s, end: e, depth: 0, node, quoted: ctx.quoted });
          break;
        }
        default:
          break; // html (comments, markers), yaml, thematicBreak, definition: not policy text
      }
    }
  };
  walk((doc.tree as Root).children, { listLevel: 0, quoted: false });
  // `leadIn` is an index into `raws`: every later insertion or removal must move it along, or a
  // list item's lead-in becomes its neighbour (the archive header's removal shifted every plc/ list
  // item onto the item before it, so the first item lost its lead-in and the others inherited it)
  const spliceRaws = (at: number, remove: number, ...insert: Raw[]) => {
    const delta = insert.length - remove;
    for (const x of raws) {
      if (x.leadIn === undefined || x.leadIn < at) continue;
      if (x.leadIn < at + remove) x.leadIn = undefined;
      else x.leadIn += delta;
    }
    raws.splice(at, remove, ...insert);
  };

  // The archive header: a quoted paragraph near the top naming the site and the archive date.
  for (const r of raws.slice(0, 3)) {
    if (!r.quoted) continue;
    const m = ARCHIVE_RE.exec(maskSlice(text.slice(r.start, r.end)).replace(/\s+/g, ' '));
    if (!m) continue;
    const raw = text.slice(r.start, r.end);
    const url = /\]\((https?:\/\/[^\s)]+)/.exec(raw)?.[1];
    const siteRaw = /transformed from the\s+(\S+?)\s+privacy policy/i.exec(raw)?.[1] ?? m[1]!;
    archive = { site: siteRaw, archived_on: m[2]!, start: r.start, end: r.end, ...(url ? { snapshot_url: url } : {}) };
    blank(r.start, r.end);
    spliceRaws(raws.indexOf(r), 1);
    break;
  }

  const maskStr = () => {
    painted.sort((x, y) => x[0] - y[0]);
    const parts: string[] = [];
    let pos = 0;
    const gap = (from: number, to: number) => {
      if (to <= from) return;
      parts.push(blankOut(text.slice(from, to)));
    };
    for (const [ps, pe] of painted) {
      let s0 = Math.max(ps, pos);
      if (pe <= s0) continue;
      gap(pos, s0);
      // blanked ranges (the archive header) inside a painted range stay blank
      let chunk = maskSlice(text.slice(s0, pe));
      for (const [bs, be] of blanked) {
        if (be <= s0 || bs >= pe) continue;
        const a0 = Math.max(bs, s0) - s0;
        const b0 = Math.min(be, pe) - s0;
        chunk = chunk.slice(0, a0) + blankOut(chunk.slice(a0, b0)) + chunk.slice(b0);
      }
      parts.push(chunk);
      pos = pe;
      s0 = 0;
    }
    gap(pos, text.length);
    return parts.join('');
  };
  let mask = maskStr();
  const blockText = (r: { start: number; end: number }) => mask.slice(r.start, r.end).replace(/\s+/g, ' ').trim();

  // Headings glued to the last item of a list: "... important to you with whom we may share your information".
  for (let i = 0; i < raws.length; i++) {
    const r = raws[i]!;
    if (r.kind !== 'item' || !r.lastInList) continue;
    const t = mask.slice(r.start, r.end);
    if (/[.!?;:,]\s*$/.test(t)) continue;
    const m = /\s((?:with whom|what|how|who|whom|when|where|why|which)\s[^.!?;:]{5,80})$/.exec(t.trimEnd());
    if (!m || m.index < 20) continue;
    if (!/\b(share|shared|collect|use|information|data|cookies|secur|choices|rights|disclose|contact|protect)/.test(m[1]!)) continue;
    const cut = r.start + m.index + 1;
    let end = r.start + t.trimEnd().length;
    const glued: Raw = { kind: 'heading', start: cut, end, depth: 7, node: r.node, quoted: r.quoted };
    let itemEnd = cut;
    while (itemEnd > r.start && /\s/.test(mask[itemEnd - 1]!)) itemEnd--;
    r.end = itemEnd;
    spliceRaws(i + 1, 0, glued);
    i++;
    end = 0;
    void end;
  }

  // Paragraph-level heading heuristics.
  const isHeadingLike = (r: Raw, next: Raw | undefined): boolean => {
    if (r.kind !== 'paragraph' && r.kind !== 'cell') return false;
    const raw = text.slice(r.start, r.end);
    const t = blockText(r);
    if (!t || t.length > 120 || raw.includes('\n')) return false;
    const words = t.split(' ').length;
    const node = r.node as Parent;
    const kids = (node.children as Nodes[]).filter((k) => !(k.type === 'text' && !k.value.trim()));
    const allBold = kids.length > 0 && kids.every((k) => k.type === 'strong');
    if (allBold && words <= 14 && !/[.;,]$/.test(t)) return true;
    if (r.kind !== 'paragraph') return false;
    if (words > 9 || /[.;,:]$/.test(t) || !/^[A-Z0-9"'(]/.test(raw.replace(/^[*_\s]+/, ''))) return false;
    if (!next || next.kind === 'heading') return false;
    // plain line: Title Case or a question, followed by text
    const capitals = t.split(' ').filter((w) => /^[a-z]/.test(w)).length; // mask is lower-cased: use raw
    void capitals;
    const rawWords = raw.replace(/[*_[\]()]/g, ' ').split(/\s+/).filter(Boolean);
    const titleWords = rawWords.filter((w) => /^[A-Z0-9]/.test(w)).length;
    const small = rawWords.filter((w) => /^(and|or|of|the|a|an|to|for|in|on|with|we|you|your|our|do|is|are|how|what|by|from|this|that|about|us|at)$/i.test(w)).length;
    return /\?$/.test(t) || titleWords + small >= rawWords.length || titleWords / rawWords.length >= 0.6;
  };

  // Resolve kinds, sections and depth.
  const blocks: Block[] = [];
  const stack: { depth: number; title: string }[] = [];
  let firstHeading: string | null = null;
  const rawToBlock = new Map<number, number>();
  for (let i = 0; i < raws.length; i++) {
    const r = raws[i]!;
    let kind = r.kind;
    let depth = r.depth;
    let pseudo = false;
    let start = r.start;
    let end = r.end;
    if (kind === 'heading') {
      let t = blockText(r);
      if (!t) {
        // a heading pushed onto the next line: "###" then the title as a paragraph
        const next = raws[i + 1];
        if (next && next.kind === 'paragraph') {
          const nl = text.indexOf('\n', next.start);
          const lineEnd = nl < 0 || nl > next.end ? next.end : nl;
          const title = mask.slice(next.start, lineEnd).trim();
          if (title && title.split(/\s+/).length <= 12) {
            next.kind = 'heading';
            next.depth = depth;
            if (lineEnd < next.end) {
              // the rest of that paragraph is text
              const rest: Raw = { ...next, kind: 'paragraph', depth: 0, start: lineEnd + 1 };
              next.end = lineEnd;
              spliceRaws(i + 2, 0, rest);
            }
          }
        }
        continue;
      }
      // a `####` paragraph: long prose marked as a heading is text
      if (t.split(' ').length > 24 || /[.!?]\s+\S+\s+\S+.*[.!?]$/.test(t)) {
        kind = 'paragraph';
        depth = 0;
      } else if (r.depth === 7) {
        pseudo = true;
      }
      void t;
    } else if (isHeadingLike(r, raws[i + 1])) {
      kind = 'heading';
      depth = 7;
      pseudo = true;
    }
    const title = kind === 'heading' ? blockText({ start, end }).replace(/^#+\s*/, '') : '';
    if (kind === 'heading') {
      while (stack.length && stack[stack.length - 1]!.depth >= depth) stack.pop();
      const section = stack.map((s) => rawTitle(text, s.title));
      const b: Block = { kind, start, end, section, depth, ...(pseudo ? { pseudoHeading: true } : {}), ...(r.quoted ? { quoted: true } : {}) };
      blocks.push(b);
      const titleRaw = text.slice(start, end).replace(/[*_#]+/g, '').replace(/\s+/g, ' ').trim();
      stack.push({ depth, title: titleRaw });
      if (!pseudo && firstHeading == null && title) firstHeading = titleRaw;
      rawToBlock.set(i, blocks.length - 1);
      continue;
    }
    const b: Block = { kind, start, end, section: stack.map((s) => s.title), depth: 0 };
    if (r.listLevel) b.listLevel = r.listLevel;
    if (r.leadIn !== undefined && rawToBlock.has(r.leadIn)) b.leadIn = rawToBlock.get(r.leadIn)!;
    if (r.quoted) b.quoted = true;
    blocks.push(b);
    rawToBlock.set(i, blocks.length - 1);
    start = 0;
    end = 0;
  }

  // Tables of contents: lists whose items are all short questions or section names.
  const byList = new Map<number, number[]>();
  raws.forEach((r, i) => {
    if (r.kind === 'item' && r.listId !== undefined && rawToBlock.has(i)) {
      const arr = byList.get(r.listId) ?? [];
      arr.push(rawToBlock.get(i)!);
      byList.set(r.listId, arr);
    }
  });
  const headingTitles = new Set(blocks.filter((b) => b.kind === 'heading').map((b) => blockText(b).replace(/[^a-z0-9 ]/g, '').trim()));
  for (const ids of byList.values()) {
    const texts = ids.map((id) => blockText(blocks[id]!));
    const rawTexts = ids.map((id) => text.slice(blocks[id]!.start, blocks[id]!.end));
    const toc =
      ids.length >= 2 &&
      texts.every((t) => t.split(' ').length <= 12 && !/[.;]$/.test(t)) &&
      (texts.every((t) => /^(what|how|who|with whom|where|when|why|which|whom|your|our|information|changes|contact|security|cookies)\b/.test(t)) ||
        rawTexts.every((t) => /^\[[^\]]+\]\(#/.test(t.trim())));
    // or: the items repeat the document's own headings ("Contents below", then the sections)
    const repeats = texts.filter((t) => headingTitles.has(t.replace(/[^a-z0-9 ]/g, '').trim())).length;
    if (toc || (ids.length >= 2 && repeats >= Math.max(2, Math.ceil(ids.length * 0.6)))) for (const id of ids) blocks[id]!.toc = true;
  }
  mask = maskStr();
  return { blocks, mask, archive, firstHeading };
}

function rawTitle(_text: string, title: string): string {
  return title;
}
